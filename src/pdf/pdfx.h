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

// One GTS_PDFX output intent whose DestOutputProfile is the FOGRA39 profile; XMP metadata on
// the catalog; /GTS_PDFXVersion and /Trapped in Info. Call once, after the Info dictionary
// holds its title and dates. "" when done, else the reason.
std::string add_pdfx4(HPDF_Doc doc, const PdfxInfo& info);

// The XMP packet written for `info` (exposed for tests).
std::string pdfx4_xmp(const PdfxInfo& info);

}  // namespace lp
