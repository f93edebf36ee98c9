#include "layout/flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>

#include "layout/flow_engine.h"

namespace lp {

Flow::Flow(const Document& doc, const StyleSheet& styles, ParagraphSetter& setter, Diagnostics& diags,
           const std::map<size_t, int>& section_pages, PageSink& sink)
    : doc_(doc), st_(styles), diags_(diags), setter_(setter), sink_(&sink), known_pages_(section_pages) {
  info_.geometry = styles.page;
  info_.cmyk = styles.cmyk;
  info_.title = doc.info.title;
  info_.author = doc.info.organisation;
  info_.language = doc.info.language;
  info_.date = doc.info.date;
}

size_t Flow::run() {
  sink_->begin(info_);
  for (size_t i = 0; i < doc_.content.size(); ++i) {
    const ContentItem& item = doc_.content[i];
    if (const auto* c = std::get_if<Cover>(&item)) lay_out_cover(*c);
    if (const auto* n = std::get_if<NotesPage>(&item)) lay_out_notes(*n);
    if (const auto* c = std::get_if<ContentsPage>(&item)) lay_out_contents(*c);
    if (const auto* s = std::get_if<Section>(&item)) lay_out_section(*s, i);
    if (const auto* b = std::get_if<BackCover>(&item)) lay_out_back_cover(*b);
  }
  if (page_count() == 0) new_page(true);
  pad_pages();
  finish_contents();
  const size_t pages = page_count();
  while (!open_.empty()) ship_front();
  sink_->end(std::move(outline_));
  return pages;
}

void Flow::new_page(bool footer) {
  ship_finished();
  open_.push_back(OpenPage{Page{std::to_string(page_count() + 1), {}}, footer});
  y_ = geo().margin_top;
  at_top_ = true;
}

void Flow::ship_finished() {
  if (contents_hold_ && page_count() - static_cast<size_t>(*contents_hold_) > kMostHeldForContents) give_up_waiting();
  size_t limit = holds_.empty() ? page_count() : static_cast<size_t>(*std::min_element(holds_.begin(), holds_.end()));
  if (contents_hold_) limit = std::min(limit, static_cast<size_t>(*contents_hold_));
  while (!open_.empty() && shipped_ < limit) ship_front();
}

void Flow::ship_front() {
  OpenPage& front = open_.front();
  if (front.footer) draw_footer(front.page, shipped_);
  sink_->page(std::move(front.page));
  open_.pop_front();
  ++shipped_;
}

void Flow::ensure_room(Pt height) {
  if (page_count() == 0 || (!at_top_ && y_ + height > frame_bottom() + Pt(0.01))) new_page(true);
}

void Flow::space(Pt amount) {
  if (!at_top_) y_ += amount;
}

std::vector<TextSpan> Flow::spans(const InlineText& text, const TextStyle& style) { return spans_of(text, style); }

std::vector<TextSpan> Flow::spans(const std::string& text, const TextStyle& style, const std::string& link) {
  return {TextSpan{text, &style, false, false, link, {}}};
}

std::vector<Line> Flow::set(const InlineText& text, const TextStyle& style, Pt width) {
  return setter_.set(spans(text, style), width, style.align);
}

Pt Flow::height_of(const std::vector<Line>& lines) const {
  Pt h;
  for (const auto& l : lines) h += l.height;
  return h;
}

void Flow::draw_line_at(Line line, Pt x, Pt top, Page& on) {
  for (auto& r : line.runs) {
    std::optional<LinkItem> link;
    if (!r.run.link.empty()) link = LinkItem{x + r.x, top, r.run.width(), line.height, r.run.link};
    on.items.push_back(GlyphRunItem{x + r.x, top + line.baseline, std::move(r.run)});
    if (link) on.items.push_back(std::move(*link));
  }
}

Pt Flow::draw_lines(const std::vector<Line>& lines, Pt x, Pt top, Page& on) {
  for (const auto& line : lines) {
    draw_line_at(line, x, top, on);
    top += line.height;
  }
  return top;
}

void Flow::flow_lines(std::vector<Line> lines, Pt indent, Pt keep) {
  size_t i = 0;
  const size_t n = lines.size();
  while (i < n) {
    // How many of the remaining lines fit here (the last of all must leave room for `keep`).
    size_t fit = 0;
    Pt h;
    while (i + fit < n) {
      const Pt need = h + lines[i + fit].height + (i + fit + 1 == n ? keep : Pt(0));
      if (y_ + need > frame_bottom() + Pt(0.01)) break;
      h += lines[i + fit].height;
      ++fit;
    }
    size_t take = fit;
    if (take < n - i) {
      // Break inside the paragraph: two lines at least before (orphans) and after (widows).
      if (n - i - take < 2) take = n - i >= 2 ? n - i - 2 : 0;
      if (take < 2 && !(i > 0 && take >= 1)) take = 0;
      if (take == 0 && at_top_) take = std::max<size_t>(1, fit);  // a page cannot hold it: never loop
    }
    for (size_t k = 0; k < take; ++k, ++i) {
      const Pt top = y_;
      y_ += lines[i].height;
      draw_line_at(std::move(lines[i]), frame_left() + indent, top, page());
      at_top_ = false;
    }
    if (i < n) new_page(true);
  }
}

void Flow::paragraph(const InlineText& text, const TextStyle& style, Pt keep) {
  space(style.space_before);
  flow_lines(set(text, style, frame_width()), Pt(0), keep);
  y_ += style.space_after;
}

void Flow::outline(const InlineText& title, int level) {
  outline_.push_back(OutlineEntry{plain_text(title), level, page_index(), y_});
}

Pt Flow::column_width(Pt gutter) const {
  const int columns = std::max(1, st_.columns);
  return (frame_width() - gutter * (columns - 1)) / columns;
}

void Flow::column_flow(size_t count, Pt gutter, const std::function<Pt(size_t)>& height,
                       const std::function<void(size_t, Pt x, Pt y)>& draw) {
  const size_t columns = static_cast<size_t>(std::max(1, st_.columns));
  std::vector<Pt> h(count);
  for (size_t i = 0; i < count; ++i) h[i] = height(i);
  // Packs items from `first` into columns no taller than `limit`; returns the end and each
  // item's column and offset.
  struct Spot {
    size_t column;
    Pt y;
  };
  auto pack = [&](size_t first, Pt limit, std::vector<Spot>& spots) {
    spots.clear();
    size_t col = 0;
    Pt y;
    size_t i = first;
    for (; i < count; ++i) {
      if (y > Pt(0) && y + h[i] > limit) {
        if (++col == columns) break;
        y = Pt(0);
      }
      spots.push_back({col, y});
      y += h[i] + gutter;
    }
    return i;
  };
  size_t i = 0;
  std::vector<Spot> spots;
  while (i < count) {
    ensure_room(h[i]);
    const Pt room_here = frame_bottom() - y_;
    size_t end = pack(i, room_here, spots);
    if (end == count && columns > 1) {
      // All the rest fits here: the shortest columns that still hold it.
      Pt limit;
      for (size_t k = i; k < count; ++k) {
        limit += h[k] + (k > i ? gutter : Pt(0));
        if (limit > room_here) break;
        if (pack(i, limit + Pt(0.01), spots) == count) break;
      }
      end = pack(i, std::min(limit, room_here) + Pt(0.01), spots);
      if (end != count) end = pack(i, room_here, spots);
    }
    Pt bottom;
    const Pt width = column_width(gutter);
    for (size_t k = 0; k < spots.size(); ++k) {
      draw(i + k, frame_left() + (width + gutter) * static_cast<double>(spots[k].column), y_ + spots[k].y);
      bottom = std::max(bottom, spots[k].y + h[i + k]);
    }
    y_ += bottom + gutter;
    at_top_ = false;
    i = end;
    if (i < count) new_page(true);
  }
}

void Flow::grid_flow(size_t count, Pt gutter, const std::function<Pt(size_t)>& height,
                     const std::function<void(size_t, Pt x, Pt y, Pt row_height)>& draw) {
  const size_t columns = static_cast<size_t>(std::max(1, st_.columns));
  const Pt width = column_width(gutter);
  for (size_t row = 0; row < count; row += columns) {
    const size_t end = std::min(count, row + columns);
    Pt row_height;
    for (size_t i = row; i < end; ++i) row_height = std::max(row_height, height(i));
    ensure_room(row_height);
    for (size_t i = row; i < end; ++i) draw(i, frame_left() + (width + gutter) * static_cast<double>(i - row), y_, row_height);
    y_ += row_height + gutter;
    at_top_ = false;
  }
}

void Flow::lay_out_cover(const Cover& cover) {
  new_page(false);
  foot_band(geo().height * 0.78, cover.organisation);
  y_ = geo().height * 0.2;
  paragraph(cover.title, st_.cover_title);
  paragraph(cover.subtitle, st_.cover_subtitle);
  paragraph(cover.tagline, st_.cover_tagline);
  at_top_ = true;
}

void Flow::foot_band(Pt top, const InlineText& text) {
  const Pt bleed = geo().bleed;
  PathItem band = PathItem::rect(-bleed, top, geo().width + bleed * 2, geo().height - top + bleed);
  band.fill = st_.section_title.colour;
  add(band);
  TextStyle style = st_.cover_subtitle;
  style.colour = st_.white;
  style.align = Align::Center;
  auto lines = set(text, style, frame_width());
  draw_lines(lines, frame_left(), top + (geo().height - top - height_of(lines)) / 2, page());
}

void Flow::notes_page(const InlineText& title) {
  new_page(false);
  paragraph(title, st_.section_title);
  for (Pt y = y_ + st_.body.leading * 2; y < frame_bottom(); y += st_.body.leading * 2) {
    PathItem rule = PathItem::line(frame_left(), y, frame_left() + frame_width(), y);
    rule.stroke = st_.footer.colour;
    rule.line_width = Pt(0.5);
    add(rule);
  }
  at_top_ = true;
}

void Flow::lay_out_notes(const NotesPage& notes) {
  if (st_.notes_pages) notes_page(notes.title);
}

// The contents page shows the page each section begins on. Every entry keeps room for a number
// of three digits (more when a layout before found later pages), so what a number says moves
// nothing. A first layout cannot know the numbers yet: its entries wait, and the contents page
// and those after it are held, until the sections have been laid out (finish_contents); a
// document too long to hold that way goes on without them and is laid out again, knowing them.
void Flow::lay_out_contents(const ContentsPage& contents) {
  new_page(true);
  outline(contents.title, 0);
  paragraph(contents.title, st_.section_title);
  const TextStyle& style = st_.contents_entry;
  int digits = 3;
  for (const auto& [section, page] : known_pages_) digits = std::max(digits, static_cast<int>(std::to_string(page).size()));
  const Pt room = number_room(digits) + style.size * 1.5;
  for (size_t i = 0; i < doc_.content.size(); ++i) {
    const auto* s = std::get_if<Section>(&doc_.content[i]);
    if (!s) continue;
    auto lines = set(s->title, style, frame_width() - room);
    if (lines.empty()) continue;
    ensure_room(height_of(lines));
    if (known_pages_.empty() && !contents_hold_ && contents_complete_) contents_hold_ = page_index();
    const Line& last = lines.back();
    const Pt height = height_of(lines);
    ContentsEntry entry{i, page_index(), frame_left(), frame_width(), y_, height, y_ + height - last.height, last.baseline, last.width};
    draw_lines(lines, frame_left(), y_, page());
    entry.items_end = page().items.size();
    y_ += entry.height + style.space_after;
    at_top_ = false;
    auto known = known_pages_.find(i);
    if (known != known_pages_.end()) draw_contents_number(entry, known->second);
    else if (contents_complete_) waiting_.push_back(entry);
  }
}

Pt Flow::number_room(int digits) {
  Pt widest;
  for (char d = '0'; d <= '9'; ++d) widest = std::max(widest, setter_.set_line(spans(std::string(1, d), st_.contents_entry)).width);
  return widest * digits;
}

void Flow::draw_contents_number(const ContentsEntry& entry, int target) {
  const TextStyle& style = st_.contents_entry;
  Page number;  // its items, to go after the entry's lines (the page is read in that order)
  Line num = setter_.set_line(spans(std::to_string(target), style));
  const Pt num_x = entry.left + entry.width - num.width;
  draw_line_at(std::move(num), num_x, entry.last_top, number);
  // Dot leaders from the title's end to the number.
  const Pt dots_from = entry.left + entry.last_width + style.size * 0.6, dots_to = num_x - style.size * 0.6;
  if (dots_to > dots_from) {
    const Pt y = entry.last_top + entry.last_baseline;
    PathItem dots = PathItem::line(dots_from, y, dots_to, y);
    dots.stroke = style.colour;
    dots.line_width = style.size * 0.12;
    dots.dotted = true;
    number.items.push_back(std::move(dots));
  }
  number.items.push_back(LinkItem{entry.left, entry.top, entry.width, entry.height, "", target - 1});
  auto& items = page_at(entry.page).items;
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(entry.items_end), std::make_move_iterator(number.items.begin()),
               std::make_move_iterator(number.items.end()));
}

