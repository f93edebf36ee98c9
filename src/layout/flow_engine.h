#pragma once
// Internal to src/layout: the state of laying out one edition, and the primitives the block
// layouts share (lines, panels, keeps, pages). Blocks are in blocks.cpp, figures.cpp and
// wordsearch.cpp; pages, sections and the contents in flow.cpp.
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "model/document.h"
#include "style/style.h"
#include "text/paragraph.h"

namespace lp {

// A word search's grid and where each word lies in it.
struct WordSearchGrid {
  int size = 0;
  std::vector<std::string> cells;  // size * size letters, row by row (UTF-8)
  struct Placement {
    std::string word;
    int row = 0, col = 0, drow = 0, dcol = 0, length = 0;
  };
  std::vector<Placement> placements;
};

WordSearchGrid make_word_search(const WordSearch& ws, Diagnostics& diags, const std::string& file);

class Flow {
 public:
  // `section_pages`: where the sections began in the layout before, for the contents page; none
  // in a first layout, whose contents page waits for them (see lay_out_contents).
  Flow(const Document& doc, const StyleSheet& styles, ParagraphSetter& setter, Diagnostics& diags,
       const std::map<size_t, int>& section_pages, PageSink& sink);
  // Lays out the document, sending each page to the sink as it is finished; returns the number
  // of pages.
  size_t run();
  // The page (1-based) each section started on, by its index in the content.
  const std::map<size_t, int>& section_pages() const { return section_pages_; }
  // The contents page (if any) shows the pages where this layout's sections begin. False when
  // a first layout gave up waiting for them: its contents page went without numbers (and its
  // pages from then on to no sink), and a layout that knows them must follow.
  bool contents_complete() const { return contents_complete_; }

 private:
  // --- pages and the frame (flow.cpp)
  const PageGeometry& geo() const { return st_.page; }
  size_t page_count() const { return shipped_ + open_.size(); }
  bool right_hand() const { return page_count() % 2 == 1; }  // page 1 is a right-hand page
  Pt frame_left() const { return (right_hand() ? geo().margin_inside : geo().margin_outside) + indent_; }
  Pt frame_width() const { return geo().width - geo().margin_inside - geo().margin_outside - indent_; }
  Pt frame_bottom() const { return geo().height - geo().margin_bottom; }
  Pt room() const { return frame_bottom() - y_; }
  Page& page() { return open_.back().page; }
  int page_index() const { return static_cast<int>(page_count()) - 1; }
  // A page not yet sent: the current one, or one after a hold.
  Page& page_at(int index) { return open_[static_cast<size_t>(index) - shipped_].page; }

  void new_page(bool footer);
  // Sends the pages before the current one, but none from the earliest hold on.
  void ship_finished();
  void ship_front();
  void ensure_room(Pt height);
  void space(Pt amount);
  void add(DisplayItem item) { page().items.push_back(std::move(item)); }

  // --- text
  std::vector<TextSpan> spans(const InlineText& text, const TextStyle& style);
  std::vector<TextSpan> spans(const std::string& text, const TextStyle& style, const std::string& link = "");
  std::vector<Line> set(const InlineText& text, const TextStyle& style, Pt width);
  Pt height_of(const std::vector<Line>& lines) const;
  // Draws lines with their top at `top`; returns the bottom. Links get their rectangles.
  Pt draw_lines(const std::vector<Line>& lines, Pt x, Pt top, Page& on);
  void draw_line_at(Line line, Pt x, Pt top, Page& on);  // an rvalue line gives its glyphs up
  // Lines flowing down the frame, broken across pages with no fewer than two lines on either
  // side; `keep` more height must fit below the last line.
  void flow_lines(std::vector<Line> lines, Pt indent, Pt keep = Pt(0));
  void paragraph(const InlineText& text, const TextStyle& style, Pt keep = Pt(0));
  void outline(const InlineText& title, int level);
  // Items of known height in `columns` columns, filled down the first column, then the next
  // (the order a reader and a text extractor follow), balanced on the last page.
  Pt column_width(Pt gutter) const;
  void column_flow(size_t count, Pt gutter, const std::function<Pt(size_t)>& height,
                   const std::function<void(size_t, Pt x, Pt y)>& draw);
  // Items of alike height in rows of `columns`, each row as tall as its tallest item (cards,
  // tiles: read across, row by row). `draw` gets the row's height.
  void grid_flow(size_t count, Pt gutter, const std::function<Pt(size_t)>& height,
                 const std::function<void(size_t, Pt x, Pt y, Pt row_height)>& draw);
  const Colour& accent(size_t i) const { return st_.accents[i % st_.accents.size()]; }

