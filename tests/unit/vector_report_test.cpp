// SVG pictures in a report: read at load time (icons by name, the report's own files, cover
// artwork), their problems at the right lines, and drawn by layout as paths in the edition's
// colours.
#include <gtest/gtest.h>

#include "layout/flow.h"
#include "layout/vector_drawing.h"
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
