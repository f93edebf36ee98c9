#pragma once
// Internal to src/text: hyphenation points of a word, from the patterns of Debian's hyphen-*
// packages (hyphen-en-gb), compiled into the binary at build time (hyphenation_patterns.h).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lp {

class HyphenationPatterns;

struct HyphenLimits {
  int min_word = 6;  // letters a word needs to be hyphenated at all
  int left = 2;      // letters kept before a hyphen
  int right = 3;     // letters carried after it
};

class Hyphenator {
 public:
  // The dictionary is found when the first word is hyphenated (an edition that does not
  // hyphenate never reads it); an unreadable one leaves the hyphenator empty: it finds no points.
  explicit Hyphenator(std::string dictionary_path) : path_(std::move(dictionary_path)) {}
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool loaded() { return patterns() != nullptr; }
  // Byte offsets in `word` before which a hyphen may go. Words with capitals, digits or the look
  // of a URL or e-mail address are left alone, as are words of anything but lower-case letters:
  // a–z and those of any cased script (é, ł, ß; not a script without case, such as Devanagari).
  // Punctuation around the word and a possessive 's are not counted as letters; the limits
  // count letters, not bytes.
  std::vector<size_t> points(std::string_view word, const HyphenLimits& limits);

 private:
  const HyphenationPatterns* patterns();

  std::string path_;
  bool tried_ = false;
  const HyphenationPatterns* patterns_ = nullptr;  // shared by every hyphenator of the process
  std::unordered_map<std::string, std::vector<size_t>> cache_;
  std::string key_;
  std::vector<char> hyphens_;
  std::vector<size_t> starts_;  // scratch: where each letter of a word begins
};

// The en-GB dictionary of Debian's hyphen-en-gb.
const char* default_hyphen_dictionary();

// The patterns for a BCP 47 language tag among Debian's hyphen-* packages (hyph_LL_CC.dic in
// `folder`): the tag's own (en-GB: hyph_en_GB.dic), else the language's alone (hyph_LL.dic), its
// main country's (hyph_de_DE.dic) or the first of its others; "" when the language has none,
// which sets its text without hyphenation.
std::string hyphen_dictionary_for(std::string_view language, const std::string& folder = "/usr/share/hyphen");

// Whether the patterns of the dictionary at `path` are the ones compiled into the binary (else
// they are compiled when first read, which costs a few milliseconds); false when unreadable.
bool hyphen_dictionary_is_built_in(const std::string& path);

}  // namespace lp
