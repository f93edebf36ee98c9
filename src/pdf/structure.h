#pragma once
// Internal to src/pdf: the frame tree's tags as a PDF structure tree (ISO 32000-1, 14.7-14.8).
//
// The writer tells it every tag as it meets it and, before each thing it draws, asks it for the
// marked-content sequence that thing belongs to: the innermost open element's (`/P <</MCID n>>
// BDC`), or an artifact's (`/Artifact <</Type /Layout>> BDC`) when an artifact is open or no
// element is. Sequences are opened lazily and closed when what is drawn changes owner, before a
// group's q and Q, and at the page's end, so they nest with q/Q and BT/ET; the ActualText spans
// of the text go inside them. An element split over pages (the same id on the next page) stays
// one structure element with content on both. finish() writes the StructTreeRoot, its
// ParentTree and the catalog's MarkInfo.
#include <hpdf.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "layout/frame.h"

namespace lp {

// A rectangle in the PDF's coordinates (points, y up).
struct PdfBox {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  bool empty() const { return x0 > x1; }
  void add(double x, double y) {
    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  }
};

class StructureTree {
 public:
  StructureTree(HPDF_Doc doc, const std::string& language);

  // A page begins; its /StructParents is its index.
  void begin_page(HPDF_Page page);
  // A tag of the page's frame tree.
  void tag(const TagItem& tag, std::string& out);
  // Something is about to be drawn: opens the sequence it belongs to (closing another if need be).
  void draw(std::string& out);
  // Whether the next thing drawn is inside a figure, which wants its bounding box.
  bool wants_box() const { return figures_open_ > 0; }
  // The box, on the page, of what draw() was last called for.
  void drawn_box(const PdfBox& box);
  // Closes the open sequence, if any (before a group's q and after its Q).
  void interrupt(std::string& out);
  // The page's end: closes what is open; its MCIDs go into the parent tree.
  void end_page(std::string& out);

  // A link annotation drawn now, inside the innermost element open: a Link element made in its
  // place among that element's kids. Returns a handle for link_annotation().
  size_t link();
  // The annotation made for a link() at save time: the Link element's OBJR, the annotation's
  // /StructParent and /Contents.
  void link_annotation(size_t handle, HPDF_Annotation annot, HPDF_Page page, const std::string& contents);

  // The StructTreeRoot, ParentTree and MarkInfo on the catalog.
  void finish();

  size_t element_count() const { return elements_.size(); }

 private:
  struct Element {
    HPDF_Dict dict = nullptr;
    HPDF_Array kids = nullptr;
    HPDF_Page page = nullptr;  // of its first marked content (/Pg)
    Role role = Role::Paragraph;
    const char* type = "Document";  // its structure type, which also tags its marked content
    PdfBox box;                // a figure's, on `page`
    HPDF_Page box_page = nullptr;
  };
  struct Open {
    bool artifact = false;
    ArtifactKind kind = ArtifactKind::Layout;
    size_t element = 0;  // index into elements_
    uint32_t id = 0;
  };
  enum class Sequence { None, Artifact, Element };

  size_t new_element(const char* type, size_t parent);
  const char* type_of(const TagItem& tag) const;

  HPDF_Doc doc_;
  HPDF_Dict root_ = nullptr;
  std::vector<Element> elements_;          // [0] is the Document
  std::map<uint32_t, size_t> by_id_;       // the layout's element ids
  std::vector<Open> stack_;                // what is open where the writer stands
  int artifacts_open_ = 0, figures_open_ = 0;
  // The open marked-content sequence.
  Sequence open_ = Sequence::None;
  size_t open_element_ = 0;
  ArtifactKind open_kind_ = ArtifactKind::Layout;
  // The page being written, its index and the element of each of its MCIDs.
  HPDF_Page page_ = nullptr;
  int page_index_ = -1;
  std::vector<size_t> mcids_;
  // The parent tree: a page's MCIDs (arrays of elements), then each annotation's element.
  std::vector<HPDF_Array> page_parents_;
  std::vector<size_t> link_elements_;       // by link() handle
  std::vector<size_t> annotation_parents_;  // by /StructParent - page count
};

}  // namespace lp
