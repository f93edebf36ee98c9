#pragma once
// Internal to src/pdf: the CMYK profile of the PDF/X output intent, built at build time by
// scripts/output_profile.py from Fogra's FOGRA39L characterisation data.
#include <cstddef>

namespace lp {

extern const unsigned char kOutputProfile[];
extern const size_t kOutputProfileSize;

}  // namespace lp
