// Quote callouts: a rounded panel in a light tint of an accent, a large opening mark in the
// accent, the words and who said them. A quote breaks between lines, its panel closed at the
// foot of one frame and opened again at the head of the next. A wall of quotes fills columns,
// down the first and then the next (the order a reader follows), breaking between panels, and
// balances its columns in its last frame.
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

namespace {

struct QuoteLook {
  Pt pad, mark_drop;
  TextStyle mark, by;
};

QuoteLook look(const LayoutContext& ctx) {
  QuoteLook q;
  q.pad = ctx.st.quote.size;
  q.mark = ctx.st.quote;
  q.mark.font_role = ctx.st.heading.font_role;
  q.mark.size = ctx.st.quote.size * 3.5;
  q.mark.leading = q.mark.size;
  q.mark.bold = true;
  q.mark_drop = q.mark.size * 0.42;  // the mark hangs above the text's first line
  q.by = ctx.st.quote_by;
  q.by.italic = true;
  return q;
}

// The panel's pieces: the mark's room (with the mark), the lines, who said it.
Stack quote_stack(const Quote& quote, const Colour& accent, Pt width, LayoutContext& ctx) {
  QuoteLook q = look(ctx);
  q.mark.colour = accent;
  Stack stack;
  stack.open(Role::Quote, ctx.new_id());
  auto mark = std::make_shared<Line>(ctx.line("\u201C", q.mark));
  const Pt mark_drop = q.mark_drop, pad = q.pad, mark_size = q.mark.size;
  stack.add(mark_drop, Pt(0), false, [=](Frame& f, Pt top) {
    Frame mark_frame;
    draw_line(mark_frame, std::move(*mark), pad * 0.6, top + mark_drop - mark_size * 0.8);
    f.artifact(ArtifactKind::Layout, std::move(mark_frame.items));
  });
  std::vector<Line> lines = ctx.set(quote.text, ctx.st.quote, width - q.pad * 2);
  const bool has_by = !quote.by.empty();
  stack.open(Role::Paragraph, ctx.new_id());
  stack.add_lines(std::move(lines), q.pad, has_by ? q.pad * 0.3 : Pt(0), has_by);
  stack.close();
  if (has_by) {
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(ctx.set(quote.by, q.by, width - q.pad * 2), q.pad, Pt(0));
    stack.close();
  }
  stack.close();
  return stack;
}

Fragment quote_fragment(const Quote& quote, const Colour& accent, const Regions& regions, LayoutContext& ctx) {
  Stack stack = quote_stack(quote, accent, regions.width, ctx);
  const Pt pad = look(ctx).pad;
  const Colour tint = accent.tint(0.14);
  return stack.lay_out(regions, ctx, quote.pos, "a quote's line", pad * 0.5, pad,
                       [&](Frame& f, size_t, size_t, size_t, Pt height) {
                         PathItem panel = PathItem::rounded_rect(Pt(0), Pt(0), regions.width, height, ctx.st.components.panel_radius);
                         panel.fill = tint;
                         decorate(f, std::move(panel), ArtifactKind::Background);
                       });
}

}  // namespace

Fragment lay_out(const Quote& q, const Regions& regions, LayoutContext& ctx) {
  return quote_fragment(q, ctx.accent(ctx.quote_colour++), regions, ctx);
}

Fragment lay_out(const Quotes& qs, const Regions& regions, LayoutContext& ctx) {
  const size_t columns = static_cast<size_t>(std::max(1, ctx.st.columns));
  const Pt gutter = ctx.st.components.grid_gutter;
  const Pt width = column_width(regions.width, columns, gutter);
  const size_t first_colour = ctx.quote_colour;
  ctx.quote_colour += qs.items.size();
  // Each panel whole, at the column's width.
  Regions column = regions;
  column.width = width;
  column.first = column.full = Pt(1e9);
  std::vector<Frame> panels;
  for (size_t i = 0; i < qs.items.size(); ++i)
    panels.push_back(std::move(quote_fragment(qs.items[i], ctx.accent(first_colour + i), column, ctx).frames.front()));
  const size_t n = panels.size();
  // Packs panels from `first` into columns no taller than `limit`; returns the end and each
  // panel's column and offset.
  struct Spot {
    size_t column;
    Pt y;
  };
  auto pack = [&](size_t first, Pt limit, std::vector<Spot>& spots) {
    spots.clear();
    size_t col = 0;
    Pt y;
    size_t i = first;
    for (; i < n; ++i) {
      if (y > Pt(0) && y + panels[i].height > limit) {
        if (++col == columns) break;
        y = Pt(0);
      }
      spots.push_back({col, y});
      y += panels[i].height + gutter;
    }
    return i;
  };
  Fragment out;
  std::vector<Spot> spots;
  for (size_t i = 0, region = 0; i < n; ++region) {
    out.frames.emplace_back();
    Frame& f = out.frames.back();
    f.width = regions.width;
    const Pt room = regions.height(region);
    if (panels[i].height > room && !regions.fresh(region)) continue;  // begins in the next region
    if (panels[i].height > room) ctx.overflow(qs.items[i].pos, "a quote is taller than a page and runs past the frame");
    size_t end = pack(i, room, spots);
    if (end == n && columns > 1) {
      // All the rest fits here: the shortest columns that still hold it.
      Pt limit;
      for (size_t k = i; k < n; ++k) {
        limit += panels[k].height + (k > i ? gutter : Pt(0));
        if (limit > room) break;
        if (pack(i, limit + Pt(0.01), spots) == n) break;
      }
      end = pack(i, std::min(limit, room) + Pt(0.01), spots);
      if (end != n) end = pack(i, room, spots);
    }
    Pt bottom;
    for (size_t k = 0; k < spots.size(); ++k) {
      bottom = std::max(bottom, spots[k].y + panels[i + k].height);
      f.place(std::move(panels[i + k]), (width + gutter) * static_cast<double>(spots[k].column), spots[k].y);
    }
    f.height = bottom;
    i = end;
  }
  return out;
}

}  // namespace lp
