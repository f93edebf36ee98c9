#pragma once
// The contract between layout and output: pages, each a frame tree (frame.h) the size of the
// trim box, sent one by one to a PageSink. No PDF types. Coordinates are points from the
// top-left corner of the trim box, y down; artifacts may reach into the bleed.
#include <string>
#include <vector>

#include "layout/frame.h"

namespace lp {

// Items of a page that stand in for ones to come (PageSink::fill_in): `count` items from `first`.
struct Placeholder {
  size_t first = 0, count = 0;
};

struct Page {
  std::string label;  // the printed page number
  std::vector<FrameItem> items;
  // Only for a sink that fills_in_later(): a contents page sent before the sections' page
  // numbers are known has each entry's number, dot leader and link drawn for page 1, marked here.
  std::vector<Placeholder> placeholders;
};

// A bookmark: level 0 for a section, 1 for a heading inside it.
struct OutlineEntry {
  std::string title;
  int level = 0;
  int page = 0;  // 0-based page index
  Pt y;          // top of the target on that page
  std::string id;  // the section's id, where links to "#id" go; may be empty
};

// The document as a whole: its page boxes, colour model and metadata.
struct DocumentInfo {
  PageGeometry geometry;
  bool cmyk = false;
  std::string title, author, language, date;
};

// Where layout sends its pages, in order, each as soon as nothing more will be drawn on it, so
// that output can go on while layout does and a long document is never held whole.
class PageSink {
 public:
  virtual ~PageSink() = default;
  // A layout of the whole document begins; the pages of an earlier one, if any, are void (it
  // may have been given up before its end()).
  virtual void begin(const DocumentInfo& info) = 0;
  virtual void page(Page page) = 0;
  // The layout is complete; these are its bookmarks.
  virtual void end(std::vector<OutlineEntry> outline) = 0;

  // Whether the sink takes a contents page before the page numbers it shows are known, with
  // placeholders for them (Page::placeholders), and the items that replace them later through
  // fill_in(); else layout holds the contents page, and every page after it, until it knows them.
  virtual bool fills_in_later() const { return false; }
  // The items of page `index`'s placeholders, one list per placeholder in order, each as many
  // items of the same kinds as the placeholder's (a number, its dot leader, its link).
  virtual void fill_in(size_t /*index*/, std::vector<std::vector<FrameItem>> /*items*/) {}
};

// Takes pages and keeps none (a layout run only for what it finds, or checked and let go).
class DiscardPages final : public PageSink {
 public:
  void begin(const DocumentInfo&) override {}
  void page(Page) override {}
  void end(std::vector<OutlineEntry>) override {}
  bool fills_in_later() const override { return true; }
};

// A whole document in memory (dumps and tests).
struct DisplayList {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
};

// Deterministic text form, one item a line, lengths in points with two decimals.
std::string dump_display_list(const DisplayList& list);

}  // namespace lp
