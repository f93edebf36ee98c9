// The display list through libharu. libharu writes the document's objects; the page content is
// written here as raw operators, since libharu's text API cannot show HarfBuzz's glyphs.
#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "pdf/conveyor.h"
#include "pdf/deflater.h"
#include "pdf/font_embedder.h"
#include "pdf/marks.h"
#include "pdf/opacity.h"
#include "pdf/pdf_objects.h"
#include "pdf/pdfx.h"
#include "pdf/picture_xobject.h"
#include "pdf/press_colour.h"
#include "pdf/whole_file.h"
#include "pdf/structure.h"

namespace lp {

namespace {

void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* first = static_cast<std::string*>(user_data);
  if (first->empty()) *first = fmt::format("libharu error {:#x} (detail {})", error_no, detail_no);
}

// The bytes of a saved document passed to the file at once.
constexpr size_t kSaveBuffer = 1 << 16;

// Numbers in content streams: at most three decimals, no exponent, no "-0".
// Written digit by digit, straight into the stream: content streams hold tens of thousands of
// numbers.
void append_num(std::string& out, double v) {
  long milli = std::lround(v * 1000);
  if (milli == 0) {
    out += '0';
    return;
  }
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  unsigned long m = static_cast<unsigned long>(std::labs(milli));
  unsigned long frac = m % 1000;
  if (frac) {
    int digits = 3;
    while (frac % 10 == 0) frac /= 10, --digits;
    for (int i = 0; i < digits; ++i, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
    *--p = '.';
  }
  unsigned long whole = m / 1000;
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole);
  if (milli < 0) *--p = '-';
  out.append(p, end);
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

// An operator with its operands: "a b c" then `op`, which brings its own space and newline.
void append_op(std::string& out, std::initializer_list<double> operands, std::string_view op) {
  bool first = true;
  for (double v : operands) {
    if (!first) out += ' ';
    first = false;
    append_num(out, v);
  }
  out += op;
}

// A 2-byte glyph id as four hex digits.
void append_glyph(std::string& out, uint32_t id) {
  static const char digits[] = "0123456789ABCDEF";
  const char g[4] = {digits[(id >> 12) & 15], digits[(id >> 8) & 15], digits[(id >> 4) & 15], digits[id & 15]};
  out.append(g, 4);
}

std::string hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02X}", c);
  return out;
}

HPDF_Date to_pdf_date(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = tm.tm_sec;
  d.ind = 'Z';
  return d;
}

std::optional<int64_t> date_to_seconds(const std::string& ymd) {
  std::tm tm{};
  if (ymd.size() != 10 || std::sscanf(ymd.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm));
}

void add_text_info(HPDF_Doc doc, const char* key, const std::string& value) {
  if (value.empty()) return;
  const std::string s = utf16_text_string(value);
  HPDF_Dict_Add(doc->info, key, HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(s.data())),
                                                static_cast<HPDF_UINT>(s.size())));
}

// One PDF being made with libharu: pages come in one at a time, each giving its content stream
// to be compressed elsewhere; save() puts the compressed streams in, adds what needs every page
// (links, fonts, labels, bookmarks) and writes the file.
class PdfDocument {
 public:
  PdfDocument(const DocumentInfo& info, const PdfOptions& options) : info_(info), options_(options) {
    doc_ = HPDF_New(record_error, &error_);
    if (!doc_) return;
    // ActualText spans and transparency-free print both want at least PDF 1.5; 1.7 is ISO 32000-1.
    // PDF/X-4 is built on PDF 1.6, which has everything written here.
    doc_->pdf_version = options_.pdf_x4 ? HPDF_VER_16 : HPDF_VER_17;
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    fonts_.emplace(doc_);
    opacities_.emplace(doc_);
    structure_.emplace(doc_, info_.language);
    const auto& g = info_.geometry;
    bleed_w_ = g.width.value + 2 * g.bleed.value;
    bleed_h_ = g.height.value + 2 * g.bleed.value;
    if (options_.crop_marks) marks_ = crop_marks_margin(g.bleed.value);
    media_w_ = bleed_w_ + 2 * marks_;
    media_h_ = bleed_h_ + 2 * marks_;
  }
  ~PdfDocument() {
    if (doc_) HPDF_Free(doc_);
  }
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // The page's content stream, not yet compressed; none yet for a page with placeholders,
  // whose stream fill_in() gives.
  std::optional<std::string> add_page(Page& page) {
    if (!doc_ || !error_.empty()) return "";  // libharu refuses every call after an error
    HPDF_Page hpage = HPDF_AddPage(doc_);
    if (!hpage) return "";
    set_boxes(hpage);
    const size_t index = pages_.size();
    pages_.push_back(hpage);
    labels_.push_back(page.label);
    // What each glyph stands for is learnt in page order, so a page is written knowing every
    // page before it: the same ToUnicode map and ActualText spans as a pass over all pages.
    // A placeholder's glyphs are learnt when its items come (only its face is met now).
    learn(page.items, &page.placeholders);
    structure_->begin_page(hpage);
    if (!page.placeholders.empty()) {
      // Written now, in its place, with the placeholders' items: the same structure, MCIDs,
      // resources and objects as the items that replace them, whose operators are put in
      // where the placeholders' went (fill_in).
      Pending& p = pending_[index];
      p.first_link = links_.size();
      p.content = write_page(page, hpage, &p);
      p.end_link = links_.size();
      p.page = std::move(page);  // the runs point into its items, which stay where they are
      if (marks_ > 0 && info_.cmyk) add_registration_space(hpage);
      return std::nullopt;
    }
    std::string content = write_page(page, hpage);
    if (marks_ > 0 && info_.cmyk) add_registration_space(hpage);
    return finish_content(index, std::move(content));
  }

