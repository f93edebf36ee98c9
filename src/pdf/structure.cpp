#include "pdf/structure.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <fmt/format.h>

#include <charconv>
#include <iterator>

#include "pdf/pdf_objects.h"

namespace lp {

namespace {

const char* artifact_type(ArtifactKind k) {
  switch (k) {
    case ArtifactKind::Pagination: return "Pagination";
    case ArtifactKind::Layout: return "Layout";
    case ArtifactKind::Background: return "Background";
  }
  return "Layout";
}

const char* type_of(const TagItem& tag) {
  static const char* const headings[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
  switch (tag.role) {
    case Role::Section: return "Sect";
    case Role::Heading: return headings[std::clamp(tag.level, 1, 6) - 1];
    case Role::Paragraph: return "P";
    case Role::List: return "L";
    case Role::ListItem: return "LI";
    case Role::Label: return "Lbl";
    case Role::ListBody: return "LBody";
    case Role::Quote: return "BlockQuote";
    case Role::Figure: return "Figure";
    case Role::Caption: return "Caption";
    case Role::Table: return "Table";
    case Role::TableRow: return "TR";
    case Role::TableHeader: return "TH";
    case Role::TableCell: return "TD";
    case Role::Link: return "Link";
    case Role::Span: return "Span";
    case Role::Contents: return "TOC";
    case Role::ContentsEntry: return "TOCI";
    case Role::Artifact: break;
  }
  return "Span";
}

uint32_t object_number(const void* object) { return static_cast<const HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF; }

// Numbers and references digit by digit: a page holds thousands of marked-content sequences.
void append_number(std::string& out, uint32_t n) {
  char buf[16];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

void append_ref(std::string& out, uint32_t object) {
  append_number(out, object);
  out += " 0 R";
}

// A PDF literal string (a language tag: ASCII, but escaped all the same).
void append_literal(std::string& out, const std::string& s) {
  out += '(';
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  out += ')';
}

// A text string as UTF-16BE in hex.
void append_text(std::string& out, const std::string& utf8) {
  static const char digits[] = "0123456789ABCDEF";
  out += '<';
  for (unsigned char c : utf16_text_string(utf8)) out += digits[c >> 4], out += digits[c & 15];
  out += '>';
}

}  // namespace

StructureTree::StructureTree(HPDF_Doc doc, const std::string& language) : doc_(doc) {
  root_ = HPDF_Dict_New(doc_->mmgr);
  if (root_ && HPDF_Xref_Add(doc_->xref, root_) != HPDF_OK) root_ = nullptr;
  if (root_) HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
  elements_.push_back(Element{});
  if (!language.empty()) extras_[0].lang = language;
}

uint32_t StructureTree::new_element(const char* type, Role role, uint32_t parent) {
  const auto index = static_cast<uint32_t>(elements_.size());
  elements_.push_back(Element{parent, -1, role, type, {}});
  elements_[parent].kids.push_back(Kid{Kid::Child, 0, index});
  return index;
}

uint32_t StructureTree::innermost_element() const {
  for (size_t i = stack_.size(); i-- > 0;)
    if (!stack_[i].artifact) return stack_[i].element;
  return 0;
}

void StructureTree::begin_page(HPDF_Page page) {
  pages_.push_back(page);
  page_mcids_.emplace_back();
  stack_.clear();
  artifacts_open_ = figures_open_ = 0;
  open_ = Sequence::None;
  HPDF_Dict_AddNumber(page, "StructParents", static_cast<HPDF_INT32>(pages_.size() - 1));
}

void StructureTree::tag(const TagItem& tag) {
  // Sequences open lazily, when something is drawn.
  if (tag.role == Role::Artifact) {
    if (tag.start) {
      stack_.push_back(Open{true, false, tag.artifact, 0, 0});
      ++artifacts_open_;
    } else {
      for (size_t i = stack_.size(); i-- > 0;)
        if (stack_[i].artifact) {
          stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(i));
          --artifacts_open_;
          break;
        }
    }
    return;
  }
  if (tag.start) {
    // A layout id may name an item and its parts (LI, Lbl, LBody): an element is its id and role.
    const uint64_t key = (uint64_t{tag.id} << 8) | static_cast<uint8_t>(tag.role);
    auto it = tag.id != 0 ? by_id_.find(key) : by_id_.end();
    uint32_t index;
    if (it != by_id_.end()) {
      index = it->second;  // the same element, continued on this page
    } else {
      index = new_element(type_of(tag), tag.role, innermost_element());
      if (tag.id != 0) by_id_.emplace(key, index);
      if (tag.role == Role::Figure && !tag.alt.empty()) extras_[index].alt = tag.alt;
      if (!tag.lang.empty()) extras_[index].lang = tag.lang;
    }
    stack_.push_back(Open{false, false, ArtifactKind::Layout, index, tag.id});
    if (tag.role == Role::Figure) ++figures_open_;
    return;
  }
  auto closes = [&](const Open& o, bool same_role) {
    return !o.artifact && !o.by_writer && o.id == tag.id && (!same_role || elements_[o.element].role == tag.role);
  };
  size_t match = stack_.size();
  for (bool same_role : {true, false})
    for (size_t i = stack_.size(); match == stack_.size() && i-- > 0;)
      if (closes(stack_[i], same_role)) match = i;
  if (match == stack_.size()) return;
  // Whatever was left open inside it closes with it.
  for (size_t j = match; j < stack_.size(); ++j) {
    if (stack_[j].artifact) --artifacts_open_;
    else if (elements_[stack_[j].element].role == Role::Figure) --figures_open_;
  }
  stack_.resize(match);
}

void StructureTree::draw(std::string& out) {
  // An artifact inside an element is still an artifact; the outermost artifact names the kind.
  Sequence want = Sequence::Artifact;
  uint32_t element = 0;
  ArtifactKind kind = ArtifactKind::Layout;  // what no element and no artifact holds
  if (artifacts_open_ > 0) {
    for (const auto& o : stack_)
      if (o.artifact) {
        kind = o.kind;
        break;
      }
  } else if (!stack_.empty()) {
    want = Sequence::Element;
    element = stack_.back().element;
  }
  if (open_ == want && (want == Sequence::Artifact ? open_kind_ == kind : open_element_ == element)) return;
  interrupt(out);
  if (want == Sequence::Artifact) {
    out += "/Artifact <</Type /";
    out += artifact_type(kind);
    out += ">> BDC\n";
    open_kind_ = kind;
  } else {
    Element& e = elements_[element];
    auto& mcids = page_mcids_.back();
    const auto mcid = static_cast<uint32_t>(mcids.size());
    const auto page = static_cast<uint32_t>(pages_.size() - 1);
    mcids.push_back(element);
    if (e.page < 0) e.page = static_cast<int32_t>(page);
    e.kids.push_back(Kid{Kid::Mcid, page, mcid});
    out += '/';
    out += e.type;
    out += " <</MCID ";
    append_number(out, mcid);
    out += ">> BDC\n";
    open_element_ = element;
  }
  open_ = want;
}

void StructureTree::drawn_box(const PdfBox& box) {
  if (box.empty()) return;
  const int page = static_cast<int>(pages_.size()) - 1;
  for (const auto& o : stack_) {
    if (o.artifact || elements_[o.element].role != Role::Figure) continue;
    Extra& x = extras_[o.element];
    if (x.box_page < 0) x.box_page = page;
    if (x.box_page != page) continue;
    x.box.add(box.x0, box.y0);
    x.box.add(box.x1, box.y1);
  }
}

void StructureTree::interrupt(std::string& out) {
  if (open_ == Sequence::None) return;
  out += "EMC\n";
  open_ = Sequence::None;
}

void StructureTree::end_page(std::string& out) {
  interrupt(out);
  stack_.clear();
  artifacts_open_ = figures_open_ = 0;
}

void StructureTree::open_link() {
  const uint32_t element = new_element("Link", Role::Link, innermost_element());
  stack_.push_back(Open{false, true, ArtifactKind::Layout, element, 0});
}

void StructureTree::close_opened() {
  if (!stack_.empty() && stack_.back().by_writer) stack_.pop_back();
}

void StructureTree::open_span(const std::string& lang) {
  const uint32_t element = new_element("Span", Role::Span, innermost_element());
  extras_[element].lang = lang;
  stack_.push_back(Open{false, true, ArtifactKind::Layout, element, 0});
}

size_t StructureTree::link() {
  const uint32_t parent = innermost_element();
  // A Link element open (the layout's, or open_link()'s) holds the annotation; else one is made.
  const uint32_t element = parent != 0 && elements_[parent].role == Role::Link ? parent : new_element("Link", Role::Link, parent);
  link_elements_.push_back(element);
  return link_elements_.size() - 1;
}

void StructureTree::link_annotation(size_t handle, HPDF_Annotation annot, HPDF_Page page, const std::string& contents) {
  if (handle >= link_elements_.size() || !annot) return;
  const uint32_t element = link_elements_[handle];
  elements_[element].kids.push_back(Kid{Kid::Annotation, 0, static_cast<uint32_t>(annotations_.size())});
  const auto key = static_cast<HPDF_INT32>(pages_.size() + annotations_.size());
  annotations_.push_back(Annotation{annot, page});
  annotation_elements_.push_back(element);
  HPDF_Dict_AddNumber(annot, "StructParent", key);
  if (!contents.empty()) HPDF_Dict_Add(annot, "Contents", text_string(doc_->mmgr, contents));
}

// The keys of an element's dictionary, as written in the file.
std::string StructureTree::keys_of(uint32_t index) const {
  const Element& e = elements_[index];
  std::string out = "/S /";
  out += e.type;
  out += " /P ";
  append_ref(out, index == 0 ? object_number(root_) : object_ids_[e.parent]);
  if (e.page >= 0) out += " /Pg ", append_ref(out, object_number(pages_[static_cast<size_t>(e.page)]));
  if (auto it = extras_.find(index); it != extras_.end()) {
    const Extra& x = it->second;
    if (!x.alt.empty()) out += " /Alt ", append_text(out, x.alt);
    if (!x.lang.empty()) out += " /Lang ", append_literal(out, x.lang);
    if (!x.box.empty())
      fmt::format_to(std::back_inserter(out), " /A <</O /Layout /BBox [{:.2f} {:.2f} {:.2f} {:.2f}]>>", x.box.x0, x.box.y0,
                     x.box.x1, x.box.y1);
  }
  if (e.role == Role::TableHeader) out += " /A <</O /Table /Scope /Column>>";
  out += " /K [";
  bool first = true;
  for (const Kid& k : e.kids) {
    if (k.kind == Kid::Child && object_ids_[k.value] == 0) continue;  // left out: it holds nothing
    if (!first) out += ' ';
    first = false;
    switch (k.kind) {
      case Kid::Mcid:
        if (static_cast<int32_t>(k.page) == e.page) {
          append_number(out, k.value);
        } else {
          out += "<</Type /MCR /Pg ", append_ref(out, object_number(pages_[k.page]));
          out += " /MCID ", append_number(out, k.value), out += ">>";
        }
        break;
      case Kid::Child: append_ref(out, object_ids_[k.value]); break;
      case Kid::Annotation:
        out += "<</Type /OBJR /Obj ", append_ref(out, object_number(annotations_[k.value].annot));
        out += " /Pg ", append_ref(out, object_number(annotations_[k.value].page));
        out += ">>";
        break;
    }
  }
  out += "]\012";
  return out;
}

HPDF_STATUS StructureTree::write_element(HPDF_Dict dict, HPDF_Stream stream) {
  const auto* tree = static_cast<const StructureTree*>(dict->attr);
  // The kept elements' objects are numbered in a row, in element order.
  const uint32_t n = object_number(dict) - tree->first_object_;
  if (n >= tree->kept_elements_.size()) return HPDF_INVALID_OBJECT;
  const std::string keys = tree->keys_of(tree->kept_elements_[n]);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(keys.data()), static_cast<HPDF_UINT>(keys.size()));
}

void StructureTree::finish() {
  if (!root_) return;
  // Kept: what holds marked content or an annotation, or an element that does (kids come after
  // their parents, so one pass from the end decides); the Document always.
  std::vector<char> kept(elements_.size(), 0);
  kept[0] = 1;
  for (size_t i = elements_.size(); i-- > 1;) {
    for (const Kid& k : elements_[i].kids)
      if (k.kind != Kid::Child || kept[k.value]) kept[i] = 1;
  }
  object_ids_.assign(elements_.size(), 0);
  std::vector<HPDF_Dict> dicts(elements_.size(), nullptr);
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!kept[i]) continue;
    HPDF_Dict d = HPDF_Dict_New(doc_->mmgr);
    if (!d || HPDF_Xref_Add(doc_->xref, d) != HPDF_OK) return;  // libharu has recorded why
    d->write_fn = write_element;
    d->attr = this;
    dicts[i] = d;
    object_ids_[i] = object_number(d);
    if (kept_elements_.empty()) first_object_ = object_ids_[i];
    if (object_ids_[i] != first_object_ + kept_elements_.size()) return;  // not in a row: no tree
    kept_elements_.push_back(static_cast<uint32_t>(i));
  }
  // The ParentTree, one flat number tree: page i to an indirect array of its MCIDs' elements
  // (14.7.4.4), then each annotation to its element.
  HPDF_Array nums = HPDF_Array_New(doc_->mmgr);
  int key = 0;
  for (const auto& mcids : page_mcids_) {
    HPDF_Array parents = HPDF_Array_New(doc_->mmgr);
    HPDF_Xref_Add(doc_->xref, parents);
    for (uint32_t e : mcids) HPDF_Array_Add(parents, dicts[e]);
    HPDF_Array_AddNumber(nums, key++);
    HPDF_Array_Add(nums, parents);
  }
  for (uint32_t e : annotation_elements_) {
    HPDF_Array_AddNumber(nums, key++);
    HPDF_Array_Add(nums, dicts[e]);
  }
  HPDF_Dict tree = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_Add(tree, "Nums", nums);
  HPDF_Dict_Add(root_, "K", dicts[0]);
  HPDF_Dict_Add(root_, "ParentTree", tree);
  HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", key);
  HPDF_Dict_Add(doc_->catalog, "StructTreeRoot", root_);
  HPDF_Dict mark = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(doc_->catalog, "MarkInfo", mark);
}

}  // namespace lp
