// Text blocks: paragraphs, headings, lists, quote callouts, callouts, images, puzzles' words,
// answers and contacts.
#include <fmt/format.h>

#include <algorithm>

#include "layout/flow_engine.h"

namespace lp {

namespace {
InlineText text_of(const std::string& s) { return InlineText{Inline{s, false, false, "", {}}}; }
}  // namespace

void Flow::block(const Block& b) {
  std::visit([&](const auto& x) { lay_out_block(x); }, static_cast<const BlockVariant&>(b));
}

void Flow::lay_out_block(const Paragraph& p) { paragraph(p.text, st_.body); }

void Flow::lay_out_block(const Heading& h) {
  space(st_.heading.space_before);
  auto lines = set(h.text, st_.heading, frame_width());
  ensure_room(height_of(lines) + st_.body.leading * 2);
  outline(h.text, 1);
  flow_lines(std::move(lines), Pt(0), st_.body.leading * 2);
  y_ += st_.heading.space_after;
}

void Flow::lay_out_block(const PageBreak&) { new_page(true); }

void Flow::lay_out_block(const ListBlock& l) {
  const TextStyle& style = st_.list_item;
  const Pt indent = style.size * 1.4;
  space(style.space_before);
  for (size_t i = 0; i < l.items.size(); ++i) {
    std::string marker = "\u2022";
    if (l.style == ListBlock::Style::Number) marker = fmt::format("{}.", i + 1);
    if (l.style == ListBlock::Style::Check) marker = "\u2713";
    std::vector<Line> lines = set(l.items[i], style, frame_width() - indent);
    if (lines.empty()) continue;
    ensure_room(lines.size() >= 4 ? lines[0].height * 2 : height_of(lines));
    TextStyle mark_style = style;
    mark_style.colour = accent(0);
    draw_line_at(setter_.set_line(spans(marker, mark_style)), frame_left(), y_, page());
    flow_lines(std::move(lines), indent);
    y_ += style.space_after;
  }
  y_ += st_.body.space_after - style.space_after;
}

Pt Flow::quote_panel(const Quote& q, size_t colour, Pt x, Pt top, Pt width, bool draw) {
  const Pt pad = st_.quote.size;
  TextStyle mark_style = st_.quote;
  mark_style.font_role = st_.heading.font_role;
  mark_style.size = st_.quote.size * 3.5;
  mark_style.leading = mark_style.size;
  mark_style.colour = accent(colour);
  mark_style.bold = true;
  const Pt mark_drop = mark_style.size * 0.42;  // the mark hangs above the text's first line
  auto lines = set(q.text, st_.quote, width - pad * 2);
  TextStyle by_style = st_.quote_by;
  by_style.italic = true;
  auto by = q.by.empty() ? std::vector<Line>{} : set(q.by, by_style, width - pad * 2);
  const Pt height = pad * 0.5 + mark_drop + height_of(lines) + (by.empty() ? Pt(0) : pad * 0.3 + height_of(by)) + pad;
  if (!draw) return height;
  PathItem panel = PathItem::rounded_rect(x, top, width, height, Mm(3).to_pt());
  panel.fill = accent(colour).tint(0.14);
  add(panel);
  draw_line_at(setter_.set_line(spans("\u201C", mark_style)), x + pad * 0.6, top + pad * 0.5 + mark_drop - mark_style.size * 0.8, page());
  Pt y = draw_lines(lines, x + pad, top + pad * 0.5 + mark_drop, page());
  if (!by.empty()) draw_lines(by, x + pad, y + pad * 0.3, page());
  return height;
}

void Flow::lay_out_block(const Quote& q) {
  space(st_.body.space_after);
  const Pt h = quote_panel(q, quote_colour_, frame_left(), y_, frame_width(), false);
  ensure_room(h);
  quote_panel(q, quote_colour_++, frame_left(), y_, frame_width(), true);
  y_ += h + st_.body.space_after;
  at_top_ = false;
}

void Flow::lay_out_block(const Quotes& qs) {
  const Pt gutter = Mm(4).to_pt();
  const Pt width = column_width(gutter);
  space(st_.body.space_after);
  const size_t first_colour = quote_colour_;
  quote_colour_ += qs.items.size();
  column_flow(
      qs.items.size(), gutter, [&](size_t i) { return quote_panel(qs.items[i], 0, Pt(0), Pt(0), width, false); },
      [&](size_t i, Pt x, Pt y) { quote_panel(qs.items[i], first_colour + i, x, y, width, true); });
  y_ += st_.body.space_after - gutter;
}

void Flow::lay_out_block(const Callout& c) {
  const Pt bar = Pt(3), inset = Pt(10);
  const int first_page = std::max(0, page_index());
  holds_.push_back(first_page);  // the rule is drawn down every page the callout reaches, at its end
  space(st_.body.space_after);
  const Pt start = y_;
  indent_ += inset;
  if (!c.title.empty()) paragraph(c.title, st_.heading, st_.body.leading * 2);
  for (const auto& b : c.blocks) block(b);
  indent_ -= inset;
  for (int p = first_page; p <= page_index(); ++p) {
    const bool right = p % 2 == 0;
    const Pt x = (right ? geo().margin_inside : geo().margin_outside) + indent_;
    const Pt top = p == first_page ? start : geo().margin_top;
    const Pt bottom = p == page_index() ? y_ - st_.body.space_after : frame_bottom();
    PathItem rule = PathItem::rect(x, top, bar, bottom - top);
    rule.fill = accent(1);
    page_at(p).items.push_back(rule);
  }
  holds_.pop_back();
}

void Flow::lay_out_block(const Image& img) {
  if (img.src.empty() || img.pixel_width <= 0) return;
  space(st_.body.space_after);
  Pt width = frame_width();
  Pt height = width * (static_cast<double>(img.pixel_height) / img.pixel_width);
  const Pt max_height = (frame_bottom() - geo().margin_top) * 0.6;
  if (height > max_height) {
    width = width * (max_height / height);
    height = max_height;
  }
  auto caption = img.caption.empty() ? std::vector<Line>{} : set(img.caption, st_.caption, frame_width());
  ensure_room(height + height_of(caption));
  add(ImageItem{frame_left() + (frame_width() - width) / 2, y_, width, height, img.src, img.alt});
  y_ += height + Pt(4);
  at_top_ = false;
  y_ = draw_lines(caption, frame_left(), y_, page()) + st_.body.space_after;
}

void Flow::puzzle_heading(const InlineText& title, const InlineText& hint, SourcePos pos) {
  if (!title.empty()) lay_out_block(Heading{title, pos});
  if (!hint.empty()) {
    TextStyle style = st_.body;
    style.italic = true;
    paragraph(hint, style);
  }
}

void Flow::lay_out_block(const Quiz& q) {
  quizzes_.push_back(&q);
  puzzle_heading(q.title, q.hint, q.pos);
  const Pt indent = st_.body.size * 1.6;
  for (size_t i = 0; i < q.questions.size(); ++i) {
    auto lines = set(q.questions[i].question, st_.body, frame_width() - indent);
    const Pt answer_space = st_.body.leading * 1.6;
    ensure_room(height_of(lines) + answer_space);
    TextStyle number = st_.body;
    number.bold = true;
    number.colour = accent(i);
    draw_line_at(setter_.set_line(spans(fmt::format("{}.", i + 1), number)), frame_left(), y_, page());
    y_ = draw_lines(lines, frame_left() + indent, y_, page());
    PathItem rule = PathItem::line(frame_left() + indent, y_ + answer_space * 0.75, frame_left() + frame_width(), y_ + answer_space * 0.75);
    rule.stroke = st_.footer.colour;
    rule.line_width = Pt(0.8);
    rule.dotted = true;
    add(rule);
    y_ += answer_space;
    at_top_ = false;
  }
}

void Flow::lay_out_block(const SpotTheDifference& s) {
  spots_.push_back(&s);
  puzzle_heading(s.title, s.hint, s.pos);
  for (const std::string& src : {s.original, s.changed}) {
    if (src.empty()) continue;
    Image img;
    img.src = src;
    img.alt = plain_text(s.caption);
    // The size was checked when the report was read; the picture takes its share of the width.
    lay_out_block(img);
  }
  if (!s.caption.empty()) paragraph(s.caption, st_.caption);
}

void Flow::lay_out_block(const Answers& a) {
  if (!a.title.empty()) lay_out_block(Heading{a.title, a.pos});
  // "<answers-title> 1. … 2. …", the title in bold; by default the puzzle's title and "answers:".
  auto answers = [&](const InlineText& answers_title, const InlineText& title, const char* fallback,
                     const std::vector<const InlineText*>& items) {
    InlineText text = answers_title;
    if (text.empty()) {
      text = title.empty() ? text_of(fallback) : title;
      text.push_back(Inline{" answers:", false, false, "", {}});
    }
    for (auto& run : text) run.bold = true;
    for (size_t i = 0; i < items.size(); ++i) {
      text.push_back(Inline{fmt::format(" {}. ", i + 1), false, false, "", {}});
      text.insert(text.end(), items[i]->begin(), items[i]->end());
    }
    paragraph(text, st_.caption);
  };
  for (const Quiz* q : quizzes_) {
    std::vector<const InlineText*> items;
    for (const auto& question : q->questions) items.push_back(&question.answer);
    answers(q->answers_title, q->title, "Quiz", items);
  }
  for (const SpotTheDifference* s : spots_) {
    std::vector<const InlineText*> items;
    for (const auto& d : s->differences) items.push_back(&d);
    answers(s->answers_title, s->title, "Spot the difference", items);
  }
  for (const auto& [ws, grid] : word_searches_) {
    const Pt cell = std::min(st_.caption.leading, frame_width() / grid.size);
    draw_word_search(grid, cell, true);
  }
}

void Flow::lay_out_block(const Contact& c) {
  if (!c.title.empty()) paragraph(c.title, st_.heading);
  const Pt pad = st_.body.size;
  std::vector<std::pair<std::vector<Line>, Line>> rows;
  Pt height = pad;
  for (const auto& item : c.items) {
    std::string digits;
    for (char ch : item.phone)
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') digits += ch;
    const std::string link = st_.phone_links ? "tel:" + digits : "";
    auto label = set(item.label, st_.body, frame_width() - pad * 2);
    Line number = setter_.set_line(spans(item.phone, st_.contact_number, link));
    height += height_of(label) + number.height;
    rows.emplace_back(std::move(label), std::move(number));
  }
  height += pad * 0.5;
  if (!rows.empty()) {
    space(st_.body.space_after);
    ensure_room(height);
    PathItem panel = PathItem::rounded_rect(frame_left(), y_, frame_width(), height, Mm(3).to_pt());
    panel.fill = st_.panel;
    add(panel);
    Pt y = y_ + pad * 0.75;
    for (const auto& [label, number] : rows) {
      y = draw_lines(label, frame_left() + pad, y, page());
      draw_line_at(number, frame_left() + pad, y, page());
      y += number.height;
    }
    y_ += height + st_.body.space_after;
    at_top_ = false;
  }
  if (!c.website.empty()) {
    const std::string uri = c.website.find("://") == std::string::npos ? "https://" + c.website : c.website;
    TextStyle site = st_.heading;
    site.align = Align::Center;
    paragraph(InlineText{Inline{c.website, true, false, uri, c.pos}}, site);
  }
}

}  // namespace lp