  // The items of a page's placeholders (PageSink::fill_in): its content stream, complete.
  std::string fill_in(size_t index, std::vector<std::vector<FrameItem>>& items) {
    auto it = pending_.find(index);
    if (it == pending_.end() && (!doc_ || !error_.empty())) return "";  // libharu's complaint is said at the save
    if (it == pending_.end()) throw std::runtime_error(fmt::format("page {} has no placeholders to fill in", index + 1));
    Pending& p = it->second;
    std::vector<Placeholder>& holders = p.page.placeholders;
    if (items.size() != holders.size()) throw std::runtime_error("placeholders and their items differ in number");
    for (size_t k = 0; k < holders.size(); ++k) {
      if (items[k].size() != holders[k].count) throw std::runtime_error("a placeholder and its items differ in number");
      for (size_t j = 0; j < items[k].size(); ++j) {
        FrameItem& held = p.page.items[holders[k].first + j];
        if (held.index() != items[k][j].index()) throw std::runtime_error("a placeholder and its items differ in kind");
        held = std::move(items[k][j]);
        if (const auto* text = std::get_if<GlyphRunItem>(&held)) fonts_->learn(text->run);
      }
    }
    // The placeholders' operators replaced, from the last back so that the earlier offsets hold.
    HPDF_Page hpage = pages_[index];
    for (size_t k = p.slots.size(); k-- > 0;) {
      const Slot& slot = p.slots[k];
      const FrameItem& item = p.page.items[slot.item];
      std::string ops;
      if (const auto* text = std::get_if<GlyphRunItem>(&item)) {
        text_state_ = slot.text_state;
        write_text(*text, slot.font, ops);
      } else if (const auto* path = std::get_if<PathItem>(&item)) {
        write_path(*path, hpage, ops);
      } else if (const auto* link = std::get_if<LinkItem>(&item)) {
        links_[slot.link].link = *link;  // on the page itself: no group moves it
        continue;
      }
      p.content.replace(slot.begin, slot.end - slot.begin, ops);
    }
    for (size_t i = p.first_link; i < p.end_link; ++i) links_[i].contents = text_under(links_[i].link, p.runs);
    std::string content = finish_content(index, std::move(p.content));
    pending_.erase(it);
    return content;
  }

  bool complete() const { return pending_.empty(); }

  // The font HarfBuzz could not subset, when that is why save failed; else nullptr.
  const FontFace* damaged_face() const { return fonts_ ? fonts_->damaged_face() : nullptr; }

  // Writes the file into `out` (a scratch file, checked whole) with the pages' deflated content
  // streams in page order; "" when done, else the reason.
  std::string save(WholeFile& out, const std::vector<std::string>& deflated, const std::vector<OutlineEntry>& outline) {
    if (!doc_) return "cannot start libharu";
    for (size_t i = 0; i < pages_.size() && i < deflated.size(); ++i)
      if (!use_deflated_stream(static_cast<HPDF_PageAttr>(pages_[i]->attr)->contents, deflated[i])) return "out of memory";
    std::map<std::string, const OutlineEntry*> places;  // where "#id" links go
    for (const auto& entry : outline)
      if (!entry.id.empty()) places.emplace(entry.id, &entry);
    for (const auto& link : links_) write_link(link, places);
    structure_->finish();
    std::string problem;
    if (error_.empty()) fonts_->finish(problem);
    if (problem.empty()) problem = picture_problem_;
    add_page_labels();
    add_outline(outline);
    if (const std::string why = add_metadata(); !why.empty() && problem.empty()) problem = why;
    // libharu's own file writer checks neither its flush nor its close, and its memory stream
    // copies a byte at a time: libharu writes to a stream of ours, which passes the bytes on to
    // the file a buffer at a time, every call checked.
    if (problem.empty() && error_.empty() && !out.open(problem)) return problem;
    struct Sink {
      WholeFile& out;
      std::string buffer, problem;
      bool flush() {
        const bool ok = problem.empty() && out.write(buffer.data(), buffer.size(), problem);
        buffer.clear();
        return ok;
      }
    } sink{out, {}, {}};
    sink.buffer.reserve(kSaveBuffer);
    if (problem.empty() && error_.empty()) {
      HPDF_Stream stream = HPDF_CallbackWriter_New(doc_->mmgr, [](HPDF_Stream s, const HPDF_BYTE* data, HPDF_UINT size) {
        auto& to = *static_cast<Sink*>(s->attr);
        to.buffer.append(reinterpret_cast<const char*>(data), size);
        if (to.buffer.size() >= kSaveBuffer && !to.flush()) return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
        return static_cast<HPDF_STATUS>(HPDF_OK);
      }, &sink);
      if (!stream) {
        problem = "out of memory";
      } else {  // HPDF_SaveToStream writes to the document's stream, which is freed with it
        if (doc_->stream) HPDF_Stream_Free(doc_->stream);
        doc_->stream = stream;
      }
    }
    if (problem.empty() && error_.empty() && HPDF_SaveToStream(doc_) != HPDF_OK)
      problem = sink.problem.empty() ? "cannot write the file" : sink.problem;
    if (problem.empty() && !error_.empty()) problem = error_;
    if (problem.empty() && sink.flush()) out.finish("%%EOF\n", problem);
    if (problem.empty()) problem = sink.problem;
    if (!problem.empty()) out.discard();
    return problem;
  }

