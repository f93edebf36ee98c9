// The matcher of compiled hyphenation patterns: libhyphen's algorithm (hyphen.c's
// hnj_hyphen_hyphenate2 and the functions it calls, as in libhyphen 2.8.8, Debian 12's) over the flat arrays of
// hyphenation_patterns.h, without non-standard (spelling-changing) patterns, which the compiler
// refuses. The layout of the words:
//   magic, version, flags (bit 0: ligatures), level count; then per level
//   left, right, compound left, compound right minimums, states S, transitions T, digit bytes D,
//   no-hyphen bytes N; first transition [S + 1], fallback [S], match [S], target [T],
//   then bytes of T, D and N, each padded to whole words.
#include "text/hyphenation_patterns.h"

#include <algorithm>

namespace lp {

namespace {

std::string_view bytes_of(std::span<const uint32_t> words, size_t at, size_t count) {
  return {reinterpret_cast<const char*>(words.data() + at), count};
}

size_t words_for(size_t bytes) { return (bytes + 3) / 4; }

int ligature_extra(unsigned char c) {  // U+FB03 ffi and U+FB04 ffl count as one letter more
  return (c == 0x83 || c == 0x84) ? 1 : 0;
}

bool is_ligature_at(std::string_view w, size_t j) {
  return j + 2 < w.size() && static_cast<unsigned char>(w[j]) == 0xEF && static_cast<unsigned char>(w[j + 1]) == 0xAC;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool HyphenationPatterns::open(std::span<const uint32_t> w) {
  if (w.size() < 4 || w[0] != kMagic || w[1] != kVersion || w[3] < 1 || w[3] > 2) return false;
  ligatures_ = w[2] & 1;
  level_count_ = static_cast<int>(w[3]);
  size_t at = 4;
  for (int i = 0; i < level_count_; ++i) {
    if (at + 8 > w.size()) return false;
    PatternLevel& l = levels_[i];
    l.left_min = static_cast<int>(w[at]);
    l.right_min = static_cast<int>(w[at + 1]);
    l.compound_left_min = static_cast<int>(w[at + 2]);
    l.compound_right_min = static_cast<int>(w[at + 3]);
    const size_t states = w[at + 4], transitions = w[at + 5], digits = w[at + 6], no_hyphen = w[at + 7];
    at += 8;
    const size_t need = (states + 1) + 2 * states + transitions + words_for(transitions) + words_for(digits) + words_for(no_hyphen);
    if (states == 0 || need > w.size() - at) return false;
    l.first_transition = w.subspan(at, states + 1);
    at += states + 1;
    l.fallback = w.subspan(at, states);
    at += states;
    l.match = w.subspan(at, states);
    at += states;
    l.target = w.subspan(at, transitions);
    at += transitions;
    l.byte = reinterpret_cast<const unsigned char*>(w.data() + at);
    at += words_for(transitions);
    l.digits = bytes_of(w, at, digits);
    at += words_for(digits);
    const std::string_view nh = bytes_of(w, at, no_hyphen);
    at += words_for(no_hyphen);
    l.no_hyphen.clear();
    for (size_t from = 0; from < nh.size();) {
      const size_t end = std::min(nh.find('\0', from), nh.size());
      if (end > from) l.no_hyphen.push_back(nh.substr(from, end - from));
      from = end + 1;
    }
    if (l.first_transition.back() != transitions) return false;
  }
  return true;
}

// The automaton over ".word.": at each byte, follow the transitions (falling back to shorter
// suffixes), then raise the values under the landed state's pattern.
void HyphenationPatterns::match_level(const PatternLevel& l, std::string_view prep, char* values) const {
  uint32_t state = 0;
  for (size_t i = 0; i < prep.size(); ++i) {
    const auto ch = static_cast<unsigned char>(prep[i]);
    bool found = false;
    while (state != kNoState) {
      const uint32_t begin = l.first_transition[state], end = l.first_transition[state + 1];
      const unsigned char* hit = std::find(l.byte + begin, l.byte + end, ch);
      if (hit != l.byte + end) {
        state = l.target[hit - l.byte];
        found = true;
        break;
      }
      state = l.fallback[state];
    }
    if (!found) {  // not even the root knows this byte: start again at the next
      state = 0;
      continue;
    }
    const uint32_t m = l.match[state];
    if (!m) continue;
    const std::string_view digits = l.digits.substr(m >> 8, m & 0xff);
    const long offset = static_cast<long>(i + 1) - static_cast<long>(digits.size());
    for (size_t k = offset < 0 ? static_cast<size_t>(-offset) : 0; k < digits.size(); ++k)
      values[offset + k] = std::max(values[offset + k], digits[k]);
  }
}

// hnj_hyphen_hyph_: this level's patterns; where they find compound boundaries, each part of
// three letters or more again (its inner ends keeping the compound minimums; 2.8.8 takes the
// part's values but for its last letter's), else the next level over the whole word.
void HyphenationPatterns::hyphenate_level(int level, std::string_view word, char* values, bool left_end,
                                          bool right_end) const {
  const size_t n = word.size();
  std::string prep;
  prep.reserve(n + 2);
  prep += '.';
  for (char c : word) prep += is_digit(c) ? '.' : c;
  prep += '.';
  std::string found(prep.size(), '0');
  match_level(levels_[level], prep, found.data());
  for (size_t i = 0; i < n; ++i) values[i] = i + 1 < n ? found[i + 1] : '0';
  if (level + 1 >= level_count_) return;

  size_t begin = 0;
  std::string part;
  for (size_t i = 0; i < n; ++i) {
    const bool boundary = values[i] & 1;
    if (!boundary && !(begin > 0 && i + 1 == n)) continue;
    if (i > begin + 1) {
      part.assign(n, '0');
      hyphenate_level(level, std::string_view(prep).substr(begin + 1, i - begin + 1), part.data(), begin > 0 ? false : left_end,
                      boundary ? false : right_end);
      std::copy(part.begin(), part.begin() + static_cast<long>(i - begin - 1), values + begin);
    }
    begin = i + 1;
  }
  if (begin == 0) {
    hyphenate_level(level + 1, word, values, left_end, right_end);
    if (!left_end) left_min(word, values, levels_[0].compound_left_min);
    if (!right_end) right_min(word, values, levels_[0].compound_right_min);
  }
}

void HyphenationPatterns::left_min(std::string_view w, char* values, int min) const {
  int i = 1;
  if (ligatures_ && is_ligature_at(w, 0)) i += ligature_extra(static_cast<unsigned char>(w[2]));
  for (size_t j = 0; j < w.size() && is_digit(w[j]); ++j) --i;
  size_t j = 0;
  for (; i < min && j < w.size(); ++i) {
    do {
      values[j] = '0';
      ++j;
      if (ligatures_ && is_ligature_at(w, j)) i += ligature_extra(static_cast<unsigned char>(w[j + 2]));
    } while (j < w.size() && (static_cast<unsigned char>(w[j]) & 0xc0) == 0x80);
  }
}

void HyphenationPatterns::right_min(std::string_view w, char* values, int min) const {
  int i = 0;
  if (w.empty()) return;
  for (size_t j = w.size() - 1; j > 0 && is_digit(w[j]); --j) --i;
  for (size_t j = w.size() - 1; i < min && j > 0; --j) {
    values[j] = '0';
    const auto c = static_cast<unsigned char>(w[j]);
    if ((c & 0xc0) == 0xc0 || (c & 0x80) != 0x80) ++i;
  }
}

void HyphenationPatterns::hyphenate(std::string_view word, std::vector<char>& values) const {
  std::string bytes(word.size(), '0');
  values.clear();
  if (level_count_ == 0 || word.empty()) return;
  hyphenate_level(0, word, bytes.data(), true, true);
  const PatternLevel& top = levels_[0];
  left_min(word, bytes.data(), top.left_min > 0 ? top.left_min : 2);
  right_min(word, bytes.data(), top.right_min > 0 ? top.right_min : 2);
  for (std::string_view nh : top.no_hyphen)
    for (size_t at = word.find(nh); at != word.npos; at = word.find(nh, at + 1)) {
      bytes[at + nh.size() - 1] = '0';
      if (at > 0) bytes[at - 1] = '0';
    }
  // One value per character: that of its last byte.
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if ((c & 0xc0) != 0x80) values.push_back(bytes[i]);
    else if (!values.empty()) values.back() = bytes[i];
  }
}

uint64_t dictionary_hash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace lp
