// People: cards in rows across the frame, each a round badge (the photo, clipped round, or the
// initials in an accent colour) beside the name in bold and the role beneath. Rows never split;
// the grid breaks between rows and leaves no row alone at its end. As many cards across as the
// layout asks, fewer when a word of a name or role would not fit beside its badge, and rows
// balanced.
#include <algorithm>
#include <memory>

#include "layout/block_flow.h"
#include "layout/components.h"
#include "layout/stack.h"
#include "text/initials.h"

namespace lp {

namespace {

// The widest piece of a card's text that cannot break (a word, or the part of one up to a
// hyphen), set as the card sets it.
Pt widest_word(const std::string& text, const TextStyle& style, const LayoutContext& ctx) {
  Pt widest;
  size_t from = 0;
  while (from < text.size()) {
    size_t to = text.find_first_of(" -", from);
    to = to == std::string::npos ? text.size() : to + (text[to] == '-');
    if (to > from) widest = std::max(widest, ctx.line(text.substr(from, to - from), style).width);
    from = to + (to < text.size() && text[to] == ' ');
  }
  return widest;
}

}  // namespace

Fragment lay_out(const People& people, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt gutter = st.components.grid_gutter;
  const Pt badge = st.body.leading * 2.2;
  const Pt badge_gap = gutter * 0.6;
  TextStyle name_style = st.body;
  name_style.bold = true;
  name_style.align = Align::Left;
  TextStyle role_style = st.caption;
  role_style.align = Align::Left;
  Pt widest;
  for (const Person& p : people.items)
    widest = std::max({widest, widest_word(p.name, name_style, ctx), widest_word(plain_text(p.role), role_style, ctx),
                       widest_word(plain_text(p.organisation), role_style, ctx)});
  size_t columns = static_cast<size_t>(std::max(1, st.components.people_columns > 0 ? st.components.people_columns : st.columns));
  while (columns > 1 && column_width(regions.width, columns, gutter) - badge - badge_gap < widest) --columns;
  // No more across than the rows need: four cards in rows of three go two and two.
  const size_t rows_needed = (people.items.size() + columns - 1) / columns;
  if (rows_needed > 0) columns = (people.items.size() + rows_needed - 1) / rows_needed;
  const Pt width = column_width(regions.width, columns, gutter);
  const Pt text_width = width - badge - badge_gap;
  TextStyle letters = st.heading;
  letters.colour = st.white;
  letters.size = badge * 0.4;

  Stack stack;
  add_heading(stack, people.title, regions.width, ctx, st.heading.space_after + st.body.space_after);
  stack.open(Role::List, ctx.new_id());
  std::vector<size_t> rows;
  for (size_t row = 0; row < people.items.size(); row += columns) {
    const size_t end = std::min(people.items.size(), row + columns);
    auto cards = std::make_shared<Frame>();
    Pt row_height;
    for (size_t i = row; i < end; ++i) {
      const Person& p = people.items[i];
      const Pt x = (width + gutter) * static_cast<double>(i - row);
      Frame card;
      const uint32_t id = ctx.new_id();
      card.begin(Role::ListItem, id);
      if (!p.photo.src.empty() && p.photo.pixel_width > 0 && p.photo.pixel_height > 0) {
        // The photo covers the badge, centred, its sides clipped to the circle.
        const double aspect = static_cast<double>(p.photo.pixel_width) / p.photo.pixel_height;
        const Pt w = aspect >= 1 ? badge * aspect : badge, h = aspect >= 1 ? badge : badge / aspect;
        ctx.check_resolution(p.photo.src, p.photo.pixel_width, w, p.pos);
        GroupItem photo;
        photo.clip = PathItem::circle(x + badge / 2, badge / 2, badge / 2).ops;
        photo.items.emplace_back(TagItem{true, Role::Figure, id, 0, {}, "Photo of " + p.name, {}});
        photo.items.emplace_back(ImageItem{x + (badge - w) / 2, (badge - h) / 2, w, h, p.photo.src, "Photo of " + p.name});
        photo.items.emplace_back(TagItem{false, Role::Figure, id, 0, {}, {}, {}});
        card.push(std::move(photo));
      } else {
        PathItem circle = PathItem::circle(x + badge / 2, badge / 2, badge / 2);
        circle.fill = ctx.accent(i);
        Frame deco;
        deco.push(std::move(circle));
        Line ini = ctx.line(initials(p.name, ctx.doc.info.language), letters);
        draw_line(deco, std::move(ini), x + (badge - ini.width) / 2, (badge - ini.height) / 2);
        card.artifact(ArtifactKind::Layout, std::move(deco.items));
      }
      auto name = ctx.setter.set(spans_of(InlineText{Inline{p.name, false, false, "", p.pos, {}}}, name_style), text_width, Align::Left);
      auto role = ctx.set(p.role, role_style, text_width);
      auto org = ctx.set(p.organisation, role_style, text_width);
      const Pt text_height = height_of(name) + height_of(role) + height_of(org);
      Pt y = std::max(Pt(0), (badge - text_height) / 2);
      card.begin(Role::ListBody, id);
      y = draw_lines(card, std::move(name), x + badge + badge_gap, y);
      y = draw_lines(card, std::move(role), x + badge + badge_gap, y);
      draw_lines(card, std::move(org), x + badge + badge_gap, y);
      card.end(Role::ListBody, id);
      card.end(Role::ListItem, id);
      row_height = std::max(row_height, std::max(badge, text_height));
      cards->place(std::move(card), Pt(0), Pt(0));
    }
    // Rows closer than cards side by side: the badges keep them apart.
    stack.add(row_height, gutter * 0.5, true, [cards](Frame& f, Pt top) { f.place(std::move(*cards), Pt(0), top); });
    rows.push_back(stack.size() - 1);
  }
  stack.close();
  if (rows.size() >= 3) stack.no_break_after(rows[rows.size() - 2]);  // no row alone at the end
  return stack.lay_out(regions, ctx, people.pos, "a row of people");
}

}  // namespace lp
