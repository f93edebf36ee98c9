// Lists: a marker (bullet, number or tick) in the accent colour beside each item's lines, and
// the items nested under an item indented under its text, with markers of their own level. A
// list breaks between items, or inside an item with two lines on either side; a long list
// takes two items at least to its first frame and leaves three at least for its last.
#include <fmt/format.h>

#include <memory>

#include "layout/components.h"
#include "layout/stack.h"
#include "layout/vector_drawing.h"

namespace lp {
namespace {

// The marker of item `i` (from 0) of a list at `depth` (0: the outer list).
std::string marker(ListBlock::Style style, size_t i, int depth) {
  if (style == ListBlock::Style::Check) return "\u2713";
  if (style == ListBlock::Style::Number) {
    if (depth % 2 == 1 && i < 26) return fmt::format("{}.", static_cast<char>('a' + i));
    return fmt::format("{}.", i + 1);
  }
  return depth % 2 == 1 ? "\u2013" : "\u2022";
}

// What a marker icon shows, for a reader who cannot see it: its name, or its file's.
std::string icon_words(const Icon& icon) {
  std::string words = icon.name.substr(0, icon.name.rfind(".svg") == std::string::npos ? std::string::npos : icon.name.rfind(".svg"));
  words = words.substr(words.find_last_of('/') == std::string::npos ? 0 : words.find_last_of('/') + 1);
  for (char& c : words)
    if (c == '-' || c == '_') c = ' ';
  return words;
}

struct ListSetter {
  ListSetter(const Regions& r, LayoutContext& c) : regions(r), ctx(c) {}
  const Regions& regions;
  LayoutContext& ctx;
  Stack stack;
  const TextStyle& style = ctx.st.list_item;

  // The list's marker for item `i`: its icon (in the accent, centred on the first line of
  // `first_h`), else the style's.
  void add_marker(const ListBlock& l, size_t i, int depth, Pt x, Pt first_h, const TextStyle& mark_style) {
    if (l.icon.picture) {
      const Pt size = style.size * 1.3;
      const uint32_t icon_id = ctx.new_id();
      stack.add(Pt(0), Pt(0), false, [=, &l, this](Frame& f, Pt top) {
        draw_icon(f, l.icon, x, top + (first_h - size) / 2, size, mark_style.colour, ctx.st, icon_id, icon_words(l.icon));
      });
      return;
    }
    auto mark = std::make_shared<Line>(ctx.line(marker(l.style, i, depth), mark_style));
    stack.add(Pt(0), Pt(0), false, [mark, x](Frame& f, Pt top) { draw_line(f, std::move(*mark), x, top); });
  }

  // Adds the list's items at `x`; returns the index of each item's last piece.
  std::vector<size_t> add(const ListBlock& l, Pt x, int depth) {
    const Pt indent = style.size * (l.icon.picture ? 1.9 : 1.4);
    TextStyle mark_style = style;
    mark_style.colour = ctx.accent(0);
    std::vector<size_t> item_last;
    stack.open(Role::List, ctx.new_id());
    for (size_t i = 0; i < l.items.size(); ++i) {
      const ListItem& item = l.items[i];
      std::vector<Line> lines = ctx.set(item.text, style, regions.width - x - indent);
      if (lines.empty() && item.sublist.items.empty()) continue;
      const uint32_t id = ctx.new_id();
      stack.open(Role::ListItem, id);
      stack.open(Role::Label, id);
      add_marker(l, i, depth, x, lines.empty() ? style.leading : lines.front().height, mark_style);
      stack.close();
      stack.open(Role::ListBody, id);
      stack.add_lines(std::move(lines), x + indent, style.space_after);
      if (!item.sublist.items.empty()) add(item.sublist, x + indent, depth + 1);
      stack.close();
      stack.close();
      item_last.push_back(stack.size() - 1);
    }
    stack.close();
    return item_last;
  }
};

}  // namespace

Fragment lay_out(const ListBlock& l, const Regions& regions, LayoutContext& ctx) {
  ListSetter setter(regions, ctx);
  const std::vector<size_t> item_last = setter.add(l, Pt(0), 0);
  Stack& stack = setter.stack;
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
