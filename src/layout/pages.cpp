#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>

#include "layout/block_flow.h"
#include "layout/flow.h"
#include "layout/page_flow.h"
#include "layout/paragraphs_ahead.h"
#include "layout/sections_ahead.h"
#include "layout/vector_drawing.h"

namespace lp {

PageFlow::PageFlow(const Document& doc, const StyleSheet& styles, ParagraphSetter& setter, Diagnostics& diags,
           const std::map<size_t, int>& section_pages, PageSink& sink, ParagraphsAhead* paragraphs,
           SectionsAhead* sections)
    : doc_(doc), st_(styles), ctx_(doc, styles, setter, diags), sections_ahead_(sections), sink_(&sink),
      fill_in_later_(sink.fills_in_later()), known_pages_(section_pages) {
  ctx_.ahead = paragraphs;
  info_.geometry = styles.page;
  info_.cmyk = styles.cmyk;
  info_.title = doc.info.title;
  info_.author = doc.info.organisation;
  info_.language = doc.info.language;
  info_.date = doc.info.date;
}

size_t PageFlow::run() {
  sink_->begin(info_);
  for (size_t i = 0; i < doc_.content.size(); ++i) {
    const ContentItem& item = doc_.content[i];
    if (const auto* c = std::get_if<Cover>(&item)) lay_out_cover(*c);
    if (const auto* n = std::get_if<NotesPage>(&item); n && st_.notes_pages) notes_page(n->title);
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

void PageFlow::new_page(bool footer) {
  ship_finished();
  open_.push_back(OpenPage{Page{std::to_string(page_count() + 1), {}}, footer});
  y_ = geo().margin_top;
  at_top_ = true;
}

void PageFlow::ship_finished() {
  if (contents_wait_ && page_count() - static_cast<size_t>(*contents_wait_) > kMostHeldForContents) give_up_waiting();
  size_t limit = page_count();
  if (contents_wait_ && !fill_in_later_) limit = std::min(limit, static_cast<size_t>(*contents_wait_));
  while (!open_.empty() && shipped_ < limit) ship_front();
}

void PageFlow::ship_front() {
  OpenPage& front = open_.front();
  if (front.footer) draw_footer(front.page, shipped_);
  sink_->page(std::move(front.page));
  open_.pop_front();
  ++shipped_;
}

Regions page_regions(const PageGeometry& geo, Pt y, bool at_top, bool right_hand) {
  const Pt bottom = frame_bottom(geo);
  Regions r;
  r.width = frame_width(geo);
  r.first = std::max(Pt(0), bottom - y);
  r.full = bottom - geo.margin_top;
  r.first_fresh = at_top;
  r.left_on_right = geo.margin_inside;
  r.left_on_left = geo.margin_outside;
  r.page_width = geo.width;
  r.bleed = geo.bleed;
  r.first_right_hand = right_hand;
  return r;
}

Regions PageFlow::regions() const { return page_regions(geo(), y_, at_top_, right_hand()); }

Frame flow_section(const Section& s, LayoutContext& ctx, const Regions& regions, const std::function<void(Frame&&)>& done) {
  BlockFlow flow(ctx, regions, done);
  FlowItem title = heading_item(s.title, ctx.st.section_title, 1, ctx, true, {}, s.id);
  title.space_before = Pt(0);
  flow.add(title);
  if (!s.subtitle.empty()) flow.add(heading_item(s.subtitle, ctx.st.heading, 2, ctx, false));
  for (const auto& b : s.blocks) flow.add(b);
  Fragment rest = flow.finish();
  return std::move(rest.frames.back());
}

void PageFlow::put(Frame&& frame, Pt x, Pt y) {
  for (auto& a : frame.anchors) outline_.push_back(OutlineEntry{std::move(a.title), a.level, page_index(), a.y + y, std::move(a.id)});
  auto& items = page().items;
  reserve_more(items, frame.items.size());
  for (auto& item : frame.items) {
    translate(item, x, y);
    items.push_back(std::move(item));
  }
  if (!frame.items.empty()) at_top_ = false;
}

void PageFlow::text(const InlineText& t, const TextStyle& style, Role role, int level) {
  if (!at_top_) y_ += style.space_before;
  Frame f;
  const uint32_t id = ctx_.new_id();
  f.begin(role, id, level);
  const Pt bottom = draw_lines(f, ctx_.set_balanced(t, style, frame_width()), Pt(0), Pt(0));
  f.end(role, id);
  put(std::move(f), frame_left(), y_);
  y_ += bottom + style.space_after;
}

void PageFlow::lay_out_cover(const Cover& cover) {
  new_page(false);
  foot_band(geo().height * st_.components.cover_band_at, cover.organisation);
  y_ = geo().height * st_.components.cover_title_at;
  text(cover.title, st_.cover_title, Role::Heading, 1);
  text(cover.subtitle, st_.cover_subtitle, Role::Paragraph);
  text(cover.tagline, st_.cover_tagline, Role::Paragraph);
  if (!cover.artwork.src.empty()) cover_artwork(cover.artwork, geo().height * st_.components.cover_band_at);
  at_top_ = true;
}

// The cover's artwork, centred across the frame between the tagline (or the layout's
// cover.artwork-at, if lower) and the foot band, no taller than cover.artwork-height of the page.
// A figure with its alt text; without one, decoration.
void PageFlow::cover_artwork(const Image& art, Pt band_top) {
  const Pt gap = st_.cover_tagline.leading;
  const Pt top = std::max(y_ + gap / 2, geo().height * st_.components.cover_artwork_at);
  const Pt room = std::min(band_top - gap / 2 - top, geo().height * st_.components.cover_artwork_height);
  const double aspect = art.vector ? art.vector->view_height / art.vector->view_width
                        : art.pixel_width > 0 ? static_cast<double>(art.pixel_height) / art.pixel_width : 0;
  if (room <= Pt(0) || aspect <= 0) return;
  Pt width = frame_width(), height = width * aspect;
  if (height > room) width = width * (room / height), height = room;
  const Pt x = frame_left() + (frame_width() - width) / 2, y = top + (room - height) / 2;
  if (!art.vector) ctx_.check_resolution(art.src, art.pixel_width, width, art.pos);
  std::vector<FrameItem> drawn;
  if (art.vector) drawn.emplace_back(vector_group(*art.vector, x, y, width, height, st_.accents.front(), st_));
  else drawn.emplace_back(ImageItem{x, y, width, height, art.src, art.alt});
  Frame f;
  if (art.alt.empty()) {
    f.artifact(ArtifactKind::Layout, std::move(drawn));
  } else {
    const uint32_t id = ctx_.new_id();
    f.push(TagItem{true, Role::Figure, id, 0, {}, art.alt, {}});
    for (auto& item : drawn) f.push(std::move(item));
    f.push(TagItem{false, Role::Figure, id, 0, {}, {}, {}});
  }
  put(std::move(f), Pt(0), Pt(0));
}

void PageFlow::foot_band(Pt top, const InlineText& t) {
  const Pt bleed = geo().bleed;
  Frame f;
  PathItem band = PathItem::rect(-bleed, top, geo().width + bleed * 2, geo().height - top + bleed);
  band.fill = st_.section_title.colour;
  decorate(f, std::move(band), ArtifactKind::Background);
  TextStyle style = st_.cover_subtitle;
  style.colour = st_.white;
  style.align = Align::Center;
  auto lines = ctx_.set(t, style, frame_width());
  const Pt height = height_of(lines);
  const uint32_t id = ctx_.new_id();
  f.begin(Role::Paragraph, id);
  // Centred in the band, but no lower than the frame's foot: it keeps out of the bottom margin.
  const Pt y = std::max(top, std::min(top + (geo().height - top - height) / 2, frame_bottom() - height));
  draw_lines(f, std::move(lines), frame_left(), y);
  f.end(Role::Paragraph, id);
  put(std::move(f), Pt(0), Pt(0));
}

void PageFlow::notes_page(const InlineText& title) {
  new_page(false);
  text(title, st_.section_title, Role::Heading, 1);
  Frame rules;
  for (Pt y = y_ + st_.body.leading * 2; y < frame_bottom(); y += st_.body.leading * 2) {
    PathItem rule = PathItem::line(frame_left(), y, frame_left() + frame_width(), y);
    rule.stroke = st_.footer.colour;
    rule.line_width = Pt(0.5);
    rules.push(std::move(rule));
  }
  Frame f;
  f.artifact(ArtifactKind::Layout, std::move(rules.items));
  put(std::move(f), Pt(0), Pt(0));
  at_top_ = true;
}

// The contents page shows the page each section begins on. Every entry keeps room for a number
// of three digits (more when a layout before found later pages), so what a number says moves
// nothing. A first layout cannot know the numbers yet: its entries wait until the sections have
// been laid out (finish_contents). A sink that fills them in later (the PDF writer) gets the
// contents page at once, each number drawn for page 1 as a placeholder, and the real ones
// after the last section; for any other the contents page and those after it are held. A
// document too long to wait for (kMostHeldForContents pages after its contents) goes on without
// them and is laid out again, knowing them.
void PageFlow::lay_out_contents(const ContentsPage& contents) {
  new_page(true);
  {
    Frame anchor;
    anchor.anchors.push_back(Anchor{plain_text(contents.title), 0, Pt(0), {}});
    put(std::move(anchor), Pt(0), y_);
  }
  text(contents.title, st_.section_title, Role::Heading, 1);
  const TextStyle& style = st_.contents_entry;
  int digits = 3;
  for (const auto& [section, page] : known_pages_) digits = std::max(digits, static_cast<int>(std::to_string(page).size()));
  const Pt room = number_room(digits) + style.size * 1.5;
  const uint32_t toc = ctx_.new_id();
  page().items.push_back(TagItem{true, Role::Contents, toc, 0, {}, {}, {}});
  for (size_t i = 0; i < doc_.content.size(); ++i) {
    const auto* s = std::get_if<Section>(&doc_.content[i]);
    if (!s) continue;
    auto lines = ctx_.set(s->title, style, frame_width() - room);
    if (lines.empty()) continue;
    const Pt height = height_of(lines);
    if (!at_top_ && y_ + height > frame_bottom() + Pt(0.01)) {
      page().items.push_back(TagItem{false, Role::Contents, toc, 0, {}, {}, {}});
      new_page(true);
      page().items.push_back(TagItem{true, Role::Contents, toc, 0, {}, {}, {}});
    }
    if (known_pages_.empty() && !contents_wait_ && contents_complete_) contents_wait_ = page_index();
    const Line& last = lines.back();
    ContentsEntry entry{i, page_index(), frame_left(), frame_width(), y_, height, y_ + height - last.height, last.baseline, last.width};
    const uint32_t id = ctx_.new_id();
    Frame f;
    f.begin(Role::ContentsEntry, id);
    // The entry's link holds its text and, once known, its number (id 0: never split).
    f.begin(Role::Link, 0);
    draw_lines(f, std::move(lines), Pt(0), Pt(0));
    put(std::move(f), frame_left(), y_);
    entry.items_end = page().items.size();
    page().items.push_back(TagItem{false, Role::Link, 0, 0, {}, {}, {}});
    page().items.push_back(TagItem{false, Role::ContentsEntry, id, 0, {}, {}, {}});
    y_ += entry.height + style.space_after;
    at_top_ = false;
    auto known = known_pages_.find(i);
    if (known != known_pages_.end()) {
      draw_contents_number(entry, known->second);
    } else if (contents_complete_) {
      if (fill_in_later_) {
        // The page goes with a number for page 1 in the number's place, replaced by fill_in().
        const size_t before = page().items.size();
        draw_contents_number(entry, 1);
        page().placeholders.push_back(Placeholder{entry.items_end, page().items.size() - before});
      }
      waiting_.push_back(entry);
    }
  }
  page().items.push_back(TagItem{false, Role::Contents, toc, 0, {}, {}, {}});
}

Pt PageFlow::number_room(int digits) {
  Pt widest;
  for (char d = '0'; d <= '9'; ++d) widest = std::max(widest, ctx_.line(std::string(1, d), st_.contents_entry).width);
  return widest * digits;
}

void PageFlow::draw_contents_number(const ContentsEntry& entry, int target) {
  std::vector<FrameItem> number = contents_number(entry, target);
  auto& items = page_at(entry.page).items;
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(entry.items_end), std::make_move_iterator(number.begin()),
               std::make_move_iterator(number.end()));
}

std::vector<FrameItem> PageFlow::contents_number(const ContentsEntry& entry, int target) {
  const TextStyle& style = st_.contents_entry;
  Frame number;  // its items, to go after the entry's lines (the page is read in that order)
  Line num = ctx_.line(std::to_string(target), style);
  const Pt num_x = entry.left + entry.width - num.width;
  draw_line(number, std::move(num), num_x, entry.last_top);
  // Dot leaders from the title's end to the number.
  const Pt dots_from = entry.left + entry.last_width + style.size * 0.6, dots_to = num_x - style.size * 0.6;
  if (dots_to > dots_from) {
    const Pt y = entry.last_top + entry.last_baseline;
    PathItem dots = PathItem::line(dots_from, y, dots_to, y);
    dots.stroke = style.colour;
    dots.line_width = style.size * 0.12;
    dots.dotted = true;
    decorate(number, std::move(dots));
  }
  number.push(LinkItem{entry.left, entry.top, entry.width, entry.height, "", target - 1});
  return std::move(number.items);
}

void PageFlow::finish_contents() {
  if (fill_in_later_) {
    // The pages went with placeholders: their numbers go after them, page by page.
    for (size_t i = 0; i < waiting_.size();) {
      const int page = waiting_[i].page;
      std::vector<std::vector<FrameItem>> numbers;
      for (; i < waiting_.size() && waiting_[i].page == page; ++i)
        numbers.push_back(contents_number(waiting_[i], section_pages_.at(waiting_[i].section)));
      sink_->fill_in(static_cast<size_t>(page), std::move(numbers));
    }
  } else {
    // From the last entry back, so that each one's place among its page's items still holds.
    for (auto it = waiting_.rbegin(); it != waiting_.rend(); ++it) draw_contents_number(*it, section_pages_.at(it->section));
  }
  waiting_.clear();
  contents_wait_.reset();
}

void PageFlow::give_up_waiting() {
  waiting_.clear();
  contents_wait_.reset();
  contents_complete_ = false;
  sink_ = &discard_;
}

void PageFlow::lay_out_section(const Section& s, size_t index) {
  if (st_.section_start != Edition::SectionStart::Continue || page_count() == 0) {
    new_page(true);
    if (st_.section_start == Edition::SectionStart::RightHandPage && !right_hand()) {
      open_.back().footer = false;  // a blank left-hand page before the section
      new_page(true);
    }
    const Pt bleed = geo().bleed;
    Frame f;
    PathItem band = PathItem::rect(-bleed, -bleed, geo().width + bleed * 2, bleed + geo().margin_top * st_.components.section_band);
    band.fill = st_.section_title.colour;
    decorate(f, std::move(band), ArtifactKind::Background);
    put(std::move(f), Pt(0), Pt(0));
    at_top_ = true;
  } else if (!at_top_) {
    y_ += st_.section_title.space_before;
  }
  section_pages_[index] = page_index() + 1;
  ctx_.quizzes.clear();
  ctx_.spots.clear();
  ctx_.word_searches.clear();
  const uint32_t id = ctx_.new_id();
  // The section's frames, each wrapped in its tags, go onto the pages as they are finished.
  Pt top = y_;
  auto place = [&](Frame&& frame) {
    page().items.push_back(TagItem{true, Role::Section, id, 0, {}, {}, {}});
    const Pt h = frame.height;
    put(std::move(frame), frame_left(), top);
    page().items.push_back(TagItem{false, Role::Section, id, 0, {}, {}, {}});
    y_ = top + h;
  };
  auto next_page = [&](Frame&& frame) {
    place(std::move(frame));
    new_page(true);
    top = y_;
  };
  std::optional<SectionLaidOut> ahead;
  if (sections_ahead_ && at_top_ && y_ == geo().margin_top)
    ahead = sections_ahead_->take(index, right_hand(), ctx_.quote_colour);
  if (ahead) {
    const uint32_t offset = ctx_.next_id - ahead->id_base;
    for (Frame& f : ahead->frames) renumber(f.items, ahead->id_base, offset);
    ctx_.next_id += ahead->id_end - ahead->id_base;
    ctx_.quote_colour += ahead->quote_end - ahead->quote_start;
    ctx_.diags.append(ahead->diags);
    for (size_t i = 0; i + 1 < ahead->frames.size(); ++i) next_page(std::move(ahead->frames[i]));
    place(std::move(ahead->frames.back()));
    return;
  }
  place(flow_section(s, ctx_, regions(), next_page));
}

void PageFlow::lay_out_back_cover(const BackCover& back) {
  // The back cover is the last page: a left-hand page in a booklet, so pad before it.
  new_page(false);
  const size_t multiple = static_cast<size_t>(st_.pad_to_multiple);
  while (multiple > 1 && page_count() % multiple != 0) {
    open_.pop_back();  // the page just begun, which no one has drawn on
    notes_page(InlineText{Inline{doc_.info.words.notes, false, false, "", back.pos, {}}});
    new_page(false);
  }
  // The back cover's blocks on its one page, above the band: from twice the top margin down,
  // or from the top margin when they need the room.
  const Pt band_top = geo().height * st_.components.back_cover_band_at;
  Fragment f;
  for (Pt top : {geo().margin_top * 2, geo().margin_top}) {
    y_ = top;
    Regions r = regions();
    r.first = r.full = band_top - Pt(6) - y_;
    BlockFlow flow(ctx_, r);
    for (const auto& b : back.blocks) flow.add(b);
    f = flow.finish();
    if (f.frames.size() == 1) break;
  }
  // What does not fit is still drawn (over the band), and said.
  if (f.frames.size() > 1) ctx_.overflow(back.pos, "the back cover's blocks do not fit above its band");
  for (auto& frame : f.frames) {
    const Pt h = frame.height;
    put(std::move(frame), frame_left(), y_);
    y_ += h;
  }
  // After the blocks, so that the organisation is read last.
  foot_band(geo().height * st_.components.back_cover_band_at, InlineText{Inline{doc_.info.organisation, false, false, "", back.pos, {}}});
  at_top_ = true;
}

void PageFlow::pad_pages() {
  const size_t multiple = static_cast<size_t>(st_.pad_to_multiple);
  while (page_count() % multiple != 0) notes_page(InlineText{Inline{doc_.info.words.notes, false, false, "", {}, {}}});
}

void PageFlow::draw_footer(Page& pg, size_t index) {
  const TextStyle& style = st_.footer;
  const bool right = index % 2 == 0;  // page index + 1 odd: right-hand
  const Pt top = geo().height - geo().margin_bottom / 2 - style.leading / 2;
  const Pt left = right ? geo().margin_inside : geo().margin_outside;
  const Pt right_edge = geo().width - (right ? geo().margin_outside : geo().margin_inside);
  Line number = ctx_.line(pg.label, style);
  Line title = ctx_.line(doc_.info.short_name, style);
  // The number at the outside corner, the short title at the inside.
  Frame f;
  const Pt number_x = right ? right_edge - number.width : left, title_x = right ? left : right_edge - title.width;
  draw_line(f, std::move(number), number_x, top);
  draw_line(f, std::move(title), title_x, top);
  Frame footer;
  footer.artifact(ArtifactKind::Pagination, std::move(f.items));
  for (auto& item : footer.items) pg.items.push_back(std::move(item));
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

size_t lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags, PageSink& sink,
               const LayoutOptions& options) {
  // One layout, unless its contents page could not wait for the sections' pages: then again,
  // knowing them, until they stop changing. Each layout says the same things about the same
  // text, so each diagnostic is kept once.
  Diagnostics found;
  ParagraphSetter setter(fonts, found, doc.path, doc.info.language);
  std::map<size_t, int> pages;
  size_t count = 0;
  // With a spare core: sections that begin on pages of their own laid out ahead, or else the
  // paragraphs of sections that run on from one another set ahead.
  std::optional<SectionsAhead> sections;
  std::optional<ParagraphsAhead> paragraphs;
  if (options.second_thread && styles.section_start != Edition::SectionStart::Continue)
    sections.emplace(doc, styles, fonts, [&styles](bool right_hand) {
      return page_regions(styles.page, styles.page.margin_top, true, right_hand);
    });
  else if (options.second_thread)
    paragraphs.emplace(doc, styles, fonts, frame_width(styles.page));
  for (int round = 0; round < 5; ++round) {
    PageFlow flow(doc, styles, setter, found, pages, sink, paragraphs ? &*paragraphs : nullptr,
                  sections ? &*sections : nullptr);
    count = flow.run();
    if (flow.contents_complete() && (round == 0 || flow.section_pages() == pages)) break;
    pages = flow.section_pages();
    if (round == 4) found.warning(doc.path, {}, "the contents' page numbers did not settle after 5 layouts");
  }
  diags.append_unique(found);
  if (options.ahead_counts && sections) *options.ahead_counts = {sections->taken(), sections->count(), "sections"};
  if (options.ahead_counts && paragraphs) *options.ahead_counts = {paragraphs->taken(), paragraphs->count(), "paragraphs"};
  return count;
}

DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags,
                    const LayoutOptions& options) {
  DisplayList list;
  Collect collect(list);
  lay_out(doc, styles, fonts, diags, collect, options);
  return list;
}

}  // namespace lp
