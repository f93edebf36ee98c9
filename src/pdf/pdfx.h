#pragma once
// Internal to src/pdf: what PDF/X-4 (ISO 15930-7) asks of a document beyond its pages.
#include <hpdf.h>

#include <cstdint>
#include <string>

namespace lp {

struct PdfxInfo {
  std::string title;        // UTF-8, as in the Info dictionary
  std::string producer;     // the Info dictionary's /Producer, which the XMP repeats
  int64_t date = 0;         // creation and modification, seconds since 1970
  std::string document_id;  // 32 hex digits: the trailer's /ID, a hash of the content
};

// What the XMP packet claims besides the Info dictionary's keys.
struct XmpClaims {
  bool pdfx4 = false;   // pdfxid:GTS_PDFXVersion PDF/X-4, pdf:Trapped
  bool pdfua1 = false;  // pdfuaid:part 1 (ISO 14289-1)
  bool dated = true;    // the Info dictionary has dates, which the XMP repeats
};

// One GTS_PDFX output intent whose DestOutputProfile is the FOGRA39 profile;
// /GTS_PDFXVersion and /Trapped in Info. Call once, after the Info dictionary
// holds its title and dates. "" when done, else the reason.
std::string add_pdfx4(HPDF_Doc doc, const PdfxInfo& info);

// The XMP metadata stream on the catalog (PDF/X-4 and PDF/UA-1 both ask for it; every tagged
// edition has it, for dc:title). "" when done, else the reason.
std::string add_xmp(HPDF_Doc doc, const PdfxInfo& info, const XmpClaims& claims);

// The XMP packet written for `info` (exposed for tests).
std::string xmp_packet(const PdfxInfo& info, const XmpClaims& claims);
inline std::string pdfx4_xmp(const PdfxInfo& info) { return xmp_packet(info, {true, false, true}); }

}  // namespace lp
