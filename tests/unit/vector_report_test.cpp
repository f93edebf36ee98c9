// SVG pictures in a report: read at load time (icons by name, the report's own files, cover
// artwork), their problems at the right lines, and drawn by layout as paths in the edition's
// colours.
#include <gtest/gtest.h>

#include <thread>

#include "layout/flow.h"
#include "layout/vector_drawing.h"
#include "model/vector_files.h"
#include "test_support.h"

namespace lp {
namespace {

const char* kLogo = R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">
<rect width="10" height="10" fill="#2E8540"/>
<rect x="10" width="5" height="10" fill="#808080"/>
<rect x="15" width="5" height="10" fill="#996633" stroke="currentColor"/>
</svg>
)svg";

Document load(const std::string& yaml, Diagnostics& d) {
  test::write_temp("logo.svg", kLogo);
  test::write_temp("broken.svg", "<svg viewBox=\"0 0 1 1\">\n<g>\n</svg>");
  return load_report(test::write_temp("vectors.yaml", yaml), d, "", {test::source("layout/icons")});
}

const std::string kHead = "report: {title: T, editions: [booklet]}\ncontent:\n";

TEST(VectorReport, IconsByNameAndFileArtworkAndImages) {
  Diagnostics d;
  const Document doc = load(kHead + R"(  - cover: {title: C, artwork: logo.svg}
  - section:
      title: S
      blocks:
        - image: {src: logo.svg, alt: A logo}
        - stats: {groups: [{name: G, icon: heart, items: [{value: 1, label: x}]}]}
        - contact: {items: [{label: Call, phone: "1", icon: logo.svg}]}
        - list: {icon: star, items: [a]}
        - lettering: {lines: [JOINT, AGENCY]}
)", d);
  ASSERT_FALSE(d.has_errors()) << format_diagnostic(d.all().front());
  EXPECT_EQ(d.warning_count(), 0u);
  const auto& cover = std::get<Cover>(doc.content[0]);
  ASSERT_TRUE(cover.artwork.vector);
  EXPECT_EQ(cover.artwork.vector->view_width, 20);
  const auto& blocks = std::get<Section>(doc.content[1]).blocks;
  EXPECT_TRUE(std::get<Image>(blocks[0]).vector);
  EXPECT_TRUE(std::get<Stats>(blocks[1]).groups[0].icon.picture);
  EXPECT_TRUE(std::get<Contact>(blocks[2]).items[0].icon.picture);
  EXPECT_EQ(std::get<ListBlock>(blocks[3]).icon.name, "star");
  EXPECT_TRUE(std::get<ListBlock>(blocks[3]).icon.picture);
  EXPECT_EQ(std::get<Lettering>(blocks[4]).lines, (std::vector<std::string>{"JOINT", "AGENCY"}));
}

TEST(VectorReport, ProblemsAtTheirLines) {
  Diagnostics d;
  load(kHead + R"(  - section:
      title: S
      blocks:
        - image: {src: broken.svg, alt: Broken}
        - stats: {groups: [{name: G, icon: helth, items: [{value: 1, label: x}]}]}
        - people: [{name: A B, photo: logo.svg}]
        - lettering: {lines: []}
)", d);
  std::vector<std::string> said;
  for (const auto& diag : d.all()) said.push_back(format_diagnostic(diag));
  ASSERT_EQ(said.size(), 4u);
  EXPECT_NE(said[0].find("vectors.yaml:6:24: error: image"), std::string::npos) << said[0];
  EXPECT_NE(said[0].find("is not a readable SVG: line 3: Opening and ending tag mismatch"), std::string::npos) << said[0];
  EXPECT_NE(said[1].find("vectors.yaml:7:44: warning: no icon 'helth' (did you mean 'health'?)"), std::string::npos) << said[1];
  EXPECT_NE(said[2].find("vectors.yaml:8:39: error: photo 'logo.svg': an SVG is drawn as an image"), std::string::npos) << said[2];
  EXPECT_NE(said[3].find("vectors.yaml:9:30: error: 'lines' needs at least one line"), std::string::npos) << said[3];
}

// SVG files named anywhere in a report start being read while it is parsed (VectorFiles::
// prefetch); what the report is told is what it was told when each was read when asked for.
std::vector<std::string> said_by(const Diagnostics& d) {
  std::vector<std::string> said;
  for (const auto& diag : d.all()) said.push_back(format_diagnostic(diag));
  return said;
}

TEST(VectorReport, PrefetchedFilesSayWhatTheyWouldHaveSaidWhenAsked) {
  const std::string good = test::write_temp("pf-good.svg", kLogo);
  const std::string broken = test::write_temp("pf-broken.svg", "<svg viewBox=\"0 0 1 1\">\n<g>\n</svg>");
  const std::string odd = test::write_temp("pf-odd.svg", "<svg viewBox=\"0 0 4 4\"><blink/><rect width=\"4\" height=\"4\"/></svg>");
  const std::string unused = test::write_temp("pf-unused.svg", "not XML at all");
  auto read_all = [&](VectorFiles& files) {
    std::vector<std::shared_ptr<const VectorPicture>> got;
    for (const std::string& path : {odd, broken, good, broken})  // not the order they were given in
      got.push_back(files.read(path, path, "r.yaml", {3, 4}, "image"));
    return got;
  };
  Diagnostics asked;
  VectorFiles plain({}, asked);
  const auto expected = read_all(plain);
  Diagnostics prefetching;
  VectorFiles early({}, prefetching);
  for (const std::string& path : {good, broken, unused, odd, good}) early.prefetch(path);
  early.end_prefetch();
  const auto got = read_all(early);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(bool(got[i]), bool(expected[i])) << i;
    if (got[i] && expected[i]) {
      EXPECT_EQ(got[i]->view_width, expected[i]->view_width) << i;
    }
  }
  EXPECT_EQ(said_by(prefetching), said_by(asked));  // and nothing of the file never asked for
  ASSERT_EQ(said_by(asked).size(), 3u);
  EXPECT_NE(said_by(asked)[0].find("warning"), std::string::npos) << said_by(asked)[0];
  EXPECT_NE(said_by(asked)[1].find("r.yaml:3:4: error: image"), std::string::npos) << said_by(asked)[1];
  EXPECT_NE(said_by(asked)[2].find("(said above)"), std::string::npos) << said_by(asked)[2];
}

