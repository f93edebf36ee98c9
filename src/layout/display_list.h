#pragma once
// The contract between layout and output: pages, each a frame tree (frame.h) the size of the
// trim box, sent one by one to a PageSink. No PDF types. Coordinates are points from the
// top-left corner of the trim box, y down; artifacts may reach into the bleed.
#include <string>
#include <vector>

#include "layout/frame.h"

namespace lp {

struct Page {
  std::string label;  // the printed page number
  std::vector<FrameItem> items;
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
};

// Takes pages and keeps none (a layout run only for what it finds, or checked and let go).
class DiscardPages final : public PageSink {
 public:
  void begin(const DocumentInfo&) override {}
  void page(Page) override {}
  void end(std::vector<OutlineEntry>) override {}
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
