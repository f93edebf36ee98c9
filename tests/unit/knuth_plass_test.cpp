// The paragraph engine: Knuth–Plass total fit, hyphenation and what the lines report.
#include <algorithm>
#include <iostream>
#include <thread>

#include "test_support.h"
#include "text/hyphenator.h"
#include "text/knuth_plass.h"
#include "text/paragraph.h"

namespace lp {
namespace {

std::string text_of(const Line& line) {
  std::string s;
  for (const auto& r : line.runs)
    for (const auto& c : r.run.clusters) s += r.run.text_of(c);
  return s;
}

Pt right_edge(const Line& line) {
  Pt end;
  for (const auto& r : line.runs) end = std::max(end, r.x + r.run.width());
  return end;
}

// The text of lines as a reader copies it: a hyphen the breaker added joins the word again.
std::string joined(const std::vector<Line>& lines) {
  std::string all;
  for (const auto& l : lines) {
    std::string t = text_of(l);
    if (l.hyphen_added && !t.empty() && t.back() == '-') t.pop_back();
    else all += ' ';
    all += t;
  }
  std::string squeezed;
  for (char c : all)
    if (c != ' ') squeezed += c;
  return squeezed;
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// The report's paragraphs and list items, as flow.cpp hands them to the setter.
std::vector<std::vector<TextSpan>> report_prose(const StyleSheet& styles, std::vector<const TextStyle*>* kinds = nullptr) {
  static Document doc = [] {
    Diagnostics d;
    Document doc = load_report(test::source("report.yaml"), d);
    EXPECT_FALSE(d.has_errors());
    return doc;
  }();
  std::vector<std::vector<TextSpan>> out;
  auto add = [&](const InlineText& text, const TextStyle& style) {
    out.push_back(spans_of(text, style));
    if (kinds) kinds->push_back(&style);
  };
  for (const auto& item : doc.content)
    if (const auto* section = std::get_if<Section>(&item))
      for (const auto& block : section->blocks) {
        if (const auto* p = std::get_if<Paragraph>(&block)) add(p->text, styles.body);
        if (const auto* l = std::get_if<ListBlock>(&block))
          for (const auto& it : l->items) add(it.text, styles.list_item);
      }
  return out;
}

struct Engine : ::testing::Test {
  StyleSheet booklet = test::booklet_styles();
  Diagnostics diags;
  ParagraphSetter setter{test::project_fonts(), diags, "t.yaml", "en-GB"};
  Pt measure() const { return booklet.page.width - booklet.page.margin_inside - booklet.page.margin_outside; }
  std::vector<TextSpan> spans(const std::string& text, const TextStyle* style = nullptr) {
    return {TextSpan{text, style ? style : &booklet.body, false, false, "", {7, 3}, {}}};
  }
};

TEST_F(Engine, TotalFitBeatsFirstFitOnTheReport) {
  double total_fit = 0, first_fit = 0;
  size_t paragraphs = 0;
  for (const auto& p : report_prose(booklet)) {
    if (p.front().style != &booklet.body) continue;
    ParagraphStats kp, ff;
    setter.set(p, measure(), Align::Justify, &kp, Breaking::TotalFit);
    setter.set(p, measure(), Align::Justify, &ff, Breaking::FirstFit);
    total_fit += kp.demerits;
    first_fit += ff.demerits;
    ++paragraphs;
  }
  std::cout << "report.yaml, booklet measure: total demerits " << total_fit << " (Knuth-Plass) against " << first_fit
            << " (first fit) over " << paragraphs << " paragraphs\n";
  ASSERT_GT(paragraphs, 10u);
  EXPECT_LT(total_fit, first_fit);
}

TEST_F(Engine, JustifiedBodyLinesEndFlushAndHyphenationHelps) {
  size_t hyphenated = 0, lines_seen = 0;
  for (const auto& p : report_prose(booklet)) {
    if (p.front().style != &booklet.body) continue;
    std::string original;
    for (const auto& s : p) original += s.text;
    const auto lines = setter.set(p, measure(), Align::Justify);
    ASSERT_FALSE(lines.empty());
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_NEAR(right_edge(lines[i]).value, measure().value, 0.5) << "\"" << text_of(lines[i]) << "\"";
      EXPECT_FALSE(lines[i].overfull);
      if (lines[i].hyphen_added) {
        EXPECT_TRUE(lines[i].hyphenated);
        ++hyphenated;
        EXPECT_EQ(text_of(lines[i]).back(), '-');
        EXPECT_EQ(lines[i].break_penalty, 50);
      }
    }
    EXPECT_LE(right_edge(lines.back()).value, measure().value + 0.01);
    EXPECT_EQ(lines.back().break_penalty, -kInfinitePenalty);
    EXPECT_EQ(joined(lines), without_spaces(original));
    lines_seen += lines.size();
  }
  std::cout << hyphenated << " of " << lines_seen << " body lines end in a hyphen\n";
  EXPECT_GT(hyphenated, 0u);
  EXPECT_TRUE(diags.all().empty());
}

TEST_F(Engine, LargePrintNeverHyphenates) {
  Diagnostics d;
  const StyleSheet large = resolve_styles(load_edition(test::source("layout/large-print.yaml"), d));
  ASSERT_FALSE(large.body.hyphenate);
  const Pt width = large.page.width - large.page.margin_inside - large.page.margin_outside;
  for (const auto& p : report_prose(large))
    for (const auto& line : setter.set(p, width, p.front().style->align)) {
      const std::string t = text_of(line);
      EXPECT_FALSE(line.hyphen_added) << t;  // only hyphens of the text itself
      EXPECT_FALSE(line.overfull) << t;
    }
}

TEST_F(Engine, HyphenGlyphIsRealAndTheWordCopiesOutWhole) {
  // Narrow enough that "safeguarding" must be cut.
  const auto lines = setter.set(spans("We discussed safeguarding arrangements"), Pt(95), Align::Justify);
  bool cut = false;
  for (const auto& l : lines)
    if (l.hyphen_added) {
      cut = true;
      const GlyphRun& last = l.runs.back().run;
      EXPECT_EQ(last.text_of(last.clusters.back()), "-");
      EXPECT_NE(last.glyphs.back().id, 0u);  // a glyph of the face, not .notdef
      EXPECT_GT(last.glyphs.back().advance.value, 0);
    }
  EXPECT_TRUE(cut);
  EXPECT_EQ(joined(lines), "Wediscussedsafeguardingarrangements");
}

TEST_F(Engine, SoftHyphensAreHonouredAndHiddenWhenNotBroken) {
  auto lines = setter.set(spans("Extra\u00ADordinary words"), Pt(45), Align::Left);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_TRUE(lines[0].hyphen_added);
  EXPECT_EQ(text_of(lines[0]).substr(0, 5), "Extra");
  EXPECT_EQ(text_of(lines[0]).back(), '-');
  EXPECT_EQ(text_of(lines[1]).substr(0, 8), "ordinary");
  // Unbroken, the soft hyphen draws nothing: the word is as wide as without it.
  const Line soft = setter.set_line(spans("Extra\u00ADordinary"));
  const Line plain = setter.set_line(spans("Extraordinary"));
  EXPECT_NEAR(soft.width.value, plain.width.value, 0.01);
}

TEST_F(Engine, AHyphenOfTheTextIsABreakThatAddsNothing) {
  size_t at_hyphen = 0;
  for (int w = 60; w <= 260; w += 2) {
    const auto lines = setter.set(spans("Young people worked together to co-produce it"), Pt(w), Align::Left);
    for (const auto& l : lines)
      if (l.hyphenated && !l.hyphen_added) {
        ++at_hyphen;
        const std::string t = text_of(l);
        EXPECT_EQ(t.substr(t.size() - 3), "co-");
        EXPECT_EQ(l.break_penalty, 50);
      }
    EXPECT_EQ(joined(lines), "Youngpeopleworkedtogethertoco-produceit") << "measure " << w;
  }
  EXPECT_GT(at_hyphen, 0u);
}

TEST_F(Engine, EditionOptionsSetHyphenationOnProseStylesOnly) {
  const std::string layout = test::write_temp("hy.yaml", R"(name: hy
page: {size: A5}
margins: {top: 10mm, bottom: 10mm, inside: 10mm, outside: 10mm}
options: {hyphenate: true, hyphen-min-word: 8, hyphen-left-min: 3, hyphen-right-min: 4}
palette: {ink: {rgb: "#000000", cmyk: [0, 0, 0, 100]}}
styles: {body: {size: 10pt}}
)");
  Diagnostics d;
  const StyleSheet st = resolve_styles(load_edition(layout, d));
  ASSERT_FALSE(d.has_errors());
  for (const TextStyle* s : {&st.body, &st.list_item}) {
    EXPECT_TRUE(s->hyphenate);
    EXPECT_EQ(s->hyphen_min_word, 8);
    EXPECT_EQ(s->hyphen_left_min, 3);
    EXPECT_EQ(s->hyphen_right_min, 4);
  }
  EXPECT_FALSE(st.heading.hyphenate);
  EXPECT_FALSE(st.footer.hyphenate);
  EXPECT_FALSE(st.cover_tagline.hyphenate);
  const std::string bad = test::write_temp("hy-bad.yaml", R"(name: hy
page: {size: A5}
margins: {top: 10mm, bottom: 10mm, inside: 10mm, outside: 10mm}
options: {hyphen-left-min: 0}
palette: {ink: {rgb: "#000000", cmyk: [0, 0, 0, 100]}}
styles: {body: {size: 10pt}}
)");
  Diagnostics e;
  load_edition(bad, e);
  ASSERT_TRUE(e.has_errors());
  EXPECT_NE(e.all().front().message.find("hyphen-left-min"), std::string::npos);
}

TEST_F(Engine, WordsWithCapitalsNumbersAndAddressesAreLeftAlone) {
  Hyphenator h(default_hyphen_dictionary());
  ASSERT_TRUE(h.loaded());
  const HyphenLimits limits;
  EXPECT_FALSE(h.points("safeguarding", limits).empty());
  EXPECT_FALSE(h.points("(representatives),", limits).empty());
  EXPECT_TRUE(h.points("Safeguarding", limits).empty());
  EXPECT_TRUE(h.points("NORFOLK", limits).empty());
  EXPECT_TRUE(h.points("2024-25", limits).empty());
  EXPECT_TRUE(h.points("covid19vaccination", limits).empty());
  EXPECT_TRUE(h.points("https://www.norfolklscp.org.uk", limits).empty());
  EXPECT_TRUE(h.points("someone@example.org", limits).empty());
  EXPECT_TRUE(h.points("short", limits).empty());  // fewer letters than the minimum word
  // Left and right minimums.
  for (size_t p : h.points("representatives", {6, 4, 5})) {
    EXPECT_GE(p, 4u);
    EXPECT_LE(p, 15u - 5u);
  }
}

TEST_F(Engine, HyphenatorsOnSeveralThreadsShareOneDictionary) {
  // Editions set their paragraphs on threads of their own; the dictionary is found once, by
  // whichever asks first, and each finds the same points in it.
  const std::vector<std::string> words = {"safeguarding", "representatives", "partnership", "independent"};
  std::vector<std::vector<std::vector<size_t>>> found(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < found.size(); ++t)
    threads.emplace_back([&, t] {
      Hyphenator h(default_hyphen_dictionary());
      for (const auto& w : words) found[t].push_back(h.points(w, HyphenLimits{}));
    });
  for (auto& t : threads) t.join();
  Hyphenator alone(default_hyphen_dictionary());
  for (size_t i = 0; i < words.size(); ++i) {
    const auto expected = alone.points(words[i], HyphenLimits{});
    EXPECT_FALSE(expected.empty()) << words[i];
    for (const auto& f : found) EXPECT_EQ(f[i], expected) << words[i];
  }
  Hyphenator missing("/nonexistent/hyph_xx.dic");
  EXPECT_FALSE(missing.loaded());
  EXPECT_TRUE(missing.points("safeguarding", HyphenLimits{}).empty());
}

TEST_F(Engine, EveryCutGivesBackTheTextEvenAcrossLigatures) {
  // Words with ligatures (ff, ffi, fl) cut at every measure: a cut HarfBuzz calls unsafe is
  // reshaped, and whatever the cuts, the lines hold exactly the text.
  const std::string text =
      "The official effortlessly affirmed affiliations; influential offices reaffirmed the difficult "
      "flourishing of traffic officers and suffragettes.";
  bool cut_in_ligature = false;  // "of-" + "ficial": "ffi" is one glyph unless reshaped
  for (int w = 70; w <= 320; w += 3) {
    const auto lines = setter.set(spans(text), Pt(w), Align::Justify);
    EXPECT_EQ(joined(lines), without_spaces(text)) << "measure " << w;
    for (const auto& l : lines) {
      const std::string t = text_of(l);
      cut_in_ligature |= l.hyphen_added && (t.ends_with(" of-") || t.ends_with(" ef-") || t.ends_with(" dif-"));
    }
    for (const auto& l : lines)
      for (const auto& r : l.runs) {
        uint32_t glyphs = 0;
        for (const auto& c : r.run.clusters) {
          EXPECT_EQ(c.first_glyph, glyphs);
          glyphs += c.glyph_count;
        }
        EXPECT_EQ(glyphs, r.run.glyphs.size());
      }
  }
  EXPECT_TRUE(cut_in_ligature);
}

TEST_F(Engine, RaggedRightIsBalancedNotGreedy) {
  const std::string text =
      "Young people with a wide range of experience and different backgrounds worked with members of "
      "the NSCP Business Unit and Participation Officers to co-produce this report.";
  ParagraphStats kp, ff;
  const auto lines = setter.set(spans(text), Pt(180), Align::Left, &kp, Breaking::TotalFit);
  const auto greedy = setter.set(spans(text), Pt(180), Align::Left, &ff, Breaking::FirstFit);
  EXPECT_LE(kp.demerits, ff.demerits);
  // No line of the balanced setting is as short as the greedy one's shortest inner line.
  auto shortest_inner = [](const std::vector<Line>& ls) {
    double m = 1e9;
    for (size_t i = 0; i + 1 < ls.size(); ++i) m = std::min(m, ls[i].width.value);
    return m;
  };
  EXPECT_GE(shortest_inner(lines), shortest_inner(greedy));
  for (const auto& l : lines) {
    EXPECT_LE(l.width.value, 180.01);
    EXPECT_FALSE(l.runs.empty());
  }
  // Ragged lines keep natural word spaces: the space glyph has the same advance on every line.
  double space = -1;
  for (const auto& l : lines)
    for (const auto& r : l.runs)
      for (const auto& c : r.run.clusters)
        if (r.run.text_of(c) == " ") {
          const double a = r.run.glyphs[c.first_glyph].advance.value;
          if (space < 0) space = a;
          EXPECT_NEAR(a, space, 1e-9);
        }
}

TEST_F(Engine, NeverFailsAndAnOverfullLineWarnsWithItsSourcePosition) {
  const auto lines =
      setter.set(spans("A word like Pneumonoultramicroscopicsilicovolcanoconiosis cannot fit here."), Pt(80),
                 Align::Justify);
  ASSERT_GE(lines.size(), 2u);
  size_t overfull = 0;
  for (const auto& l : lines) overfull += l.overfull;
  EXPECT_EQ(overfull, 1u);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].pos.line, 7);
  EXPECT_NE(diags.all()[0].message.find("overfull"), std::string::npos);
}

