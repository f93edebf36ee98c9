// The display list through libharu. libharu writes the document's objects; the page content is
// written here as raw operators, since libharu's text API cannot show HarfBuzz's glyphs.
#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <unicode/unistr.h>

#include <zlib.h>

#include <atomic>
#include <cstdio>
#include <thread>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <fmt/format.h>

#include "pdf/font_embedder.h"
#include "pdf/pdf_objects.h"

namespace lp {

namespace {

void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* first = static_cast<std::string*>(user_data);
  if (first->empty()) *first = fmt::format("libharu error {:#x} (detail {})", error_no, detail_no);
}

// Numbers in content streams: at most three decimals, no exponent, no "-0".
// Written digit by digit: content streams hold tens of thousands of numbers.
std::string num(double v) {
  long milli = std::lround(v * 1000);
  if (milli == 0) return "0";
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
  return std::string(p, end);
}

// Each text deflated in place (zlib format, as /FlateDecode reads it) on every core; zlib gives
// the same bytes whichever thread runs it.
void deflate_all(std::vector<std::string>& texts) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < texts.size(); i = next++) {
      uLongf size = compressBound(static_cast<uLong>(texts[i].size()));
      std::string out(size, '\0');
      compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(texts[i].data()),
                static_cast<uLong>(texts[i].size()), Z_DEFAULT_COMPRESSION);
      out.resize(size);
      texts[i] = std::move(out);
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < std::min(cores, 8u) && t < texts.size(); ++t) helpers.emplace_back(work);
  work();
  for (auto& t : helpers) t.join();
}

// <XXXX>: a 2-byte glyph id in hex.
void append_glyph(std::string& out, uint32_t id) {
  static const char digits[] = "0123456789ABCDEF";
  const char g[6] = {'<', digits[(id >> 12) & 15], digits[(id >> 8) & 15], digits[(id >> 4) & 15], digits[id & 15], '>'};
  out.append(g, 6);
}

std::string utf16_text_string(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out = "\xFE\xFF";
  for (int32_t i = 0; i < u.length(); ++i) {
    out += static_cast<char>(u.charAt(i) >> 8);
    out += static_cast<char>(u.charAt(i) & 0xFF);
  }
  return out;
}

std::string hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02X}", c);
  return out;
}

class PdfWriter {
 public:
  PdfWriter(const DisplayList& list, HPDF_Doc doc) : list_(list), doc_(doc), fonts_(doc) {}

