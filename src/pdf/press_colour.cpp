#include "pdf/press_colour.h"

#include <lcms2.h>
#include <libdeflate.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

#include "pdf/output_profile.h"

namespace lp {

namespace {

// The output profile, inflated from what the build compiled in.
std::vector<unsigned char> output_profile() {
  std::vector<unsigned char> out(1 << 20);
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  if (!d) return {};
  for (;;) {
    size_t size = 0;
    const auto r = libdeflate_zlib_decompress(d, kOutputProfileDeflated, kOutputProfileDeflatedSize, out.data(), out.size(), &size);
    if (r == LIBDEFLATE_SUCCESS) {
      out.resize(size);
      break;
    }
    if (r != LIBDEFLATE_INSUFFICIENT_SPACE || out.size() > (64u << 20)) {
      out.clear();
      break;
    }
    out.resize(out.size() * 2);
  }
  libdeflate_free_decompressor(d);
  return out;
}

// sRGB to the output profile, made once per process for 8- and 16-bit input; NOCACHE lets the
// editions' threads share a transform.
cmsHTRANSFORM transform(bool sixteen) {
  static std::once_flag once;
  static cmsHTRANSFORM eight = nullptr, wide = nullptr;
  std::call_once(once, [] {
    const std::vector<unsigned char> icc = output_profile();
    if (icc.empty()) return;
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    cmsHPROFILE press = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
    if (srgb && press) {
      eight = cmsCreateTransform(srgb, TYPE_RGB_8, press, TYPE_CMYK_8, INTENT_PERCEPTUAL, cmsFLAGS_NOCACHE);
      wide = cmsCreateTransform(srgb, TYPE_RGB_16_SE, press, TYPE_CMYK_8, INTENT_PERCEPTUAL, cmsFLAGS_NOCACHE);
    }
    if (srgb) cmsCloseProfile(srgb);
    if (press) cmsCloseProfile(press);
  });
  return sixteen ? wide : eight;
}

}  // namespace

PressCmyk press_cmyk(double r, double g, double b) {
  cmsHTRANSFORM t = transform(true);
  if (!t) return {0, 0, 0, 1 - (r + g + b) / 3};
  // 16-bit input, bytes swapped (the transform's TYPE_RGB_16_SE, as PNG stores them).
  uint8_t in[6], out[4];
  const double channel[3] = {r, g, b};
  for (int i = 0; i < 3; ++i) {
    const auto v = static_cast<uint16_t>(std::lround(std::clamp(channel[i], 0.0, 1.0) * 65535));
    in[2 * i] = static_cast<uint8_t>(v >> 8), in[2 * i + 1] = static_cast<uint8_t>(v & 0xFF);
  }
  cmsDoTransform(t, in, out, 1);
  return {out[0] / 255.0, out[1] / 255.0, out[2] / 255.0, out[3] / 255.0};
}

bool to_press_cmyk(Picture& p, std::string& why) {
  cmsHTRANSFORM t = transform(p.bits == 16);
  if (!t) {
    why = "cannot make the colour transform to the output profile";
    return false;
  }
  const size_t pixels = static_cast<size_t>(p.width) * static_cast<size_t>(p.height);
  std::vector<uint8_t> cmyk(pixels * 4);
  // Row by row: a picture may hold more pixels than one call's count takes.
  const size_t row_in = static_cast<size_t>(p.width) * 3 * static_cast<size_t>(p.bits / 8);
  for (int y = 0; y < p.height; ++y)
    cmsDoTransform(t, p.pixels.data() + row_in * static_cast<size_t>(y), cmyk.data() + static_cast<size_t>(p.width) * 4 * static_cast<size_t>(y),
                   static_cast<cmsUInt32Number>(p.width));
  p.pixels = std::move(cmyk);
  p.colour = PictureColour::Cmyk;
  p.bits = 8;
  p.inverted_cmyk = false;
  return true;
}

}  // namespace lp
