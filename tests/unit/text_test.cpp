#include <fstream>
#include <iterator>
#include <thread>

#include "test_support.h"
#include "text/paragraph.h"
#include "text/shaping_cache.h"

namespace lp {
namespace {

struct TextFixture : ::testing::Test {
  StyleSheet styles = test::booklet_styles();
  Diagnostics diags;
  ParagraphSetter setter{test::project_fonts(), diags, "t.yaml", "en-GB"};

  std::vector<TextSpan> spans(const std::string& text) { return {TextSpan{text, &styles.body, false, false, "", {4, 9}, {}}}; }

  static std::string text_of(const Line& line) {
    std::string s;
    for (const auto& r : line.runs)
      for (const auto& c : r.run.clusters) s += r.run.text_of(c);
    return s;
  }
  static size_t glyph_count(const Line& line) {
    size_t n = 0;
    for (const auto& r : line.runs) n += r.run.glyphs.size();
    return n;
  }
};

TEST_F(TextFixture, LigatureIsOneGlyphStandingForItsLetters) {
  Line line = setter.set_line(spans("office"));
  EXPECT_EQ(text_of(line), "office");
  EXPECT_LT(glyph_count(line), 6u);  // "ffi" is one glyph in Lato
  bool found = false;
  const GlyphRun& run = line.runs.front().run;
  for (const auto& c : run.clusters) found |= run.text_of(c) == "ffi" && c.glyph_count == 1;
  EXPECT_TRUE(found);
}

TEST_F(TextFixture, EmphasisInBoldWhereTheEditionAsksForIt) {
  Line italic = setter.set_line({TextSpan{"emphasis", &styles.body, false, true, "", {4, 9}, {}}});
  ASSERT_FALSE(italic.runs.empty());
  EXPECT_TRUE(italic.runs[0].run.face->italic);
  TextStyle bold_emphasis = styles.body;
  bold_emphasis.emphasis_bold = true;
  Line bold = setter.set_line({TextSpan{"emphasis", &bold_emphasis, false, true, "", {4, 9}, {}}});
  ASSERT_FALSE(bold.runs.empty());
  EXPECT_FALSE(bold.runs[0].run.face->italic);
  EXPECT_TRUE(bold.runs[0].run.face->bold);
}

TEST_F(TextFixture, ArabicIsShapedRightToLeftWithAnArabicFont) {
  Line line = setter.set_line(spans("مرحبا"));
  ASSERT_EQ(line.runs.size(), 1u);
  EXPECT_EQ(line.runs[0].run.face->family, "noto-sans-arabic");
  // Visual order: the first letter of the word is the last cluster.
  EXPECT_EQ(line.runs[0].run.text_of(line.runs[0].run.clusters.back()), "م");
  EXPECT_TRUE(diags.all().empty());
}

TEST_F(TextFixture, RightToLeftWordsAreReorderedOnTheLine) {
  Line line = setter.set_line(spans("abc مرحبا بالعالم"));
  ASSERT_GE(line.runs.size(), 2u);
  // The second Arabic word stands left of the first.
  std::string visual = text_of(line);
  EXPECT_EQ(visual.substr(0, 4), "abc ");
  EXPECT_LT(visual.find("ملاعلاب"), visual.find("ابحرم"));
}

TEST_F(TextFixture, DevanagariReordersGlyphsWithinAClusterAndKeepsItsText) {
  Line line = setter.set_line(spans("नमस्ते किताब"));
  EXPECT_EQ(text_of(line), "नमस्ते किताब");
  EXPECT_EQ(line.runs[0].run.face->family, "noto-sans-devanagari");
  // "नमस्ते" is 6 code points; its conjunct makes fewer glyphs.
  EXPECT_LT(setter.set_line(spans("नमस्ते")).runs[0].run.glyphs.size(), 6u);
  // In "कि" the vowel sign is drawn first: one cluster of two glyphs.
  bool reordered = false;
  for (const auto& r : line.runs)
    for (const auto& c : r.run.clusters) reordered |= r.run.text_of(c) == "कि" && c.glyph_count == 2;
  EXPECT_TRUE(reordered);
}

TEST_F(TextFixture, MissingCharacterWarnsWithItsSourcePosition) {
  setter.set_line(spans("a\uE000b"));
  ASSERT_EQ(diags.all().size(), 1u);
  const auto& d = diags.all().front();
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.pos.line, 4);
  EXPECT_NE(d.message.find("U+E000"), std::string::npos);
}

TEST_F(TextFixture, OneShapingCacheServesEveryEditionAtEverySize) {
  // Editions set their text on threads of their own with their own setters; HarfBuzz's answers
  // are kept in font units for the whole build, so a second edition setting the same words at
  // twice the size shapes nothing anew and gets the same glyphs, scaled.
  const FontSet& fonts = test::project_fonts();
  const std::string text = "Quizzically zephyrs vex bright wombats";  // words no other test sets
  TextStyle big = styles.body;
  big.size = Pt(styles.body.size.value * 2);
  auto set_on_a_thread = [&](const TextStyle& style) {
    Line line;
    std::thread([&] {
      Diagnostics d;
      ParagraphSetter edition(fonts, d, "t.yaml", "en-GB");
      line = edition.set_line({TextSpan{text, &style, false, false, "", {4, 9}, {}}});
    }).join();
    return line;
  };
  const size_t misses_before = fonts.shaping_cache().misses();
  const Line first = set_on_a_thread(styles.body);
  const size_t misses_after_first = fonts.shaping_cache().misses();
  const size_t hits_after_first = fonts.shaping_cache().hits();
  const Line second = set_on_a_thread(big);
  EXPECT_GT(misses_after_first, misses_before);
  EXPECT_EQ(fonts.shaping_cache().misses(), misses_after_first);
  EXPECT_GT(fonts.shaping_cache().hits(), hits_after_first);
  ASSERT_EQ(first.runs.size(), second.runs.size());
  for (size_t r = 0; r < first.runs.size(); ++r) {
    const auto& a = first.runs[r].run.glyphs;
    const auto& b = second.runs[r].run.glyphs;
    ASSERT_EQ(a.size(), b.size());
    for (size_t g = 0; g < a.size(); ++g) {
      EXPECT_EQ(a[g].id, b[g].id);
      EXPECT_NEAR(b[g].advance.value, 2 * a[g].advance.value, 1e-9);
    }
  }
}

TEST_F(TextFixture, LinesFitTheMeasureAndJustifiedLinesFillIt) {
  const std::string text =
      "Welcome to the children and young people's annual report for the Norfolk Safeguarding Children "
      "Partnership. Young people with a wide range of experience worked with the partners to co-produce it.";
  const Pt width(200);
  auto lines = setter.set(spans(text), width, Align::Justify);
  ASSERT_GE(lines.size(), 3u);
  std::string all;
  for (size_t i = 0; i < lines.size(); ++i) {
    Pt end;
    for (const auto& r : lines[i].runs) end = std::max(end, r.x + r.run.width());
    EXPECT_LE(lines[i].width.value, width.value + 0.01);
    if (i + 1 < lines.size()) {
      EXPECT_NEAR(end.value, width.value, 0.5) << "line " << i;
    }
    all += text_of(lines[i]);
  }
  // Every character is kept; only the spaces at the breaks are not drawn.
  std::string squeezed = text;
  squeezed.erase(std::remove(squeezed.begin(), squeezed.end(), ' '), squeezed.end());
  all.erase(std::remove(all.begin(), all.end(), ' '), all.end());
  EXPECT_EQ(all, squeezed);
}

TEST_F(TextFixture, AFirstLineIndentKeepsRoomAtTheStartOfTheFirstLineOnly) {
  const std::string text =
      "Talking with professionals who were trying to keep a child safe from harm. They were worried the "
      "parent might have been making her sick on purpose.";
  const Pt width(200), indent(60);
  auto plain = setter.set(spans(text), width, Align::Justify);
  auto lines = setter.set(spans(text), width, Align::Justify, nullptr, Breaking::TotalFit, indent);
  ASSERT_GE(lines.size(), 3u);
  // The first line starts after the indent and still ends at the measure; the others start at 0.
  EXPECT_NEAR(lines[0].runs.front().x.value, indent.value, 0.01);
  Pt end;
  for (const auto& r : lines[0].runs) end = std::max(end, r.x + r.run.width());
  EXPECT_NEAR(end.value, width.value, 0.5);
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_NEAR(lines[i].runs.front().x.value, 0, 0.01) << "line " << i;
  // Fewer words fit beside the indent than on a whole line.
  EXPECT_LT(text_of(lines[0]).size(), text_of(plain[0]).size());
  std::string all;
  for (const auto& l : lines) all += text_of(l);
  std::string squeezed = text;
  squeezed.erase(std::remove(squeezed.begin(), squeezed.end(), ' '), squeezed.end());
  all.erase(std::remove(all.begin(), all.end(), ' '), all.end());
  EXPECT_EQ(all, squeezed);
  EXPECT_TRUE(diags.all().empty());
}

TEST_F(TextFixture, SoftHyphensInARowAreOneBreakChance) {
  // "al" then six soft hyphens then "one": the same lines, at every measure, as with one.
  const std::string shy = "\xC2\xAD";
  std::string many = "al", one = "al" + shy + "one al" + shy + "one";
  for (int i = 0; i < 6; ++i) many += shy;
  many += "one al" + shy + shy + "one";
  for (double measure : {20.0, 40.0, 300.0}) {
    const auto a = setter.set(spans(many), Pt(measure), Align::Left);
    const auto b = setter.set(spans(one), Pt(measure), Align::Left);
    ASSERT_EQ(a.size(), b.size()) << measure;
    if (measure == 20.0) {
      EXPECT_TRUE(a.front().hyphenated);  // it did break at a soft hyphen
    }
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(text_of(a[i]), text_of(b[i])) << measure;
      EXPECT_EQ(a[i].hyphenated, b[i].hyphenated) << measure;
    }
  }
}

