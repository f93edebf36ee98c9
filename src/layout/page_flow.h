#pragma once
// Internal to src/layout: the pages of one edition: the cover, Notes pages, the contents, the
// sections flowing down their pages (block_flow.h), the back cover, footers and padding. Each
// page goes to the sink as soon as nothing more will be drawn on it.
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "layout/context.h"
#include "layout/display_list.h"
#include "layout/regions.h"

namespace lp {

class SectionsAhead;

// The measure of a page's frame, and its bottom from the top of the trim.
inline Pt frame_width(const PageGeometry& geo) { return geo.width - geo.margin_inside - geo.margin_outside; }
inline Pt frame_bottom(const PageGeometry& geo) { return geo.height - geo.margin_bottom; }
// The regions from `y` down a page's frame (`at_top`: nothing placed in it yet), then whole
// frames of the pages after it.
Regions page_regions(const PageGeometry& geo, Pt y, bool at_top, bool right_hand);
// A section's title, subtitle and blocks flowed down `regions`: each region's frame goes to
// `done` as it ends; the last one is returned.
Frame flow_section(const Section& s, LayoutContext& ctx, const Regions& regions, const std::function<void(Frame&&)>& done);

class PageFlow {
 public:
  // `section_pages`: where the sections began in the layout before, for the contents page; none
  // in a first layout, whose contents page waits for them (see lay_out_contents).
  // `paragraphs`, `sections`: the sections' paragraphs or the sections themselves done on
  // another thread, if any.
  PageFlow(const Document& doc, const StyleSheet& styles, ParagraphSetter& setter, Diagnostics& diags,
           const std::map<size_t, int>& section_pages, PageSink& sink, ParagraphsAhead* paragraphs = nullptr,
           SectionsAhead* sections = nullptr);
  // Lays out the document, sending each page to the sink as it is finished; returns the number
  // of pages.
  size_t run();
  // The page (1-based) each section started on, by its index in the content.
  const std::map<size_t, int>& section_pages() const { return section_pages_; }
  // False when a first layout gave up waiting for the sections' pages: its contents page went
  // without numbers (and its pages from then on to no sink), and a layout that knows them must
  // follow.
  bool contents_complete() const { return contents_complete_; }

 private:
  const PageGeometry& geo() const { return st_.page; }
  size_t page_count() const { return shipped_ + open_.size(); }
  bool right_hand() const { return page_count() % 2 == 1; }  // page 1 is a right-hand page
  Pt frame_left() const { return right_hand() ? geo().margin_inside : geo().margin_outside; }
  Pt frame_width() const { return lp::frame_width(geo()); }
  Pt frame_bottom() const { return lp::frame_bottom(geo()); }
  Page& page() { return open_.back().page; }
  int page_index() const { return static_cast<int>(page_count()) - 1; }
  Page& page_at(int index) { return open_[static_cast<size_t>(index) - shipped_].page; }
  // The regions from the cursor on: the rest of this page's frame, then whole frames.
  Regions regions() const;

  void new_page(bool footer);
  void ship_finished();
  void ship_front();
  // Moves a frame's items onto the current page at (x, y); its anchors become bookmarks.
  void put(Frame&& frame, Pt x, Pt y);
  // Text set across the frame at the cursor (cover and Notes pages: never split).
  void text(const InlineText& text, const TextStyle& style, Role role, int level = 0);

  void lay_out_cover(const Cover& cover);
  void lay_out_contents(const ContentsPage& contents);
  void lay_out_section(const Section& s, size_t index);
  void lay_out_back_cover(const BackCover& back);
  void foot_band(Pt top, const InlineText& text);
  void cover_artwork(const Image& art, Pt band_top);
  void notes_page(const InlineText& title);
  void pad_pages();
  void draw_footer(Page& page, size_t index);

  // --- the contents page
  struct ContentsEntry {
    size_t section = 0;  // its index in the content
    int page = 0;        // the contents page it is on
    Pt left, width;      // that page's frame
    Pt top, height;      // the entry's lines
    Pt last_top, last_baseline, last_width;  // its last line's
    size_t items_end = 0;  // where its number goes among the page's items: after its lines
  };
  Pt number_room(int digits);
  void draw_contents_number(const ContentsEntry& entry, int target);
  // The number, dot leader and link of an entry that goes to `target` (its items, in the order
  // they go after the entry's lines).
  std::vector<FrameItem> contents_number(const ContentsEntry& entry, int target);
  void finish_contents();
  void give_up_waiting();

  const Document& doc_;
  const StyleSheet& st_;
  LayoutContext ctx_;
  SectionsAhead* sections_ahead_;
  PageSink* sink_;
  DiscardPages discard_;
  DocumentInfo info_;
  struct OpenPage {
    Page page;
    bool footer = true;
  };
  std::deque<OpenPage> open_;
  size_t shipped_ = 0;
  std::vector<ContentsEntry> waiting_;
  // The first contents page waiting for the sections' page numbers: held with the pages after
  // it, or, when the sink fills them in later, sent with placeholders (Page::placeholders).
  std::optional<int> contents_wait_;
  bool fill_in_later_ = false;
  bool contents_complete_ = true;
  static constexpr size_t kMostHeldForContents = 96;
  std::vector<OutlineEntry> outline_;
  std::map<size_t, int> section_pages_;
  const std::map<size_t, int>& known_pages_;
  Pt y_;                // the cursor on the current page, from the top of the trim
  bool at_top_ = true;  // nothing placed in the frame of this page yet
};

}  // namespace lp
