#pragma once
// A picture file checked as the PDF stage will read it: every byte decoded (model/picture.h),
// so that `check` fails where `build` would.
#include <optional>
#include <string>

namespace lp {

struct ImageInfo {
  int width = 0, height = 0;  // as shown, after the EXIF orientation
};

// nullopt with `why` set when the file cannot be read, is neither PNG nor JPEG, is damaged or
// is over the limits of model/picture.h.
std::optional<ImageInfo> read_image_info(const std::string& path, std::string& why);

}  // namespace lp
