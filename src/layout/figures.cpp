// Components drawn from data: people cards, the timeline, figure tiles and bands, bar charts.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "layout/flow_engine.h"

namespace lp {

namespace {

// Initials for a badge: the first letter of the first and last words ("Sara Tough OBE" -> "ST").
std::string initials(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : name + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  while (words.size() > 2 && std::all_of(words.back().begin(), words.back().end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
    words.pop_back();  // honours such as OBE
  std::string out;
  for (const auto* w : {words.empty() ? nullptr : &words.front(), words.size() > 1 ? &words.back() : nullptr})
    if (w && !w->empty()) out += static_cast<char>(std::toupper(static_cast<unsigned char>((*w)[0])));
  return out;
}

}  // namespace

std::string Flow::format_number(double v) const {
  if (v != std::floor(v) || std::fabs(v) >= 1e15) return fmt::format("{:.2f}", v);
  std::string digits = fmt::format("{}", static_cast<long long>(std::fabs(v)));
  std::string out;
  // Thousands separated by commas, as en-GB writes them.
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

void Flow::lay_out_block(const People& people) {
  if (!people.title.empty()) lay_out_block(Heading{people.title, people.pos});
  const Pt gutter = Mm(4).to_pt();
  const Pt width = column_width(gutter);
  const Pt badge = st_.body.leading * 2.4;
  const Pt text_width = width - badge - gutter;
  TextStyle name_style = st_.body;
  name_style.bold = true;
  name_style.align = Align::Left;
  TextStyle role_style = st_.caption;
  role_style.align = Align::Left;
  struct Card {
    std::vector<Line> name, role, org;
    Pt text_height;
  };
  std::vector<Card> cards;
  for (const Person& p : people.items) {
    Card card{setter_.set(spans(p.name, name_style), text_width, Align::Left), set(p.role, role_style, text_width),
              set(p.organisation, role_style, text_width), Pt(0)};
    card.text_height = height_of(card.name) + height_of(card.role) + height_of(card.org);
    cards.push_back(std::move(card));
  }
  space(st_.body.space_after);
  grid_flow(
      cards.size(), gutter, [&](size_t i) { return std::max(badge, cards[i].text_height); },
      [&](size_t i, Pt x, Pt top, Pt) {
        PathItem circle = PathItem::circle(x + badge / 2, top + badge / 2, badge / 2);
        circle.fill = accent(i);
        add(circle);
        TextStyle letters = st_.heading;
        letters.colour = st_.white;
        letters.size = badge * 0.4;
        Line ini = setter_.set_line(spans(initials(people.items[i].name), letters));
        draw_line_at(ini, x + (badge - ini.width) / 2, top + (badge - ini.height) / 2, page());
        const Card& card = cards[i];
        Pt y = top + std::max(Pt(0), (badge - card.text_height) / 2);
        y = draw_lines(card.name, x + badge + gutter, y, page());
        y = draw_lines(card.role, x + badge + gutter, y, page());
        draw_lines(card.org, x + badge + gutter, y, page());
      });
}

void Flow::lay_out_block(const Timeline& t) {
  auto category_colour = [&](const std::string& key) {
    for (size_t i = 0; i < t.categories.size(); ++i)
      if (t.categories[i].first == key) return accent(i);
    return accent(0);
  };
  auto category_label = [&](const std::string& key) {
    for (const auto& [k, label] : t.categories)
      if (k == key) return label;
    return key;
  };
  TextStyle chip_style = st_.label;
  chip_style.align = Align::Left;
  const Pt chip_pad = chip_style.size * 0.5;
  // A chip: a dot of the category's colour and its label, in a pill of its tint.
  auto chip = [&](const std::string& key, Pt x, Pt top, bool draw) {
    Line label = setter_.set_line(spans(category_label(key), chip_style));
    const Pt dot = chip_style.size * 0.7;
    const Pt w = chip_pad * 2 + dot + chip_pad + label.width, h = label.height;
    if (draw) {
      PathItem pill = PathItem::rounded_rect(x, top, w, h, h / 2);
      pill.fill = category_colour(key).tint(0.2);
      add(pill);
      PathItem d = PathItem::circle(x + chip_pad + dot / 2, top + h / 2, dot / 2);
      d.fill = category_colour(key);
      add(d);
      draw_line_at(label, x + chip_pad * 2 + dot, top, page());
    }
    return w;
  };

  // The legend: every category's chip, wrapped across the frame.
  space(st_.body.space_after);
  Pt x = frame_left();
  const Pt chip_h = setter_.set_line(spans("Ag", chip_style)).height;
  ensure_room(chip_h * 2);
  for (const auto& [key, label] : t.categories) {
    const Pt w = chip(key, Pt(0), Pt(0), false);
    if (x + w > frame_left() + frame_width()) {
      x = frame_left();
      y_ += chip_h + Pt(4);
    }
    chip(key, x, y_, true);
    x += w + Pt(4);
  }
  y_ += chip_h + st_.body.leading;
  at_top_ = false;

  const Pt spine_x = frame_left() + Pt(6), text_x = frame_left() + Pt(20);
  const Pt text_width = frame_width() - Pt(20);
  auto spine = [&](Pt from, Pt to) {
    PathItem s = PathItem::rect(spine_x - Pt(1.5), from, Pt(3), to - from);
    s.fill = st_.section_title.colour;
    add(s);
  };
  TextStyle title_style = st_.body;
  title_style.bold = true;
  title_style.align = Align::Left;
  for (const auto& period : t.periods) {
    TextStyle period_style = st_.period;
    period_style.uppercase = true;
    Line label = setter_.set_line(spans(period.label, period_style));
    ensure_room(label.height + chip_h + st_.body.leading * 3);
    const Pt top = y_;
    spine(top, top + label.height);
    PathItem dot = PathItem::circle(spine_x, top + label.height / 2, Pt(6));
    dot.fill = st_.section_title.colour;
    add(dot);
    draw_line_at(label, text_x, top, page());
    y_ += label.height;
    at_top_ = false;
    for (const auto& ev : period.events) {
      // A title that only repeats the chip's label is left to the chip; a short title shares
      // the chip's row.
      const bool repeats_chip = !ev.category.empty() && plain_text(ev.title) == category_label(ev.category);
      const Pt chip_w = ev.category.empty() ? Pt(0) : chip(ev.category, Pt(0), Pt(0), false) + Pt(6);
      auto title = repeats_chip ? std::vector<Line>{} : set(ev.title, title_style, text_width - chip_w);
      const bool same_row = title.size() <= 1;
      if (!same_row) title = set(ev.title, title_style, text_width);
      auto text = set(ev.text, st_.body, text_width);
      const Pt chip_row = ev.category.empty() ? Pt(0) : std::max(chip_h + Pt(4), same_row ? height_of(title) : Pt(0));
      const Pt head = chip_row + (same_row ? Pt(0) : height_of(title));
      ensure_room(head + std::min(height_of(text), st_.body.leading * 2));
      const Pt start = y_;
      if (!ev.category.empty()) chip(ev.category, text_x, y_ + (chip_row - chip_h) / 2, true);
      if (same_row) {
        if (!title.empty()) draw_line_at(title.front(), text_x + chip_w, y_ + (chip_row - title.front().height) / 2, page());
        y_ += std::max(chip_row, height_of(title));
      } else {
        y_ = draw_lines(title, text_x, y_ + chip_row, page());
      }
      at_top_ = false;
      spine(start, y_);
      const int text_page = page_index();
      Pt text_top = y_;
      flow_lines(std::move(text), Pt(20));
      // The spine runs beside the text, on whichever page it ended.
      spine(page_index() == text_page ? text_top : geo().margin_top, y_ + st_.body.space_after);
      y_ += st_.body.space_after;
    }
  }
}

void Flow::stat_band(const Stats& s) {
  const Pt bleed = geo().bleed;
  const int n = 0 + static_cast<int>(s.groups.empty() ? 0 : s.groups.front().items.size());
  if (n == 0) return;
  const Pt pad = st_.figure.size * 0.6;
  const Pt col = frame_width() / n;
  TextStyle number = st_.figure;
  number.colour = st_.white;
  number.align = Align::Center;
  TextStyle label = st_.figure_label;
  label.colour = st_.white;
  label.align = Align::Center;
  std::vector<std::pair<Line, std::vector<Line>>> cells;
  Pt height;
  for (const auto& item : s.groups.front().items) {
    Line num = setter_.set_line(spans(format_number(item.value), number));
    auto lab = setter_.set(spans(item.label, label), col - Pt(8), Align::Center);
    height = std::max(height, num.height + height_of(lab));
    cells.emplace_back(std::move(num), std::move(lab));
  }
  auto title = set(s.title, st_.heading, frame_width());
  ensure_room(height_of(title) + height + pad * 2);
  y_ = draw_lines(title, frame_left(), y_, page());
  PathItem band = PathItem::rect(-bleed, y_, geo().width + bleed * 2, height + pad * 2);
  band.fill = st_.section_title.colour;
  add(band);
  for (size_t i = 0; i < cells.size(); ++i) {
    const Pt x = frame_left() + col * static_cast<double>(i);
    const auto& [num, lab] = cells[i];
    draw_line_at(num, x + (col - num.width) / 2, y_ + pad, page());
    Pt y = y_ + pad + num.height;
    for (const auto& l : lab) {
      draw_line_at(l, x + Pt(4), y, page());
      y += l.height;
    }
  }
  y_ += height + pad * 2 + st_.body.space_after;
  at_top_ = false;
}

void Flow::lay_out_block(const Stats& s) {
  if (s.band) {
    if (!s.intro.empty()) paragraph(s.intro, st_.body, st_.figure.leading * 3);
    stat_band(s);
    return;
  }
  if (!s.title.empty()) lay_out_block(Heading{s.title, s.pos});
  if (!s.intro.empty()) paragraph(s.intro, st_.body);
  const Pt gutter = Mm(3).to_pt();
  const Pt width = column_width(gutter);
  const Pt pad = st_.figure_label.size * 0.7;
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    const StatGroup& g = s.groups[gi];
    const Colour& colour = accent(gi + 1);
    if (!g.name.empty()) {
      TextStyle name = st_.heading;
      name.colour = colour;
      auto lines = set(g.name, name, frame_width() - Pt(24));
      ensure_room(height_of(lines) + st_.figure.leading * 2);
      // The group's icon: a badge with its first letter, in the group's colour.
      const Pt d = std::min(Pt(18), lines.front().height);
      PathItem badge = PathItem::circle(frame_left() + d / 2, y_ + lines.front().height / 2, d / 2);
      badge.fill = colour;
      add(badge);
      draw_lines(lines, frame_left() + d + Pt(6), y_, page());
      y_ += height_of(lines) + Pt(3);
      at_top_ = false;
    }
    if (!g.intro.empty()) paragraph(g.intro, st_.body);
    struct Tile {
      std::vector<Line> prefix;
      Line number;
      std::vector<Line> label;
    };
    std::vector<Tile> tiles;
    TextStyle number = st_.figure;
    number.colour = colour;
    for (const StatItem& item : g.items)
      tiles.push_back({item.prefix.empty() ? std::vector<Line>{} : setter_.set(spans(item.prefix, st_.figure_label), width - pad * 2, Align::Left),
                       setter_.set_line(spans(format_number(item.value), number)), set(item.label, st_.figure_label, width - pad * 2)});
    auto tile_height = [&](size_t i) {
      return height_of(tiles[i].prefix) + tiles[i].number.height + height_of(tiles[i].label) + pad * 2;
    };
    grid_flow(tiles.size(), gutter, tile_height, [&](size_t i, Pt x, Pt top, Pt row_height) {
      PathItem tile = PathItem::rounded_rect(x, top, width, row_height, Mm(2.5).to_pt());
      tile.fill = colour.tint(0.12);
      add(tile);
      Pt y = draw_lines(tiles[i].prefix, x + pad, top + pad, page());
      draw_line_at(tiles[i].number, x + pad, y, page());
      draw_lines(tiles[i].label, x + pad, y + tiles[i].number.height, page());
    });
    y_ += st_.body.space_after;
  }
}

void Flow::lay_out_block(const Chart& c) {
  if (c.data.empty()) return;
  if (!c.title.empty()) lay_out_block(Heading{c.title, c.pos});
  double max = 0;
  for (const auto& bar : c.data) max = std::max(max, bar.value);
  if (max <= 0) max = 1;
  TextStyle label = st_.figure_label;
  label.align = Align::Right;
  TextStyle value = st_.figure_label;
  value.bold = true;
  const Pt label_width = frame_width() * 0.32, gap = Pt(6);
  const Pt value_room = setter_.set_line(spans(format_number(max), value)).width + gap;
  const Pt bar_room = frame_width() - label_width - gap - value_room;
  for (size_t i = 0; i < c.data.size(); ++i) {
    const ChartBar& bar = c.data[i];
    auto lines = set(bar.label, label, label_width);
    const Pt row = std::max(height_of(lines), label.leading * 1.4);
    ensure_room(row);
    draw_lines(lines, frame_left(), y_ + (row - height_of(lines)) / 2, page());
    const Pt length = bar_room * (bar.value / max);
    PathItem rect = PathItem::rect(frame_left() + label_width + gap, y_ + row * 0.15, length, row * 0.7);
    rect.fill = accent(1);
    add(rect);
    Line v = setter_.set_line(spans(format_number(bar.value), value));
    draw_line_at(v, frame_left() + label_width + gap + length + gap, y_ + (row - v.height) / 2, page());
    y_ += row + Pt(3);
    at_top_ = false;
  }
  if (c.total) {
    const std::string text = fmt::format("Total: {}{}", format_number(*c.total), c.unit.empty() ? "" : " " + c.unit);
    paragraph(InlineText{Inline{text, false, true, "", c.pos}}, st_.caption);
  } else if (!c.unit.empty()) {
    paragraph(InlineText{Inline{c.unit, false, true, "", c.pos}}, st_.caption);
  }
  y_ += st_.body.space_after;
}

}  // namespace lp