  std::string write_pages() {
    const auto& g = list_.geometry;
    media_w_ = g.width.value + 2 * g.bleed.value;
    media_h_ = g.height.value + 2 * g.bleed.value;
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    for (const auto& page : list_.pages)
      for (const auto& item : page.items)
        if (const auto* text = std::get_if<GlyphRunItem>(&item)) fonts_.learn(text->run);
    for (size_t i = 0; i < list_.pages.size(); ++i) {
      HPDF_Page page = HPDF_AddPage(doc_);
      if (!page) return "cannot add a page";
      set_boxes(page);
      pages_.push_back(page);
    }
    std::vector<std::string> contents(list_.pages.size());
    for (size_t i = 0; i < list_.pages.size(); ++i) {
      contents[i] = write_page(list_.pages[i], pages_[i]);
      hash_ = fnv1a64(contents[i], hash_);
    }
    // libharu would deflate every page on this thread while saving; deflated here on every
    // core, the streams go in ready. libharu drops a /Filter key from a stream it does not
    // filter itself, so the key is written by the dictionary's write hook.
    deflate_all(contents);
    for (size_t i = 0; i < pages_.size(); ++i) {
      auto* attr = static_cast<HPDF_PageAttr>(pages_[i]->attr);
      attr->contents->filter = HPDF_STREAM_FILTER_NONE;
      attr->contents->write_fn = [](HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); };
      HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(contents[i].data()),
                        static_cast<HPDF_UINT>(contents[i].size()));
      std::string().swap(contents[i]);
    }
    std::string error;
    if (!fonts_.finish(error)) return error;
    add_page_labels();
    add_outline();
    return "";
  }

  uint64_t content_hash() const { return hash_; }

 private:
  const DisplayList& list_;
  HPDF_Doc doc_;
  FontEmbedder fonts_;
  std::vector<HPDF_Page> pages_;
  std::map<std::string, HPDF_Image> images_;
  double media_w_ = 0, media_h_ = 0;
  uint64_t hash_ = 1469598103934665603ull;

  double px(Pt x) const { return x.value + list_.geometry.bleed.value; }
  double py(Pt y) const { return media_h_ - (y.value + list_.geometry.bleed.value); }

  // libharu's box helpers keep whole points only: the boxes are written here as real arrays.
  void set_boxes(HPDF_Page page) {
    const auto& g = list_.geometry;
    const double b = g.bleed.value;
    HPDF_Dict_Add(page, "MediaBox", real_array(doc_->mmgr, {0, 0, media_w_, media_h_}));
    HPDF_Dict_Add(page, "BleedBox", real_array(doc_->mmgr, {0, 0, media_w_, media_h_}));
    HPDF_Dict_Add(page, "TrimBox", real_array(doc_->mmgr, {b, b, b + g.width.value, b + g.height.value}));
  }

  std::string fill_colour(const Colour& c) const {
    return list_.cmyk ? fmt::format("{} {} {} {} k\n", num(c.c), num(c.m), num(c.y), num(c.k))
                      : fmt::format("{} {} {} rg\n", num(c.r), num(c.g), num(c.b));
  }
  std::string stroke_colour(const Colour& c) const {
    return list_.cmyk ? fmt::format("{} {} {} {} K\n", num(c.c), num(c.m), num(c.y), num(c.k))
                      : fmt::format("{} {} {} RG\n", num(c.r), num(c.g), num(c.b));
  }

  // The page's content stream; its fonts, links and images go into the page's dictionaries.
  std::string write_page(const Page& page, HPDF_Page hpage) {
    std::string content;
    HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(hpage, "Resources", HPDF_OCLASS_DICT));
    HPDF_Dict font_resources = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_Add(resources, "Font", font_resources);
    std::set<std::string> fonts_on_page;
    for (const auto& item : page.items) {
      if (const auto* text = std::get_if<GlyphRunItem>(&item)) {
        const std::string name = fonts_.resource_name(text->run.face);
        if (fonts_on_page.insert(name).second) HPDF_Dict_Add(font_resources, name.c_str(), fonts_.font_dict(text->run.face));
        write_text(*text, name, content);
      } else if (const auto* path = std::get_if<PathItem>(&item)) {
        write_path(*path, content);
      } else if (const auto* link = std::get_if<LinkItem>(&item)) {
        write_link(*link, hpage);
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        write_image(*image, hpage, content);
      }
    }
    return content;
  }

  // Glyphs as TJ arrays of 2-byte glyph ids; HarfBuzz's advances differ from the font's widths
  // by kerning and justification, and the differences go into the array as adjustments.
  void write_text(const GlyphRunItem& item, const std::string& font, std::string& out) {
    const GlyphRun& run = item.run;
    const double size = run.size.value;
    out += "BT\n" + fill_colour(run.colour) + fmt::format("/{} {} Tf\n", font, num(size));
    const double base_x = px(item.x), base_y = py(item.y);
    double pen = 0;     // where HarfBuzz puts the next glyph, from the run's origin
    double cursor = 0;  // where the PDF's text position is
    bool open = false;
    auto start = [&](double x, double y) {
      out += fmt::format("1 0 0 1 {} {} Tm\n[", num(base_x + x), num(y));
      cursor = x;
      open = true;
    };
    auto close = [&]() {
      if (open) out += "] TJ\n";
      open = false;
    };
    for (const auto& cluster : run.clusters) {
      const bool actual = fonts_.needs_actual_text(run.face, run, cluster);
      if (actual) {
        close();
        out += fmt::format("/Span <</ActualText <{}>>> BDC\n", hex(utf16_text_string(cluster.text)));
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
          out += num(-(x - cursor) * 1000.0 / size) + " ";
        }
        append_glyph(out, g.id);
        cursor = x + fonts_.pdf_width(run.face, g.id) * size / 1000.0;
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

  void write_path(const PathItem& path, std::string& out) {
    out += "q\n";
    if (path.fill) out += fill_colour(*path.fill);
    if (path.stroke) out += stroke_colour(*path.stroke) + fmt::format("{} w\n", num(path.line_width.value));
    if (path.dotted) out += fmt::format("[0 {}] 0 d\n", num(path.line_width.value * 3));
    if (path.dotted || path.round_cap) out += "1 J\n";
    for (const auto& op : path.ops) {
      switch (op.kind) {
        case PathOp::Kind::MoveTo: out += fmt::format("{} {} m\n", num(px(op.x1)), num(py(op.y1))); break;
        case PathOp::Kind::LineTo: out += fmt::format("{} {} l\n", num(px(op.x1)), num(py(op.y1))); break;
        case PathOp::Kind::CurveTo:
          out += fmt::format("{} {} {} {} {} {} c\n", num(px(op.x1)), num(py(op.y1)), num(px(op.x2)), num(py(op.y2)),
                             num(px(op.x3)), num(py(op.y3)));
          break;
        case PathOp::Kind::Close: out += "h\n"; break;
      }
    }
    out += path.fill && path.stroke ? "B\n" : path.fill ? "f\n" : path.stroke ? "S\n" : "n\n";
    out += "Q\n";
  }

  void write_link(const LinkItem& link, HPDF_Page page) {
    HPDF_Rect rect{static_cast<HPDF_REAL>(px(link.x)), static_cast<HPDF_REAL>(py(link.y + link.height)),
                   static_cast<HPDF_REAL>(px(link.x + link.width)), static_cast<HPDF_REAL>(py(link.y))};
    HPDF_Annotation annot = nullptr;
    if (!link.uri.empty()) {
      annot = HPDF_Page_CreateURILinkAnnot(page, rect, link.uri.c_str());
    } else if (link.target_page >= 0 && static_cast<size_t>(link.target_page) < pages_.size()) {
      annot = HPDF_Page_CreateLinkAnnot(page, rect, destination(link.target_page, Pt(-list_.geometry.bleed.value)));
    }
    if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
  }

  // [page /XYZ left top null]: the target's top at the window's top, the zoom left alone
  // (libharu's own XYZ helper refuses a zoom of null).
  HPDF_Destination destination(int page, Pt y) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[static_cast<size_t>(page)]);
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, pages_[static_cast<size_t>(page)]);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_AddNumber(dst, 0);
    HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(std::min(media_h_, py(y))));
    HPDF_Array_Add(dst, HPDF_Null_New(doc_->mmgr));
    return dst;
  }

  // Images are loaded once each, by path, and drawn as XObjects.
  void write_image(const ImageItem& item, HPDF_Page page, std::string& out) {
    auto it = images_.find(item.path);
    if (it == images_.end()) {
      const bool png = item.path.size() > 4 && (item.path.substr(item.path.size() - 4) == ".png" || item.path.substr(item.path.size() - 4) == ".PNG");
      HPDF_Image img = png ? HPDF_LoadPngImageFromFile(doc_, item.path.c_str()) : HPDF_LoadJpegImageFromFile(doc_, item.path.c_str());
      if (!img) {
        HPDF_ResetError(doc_);
        img = png ? HPDF_LoadJpegImageFromFile(doc_, item.path.c_str()) : HPDF_LoadPngImageFromFile(doc_, item.path.c_str());
      }
      it = images_.emplace(item.path, img).first;
    }
    if (!it->second) return;
    // libharu names the image in the page's resources; its operators go into our stream.
    const char* name = HPDF_Page_GetXObjectName(page, it->second);
    out += fmt::format("q {} 0 0 {} {} {} cm /{} Do Q\n", num(item.width.value), num(item.height.value), num(px(item.x)),
                       num(py(item.y + item.height)), name);
  }

  void add_outline() {
    std::vector<HPDF_Outline> parents;
    for (const auto& entry : list_.outline) {
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
    if (!list_.outline.empty()) HPDF_SetPageMode(doc_, HPDF_PAGE_MODE_USE_OUTLINE);
  }

  void add_page_labels() {
    long expected = -1;
    for (size_t i = 0; i < list_.pages.size(); ++i) {
      const std::string& label = list_.pages[i].label;
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
};

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

}  // namespace

bool write_pdf(const DisplayList& list, const std::string& path, const PdfOptions& options, Diagnostics& diags) {
  std::string error;
  HPDF_Doc doc = HPDF_New(record_error, &error);
  if (!doc) {
    diags.error(path, {}, "cannot start libharu");
    return false;
  }
  // ActualText spans and transparency-free print both want at least PDF 1.5; 1.7 is ISO 32000-1.
  doc->pdf_version = HPDF_VER_17;
  PdfWriter writer(list, doc);
  std::string problem = writer.write_pages();

  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "leafpress");
  add_text_info(doc, "Title", list.title);
  add_text_info(doc, "Author", list.author);
  if (auto when = options.creation_time ? options.creation_time : date_to_seconds(list.date)) {
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, to_pdf_date(*when));
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, to_pdf_date(*when));
  }
  HPDF_Dict catalog = doc->catalog;
  if (!list.language.empty()) HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(doc->mmgr, list.language.c_str(), nullptr));
  HPDF_Dict viewer = HPDF_Dict_New(doc->mmgr);
  HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", viewer);

  // The file identifier comes from the content, so that the same input gives the same bytes.
  uint64_t h1 = fnv1a64(list.title, writer.content_hash()), h2 = fnv1a64(list.language, h1 ^ 0x9E3779B97F4A7C15ull);
  HPDF_BYTE id[16];
  for (int i = 0; i < 8; ++i) id[i] = static_cast<HPDF_BYTE>(h1 >> (8 * i)), id[8 + i] = static_cast<HPDF_BYTE>(h2 >> (8 * i));
  HPDF_Array ids = HPDF_Array_New(doc->mmgr);
  HPDF_Array_Add(ids, HPDF_Binary_New(doc->mmgr, id, 16));
  HPDF_Array_Add(ids, HPDF_Binary_New(doc->mmgr, id, 16));
  HPDF_Dict_Add(doc->trailer, "ID", ids);

  namespace fs = std::filesystem;
  const std::string temp = path + ".part";
  if (problem.empty() && error.empty() && HPDF_SaveToFile(doc, temp.c_str()) != HPDF_OK)
    problem = "cannot write the file";
  if (problem.empty() && !error.empty()) problem = error;
  HPDF_Free(doc);
  std::error_code ec;
  if (problem.empty()) {
    fs::rename(temp, path, ec);
    if (ec) problem = fmt::format("cannot move the finished file into place: {}", ec.message());
  }
  if (!problem.empty()) {
    fs::remove(temp, ec);
    diags.error(path, {}, problem);
    return false;
  }
  return true;
}

}  // namespace lp
