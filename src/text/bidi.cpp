#include "text/bidi.h"

#include <unicode/ubidi.h>

namespace lp {

BidiResolver::BidiResolver() {
  UErrorCode status = U_ZERO_ERROR;
  bidi_ = ubidi_open();
  (void)status;
}

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
  return ubidi_getParaLevel(bidi_);
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
