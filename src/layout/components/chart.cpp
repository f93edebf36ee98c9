// Bar charts: a row a bar, its label right-aligned in a column at the left, the bar in an
// accent, its value at the bar's end; every bar the same thickness. A chart breaks between
// bars; its title stays with the first two and the unit or total line with the last two.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

Fragment lay_out(const Chart& c, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  Stack stack;
  if (c.data.empty()) return stack.lay_out(regions, ctx, c.pos, "a bar");
  add_heading(stack, c.title, regions.width, ctx, st.heading.space_after);
  double max = 0;
  int decimals = 0;
  for (const auto& bar : c.data) max = std::max(max, bar.value), decimals = std::max(decimals, bar.decimals);
  if (max <= 0) max = 1;
  TextStyle label = st.figure_label;
  label.align = Align::Right;
  TextStyle value = st.figure_label;
  value.bold = true;
  const Pt label_width = regions.width * st.components.chart_label_column, gap = Pt(6);
  const Pt value_room = ctx.line(ctx.format_number(max, decimals), value).width + gap;
  const Pt bar_room = regions.width - label_width - gap - value_room;
  const Pt thickness = label.leading * 1.4 * 0.7;
  const Colour fill = ctx.accent(1);
  // What the chart shows, for readers who cannot see it: its title, every bar, the total.
  std::string alt = "Bar chart";
  if (!c.title.empty()) alt += ": " + plain_text(c.title);
  for (size_t i = 0; i < c.data.size(); ++i)
    alt += (i == 0 ? ": " : ", ") + plain_text(c.data[i].label) + " " + ctx.format_number(c.data[i].value, c.data[i].decimals);
  if (c.total) alt += fmt::format("; {} {}", ctx.doc.info.words.total, ctx.format_number(*c.total, c.total_decimals));
  if (!c.unit.empty()) alt += " (" + c.unit + ")";
  stack.open(Role::Figure, ctx.new_id(), 0, alt);
  std::vector<size_t> bars;
  for (const ChartBar& bar : c.data) {
    auto lines = std::make_shared<std::vector<Line>>(ctx.set(bar.label, label, label_width));
    const Pt text_h = height_of(*lines);
    const Pt row = std::max(text_h, label.leading * 1.4);
    const Pt length = bar_room * (bar.value / max);
    auto v = std::make_shared<Line>(ctx.line(ctx.format_number(bar.value, bar.decimals), value));
    stack.add(row, Pt(3), true, [=](Frame& f, Pt top) {
      draw_lines(f, std::move(*lines), Pt(0), top + (row - text_h) / 2);
      PathItem rect = PathItem::rect(label_width + gap, top + (row - thickness) / 2, length, thickness);
      rect.fill = fill;
      f.push(std::move(rect));
      const Pt vh = v->height;
      draw_line(f, std::move(*v), label_width + gap + length + gap, top + (row - vh) / 2);
    });
    bars.push_back(stack.size() - 1);
  }
  stack.close();
  // The title with the first two bars; the note with the last two.
  if (bars.size() >= 2) stack.no_break_after(bars[0]);
  std::string note;
  if (c.total) note = fmt::format("{} {}{}", ctx.doc.info.words.total, ctx.format_number(*c.total, c.total_decimals), c.unit.empty() ? "" : " " + c.unit);
  else note = c.unit;
  if (!note.empty()) {
    stack.no_break();
    if (bars.size() >= 3) stack.no_break_after(bars[bars.size() - 2]);
    TextStyle caption = st.caption;
    caption.italic = true;
    stack.open(Role::Caption, ctx.new_id());
    stack.add_lines(ctx.set(InlineText{Inline{note, false, true, "", c.pos}}, caption, regions.width), Pt(0), Pt(0));
    stack.close();
  }
  return stack.lay_out(regions, ctx, c.pos, "a bar");
}

}  // namespace lp
