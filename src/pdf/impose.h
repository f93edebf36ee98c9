#pragma once
// Printer's spreads for saddle stitching, from any PDF (qpdf). No libharu here.
#include <string>

namespace lp {

struct ImposeRequest {
  std::string input, output;
  double creep_mm = 0;  // how far the innermost sheet's pages move towards the spine
  bool marks = false;   // crop marks around each spread's trim
};

struct ImposeResult {
  int exit = 0;         // 0 written; 1 input that cannot be imposed; 2 a bad --creep; 3 a file not read or written
  std::string message;  // the reason when not 0, else what was written
};

// Pages n/1, 2/n-1, 3/n-2, ... side by side on sheets twice the trim width, fronts and backs
// alternating. The output is written whole (through OUTPUT.part) or not at all.
ImposeResult impose(const ImposeRequest& request);

}  // namespace lp
