#pragma once
// The contract between layout and output: pages of absolutely positioned glyph runs, paths and
// links. No PDF types. Coordinates are points from the top-left corner of the trim box, y down.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "style/style.h"
#include "text/glyph_run.h"

namespace lp {

struct GlyphRunItem {
  Pt x, y;  // origin of the first glyph, on the baseline
  GlyphRun run;
};

struct PathOp {
  enum class Kind { MoveTo, LineTo, CurveTo, Close } kind = Kind::MoveTo;
  Pt x1, y1, x2, y2, x3, y3;  // MoveTo/LineTo use (x1, y1); CurveTo uses all three points

  static PathOp move(Pt x, Pt y) { return {Kind::MoveTo, x, y, {}, {}, {}, {}}; }
  static PathOp line(Pt x, Pt y) { return {Kind::LineTo, x, y, {}, {}, {}, {}}; }
  static PathOp curve(Pt x1, Pt y1, Pt x2, Pt y2, Pt x3, Pt y3) { return {Kind::CurveTo, x1, y1, x2, y2, x3, y3}; }
  static PathOp close() { return {Kind::Close, {}, {}, {}, {}, {}, {}}; }
};

struct PathItem {
  std::vector<PathOp> ops;
  std::optional<Colour> fill;
  std::optional<Colour> stroke;
  Pt line_width{1};
  bool dotted = false;     // stroke as round dots, one line width across, spaced three apart
  bool round_cap = false;  // stroke ends rounded (highlight bars)

  static PathItem rect(Pt x, Pt y, Pt w, Pt h);
  static PathItem rounded_rect(Pt x, Pt y, Pt w, Pt h, Pt r);
  static PathItem circle(Pt cx, Pt cy, Pt r);
  static PathItem line(Pt x1, Pt y1, Pt x2, Pt y2);
};

struct LinkItem {
  Pt x, y, width, height;
  std::string uri;       // external target, or
  int target_page = -1;  // an internal target (0-based page index)
};

struct ImageItem {
  Pt x, y, width, height;
  std::string path;  // a PNG or JPEG file
  std::string alt;   // what it shows, for readers who cannot see it
};

using DisplayItem = std::variant<GlyphRunItem, PathItem, LinkItem, ImageItem>;

struct Page {
  std::string label;  // the printed page number
  std::vector<DisplayItem> items;
};

// A bookmark: level 0 for a section, 1 for a heading inside it.
struct OutlineEntry {
  std::string title;
  int level = 0;
  int page = 0;  // 0-based page index
  Pt y;          // top of the target on that page
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