 private:
  DocumentInfo info_;
  PdfOptions options_;
  std::string error_;  // libharu's first complaint
  HPDF_Doc doc_ = nullptr;
  std::optional<FontEmbedder> fonts_;
  std::optional<Opacities> opacities_;
  std::vector<HPDF_Page> pages_;
  std::vector<std::string> labels_;
  // A link, by the page it is on, with its Link element and the text it covers.
  struct PageLink {
    size_t page;
    LinkItem link;
    size_t element;
    std::string contents;
  };
  std::vector<PageLink> links_;
  std::optional<StructureTree> structure_;
  std::map<std::string, std::optional<PictureXObject>> images_;
  Deflater image_deflater_;     // on the thread that writes the pages
  std::string picture_problem_;  // the first picture that could not be read
  double bleed_w_ = 0, bleed_h_ = 0;  // the bleed box's size
  double marks_ = 0;                  // room for crop marks beyond each side of the bleed box
  HPDF_Array registration_ = nullptr; // their colour space
  double media_w_ = 0, media_h_ = 0;
  uint64_t hash_ = 1469598103934665603ull;  // of the content streams, in page order, for the file identifier
  size_t hashed_ = 0;                        // pages whose content is in hash_
  std::map<size_t, std::string> unhashed_;   // pages after one not filled in yet, until it is
  // The text state the page's content stream has set so far.
  struct TextState {
    std::optional<Colour> fill;
    const FontFace* face = nullptr;
    double size = 0;
  } text_state_;
  // A placeholder's operators in a pending page's content (the item's index in the page), with
  // what writing them again needs.
  struct Slot {
    size_t item = 0;
    size_t begin = 0, end = 0;  // in the content
    TextState text_state;       // before a text's operators
    std::string font;
    size_t link = 0;            // a link's index in links_
  };
  // A page with placeholders, written but for them (add_page), until fill_in().
  struct Pending {
    Page page;
    std::string content;
    std::vector<Slot> slots;
    std::vector<std::pair<const GlyphRunItem*, Transform>> runs;  // for its links' text
    size_t first_link = 0, end_link = 0;
  };
  std::map<size_t, Pending> pending_;

  double px(Pt x) const { return x.value + info_.geometry.bleed.value; }
  double py(Pt y) const { return bleed_h_ - (y.value + info_.geometry.bleed.value); }

  // The Separation /All of crop marks, one object for every page.
  void add_registration_space(HPDF_Page page) {
    if (!registration_) {
      HPDF_Dict fn = HPDF_Dict_New(doc_->mmgr);
      HPDF_Dict_AddNumber(fn, "FunctionType", 2);
      HPDF_Dict_Add(fn, "Domain", real_array(doc_->mmgr, {0, 1}));
      HPDF_Dict_Add(fn, "C0", real_array(doc_->mmgr, {0, 0, 0, 0}));
      HPDF_Dict_Add(fn, "C1", real_array(doc_->mmgr, {1, 1, 1, 1}));
      HPDF_Dict_AddNumber(fn, "N", 1);
      registration_ = HPDF_Array_New(doc_->mmgr);
      HPDF_Xref_Add(doc_->xref, registration_);
      HPDF_Array_AddName(registration_, "Separation");
      HPDF_Array_AddName(registration_, "All");
      HPDF_Array_AddName(registration_, "DeviceCMYK");
      HPDF_Array_Add(registration_, fn);
    }
    HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    HPDF_Dict spaces = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_Add(spaces, kRegistrationName, registration_);
    HPDF_Dict_Add(resources, "ColorSpace", spaces);
  }

  // libharu's box helpers keep whole points only: the boxes are written here as real arrays.
  void set_boxes(HPDF_Page page) {
    const auto& g = info_.geometry;
    const double b = g.bleed.value + marks_, m = marks_;
    HPDF_Dict_Add(page, "MediaBox", real_array(doc_->mmgr, {0, 0, media_w_, media_h_}));
    HPDF_Dict_Add(page, "BleedBox", real_array(doc_->mmgr, {m, m, m + bleed_w_, m + bleed_h_}));
    HPDF_Dict_Add(page, "TrimBox", real_array(doc_->mmgr, {b, b, b + g.width.value, b + g.height.value}));
  }

  // A colour known only as RGB (an SVG's) is printed through the output profile, as pictures are.
  static Colour in_press(const Colour& c) {
    if (!c.press_from_rgb) return c;
    const PressCmyk p = press_cmyk(c.r, c.g, c.b);
    return Colour{c.r, c.g, c.b, p.c, p.m, p.y, p.k, false};
  }
  void append_fill_colour(std::string& out, const Colour& colour) const {
    const Colour c = info_.cmyk ? in_press(colour) : colour;
    if (info_.cmyk) append_op(out, {c.c, c.m, c.y, c.k}, " k\n");
    else append_op(out, {c.r, c.g, c.b}, " rg\n");
  }
  void append_stroke_colour(std::string& out, const Colour& colour) const {
    const Colour c = info_.cmyk ? in_press(colour) : colour;
    if (info_.cmyk) append_op(out, {c.c, c.m, c.y, c.k}, " K\n");
    else append_op(out, {c.r, c.g, c.b}, " RG\n");
  }

