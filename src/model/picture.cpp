#include "model/picture.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace lp {

namespace {

bool starts_with(std::string_view bytes, std::string_view head) { return bytes.substr(0, head.size()) == head; }

uint32_t read16(const unsigned char* p, bool big) { return big ? (p[0] << 8) | p[1] : (p[1] << 8) | p[0]; }
uint32_t read32(const unsigned char* p, bool big) {
  return big ? (uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]
             : (uint32_t(p[3]) << 24) | (p[2] << 16) | (p[1] << 8) | p[0];
}

}  // namespace

std::string pixel_limit_problem(uint64_t width, uint64_t height) {
  if (width == 0 || height == 0) return "the picture has no pixels";
  if (width * height <= static_cast<uint64_t>(kMaxPicturePixels)) return "";
  return fmt::format("the picture has {}x{} pixels, over the limit of {} megapixels", width, height,
                     kMaxPicturePixels / 1'000'000);
}

int exif_orientation(std::string_view tiff) {
  const auto* p = reinterpret_cast<const unsigned char*>(tiff.data());
  const size_t n = tiff.size();
  if (n < 8) return 1;
  const bool big = p[0] == 'M' && p[1] == 'M';
  if (!big && !(p[0] == 'I' && p[1] == 'I')) return 1;
  if (read16(p + 2, big) != 42) return 1;
  const uint32_t ifd = read32(p + 4, big);
  if (ifd > n || n - ifd < 2) return 1;
  const uint32_t entries = read16(p + ifd, big);
  for (uint32_t i = 0; i < entries; ++i) {
    const size_t at = ifd + 2 + size_t{12} * i;
    if (at + 12 > n) break;
    if (read16(p + at, big) != 0x0112) continue;  // Orientation, a SHORT
    const uint32_t value = read16(p + at + 8, big);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

std::optional<Picture> decode_picture(std::string_view bytes, DecodeMode mode, std::string& why) {
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return decode_png(bytes, mode, why);
  if (starts_with(bytes, "\xFF\xD8\xFF")) return decode_jpeg(bytes, mode, why);
  why = "not a PNG or JPEG picture";
  return std::nullopt;
}

bool read_picture_file(const std::string& path, std::string& bytes, std::string& why) {
  // O_NONBLOCK: a FIFO put in the file's place opens at once, and is refused below.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    why = fmt::format("cannot read the file: {}", std::strerror(errno));
    return false;
  }
  struct stat st {};
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (!ok) why = "not a regular file";
  if (ok && st.st_size > kMaxPictureFileBytes) {
    why = fmt::format("the file is over the limit of {} MiB", kMaxPictureFileBytes >> 20);
    ok = false;
  }
  bytes.clear();
  if (ok) bytes.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (ok && done < bytes.size()) {
    const ssize_t n = read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      why = n < 0 ? fmt::format("cannot read the file: {}", std::strerror(errno)) : "the file shrank while it was read";
      ok = false;
    } else {
      done += static_cast<size_t>(n);
    }
  }
  close(fd);
  return ok;
}

}  // namespace lp
