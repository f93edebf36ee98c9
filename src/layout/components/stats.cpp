// Figures: groups of tiles (a big number in the group's colour over its label, in rows across
// the frame, breaking between rows), or a band of the title colour across the page into the
// bleed, its figures in white in rows of at most four, every group's.
#include <algorithm>
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"
#include "layout/vector_drawing.h"

namespace lp {

namespace {

// Inside a tile, around its text.
Pt tile_padding(const StyleSheet& st) { return st.figure_label.size * 0.55; }

// A tile's number: the figure style in the group's colour, its line no taller than the type
// (a tile's number, and a band's, has no line of its own kind above or below it).
TextStyle tile_number(const StyleSheet& st, const Colour& colour) {
  TextStyle number = st.figure;
  number.colour = colour;
  number.leading = std::min(number.leading, number.size * 1.05);
  return number;
}

Fragment band(const Stats& s, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt pad = st.figure.size * 0.4;
  TextStyle number = tile_number(st, st.white);
  number.align = Align::Center;
  TextStyle label = st.figure_label;
  label.colour = st.white;
  label.align = Align::Center;
  TextStyle name = st.heading;
  name.colour = st.white;
  name.align = Align::Center;
  Stack stack;
  if (!s.intro.empty()) {
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(ctx.set(s.intro, st.body, regions.width), Pt(0), st.body.space_after, true);
    stack.close();
  }
  add_heading(stack, s.title, regions.width, ctx, Pt(0));
  const size_t first_band_piece = stack.size();
  const size_t per_row = static_cast<size_t>(std::max(1, st.components.band_figures_per_row));
  stack.open(Role::List, ctx.new_id());
  for (const StatGroup& g : s.groups) {
    if (!g.name.empty()) {
      stack.open(Role::Heading, ctx.new_id(), 3);
      stack.add_lines(ctx.set(g.name, name, regions.width), Pt(0), Pt(0), true);
      stack.close();
    }
    for (size_t row = 0; row < g.items.size(); row += per_row) {
      const size_t end = std::min(g.items.size(), row + per_row);
      const Pt col = regions.width / static_cast<double>(end - row);
      auto cells = std::make_shared<Frame>();
      Pt height;
      for (size_t i = row; i < end; ++i) {
        const StatItem& item = g.items[i];
        const Pt x = col * static_cast<double>(i - row);
        Frame cell;
        const uint32_t id = ctx.new_id();
        cell.begin(Role::ListItem, id);
        Line num = ctx.line(ctx.format_number(item.value, item.decimals), number);
        const Pt num_h = num.height, num_w = num.width;
        cell.begin(Role::Label, id);
        draw_line(cell, std::move(num), x + (col - num_w) / 2, Pt(0));
        cell.end(Role::Label, id);
        cell.begin(Role::ListBody, id);
        auto lab = ctx.setter.set(spans_of(item.label, label), col - Pt(8), Align::Center);
        const Pt bottom = draw_lines(cell, std::move(lab), x + Pt(4), num_h);
        cell.end(Role::ListBody, id);
        cell.end(Role::ListItem, id);
        height = std::max(height, bottom);
        cells->place(std::move(cell), Pt(0), Pt(0));
      }
      const bool first = row == 0 && &g == &s.groups.front();
      const bool last = end == g.items.size() && &g == &s.groups.back();
      const Pt above = first ? pad : pad / 2, below = last ? pad : pad / 2;
      stack.add(above + height + below, Pt(0), true, [cells, above](Frame& f, Pt top) { f.place(std::move(*cells), Pt(0), top + above); });
    }
  }
  stack.close();
  const Colour fill = st.section_title.colour;
  return stack.lay_out(regions, ctx, s.pos, "a row of figures", Pt(0), Pt(0),
                       [&](Frame& f, size_t region, size_t first, size_t end, Pt) {
                         const size_t from = std::max(first, first_band_piece);
                         if (from >= end) return;
                         const Pt top = stack.top_of(from);
                         const Pt bottom = stack.top_of(end - 1) + stack.height_of_piece(end - 1);
                         const Pt left = -regions.left(region) - regions.bleed;
                         PathItem rect = PathItem::rect(left, top, regions.page_width + regions.bleed * 2, bottom - top);
                         rect.fill = fill;
                         decorate(f, std::move(rect), ArtifactKind::Background);
                       });
}

// Whether every prefix of tiles [row, end) fits on its number's line, before the number ("around
// 950", as the original prints it): then a row needs no line for its prefixes.
bool prefixes_beside(const StatGroup& g, size_t row, size_t end, const TextStyle& number, Pt inner, LayoutContext& ctx) {
  for (size_t i = row; i < end; ++i) {
    const StatItem& item = g.items[i];
    if (item.prefix.empty()) continue;
    const Pt words = ctx.line(item.prefix + " ", ctx.st.figure_label).width;
    if (words + ctx.line(ctx.format_number(item.value, item.decimals), number).width > inner) return false;
  }
  return true;
}

// Tiles [row, end) of a group side by side, each as tall as the tallest, their numbers on one
// baseline whatever prefix stands before or above each; and that height.
std::pair<std::shared_ptr<Frame>, Pt> tile_row(const StatGroup& g, size_t row, size_t end, const Colour& colour, Pt width,
                                               LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt gutter = st.components.tile_gutter;
  const Pt pad = tile_padding(st), inner = width - pad * 2;
  const TextStyle number = tile_number(st, colour);
  const bool beside = prefixes_beside(g, row, end, number, inner, ctx);
  struct Tile {
    std::vector<Line> prefix;  // beside: one line, its words and a space
    Line number;
    std::vector<Line> label;
  };
  std::vector<Tile> tiles;
  Pt prefix_h, number_h, label_h;
  for (size_t i = row; i < end; ++i) {
    const StatItem& item = g.items[i];
    std::vector<Line> prefix;
    if (!item.prefix.empty()) {
      if (beside) prefix.push_back(ctx.line(item.prefix + " ", st.figure_label));
      else prefix = ctx.set(item.prefix, st.figure_label, inner);
    }
    Tile t{std::move(prefix), ctx.line(ctx.format_number(item.value, item.decimals), number), ctx.set(item.label, st.figure_label, inner)};
    if (!beside) prefix_h = std::max(prefix_h, height_of(t.prefix));
    number_h = std::max(number_h, t.number.height);
    label_h = std::max(label_h, height_of(t.label));
    tiles.push_back(std::move(t));
  }
  const Pt row_height = prefix_h + number_h + label_h + pad * 2, number_top = pad + prefix_h;
  auto cells = std::make_shared<Frame>();
  const Colour tint = colour.tint(st.components.tile_tint);
  for (size_t k = 0; k < tiles.size(); ++k) {
    Tile& t = tiles[k];
    const Pt x = (width + gutter) * static_cast<double>(k);
    PathItem tile = PathItem::rounded_rect(x, Pt(0), width, row_height, st.components.tile_radius);
    tile.fill = tint;
    decorate(*cells, std::move(tile), ArtifactKind::Background);
    const uint32_t id = ctx.new_id();
    cells->begin(Role::ListItem, id);
    Pt number_x = x + pad;
    if (beside && !t.prefix.empty()) {  // on the number's baseline
      const Pt top = number_top + t.number.baseline - t.prefix.front().baseline;
      number_x += t.prefix.front().width;
      draw_line(*cells, std::move(t.prefix.front()), x + pad, top);
    } else {  // just above the number
      draw_lines(*cells, std::move(t.prefix), x + pad, number_top - height_of(t.prefix));
    }
    cells->begin(Role::Label, id);
    draw_line(*cells, std::move(t.number), number_x, number_top);
    cells->end(Role::Label, id);
    cells->begin(Role::ListBody, id);
    draw_lines(*cells, std::move(t.label), x + pad, number_top + number_h);
    cells->end(Role::ListBody, id);
    cells->end(Role::ListItem, id);
  }
  return {cells, row_height};
}

// The tiles of a group across the frame: at most the layout's tile columns (else its columns),
// fewer when a tile would be narrower than the widest number, and no more than the rows need
// (four tiles in rows of three go two and two: wider tiles, shorter labels, no tile alone).
size_t tile_columns(const StatGroup& g, const Colour& colour, Pt frame_width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const TextStyle number = tile_number(st, colour);
  Pt widest;
  for (const StatItem& item : g.items) widest = std::max(widest, ctx.line(ctx.format_number(item.value, item.decimals), number).width);
  size_t columns = static_cast<size_t>(std::max(1, st.components.tile_columns > 0 ? st.components.tile_columns : st.columns));
  while (columns > 1 && column_width(frame_width, columns, st.components.tile_gutter) < widest + tile_padding(st) * 2) --columns;
  const size_t rows = (g.items.size() + columns - 1) / std::max<size_t>(columns, 1);
  return rows == 0 ? columns : (g.items.size() + rows - 1) / rows;
}

Fragment tiles(const Stats& s, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt gutter = st.components.tile_gutter;
  Stack stack;
  add_heading(stack, s.title, regions.width, ctx, st.heading.space_after);
  if (!s.intro.empty()) {
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(ctx.set(s.intro, st.body, regions.width), Pt(0), st.body.space_after, true);
    stack.close();
  }
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    const StatGroup& g = s.groups[gi];
    const Colour colour = ctx.accent(gi + 1);
    const size_t columns = tile_columns(g, colour, regions.width, ctx);
    const Pt width = column_width(regions.width, columns, gutter);
    if (!g.name.empty()) {
      TextStyle name = st.heading;
      name.colour = colour;
      // The group's icon in the group's colour (without one, a badge), as tall as the name's
      // first line, a little more when it has a picture.
      const Pt icon_size = g.icon.picture ? std::max(Pt(18), name.size * 1.5) : Pt(18);
      auto lines = std::make_shared<std::vector<Line>>(ctx.set(g.name, name, regions.width - icon_size - Pt(6)));
      if (!lines->empty()) {
        const Pt first_h = lines->front().height;
        const Pt shift = g.icon.picture ? std::max(Pt(0), (icon_size - first_h) / 2) : Pt(0);
        const Pt h = std::max(height_of(*lines) + shift, g.icon.picture ? icon_size : Pt(0));
        const uint32_t id = ctx.new_id(), icon_id = ctx.new_id();
        stack.add(h, Pt(3), false, [=, &g, &st](Frame& f, Pt top) {
          const Pt d = g.icon.picture ? icon_size : std::min(icon_size, first_h);
          const Pt text_top = top + shift;
          if (g.icon.picture) {
            draw_icon(f, g.icon, Pt(0), top, d, colour, st, icon_id, plain_text(g.name));
          } else {
            PathItem badge = PathItem::circle(d / 2, top + first_h / 2, d / 2);
            badge.fill = colour;
            decorate(f, std::move(badge));
          }
          f.begin(Role::Heading, id, 3);
          draw_lines(f, std::move(*lines), d + Pt(6), text_top);
          f.end(Role::Heading, id);
        });
      }
    }
    if (!g.intro.empty()) {
      stack.open(Role::Paragraph, ctx.new_id());
      stack.add_lines(ctx.set(g.intro, st.body, regions.width), Pt(0), st.body.space_after, true);
      stack.close();
    }
    stack.open(Role::List, ctx.new_id());
    std::vector<size_t> rows;
    for (size_t row = 0; row < g.items.size(); row += columns) {
      const size_t end = std::min(g.items.size(), row + columns);
      // Not a structured binding: clang 14 cannot capture one in the lambda below.
      const std::pair<std::shared_ptr<Frame>, Pt> tiles_row = tile_row(g, row, end, colour, width, ctx);
      const std::shared_ptr<Frame> cells = tiles_row.first;
      const Pt row_height = tiles_row.second;
      // Rows closer than tiles side by side: a row reads across, and the page needs the room.
      stack.add(row_height, gutter * 0.6, true, [cells](Frame& f, Pt top) { f.place(std::move(*cells), Pt(0), top); });
      rows.push_back(stack.size() - 1);
    }
    if (rows.size() >= 3) stack.no_break_after(rows[rows.size() - 2]);  // no tile alone at the end
    stack.close();
    stack.set_gap(st.body.space_after);
  }
  return stack.lay_out(regions, ctx, s.pos, "a row of figures");
}

}  // namespace

Fragment lay_out(const Stats& s, const Regions& regions, LayoutContext& ctx) {
  return s.band ? band(s, regions, ctx) : tiles(s, regions, ctx);
}

}  // namespace lp