TEST_F(Engine, StylesAndLinksSurviveBreakingAndALinkCutInTwoIsTwoRuns) {
  std::vector<TextSpan> s = spans("Read more about it in the ");
  s.push_back(TextSpan{"partnership's annual report online", &booklet.body, true, false, "https://x.org", {8, 1}, {}});
  s.push_back(TextSpan{" and in the ", &booklet.body, false, false, "", {8, 40}, {}});
  s.push_back(TextSpan{"summary", &booklet.body, false, true, "", {8, 50}, {}});
  const auto lines = setter.set(s, Pt(150), Align::Justify);
  size_t lines_with_link = 0;
  bool italic = false;
  for (const auto& l : lines) {
    bool has = false;
    for (const auto& r : l.runs) {
      if (!r.run.link.empty()) {
        has = true;
        EXPECT_EQ(r.run.link, "https://x.org");
        EXPECT_TRUE(r.run.face->bold);
      }
      italic |= r.run.face->italic;
    }
    lines_with_link += has;
  }
  EXPECT_GE(lines_with_link, 2u);
  EXPECT_TRUE(italic);
}

TEST_F(Engine, MandatoryBreaksEndLinesWithoutJustifyingThem) {
  const auto lines = setter.set(spans("First line\nsecond line that is a good deal longer than the first"), Pt(200),
                                Align::Justify);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(text_of(lines[0]).substr(0, 10), "First line");
  EXPECT_EQ(lines[0].break_penalty, -kInfinitePenalty);
  EXPECT_LT(right_edge(lines[0]).value, 100);
}

