// The word search: a square grid (never split) with thin cell lines and capital letters centred
// in the cells, then the words to find in two columns, read down the first and then the next,
// breaking between words. The solution (in the answers) marks each word with a rounded bar.
#include "layout/components.h"
#include "layout/stack.h"

#include <fmt/format.h>

#include <algorithm>

namespace lp {

Frame word_search_grid(const WordSearchGrid& grid, Pt cell, bool solution, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt side = cell * grid.size;
  const Pt x0 = (width - side) / 2;
  Frame f;
  f.width = width;
  f.height = side;
  Frame deco;
  if (solution) {
    for (size_t i = 0; i < grid.placements.size(); ++i) {
      const auto& p = grid.placements[i];
      const Pt ax = x0 + cell * (p.col + 0.5), ay = cell * (p.row + 0.5);
      const Pt bx = x0 + cell * (p.col + p.dcol * (p.length - 1) + 0.5), by = cell * (p.row + p.drow * (p.length - 1) + 0.5);
      PathItem bar = PathItem::line(ax, ay, bx, by);
      bar.stroke = ctx.accent(i).tint(0.45);
      bar.line_width = cell * 0.75;
      bar.round_cap = true;
      deco.push(std::move(bar));
    }
  }
  for (int i = 0; i <= grid.size; ++i) {
    for (PathItem rule : {PathItem::line(x0, cell * i, x0 + side, cell * i), PathItem::line(x0 + cell * i, Pt(0), x0 + cell * i, side)}) {
      rule.stroke = st.footer.colour;
      rule.line_width = Pt(0.4);
      deco.push(std::move(rule));
    }
  }
  f.artifact(ArtifactKind::Layout, std::move(deco.items));
  TextStyle letter = st.label;
  letter.font_role = st.heading.font_role;
  letter.bold = true;
  // No smaller than the edition's labels (large print: 16 pt), as far as the cell allows.
  letter.size = std::min(std::max(cell * 0.55, st.label.size), cell * 0.8);
  letter.leading = cell;
  letter.colour = st.body.colour;
  for (int r = 0; r < grid.size; ++r) {
    for (int c = 0; c < grid.size; ++c) {
      Line l = ctx.line(grid.cells[static_cast<size_t>(r * grid.size + c)], letter);
      const Pt w = l.width;
      draw_line(f, std::move(l), x0 + cell * c + (cell - w) / 2, cell * r);
    }
  }
  return f;
}

namespace {

const char* direction_of(int drow, int dcol) {
  if (drow == 0) return dcol < 0 ? "backwards" : "across";
  if (dcol == 0) return drow < 0 ? "up" : "down";
  if (drow > 0) return dcol > 0 ? "down and to the right" : "down and to the left";
  return dcol > 0 ? "up and to the right" : "up and to the left";
}

}  // namespace

std::string word_search_alt(const WordSearch& ws, const WordSearchGrid& grid, bool solution) {
  std::string alt = fmt::format("Word search, {} by {} letters{}", grid.size, grid.size, solution ? ", solved:" : ": find");
  bool first = true;
  for (const auto& word : ws.words) {  // in the order of the list beside it
    const auto p = std::find_if(grid.placements.begin(), grid.placements.end(), [&](const auto& q) { return q.word == word; });
    if (solution && p == grid.placements.end()) continue;
    alt += first ? " " : solution ? "; " : ", ";
    first = false;
    alt += word;
    if (solution) alt += fmt::format(": row {}, column {}, {}", p->row + 1, p->col + 1, direction_of(p->drow, p->dcol));
  }
  return alt;
}

Fragment lay_out(const WordSearch& ws, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const WordSearchGrid* grid = nullptr;
  for (const auto& [w, g] : ctx.word_searches)
    if (w == &ws) grid = &g;
  if (!grid) {
    ctx.word_searches.emplace_back(&ws, make_word_search(ws, ctx.diags, ctx.doc.path));
    grid = &ctx.word_searches.back().second;
  }
  const Pt cell = std::min(st.body.leading * st.components.word_search_cell, regions.width / grid->size);
  Stack stack;
  const uint32_t figure = ctx.new_id();
  const Pt side = cell * grid->size;
  stack.add(side, st.body.leading, false, [&, cell, figure](Frame& f, Pt top) {
    f.push(TagItem{true, Role::Figure, figure, 0, {}, word_search_alt(ws, *grid, false), {}});
    f.place(word_search_grid(*grid, cell, false, regions.width, ctx), Pt(0), top);
    f.push(TagItem{false, Role::Figure, figure, 0, {}, {}, {}});
  });
  // The words, a row a piece; each frame shows its share in two columns.
  TextStyle word = st.body;
  word.bold = true;
  word.align = Align::Left;
  const size_t n = ws.words.size(), rows = (n + 1) / 2;
  const size_t first_row = stack.size();
  for (size_t r = 0; r < rows; ++r) stack.add(word.leading, Pt(0), r + 1 >= 2 && rows - r - 1 >= 2, [](Frame&, Pt) {});
  const uint32_t list = ctx.new_id();
  const Pt col = regions.width / 2;
  return stack.lay_out(regions, ctx, ws.pos, "the word search grid", Pt(0), Pt(0), {},
                       [&](Frame& f, size_t, size_t first, size_t end, Pt) {
                         if (end <= first_row) return;
                         const size_t from = std::max(first, first_row) - first_row, to = end - first_row;
                         // Rows [from, to) hold words [2 from, 2 to), but the last frame holds the rest.
                         const size_t w0 = 2 * from, w1 = end == stack.size() ? n : 2 * to;
                         const size_t half = (w1 - w0 + 1) / 2;
                         const Pt top = stack.top_of(first_row + from);
                         f.begin(Role::List, list);
                         for (size_t i = w0; i < w1; ++i) {
                           const size_t k = i - w0;
                           const Pt x = k < half ? Pt(0) : col;
                           const Pt y = top + word.leading * static_cast<double>(k < half ? k : k - half);
                           const uint32_t id = ctx.new_id();
                           f.begin(Role::ListItem, id);
                           draw_line(f, ctx.line(ws.words[i], word), x, y);
                           f.end(Role::ListItem, id);
                         }
                         f.end(Role::List, list);
                       });
}

}  // namespace lp
