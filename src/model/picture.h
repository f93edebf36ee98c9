#pragma once
// Pictures (PNG and JPEG) decoded by libpng and libjpeg-turbo under error handlers of our own,
// so that no damaged file can stop the process: every fault is a message. The format is told by
// the bytes, not by the name.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lp {

// A decompression bomb guard: a picture may have at most this many pixels.
inline constexpr int64_t kMaxPicturePixels = 50'000'000;
// And its file at most this many bytes.
inline constexpr int64_t kMaxPictureFileBytes = 256ll << 20;

enum class PictureFormat { Png, Jpeg };
enum class PictureColour { Grey, Rgb, Cmyk };

enum class DecodeMode {
  Check,   // every byte decoded and checked, no pixels kept
  Pixels,  // pixels kept in `pixels` and `alpha`
};

struct Picture {
  PictureFormat format = PictureFormat::Png;
  int width = 0, height = 0;  // as stored, before `orientation`
  int orientation = 1;        // EXIF's 1..8; 5..8 turn the picture a quarter
  PictureColour colour = PictureColour::Rgb;
  int bits = 8;                   // per component, 8 or 16 (Pixels)
  bool inverted_cmyk = false;     // an Adobe CMYK JPEG: 0 is full ink
  bool arithmetic_coded = false;  // a JPEG that PDF's DCTDecode need not read
  std::vector<uint8_t> pixels;    // components interleaved, rows top down, 16-bit big-endian
  std::vector<uint8_t> alpha;     // one value of `bits` per pixel; empty when opaque

  bool quarter_turned() const { return orientation >= 5 && orientation <= 8; }
  int shown_width() const { return quarter_turned() ? height : width; }
  int shown_height() const { return quarter_turned() ? width : height; }
  int components() const { return colour == PictureColour::Grey ? 1 : colour == PictureColour::Rgb ? 3 : 4; }
};

// nullopt with `why` set when the bytes are neither PNG nor JPEG, damaged, or over the limits.
std::optional<Picture> decode_picture(std::string_view bytes, DecodeMode mode, std::string& why);

// A picture file's bytes: a regular file of at most kMaxPictureFileBytes; false with `why`.
bool read_picture_file(const std::string& path, std::string& bytes, std::string& why);

// Internal to the decoders.
std::optional<Picture> decode_png(std::string_view bytes, DecodeMode mode, std::string& why);
std::optional<Picture> decode_jpeg(std::string_view bytes, DecodeMode mode, std::string& why);
// The orientation (1..8) an EXIF block (a TIFF header onwards) gives; 1 when it gives none.
int exif_orientation(std::string_view tiff);
// The pixel limit's message, or "" within it.
std::string pixel_limit_problem(uint64_t width, uint64_t height);

}  // namespace lp