  void learn(const std::vector<FrameItem>& items, const std::vector<Placeholder>* holders = nullptr) {
    for (size_t i = 0; i < items.size(); ++i) {
      const FrameItem& item = items[i];
      if (const auto* text = std::get_if<GlyphRunItem>(&item)) {
        if (holders && placeholder_at(*holders, i)) fonts_->resource_name(text->run.face);  // the face, met in its place
        else fonts_->learn(text->run);
      } else if (const auto* group = std::get_if<GroupItem>(&item)) {
        learn(group->items);
      }
    }
  }

  static bool placeholder_at(const std::vector<Placeholder>& holders, size_t i) {
    for (const auto& h : holders)
      if (i >= h.first && i < h.first + h.count) return true;
    return false;
  }

  // A page's content complete: moved out of the way of crop marks, hashed in page order.
  std::string finish_content(size_t index, std::string content) {
    if (marks_ > 0) {
      // The page as it is without marks, moved out of their way: the same operators.
      content = crop_marks_content(marks_, info_.geometry.bleed.value, info_.geometry.width.value,
                                   info_.geometry.height.value, info_.cmyk) +
                fmt::format("q 1 0 0 1 {} {} cm 0 0 {} {} re W n\n", num(marks_), num(marks_), num(bleed_w_), num(bleed_h_)) +
                content + "Q\n";
    }
    if (index != hashed_) {
      unhashed_.emplace(index, content);  // after a page still waiting for its placeholders' items
      return content;
    }
    hash_ = fnv1a64(content, hash_);
    for (++hashed_; unhashed_.count(hashed_); ++hashed_) {
      hash_ = fnv1a64(unhashed_[hashed_], hash_);
      unhashed_.erase(hashed_);
    }
    return content;
  }