  // --- content items (flow.cpp)
  void lay_out_cover(const Cover& cover);
  void lay_out_notes(const NotesPage& notes);
  void lay_out_contents(const ContentsPage& contents);
  void lay_out_section(const Section& s, size_t index);
  void lay_out_back_cover(const BackCover& back);
  // A band of the title colour across the page's foot, into the bleed, with `text` in it.
  void foot_band(Pt top, const InlineText& text);
  void notes_page(const InlineText& title);
  void pad_pages();
  void draw_footer(Page& page, size_t index);

  // --- blocks (blocks.cpp, figures.cpp, wordsearch.cpp)
  void block(const Block& b);
  void lay_out_block(const Paragraph& p);
  void lay_out_block(const Heading& h);
  void lay_out_block(const ListBlock& l);
  void lay_out_block(const Quote& q);
  void lay_out_block(const Quotes& q);
  void lay_out_block(const People& p);
  void lay_out_block(const Timeline& t);
  void lay_out_block(const Stats& s);
  void lay_out_block(const Chart& c);
  void lay_out_block(const Image& i);
  void lay_out_block(const Callout& c);
  void lay_out_block(const WordSearch& w);
  void lay_out_block(const Quiz& q);
  void lay_out_block(const SpotTheDifference& s);
  void lay_out_block(const Answers& a);
  void lay_out_block(const Contact& c);
  void lay_out_block(const PageBreak&);
  // A quote panel `width` wide at (x, top) on the current page, or its height if !draw.
  Pt quote_panel(const Quote& q, size_t colour, Pt x, Pt top, Pt width, bool draw);
  void stat_band(const Stats& s);
  void puzzle_heading(const InlineText& title, const InlineText& hint, SourcePos pos);
  void draw_word_search(const WordSearchGrid& grid, Pt cell, bool solution);
  std::string format_number(double v) const;
  // --- the contents page (flow.cpp)
  struct ContentsEntry {
    size_t section = 0;  // its index in the content
    int page = 0;        // the contents page it is on
    Pt left, width;      // that page's frame
    Pt top, height;      // the entry's lines
    Pt last_top, last_baseline, last_width;  // its last line's
    size_t items_end = 0;  // where its number goes among the page's items: after its lines
  };
  // Room kept at the right of every entry for its page number: as wide as `digits` of the
  // widest digit, so that no number moves the entries (nor the pages after them).
  Pt number_room(int digits);
  void draw_contents_number(const ContentsEntry& entry, int target);
  // Draws the numbers of the entries waiting for them and lets their pages go.
  void finish_contents();
  void give_up_waiting();

  const Document& doc_;
  const StyleSheet& st_;
  Diagnostics& diags_;
  ParagraphSetter& setter_;  // shared by the rounds of a layout: its word cache stays warm
  PageSink* sink_;
  DiscardPages discard_;  // the sink once a first layout has given up waiting for the contents
  DocumentInfo info_;
  // Pages not yet sent to the sink, and whether each gets a footer (drawn as it is sent).
  struct OpenPage {
    Page page;
    bool footer = true;
  };
  std::deque<OpenPage> open_;
  size_t shipped_ = 0;
  std::vector<int> holds_;  // pages a block may still draw on (a callout's rule)
  // A first layout's contents entries, waiting for their sections' pages; the contents' first
  // page and those after it are held meanwhile, up to kMostHeldForContents pages.
  std::vector<ContentsEntry> waiting_;
  std::optional<int> contents_hold_;
  bool contents_complete_ = true;
  static constexpr size_t kMostHeldForContents = 96;
  std::vector<OutlineEntry> outline_;
  std::map<size_t, int> section_pages_;        // found in this run
  const std::map<size_t, int>& known_pages_;  // from the run before, for the contents
  Pt y_;                 // the cursor, from the top of the trim
  bool at_top_ = true;   // nothing placed in the frame of this page yet
  Pt indent_;            // extra left indent of the frame (callouts)
  size_t quote_colour_ = 0;
  // What the section's answers block prints.
  std::vector<const Quiz*> quizzes_;
  std::vector<const SpotTheDifference*> spots_;
  std::vector<std::pair<const WordSearch*, WordSearchGrid>> word_searches_;
};

}  // namespace lp