TEST(VectorReport, ManyFilesPrefetchedFromSeveralThreadsAndReadInAnyOrder) {
  std::vector<std::string> paths;
  for (int i = 0; i < 120; ++i)
    paths.push_back(test::write_temp("pf-many-" + std::to_string(i) + ".svg",
                                     i % 7 == 3 ? std::string("<svg><unclosed>") :
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(i + 1) +
                                         " 5\"><rect width=\"1\" height=\"1\"/></svg>"));
  Diagnostics d;
  VectorFiles files({}, d);
  std::vector<std::thread> parsers;
  for (int t = 0; t < 3; ++t)
    parsers.emplace_back([&, t] {
      for (size_t i = t; i < paths.size(); i += 3) files.prefetch(paths[i]);
    });
  // Read while they are still being given: from the end, so that some are taken before the
  // thread reaches them, some while it reads them, some after.
  for (size_t i = paths.size(); i-- > 60;) {
    const auto pic = files.read(paths[i], paths[i], "r.yaml", {1, 1}, "image");
    EXPECT_EQ(bool(pic), i % 7 != 3) << i;
    if (pic) {
      EXPECT_EQ(pic->view_width, static_cast<double>(i + 1)) << i;
    }
  }
  for (auto& t : parsers) t.join();
  files.end_prefetch();
  for (size_t i = 0; i < 60; ++i) {
    const auto pic = files.read(paths[i], paths[i], "r.yaml", {1, 1}, "image");
    EXPECT_EQ(bool(pic), i % 7 != 3) << i;
    if (pic) {
      EXPECT_EQ(pic->view_width, static_cast<double>(i + 1)) << i;
    }
  }
  size_t broken = 0;
  for (size_t i = 0; i < paths.size(); ++i) broken += i % 7 == 3;
  EXPECT_EQ(d.all().size(), broken);
}

// A scalar that only mentions an SVG (in a paragraph, or a file outside the folder) is not a
// picture: the report is told nothing of it.
TEST(VectorReport, AScalarThatOnlyNamesAnSvgSaysNothing) {
  test::write_temp("pf-text-only.svg", "not XML");
  Diagnostics d;
  load(kHead + R"(  - section:
      title: S
      blocks:
        - p: pf-text-only.svg
        - p: ../outside.svg
        - p: /etc/nothing-here.svg
)", d);
  EXPECT_TRUE(d.all().empty()) << format_diagnostic(d.all().front());
}

TEST(VectorReport, DrawnInTheEditionsColours) {
  Diagnostics d;
  std::string error;
  int line = 0;
  std::vector<SvgWarning> warnings;
  const auto pic = parse_svg(kLogo, error, line, warnings);
  ASSERT_TRUE(pic) << error;
  const StyleSheet st = test::booklet_styles();
  const Colour tint = st.accents.at(1);
  const GroupItem g = vector_group(*pic, Pt(10), Pt(20), Pt(100), Pt(100), tint, st);
  // Fitted: 5 times, centred down the box (the picture is half as tall as it is wide).
  EXPECT_DOUBLE_EQ(g.transform.a, 5);
  EXPECT_DOUBLE_EQ(g.transform.e.value, 10);
  EXPECT_DOUBLE_EQ(g.transform.f.value, 20 + 25);
  ASSERT_TRUE(g.clip);  // the box, in the picture's units
  EXPECT_DOUBLE_EQ(g.clip->at(0).y1.value, -5);
  ASSERT_EQ(g.items.size(), 3u);
  const auto& leaf = std::get<PathItem>(g.items[0]);
  const auto& grey = std::get<PathItem>(g.items[1]);
  const auto& brown = std::get<PathItem>(g.items[2]);
  // The palette's leaf green, written as its RGB, prints as the palette's CMYK.
  EXPECT_DOUBLE_EQ(leaf.fill->c, 0.8);
  EXPECT_DOUBLE_EQ(leaf.fill->k, 0.05);
  EXPECT_FALSE(leaf.fill->press_from_rgb);
  // Grey is black ink alone.
  EXPECT_DOUBLE_EQ(grey.fill->c + grey.fill->m + grey.fill->y, 0);
  EXPECT_NEAR(grey.fill->k, 1 - 128 / 255.0, 1e-9);
  // Any other colour is left to the output profile; currentColor is the tint.
  EXPECT_TRUE(brown.fill->press_from_rgb);
  EXPECT_EQ(*brown.stroke, tint);
}

}  // namespace
}  // namespace lp
