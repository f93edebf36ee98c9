// The word search: a grid made from the words and a seed (the same seed, the same grid), drawn
// with thin cell lines; the solution marks each word with a rounded bar.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>

#include "layout/flow_engine.h"

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
  for (auto& cell : grid.cells)
    if (cell.empty()) cell = std::string(1, static_cast<char>('A' + rng.below(26)));
  return grid;
}

void Flow::draw_word_search(const WordSearchGrid& grid, Pt cell, bool solution) {
  const Pt side = cell * grid.size;
  ensure_room(side);
  const Pt x0 = frame_left() + (frame_width() - side) / 2, y0 = y_;
  if (solution) {
    for (size_t i = 0; i < grid.placements.size(); ++i) {
      const auto& p = grid.placements[i];
      const Pt ax = x0 + cell * (p.col + 0.5), ay = y0 + cell * (p.row + 0.5);
      const Pt bx = x0 + cell * (p.col + p.dcol * (p.length - 1) + 0.5), by = y0 + cell * (p.row + p.drow * (p.length - 1) + 0.5);
      PathItem bar = PathItem::line(ax, ay, bx, by);
      bar.stroke = accent(i).tint(0.45);
      bar.line_width = cell * 0.75;
      bar.round_cap = true;
      add(bar);
    }
  }
  for (int i = 0; i <= grid.size; ++i) {
    for (PathItem rule : {PathItem::line(x0, y0 + cell * i, x0 + side, y0 + cell * i), PathItem::line(x0 + cell * i, y0, x0 + cell * i, y0 + side)}) {
      rule.stroke = st_.footer.colour;
      rule.line_width = Pt(0.4);
      add(rule);
    }
  }
  TextStyle letter = st_.label;
  letter.font_role = st_.heading.font_role;
  letter.bold = true;
  letter.size = cell * 0.55;
  letter.leading = cell;
  letter.colour = st_.body.colour;
  for (int r = 0; r < grid.size; ++r) {
    for (int c = 0; c < grid.size; ++c) {
      Line l = setter_.set_line(spans(grid.cells[static_cast<size_t>(r * grid.size + c)], letter));
      draw_line_at(l, x0 + cell * c + (cell - l.width) / 2, y0 + cell * r, page());
    }
  }
  y_ += side + st_.body.leading;
  at_top_ = false;
}

void Flow::lay_out_block(const WordSearch& ws) {
  WordSearchGrid grid = make_word_search(ws, diags_, doc_.path);
  const Pt cell = std::min(st_.body.leading * 1.25, frame_width() / grid.size);
  draw_word_search(grid, cell, false);
  // The words to find, in two columns.
  TextStyle word = st_.body;
  word.bold = true;
  word.align = Align::Left;
  const size_t half = (ws.words.size() + 1) / 2;
  const Pt col = frame_width() / 2;
  ensure_room(word.leading * static_cast<double>(std::min<size_t>(half, 3)));
  const Pt top = y_;
  Pt bottom = top;
  for (size_t i = 0; i < ws.words.size(); ++i) {
    const Pt x = frame_left() + (i < half ? Pt(0) : col);
    const Pt y = top + word.leading * static_cast<double>(i < half ? i : i - half);
    draw_line_at(setter_.set_line(spans(ws.words[i], word)), x, y, page());
    bottom = std::max(bottom, y + word.leading);
  }
  y_ = bottom + st_.body.space_after;
  word_searches_.emplace_back(&ws, std::move(grid));
}

}  // namespace lp
