#pragma once
// What a PDF can hold, checked where the report and the layouts are read, so that an input over
// a limit is an error at its own line (docs/cli.md lists them), not a failure of the PDF stage.
#include <cstddef>
#include <string_view>

namespace lp {

// A string in a PDF: PDF 1.7's implementation limit (ISO 32000-1, annex C).
inline constexpr size_t kMaxPdfStringBytes = 32767;
// A page's side: 14,400 units of 1/72 inch (200 inches, 5080 mm), the same annex's limit.
inline constexpr double kMaxPageSidePt = 14400;
// And the smallest page leafpress sets: 10 mm.
inline constexpr double kMinPageSideMm = 10;
// Bleed: 3 mm is usual and 5 mm generous; more than 25 mm is a mistake in the units.
inline constexpr double kMaxBleedMm = 25;

// The bytes of `utf8` as a PDF text string: UTF-16BE after a byte order mark.
inline size_t pdf_text_string_bytes(std::string_view utf8) {
  size_t units = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs
  }
  return 2 + 2 * units;
}

}  // namespace lp
