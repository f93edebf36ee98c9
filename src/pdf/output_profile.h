#pragma once
// Internal to src/pdf: the CMYK profile of the PDF/X output intent, built at build time by
// scripts/output_profile.py from Fogra's FOGRA39L characterisation data.
#include <cstddef>

namespace lp {

// The ICC profile in the zlib format, ready for a /FlateDecode stream.
extern const unsigned char kOutputProfileDeflated[];
extern const size_t kOutputProfileDeflatedSize;

}  // namespace lp
