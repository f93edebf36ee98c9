#pragma once
// Internal to src/pdf: small helpers over libharu's object API.
#include <hpdf.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace lp {

inline HPDF_Array real_array(HPDF_MMgr mmgr, std::initializer_list<double> values) {
  HPDF_Array a = HPDF_Array_New(mmgr);
  for (double v : values) HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(v));
  return a;
}

inline uint64_t fnv1a64(const void* data, size_t size, uint64_t h = 1469598103934665603ull) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

inline uint64_t fnv1a64(const std::string& s, uint64_t h = 1469598103934665603ull) {
  return fnv1a64(s.data(), s.size(), h);
}

}  // namespace lp
