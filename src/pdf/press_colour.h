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

}  // namespace lp
