#pragma once
// Internal to src/pdf: pictures as image XObjects, from our own decoders (model/picture.h), never
// through libharu's loaders (they end the process on a damaged file and draw 16-bit PNGs wrong).
#include <hpdf.h>

#include <optional>
#include <string>

#include "pdf/deflater.h"

namespace lp {

struct PictureXObject {
  HPDF_Dict image = nullptr;
  int orientation = 1;  // EXIF's, applied when the picture is drawn
};

// The picture in `path` as an XObject of `doc`: a JPEG as it is (DCTDecode), else the decoded
// pixels deflated, with the alpha as a deflated /SMask; with `press_cmyk`, an RGB picture in the
// output profile's CMYK (press_colour.h). nullopt with `why` set.
std::optional<PictureXObject> make_picture_xobject(HPDF_Doc doc, Deflater& deflater, const std::string& path,
                                                   bool press_cmyk, std::string& why);

// The `cm` operator that lays a picture of that EXIF orientation the right way up in the unit
// square it is drawn in; "" for orientation 1.
std::string orientation_matrix(int orientation);

}  // namespace lp