  // The page's content stream; its fonts and images go into the page's resources, its links
  // wait for save(), when every page they may point to exists.
  // With `pending`, the page's placeholders are written as any items are, and where their
  // operators went is kept there, with the runs.
  std::string write_page(const Page& page, HPDF_Page hpage, Pending* pending = nullptr) {
    PageWriting w{hpage, {}, HPDF_Dict_New(doc_->mmgr), {}, {}, {}, pending ? &page.placeholders : nullptr, pending};
    text_state_ = {};
    HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(hpage, "Resources", HPDF_OCLASS_DICT));
    HPDF_Dict_Add(resources, "Font", w.font_resources);
    const size_t first_link = links_.size();
    write_items(page.items, w);
    structure_->end_page(w.content);
    for (size_t i = first_link; i < links_.size(); ++i) links_[i].contents = text_under(links_[i].link, w.runs);
    if (pending) pending->runs = std::move(w.runs);
    return std::move(w.content);
  }

  // What a link annotation says it is (/Contents): the text drawn under it, else where it goes.
  std::string text_under(const LinkItem& link, const std::vector<std::pair<const GlyphRunItem*, Transform>>& runs) const {
    std::string text;
    for (const auto& [item, t] : runs) {
      double width = 0;
      for (const auto& g : item->run.glyphs) width += g.advance.value;
      const double x = item->x.value + width / 2, y = item->y.value - item->run.size.value * 0.3;
      const double X = t.a * x + t.c * y + t.e.value, Y = t.b * x + t.d * y + t.f.value;
      if (X < link.x.value || X > (link.x + link.width).value || Y < link.y.value || Y > (link.y + link.height).value) continue;
      if (!text.empty()) text += ' ';
      text += item->run.text;
    }
    if (!text.empty()) return text;
    if (!link.uri.empty()) return link.uri;
    return link.target_page >= 0 && static_cast<size_t>(link.target_page) < labels_.size()
               ? fmt::format("Page {}", labels_[static_cast<size_t>(link.target_page)])
               : "";
  }

  struct PageWriting {
    HPDF_Page page;
    std::string content;
    HPDF_Dict font_resources;
    std::set<std::string> fonts_on_page;
    Transform to_page;  // from the current group's coordinates to the page's
    std::vector<std::pair<const GlyphRunItem*, Transform>> runs;  // where each glyph run went, for links' text
    const std::vector<Placeholder>* holders = nullptr;  // the page's, when it is pending
    Pending* pending = nullptr;
    int depth = 0;  // of groups: placeholders are among the page's own items
  };

  // The box of a drawn item in the PDF's coordinates (for a figure's /BBox).
  PdfBox box_of(const FrameItem& item, const Transform& t) const {
    PdfBox box;
    auto add = [&](Pt x, Pt y) {
      const double X = t.a * x.value + t.c * y.value + t.e.value, Y = t.b * x.value + t.d * y.value + t.f.value;
      box.add(marks_ + px(Pt(X)), marks_ + py(Pt(Y)));
    };
    if (const auto* text = std::get_if<GlyphRunItem>(&item)) {
      double width = 0;
      for (const auto& g : text->run.glyphs) width += g.advance.value;
      add(text->x, text->y - text->run.size * 0.8);
      add(text->x + Pt(width), text->y + text->run.size * 0.25);
    } else if (const auto* path = std::get_if<PathItem>(&item)) {
      for (const auto& op : path->ops) {
        if (op.kind == PathOp::Kind::Close) continue;
        add(op.x1, op.y1);
        if (op.kind == PathOp::Kind::CurveTo) add(op.x2, op.y2), add(op.x3, op.y3);
      }
    } else if (const auto* image = std::get_if<ImageItem>(&item)) {
      add(image->x, image->y);
      add(image->x + image->width, image->y + image->height);
    }
    return box;
  }

  // A link inside a group: the page's rectangle around it (annotations are not transformed).
  static LinkItem on_page(const LinkItem& link, const Transform& t) {
    if (t.is_translation()) return LinkItem{link.x + t.e, link.y + t.f, link.width, link.height, link.uri, link.target_page};
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (double cx : {link.x.value, (link.x + link.width).value})
      for (double cy : {link.y.value, (link.y + link.height).value}) {
        const double X = t.a * cx + t.c * cy + t.e.value, Y = t.b * cx + t.d * cy + t.f.value;
        x0 = std::min(x0, X), y0 = std::min(y0, Y), x1 = std::max(x1, X), y1 = std::max(y1, Y);
      }
    return LinkItem{Pt(x0), Pt(y0), Pt(x1 - x0), Pt(y1 - y0), link.uri, link.target_page};
  }

  void write_items(const std::vector<FrameItem>& items, PageWriting& w) {
    // Linked text (a run with a link, and the link's rectangle after it) is a Link element's.
    bool in_link = false;
    for (const auto& item : items) {
      // A placeholder's operators: where they go in the content, to be written again (fill_in).
      Slot* slot = nullptr;
      if (w.holders && w.depth == 0 && placeholder_at(*w.holders, static_cast<size_t>(&item - items.data())) &&
          !std::holds_alternative<TagItem>(item)) {
        slot = &w.pending->slots.emplace_back();
        slot->item = static_cast<size_t>(&item - items.data());
        slot->text_state = text_state_;
      }
      if (in_link && !std::holds_alternative<LinkItem>(item)) structure_->close_opened(), in_link = false;
      if (const auto* tag = std::get_if<TagItem>(&item)) {
        structure_->tag(*tag);
        continue;
      }
      const auto* text = std::get_if<GlyphRunItem>(&item);
      if (text && !text->run.link.empty()) {
        structure_->open_link();
        in_link = true;
      }
      // Text in another language than its paragraph's is a Span of its own.
      const bool in_span = text && !text->run.lang.empty();
      if (in_span) structure_->open_span(text->run.lang);
      if (text || std::holds_alternative<PathItem>(item) || std::holds_alternative<ImageItem>(item)) {
        structure_->draw(w.content);
        if (structure_->wants_box()) structure_->drawn_box(box_of(item, w.to_page));
      }
      if (text) {
        w.runs.emplace_back(text, w.to_page);
        const std::string name = fonts_->resource_name(text->run.face);
        if (w.fonts_on_page.insert(name).second) HPDF_Dict_Add(w.font_resources, name.c_str(), fonts_->font_dict(text->run.face));
        if (slot) slot->begin = w.content.size(), slot->font = name, slot->text_state = text_state_;
        write_text(*text, name, w.content);
        if (slot) slot->end = w.content.size();
        if (in_span) structure_->close_opened();
      } else if (const auto* path = std::get_if<PathItem>(&item)) {
        if (slot) slot->begin = w.content.size();
        write_path(*path, w.page, w.content);
        if (slot) slot->end = w.content.size();
      } else if (const auto* link = std::get_if<LinkItem>(&item)) {
        if (slot) slot->link = links_.size(), slot->begin = slot->end = w.content.size();
        links_.push_back(PageLink{pages_.size() - 1, on_page(*link, w.to_page), structure_->link(), {}});
        if (in_link) structure_->close_opened(), in_link = false;
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        write_image(*image, w.page, w.content);
      } else if (const auto* group = std::get_if<GroupItem>(&item)) {
        write_group(*group, w);
      }
    }
    if (in_link) structure_->close_opened();
  }

  // A group's items are written in its own coordinates, as if they were the page's, under a
  // `cm` that is the group's transform seen from the PDF's coordinates (y up, from the bleed's
  // corner): F T F⁻¹, where F maps the page's coordinates to the PDF's. Links inside a group
  // get the page's rectangle around them (annotations cannot be transformed).
  void write_group(const GroupItem& group, PageWriting& w) {
    const Transform& t = group.transform;
    // F is px/py: the bleed box's coordinates (crop marks move the whole page by a cm of their own).
    const double ox = info_.geometry.bleed.value, oy = bleed_h_ - info_.geometry.bleed.value;
    // L = S A S with S = diag(1, -1); translation = o - L o + S (e, f), o = F(0, 0).
    const double a = t.a, b = -t.b, c = -t.c, d = t.d;
    const double e = ox - (a * ox + c * oy) + t.e.value, f = oy - (b * ox + d * oy) - t.f.value;
    const TextState saved = text_state_;
    structure_->interrupt(w.content);  // marked content nests with q and Q
    w.content += fmt::format("q\n{} {} {} {} {} {} cm\n", num(a), num(b), num(c), num(d), num(e), num(f));
    if (group.clip) {
      PathItem clip;
      clip.ops = *group.clip;
      write_path_ops(clip, w.content);
      w.content += "W n\n";
    }
    const Transform outer = w.to_page;
    w.to_page = Transform{outer.a * t.a + outer.c * t.b, outer.b * t.a + outer.d * t.b,
                          outer.a * t.c + outer.c * t.d, outer.b * t.c + outer.d * t.d,
                          Pt(outer.a * t.e.value + outer.c * t.f.value) + outer.e,
                          Pt(outer.b * t.e.value + outer.d * t.f.value) + outer.f};
    ++w.depth;
    write_items(group.items, w);
    --w.depth;
    w.to_page = outer;
    structure_->interrupt(w.content);
    w.content += "Q\n";
    text_state_ = saved;
  }

  // Glyphs as TJ arrays of 2-byte glyph ids, those in a row in one hex string; HarfBuzz's
  // advances differ from the font's widths by kerning and justification, and the differences
  // go into the array as adjustments.
  void write_text(const GlyphRunItem& item, const std::string& font, std::string& out) {
    const GlyphRun& run = item.run;
    const double size = run.size.value;
    // The fill colour and the font outlive a text object: they are set only when they change.
    // Paths and images change the colour inside q ... Q, which restores it.
    out += "BT\n";
    if (text_state_.fill != run.colour) append_fill_colour(out, run.colour);
    if (text_state_.face != run.face || text_state_.size != size) {
      out += '/';
      out += font;
      out += ' ';
      append_op(out, {size}, " Tf\n");
    }
    text_state_ = {run.colour, run.face, size};
    const FontEmbedder::FaceTables face = fonts_->tables(run.face);
    const double base_x = px(item.x), base_y = py(item.y);
    double pen = 0;     // where HarfBuzz puts the next glyph, from the run's origin
    double cursor = 0;  // where the PDF's text position is
    bool open = false, in_hex = false;
    auto start = [&](double x, double y) {
      out += "1 0 0 1 ";
      append_op(out, {base_x + x, y}, " Tm\n[");
      cursor = x;
      open = true;
    };
    auto end_hex = [&]() {
      if (in_hex) out += '>';
      in_hex = false;
    };
    auto close = [&]() {
      end_hex();
      if (open) out += "] TJ\n";
      open = false;
    };
    for (const auto& cluster : run.clusters) {
      const bool actual = face.needs_actual_text(run, cluster);
      if (actual) {
        close();
        out += fmt::format("/Span <</ActualText <{}>>> BDC\n", hex(utf16_text_string(run.text_of(cluster))));
      }
      for (uint32_t i = cluster.first_glyph; i < cluster.first_glyph + cluster.glyph_count; ++i) {
        const Glyph& g = run.glyphs[i];
        const double x = pen + g.x_offset.value;
        if (g.y_offset.value != 0) {
          close();
          start(x, base_y + g.y_offset.value);
        } else if (!open) {
          start(x, base_y);
        } else if (std::abs(x - cursor) > 0.0005) {
          end_hex();
          append_num(out, -(x - cursor) * 1000.0 / size);
        }
        if (!in_hex) out += '<';
        in_hex = true;
        append_glyph(out, g.id);
        cursor = x + face.pdf_width(g.id) * size / 1000.0;
        pen += g.advance.value;
        if (g.y_offset.value != 0) close();
      }
      if (actual) {
        close();
        out += "EMC\n";
      }
    }
    close();
    out += "ET\n";
  }

  void write_path(const PathItem& path, HPDF_Page page, std::string& out) {
    out += "q\n";
    if (path.fill_opacity < 1 || path.stroke_opacity < 1)
      out += opacities_->set(page, path.fill ? path.fill_opacity : 1, path.stroke ? path.stroke_opacity : 1);
    if (path.fill) append_fill_colour(out, *path.fill);
    if (path.stroke) {
      append_stroke_colour(out, *path.stroke);
      append_op(out, {path.line_width.value}, " w\n");
    }
    if (path.dotted) out += fmt::format("[0 {}] 0 d\n", num(path.line_width.value * 3));
    if (!path.dash.empty()) {
      out += "[";
      for (size_t i = 0; i < path.dash.size(); ++i) out += (i ? " " : "") + num(path.dash[i].value);
      out += "] 0 d\n";
    }
    if (path.dotted || path.round_cap) out += "1 J\n";
    else if (path.square_cap) out += "2 J\n";
    if (path.join != PathItem::Join::Miter) out += path.join == PathItem::Join::Round ? "1 j\n" : "2 j\n";
    write_path_ops(path, out);
    const char* fill = path.even_odd ? "f*" : "f";
    out += path.fill && path.stroke ? (path.even_odd ? "B*\n" : "B\n") : path.fill ? std::string(fill) + "\n" : path.stroke ? "S\n" : "n\n";
    out += "Q\n";
  }

  void write_path_ops(const PathItem& path, std::string& out) {
    for (const auto& op : path.ops) {
      switch (op.kind) {
        case PathOp::Kind::MoveTo: append_op(out, {px(op.x1), py(op.y1)}, " m\n"); break;
        case PathOp::Kind::LineTo: append_op(out, {px(op.x1), py(op.y1)}, " l\n"); break;
        case PathOp::Kind::CurveTo:
          append_op(out, {px(op.x1), py(op.y1), px(op.x2), py(op.y2), px(op.x3), py(op.y3)}, " c\n");
          break;
        case PathOp::Kind::Close: out += "h\n"; break;
      }
    }
  }

  void write_link(const PageLink& page_link, const std::map<std::string, const OutlineEntry*>& places) {
    const size_t page = page_link.page;
    const LinkItem& link = page_link.link;
    const double m = marks_;
    HPDF_Rect rect{static_cast<HPDF_REAL>(m + px(link.x)), static_cast<HPDF_REAL>(m + py(link.y + link.height)),
                   static_cast<HPDF_REAL>(m + px(link.x + link.width)), static_cast<HPDF_REAL>(m + py(link.y))};
    HPDF_Annotation annot = nullptr;
    if (link.uri[0] == '#') {
      const auto place = places.find(link.uri.substr(1));  // the model has checked that it is there
      if (place != places.end())
        annot = HPDF_Page_CreateLinkAnnot(pages_[page], rect, destination(place->second->page, place->second->y));
    } else if (!link.uri.empty()) {
      annot = HPDF_Page_CreateURILinkAnnot(pages_[page], rect, link.uri.c_str());
    } else if (link.target_page >= 0 && static_cast<size_t>(link.target_page) < pages_.size()) {
      annot = HPDF_Page_CreateLinkAnnot(pages_[page], rect, destination(link.target_page, Pt(-info_.geometry.bleed.value)));
    }
    if (!annot) return;
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    structure_->link_annotation(page_link.element, annot, pages_[page], page_link.contents);
    HPDF_Dict_AddName(pages_[page], "Tabs", "S");  // the tab order follows the structure
  }

  // [page /XYZ left top null]: the target's top at the window's top, the zoom left alone
  // (libharu's own XYZ helper refuses a zoom of null).
  HPDF_Destination destination(int page, Pt y) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<size_t>(page)]);
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, pages_[static_cast<size_t>(page)]);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_AddNumber(dst, 0);
    HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(std::min(media_h_, marks_ + py(y))));
    HPDF_Array_Add(dst, HPDF_Null_New(doc_->mmgr));
    return dst;
  }

  // Pictures are decoded once each, by path, and drawn as XObjects.
  void write_image(const ImageItem& item, HPDF_Page page, std::string& out) {
    auto it = images_.find(item.path);
    if (it == images_.end()) {
      std::string why;
      it = images_.emplace(item.path, make_picture_xobject(doc_, image_deflater_, item.path, info_.cmyk, why)).first;
      if (!it->second && picture_problem_.empty()) picture_problem_ = fmt::format("picture {}: {}", item.path, why);
    }
    if (!it->second) return;
    // The picture's name in the page's resources; its operators go into our stream.
    const char* name = HPDF_Page_GetXObjectName(page, it->second->image);
    out += fmt::format("q {} 0 0 {} {} {} cm {}/{} Do Q\n", num(item.width.value), num(item.height.value), num(px(item.x)),
                       num(py(item.y + item.height)), orientation_matrix(it->second->orientation), name);
  }

  void add_outline(const std::vector<OutlineEntry>& outline) {
    std::vector<HPDF_Outline> parents;
    for (const auto& entry : outline) {
      if (entry.page < 0 || static_cast<size_t>(entry.page) >= pages_.size()) continue;
      parents.resize(static_cast<size_t>(entry.level));
      HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
      HPDF_Outline o = HPDF_CreateOutline(doc_, parent, "", nullptr);
      if (!o) return;  // libharu has recorded why
      // libharu would write the title in its own encoding; a UTF-16 text string replaces it.
      const std::string title = utf16_text_string(entry.title);
      HPDF_Dict_Add(o, "Title", HPDF_Binary_New(doc_->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(title.data())),
                                                static_cast<HPDF_UINT>(title.size())));
      HPDF_Outline_SetDestination(o, destination(entry.page, entry.y));
      parents.push_back(o);
    }
    if (!outline.empty()) HPDF_SetPageMode(doc_, HPDF_PAGE_MODE_USE_OUTLINE);
  }

  void add_page_labels() {
    long expected = -1;
    for (size_t i = 0; i < labels_.size(); ++i) {
      const std::string& label = labels_[i];
      char* end = nullptr;
      const long n = std::strtol(label.c_str(), &end, 10);
      const bool numeric = !label.empty() && *end == '\0' && n > 0;
      if (numeric && n == expected) {
        ++expected;
        continue;
      }
      if (numeric) {
        HPDF_AddPageLabel(doc_, static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL, static_cast<HPDF_UINT>(n), nullptr);
        expected = n + 1;
      } else {
        HPDF_AddPageLabel(doc_, static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL, 0, label.c_str());
        expected = -1;
      }
    }
  }

  // "" when done, else the reason.
  std::string add_metadata() {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "leafpress");
    add_text_info(doc_, "Title", info_.title);
    add_text_info(doc_, "Author", info_.author);
    auto when = options_.creation_time ? options_.creation_time : date_to_seconds(info_.date);
    if (options_.pdf_x4 && !when) when = 0;  // PDF/X wants both dates; nothing else here is from the clock
    if (when) {
      HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, to_pdf_date(*when));
      HPDF_SetInfoDateAttr(doc_, HPDF_INFO_MOD_DATE, to_pdf_date(*when));
    }
    HPDF_Dict catalog = doc_->catalog;
    if (!info_.language.empty()) HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(doc_->mmgr, info_.language.c_str(), nullptr));
    HPDF_Dict viewer = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "ViewerPreferences", viewer);
    // The file identifier comes from the content, so that the same input gives the same bytes.
    uint64_t h1 = fnv1a64(info_.title, hash_), h2 = fnv1a64(info_.language, h1 ^ 0x9E3779B97F4A7C15ull);
    HPDF_BYTE id[16];
    for (int i = 0; i < 8; ++i) id[i] = static_cast<HPDF_BYTE>(h1 >> (8 * i)), id[8 + i] = static_cast<HPDF_BYTE>(h2 >> (8 * i));
    HPDF_Array ids = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_Add(ids, HPDF_Binary_New(doc_->mmgr, id, 16));
    HPDF_Array_Add(ids, HPDF_Binary_New(doc_->mmgr, id, 16));
    HPDF_Dict_Add(doc_->trailer, "ID", ids);
    HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "leafpress");
    const PdfxInfo about{info_.title, "leafpress", when.value_or(0), hex(std::string(reinterpret_cast<char*>(id), 16))};
    if (options_.pdf_x4)
      if (std::string why = add_pdfx4(doc_, about); !why.empty()) return why;
    // Every edition is tagged, and its XMP carries the title (PDF/UA-1 asks for dc:title).
    return add_xmp(doc_, about, XmpClaims{options_.pdf_x4, options_.pdf_ua1, when.has_value()});
  }
};

}  // namespace

