#include "model/image_info.h"

#include "model/picture.h"

namespace lp {

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& why) {
  std::string bytes;
  if (!read_picture_file(path, bytes, why)) return std::nullopt;
  const auto picture = decode_picture(bytes, DecodeMode::Check, why);
  if (!picture) return std::nullopt;
  return ImageInfo{picture->shown_width(), picture->shown_height()};
}

}  // namespace lp
