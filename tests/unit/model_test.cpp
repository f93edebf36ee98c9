#include "model/quotes.h"
#include "test_support.h"

#include "model/language_tag.h"

namespace lp {
namespace {

const char* kMinimal = R"(report:
  title: T
  editions: [booklet]
content:
  - section:
      title: One
      blocks:
        - p: Hello **bold** and *it* [link](https://x.org).
)";

TEST(Model, LoadsAMinimalReport) {
  Diagnostics d;
  Document doc = load_report(test::write_temp("min.yaml", kMinimal), d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(doc.info.title, "T");
  ASSERT_EQ(doc.content.size(), 1u);
  const auto& s = std::get<Section>(doc.content[0]);
  EXPECT_EQ(plain_text(s.title), "One");
  const auto& p = std::get<Paragraph>(s.blocks.at(0));
  EXPECT_EQ(plain_text(p.text), "Hello bold and it link.");
  EXPECT_EQ(p.pos.line, 8);
  EXPECT_EQ(p.pos.column, 11);
}

TEST(Model, InlineMarkdownGivesStyledRuns) {
  InlineText t = parse_inline_markdown("a **b** *c* [d](https://e.org) ***f***", {3, 4});
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[1].text, "b");
  EXPECT_TRUE(t[1].bold);
  EXPECT_TRUE(t[3].italic);
  EXPECT_EQ(t[5].link, "https://e.org");
  EXPECT_TRUE(t[7].bold && t[7].italic);
  EXPECT_EQ(t[0].pos.line, 3);
}

// A newline YAML kept (a `|` block: an address) and Markdown's trailing backslash are line breaks;
// YAML folds the newlines of plain and `>` scalars itself.
TEST(Model, StraightQuotesBecomeTheLanguagesTypographicOnes) {
  const QuoteMarks en = quote_marks_for("en-GB");
  EXPECT_EQ(curl_quotes("Don't say \"here's\" or 'hi' in the '90s, the girls' books.", en),
            "Don\u2019t say \u201Chere\u2019s\u201D or \u2018hi\u2019 in the \u201990s, the girls\u2019 books.");
  EXPECT_EQ(curl_quotes("(\"a\") \u2014\"b\"", en), "(\u201Ca\u201D) \u2014\u201Cb\u201D");
  EXPECT_EQ(curl_quotes("\"Guten Tag\", sagte er", quote_marks_for("de")), "\u201EGuten Tag\u201C, sagte er");
  EXPECT_EQ(curl_quotes("\"Cze\u015B\u0107\"", quote_marks_for("pl")), "\u201ECze\u015B\u0107\u201D");
  EXPECT_EQ(curl_quotes("l'enfant dit \"oui\"", quote_marks_for("fr")), "l\u2019enfant dit \u00AB\u202Foui\u202F\u00BB");
  // Across runs: the quotes of **"bold"** are decided by the letters in the next run.
  InlineText t = parse_inline_markdown("She said **\"yes\"** and *'no'*", {});
  curl_quotes(t, en);
  EXPECT_EQ(plain_text(t), "She said \u201Cyes\u201D and \u2018no\u2019");
  EXPECT_TRUE(t[1].bold);
}

TEST(Model, TheReportsTextIsCurledButNotItsLinkTargets) {
  Diagnostics d;
  Document doc = load_report(test::write_temp("q.yaml", R"(report: {title: "Young People's Report", editions: [booklet]}
content:
  - section:
      title: One
      blocks:
        - p: "It's [Bob's page](https://x.org/it's)."
        - people: [{name: "Tricia D'Orsi"}]
)"), d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(doc.info.title, "Young People\u2019s Report");
  const auto& s = std::get<Section>(doc.content[0]);
  const auto& p = std::get<Paragraph>(s.blocks.at(0));
  EXPECT_EQ(plain_text(p.text), "It\u2019s Bob\u2019s page.");
  EXPECT_EQ(p.text.at(1).link, "https://x.org/it's");
  EXPECT_EQ(std::get<People>(s.blocks.at(1)).items.at(0).name, "Tricia D\u2019Orsi");
}

TEST(Model, NewlinesThatYamlKeptAreLineBreaks) {
  EXPECT_EQ(plain_text(parse_inline_markdown("County Hall\nMartineau Lane", {})), "County Hall\nMartineau Lane");
  EXPECT_EQ(plain_text(parse_inline_markdown("a break\\\nafter it", {})), "a break\nafter it");
}

TEST(Model, TextThatLooksLikeABlockStaysText) {
  EXPECT_EQ(plain_text(parse_inline_markdown("# 1 of 3", {})), "# 1 of 3");
  EXPECT_EQ(plain_text(parse_inline_markdown("2025. A year", {})), "2025. A year");
  EXPECT_EQ(plain_text(parse_inline_markdown("- dash", {})), "- dash");
}

TEST(Model, EntitiesAreDecodedAndBareWebAddressesBecomeLinks) {
  EXPECT_EQ(plain_text(parse_inline_markdown("Fish &amp; chips &#8211; &#x2014; &hellip; &bogus;", {})),
            "Fish & chips \u2013 \u2014 \u2026 &bogus;");
  InlineText t = parse_inline_markdown("see www.norfolklscp.org.uk today", {});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].link, "http://www.norfolklscp.org.uk");  // md4c's scheme for a www. autolink
}

TEST(Model, LinksOnlyToTheWebMailOrPhones) {
  Diagnostics d;
  load_report(test::write_temp("links.yaml", "report: {title: T, editions: [a]}\ncontent:\n  - section:\n      title: S\n"
                                             "      blocks:\n        - p: '[x](javascript:alert(1)) [y](mailto:a@b.org)'\n"), d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].pos.line, 6);
  EXPECT_NE(d.all()[0].message.find("'javascript:alert(1)' is not allowed"), std::string::npos) << d.all()[0].message;
}