void Flow::finish_contents() {
  // From the last entry back, so that each one's place among its page's items still holds.
  for (auto it = waiting_.rbegin(); it != waiting_.rend(); ++it) draw_contents_number(*it, section_pages_.at(it->section));
  waiting_.clear();
  contents_hold_.reset();
}

void Flow::give_up_waiting() {
  waiting_.clear();
  contents_hold_.reset();
  contents_complete_ = false;
  sink_ = &discard_;
}

void Flow::lay_out_section(const Section& s, size_t index) {
  if (st_.section_start != Edition::SectionStart::Continue || page_count() == 0) {
    new_page(true);
    if (st_.section_start == Edition::SectionStart::RightHandPage && !right_hand()) {
      open_.back().footer = false;  // a blank left-hand page before the section
      new_page(true);
    }
    const Pt bleed = geo().bleed;
    PathItem band = PathItem::rect(-bleed, -bleed, geo().width + bleed * 2, bleed + geo().margin_top * 0.45);
    band.fill = st_.section_title.colour;
    add(band);
  } else {
    space(st_.section_title.space_before);
    ensure_room(st_.section_title.leading + st_.body.leading * 3);
  }
  section_pages_[index] = page_index() + 1;
  outline(s.title, 0);
  paragraph(s.title, st_.section_title, s.subtitle.empty() ? st_.body.leading * 2 : Pt(0));
  if (!s.subtitle.empty()) paragraph(s.subtitle, st_.heading, st_.body.leading * 2);
  quizzes_.clear();
  spots_.clear();
  word_searches_.clear();
  for (const auto& b : s.blocks) block(b);
}

