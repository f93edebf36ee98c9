#pragma once
// The pixel size of a PNG or JPEG file, read from its header.
#include <optional>
#include <string>

namespace lp {

struct ImageInfo {
  int width = 0, height = 0;
};

// nullopt with `why` set when the file cannot be read or is neither PNG nor JPEG.
std::optional<ImageInfo> read_image_info(const std::string& path, std::string& why);

}  // namespace lp
