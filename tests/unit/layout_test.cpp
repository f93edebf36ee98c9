// Golden display-list dumps: each tests/golden/NAME.yaml is laid out in the booklet and its dump
// compared with NAME.dump. After an intended change: LP_UPDATE_GOLDEN=1 ctest -R Golden.
#include <fstream>
#include <sstream>

#include "layout/flow.h"
#include "test_support.h"

namespace lp {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string dump_of(const std::string& report, Diagnostics& d) {
  Document doc = load_report(report, d, "", {test::source("layout/icons")});
  doc.path = std::filesystem::path(report).filename().string();
  EXPECT_FALSE(d.has_errors());
  return dump_display_list(lay_out(doc, test::booklet_styles(), test::project_fonts(), d));
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, DumpMatches) {
  const std::string base = test::source("tests/golden/" + GetParam());
  Diagnostics d;
  const std::string actual = dump_of(base + ".yaml", d);
  if (std::getenv("LP_UPDATE_GOLDEN")) std::ofstream(base + ".dump") << actual;
  const std::string expected = read(base + ".dump");
  ASSERT_FALSE(expected.empty()) << "no golden file " << base << ".dump";
  // On a difference, the first line that differs (the whole dump is too long to read).
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1; std::getline(e, le); ++line) {
    std::getline(a, la);
    ASSERT_EQ(la, le) << base << ".dump line " << line;
  }
  EXPECT_FALSE(std::getline(a, la)) << "the dump has more lines than " << base << ".dump";
}

INSTANTIATE_TEST_SUITE_P(Layout, Golden, ::testing::Values("paragraphs", "lists", "pages", "components"));

TEST(Layout, FootersOnlyOnNumberedPagesWithTheNumberOutside) {
  Diagnostics d;
  Document doc = load_report(test::source("report.yaml"), d);
  StyleSheet st = test::booklet_styles();
  DisplayList list = lay_out(doc, st, test::project_fonts(), d);
  ASSERT_GE(list.pages.size(), 4u);
  EXPECT_EQ(list.pages.size() % 4, 0u);
  auto footer_number = [&](const Page& p) -> const GlyphRunItem* {
    for (const auto& item : p.items)
      if (const auto* g = std::get_if<GlyphRunItem>(&item))
        if (g->y > st.page.height - st.page.margin_bottom && g->run.clusters.size() <= 2) return g;
    return nullptr;
  };
  EXPECT_EQ(footer_number(list.pages[0]), nullptr);  // the cover
  EXPECT_EQ(footer_number(list.pages[1]), nullptr);  // the Notes page
  EXPECT_EQ(footer_number(list.pages.back()), nullptr);  // the back cover
  const GlyphRunItem* recto = footer_number(list.pages[2]);
  const GlyphRunItem* verso = footer_number(list.pages[3]);
  ASSERT_TRUE(verso && recto);
  EXPECT_LT(verso->x, st.page.width / 2);  // page 4: left-hand, number at the left
  EXPECT_GT(recto->x, st.page.width / 2);  // page 3: right-hand, number at the right
  for (size_t i = 0; i < list.pages.size(); ++i) EXPECT_EQ(list.pages[i].label, std::to_string(i + 1));
}

TEST(Layout, NothingLeavesThePageFrame) {
  Diagnostics d;
  Document doc = load_report(test::source("report.yaml"), d);
  StyleSheet st = test::booklet_styles();
  DisplayList list = lay_out(doc, st, test::project_fonts(), d);
  for (const auto& page : list.pages)
    for (const auto& item : page.items)
      if (const auto* g = std::get_if<GlyphRunItem>(&item)) {
        EXPECT_GE(g->x.value, st.page.margin_outside.value - 0.01);
        EXPECT_LE((g->x + g->run.width()).value, (st.page.width - st.page.margin_outside).value + 0.01);
        EXPECT_LE(g->y.value, st.page.height.value);
      }
  for (const auto& diag : d.all()) ADD_FAILURE() << format_diagnostic(diag);
}

}  // namespace
}  // namespace lp

