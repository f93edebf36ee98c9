// libFuzzer target: any bytes as an SVG file (libxml2, then our mapping to paths).
#include <cmath>
#include <cstdint>
#include <string>

#include "model/svg.h"

namespace {

// Every number the mapping makes is finite: a NaN or infinity would reach the PDF.
bool finite(const lp::VectorGroup& g) {
  const lp::Affine& t = g.transform;
  for (double v : {t.a, t.b, t.c, t.d, t.e, t.f})
    if (!std::isfinite(v)) return false;
  for (const auto& item : g.items) {
    if (const auto* group = std::get_if<lp::VectorGroup>(&item)) {
      if (!finite(*group)) return false;
      continue;
    }
    const auto& path = std::get<lp::VectorPath>(item);
    for (const auto& op : path.ops)
      for (double v : {op.x1, op.y1, op.x2, op.y2, op.x3, op.y3})
        if (!std::isfinite(v)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  int line = 0;
  std::vector<lp::SvgWarning> warnings;
  const auto pic = lp::parse_svg(text, error, line, warnings);
  if (!pic && error.empty()) __builtin_trap();  // refused without a reason
  if (pic && (!(pic->view_width > 0) || !(pic->view_height > 0) || !finite(pic->root))) __builtin_trap();
  return 0;
}
