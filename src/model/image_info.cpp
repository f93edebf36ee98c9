// Written by hand: layout needs an image's size before the PDF stage loads it through libharu,
// and reading two header formats is a few lines, where a decoding library would read it all.
#include "model/image_info.h"

#include <cstdint>
#include <fstream>
#include <vector>

namespace lp {

namespace {

uint32_t be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
uint32_t be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; }

}  // namespace

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot read the file";
    return std::nullopt;
  }
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (head.size() >= 24 && std::equal(png_sig, png_sig + 8, head.begin()) && std::equal(head.begin() + 12, head.begin() + 16, "IHDR")) {
    ImageInfo info{static_cast<int>(be32(&head[16])), static_cast<int>(be32(&head[20]))};
    if (info.width > 0 && info.height > 0) return info;
  }
  if (head.size() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    // Walk the JPEG markers to the first start-of-frame.
    size_t i = 2;
    while (i + 9 < head.size()) {
      if (head[i] != 0xFF) break;
      const unsigned char marker = head[i + 1];
      const uint32_t length = be16(&head[i + 2]);
      const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        ImageInfo info{static_cast<int>(be16(&head[i + 7])), static_cast<int>(be16(&head[i + 5]))};
        if (info.width > 0 && info.height > 0) return info;
        break;
      }
      i += 2 + length;
    }
  }
  why = "not a PNG or JPEG image";
  return std::nullopt;
}

}  // namespace lp
