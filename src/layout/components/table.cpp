// Tables: a caption, a header row (repeated at the head of every frame the table reaches) and
// rows of cells, breaking between rows. Columns share the width by the layout's `widths` or by
// their content; a column whose body cells are all numbers is right-aligned on its digits.
// Body rows are tinted in turn (zebra) with the panel colour.
#include <algorithm>
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

namespace {

// "1,234", "-5", "12.5%", "£3.20": a number, perhaps with a currency sign or a per cent.
bool is_number(const std::string& s) {
  size_t i = 0, digits = 0;
  if (s.rfind("£", 0) == 0) i = std::string("£").size();
  else if (i < s.size() && (s[i] == '-' || s[i] == '+' || s[i] == '$')) ++i;
  bool dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') ++digits;
    else if (c == ',' && digits > 0 && !dot) continue;
    else if (c == '.' && !dot) dot = true;
    else if (c == '%' && i + 1 == s.size()) continue;
    else return false;
  }
  return digits > 0;
}

// The part of a number after its decimal point, to align on.
std::string decimals_of(const std::string& s) {
  const size_t dot = s.find('.');
  return dot == std::string::npos ? "" : s.substr(dot);
}

// The columns of a table: their widths and places, and what the numeric ones align on.
struct Columns {
  TextStyle cell, head;
  Pt pad, width;
  std::vector<bool> numeric;
  std::vector<Pt> widths, x, decimals;
};

Columns measure_columns(const Table& t, Pt width, LayoutContext& ctx) {
  const size_t n = t.header.size();
  Columns c;
  c.width = width;
  c.pad = ctx.st.caption.size * 0.5;
  c.cell = ctx.st.caption;
  c.cell.align = Align::Left;
  c.head = c.cell;
  c.head.bold = true;
  c.numeric.assign(n, !t.rows.empty());
  for (const auto& row : t.rows)
    for (size_t k = 0; k < n; ++k)
      if (!is_number(plain_text(row[k]))) c.numeric[k] = false;
  // Column widths: as written, else by the longest text of each column (a header counts whole).
  std::vector<double> weight(n, 1);
  if (!t.widths.empty()) {
    weight = t.widths;
  } else {
    for (size_t k = 0; k < n; ++k) {
      double longest = ctx.line(plain_text(t.header[k]), c.head).width.value;
      for (const auto& row : t.rows) longest = std::max(longest, ctx.line(plain_text(row[k]), c.cell).width.value);
      weight[k] = std::max(longest, c.cell.size.value * 3);
    }
  }
  double total = 0;
  for (double w : weight) total += w;
  c.widths.resize(n);
  c.x.resize(n);
  c.decimals.resize(n);
  for (size_t k = 0; k < n; ++k) {
    c.widths[k] = width * (weight[k] / total);
    c.x[k] = k == 0 ? Pt(0) : c.x[k - 1] + c.widths[k - 1];
    if (c.numeric[k])
      for (const auto& row : t.rows)
        c.decimals[k] = std::max(c.decimals[k], ctx.line(decimals_of(plain_text(row[k])), c.cell).width);
  }
  return c;
}

// A row as a frame, its cells tagged; body rows `index` odd tinted.
std::shared_ptr<Frame> make_row(const std::vector<InlineText>& cells, bool header, size_t index, const Columns& c,
                                LayoutContext& ctx) {
  const size_t n = cells.size();
  auto f = std::make_shared<Frame>();
  Pt height;
  std::vector<std::vector<Line>> lines(n);
  for (size_t k = 0; k < n; ++k) {
    TextStyle style = header ? c.head : c.cell;
    if (c.numeric[k]) style.align = Align::Right;
    lines[k] = ctx.set(cells[k], style, c.widths[k] - c.pad * 2);
    height = std::max(height, height_of(lines[k]) + c.pad * 2);
  }
  if (!header && index % 2 == 1) {
    PathItem zebra = PathItem::rect(Pt(0), Pt(0), c.width, height);
    zebra.fill = ctx.st.panel;
    decorate(*f, std::move(zebra), ArtifactKind::Background);
  }
  const uint32_t row_id = ctx.new_id();
  f->begin(Role::TableRow, row_id);
  for (size_t k = 0; k < n; ++k) {
    const uint32_t id = ctx.new_id();
    const Role role = header ? Role::TableHeader : Role::TableCell;
    f->begin(role, id);
    // A number's decimal point lines up with the others': it moves left by what its decimals lack.
    const Pt shift = c.numeric[k] && !header ? c.decimals[k] - ctx.line(decimals_of(plain_text(cells[k])), c.cell).width : Pt(0);
    draw_lines(*f, std::move(lines[k]), c.x[k] + c.pad - shift, c.pad);
    f->end(role, id);
  }
  f->end(Role::TableRow, row_id);
  if (header) {
    PathItem rule = PathItem::line(Pt(0), height, c.width, height);
    rule.stroke = ctx.st.heading.colour;
    rule.line_width = Pt(0.8);
    decorate(*f, std::move(rule));
  }
  f->height = height;
  return f;
}

}  // namespace

Fragment lay_out(const Table& t, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  Stack stack;
  if (t.header.empty()) return stack.lay_out(regions, ctx, t.pos, "a table row");
  const Columns columns = measure_columns(t, regions.width, ctx);
  auto header = make_row(t.header, true, 0, columns, ctx);
  const Pt header_h = header->height;

  const uint32_t table_id = ctx.new_id();
  stack.open(Role::Table, table_id);
  if (!t.caption.empty()) {
    stack.open(Role::Caption, ctx.new_id());
    stack.add_lines(ctx.set(t.caption, st.heading, regions.width), Pt(0), st.heading.space_after, true);
    stack.close();
  }
  stack.add(header_h, Pt(0), false, [header](Frame& f, Pt top) { f.place(Frame(*header), Pt(0), top); });
  const size_t first_row = stack.size();
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto row = make_row(t.rows[r], false, r, columns, ctx);
    stack.add(row->height, Pt(0), true, [row](Frame& f, Pt top) { f.place(std::move(*row), Pt(0), top); });
  }
  stack.close();
  if (t.rows.size() >= 4) {
    stack.no_break_after(first_row);
    stack.no_break_after(stack.size() - 2);
  }
  // Where the table goes on, the header row again at the head of the frame.
  stack.no_head_in_first();
  return stack.lay_out(regions, ctx, t.pos, "a table row", header_h, Pt(0), {},
                       [&](Frame& f, size_t, size_t first, size_t, Pt) {
                         if (first == 0) return;
                         Frame again = *header;
                         std::vector<FrameItem> items = std::move(f.items);
                         f.items.clear();
                         // After the table's own tag, which the frame opens with.
                         size_t k = 0;
                         for (; k < items.size(); ++k) {
                           f.items.push_back(std::move(items[k]));
                           if (const auto* tag = std::get_if<TagItem>(&f.items.back()); tag && tag->role == Role::Table) break;
                         }
                         f.place(std::move(again), Pt(0), Pt(0));
                         for (++k; k < items.size(); ++k) f.items.push_back(std::move(items[k]));
                       });
}

}  // namespace lp