namespace lp {
namespace {

TEST(Layout, SectionsCanStartOnRightHandPages) {
  Diagnostics d;
  Document doc = load_report(test::source("report.yaml"), d);
  Edition ed = load_edition(test::source("layout/booklet.yaml"), d);
  ed.section_start = Edition::SectionStart::RightHandPage;
  DisplayList list = lay_out(doc, resolve_styles(ed), test::project_fonts(), d);
  size_t sections = 0;
  for (const auto& o : list.outline)
    if (o.level == 0 && o.title != "Contents") {
      ++sections;
      EXPECT_EQ(o.page % 2, 0) << o.title << " starts on page " << o.page + 1;
    }
  EXPECT_GE(sections, 10u);
}

TEST(Layout, ContentsPageNumbersAreWhereSectionsStart) {
  Diagnostics d;
  Document doc = load_report(test::source("report.yaml"), d);
  DisplayList list = lay_out(doc, test::booklet_styles(), test::project_fonts(), d);
  // Every contents link points at the page of the section's bookmark, in order.
  std::vector<int> link_targets, section_pages;
  for (const auto& item : list.pages[2].items)
    if (const auto* l = std::get_if<LinkItem>(&item)) link_targets.push_back(l->target_page);
  for (const auto& o : list.outline)
    if (o.level == 0 && o.title != "Contents") section_pages.push_back(o.page);
  EXPECT_EQ(link_targets, section_pages);
  for (const auto& diag : d.all()) ADD_FAILURE() << format_diagnostic(diag);
}


// Records what a layout sends, in order.
struct Recorder final : PageSink {
  int begins = 0, ends = 0;
  bool open = false;
  std::vector<Page> pages;
  void begin(const DocumentInfo&) override {
    ++begins;
    open = true;
    pages.clear();
  }
  void page(Page page) override {
    EXPECT_TRUE(open) << "a page outside begin() ... end()";
    pages.push_back(std::move(page));
  }
  void end(std::vector<OutlineEntry>) override {
    EXPECT_TRUE(open) << "end() without begin()";
    open = false;
    ++ends;
  }
};

std::string text_of(const GlyphRun& run) {
  std::string text;
  for (const auto& c : run.clusters) text += run.text_of(c);
  return text;
}

std::string text_of(const Page& page) {
  std::string text;
  for (const auto& item : page.items)
    if (const auto* g = std::get_if<GlyphRunItem>(&item)) text += text_of(g->run);
  return text;
}

// Each section's contents entry links to the page that shows its title, and its number is that
// page's; `contents` is the index of the contents page.
void expect_contents_match_the_sections(const Document& doc, const std::vector<Page>& pages, size_t contents) {
  std::vector<int> targets;
  std::string number;  // the text of the last glyph run before each link: the entry's number
  for (const auto& item : pages.at(contents).items) {
    if (const auto* g = std::get_if<GlyphRunItem>(&item)) number = text_of(g->run);
    if (const auto* l = std::get_if<LinkItem>(&item)) {
      targets.push_back(l->target_page);
      EXPECT_EQ(number, std::to_string(l->target_page + 1));
    }
  }
  size_t sections = 0;
  for (const auto& c : doc.content)
    if (const auto* s = std::get_if<Section>(&c)) {
      ASSERT_LT(sections, targets.size());
      const int target = targets[sections++];
      ASSERT_GE(target, 0);
      ASSERT_LT(static_cast<size_t>(target), pages.size());
      std::string title;
      for (const auto& run : s->title) title += run.text;
      EXPECT_NE(text_of(pages[target]).find(title.substr(0, 12)), std::string::npos) << title;
    }
  EXPECT_EQ(sections, targets.size());
}

TEST(Layout, OneLayoutReachesTheSinkWhenThereIsNoContentsPage) {
  Diagnostics d;
  Document doc = load_report(test::source("tests/golden/pages.yaml"), d);
  Recorder sink;
  const size_t count = lay_out(doc, test::booklet_styles(), test::project_fonts(), d, sink);
  EXPECT_EQ(sink.begins, 1);
  EXPECT_EQ(sink.ends, 1);
  EXPECT_EQ(sink.pages.size(), count);
  EXPECT_EQ(count, lay_out(doc, test::booklet_styles(), test::project_fonts(), d).pages.size());
}

TEST(Layout, AReportWithContentsIsLaidOutOnceItsContentsWaitingForTheSectionPages) {
  Diagnostics d;
  Document doc = load_report(test::source("report.yaml"), d);
  Recorder sink;
  lay_out(doc, test::booklet_styles(), test::project_fonts(), d, sink);
  EXPECT_EQ(sink.begins, 1);
  EXPECT_EQ(sink.ends, 1);
  ASSERT_GE(sink.pages.size(), 3u);
  EXPECT_NE(text_of(sink.pages[2]).find("Contents"), std::string::npos);
  expect_contents_match_the_sections(doc, sink.pages, 2);
}

TEST(Layout, AReportTooLongToHoldForItsContentsIsLaidOutAgainKnowingThePages) {
  // 12 sections of some 10 pages each: the contents page would hold 120 pages or more.
  std::string yaml =
      "report: {title: Long, short-name: Long, language: en-GB, date: 2025-01-01, editions: [booklet]}\n"
      "content:\n  - contents: {title: Contents}\n";
  for (int s = 0; s < 12; ++s) {
    yaml += "  - section:\n      title: Section " + std::to_string(s + 1) + " of the long report\n      blocks:\n";
    for (int p = 0; p < 80; ++p)
      yaml += "        - p: A paragraph long enough to fill a few lines of the booklet's measure, one of many in a "
              "section that runs over several pages so that the report as a whole is long.\n";
  }
  Diagnostics d;
  Document doc = load_report(test::write_temp("long-contents.yaml", yaml), d);
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  Recorder sink;
  const size_t count = lay_out(doc, test::booklet_styles(), test::project_fonts(), d, sink);
  ASSERT_GT(count, 110u);
  // The first layout gave up waiting (its pages go nowhere from the contents page on); the
  // second knows the pages, and the pages do not change, so it is the last.
  EXPECT_EQ(sink.begins, 2);
  EXPECT_EQ(sink.ends, 1);
  ASSERT_EQ(sink.pages.size(), count);
  size_t contents = 0;
  while (contents < sink.pages.size() && text_of(sink.pages[contents]).find("Contents") == std::string::npos) ++contents;
  ASSERT_LT(contents, sink.pages.size());
  expect_contents_match_the_sections(doc, sink.pages, contents);
  EXPECT_FALSE(d.has_errors());
  for (const auto& diag : d.all()) EXPECT_EQ(diag.message.find("did not settle"), std::string::npos);
}

TEST(Layout, ACalloutsRuleIsOnEveryPageItReaches) {
  std::string yaml =
      "report: {title: Callout, short-name: Golden, language: en-GB, date: 2025-01-01, editions: [booklet]}\n"
      "content:\n  - section:\n      title: Long\n      blocks:\n        - p: Before.\n"
      "        - callout:\n            title: A long panel\n            blocks:\n";
  for (int i = 0; i < 40; ++i)
    yaml += "              - p: Paragraph " + std::to_string(i) +
            " of a callout that runs over several pages, so that its rule must reach each of them.\n";
  yaml += "        - p: After.\n";
  Diagnostics d;
  Document doc = load_report(test::write_temp("callout.yaml", yaml), d);
  ASSERT_FALSE(d.has_errors());
  Recorder sink;
  lay_out(doc, test::booklet_styles(), test::project_fonts(), d, sink);
  // The rule: a filled rectangle 3 pt wide.
  auto has_rule = [](const Page& page) {
    for (const auto& item : page.items)
      if (const auto* p = std::get_if<PathItem>(&item))
        if (p->fill && p->ops.size() >= 3 && std::abs((p->ops[1].x1 - p->ops[0].x1).value - 3) < 0.01) return true;
    return false;
  };
  size_t with_rule = 0;
  for (const auto& page : sink.pages) with_rule += has_rule(page);
  EXPECT_GE(with_rule, 3u);
  // Every page from the first with the rule to the last with it has one.
  size_t first = sink.pages.size(), last = 0;
  for (size_t i = 0; i < sink.pages.size(); ++i)
    if (has_rule(sink.pages[i])) {
      first = std::min(first, i);
      last = i;
    }
  EXPECT_EQ(last - first + 1, with_rule);
}

}  // namespace
}  // namespace lp

