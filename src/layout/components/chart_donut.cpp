// The donut chart: a ring of segments in the accents (a second round of them lighter), a gap
// between segments, the total and the unit in the middle, and the legend beside the ring (on a
// narrow frame, beneath it, where it may break between entries).
#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "layout/components/chart_parts.h"

namespace lp {

namespace {

Colour segment_colour(size_t i, const ChartSlice& s, const LayoutContext& ctx) {
  if (s.derived) return ctx.st.footer.colour;
  const size_t round = i / ctx.st.accents.size();
  return round % 2 == 0 ? ctx.accent(i + 1) : ctx.accent(i + 1).tint(0.5);
}

// The ring, `d` across, and what its middle says, as one frame at (0, 0).
Frame ring(const Chart& c, const ChartParts& parts, Pt d, LayoutContext& ctx) {
  Frame f;
  const Pt outer = d / 2, inner = outer * 0.58, cx = outer, cy = outer;
  const double gap = parts.slices.size() > 1 ? 2.0 / ((outer + inner) / 2).value : 0;  // 2 pt at the ring's middle
  double at = 0;
  for (size_t i = 0; i < parts.slices.size(); ++i) {
    const ChartSlice& s = parts.slices[i];
    const double turn = parts.sum > 0 ? s.value / parts.sum * 2 * std::numbers::pi : 0;
    if (turn <= 0) continue;
    // A segment too thin for its gap loses the gap, and never less than a sliver shows.
    const double g = turn > gap * 3 ? gap / 2 : 0;
    const double from = at + g, to = std::max(at + turn - g, from + 0.004);
    draw_slice(f, ring_segment(cx, cy, inner, outer, from, to), Pt(0), Pt(0), d, d, segment_colour(i, s, ctx), s.derived);
    at += turn;
  }
  TextStyle number = ctx.st.figure;
  number.colour = ctx.st.body.colour;
  const double shown = c.total && *c.total > parts.sum ? *c.total : parts.sum;
  Line total = ctx.line(ctx.format_number(shown, c.total ? c.total_decimals : 0), number);
  if (total.width > inner * 1.5) total = ctx.line(ctx.format_number(shown, c.total ? c.total_decimals : 0), ctx.st.heading);
  TextStyle unit = ctx.st.figure_label;
  unit.align = Align::Center;
  std::vector<Line> unit_lines = c.unit.empty() ? std::vector<Line>{} : ctx.set(c.unit, unit, inner * 1.5);
  if (height_of(unit_lines) + total.height > inner * 1.6) unit_lines.clear();
  const Pt block = total.height + height_of(unit_lines);
  const Pt tw = total.width;
  draw_line(f, std::move(total), cx - tw / 2, cy - block / 2);
  draw_lines(f, std::move(unit_lines), cx - inner * 0.75, cy - block / 2 + block - height_of(unit_lines));
  return f;
}

// A legend entry: a chip in the segment's colour, the label, the value at the right.
Frame legend_entry(size_t i, const ChartSlice& s, Pt width, Pt value_room, LayoutContext& ctx) {
  Frame f;
  TextStyle label = ctx.st.figure_label;
  TextStyle value = ctx.st.figure_label;
  value.bold = true;
  value.align = Align::Right;
  const Pt chip = label.size * 0.9, gap = Pt(5);
  std::vector<Line> lines = ctx.set(slice_label(s), label, width - chip - gap * 2 - value_room);
  const Pt first_h = lines.empty() ? label.leading : lines.front().height;
  draw_slice(f, PathItem::rect(Pt(0), (first_h - chip) / 2, chip, chip).ops, Pt(0), (first_h - chip) / 2, chip, chip,
             segment_colour(i, s, ctx), s.derived);
  const Pt bottom = draw_lines(f, std::move(lines), chip + gap, Pt(0));
  Line v = ctx.line(ctx.format_number(s.value, s.decimals), value);
  const Pt vw = v.width;
  draw_line(f, std::move(v), width - vw, Pt(0));
  f.height = std::max(bottom, first_h);
  return f;
}

}  // namespace

void add_donut(Stack& stack, const Chart& c, const ChartParts& parts, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  TextStyle value = st.figure_label;
  value.bold = true;
  Pt value_room;
  for (const ChartSlice& s : parts.slices) value_room = std::max(value_room, ctx.line(ctx.format_number(s.value, s.decimals), value).width);
  const Pt d = std::min(width * 0.42, st.body.leading * 11);
  const Pt beside = width - d - Pt(14);
  const bool legend_beside = beside >= width * 0.4;
  const Pt legend_width = legend_beside ? beside : width;
  std::vector<std::shared_ptr<Frame>> entries;
  Pt legend_h;
  for (size_t i = 0; i < parts.slices.size(); ++i) {
    entries.push_back(std::make_shared<Frame>(legend_entry(i, parts.slices[i], legend_width, value_room, ctx)));
    legend_h += entries.back()->height + Pt(3);
  }
  auto donut = std::make_shared<Frame>(ring(c, parts, d, ctx));
  if (legend_beside) {
    const Pt h = std::max(d, legend_h), x = width - legend_width;
    stack.add(h, Pt(3), true, [=](Frame& f, Pt top) {
      f.place(std::move(*donut), Pt(0), top + (h - d) / 2);
      Pt y = top + (h - legend_h) / 2;
      for (const auto& e : entries) {
        const Pt eh = e->height;
        f.place(std::move(*e), x, y);
        y += eh + Pt(3);
      }
    });
    return;
  }
  stack.add(d, Pt(6), false, [=](Frame& f, Pt top) { f.place(std::move(*donut), (width - d) / 2, top); });
  for (const auto& e : entries) {
    const Pt eh = e->height;
    stack.add(eh, Pt(3), true, [e](Frame& f, Pt top) { f.place(std::move(*e), Pt(0), top); });
  }
}

}  // namespace lp