// The algorithm on its own, with boxes of fixed widths.
std::vector<BreakItem> words(const std::vector<double>& widths, double space) {
  std::vector<BreakItem> items;
  for (size_t i = 0; i < widths.size(); ++i) {
    items.push_back(BreakItem::box(widths[i]));
    if (i + 1 < widths.size()) items.push_back(BreakItem::glue(space, space / 2, space / 3));
  }
  items.push_back(BreakItem::make_penalty(0, kInfinitePenalty, false));
  items.push_back(BreakItem::glue(0, 1e7, 0));
  items.push_back(BreakItem::make_penalty(0, -kInfinitePenalty, false));
  return items;
}

TEST(KnuthPlass, NeverWorseThanFirstFitAndOftenBetter) {
  // Paragraphs of words of pseudo-random widths. Wherever first fit's own breaks are within the
  // first pass's tolerance, total fit's are at least as good; and it is better in many.
  uint32_t seed = 2025;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  size_t comparable = 0, better = 0;
  for (int n = 0; n < 300; ++n) {
    std::vector<double> widths(20 + next() % 30);
    for (auto& w : widths) w = 5 + next() % 25;
    const auto items = words(widths, 6);
    const BreakParams p;
    const BreakResult kp = break_total_fit(items, 200, p);
    const BreakResult ff = break_first_fit(items, 200, p);
    bool ff_feasible = true;
    for (const auto& b : ff.breaks) ff_feasible &= std::abs(b.ratio) <= 0.999;
    if (!ff_feasible) continue;
    ++comparable;
    EXPECT_LE(kp.demerits, ff.demerits + 1e-6) << "paragraph " << n;
    better += kp.demerits < ff.demerits;
  }
  EXPECT_GT(comparable, 20u);
  EXPECT_GT(better, comparable / 4);
  std::cout << "random paragraphs: total fit better than first fit in " << better << " of " << comparable << "\n";
}