// Three threads: layout's, which pushes pages; one that makes their content streams (in page
// order: what a glyph stands for is learnt as pages come); one that deflates them. A few pages
// queued in front of each keep all three busy without holding a long document. (Without
// own_threads, the layout's thread does all three in turn.) A contents page comes with
// placeholders for its numbers, which come later (fill_in), so it holds no page.
struct PdfWriter::Impl {
  static constexpr size_t kQueued = 8;

  // A page, or the items of an earlier page's placeholders.
  struct Job {
    Page page;
    std::optional<size_t> fill_in;  // the earlier page's index
    std::vector<std::vector<FrameItem>> items;
  };

  std::string path;
  PdfOptions options;
  std::unique_ptr<PdfDocument> doc;  // of the latest layout
  std::vector<std::string> deflated;  // content streams, by page
  std::vector<bool> has_deflated;
  bool out_of_memory = false;         // while deflating
  bool damaged_input = false;         // finish failed on a font HarfBuzz cannot subset
  std::vector<OutlineEntry> outline;
  std::unique_ptr<Conveyor<std::pair<size_t, std::string>>> deflating;
  std::unique_ptr<Conveyor<Job>> writing;

  void stop() {
    if (writing) writing->finish();
    if (deflating) deflating->finish();
  }
};

PdfWriter::PdfWriter(std::string path, PdfOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  impl_->options = options;
}