namespace lp {
namespace {

TEST(Layout, APictureTooCoarseForTheEditionIsAWarningAtItsLine) {
  Diagnostics d;
  Document doc = load_report(test::source("tests/golden/components.yaml"), d);
  ASSERT_FALSE(d.has_errors());
  lay_out(doc, test::booklet_styles(), test::project_fonts(), d);  // the booklet asks for 300 ppi
  bool found = false;
  for (const auto& diag : d.all())
    if (diag.message.find("pixels per inch") != std::string::npos && diag.message.find("leaf.png") != std::string::npos) {
      found = true;
      EXPECT_EQ(diag.pos.line, 41);  // the image block of leaf.png (120 x 80 pixels, a frame wide)
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace lp

namespace lp {
namespace {

// A second thread (the build starts one when a core is spare) laying out sections that begin on
// pages of their own, or setting the paragraphs of sections that run on, gives the same pages
// and the same warnings, in the same order, as the flow doing it all itself.
TEST(Layout, ASecondThreadChangesNothing) {
  std::string many = "report:\n  title: Set ahead\n  language: en-GB\ncontent:\n";
  for (int s = 0; s < 12; ++s) {
    many += "  - section:\n      title: \"Section " + std::to_string(s) + "\"\n      blocks:\n";
    if (s % 3 == 1) many += "        - quote: {text: \"A quote in section " + std::to_string(s) + "\", by: Someone}\n";
    for (int p = 0; p < 30; ++p)
      many += "        - p: \"Paragraph " + std::to_string(p) + " of section " + std::to_string(s) +
              (p % 7 == 3 ? ", with \xEE\x80\x80 a character no font has," : "") +
              " runs on long enough to be broken into several justified and hyphenated lines, "
              "as the sections of an annual report do for page after page.\"\n";
  }
  const std::string generated = test::write_temp("ahead.yaml", many);
  StyleSheet running_on = test::booklet_styles();
  running_on.section_start = Edition::SectionStart::Continue;
  for (const StyleSheet& st : {test::booklet_styles(), running_on}) {
    const bool by_section = st.section_start != Edition::SectionStart::Continue;
    for (const std::string& report : {test::source("report.yaml"), test::source("tests/golden/components.yaml"), generated}) {
      Diagnostics load;
      const Document doc = load_report(report, load, "", {test::source("layout/icons")});
      ASSERT_FALSE(load.has_errors()) << report;
      Diagnostics alone_diags;
      const std::string alone = dump_display_list(lay_out(doc, st, test::project_fonts(), alone_diags));
      // The thread's share depends on timing: a few tries make sure it did some of the many.
      AheadCounts counts;
      for (int attempt = 0; attempt < 5 && (attempt == 0 || (report == generated && counts.taken == 0)); ++attempt) {
        Diagnostics ahead_diags;
        const std::string ahead =
            dump_display_list(lay_out(doc, st, test::project_fonts(), ahead_diags, LayoutOptions{true, &counts}));
        ASSERT_EQ(ahead, alone) << report << (by_section ? ", by section" : ", by paragraph");
        ASSERT_EQ(ahead_diags.all().size(), alone_diags.all().size()) << report;
        for (size_t i = 0; i < alone_diags.all().size(); ++i)
          EXPECT_EQ(format_diagnostic(ahead_diags.all()[i]), format_diagnostic(alone_diags.all()[i]));
      }
      EXPECT_GT(counts.count, 0u) << report;
      EXPECT_LE(counts.taken, counts.count);
      EXPECT_EQ(std::string(counts.what), by_section ? "sections" : "paragraphs");
      if (report == generated) {
        EXPECT_EQ(counts.count, by_section ? 12u : 12u * 30u);
        EXPECT_GT(counts.taken, 0u) << "the second thread did none of it";
        EXPECT_FALSE(alone_diags.all().empty());  // the missing character, said where it is
      }
    }
  }
}

}  // namespace
}  // namespace lp
