#pragma once
// Internal to src/text: hyphenation patterns compiled from a libhyphen dictionary (hyph_*.dic)
// into one flat array of 32-bit words, and the matcher that reads them in place.
//
// The matcher is libhyphen's own algorithm, not Liang's textbook one: libhyphen walks a
// pattern automaton (each state a pattern or a prefix of one, with a fallback to its longest
// proper suffix that is a state) and applies only the pattern of the state it lands in; a
// dictionary has two levels (compound boundaries, then the patterns); then the dictionary's
// LEFTHYPHENMIN / RIGHTHYPHENMIN and NOHYPHEN apply. Debian's patterns are written for that
// behaviour, so leafpress copies it exactly (tests/unit/hyphenation_patterns_test.cpp compares
// every word of large word lists with libhyphen's answer). Dictionaries in another encoding
// (hyph_pl_PL.dic is ISO 8859-2) are converted to UTF-8 when compiled.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lp {

// One level of patterns, a view into a compiled array.
struct PatternLevel {
  int left_min = 0, right_min = 0, compound_left_min = 0, compound_right_min = 0;
  std::span<const uint32_t> first_transition;  // per state, and one past the last
  std::span<const uint32_t> fallback;          // per state; kNoState for the root
  std::span<const uint32_t> match;             // per state: digits offset << 8 | length, or 0
  std::span<const uint32_t> target;            // per transition, sorted by byte within a state
  const unsigned char* byte = nullptr;         // per transition
  std::string_view digits;                     // the patterns' values, '0'–'9'
  std::vector<std::string_view> no_hyphen;     // NOHYPHEN strings
};

class HyphenationPatterns {
 public:
  static constexpr uint32_t kMagic = 0x5948504c;  // "LPHY"
  static constexpr uint32_t kVersion = 1;
  static constexpr uint32_t kNoState = 0xffffffffu;

  // A view of compiled words (kept alive by the caller); false when they are not a compiled
  // dictionary of this version.
  bool open(std::span<const uint32_t> words);

  // libhyphen's hnj_hyphen_hyphenate2 for a UTF-8 word: one value per character, '0'–'9'; an
  // odd value allows a hyphen after that character.
  void hyphenate(std::string_view word, std::vector<char>& values) const;

 private:
  void hyphenate_level(int level, std::string_view word, char* values, bool left_end, bool right_end) const;
  void match_level(const PatternLevel& l, std::string_view word, char* values) const;
  void left_min(std::string_view word, char* values, int min) const;
  void right_min(std::string_view word, char* values, int min) const;

  PatternLevel levels_[2];
  int level_count_ = 0;
  bool ligatures_ = false;  // U+FB00–FB06 count as two or three letters (UTF-8 dictionaries only)
};

// Compiles the text of a .dic file; on failure returns no words and says why in `error`.
std::vector<uint32_t> compile_hyphenation_patterns(std::string_view dic, std::string& error);

// FNV-1a of a dictionary file's bytes: the patterns built in are found by it.
uint64_t dictionary_hash(std::string_view bytes);

}  // namespace lp
