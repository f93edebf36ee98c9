#pragma once
// Internal to src/text: hyphenation points of a word, from libhyphen's patterns (hyphen-en-gb).
#include <string>
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
  // hyphenate never reads it); an unreadable one leaves the hyphenator empty: it finds no points.
  explicit Hyphenator(std::string dictionary_path) : path_(std::move(dictionary_path)) {}
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool loaded() { return dict() != nullptr; }
  // Byte offsets in `word` before which a hyphen may go. Words with capitals, digits or the look
  // of a URL or e-mail address are left alone, as are words of letters other than a–z: the
  // patterns are for English prose. Punctuation around the word and a possessive 's are not
  // counted as letters.
  std::vector<size_t> points(std::string_view word, const HyphenLimits& limits);

 private:
  _HyphenDict* dict();

  std::string path_;
  bool tried_ = false;
  _HyphenDict* dict_ = nullptr;
  std::unordered_map<std::string, std::vector<size_t>> cache_;
  std::string key_;
  std::vector<char> hyphens_;
};

// The en-GB dictionary of Debian's hyphen-en-gb.
const char* default_hyphen_dictionary();

}  // namespace lp
