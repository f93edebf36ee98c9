#include "pdf/structure.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <fmt/format.h>

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

HPDF_Dict indirect_dict(HPDF_Doc doc) {
  HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
  if (d) HPDF_Xref_Add(doc->xref, d);
  return d;
}

}  // namespace

StructureTree::StructureTree(HPDF_Doc doc, const std::string& language) : doc_(doc) {
  root_ = indirect_dict(doc_);
  HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
  Element document;
  document.dict = indirect_dict(doc_);
  document.kids = HPDF_Array_New(doc_->mmgr);
  document.role = Role::Section;
  HPDF_Dict_AddName(document.dict, "Type", "StructElem");
  HPDF_Dict_AddName(document.dict, "S", "Document");
  HPDF_Dict_Add(document.dict, "P", root_);
  if (!language.empty()) HPDF_Dict_Add(document.dict, "Lang", HPDF_String_New(doc_->mmgr, language.c_str(), nullptr));
  HPDF_Dict_Add(document.dict, "K", document.kids);
  elements_.push_back(document);
  HPDF_Dict_Add(root_, "K", document.dict);
}

const char* StructureTree::type_of(const TagItem& tag) const {
  switch (tag.role) {
    case Role::Section: return "Sect";
    case Role::Heading: return tag.level <= 1 ? "H1" : tag.level == 2 ? "H2" : tag.level == 3 ? "H3" : tag.level == 4 ? "H4" : tag.level == 5 ? "H5" : "H6";
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
    case Role::Contents: return "TOC";
    case Role::ContentsEntry: return "TOCI";
    case Role::Artifact: break;
  }
  return "Span";
}

size_t StructureTree::new_element(const char* type, size_t parent) {
  Element e;
  e.dict = indirect_dict(doc_);
  e.kids = HPDF_Array_New(doc_->mmgr);
  e.type = type;
  HPDF_Dict_AddName(e.dict, "Type", "StructElem");
  HPDF_Dict_AddName(e.dict, "S", type);
  HPDF_Dict_Add(e.dict, "P", elements_[parent].dict);
  HPDF_Dict_Add(e.dict, "K", e.kids);
  HPDF_Array_Add(elements_[parent].kids, e.dict);
  elements_.push_back(e);
  return elements_.size() - 1;
}

void StructureTree::begin_page(HPDF_Page page) {
  page_ = page;
  ++page_index_;
  mcids_.clear();
  stack_.clear();
  artifacts_open_ = figures_open_ = 0;
  open_ = Sequence::None;
  HPDF_Dict_AddNumber(page, "StructParents", page_index_);
}

void StructureTree::tag(const TagItem& tag, std::string& out) {
  (void)out;  // sequences open lazily, when something is drawn
  if (tag.role == Role::Artifact) {
    if (tag.start) {
      stack_.push_back(Open{true, tag.artifact, 0, 0});
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
    auto it = by_id_.find(tag.id);
    size_t index;
    if (it != by_id_.end() && tag.id != 0) {
      index = it->second;  // the same element, continued on this page
    } else {
      size_t parent = 0;
      for (size_t i = stack_.size(); i-- > 0;)
        if (!stack_[i].artifact) {
          parent = stack_[i].element;
          break;
        }
      index = new_element(type_of(tag), parent);
      Element& e = elements_[index];
      e.role = tag.role;
      if (tag.id != 0) by_id_.emplace(tag.id, index);
      if (tag.role == Role::Figure && !tag.alt.empty()) HPDF_Dict_Add(e.dict, "Alt", text_string(doc_->mmgr, tag.alt));
      if (!tag.lang.empty()) HPDF_Dict_Add(e.dict, "Lang", HPDF_String_New(doc_->mmgr, tag.lang.c_str(), nullptr));
      if (tag.role == Role::TableHeader) {
        HPDF_Dict a = HPDF_Dict_New(doc_->mmgr);
        HPDF_Dict_AddName(a, "O", "Table");
        HPDF_Dict_AddName(a, "Scope", "Column");
        HPDF_Dict_Add(e.dict, "A", a);
      }
    }
    stack_.push_back(Open{false, ArtifactKind::Layout, index, tag.id});
    if (tag.role == Role::Figure) ++figures_open_;
    return;
  }
  for (size_t i = stack_.size(); i-- > 0;) {
    if (!stack_[i].artifact && stack_[i].id == tag.id) {
      // Whatever was left open inside it closes with it.
      for (size_t j = i; j < stack_.size(); ++j) {
        if (stack_[j].artifact) --artifacts_open_;
        else if (elements_[stack_[j].element].role == Role::Figure) --figures_open_;
      }
      stack_.resize(i);
      break;
    }
  }
}

void StructureTree::draw(std::string& out) {
  // An artifact inside an element is still an artifact; the outermost artifact names the kind.
  Sequence want = Sequence::Artifact;
  size_t element = 0;
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
    out += fmt::format("/Artifact <</Type /{}>> BDC\n", artifact_type(kind));
    open_kind_ = kind;
  } else {
    Element& e = elements_[element];
    const int mcid = static_cast<int>(mcids_.size());
    mcids_.push_back(element);
    if (!e.page) {
      e.page = page_;
      HPDF_Dict_Add(e.dict, "Pg", page_);
    }
    if (e.page == page_) {
      HPDF_Array_AddNumber(e.kids, mcid);
    } else {
      HPDF_Dict mcr = HPDF_Dict_New(doc_->mmgr);
      HPDF_Dict_AddName(mcr, "Type", "MCR");
      HPDF_Dict_Add(mcr, "Pg", page_);
      HPDF_Dict_AddNumber(mcr, "MCID", mcid);
      HPDF_Array_Add(e.kids, mcr);
    }
    out += fmt::format("/{} <</MCID {}>> BDC\n", e.type, mcid);
    open_element_ = element;
  }
  open_ = want;
}

