#pragma once
// Frames: what layout makes and output draws. A frame holds items at absolute positions in its
// own coordinates (points from its top-left corner, y down): glyph runs, paths, images, links,
// groups (a sub-tree with a transform and an optional clip) and tags (where a semantic element
// or a piece of page furniture begins and ends). No PDF types.
#include <algorithm>
#include <cstdint>
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
  bool even_odd = false;   // fill rule: even-odd instead of non-zero winding
  bool dotted = false;     // stroke as round dots, one line width across, spaced three apart
  bool round_cap = false;  // stroke ends rounded (highlight bars)
  bool square_cap = false;  // stroke ends squared off beyond the end point
  enum class Join { Miter, Round, Bevel } join = Join::Miter;
  double fill_opacity = 1, stroke_opacity = 1;  // below 1: see-through
  std::vector<Pt> dash;    // dash pattern (on, off, …); empty: solid

  static PathItem rect(Pt x, Pt y, Pt w, Pt h);
  static PathItem rounded_rect(Pt x, Pt y, Pt w, Pt h, Pt r);
  static PathItem circle(Pt cx, Pt cy, Pt r);
  static PathItem line(Pt x1, Pt y1, Pt x2, Pt y2);
};

struct LinkItem {
  Pt x, y, width, height;
  std::string uri;       // external target ("#id": the place of a section's id in this document), or
  int target_page = -1;  // an internal target (0-based page index)
};

struct ImageItem {
  Pt x, y, width, height;
  std::string path;  // a PNG or JPEG file
  std::string alt;   // what it shows, for readers who cannot see it
};

// What a tag marks: a semantic element (for the structure tree of a tagged PDF), or an
// artifact (page furniture, decoration, backgrounds: drawn, but not content).
enum class Role {
  Section, Heading, Paragraph, List, ListItem, Label, ListBody, Quote, Figure, Caption,
  Table, TableRow, TableHeader, TableCell, Link, Span, Contents, ContentsEntry, Artifact
};
enum class ArtifactKind { Pagination, Layout, Background };

// The start or end of an element. An element split across frames (a paragraph over a page
// break) is closed at the end of each frame and opened again in the next, with the same id.
struct TagItem {
  bool start = true;
  Role role = Role::Paragraph;
  uint32_t id = 0;      // the element's, the same in every frame it reaches
  int level = 0;        // a heading's: 1 for a section title, 2 and 3 below it
  ArtifactKind artifact = ArtifactKind::Layout;
  std::string alt;      // a figure's text for readers who cannot see it
  std::string lang;     // when it differs from the document's
};

// An affine map from a group's coordinates to its parent's: x' = a x + c y + e, y' = b x + d y + f.
struct Transform {
  double a = 1, b = 0, c = 0, d = 1;
  Pt e, f;
  static Transform translate(Pt x, Pt y) { return {1, 0, 0, 1, x, y}; }
  static Transform rotate_180_about(Pt cx, Pt cy) { return {-1, 0, 0, -1, cx * 2, cy * 2}; }
  bool is_translation() const { return a == 1 && b == 0 && c == 0 && d == 1; }
};

struct FrameItem;

struct GroupItem {
  Transform transform;
  std::optional<std::vector<PathOp>> clip;  // in the group's coordinates
  std::vector<FrameItem> items;
};

struct FrameItem : std::variant<GlyphRunItem, PathItem, LinkItem, ImageItem, TagItem, GroupItem> {
  using variant::variant;
};

// A place a bookmark or an internal link may point to.
struct Anchor {
  std::string title;
  int level = 0;  // 0 for a section, 1 for a heading inside it
  Pt y;
  std::string id;  // the section's id, where "#id" links go; may be empty
};

struct Frame {
  Pt width, height;  // the size used (a fragment's frame: as tall as what it holds)
  std::vector<FrameItem> items;
  std::vector<Anchor> anchors;

  bool empty() const { return items.empty(); }
  void push(FrameItem item) { items.push_back(std::move(item)); }
  // Moves `child`'s items into this frame with its top-left corner at (x, y).
  void place(Frame&& child, Pt x, Pt y);
  void begin(Role role, uint32_t id, int level = 0) { push(TagItem{true, role, id, level, {}, {}, {}}); }
  void end(Role role, uint32_t id) { push(TagItem{false, role, id, 0, {}, {}, {}}); }
  // Page furniture, decoration, backgrounds: one artifact around the given items.
  void artifact(ArtifactKind kind, std::vector<FrameItem> drawn);
};

// Room for `more` items, growing as push_back does (an exact reserve in a loop is quadratic).
inline void reserve_more(std::vector<FrameItem>& items, size_t more) {
  if (items.size() + more > items.capacity()) items.reserve(std::max(items.size() + more, items.capacity() * 2));
}

// Moves an item by (dx, dy).
void translate(FrameItem& item, Pt dx, Pt dy);

}  // namespace lp