PdfWriter::~PdfWriter() { impl_->stop(); }

void PdfWriter::begin(const DocumentInfo& info) {
  Impl& im = *impl_;
  im.stop();
  im.doc = std::make_unique<PdfDocument>(info, im.options);
  im.deflated.clear();
  im.has_deflated.clear();
  im.out_of_memory = false;
  im.outline.clear();
  im.deflating = std::make_unique<Conveyor<std::pair<size_t, std::string>>>(
      Impl::kQueued, [&im, deflater = std::make_shared<Deflater>(Deflater::kContentLevel)](std::pair<size_t, std::string>& indexed) {
        auto& [index, content] = indexed;
        im.out_of_memory = im.out_of_memory || !deflater->deflate(content);
        if (index >= im.deflated.size()) im.deflated.resize(index + 1), im.has_deflated.resize(index + 1);
        im.deflated[index] = std::move(content);
        im.has_deflated[index] = true;
      }, im.options.own_threads);
  im.writing = std::make_unique<Conveyor<Impl::Job>>(Impl::kQueued, [&im, index = size_t{0}](Impl::Job& job) mutable {
    if (job.fill_in) {
      im.deflating->push({*job.fill_in, im.doc->fill_in(*job.fill_in, job.items)});
      return;
    }
    if (std::optional<std::string> content = im.doc->add_page(job.page)) im.deflating->push({index, std::move(*content)});
    ++index;
  }, im.options.own_threads);
}