void Flow::lay_out_back_cover(const BackCover& back) {
  // The back cover is the last page: a left-hand page in a booklet, so pad before it.
  new_page(false);
  const size_t multiple = static_cast<size_t>(st_.pad_to_multiple);
  while (multiple > 1 && page_count() % multiple != 0) {
    open_.pop_back();  // the page just begun, which no one has drawn on
    notes_page(InlineText{Inline{"Notes", false, false, "", back.pos}});
    new_page(false);
  }
  y_ = geo().margin_top * 2;
  for (const auto& b : back.blocks) block(b);
  // After the blocks, so that the organisation is read last.
  foot_band(geo().height * 0.86, InlineText{Inline{doc_.info.organisation, false, false, "", back.pos}});
  at_top_ = true;
}

void Flow::pad_pages() {
  const size_t multiple = static_cast<size_t>(st_.pad_to_multiple);
  while (page_count() % multiple != 0) notes_page(InlineText{Inline{"Notes", false, false, "", {}}});
}

void Flow::draw_footer(Page& pg, size_t index) {
  const TextStyle& style = st_.footer;
  const bool right = index % 2 == 0;  // page index + 1 odd: right-hand
  const Pt top = geo().height - geo().margin_bottom / 2 - style.leading / 2;
  const Pt left = right ? geo().margin_inside : geo().margin_outside;
  const Pt right_edge = geo().width - (right ? geo().margin_outside : geo().margin_inside);
  Line number = setter_.set_line(spans(pg.label, style));
  Line title = setter_.set_line(spans(doc_.info.short_name, style));
  // The number at the outside corner, the short title at the inside.
  draw_line_at(number, right ? right_edge - number.width : left, top, pg);
  draw_line_at(title, right ? left : right_edge - title.width, top, pg);
}