TEST(KnuthPlass, PrefersNoHyphenWhenTheFirstPassSucceeds) {
  std::vector<BreakItem> items = words({30, 30, 30}, 5);
  // A hyphenation point inside the second word that would be tempting.
  items.insert(items.begin() + 3, {BreakItem::box(15), BreakItem::make_penalty(3, 50, true, true)});
  items[2] = BreakItem::box(15);
  const BreakResult r = break_total_fit(items, 100, BreakParams{});
  EXPECT_EQ(r.pass, 1);
  for (const auto& b : r.breaks) EXPECT_FALSE(items[b.item].flagged);
}

TEST(KnuthPlass, PenalisesConsecutiveHyphensAndIncompatibleLines) {
  const BreakParams p;
  EXPECT_EQ(line_demerits(0, 0, p), 100);
  EXPECT_EQ(line_demerits(0, 50, p), 100 + 2500);
  EXPECT_EQ(badness(10, 10), 100);
  EXPECT_EQ(badness(5, 10), 13);
  EXPECT_EQ(badness(1, 0), kInfiniteBadness);
  // Two hyphen breaks in a row cost the double-hyphen demerits.
  std::vector<BreakItem> items{BreakItem::box(50), BreakItem::make_penalty(0, 50, true), BreakItem::box(50),
                               BreakItem::make_penalty(0, 50, true), BreakItem::box(50),
                               BreakItem::make_penalty(0, kInfinitePenalty, false), BreakItem::glue(0, 1e7, 0),
                               BreakItem::make_penalty(0, -kInfinitePenalty, false)};
  const BreakResult r = break_total_fit(items, 50, p);
  ASSERT_EQ(r.breaks.size(), 3u);
  EXPECT_GE(r.demerits, p.double_hyphen_demerits + p.final_hyphen_demerits);
}

