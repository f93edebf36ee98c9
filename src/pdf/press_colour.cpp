#include "pdf/press_colour.h"

#include <lcms2.h>
#include <libdeflate.h>

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
