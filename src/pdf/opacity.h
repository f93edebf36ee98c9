#pragma once
// Internal to src/pdf: see-through paint, as ExtGState resources (/ca, /CA), one per pair of
// fill and stroke opacities in the document, named in each page's resources where used.
#include <hpdf.h>

#include <map>
#include <string>
#include <utility>

namespace lp {

class Opacities {
 public:
  explicit Opacities(HPDF_Doc doc) : doc_(doc) {}
  // The operator that sets these opacities on `page` ("/E1 gs\n"); "" when both are 1 or
  // libharu refuses (it has recorded why).
  std::string set(HPDF_Page page, double fill, double stroke);

 private:
  HPDF_Doc doc_;
  std::map<std::pair<long, long>, HPDF_ExtGState> states_;  // by opacities in thousandths
};

}  // namespace lp
