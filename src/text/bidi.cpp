#include "text/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

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
  // Only a right-to-left letter (R, AL), an Arabic number or an explicit embedding, override or
  // isolate raises a level above 0 in a paragraph with none of them: European numbers follow
  // the start of the paragraph, an L (W7). All of them are at U+0590 or above, D6 90 in UTF-8;
  // below that, only continuation bytes and the lead bytes of U+0080..U+057F.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    if (bytes[i] < 0xD6) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) return false;
    switch (u_charDirection(c)) {
      case U_RIGHT_TO_LEFT: case U_RIGHT_TO_LEFT_ARABIC: case U_ARABIC_NUMBER:
      case U_LEFT_TO_RIGHT_EMBEDDING: case U_LEFT_TO_RIGHT_OVERRIDE: case U_RIGHT_TO_LEFT_EMBEDDING:
      case U_RIGHT_TO_LEFT_OVERRIDE: case U_POP_DIRECTIONAL_FORMAT: case U_LEFT_TO_RIGHT_ISOLATE:
      case U_RIGHT_TO_LEFT_ISOLATE: case U_FIRST_STRONG_ISOLATE: case U_POP_DIRECTIONAL_ISOLATE:
        return false;
      default:
        break;
    }
  }
  return true;
}

void visual_order(const std::vector<uint8_t>& levels, std::vector<int32_t>& order) {
  order.resize(levels.size());
  if (levels.empty()) return;
  ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), order.data());
}

}  // namespace lp
