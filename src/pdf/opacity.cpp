#include "pdf/opacity.h"

#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>

namespace lp {

std::string Opacities::set(HPDF_Page page, double fill, double stroke) {
  const long f = std::lround(std::clamp(fill, 0.0, 1.0) * 1000), s = std::lround(std::clamp(stroke, 0.0, 1.0) * 1000);
  if (f == 1000 && s == 1000) return "";
  auto it = states_.find({f, s});
  if (it == states_.end()) {
    // libharu raises the file's version to 1.4 for an ExtGState; ours is already above it.
    const HPDF_PDFVer version = doc_->pdf_version;
    HPDF_ExtGState state = HPDF_CreateExtGState(doc_);
    doc_->pdf_version = std::max(version, doc_->pdf_version);
    if (!state || HPDF_ExtGState_SetAlphaFill(state, static_cast<HPDF_REAL>(f / 1000.0)) != HPDF_OK ||
        HPDF_ExtGState_SetAlphaStroke(state, static_cast<HPDF_REAL>(s / 1000.0)) != HPDF_OK)
      return "";
    it = states_.emplace(std::pair{f, s}, state).first;
  }
  const char* name = HPDF_Page_GetExtGStateName(page, it->second);
  return name ? std::string("/") + name + " gs\n" : "";
}

}  // namespace lp