void PdfWriter::page(Page page) {
  if (impl_->writing) impl_->writing->push(Impl::Job{std::move(page), std::nullopt, {}});
}

void PdfWriter::fill_in(size_t index, std::vector<std::vector<FrameItem>> items) {
  if (impl_->writing) impl_->writing->push(Impl::Job{{}, index, std::move(items)});
}

void PdfWriter::end(std::vector<OutlineEntry> outline) {
  impl_->stop();
  impl_->outline = std::move(outline);
}

namespace {

// What stopped a conveyor, in words; "" if nothing did.
template <class T>
std::string failure_of(const std::unique_ptr<Conveyor<T>>& conveyor) {
  if (!conveyor || !conveyor->failure()) return "";
  try {
    std::rethrow_exception(conveyor->failure());
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an unknown failure";
  }
}

}  // namespace

bool PdfWriter::finish(Diagnostics& diags, WholeFile* pending) {
  impl_->stop();
  WholeFile file(impl_->path);
  std::string failure = failure_of(impl_->writing);
  if (failure.empty()) failure = failure_of(impl_->deflating);
  const bool every_page = impl_->doc && impl_->doc->complete() &&
                          std::find(impl_->has_deflated.begin(), impl_->has_deflated.end(), false) == impl_->has_deflated.end();
  const std::string problem = !impl_->doc           ? "nothing was laid out"
                              : !failure.empty()     ? fmt::format("cannot write the pages: {}", failure)
                              : impl_->out_of_memory ? "out of memory while compressing the pages"
                              : !every_page          ? "a contents page never had its page numbers"
                                                     : impl_->doc->save(file, impl_->deflated, impl_->outline);
  const FontFace* damaged = impl_->doc ? impl_->doc->damaged_face() : nullptr;
  impl_->doc.reset();
  impl_->deflated.clear();
  impl_->has_deflated.clear();
  std::string committed;
  if (problem.empty() && pending) *pending = std::move(file);
  else if (problem.empty() && !file.commit(committed)) diags.error(impl_->path, {}, committed);
  if (problem.empty()) return committed.empty();
  impl_->damaged_input = damaged != nullptr;
  diags.error(damaged ? damaged->path : impl_->path, {}, problem);
  return false;
}

bool PdfWriter::failed_on_input() const { return impl_->damaged_input; }

bool write_pdf(const DisplayList& list, const std::string& path, const PdfOptions& options, Diagnostics& diags) {
  PdfWriter writer(path, options);
  writer.begin(list.info);
  for (const auto& page : list.pages) writer.page(page);
  writer.end(list.outline);
  return writer.finish(diags);
}

}  // namespace lp
