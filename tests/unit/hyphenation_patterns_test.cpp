// The compiled hyphenation patterns (text/hyphenation_patterns.h) against libhyphen itself, the
// reference: every word of Debian's word lists (wamerican, wbritish, wfrench, and every tenth
// of wpolish's 4.3 million) gets the same values from both, for en-GB, en-US, fr and pl.
#include <gtest/gtest.h>
#include <hyphen.h>
#include <iconv.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/builtin_patterns.h"
#include "text/hyphenation_patterns.h"
#include "text/hyphenator.h"

namespace lp {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// libhyphen's values for a word, one per character (its dictionary's encoding is Latin-2 for
// Polish: the word is converted first; false when it has a letter Latin-2 cannot write).
bool reference(HyphenDict* dict, iconv_t to_dict, const std::string& word, std::string& out) {
  std::string text = word;
  if (to_dict != reinterpret_cast<iconv_t>(-1)) {
    text.assign(word.size() + 1, '\0');
    char* src = const_cast<char*>(word.data());
    char* dst = text.data();
    size_t src_left = word.size(), dst_left = text.size();
    if (iconv(to_dict, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) {
      iconv(to_dict, nullptr, nullptr, nullptr, nullptr);
      return false;
    }
    text.resize(text.size() - dst_left);
  }
  std::vector<char> hyphens(text.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(dict, text.c_str(), static_cast<int>(text.size()), hyphens.data(), nullptr, &rep, &pos, &cut);
  EXPECT_EQ(rep, nullptr) << word;  // none of these dictionaries has non-standard patterns
  out.assign(hyphens.data(), strnlen(hyphens.data(), hyphens.size()));
  size_t chars = 0;
  for (unsigned char c : word) chars += (c & 0xc0) != 0x80;
  out.resize(std::min(out.size(), chars));
  return true;
}

struct Case {
  const char* dictionary;
  const char* words;
  int step;  // every step-th word
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.dictionary << " with " << c.words; }

class AgainstLibhyphen : public testing::TestWithParam<Case> {};

TEST_P(AgainstLibhyphen, EveryWordOfTheListGetsTheSameValues) {
  const Case c = GetParam();
  const std::string path = std::string("/usr/share/hyphen/") + c.dictionary;
  const std::string dic = read_file(path);
  ASSERT_FALSE(dic.empty()) << path << " (scripts/setup.sh installs it)";
  std::ifstream list(std::string("/usr/share/dict/") + c.words);
  ASSERT_TRUE(list) << c.words << " (scripts/setup.sh installs it)";

  // Built into the binary, and the same words as compiling the file now.
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(hyphen_dictionary_is_built_in(path)) << path;
  const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << c.dictionary << ": found built in in " << load_ms << " ms\n";
  std::span<const uint32_t> built_in;
  for (const BuiltinPatterns& b : builtin_hyphenation_patterns())
    if (b.hash == dictionary_hash(dic) && b.size == dic.size()) built_in = b.words;
  std::string error;
  const std::vector<uint32_t> compiled = compile_hyphenation_patterns(dic, error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_TRUE(std::equal(built_in.begin(), built_in.end(), compiled.begin(), compiled.end()));

  HyphenationPatterns patterns;
  ASSERT_TRUE(patterns.open(built_in));
  HyphenDict* dict = hnj_hyphen_load(path.c_str());
  ASSERT_NE(dict, nullptr);
  const std::string charset = dic.substr(0, dic.find_first_of("\r\n"));
  iconv_t to_dict = charset == "UTF-8" ? reinterpret_cast<iconv_t>(-1) : iconv_open(charset.c_str(), "UTF-8");
  std::string word, expected;
  std::vector<char> values;
  size_t compared = 0, hyphenated = 0, differ = 0, skipped = 0;
  for (size_t n = 0; std::getline(list, word); ++n) {
    if (n % c.step || word.empty()) continue;
    if (!reference(dict, to_dict, word, expected)) {
      ++skipped;
      continue;
    }
    patterns.hyphenate(word, values);
    const std::string got(values.begin(), values.end());
    ++compared;
    if (got.find_first_of("13579") != got.npos) ++hyphenated;
    if (got != expected && ++differ <= 10) ADD_FAILURE() << word << ": leafpress " << got << ", libhyphen " << expected;
  }
  if (to_dict != reinterpret_cast<iconv_t>(-1)) iconv_close(to_dict);
  hnj_hyphen_free(dict);
  std::cout << c.dictionary << ": " << compared << " words compared, " << hyphenated << " with a hyphen, " << differ
            << " differ, " << skipped << " not in the dictionary's encoding\n";
  EXPECT_EQ(differ, 0u);
  EXPECT_GT(compared, 90000u);
  EXPECT_GT(hyphenated, compared / 2);  // the lists are mostly words long enough to hyphenate
}

INSTANTIATE_TEST_SUITE_P(Debian, AgainstLibhyphen,
                         testing::Values(Case{"hyph_en_GB.dic", "british-english", 1}, Case{"hyph_en_US.dic", "american-english", 1},
                                         Case{"hyph_fr.dic", "french", 1}, Case{"hyph_pl_PL.dic", "polish", 10}),
                         [](const auto& info) {
                           std::string name = info.param.dictionary;
                           return name.substr(5, name.size() - 9);
                         });

TEST(CompiledPatterns, NonStandardPatternsAndUnknownEncodingsAreRefused) {
  std::string error;
  EXPECT_TRUE(compile_hyphenation_patterns("UTF-8\nsch1f/ff=f,5,2\n", error).empty());
  EXPECT_NE(error.find("non-standard"), std::string::npos) << error;
  error.clear();
  EXPECT_TRUE(compile_hyphenation_patterns("NO-SUCH-ENCODING\na1b\n", error).empty());
  EXPECT_NE(error.find("NO-SUCH-ENCODING"), std::string::npos) << error;
}

TEST(CompiledPatterns, SmallDictionariesOfTheirOwnAsLibhyphenReadsThem) {
  // What Debian's dictionaries do not show: NEXTLEVEL (the first level's boundaries split a
  // word, each part hyphenated by the second with the compound minimums at its inner ends),
  // NOHYPHEN, patterns that are not suffix-closed, digits in the word, ligatures, a line too long.
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nCOMPOUNDLEFTHYPHENMIN 2\nCOMPOUNDRIGHTHYPHENMIN 2\nb1c\n"
       "NEXTLEVEL\n1a\n1b\n1c\n1d\n",
       {"abcd", "abab", "cbcbcb", "a", "ab", "bc", "abcbcd"}},
      {"UTF-8\nNOHYPHEN ab,x\n1a1\n1b1\nx1\n", {"aaaa", "abab", "xaxa", "bxxb", "abxab"}},
      {"ISO8859-1\n% a comment\n\xe9" "1t\nab1c\n2bc\n.a3\n", {"\xc3\xa9t\xc3\xa9t\xc3\xa9", "abcabc", "xabcx", "abc1abc"}},
      {"UTF-8\nLEFTHYPHENMIN 3\n1\xef\xac\x83\n1a1\n" + std::string(120, 'q') + "1\n", {"a\xef\xac\x83" "aaa", "\xef\xac\x83" "aaaa", "aaaaaa"}},
  };
  const std::string path = testing::TempDir() + "lp-small-" + std::to_string(::getpid()) + ".dic";
  for (const auto& [dic, words] : cases) {
    std::ofstream(path, std::ios::binary) << dic;
    std::string error;
    const std::vector<uint32_t> compiled = compile_hyphenation_patterns(dic, error);
    ASSERT_FALSE(compiled.empty()) << error;
    HyphenationPatterns patterns;
    ASSERT_TRUE(patterns.open(compiled));
    HyphenDict* dict = hnj_hyphen_load(path.c_str());
    ASSERT_NE(dict, nullptr);
    const std::string charset = dic.substr(0, dic.find('\n'));
    iconv_t to_dict = charset == "UTF-8" ? reinterpret_cast<iconv_t>(-1) : iconv_open(charset.c_str(), "UTF-8");
    for (const std::string& word : words) {
      std::string expected;
      ASSERT_TRUE(reference(dict, to_dict, word, expected)) << word;
      std::vector<char> values;
      patterns.hyphenate(word, values);
      EXPECT_EQ(std::string(values.begin(), values.end()), expected) << word << " with " << dic;
    }
    if (to_dict != reinterpret_cast<iconv_t>(-1)) iconv_close(to_dict);
    hnj_hyphen_free(dict);
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace lp
