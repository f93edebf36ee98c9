// Lists: a marker (bullet, number or tick) in the accent colour beside each item's lines. A
// list breaks between items, or inside an item with two lines on either side; a long list
// takes two items at least to its first frame and leaves three at least for its last.
#include <fmt/format.h>

#include <memory>

#include "layout/components.h"
#include "layout/stack.h"
#include "layout/vector_drawing.h"

namespace lp {

namespace {

// What a marker icon shows, for a reader who cannot see it: its name, or its file's.
std::string icon_words(const Icon& icon) {
  std::string words = icon.name.substr(0, icon.name.rfind(".svg") == std::string::npos ? std::string::npos : icon.name.rfind(".svg"));
  words = words.substr(words.find_last_of('/') == std::string::npos ? 0 : words.find_last_of('/') + 1);
  for (char& c : words)
    if (c == '-' || c == '_') c = ' ';
  return words;
}

}  // namespace

Fragment lay_out(const ListBlock& l, const Regions& regions, LayoutContext& ctx) {
  const TextStyle& style = ctx.st.list_item;
  const Pt indent = style.size * (l.icon.picture ? 1.9 : 1.4);
  TextStyle mark_style = style;
  mark_style.colour = ctx.accent(0);
  Stack stack;
  std::vector<size_t> item_last;  // each item's last piece
  stack.open(Role::List, ctx.new_id());
  for (size_t i = 0; i < l.items.size(); ++i) {
    std::string marker = "\u2022";
    if (l.style == ListBlock::Style::Number) marker = fmt::format("{}.", i + 1);
    if (l.style == ListBlock::Style::Check) marker = "\u2713";
    std::vector<Line> lines = ctx.set(l.items[i], style, regions.width - indent);
    if (lines.empty()) continue;
    const uint32_t id = ctx.new_id();
    stack.open(Role::ListItem, id);
    stack.open(Role::Label, id);
    if (l.icon.picture) {
      // The list's icon as the marker, in the accent, centred on the first line.
      const Pt size = style.size * 1.3, first_h = lines.front().height;
      const uint32_t icon_id = ctx.new_id();
      stack.add(Pt(0), Pt(0), false, [=, &l, &ctx](Frame& f, Pt top) {
        draw_icon(f, l.icon, Pt(0), top + (first_h - size) / 2, size, mark_style.colour, ctx.st, icon_id, icon_words(l.icon));
      });
    } else {
      auto mark = std::make_shared<Line>(ctx.line(marker, mark_style));
      stack.add(Pt(0), Pt(0), false, [mark](Frame& f, Pt top) { draw_line(f, std::move(*mark), Pt(0), top); });
    }
    stack.close();
    stack.open(Role::ListBody, id);
    stack.add_lines(std::move(lines), indent, style.space_after);
    stack.close();
    stack.close();
    item_last.push_back(stack.size() - 1);
  }
  stack.close();
  // No lonely items: two at least before a break, and three after it in a long list.
  const size_t items = item_last.size();
  if (items >= 4) stack.no_break_after(item_last[0]);
  if (items >= 6) {
    stack.no_break_after(item_last[items - 3]);
    stack.no_break_after(item_last[items - 2]);
  }
  return stack.lay_out(regions, ctx, l.pos, "a list item");
}

}  // namespace lp
