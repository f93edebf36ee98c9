#pragma once
// Internal to src/pdf: small helpers over libharu's object API.
#include <hpdf.h>
#include <hpdf_objects.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

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

// UTF-8 as a PDF text string: UTF-16BE after a byte order mark.
inline std::string utf16_text_string(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out = "\xFE\xFF";
  out.reserve(2 + 2 * static_cast<size_t>(u.length()));
  for (int32_t i = 0; i < u.length(); ++i) {
    out += static_cast<char>(u.charAt(i) >> 8);
    out += static_cast<char>(u.charAt(i) & 0xFF);
  }
  return out;
}

// The same as an object (written in hex).
inline HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8) {
  std::string s = utf16_text_string(utf8);
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
}

}  // namespace lp
