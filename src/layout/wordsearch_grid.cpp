// A word search's grid, made from the words and a seed: the same seed, the same grid.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>

#include "layout/wordsearch_grid.h"

namespace lp {

namespace {

// splitmix64: a small generator whose sequence is the same on every platform, unlike the
// standard library's distributions.
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

// The word's letters in capitals, one string each; spaces and punctuation dropped.
std::vector<std::string> letters_of(const std::string& word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  u.toUpper();
  std::vector<std::string> out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    out.push_back(s);
  }
  return out;
}

}  // namespace

WordSearchGrid make_word_search(const WordSearch& ws, Diagnostics& diags, const std::string& file) {
  std::vector<std::pair<std::string, std::vector<std::string>>> words;
  size_t longest = 0, total = 0;
  for (const auto& w : ws.words) {
    auto letters = letters_of(w);
    if (letters.empty()) continue;
    longest = std::max(longest, letters.size());
    total += letters.size();
    words.emplace_back(w, std::move(letters));
  }
  WordSearchGrid grid;
  grid.size = ws.size > 0 ? ws.size : std::min(30, static_cast<int>(std::max<double>(longest + 1, std::ceil(std::sqrt(total * 2.2)))));
  grid.cells.assign(static_cast<size_t>(grid.size * grid.size), "");
  // Longest words first: they have the fewest places to go.
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  Random rng{ws.seed};
  const int dirs[4][2] = {{0, 1}, {1, 0}, {1, 1}, {-1, 1}};
  for (const auto& [word, letters] : words) {
    const int len = static_cast<int>(letters.size());
    bool placed = false;
    for (int attempt = 0; attempt < 2000 && !placed && len <= grid.size; ++attempt) {
      const auto& d = dirs[rng.below(4)];
      const int row = rng.below(grid.size), col = rng.below(grid.size);
      const int end_row = row + d[0] * (len - 1), end_col = col + d[1] * (len - 1);
      if (end_row < 0 || end_row >= grid.size || end_col >= grid.size) continue;
      bool fits = true;
      for (int k = 0; k < len && fits; ++k) {
        const std::string& cell = grid.cells[static_cast<size_t>((row + d[0] * k) * grid.size + col + d[1] * k)];
        fits = cell.empty() || cell == letters[static_cast<size_t>(k)];
      }
      if (!fits) continue;
      for (int k = 0; k < len; ++k)
        grid.cells[static_cast<size_t>((row + d[0] * k) * grid.size + col + d[1] * k)] = letters[static_cast<size_t>(k)];
      grid.placements.push_back({word, row, col, d[0], d[1], len});
      placed = true;
    }
    if (!placed) diags.warning(file, ws.pos, fmt::format("the word search has no room for '{}': give it a larger 'size'", word));
  }
  // The filler letters come from the words' own alphabet: A to Z for English words, and every
  // other letter the words have, in code point order.
  std::vector<std::string> alphabet;
  for (char c = 'A'; c <= 'Z'; ++c) alphabet.emplace_back(1, c);
  bool other = false;
  for (const auto& [word, letters] : words)
    for (const auto& l : letters)
      if (l.size() > 1 || l[0] < 'A' || l[0] > 'Z') other = true;
  if (other) {
    alphabet.clear();
    for (const auto& [word, letters] : words) alphabet.insert(alphabet.end(), letters.begin(), letters.end());
    std::sort(alphabet.begin(), alphabet.end(), [](const std::string& a, const std::string& b) {
      return icu::UnicodeString::fromUTF8(a).char32At(0) < icu::UnicodeString::fromUTF8(b).char32At(0);
    });
    alphabet.erase(std::unique(alphabet.begin(), alphabet.end()), alphabet.end());
  }
  for (auto& cell : grid.cells)
    if (cell.empty()) cell = alphabet[static_cast<size_t>(rng.below(static_cast<int>(alphabet.size())))];
  return grid;
}

}  // namespace lp
