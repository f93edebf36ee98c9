// The timeline: a legend of the categories, then a spine down the left with a dot and the name
// of each period in capitals, and each event beside it: a chip of its category (a pill of the
// category's tint with a dot of its colour and its label) at the head of the event's first line,
// a bold title and the text. It breaks between events, or inside an event's text (two lines
// either side), and the spine runs beside its share of every frame.
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

namespace {

struct Chips {
  const Timeline& t;
  LayoutContext& ctx;
  TextStyle style;
  Pt pad;
  Pt height;  // of a chip

  const Colour& colour(const std::string& key) const {
    for (size_t i = 0; i < t.categories.size(); ++i)
      if (t.categories[i].first == key) return ctx.accent(i);
    return ctx.accent(0);
  }
  std::string label(const std::string& key) const {
    for (const auto& [k, label] : t.categories)
      if (k == key) return label;
    return key;
  }
  // The chip, its top-left corner at (0, 0), and its width.
  std::pair<Frame, Pt> chip(const std::string& key) const {
    Line text = ctx.line(label(key), style);
    const Pt dot = style.size * 0.7;
    const Pt w = pad * 2 + dot + pad + text.width, h = text.height;
    Frame f;
    Frame deco;
    PathItem pill = PathItem::rounded_rect(Pt(0), Pt(0), w, h, h / 2);
    pill.fill = colour(key).tint(0.2);
    deco.push(std::move(pill));
    PathItem d = PathItem::circle(pad + dot / 2, h / 2, dot / 2);
    d.fill = colour(key);
    deco.push(std::move(d));
    f.artifact(ArtifactKind::Layout, std::move(deco.items));
    const uint32_t id = ctx.new_id();
    f.begin(Role::Label, id);
    draw_line(f, std::move(text), pad * 2 + dot, Pt(0));
    f.end(Role::Label, id);
    f.width = w;
    f.height = h;
    return {std::move(f), w};
  }
};

// The legend: every category's chip, wrapped across the frame.
void add_legend(Stack& stack, const Chips& chips, Pt width) {
  LayoutContext& ctx = chips.ctx;
  const Pt chip_h = chips.height;
  stack.open(Role::List, ctx.new_id());
  auto row = std::make_shared<Frame>();
  Pt x;
  auto end_row = [&](bool last) {
    stack.add(chip_h, last ? ctx.st.body.leading : Pt(4), false, [row](Frame& f, Pt top) { f.place(std::move(*row), Pt(0), top); });
    row = std::make_shared<Frame>();
    x = Pt(0);
  };
  for (const auto& [key, label] : chips.t.categories) {
    auto [chip, w] = chips.chip(key);
    if (x > Pt(0) && x + w > width) end_row(false);
    const uint32_t item = ctx.new_id();
    row->begin(Role::ListItem, item);
    row->place(std::move(chip), x, Pt(0));
    row->end(Role::ListItem, item);
    x += w + Pt(4);
  }
  if (!chips.t.categories.empty()) end_row(true);
  stack.close();
}

// An event beside the spine: its chip at the head of its first line, then its bold title (left
// to the chip when it only repeats the chip's label) and its text.
void add_event(Stack& stack, const TimelineEvent& ev, const Chips& chips, Pt text_x, Pt text_width) {
  LayoutContext& ctx = chips.ctx;
  const Pt chip_h = chips.height;
  TextStyle title_style = ctx.st.body;
  title_style.bold = true;
  title_style.align = Align::Left;
  // The event as a list item: its category's chip the label, its title and text the body.
  stack.open(Role::ListItem, ctx.new_id());
  const bool has_chip = !ev.category.empty();
  const bool titled = !ev.title.empty() && !(has_chip && plain_text(ev.title) == chips.label(ev.category));
  std::pair<Frame, Pt> chip = has_chip ? chips.chip(ev.category) : std::pair<Frame, Pt>{};
  const Pt chip_w = has_chip ? chip.second + Pt(6) : Pt(0);
  // A chip wider than a third of the measure leaves too few words to justify beside it: it
  // takes a row of its own.
  const bool chip_in_line = has_chip && chip_w <= text_width / 3;
  const Pt indent = chip_in_line ? chip_w : Pt(0);
  auto title = titled ? ctx.set(ev.title, title_style, text_width, indent) : std::vector<Line>{};
  auto text = ctx.set(ev.text, ctx.st.body, text_width, titled ? Pt(0) : indent);
  if (has_chip) {
    // Drawn in the first line below it, which it stays with; a chip taller than that line
    // (or with no line to sit in) takes room of its own above it.
    const std::vector<Line>& first = titled ? title : text;
    const Pt line_h = chip_in_line && !first.empty() ? first.front().height : Pt(0);
    const Pt lift = chip_in_line ? std::max(Pt(0), chip_h - line_h) : chip_h + Pt(3);
    const Pt chip_top = chip_in_line ? (lift + line_h - chip_h) / 2 : Pt(0);
    auto chip_frame = std::make_shared<Frame>(std::move(chip.first));
    stack.add(lift, Pt(0), false, [=](Frame& f, Pt top) { f.place(std::move(*chip_frame), text_x, top + chip_top); });
  }
  stack.open(Role::ListBody, ctx.new_id());
  if (!title.empty()) {
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(std::move(title), text_x, Pt(0), true);
    stack.close();
  }
  if (!text.empty()) {
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(std::move(text), text_x, Pt(0));
    stack.close();
  }
  stack.set_gap(ctx.st.body.space_after);
  stack.close();
  stack.close();
}

}  // namespace

