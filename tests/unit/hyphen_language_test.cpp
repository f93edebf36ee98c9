// Hyphenation patterns chosen by the report's language (text/hyphenator.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "text/hyphenator.h"
#include "text/paragraph.h"

namespace lp {
namespace {

namespace fs = std::filesystem;

TEST(HyphenLanguage, TheTagsOwnThenTheLanguagesPatterns) {
  const fs::path dir = fs::temp_directory_path() / ("lp-hyphen-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* name : {"hyph_de_AT.dic", "hyph_de_DE.dic", "hyph_fr.dic", "hyph_en_GB.dic", "hyph_en_US.dic", "hyph_pt_BR.dic"})
    std::ofstream(dir / name) << "UTF-8\n";
  auto dict = [&](const char* tag) {
    const std::string p = hyphen_dictionary_for(tag, dir.string());
    return p.empty() ? "" : fs::path(p).filename().string();
  };
  EXPECT_EQ(dict("de-AT"), "hyph_de_AT.dic");
  EXPECT_EQ(dict("de-CH"), "hyph_de_DE.dic");  // the language's main country
  EXPECT_EQ(dict("de"), "hyph_de_DE.dic");
  EXPECT_EQ(dict("fr-CA"), "hyph_fr.dic");
  EXPECT_EQ(dict("en-US"), "hyph_en_US.dic");
  EXPECT_EQ(dict("pt"), "hyph_pt_BR.dic");  // the only one
  EXPECT_EQ(dict("cy"), "");                 // none: no hyphenation
  EXPECT_EQ(dict("../etc"), "");
  EXPECT_EQ(dict(""), "");
  fs::remove_all(dir);
}

TEST(HyphenLanguage, DebiansPatterns) {
  // hyphen-en-gb is installed by scripts/setup.sh; no Debian package has Welsh patterns.
  EXPECT_EQ(hyphen_dictionary_for("en-GB"), default_hyphen_dictionary());
  EXPECT_TRUE(has_hyphenation("en-GB"));
  EXPECT_FALSE(has_hyphenation("cy"));
  Hyphenator welsh(hyphen_dictionary_for("cy"));
  EXPECT_TRUE(welsh.points("cyfathrebu", HyphenLimits{}).empty());
  Hyphenator english(hyphen_dictionary_for("en-GB"));
  EXPECT_FALSE(english.points("partnership", HyphenLimits{}).empty());
}

TEST(HyphenLanguage, LettersBeyondAToZWithUtf8Patterns) {
  // hyphen-fr (UTF-8 patterns), installed by scripts/setup.sh: "pré=fé=ren=tiel=le=ment".
  Hyphenator french(hyphen_dictionary_for("fr-FR"));
  const std::string word = "préférentiellement";
  std::vector<size_t> expected{4, 7, 10, 14, 16};  // the bytes of pré, préfé, préfé-ren, …
  EXPECT_EQ(french.points(word, HyphenLimits{}), expected);
  EXPECT_EQ(french.points("«préférentiellement»", HyphenLimits{}).size(), 0u);  // guillemets are not trimmed
  EXPECT_TRUE(french.points("Préférentiellement", HyphenLimits{}).empty());     // a capital
  // Letters count as letters, not bytes: "été" is 3 letters, under the minimum of 6.
  EXPECT_TRUE(french.points("été", HyphenLimits{}).empty());
}

TEST(HyphenLanguage, PatternsInAnotherEncodingAreReadAsUtf8) {
  // hyphen-pl (installed by scripts/setup.sh): hyph_pl_PL.dic is in ISO 8859-2, converted to
  // UTF-8 when compiled, so words with ą ę ł ó ś ż ź ć ń are hyphenated like the others.
  ASSERT_TRUE(has_hyphenation("pl"));
  Hyphenator polish(hyphen_dictionary_for("pl"));
  // "współ-praca": after "współ" (7 bytes: ó and ł are two each); "ca" is under the right minimum.
  EXPECT_EQ(polish.points("współpraca", HyphenLimits{}), (std::vector<size_t>{7}));
  // "bez-pie-czeń-stwo": letters beyond a–z on both sides of a point.
  const std::string word = "bezpieczeństwo";
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t p : polish.points(word, HyphenLimits{})) {
    parts.push_back(word.substr(from, p - from));
    from = p;
  }
  parts.push_back(word.substr(from));
  EXPECT_EQ(parts, (std::vector<std::string>{"bez", "pie", "czeń", "stwo"}));
  EXPECT_EQ(polish.points("żółwiątko", HyphenLimits{2, 2, 2}).empty(), false);
}

}  // namespace
}  // namespace lp