TEST(Model, UnknownKeyIsAnErrorWithPositionAndSuggestion) {
  Diagnostics d;
  load_report(test::write_temp("key.yaml", "report:\n  title: T\n  editons: [a]\ncontent: []\n"), d);
  ASSERT_TRUE(d.has_errors());
  const std::string msg = format_diagnostic(d.all().front());
  EXPECT_NE(msg.find("key.yaml:3:3: error: unknown key 'editons' (did you mean 'editions'?)"), std::string::npos) << msg;
}

TEST(Model, UnknownBlockSuggestsTheNearestKind) {
  Diagnostics d;
  load_report(test::write_temp("blk.yaml", "report: {title: T, editions: [a]}\ncontent:\n  - section:\n      title: S\n      blocks:\n        - heding: x\n"), d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.all().front().pos.line, 6);
  EXPECT_EQ(d.all().front().pos.column, 11);
  EXPECT_NE(d.all().front().message.find("did you mean 'heading'?"), std::string::npos);
}

TEST(Model, BrokenYamlNamesLineAndColumn) {
  Diagnostics d;
  load_report(test::write_temp("broken.yaml", "report: {title: T\ncontent: [\n"), d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_GT(d.all().front().pos.line, 0);
  EXPECT_NE(d.all().front().message.find("invalid YAML"), std::string::npos);
}

TEST(Model, MissingFileIsAnError) {
  Diagnostics d;
  load_report("/nonexistent/report.yaml", d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_NE(d.all().front().message.find("cannot read file"), std::string::npos);
}

TEST(Model, WrongTypesAreErrorsNotCrashes) {
  for (const char* text : {"[1, 2]", "report: 3\ncontent: 4\n", "report: {title: [a], editions: x}\ncontent: [3]\n",
                           "report: {title: T, editions: [a]}\ncontent:\n  - section: [1]\n  - {a: 1, b: 2}\n"}) {
    Diagnostics d;
    load_report(test::write_temp("types.yaml", text), d);
    EXPECT_TRUE(d.has_errors()) << text;
  }
}

TEST(Model, EditionLengthsAndPalette) {
  Diagnostics d;
  Edition e = load_edition(test::source("layout/booklet.yaml"), d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_NEAR(e.page_width.value, 419.53, 0.01);  // 148 mm
  EXPECT_NEAR(e.bleed.value, 8.504, 0.001);       // 3 mm
  EXPECT_EQ(e.palette.at("leaf").rgb, 0x2E8540u);
  EXPECT_EQ(e.palette.at("leaf").cmyk.c, 80);
  EXPECT_EQ(e.pad_to_multiple, 4);
}

TEST(Model, EditionRejectsUnknownColourAndBadLength) {
  Diagnostics d;
  load_edition(test::write_temp("ed.yaml", "name: x\npage: {size: A5, bleed: 3furlongs}\nmargins: {top: 1, bottom: 1, inside: 1, outside: 1}\n"
                                           "palette: {ink: {rgb: '#000000', cmyk: [0,0,0,100]}}\nstyles:\n  body: {colour: inc}\n"), d);
  ASSERT_GE(d.all().size(), 2u);
  EXPECT_NE(d.all()[0].message.find("length"), std::string::npos);
  EXPECT_NE(d.all()[1].message.find("'inc' is not in the palette"), std::string::npos);
}

TEST(Model, BookletAsksForPdfX4) {
  Diagnostics d;
  Edition e = load_edition(test::source("layout/booklet.yaml"), d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_TRUE(e.has_standard("x-4"));
  EXPECT_TRUE(e.has_standard("ua-1"));  // the two combine
  EXPECT_FALSE(e.crop_marks);
  // Screen and large print are tagged for PDF/UA-1 and are not PDF/X (they are RGB).
  for (const char* layout : {"layout/screen.yaml", "layout/large-print.yaml"}) {
    Edition other = load_edition(test::source(layout), d);
    EXPECT_EQ(other.pdf_standards, std::vector<std::string>{"ua-1"}) << layout;
  }
  EXPECT_FALSE(d.has_errors());
}

const char* kEditionHead = "name: x\npage: {size: A5, bleed: 3mm}\nmargins: {top: 1, bottom: 1, inside: 1, outside: 1}\n"
                           "palette: {ink: {rgb: '#000000', cmyk: [0,0,0,100]}}\nstyles:\n  body: {colour: ink}\n";

TEST(Model, PdfStandardsAndMarksAreRead) {
  Diagnostics d;
  Edition e = load_edition(test::write_temp("print.yaml", std::string(kEditionHead) +
                                            "colour: cmyk\npdf-standard: [x-4]\nmarks: crop\noptions: {emphasis: bold}\n"), d);
  ASSERT_FALSE(d.has_errors()) << (d.all().empty() ? "" : d.all()[0].message);
  EXPECT_EQ(e.pdf_standards, std::vector<std::string>{"x-4"});
  EXPECT_TRUE(e.crop_marks);
  EXPECT_TRUE(e.emphasis_bold);
}

TEST(Model, UnknownPdfStandardIsAPositionedError) {
  Diagnostics d;
  load_edition(test::write_temp("std.yaml", std::string(kEditionHead) + "colour: cmyk\npdf-standard: [x-4, x-9]\n"), d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].pos.line, 8);
  EXPECT_EQ(d.all()[0].pos.column, 21);
  EXPECT_NE(d.all()[0].message.find("unknown PDF standard 'x-9'"), std::string::npos);
}

TEST(Model, PdfX4NeedsCmykAndMarksNeedAKnownValue) {
  Diagnostics d;
  load_edition(test::write_temp("rgbx.yaml", std::string(kEditionHead) + "colour: rgb\npdf-standard: [x-4]\nmarks: trim\n"
                                                                         "options: {emphasis: loud}\n"), d);
  ASSERT_EQ(d.all().size(), 3u);
  EXPECT_NE(d.all()[0].message.find("'emphasis' must be italic or bold"), std::string::npos);
  EXPECT_NE(d.all()[1].message.find("needs 'colour: cmyk'"), std::string::npos);
  EXPECT_NE(d.all()[2].message.find("'marks' must be crop or none"), std::string::npos);
}

TEST(Model, FontConfigResolvesFilesAndRoles) {
  Diagnostics d;
  FontConfig c = load_font_config(test::source("fonts/fonts.yaml"), d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(c.roles.at("body"), "lato");
  EXPECT_FALSE(c.fallback.empty());
  for (const auto& f : c.families) EXPECT_FALSE(f.regular.empty()) << f.name;
}

TEST(Model, ClosestMatch) {
  EXPECT_EQ(closest_match("qoute", {"quote", "list"}), "quote");
  EXPECT_EQ(closest_match("zzzzzz", {"quote", "list"}), "");
}

TEST(Model, AnErrorTwoEditionsGiveWordForWordIsReportedOnce) {
  Diagnostics booklet, screen;
  booklet.error("fonts/lato.ttf", {}, "cannot embed font");
  booklet.error("fonts/lato.ttf", {}, "cannot embed font");  // twice in one edition: both kept
  booklet.warning("report.yaml", {3, 5}, "a long word");
  screen.error("fonts/lato.ttf", {}, "cannot embed font");
  screen.warning("report.yaml", {3, 5}, "a long word");
  screen.warning("report.yaml", {4, 5}, "a long word");  // another place: kept
  const Diagnostics merged = merge_editions({{"booklet", &booklet}, {"screen", &screen}});
  ASSERT_EQ(merged.all().size(), 4u);
  EXPECT_EQ(merged.all()[0].message, "cannot embed font");
  EXPECT_EQ(merged.all()[1].message, "cannot embed font");
  EXPECT_EQ(merged.all()[2].pos.line, 3);
  EXPECT_EQ(merged.all()[3].pos.line, 4);
}

TEST(Model, LanguageTagsAreBcp47) {
  for (const char* tag : {"cy", "en-GB", "fr", "pl", "zh-Hant-TW", "sr-Latn", "en-GB-oxendict", "x-private", "es-419"})
    EXPECT_TRUE(is_language_tag(tag)) << tag;
  for (const char* tag : {"", "cy_GB", "welsh", "cy-", "-cy", "e", "123", "en GB", "en-GB-", "root", "cy\xC3\xA2"})
    EXPECT_FALSE(is_language_tag(tag)) << tag;
}

TEST(Model, AParagraphOrHeadingMayHaveItsOwnLanguage) {
  Diagnostics d;
  Document doc = load_report(test::write_temp("lang.yaml", "report: {title: T, editions: [a], language: en-GB}\ncontent:\n"
                                                           "  - section:\n      title: S\n      blocks:\n"
                                                           "        - p: {text: Croeso *i bawb*, lang: cy}\n"
                                                           "        - heading: {text: Bienvenue, lang: fr}\n"
                                                           "        - p: Welcome\n"), d);
  ASSERT_FALSE(d.has_errors()) << format_diagnostic(d.all().front());
  const auto& blocks = std::get<Section>(doc.content.at(0)).blocks;
  EXPECT_EQ(plain_text(std::get<Paragraph>(blocks.at(0)).text), "Croeso i bawb");
  EXPECT_EQ(std::get<Paragraph>(blocks.at(0)).lang, "cy");
  EXPECT_EQ(std::get<Heading>(blocks.at(1)).lang, "fr");
  EXPECT_EQ(std::get<Paragraph>(blocks.at(2)).lang, "");
}

TEST(Model, ALanguageThatIsNotBcp47IsAnErrorWhereItIs) {
  Diagnostics d;
  load_report(test::write_temp("badlang.yaml", "report: {title: T, editions: [a]}\ncontent:\n  - section:\n      title: S\n"
                                               "      blocks:\n        - p: {text: Croeso, lang: Welsh}\n"), d);
  ASSERT_EQ(d.all().size(), 1u);
  const std::string msg = format_diagnostic(d.all().front());
  EXPECT_NE(msg.find("badlang.yaml:6:35: error: 'Welsh' is not a language tag"), std::string::npos) << msg;
}

}  // namespace
}  // namespace lp
