#include "text/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace lp {

BidiResolver::BidiResolver() : bidi_(ubidi_open()) {}

BidiResolver::~BidiResolver() { ubidi_close(bidi_); }

uint8_t BidiResolver::resolve(std::u16string_view text, BaseDirection dir, std::vector<uint8_t>& levels) {
  levels.assign(text.size(), 0);
  UErrorCode status = U_ZERO_ERROR;
  const UBiDiLevel para = dir == BaseDirection::LeftToRight   ? 0
                          : dir == BaseDirection::RightToLeft ? 1
                                                              : UBIDI_DEFAULT_LTR;
  ubidi_setPara(bidi_, reinterpret_cast<const UChar*>(text.data()), static_cast<int32_t>(text.size()), para, nullptr,
                &status);
  if (U_FAILURE(status)) return 0;
  const UBiDiLevel* resolved = ubidi_getLevels(bidi_, &status);
  if (U_FAILURE(status)) return 0;
  levels.assign(resolved, resolved + text.size());
  give_marks_their_brackets_level(text, levels);
  return ubidi_getParaLevel(bidi_);
}

// Unicode 8.0 added to rule N0 that nonspacing marks after a bracket take the bracket's resolved
// type; ICU 72 leaves them at the type W1 gave them. Both are in one isolating run sequence,
// so the mark takes the bracket's level. Boundary neutrals (ZWJ, ZWSP) between them are skipped.
void BidiResolver::give_marks_their_brackets_level(std::u16string_view text, std::vector<uint8_t>& levels) {
  const auto n = static_cast<int32_t>(text.size());
  int32_t bracket = -1;  // the UTF-16 index of the bracket the marks since it follow
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    const auto cls = u_charDirection(c);
    if (cls == U_DIR_NON_SPACING_MARK) {
      if (bracket >= 0)
        for (int32_t k = at; k < i; ++k) levels[k] = levels[bracket];
    } else if (cls != U_BOUNDARY_NEUTRAL) {
      bracket = u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE) != U_BPT_NONE ? at : -1;
    }
  }
}

bool plainly_left_to_right(std::string_view text) {
  // U+0590, where right-to-left scripts begin, is D6 90 in UTF-8; every bidi control is above it.
  for (unsigned char c : text)
    if (c >= 0xD6) return false;
  return true;
}

void visual_order(const std::vector<uint8_t>& levels, std::vector<int32_t>& order) {
  order.resize(levels.size());
  if (levels.empty()) return;
  ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), order.data());
}

}  // namespace lp
