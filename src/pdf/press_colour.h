#pragma once
// Internal to src/pdf: pictures in the press's colours. A CMYK edition (the booklet) shows RGB
// pictures in the output intent's CMYK, converted here by Little CMS from sRGB with the
// perceptual intent: the press then prints what the profile proofs, whatever its RIP would have
// done with RGB, and no DeviceRGB reaches the file. Grey pictures stay grey.
#include <string>

#include "model/picture.h"

namespace lp {

// `p` (decoded pixels, RGB, 8 or 16 bits) as 8-bit CMYK of the output profile; false with `why`.
bool to_press_cmyk(Picture& p, std::string& why);

// One sRGB colour (0..1) as the output profile's CMYK (0..1), the way pictures go; a pure
// black as black ink when the profile cannot be made.
struct PressCmyk {
  double c = 0, m = 0, y = 0, k = 1;
};
PressCmyk press_cmyk(double r, double g, double b);

}  // namespace lp