TEST(KnuthPlass, AParagraphDoesNotEndInAHyphenatedFragment) {
  // Six words of 10 and a last one of 22 that may be cut 16 | 6; a measure of 100. Cut, the first
  // line is barely shrunk and the last is "6" alone; not cut, the first line is loose.
  std::vector<BreakItem> items = words({10, 10, 10, 10, 10, 10, 22}, 5);
  items.erase(items.end() - 4);  // the last word, put back in two pieces
  items.insert(items.end() - 3, {BreakItem::box(16), BreakItem::make_penalty(3, 50, true, true), BreakItem::box(6)});
  BreakParams without;
  without.final_fragment_demerits = 0;
  auto cut = [&](const BreakResult& r) { return items[r.breaks.front().item].flagged; };
  const BreakResult tex = break_total_fit(items, 100, without);
  ASSERT_EQ(tex.breaks.size(), 2u);
  EXPECT_TRUE(cut(tex)) << "TeX's demerits alone prefer the fragment: the test would prove nothing";
  const BreakResult r = break_total_fit(items, 100, BreakParams{});
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_FALSE(cut(r));
}

TEST(KnuthPlass, ALooseLineRatherThanAFragmentWhenOnlyTheCutIsWithinTolerance) {
  // Five words of 10 and a last one of 24 that may be cut 10 | 14; a measure of 90. Not cut, the
  // first line is too loose for the tolerance (badness 800): only the cut, leaving "14" alone on
  // the last line, passes the hyphenating pass; the emergency pass takes the loose line instead.
  std::vector<BreakItem> items = words({10, 10, 10, 10, 10, 24}, 5);
  items.erase(items.end() - 4);
  items.insert(items.end() - 3, {BreakItem::box(10), BreakItem::make_penalty(3, 50, true, true), BreakItem::box(14)});
  auto cut = [&](const BreakResult& r) { return items[r.breaks.front().item].flagged; };
  BreakParams without;
  without.final_fragment_demerits = 0;
  const BreakResult tex = break_total_fit(items, 90, without);
  ASSERT_EQ(tex.breaks.size(), 2u);
  EXPECT_TRUE(cut(tex)) << "without the fragment's demerits the cut wins: the test would prove nothing";
  EXPECT_EQ(tex.pass, 2);
  const BreakResult r = break_total_fit(items, 90, BreakParams{});
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_FALSE(cut(r));
  EXPECT_EQ(r.pass, 3);
}

TEST(KnuthPlass, EmergencyStretchThenOverfullSoItNeverFails) {
  const BreakParams p = [] {
    BreakParams q;
    q.emergency_stretch = 20;
    return q;
  }();
  // A box wider than the line: the last pass sets it overfull.
  const auto items = words({10, 300, 10}, 4);
  const BreakResult r = break_total_fit(items, 100, p);
  EXPECT_EQ(r.pass, 3);
  ASSERT_FALSE(r.breaks.empty());
  EXPECT_EQ(r.breaks.back().item, items.size() - 1);
}

}  // namespace
}  // namespace lp
