#pragma once
// Internal to src/pdf: the frame tree's tags as a PDF structure tree (ISO 32000-1, 14.7-14.8).
//
// The writer tells it every tag as it meets it and, before each thing it draws, asks it for the
// marked-content sequence that thing belongs to: the innermost open element's (`/P <</MCID n>>
// BDC`), or an artifact's (`/Artifact <</Type /Layout>> BDC`) when an artifact is open or no
// element is. Sequences are opened lazily and closed when what is drawn changes owner, before a
// group's q and Q, and at the page's end, so they nest with q/Q and BT/ET; the ActualText spans
// of the text go inside them. An element split over pages (the same id on the next page) stays
// one structure element with content on both.
//
// While the pages are written the elements are small records of our own; finish() makes one
// empty libharu dictionary per element that holds anything (for its object number) and writes
// each one's keys itself when libharu saves the file (the dictionary's write_fn): libharu's own
// dictionaries cost about a kilobyte an element (every key is a 128-byte array) and write a line
// a key. Elements that hold nothing (no marked content, no annotation, no element that does)
// are left out.
#include <hpdf.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
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
  void tag(const TagItem& tag);
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

  // Linked text is about to be drawn: a Link element, inside the innermost element open, holds
  // it and the annotation link() is called for next; close_opened() ends it.
  void open_link();
  void close_opened();
  // A Span element with `lang` around the next run (text in another language than its
  // paragraph's); close_opened() ends it.
  void open_span(const std::string& lang);
  // A link annotation drawn now: the innermost open Link element holds it, else one is made for
  // it in its place among the kids of the innermost element. Returns a handle for
  // link_annotation().
  size_t link();
  // The annotation made for a link() at save time: the Link element's OBJR, the annotation's
  // /StructParent and /Contents.
  void link_annotation(size_t handle, HPDF_Annotation annot, HPDF_Page page, const std::string& contents);

  // The StructTreeRoot, ParentTree and MarkInfo on the catalog.
  void finish();

  size_t element_count() const { return elements_.size(); }

 private:
  // One of an element's kids, in reading order.
  struct Kid {
    enum Kind : uint8_t { Mcid, Child, Annotation } kind;
    uint32_t page;   // a Mcid's page index
    uint32_t value;  // the MCID, the child's index into elements_, or the index into annotations_
  };
  struct Element {
    uint32_t parent = 0;
    int32_t page = -1;  // the index of the page of its first marked content (/Pg)
    Role role = Role::Section;
    const char* type = "Document";  // its structure type, which also tags its marked content
    std::vector<Kid> kids;
  };
  // What few elements have: a figure's alt text and box, a language.
  struct Extra {
    std::string alt, lang;
    PdfBox box;       // a figure's, on box_page
    int box_page = -1;
  };
  struct Open {
    bool artifact = false;
    bool by_writer = false;  // opened by open_link() or open_span(), not by a layout tag
    ArtifactKind kind = ArtifactKind::Layout;
    uint32_t element = 0;  // index into elements_
    uint32_t id = 0;
  };
  struct Annotation {
    HPDF_Annotation annot;
    HPDF_Page page;
  };
  enum class Sequence { None, Artifact, Element };

  uint32_t new_element(const char* type, Role role, uint32_t parent);
  uint32_t innermost_element() const;
  std::string keys_of(uint32_t element) const;
  static HPDF_STATUS write_element(HPDF_Dict dict, HPDF_Stream stream);

  HPDF_Doc doc_;
  HPDF_Dict root_ = nullptr;
  std::vector<Element> elements_;  // [0] is the Document
  std::unordered_map<uint32_t, Extra> extras_;      // by element
  std::unordered_map<uint64_t, uint32_t> by_id_;    // by the layout's element id and role
  std::vector<Open> stack_;                         // what is open where the writer stands
  int artifacts_open_ = 0, figures_open_ = 0;
  // The open marked-content sequence.
  Sequence open_ = Sequence::None;
  uint32_t open_element_ = 0;
  ArtifactKind open_kind_ = ArtifactKind::Layout;
  // The pages so far; the element of each MCID of each page.
  std::vector<HPDF_Page> pages_;
  std::vector<std::vector<uint32_t>> page_mcids_;
  // Link elements by link() handle; annotations by /StructParent - page count, with their element.
  std::vector<uint32_t> link_elements_;
  std::vector<Annotation> annotations_;
  std::vector<uint32_t> annotation_elements_;
  // At finish(): each element's object number (0: left out); the kept elements, whose objects
  // are numbered in a row from first_object_.
  std::vector<uint32_t> object_ids_;
  std::vector<uint32_t> kept_elements_;
  uint32_t first_object_ = 0;
};

}  // namespace lp
