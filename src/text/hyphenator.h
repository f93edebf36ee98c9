#pragma once
// Internal to src/text: hyphenation points of a word, from libhyphen's patterns (hyphen-en-gb).
#include <string>
#include <string_view>
#include <string_view>
#include <unordered_map>
#include <vector>

struct _HyphenDict;

namespace lp {

struct HyphenLimits {
  int min_word = 6;  // letters a word needs to be hyphenated at all
  int left = 2;      // letters kept before a hyphen
  int right = 3;     // letters carried after it
};

class Hyphenator {
 public:
  // The dictionary is read when the first word is hyphenated (an edition that does not
  // hyphenate never reads it), unless preload_hyphen_dictionary started reading it already; an
  // unreadable one leaves the hyphenator empty: it finds no points.
  explicit Hyphenator(std::string dictionary_path) : path_(std::move(dictionary_path)) {}
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool loaded() { return dict() != nullptr; }
  // Byte offsets in `word` before which a hyphen may go. Words with capitals, digits or the look
  // of a URL or e-mail address are left alone, as are words of anything but lower-case letters:
  // a–z, and with patterns written in UTF-8 (most of Debian's) those of any cased script (é, ł,
  // ß; not a script without case, such as Devanagari). Punctuation around the word and a
  // possessive 's are not counted as letters; the limits count letters, not bytes.
  std::vector<size_t> points(std::string_view word, const HyphenLimits& limits);

 private:
  _HyphenDict* dict();

  std::string path_;
  bool tried_ = false;
  _HyphenDict* dict_ = nullptr;  // shared by every hyphenator of the process; libhyphen only reads it
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

// Starts reading a dictionary on a thread of its own, for the hyphenators that will want it.
// Each dictionary file is read once per process (libhyphen takes ~17 ms over en-GB's 14,000
// patterns, more than setting the booklet's paragraphs) and kept until the process ends.
void preload_hyphen_dictionary(const std::string& path);

}  // namespace lp
