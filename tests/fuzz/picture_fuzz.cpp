// libFuzzer target: any bytes as a PNG (LP_FUZZ_PICTURE_PNG) or a JPEG, checked and decoded.
// The decoders must answer with a picture or a reason, never crash, abort or run away.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/picture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const auto mode : {lp::DecodeMode::Check, lp::DecodeMode::Pixels}) {
    std::string why;
#ifdef LP_FUZZ_PICTURE_PNG
    const auto picture = lp::decode_png(bytes, mode, why);
#else
    const auto picture = lp::decode_jpeg(bytes, mode, why);
#endif
    if (!picture) {
      if (why.empty()) __builtin_trap();  // a refusal always says why
      continue;
    }
    const size_t count = static_cast<size_t>(picture->width) * static_cast<size_t>(picture->height);
    const size_t expected = count * static_cast<size_t>(picture->components()) * static_cast<size_t>(picture->bits / 8);
    if (mode == lp::DecodeMode::Pixels && picture->pixels.size() != expected) __builtin_trap();
  }
  return 0;
}
