// Contacts: a panel of entries (a label, then the number large), breaking between entries, the
// panel closed at the foot of one frame and opened again in the next; the website beneath it,
// centred.
#include <cctype>
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"
#include "layout/vector_drawing.h"

namespace lp {

Fragment lay_out(const Contact& c, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt pad = st.body.size;
  Stack stack;
  add_heading(stack, c.title, regions.width, ctx, st.heading.space_after + st.body.space_after);
  const size_t first_entry = stack.size();
  stack.open(Role::List, ctx.new_id());
  for (size_t i = 0; i < c.items.size(); ++i) {
    const ContactItem& item = c.items[i];
    std::string digits;
    for (char ch : item.phone)
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') digits += ch;
    const uint32_t id = ctx.new_id();
    stack.open(Role::ListItem, id);
    // An entry's icon, in the accent, stands at its left as tall as the number; the words beside it.
    const Pt icon = item.icon.picture ? st.contact_number.size * 1.3 : Pt(0);
    const Pt text_x = item.icon.picture ? pad + icon + pad * 0.6 : pad;
    auto label = std::make_shared<std::vector<Line>>(ctx.set(item.label, st.body, regions.width - pad - text_x));
    auto number = std::make_shared<Line>(ctx.line(item.phone, st.contact_number, st.phone_links ? "tel:" + digits : ""));
    // Each entry brings its share of the panel's padding, so that a panel opened again in the
    // next frame has room at its head; the first and last entries the panel's edges.
    const Pt above = i == 0 ? pad * 0.75 : pad * 0.375, below = i + 1 == c.items.size() ? pad * 0.5 : Pt(0);
    const Pt h = above + height_of(*label) + number->height + below;
    const uint32_t icon_id = ctx.new_id();
    const Colour tint = ctx.accent(0);
    stack.add(h, Pt(0), true, [=, &item, &st](Frame& f, Pt top) {
      f.begin(Role::Label, id);
      const Pt y = draw_lines(f, std::move(*label), text_x, top + above);
      draw_icon(f, item.icon, pad, y + (number->height - icon) / 2, icon, tint, st, icon_id, plain_text(item.label));
      f.end(Role::Label, id);
      f.begin(Role::ListBody, id);
      draw_line(f, std::move(*number), text_x, y);
      f.end(Role::ListBody, id);
    });
    stack.close();
  }
  stack.close();
  const size_t end_entries = stack.size();
  // No entry alone at the panel's end, nor the website without the last entries.
  if (c.items.size() >= 4) stack.no_break_after(end_entries - 2);
  if (c.items.size() >= 3) stack.no_break_after(first_entry);
  if (!c.website.empty()) {
    if (end_entries > first_entry) {
      stack.set_gap(st.body.space_after + st.heading.space_before);
      stack.no_break();
    }
    const std::string uri = c.website.find("://") == std::string::npos ? "https://" + c.website : c.website;
    TextStyle site = st.heading;
    site.align = Align::Center;
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(ctx.set(InlineText{Inline{c.website, true, false, uri, c.pos, {}}}, site, regions.width), Pt(0), Pt(0));
    stack.close();
  }
  const Colour fill = st.panel;
  const Pt radius = st.components.panel_radius;
  return stack.lay_out(regions, ctx, c.pos, "a contact entry", Pt(0), Pt(0),
                       [&](Frame& f, size_t, size_t first, size_t end, Pt) {
                         const size_t from = std::max(first, first_entry), to = std::min(end, end_entries);
                         if (from >= to) return;
                         const Pt top = stack.top_of(from), bottom = stack.top_of(to - 1) + stack.height_of_piece(to - 1);
                         PathItem p = PathItem::rounded_rect(Pt(0), top, regions.width, bottom - top, radius);
                         p.fill = fill;
                         decorate(f, std::move(p), ArtifactKind::Background);
                       });
}

}  // namespace lp