void StructureTree::drawn_box(const PdfBox& box) {
  if (box.empty()) return;
  for (const auto& o : stack_) {
    if (o.artifact) continue;
    Element& e = elements_[o.element];
    if (e.role != Role::Figure) continue;
    if (!e.box_page) e.box_page = page_;
    if (e.box_page != page_) continue;
    e.box.add(box.x0, box.y0);
    e.box.add(box.x1, box.y1);
  }
}

void StructureTree::interrupt(std::string& out) {
  if (open_ == Sequence::None) return;
  out += "EMC\n";
  open_ = Sequence::None;
}

void StructureTree::end_page(std::string& out) {
  interrupt(out);
  // The parent tree's value for a page is an indirect reference to the array (14.7.4.4).
  HPDF_Array parents = HPDF_Array_New(doc_->mmgr);
  HPDF_Xref_Add(doc_->xref, parents);
  for (size_t e : mcids_) HPDF_Array_Add(parents, elements_[e].dict);
  page_parents_.push_back(parents);
  stack_.clear();
  artifacts_open_ = figures_open_ = 0;
}

size_t StructureTree::link() {
  size_t parent = 0;
  for (size_t i = stack_.size(); i-- > 0;)
    if (!stack_[i].artifact) {
      parent = stack_[i].element;
      break;
    }
  // A Link element of the layout's own holds the annotation; else one is made for it here.
  const size_t element = elements_[parent].role == Role::Link && parent != 0 ? parent : new_element("Link", parent);
  if (element != parent) elements_[element].role = Role::Link;
  link_elements_.push_back(element);
  return link_elements_.size() - 1;
}

void StructureTree::link_annotation(size_t handle, HPDF_Annotation annot, HPDF_Page page, const std::string& contents) {
  if (handle >= link_elements_.size() || !annot) return;
  const size_t element = link_elements_[handle];
  HPDF_Dict objr = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_AddName(objr, "Type", "OBJR");
  HPDF_Dict_Add(objr, "Obj", annot);
  HPDF_Dict_Add(objr, "Pg", page);
  HPDF_Array_Add(elements_[element].kids, objr);
  const int key = static_cast<int>(page_parents_.size() + annotation_parents_.size());
  annotation_parents_.push_back(element);
  HPDF_Dict_AddNumber(annot, "StructParent", key);
  if (!contents.empty()) HPDF_Dict_Add(annot, "Contents", text_string(doc_->mmgr, contents));
}

void StructureTree::finish() {
  HPDF_Dict tree = HPDF_Dict_New(doc_->mmgr);
  HPDF_Array nums = HPDF_Array_New(doc_->mmgr);
  int key = 0;
  for (HPDF_Array a : page_parents_) {
    HPDF_Array_AddNumber(nums, key++);
    HPDF_Array_Add(nums, a);
  }
  for (size_t e : annotation_parents_) {
    HPDF_Array_AddNumber(nums, key++);
    HPDF_Array_Add(nums, elements_[e].dict);
  }
  HPDF_Dict_Add(tree, "Nums", nums);
  HPDF_Dict_Add(root_, "ParentTree", tree);
  HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", key);
  for (Element& e : elements_) {
    if (e.role != Role::Figure || e.box.empty()) continue;
    HPDF_Dict a = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_AddName(a, "O", "Layout");
    HPDF_Dict_Add(a, "BBox", real_array(doc_->mmgr, {e.box.x0, e.box.y0, e.box.x1, e.box.y1}));
    HPDF_Dict_Add(e.dict, "A", a);
  }
  HPDF_Dict_Add(doc_->catalog, "StructTreeRoot", root_);
  HPDF_Dict mark = HPDF_Dict_New(doc_->mmgr);
  HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(doc_->catalog, "MarkInfo", mark);
}

}  // namespace lp
