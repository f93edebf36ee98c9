// Charts: bars (a row a bar, its label right-aligned in a column at the left, its value at the
// bar's end), columns (the values above them, the labels beneath) or a donut (chart_donut.cpp).
// Every bar and column is the same thickness whatever its label; a total larger than the data's
// sum adds a derived slice, lighter and hatched, explained in the note beneath. Bars break
// between bars: the title stays with the first two and the note with the last two.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "layout/components.h"
#include "layout/components/chart_parts.h"

namespace lp {

ChartParts chart_parts(const Chart& chart, const LayoutContext& ctx) {
  ChartParts p;
  p.slices = chart_slices(chart, ctx.doc.info.words.other_sources);
  for (const ChartSlice& s : p.slices) {
    p.max = std::max(p.max, s.value);
    p.sum += s.value;
    p.derived = p.derived || s.derived;
  }
  if (p.max <= 0) p.max = 1;
  return p;
}

std::string chart_alt(const Chart& c, const ChartParts& parts, const LayoutContext& ctx) {
  static const char* const kinds[] = {"Bar chart", "Column chart", "Donut chart"};
  std::string alt = kinds[static_cast<int>(c.kind)];
  if (!c.title.empty()) alt += ": " + plain_text(c.title);
  for (size_t i = 0; i < parts.slices.size(); ++i) {
    const ChartSlice& s = parts.slices[i];
    alt += (i == 0 ? ": " : ", ") + plain_text(s.label) + " " + ctx.format_number(s.value, s.decimals);
    if (c.kind == ChartKind::Donut && parts.sum > 0) alt += fmt::format(" ({:.0f}%)", s.value / parts.sum * 100);
    if (s.derived) alt += " (" + ctx.doc.info.words.derived + ")";
  }
  if (c.total) alt += fmt::format("; {} {}", ctx.doc.info.words.total, ctx.format_number(*c.total, c.total_decimals));
  if (!c.unit.empty()) alt += " (" + c.unit + ")";
  return alt;
}

InlineText slice_label(const ChartSlice& slice) {
  InlineText label = slice.label;
  if (slice.derived)
    for (Inline& run : label) run.italic = true;
  return label;
}

void draw_slice(Frame& f, std::vector<PathOp> shape, Pt x, Pt y, Pt w, Pt h, const Colour& colour, bool derived) {
  PathItem fill;
  fill.ops = shape;
  fill.fill = derived ? colour.tint(0.3) : colour;
  f.push(std::move(fill));
  if (derived) f.push(hatching(std::move(shape), x, y, w, h, colour, Pt(4)));
}

bool add_chart_note(Stack& stack, const Chart& c, const ChartParts& parts, Pt width, LayoutContext& ctx) {
  const Words& words = ctx.doc.info.words;
  std::string note;
  if (c.total) note = fmt::format("{} {}{}", words.total, ctx.format_number(*c.total, c.total_decimals), c.unit.empty() ? "" : " " + c.unit);
  else note = c.unit;
  if (parts.derived) {
    const std::string& other = c.other.empty() ? words.other_sources : c.other;
    note += fmt::format("{}{}: {}.", note.empty() ? "" : ". ", other, words.derived);
  }
  if (note.empty()) return false;
  stack.no_break();
  TextStyle caption = ctx.st.caption;
  caption.italic = true;
  stack.open(Role::Caption, ctx.new_id());
  stack.add_lines(ctx.set(InlineText{Inline{note, false, true, "", c.pos, {}}}, caption, width), Pt(0), Pt(0));
  stack.close();
  return true;
}

namespace {

void add_bars(Stack& stack, const ChartParts& parts, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  TextStyle label = st.figure_label;
  label.align = Align::Right;
  TextStyle value = st.figure_label;
  value.bold = true;
  const Pt label_width = width * st.components.chart_label_column, gap = Pt(6);
  Pt value_room;
  for (const ChartSlice& s : parts.slices) value_room = std::max(value_room, ctx.line(ctx.format_number(s.value, s.decimals), value).width);
  // A huge value's label never leaves the bars less than a fifth of the frame.
  const Pt bar_room = std::max(width - label_width - gap * 2 - value_room, width * 0.2);
  const Pt thickness = label.leading * 0.98;
  const Colour fill = ctx.accent(1);
  for (const ChartSlice& s : parts.slices) {
    auto lines = std::make_shared<std::vector<Line>>(ctx.set(slice_label(s), label, label_width));
    const Pt text_h = height_of(*lines);
    const Pt row = std::max(text_h, label.leading * 1.2);
    // A value too small to see at this scale still shows a sliver.
    const Pt length = s.value > 0 ? std::max(bar_room * (s.value / parts.max), Pt(1)) : Pt(0);
    auto v = std::make_shared<Line>(ctx.line(ctx.format_number(s.value, s.decimals), value));
    const bool derived = s.derived;
    stack.add(row, Pt(2), true, [=](Frame& f, Pt top) {
      draw_lines(f, std::move(*lines), Pt(0), top + (row - text_h) / 2);
      const Pt y = top + (row - thickness) / 2;
      draw_slice(f, PathItem::rect(label_width + gap, y, length, thickness).ops, label_width + gap, y, length, thickness, fill, derived);
      const Pt vh = v->height;
      draw_line(f, std::move(*v), label_width + gap + length + gap, top + (row - vh) / 2);
    });
  }
}

// The columns side by side, one piece; false (nothing added) when a value or a word of a label
// is wider than a column's share of the frame.
bool add_columns(Stack& stack, const ChartParts& parts, Pt width, Pt full, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  TextStyle label = st.figure_label;
  label.align = Align::Center;
  TextStyle value = st.figure_label;
  value.bold = true;
  const size_t n = parts.slices.size();
  const Pt slot = width / static_cast<double>(n);
  auto values = std::make_shared<std::vector<Line>>();
  auto labels = std::make_shared<std::vector<std::vector<Line>>>();
  Pt labels_h;
  // Measured word by word before the labels are set, so that a label too wide is not also an
  // overfull line.
  for (const ChartSlice& s : parts.slices) {
    values->push_back(ctx.line(ctx.format_number(s.value, s.decimals), value));
    if (values->back().width > slot - Pt(2)) return false;
    std::istringstream words(plain_text(s.label));
    for (std::string word; words >> word;)
      if (ctx.line(word, label).width > slot - Pt(4)) return false;
  }
  for (const ChartSlice& s : parts.slices) {
    labels->push_back(ctx.set(slice_label(s), label, slot - Pt(4)));
    labels_h = std::max(labels_h, height_of(labels->back()));
  }
  const Pt thickness = std::min(slot * 0.62, label.leading * 3);
  const Pt plot = std::min(full * 0.3, width * 0.5), value_h = value.leading, below = Pt(3);
  const Colour fill = ctx.accent(1), axis = st.footer.colour;
  std::vector<ChartSlice> slices = parts.slices;
  const double max = parts.max;
  stack.add(value_h + plot + below + labels_h, Pt(3), true, [=](Frame& f, Pt top) {
    const Pt base = top + value_h + plot;
    for (size_t i = 0; i < n; ++i) {
      const Pt h = slices[i].value > 0 ? std::max(plot * (slices[i].value / max), Pt(1)) : Pt(0);
      const Pt x = slot * static_cast<double>(i) + (slot - thickness) / 2;
      draw_slice(f, PathItem::rect(x, base - h, thickness, h).ops, x, base - h, thickness, h, fill, slices[i].derived);
      Line& v = (*values)[i];
      const Pt vw = v.width;
      draw_line(f, std::move(v), slot * static_cast<double>(i) + (slot - vw) / 2, base - h - value_h);
      draw_lines(f, std::move((*labels)[i]), slot * static_cast<double>(i) + Pt(2), base + below);
    }
    PathItem rule = PathItem::line(Pt(0), base, width, base);
    rule.stroke = axis;
    rule.line_width = Pt(0.5);
    decorate(f, std::move(rule));
  });
  return true;
}

}  // namespace

Fragment lay_out(const Chart& c, const Regions& regions, LayoutContext& ctx) {
  Stack stack;
  if (c.data.empty()) return stack.lay_out(regions, ctx, c.pos, "a bar");
  add_heading(stack, c.title, regions.width, ctx, ctx.st.heading.space_after);
  const ChartParts parts = chart_parts(c, ctx);
  stack.open(Role::Figure, ctx.new_id(), 0, chart_alt(c, parts, ctx));
  const size_t first = stack.size();
  const bool columns = c.kind == ChartKind::Column && add_columns(stack, parts, regions.width, regions.full, ctx);
  if (c.kind == ChartKind::Donut) {
    add_donut(stack, c, parts, regions.width, ctx);
  } else if (!columns) {
    if (c.kind == ChartKind::Column)
      ctx.overflow(c.pos, fmt::format("{} columns do not fit across the frame (a value or a word is wider than a column): drawn as bars",
                                      parts.slices.size()));
    add_bars(stack, parts, regions.width, ctx);
  }
  const size_t end = stack.size();
  stack.close();
  // The title with the first two bars; the note with the last two.
  if (end - first >= 2) stack.no_break_after(first);
  if (add_chart_note(stack, c, parts, regions.width, ctx) && end - first >= 3) stack.no_break_after(end - 2);
  return stack.lay_out(regions, ctx, c.pos, "a bar");
}

}  // namespace lp
