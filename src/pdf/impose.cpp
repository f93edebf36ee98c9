#include "pdf/impose.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <tuple>
#include <vector>

#include "pdf/marks.h"

namespace lp {

namespace {

constexpr double kMm = 72.0 / 25.4;
using Rect = QPDFObjectHandle::Rectangle;

struct Geometry {
  double trim_w = 0, trim_h = 0;
  double bleed = 0;  // the least bleed on any side of the first page: what every spread keeps
  double margin = 0; // room for marks around the bleed
  double x0() const { return margin + bleed; }  // the spread's trim, lower left
  double y0() const { return margin + bleed; }
  double sheet_w() const { return 2 * (trim_w + bleed + margin); }
  double sheet_h() const { return trim_h + 2 * (bleed + margin); }
};

Rect box_of(QPDFObjectHandle box) {
  Rect r = box.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

// The page's trim, and how far its bleed box reaches past it on its nearest side.
std::pair<Rect, double> trim_and_bleed(QPDFPageObjectHelper& page) {
  const Rect trim = box_of(page.getTrimBox());
  const Rect bleed = box_of(page.getBleedBox());
  const double b = std::min({trim.llx - bleed.llx, trim.lly - bleed.lly, bleed.urx - trim.urx, bleed.ury - trim.ury});
  return {trim, std::max(0.0, b)};
}

// The trim's width and height as the page is shown: /Rotate 90 or 270 turns it.
std::pair<double, double> shown_size(QPDFPageObjectHelper& page) {
  const Rect t = trim_and_bleed(page).first;
  QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
  const long long turn = rotate.isInteger() ? ((rotate.getIntValue() % 360) + 360) % 360 : 0;
  if (turn == 90 || turn == 270) return {t.ury - t.lly, t.urx - t.llx};
  return {t.urx - t.llx, t.ury - t.lly};
}

std::string num(double v) { return fmt::format("{:.4f}", v); }

std::string rect_ops(const Rect& r) {
  return fmt::format("{} {} {} {} re", num(r.llx), num(r.lly), num(r.urx - r.llx), num(r.ury - r.lly));
}

// Draws `page` with its trim at `trim`, nothing of it outside `clip`.
std::string place(QPDF& out, QPDFPageObjectHelper& page, QPDFObjectHandle resources, const std::string& name,
                  const Rect& trim, const Rect& clip, double bleed, QPDFPageObjectHelper& sheet) {
  QPDFObjectHandle form = page.getFormXObjectForPage();
  // The form shows the trim and as much bleed on every side, so centring it centres the trim.
  const Rect t = trim_and_bleed(page).first;
  form.replaceKey("/BBox", QPDFObjectHandle::newArray(Rect(t.llx - bleed, t.lly - bleed, t.urx + bleed, t.ury + bleed)));
  QPDFObjectHandle copied = out.copyForeignObject(form);
  resources.getKey("/XObject").replaceKey(name, copied);
  const std::string placed = sheet.placeFormXObject(copied, name, trim, true, false, false);
  return "q " + rect_ops(clip) + " W n\n" + placed + "\nQ\n";
}

QPDFObjectHandle rect_array(const Rect& r) { return QPDFObjectHandle::newArray(r); }

void add_sheet(QPDF& out, std::vector<QPDFPageObjectHelper>& pages, size_t left, size_t right, double shift,
               const Geometry& g, QPDFObjectHandle registration) {
  const bool marks = registration.isInitialized();
  QPDFObjectHandle dict = QPDFObjectHandle::parse("<< /Type /Page /Resources << /XObject << >> >> >>");
  if (marks)
    dict.getKey("/Resources").replaceKey("/ColorSpace", QPDFObjectHandle::newDictionary({{std::string("/") + kRegistrationName, registration}}));
  const Rect media(0, 0, g.sheet_w(), g.sheet_h());
  const Rect bleed(g.margin, g.margin, g.sheet_w() - g.margin, g.sheet_h() - g.margin);
  const double spine = g.sheet_w() / 2;
  dict.replaceKey("/MediaBox", rect_array(media));
  dict.replaceKey("/BleedBox", rect_array(bleed));
  dict.replaceKey("/TrimBox", rect_array(Rect(g.x0(), g.y0(), spine + g.trim_w, g.y0() + g.trim_h)));
  QPDFObjectHandle page_obj = out.makeIndirectObject(dict);
  QPDFPageObjectHelper sheet(page_obj);
  QPDFObjectHandle resources = page_obj.getKey("/Resources");
  std::string content = marks ? crop_marks_content(g.margin, g.bleed, 2 * g.trim_w, g.trim_h, true) : "";
  // Creep moves both pages towards the spine; each is clipped at the spine.
  const Rect left_trim(spine - g.trim_w + shift, g.y0(), spine + shift, g.y0() + g.trim_h);
  const Rect right_trim(spine - shift, g.y0(), spine + g.trim_w - shift, g.y0() + g.trim_h);
  content += place(out, pages[left], resources, "/Fx1", left_trim, Rect(bleed.llx, bleed.lly, spine, bleed.ury), g.bleed, sheet);
  content += place(out, pages[right], resources, "/Fx2", right_trim, Rect(spine, bleed.lly, bleed.urx, bleed.ury), g.bleed, sheet);
  page_obj.replaceKey("/Contents", out.newStream(content));
  QPDFPageDocumentHelper(out).addPage(sheet, false);
}

}  // namespace

ImposeResult impose(const ImposeRequest& req) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(req.input, ec)) return {3, fmt::format("{}: error: cannot read file", req.input)};
  if (!(req.creep_mm >= 0 && req.creep_mm <= 10))
    return {2, fmt::format("leafpress: --creep must be from 0 to 10 mm, not {}", req.creep_mm)};
  const std::string temp = req.output + ".part";
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.processFile(req.input.c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(in).getAllPages();
    const size_t n = pages.size();
    if (n == 0 || n % 4 != 0)
      return {1, fmt::format("{}: error: {} page{}, not a multiple of four: a saddle-stitched booklet is folded from "
                             "sheets of four pages (pad it, e.g. with 'pad-to-multiple: 4' in the layout)",
                             req.input, n, n == 1 ? "" : "s")};
    Geometry g;
    std::tie(g.trim_w, g.trim_h) = shown_size(pages[0]);
    g.bleed = trim_and_bleed(pages[0]).second;
    for (size_t i = 1; i < n; ++i) {
      const auto [w, h] = shown_size(pages[i]);
      if (std::abs(w - g.trim_w) > 0.5 || std::abs(h - g.trim_h) > 0.5)
        return {1, fmt::format("{}: error: page {} is {:.1f} x {:.1f} pt, not the first page's {:.1f} x {:.1f} pt", req.input,
                               i + 1, w, h, g.trim_w, g.trim_h)};
    }
    g.margin = req.marks ? crop_marks_margin(g.bleed) : 0;
    QPDF out;
    out.emptyPDF();
    QPDFObjectHandle registration;
    if (req.marks) registration = out.makeIndirectObject(QPDFObjectHandle::parse(kRegistrationSpace));
    const size_t sides = n / 2, sheets = n / 4;
    for (size_t k = 0; k < sides; ++k) {
      // Side k of sheet k/2: the front has the higher page on the left, the back the lower.
      const size_t low = k, high = n - 1 - k;
      const double shift = sheets > 1 ? req.creep_mm * kMm * static_cast<double>(k / 2) / static_cast<double>(sheets - 1) : 0;
      if (k % 2 == 0) add_sheet(out, pages, high, low, shift, g, registration);
      else add_sheet(out, pages, low, high, shift, g, registration);
    }
    // The press condition the pages were made for holds for the spreads too.
    if (QPDFObjectHandle intents = in.getRoot().getKey("/OutputIntents"); intents.isArray())
      out.getRoot().replaceKey("/OutputIntents", out.copyForeignObject(in.makeIndirectObject(intents)));
    QPDFWriter writer(out, temp.c_str());
    writer.setDeterministicID(true);
    writer.setStreamDataMode(qpdf_s_compress);
    writer.write();
  } catch (const QPDFExc& e) {
    fs::remove(temp, ec);
    return {e.getErrorCode() == qpdf_e_system ? 3 : 1, fmt::format("{}: error: {}", req.input, e.getMessageDetail())};
  } catch (const std::exception& e) {
    fs::remove(temp, ec);
    return {3, fmt::format("{}: error: {}", req.output, e.what())};
  }
  fs::rename(temp, req.output, ec);
  if (ec) {
    fs::remove(temp, ec);
    return {3, fmt::format("{}: error: cannot write the file", req.output)};
  }
  return {0, fmt::format("leafpress: wrote {}", req.output)};
}

}  // namespace lp
