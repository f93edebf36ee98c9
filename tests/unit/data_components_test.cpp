// The data components' geometry: charts (ring segments, equal bars, the derived remainder),
// figure tiles (numbers on one baseline, tiles never narrower than their numbers) and answers
// turned upside down.
#include <cmath>
#include <set>
#include <numbers>

#include "layout/chart_geometry.h"
#include "layout/flow.h"
#include "test_support.h"

namespace lp {
namespace {

// A report of one section with `blocks` (YAML, indented under `blocks:`).
Document report_with(const std::string& blocks, Diagnostics& d, const std::string& name = "data.yaml") {
  const std::string yaml = "report: {title: Data, language: en-GB}\ncontent:\n  - section:\n      title: Data\n      blocks:\n" + blocks;
  Document doc = load_report(test::write_temp(name, yaml), d);
  doc.path = name;
  return doc;
}

// Every item of the pages, groups opened, with the tag roles open around it.
template <typename F>
void walk(const std::vector<FrameItem>& items, std::vector<Role>& open, const F& f) {
  for (const auto& item : items) {
    if (const auto* t = std::get_if<TagItem>(&item)) {
      if (t->start) open.push_back(t->role);
      else if (!open.empty()) open.pop_back();
    }
    f(item, open);
    if (const auto* g = std::get_if<GroupItem>(&item)) walk(g->items, open, f);
  }
}
template <typename F>
void walk(const DisplayList& list, const F& f) {
  for (const auto& page : list.pages) {
    std::vector<Role> open;
    walk(page.items, open, f);
  }
}

bool inside(const std::vector<Role>& open, Role role) { return std::find(open.begin(), open.end(), role) != open.end(); }

// A filled rectangle's height (a path of move, three lines and close), or -1.
double rect_height(const PathItem& p) {
  if (p.ops.size() != 5 || p.ops[0].kind != PathOp::Kind::MoveTo || p.ops[2].kind != PathOp::Kind::LineTo) return -1;
  return std::abs((p.ops[2].y1 - p.ops[0].y1).value);
}

TEST(ChartGeometry, RingSegmentsAreBezierArcsOnTheirCircles) {
  const Pt cx(50), cy(60), inner(20), outer(40);
  const double from = 0.3, to = 0.3 + 2.5;  // more than a quarter turn: two curves or more each way
  const auto ops = ring_segment(cx, cy, inner, outer, from, to);
  size_t curves = 0;
  auto radius = [&](Pt x, Pt y) { return std::hypot((x - cx).value, (y - cy).value); };
  Pt px, py;
  for (const PathOp& op : ops) {
    if (op.kind == PathOp::Kind::CurveTo) {
      ++curves;
      const double r = radius(op.x3, op.y3);
      EXPECT_TRUE(std::abs(r - 20) < 1e-9 || std::abs(r - 40) < 1e-9) << r;
      // The curve's middle, where a cubic strays furthest from its arc: within 0.03 % of r.
      const double mx = (px.value + 3 * op.x1.value + 3 * op.x2.value + op.x3.value) / 8;
      const double my = (py.value + 3 * op.y1.value + 3 * op.y2.value + op.y3.value) / 8;
      const double rm = radius(Pt(mx), Pt(my));
      EXPECT_NEAR(rm, std::abs(r - 20) < 1e-9 ? 20 : 40, r * 3e-4);
      px = op.x3, py = op.y3;
    } else if (op.kind != PathOp::Kind::Close) {
      px = op.x1, py = op.y1;
    }
  }
  EXPECT_EQ(curves, 4u);  // 2.5 radians: two quarter-turn pieces on each circle
  // It starts on the outer circle at `from` (12 o'clock is angle 0, clockwise, y down).
  EXPECT_NEAR(ops.front().x1.value, 50 + 40 * std::sin(from), 1e-9);
  EXPECT_NEAR(ops.front().y1.value, 60 - 40 * std::cos(from), 1e-9);
  // A whole ring is two closed circles.
  const auto whole = ring_segment(cx, cy, inner, outer, 0, 2 * std::numbers::pi);
  EXPECT_EQ(std::count_if(whole.begin(), whole.end(), [](const PathOp& o) { return o.kind == PathOp::Kind::Close; }), 2);
  // Wound opposite ways (the signed areas of their end points differ in sign): a non-zero fill
  // leaves the hole empty.
  std::vector<double> areas(1, 0.0);
  Pt lx, ly;
  for (const PathOp& op : whole) {
    if (op.kind == PathOp::Kind::Close) areas.push_back(0);
    else if (op.kind == PathOp::Kind::MoveTo) lx = op.x1, ly = op.y1;
    else {
      areas.back() += lx.value * op.y3.value - op.x3.value * ly.value;
      lx = op.x3, ly = op.y3;
    }
  }
  EXPECT_LT(areas[0] * areas[1], 0);
}

TEST(ChartGeometry, ATotalAboveTheSumAddsADerivedRemainder) {
  Chart c;
  c.data = {{InlineText{}, 265, 0}, {InlineText{}, 188, 0}};
  c.total = 950;
  auto slices = chart_slices(c, "Other sources");
  ASSERT_EQ(slices.size(), 3u);
  EXPECT_TRUE(slices[2].derived);
  EXPECT_DOUBLE_EQ(slices[2].value, 950 - 265 - 188);
  EXPECT_EQ(plain_text(slices[2].label), "Other sources");
  c.other = "Elsewhere";
  EXPECT_EQ(plain_text(chart_slices(c, "Other sources")[2].label), "Elsewhere");
  c.total = 453;  // exactly the sum: nothing derived
  EXPECT_EQ(chart_slices(c, "Other sources").size(), 2u);
}

TEST(Charts, ATotalBelowTheSumIsAWarningAtTheTotal) {
  Diagnostics d;
  report_with("        - chart: {title: T, total: 100, data: [{label: A, value: 80}, {label: B, value: 40}]}\n", d, "below.yaml");
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_FALSE(d.has_errors());
  EXPECT_NE(format_diagnostic(d.all()[0]).find("below.yaml:6:"), std::string::npos) << format_diagnostic(d.all()[0]);
  EXPECT_NE(format_diagnostic(d.all()[0]).find("less than the sum"), std::string::npos);
}

TEST(Charts, AnUnknownKindIsAnErrorWithASuggestion) {
  Diagnostics d;
  report_with("        - chart: {kind: colum, data: [{label: A, value: 1}]}\n", d, "kind.yaml");
  ASSERT_TRUE(d.has_errors());
  EXPECT_NE(format_diagnostic(d.all()[0]).find("did you mean 'column'"), std::string::npos) << format_diagnostic(d.all()[0]);
}

TEST(Charts, EveryBarIsTheSameThicknessWhateverItsLabel) {
  std::string data;
  for (int i = 0; i < 40; ++i) {
    const std::string label = i % 3 == 0 ? "A label long enough to wrap onto two or three lines in the label column" : "Short";
    data += "              - {label: \"" + label + "\", value: " + std::to_string(i % 7 == 0 ? 0.001 : i * 1000.0 + 1) + "}\n";
  }
  Diagnostics d;
  Document doc = report_with("        - chart:\n            title: Forty\n            total: 9000000\n            data:\n" + data, d);
  ASSERT_FALSE(d.has_errors());
  StyleSheet st = test::booklet_styles();
  DisplayList list = lay_out(doc, st, test::project_fonts(), d);
  std::vector<double> heights;
  std::string alt;
  walk(list, [&](const FrameItem& item, const std::vector<Role>& open) {
    if (const auto* t = std::get_if<TagItem>(&item); t && t->start && t->role == Role::Figure && alt.empty()) alt = t->alt;
    if (const auto* p = std::get_if<PathItem>(&item); p && p->fill && inside(open, Role::Figure))
      if (const double h = rect_height(*p); h > 0) heights.push_back(h);
  });
  ASSERT_EQ(heights.size(), 41u);  // forty bars and the remainder
  for (double h : heights) EXPECT_NEAR(h, heights.front(), 1e-6);
  EXPECT_EQ(alt.rfind("Bar chart: Forty: A label long", 0), 0u) << alt;
  EXPECT_NE(alt.find("Other sources"), std::string::npos);
}

TEST(Charts, ColumnsAreEqualAndADonutIsRealArcs) {
  Diagnostics d;
  std::string donut;
  for (int i = 0; i < 12; ++i) donut += "{label: Segment " + std::to_string(i) + ", value: " + std::to_string(10 + i) + "}, ";
  Document doc = report_with("        - chart: {kind: column, total: 100, data: [{label: A, value: 5}, {label: Bee, value: 50}]}\n"
                             "        - chart: {kind: donut, unit: a week, data: [" + donut + "]}\n", d);
  ASSERT_FALSE(d.has_errors());
  DisplayList list = lay_out(doc, test::booklet_styles(), test::project_fonts(), d);
  std::vector<double> widths;
  size_t segments = 0;
  std::vector<std::string> alts;
  walk(list, [&](const FrameItem& item, const std::vector<Role>& open) {
    if (const auto* t = std::get_if<TagItem>(&item); t && t->start && t->role == Role::Figure) alts.push_back(t->alt);
    const auto* p = std::get_if<PathItem>(&item);
    if (!p || !p->fill || !inside(open, Role::Figure)) return;
    if (alts.size() == 1 && rect_height(*p) > 0) widths.push_back(std::abs((p->ops[1].x1 - p->ops[0].x1).value));
    if (alts.size() == 2 && std::count_if(p->ops.begin(), p->ops.end(), [](const PathOp& o) { return o.kind == PathOp::Kind::CurveTo; }) >= 2) ++segments;
  });
  ASSERT_EQ(widths.size(), 3u);  // two columns and the remainder
  EXPECT_NEAR(widths[0], widths[1], 1e-6);
  EXPECT_NEAR(widths[0], widths[2], 1e-6);
  EXPECT_EQ(segments, 12u);
  ASSERT_EQ(alts.size(), 2u);
  EXPECT_EQ(alts[1].rfind("Donut chart: Segment 0 10 (5%)", 0), 0u) << alts[1];
  for (const auto& diag : d.all()) ADD_FAILURE() << format_diagnostic(diag);
}

TEST(Stats, NumbersShareABaselineWhateverTheirPrefixAndTilesFitTheirNumbers) {
  Diagnostics d;
  Document doc = report_with("        - stats:\n            items:\n"
                             "              - {prefix: \"In each week, in Norfolk, around\", value: 148, label: babies}\n"
                             "              - {value: 95, suffix: '%', label: per cent}\n"
                             "              - {prefix: £, value: 1.2, suffix: m, label: spent}\n"
                             "        - stats:\n            items:\n"
                             "              - {value: 123456789012, label: a figure wider than half the frame}\n"
                             "              - {value: 2, label: two}\n", d);
  ASSERT_FALSE(d.has_errors());
  StyleSheet st = test::booklet_styles();
  st.components.tile_columns = 3;
  DisplayList list = lay_out(doc, st, test::project_fonts(), d);
  std::vector<double> baselines, number_right, tile_right;
  std::vector<std::string> figures;
  walk(list, [&](const FrameItem& item, const std::vector<Role>& open) {
    if (const auto* g = std::get_if<GlyphRunItem>(&item); g && inside(open, Role::Label)) {
      baselines.push_back(g->y.value);
      figures.push_back(g->run.text);
      number_right.push_back((g->x + g->run.width()).value);
    }
    if (const auto* p = std::get_if<PathItem>(&item); p && p->fill && inside(open, Role::Artifact) && p->ops.size() == 10)
      tile_right.push_back(p->ops[2].x3.value);  // the top right corner's curve ends at the right edge
  });
  ASSERT_EQ(baselines.size(), 5u);
  EXPECT_DOUBLE_EQ(baselines[0], baselines[1]);
  EXPECT_DOUBLE_EQ(baselines[0], baselines[2]);
  // A prefix of symbols and a suffix are part of the figure, in its style.
  EXPECT_EQ(figures[1], "95%");
  EXPECT_EQ(figures[2], "£1.2m");
  // The wide figure's group goes down to fewer tiles a row: its number inside its tile.
  ASSERT_GE(tile_right.size(), 4u);
  EXPECT_LE(number_right[3], tile_right[3]);
  EXPECT_NE(baselines[3], baselines[4]);  // one tile a row: the next figure is below it
}

TEST(Stats, AFigureWiderThanTheFrameIsAWarningAtItsLine) {
  Diagnostics d;
  Document doc = report_with("        - stats:\n            items:\n"
                             "              - {value: 123456789012345678901234, label: far too wide}\n", d, "wide.yaml");
  ASSERT_FALSE(d.has_errors());
  lay_out(doc, test::booklet_styles(), test::project_fonts(), d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_NE(format_diagnostic(d.all()[0]).find("wide.yaml:8:17: warning: a figure is wider than the frame"), std::string::npos)
      << format_diagnostic(d.all()[0]);
}

TEST(Answers, UpsideDownInAGroupTurnedHalfWayAndUprightWhereTheLayoutSays) {
  Diagnostics d;
  Document doc = report_with("        - quiz: {title: Quiz, questions: [{q: Which one, a: This one.}]}\n"
                             "        - answers: {title: Answers below, print: upside-down}\n", d);
  ASSERT_FALSE(d.has_errors());
  StyleSheet st = test::booklet_styles();
  auto turned_groups = [&](const StyleSheet& styles, bool& answer_inside) {
    DisplayList list = lay_out(doc, styles, test::project_fonts(), d);
    size_t n = 0;
    for (const auto& page : list.pages) {
      std::vector<Role> open;
      walk(page.items, open, [&](const FrameItem& item, const std::vector<Role>&) {
        const auto* g = std::get_if<GroupItem>(&item);
        if (!g || g->transform.a != -1 || g->transform.d != -1 || g->transform.b != 0 || g->transform.c != 0) return;
        ++n;
        // The paragraph of answers is inside, tagged; and the group sits at the foot of the page.
        answer_inside = std::any_of(g->items.begin(), g->items.end(), [](const FrameItem& i) {
          const auto* t = std::get_if<TagItem>(&i);
          return t && t->role == Role::Paragraph;
        });
        // Turned (y' = f - y), every line lands in the lower half of the page.
        for (const auto& i : g->items)
          if (const auto* r = std::get_if<GlyphRunItem>(&i)) {
            EXPECT_GT((g->transform.f - r->y).value, styles.page.height.value / 2);
          }
      });
    }
    return n;
  };
  bool inside_booklet = false, inside_large = false;
  EXPECT_EQ(turned_groups(st, inside_booklet), 1u);
  EXPECT_TRUE(inside_booklet);
  st.upside_down_answers = false;
  EXPECT_EQ(turned_groups(st, inside_large), 0u);
}

// The glyph runs of turned groups, each with the roles open around it inside its group.
std::vector<std::pair<GlyphRunItem, std::vector<Role>>> turned_runs(const DisplayList& list) {
  std::vector<std::pair<GlyphRunItem, std::vector<Role>>> out;
  for (const auto& page : list.pages) {
    std::vector<Role> open;
    walk(page.items, open, [&](const FrameItem& item, const std::vector<Role>&) {
      const auto* g = std::get_if<GroupItem>(&item);
      if (!g || g->transform.a != -1) return;
      std::vector<Role> inner;
      walk(g->items, inner, [&](const FrameItem& i, const std::vector<Role>& roles) {
        if (const auto* r = std::get_if<GlyphRunItem>(&i)) out.emplace_back(*r, roles);
      });
    });
  }
  return out;
}

TEST(Answers, AWordSearchSolutionStandsBesideTheWrittenAnswersOrIsLeftOut) {
  const std::string puzzles =
      "        - wordsearch: {seed: 3, words: [FAMILY, PROTECTION, CHILDREN, LOVE, VOICE, NEGLECT]{}}\n"
      "        - quiz: {title: Quiz, questions: [{q: Which one, a: This one.}, {q: And which, a: 'That one, of all the ones there are.'}]}\n"
      "        - answers: {title: Answers below, print: upside-down}\n";
  const StyleSheet st = test::booklet_styles();
  for (const bool solution : {true, false}) {
    Diagnostics d;
    std::string blocks = puzzles;
    blocks.replace(blocks.find("{}"), 2, solution ? "" : ", solution: false");
    Document doc = report_with(blocks, d);
    ASSERT_FALSE(d.has_errors()) << (d.all().empty() ? "" : d.all().front().message);
    const auto runs = turned_runs(lay_out(doc, st, test::project_fonts(), d));
    const GlyphRunItem* written = nullptr;
    const GlyphRunItem* grid = nullptr;
    for (const auto& [run, roles] : runs) {
      if (!written && inside(roles, Role::Paragraph)) written = &run;
      if (!grid && inside(roles, Role::Figure)) grid = &run;
    }
    ASSERT_NE(written, nullptr) << "the written answers are turned";
    if (!solution) {
      EXPECT_EQ(grid, nullptr) << "solution: false prints no solved grid";
      continue;
    }
    ASSERT_NE(grid, nullptr) << "the solved grid is turned with the answers";
    // Side by side: the grid in the right half of the frame, its top beside the answers' top.
    EXPECT_LT(written->x.value, 1.0);
    EXPECT_GT(grid->x.value, (st.page.width.value - st.page.margin_inside.value - st.page.margin_outside.value) / 2);
    EXPECT_LT(std::abs((grid->y - written->y).value), st.caption.leading.value * 3);
  }
}

TEST(People, CardsGoAsManyAcrossAsTheLayoutSaysInBalancedRowsFewerForLongWords) {
  StyleSheet st = test::booklet_styles();
  st.components.people_columns = 3;
  // The distinct left edges of the badges (their circles' first point, less the radius).
  auto badge_columns = [&](const std::string& people) {
    Diagnostics d;
    Document doc = report_with("        - people:\n            items:\n" + people, d);
    EXPECT_FALSE(d.has_errors());
    std::set<long> xs;
    walk(lay_out(doc, st, test::project_fonts(), d), [&](const FrameItem& item, const std::vector<Role>& open) {
      const auto* p = std::get_if<PathItem>(&item);
      if (p && p->fill && inside(open, Role::ListItem) && inside(open, Role::Artifact)) xs.insert(std::lround(p->ops[0].x1.value));
    });
    return xs.size();
  };
  const std::string three = "              - {name: Tom McCabe}\n              - {name: Sara Tough}\n              - {name: Paul Sanford}\n";
  EXPECT_EQ(badge_columns(three), 3u);
  EXPECT_EQ(badge_columns(three + "              - {name: Jon Ford}\n"), 2u) << "four in rows of three go two and two";
  EXPECT_EQ(badge_columns("              - {name: Tom McCabe}\n              - {name: Sara Tough}\n"
                          "              - {name: Featherstonehaugh}\n"),
            2u)
      << "a name too wide to stand beside its badge in a third of the frame";
}

}  // namespace
}  // namespace lp