Fragment lay_out(const Timeline& t, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const ComponentStyles& look = st.components;
  Chips chips{t, ctx, st.label, st.label.size * 0.5, Pt(0)};
  chips.style.align = Align::Left;
  chips.height = ctx.line("Ag", chips.style).height;
  Stack stack;

  add_legend(stack, chips, regions.width);
  const size_t legend_end = stack.size();

  const Pt spine_x = look.timeline_spine_at, text_x = look.timeline_indent;
  const Pt text_width = regions.width - text_x;
  TextStyle period_style = st.period;
  period_style.uppercase = true;
  stack.open(Role::List, ctx.new_id());
  for (const auto& period : t.periods) {
    const uint32_t period_id = ctx.new_id();
    stack.open(Role::ListItem, period_id);
    stack.open(Role::Label, period_id);
    auto label = std::make_shared<Line>(ctx.line(period.label, period_style));
    const Pt label_h = label->height;
    const Colour spine_colour = st.section_title.colour;
    const Pt dot_r = look.timeline_dot;
    stack.add(label_h, Pt(0), false, [=](Frame& f, Pt top) {
      PathItem dot = PathItem::circle(spine_x, top + label_h / 2, dot_r);
      dot.fill = spine_colour;
      decorate(f, std::move(dot));
      draw_line(f, std::move(*label), text_x, top);
    });
    stack.close();
    stack.open(Role::ListBody, period_id);
    stack.open(Role::List, ctx.new_id());
    for (const auto& ev : period.events) {
      add_event(stack, ev, chips, text_x, text_width);
    }
    stack.close();  // the events
    stack.close();  // the period's body
    stack.close();  // the period
  }
  stack.close();

  const Colour spine_colour = st.section_title.colour;
  const Pt spine_w = look.timeline_spine_width;
  return stack.lay_out(regions, ctx, t.pos, "a timeline event", Pt(0), Pt(0),
                       [&](Frame& f, size_t, size_t first, size_t end, Pt height) {
                         if (end <= legend_end) return;
                         const Pt top = first < legend_end ? stack.top_of(legend_end) : Pt(0);
                         PathItem spine = PathItem::rect(spine_x - spine_w / 2, top, spine_w, height - top);
                         spine.fill = spine_colour;
                         decorate(f, std::move(spine));
                       });
}

}  // namespace lp
