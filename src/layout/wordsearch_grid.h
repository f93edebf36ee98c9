#pragma once
// Internal to src/layout: a word search's grid and where each word lies in it.
#include <string>
#include <vector>

#include "model/document.h"

namespace lp {

struct WordSearchGrid {
  int size = 0;
  std::vector<std::string> cells;  // size * size letters, row by row (UTF-8)
  struct Placement {
    std::string word;
    int row = 0, col = 0, drow = 0, dcol = 0, length = 0;
  };
  std::vector<Placement> placements;
};

// The grid for `ws`: the same words and seed give the same grid on every machine. A word
// that finds no room is a warning against `file`.
WordSearchGrid make_word_search(const WordSearch& ws, Diagnostics& diags, const std::string& file);

}  // namespace lp