namespace {

// Keeps every page, for a display list in memory.
class Collect final : public PageSink {
 public:
  explicit Collect(DisplayList& list) : list_(list) {}
  void begin(const DocumentInfo& info) override { list_ = DisplayList{info, {}, {}}; }
  void page(Page page) override { list_.pages.push_back(std::move(page)); }
  void end(std::vector<OutlineEntry> outline) override { list_.outline = std::move(outline); }

 private:
  DisplayList& list_;
};

}  // namespace

size_t lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags, PageSink& sink) {
  // One layout, unless its contents page could not wait for the sections' pages: then again,
  // knowing them, until they stop changing. Each layout says the same things about the same
  // text, so each diagnostic is kept once.
  Diagnostics found;
  ParagraphSetter setter(fonts, found, doc.path, doc.info.language);
  std::map<size_t, int> pages;
  size_t count = 0;
  for (int round = 0; round < 5; ++round) {
    Flow flow(doc, styles, setter, found, pages, sink);
    count = flow.run();
    if (flow.contents_complete() && (round == 0 || flow.section_pages() == pages)) break;
    pages = flow.section_pages();
    if (round == 4) found.warning(doc.path, {}, "the contents' page numbers did not settle after 5 layouts");
  }
  diags.append_unique(found);
  return count;
}

DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags) {
  DisplayList list;
  Collect collect(list);
  lay_out(doc, styles, fonts, diags, collect);
  return list;
}

}  // namespace lp