TEST_F(TextFixture, LinksSurviveShaping) {
  std::vector<TextSpan> s = spans("see ");
  s.push_back(TextSpan{"here", &styles.body, true, false, "https://x.org", {}, {}});
  Line line = setter.set_line(s);
  ASSERT_EQ(line.runs.size(), 2u);
  EXPECT_EQ(line.runs[1].run.link, "https://x.org");
  EXPECT_TRUE(line.runs[1].run.face->bold);
}

}  // namespace
TEST(ShapingCache, GivesWhatHbShapeGivesForEveryFaceDirectionAndLanguage) {
  // The cache runs HarfBuzz with a plan of its own per font, direction, script and language:
  // asked in turn for the same text in both directions and in several languages, it must give
  // exactly what hb_shape gives each time.
  const FontSet& fonts = test::project_fonts();
  hb_buffer_t* cached_buffer = hb_buffer_create();
  hb_buffer_t* plain = hb_buffer_create();
  ShapingCache cache;
  const std::string texts[] = {"office fjord", "Straße Þing", "fi Ta AV", "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"};
  const char* languages[] = {"en", "tr", "cy", "ar"};
  size_t compared = 0;
  for (const auto& face : fonts.faces())
    for (const std::string& text : texts)
      for (const char* lang : languages)
        for (bool rtl : {false, true}) {
          const hb_language_t language = hb_language_from_string(lang, -1);
          const hb_script_t script = text[0] == '\xD8' ? HB_SCRIPT_ARABIC : HB_SCRIPT_LATIN;
          const ShapeRequest request{face->font, face->index, language, script, rtl, text, 0,
                                     static_cast<uint32_t>(text.size())};
          const std::vector<ShapedGlyph> got = cache.shape(request, cached_buffer);
          hb_buffer_clear_contents(plain);
          hb_buffer_add_utf8(plain, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
          hb_buffer_set_direction(plain, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
          hb_buffer_set_script(plain, script);
          hb_buffer_set_language(plain, language);
          hb_buffer_set_cluster_level(plain, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
          hb_shape(face->font, plain, nullptr, 0);
          unsigned count = 0;
          const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(plain, &count);
          const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(plain, &count);
          ASSERT_EQ(got.size(), count) << face->postscript_name << " " << text << " " << lang << " rtl " << rtl;
          for (unsigned i = 0; i < count; ++i) {
            EXPECT_EQ(got[i].glyph, info[i].codepoint) << face->postscript_name << " " << text << " " << lang;
            EXPECT_EQ(got[i].cluster, info[i].cluster);
            EXPECT_EQ(got[i].x_advance, pos[i].x_advance);
            EXPECT_EQ(got[i].x_offset, pos[i].x_offset);
            EXPECT_EQ(got[i].y_offset, pos[i].y_offset);
          }
          ++compared;
        }
  EXPECT_EQ(compared, fonts.faces().size() * 4 * 4 * 2);
  hb_buffer_destroy(plain);
  hb_buffer_destroy(cached_buffer);
}

TEST(FontSetLoad, ChecksLaterGiveTheSameFacesAndPassOnce) {
  // The build loads the fonts with their trial subsets on a thread of their own, beside the
  // report's parse and the layout: the same faces in the same order, checked when asked.
  Diagnostics d;
  const FontConfig config = load_font_config(test::source("fonts/fonts.yaml"), d);
  auto now = FontSet::load(config, d);
  auto later = FontSet::load(config, d, FontSet::Checks::Later);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(now->faces().size(), later->faces().size());
  for (size_t i = 0; i < now->faces().size(); ++i) {
    EXPECT_EQ(now->faces()[i]->postscript_name, later->faces()[i]->postscript_name);
    EXPECT_EQ(later->faces()[i]->index, i);
  }
  Diagnostics checks;
  EXPECT_TRUE(later->checks_passed(checks));
  EXPECT_TRUE(later->checks_passed(checks));  // asked again: the same answer, nothing more said
  EXPECT_TRUE(now->checks_passed(checks));
  EXPECT_TRUE(checks.all().empty());
  auto dropped = FontSet::load(config, d, FontSet::Checks::Later);  // never asked: waits as it goes
}

TEST(FontSetLoad, AFaceHarfBuzzCannotSubsetIsAnErrorAtItsFamily) {
  // Lato with a 'post' table of a version no font has: FreeType opens it, HarfBuzz will not cut it.
  std::ifstream in("/usr/share/fonts/truetype/lato/Lato-Regular.ttf", std::ios::binary);
  std::string font((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(font.size(), 12u);
  auto be = [&](size_t at, int n) {
    uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(font[at + i]);
    return v;
  };
  bool damaged = false;
  for (uint32_t i = 0; i < be(4, 2); ++i)
    if (font.compare(12 + 16 * i, 4, "post") == 0) {
      font.replace(be(12 + 16 * i + 8, 4), 4, std::string("\x00\x07\x00\x00", 4));
      damaged = true;
    }
  ASSERT_TRUE(damaged);
  const std::string file = test::write_temp("damaged-Lato.ttf", font);
  const std::string yaml = test::write_temp(
      "damaged-fonts.yaml", "search-paths: [/]\nfamilies:\n  body:\n    regular: " + file + "\nroles:\n  body: body\nfallback: []\n");
  Diagnostics d;
  const FontConfig config = load_font_config(yaml, d);
  ASSERT_FALSE(d.has_errors()) << format_diagnostic(d.all().front());

  Diagnostics now;
  EXPECT_TRUE(FontSet::load(config, now)->faces().empty());
  ASSERT_EQ(now.all().size(), 1u);
  EXPECT_EQ(now.all()[0].pos.line, 3);
  EXPECT_NE(now.all()[0].message.find("HarfBuzz cannot subset it"), std::string::npos);

  Diagnostics later, checks;
  auto checked_later = FontSet::load(config, later, FontSet::Checks::Later);
  EXPECT_EQ(checked_later->faces().size(), 1u);  // kept until asked
  EXPECT_FALSE(checked_later->checks_passed(checks));
  ASSERT_EQ(checks.all().size(), 1u);
  EXPECT_EQ(checks.all()[0].file, yaml);
  EXPECT_EQ(checks.all()[0].pos.line, 3);
  EXPECT_EQ(checks.all()[0].message, now.all()[0].message);

  Diagnostics unchecked;  // a build that writes PDFs: its own subsets are the check
  auto not_checked = FontSet::load(config, unchecked, FontSet::Checks::None);
  EXPECT_EQ(not_checked->faces().size(), 1u);
  EXPECT_TRUE(not_checked->checks_passed(unchecked));
  EXPECT_TRUE(unchecked.all().empty());
}

}  // namespace lp
