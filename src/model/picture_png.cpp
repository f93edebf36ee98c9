// PNG through libpng. libpng reports a fault by calling our error function, which must not
// return: it longjmps back to the one setjmp below. Frames between the two are skipped without
// their destructors running, so every object that owns memory lives in PngRead, which outlives
// the jump, and the functions the jump crosses keep only plain values.
#include <png.h>

#include <fmt/format.h>

#include <csetjmp>
#include <cstring>

#include "model/picture.h"

namespace lp {

namespace {

struct PngRead {
  std::string_view bytes;
  size_t at = 0;
  DecodeMode mode = DecodeMode::Check;
  std::string why;
  png_structp png = nullptr;
  png_infop info = nullptr;
  Picture picture;
  std::vector<uint8_t> row;  // Check: the one row every row is read into
  size_t row_bytes = 0;
  int channels = 0;
  bool over_limit = false;

  ~PngRead() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

[[noreturn]] void on_error(png_structp png, png_const_charp message) {
  auto* r = static_cast<PngRead*>(png_get_error_ptr(png));
  r->why.assign(message ? message : "damaged");
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}  // ancillary damage: the pixels are still whole

void on_read(png_structp png, png_bytep out, size_t size) {
  auto* r = static_cast<PngRead*>(png_get_io_ptr(png));
  if (r->bytes.size() - r->at < size) png_error(png, "the file is truncated");
  std::memcpy(out, r->bytes.data() + r->at, size);
  r->at += size;
}

// The header, the limits and the transforms to 8 or 16 bits of grey or RGB, each with alpha or not.
void read_header(PngRead& r) {
  png_set_read_fn(r.png, &r, on_read);
  png_set_user_limits(r.png, 1u << 20, 1u << 20);
  png_set_chunk_malloc_max(r.png, 16u << 20);
  png_read_info(r.png, r.info);
  const png_uint_32 width = png_get_image_width(r.png, r.info), height = png_get_image_height(r.png, r.info);
  r.why = pixel_limit_problem(width, height);
  if (!r.why.empty()) {
    r.over_limit = true;
    png_longjmp(r.png, 1);
  }
  const int type = png_get_color_type(r.png, r.info);
  if (type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(r.png);
  if (png_get_valid(r.png, r.info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(r.png);
  if (type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(r.png, r.info) < 8) png_set_expand_gray_1_2_4_to_8(r.png);
  png_set_interlace_handling(r.png);
  png_read_update_info(r.png, r.info);
  png_bytep exif = nullptr;
  png_uint_32 exif_size = 0;
  if (png_get_eXIf_1(r.png, r.info, &exif_size, &exif))
    r.picture.orientation = exif_orientation({reinterpret_cast<const char*>(exif), exif_size});
  r.picture.width = static_cast<int>(width);
  r.picture.height = static_cast<int>(height);
  r.picture.bits = png_get_bit_depth(r.png, r.info);
  r.channels = png_get_channels(r.png, r.info);
  r.picture.colour = r.channels >= 3 ? PictureColour::Rgb : PictureColour::Grey;
  r.row_bytes = png_get_rowbytes(r.png, r.info);
}

// Every pass of every row, then the chunks after the pixels (their checksums too).
void read_rows(PngRead& r) {
  const int passes = png_set_interlace_handling(r.png);
  for (int pass = 0; pass < passes; ++pass) {
    for (int y = 0; y < r.picture.height; ++y) {
      png_bytep row = r.mode == DecodeMode::Check ? r.row.data() : r.picture.pixels.data() + r.row_bytes * static_cast<size_t>(y);
      png_read_row(r.png, row, nullptr);
    }
  }
  png_read_end(r.png, nullptr);
}

bool decode_guarded(PngRead& r) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  read_header(r);
  if (r.mode == DecodeMode::Check) r.row.resize(r.row_bytes);
  else r.picture.pixels.resize(r.row_bytes * static_cast<size_t>(r.picture.height));
  read_rows(r);
  return true;
}

// Moves the alpha channel out of the pixels, in place (a picture may be hundreds of megabytes);
// drops it when every pixel is opaque.
void split_alpha(Picture& p, int channels) {
  if (channels != 2 && channels != 4) return;
  const size_t bytes = static_cast<size_t>(p.bits / 8), colour = static_cast<size_t>(channels - 1) * bytes;
  const size_t count = static_cast<size_t>(p.width) * static_cast<size_t>(p.height);
  std::vector<uint8_t> alpha(count * bytes);
  bool opaque = true;
  uint8_t* data = p.pixels.data();
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* src = data + i * (colour + bytes);  // never behind where the colour goes
    std::memmove(data + i * colour, src, colour);
    std::memcpy(alpha.data() + i * bytes, src + colour, bytes);
    for (size_t b = 0; b < bytes; ++b) opaque = opaque && alpha[i * bytes + b] == 0xFF;
  }
  p.pixels.resize(count * colour);
  p.pixels.shrink_to_fit();
  if (!opaque) p.alpha = std::move(alpha);
}

// Every chunk's length within the file, up to IEND: libpng allocates what a chunk claims before
// reading it, so a length of 2 GB in a file of 200 bytes would cost 2 GB.
bool chunks_fit(std::string_view bytes, std::string& why) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t at = 8; at + 8 <= bytes.size();) {  // a chunk's length and type are there
    const uint64_t length = (uint64_t{p[at]} << 24) | (p[at + 1] << 16) | (p[at + 2] << 8) | p[at + 3];
    if (at + 12 + length > bytes.size()) {
      why = "damaged PNG: the file is truncated (a chunk is longer than the file)";
      return false;
    }
    if (std::memcmp(p + at + 4, "IEND", 4) == 0) return true;
    at += 12 + length;
  }
  return true;  // libpng reports the missing end itself
}

}  // namespace

std::optional<Picture> decode_png(std::string_view bytes, DecodeMode mode, std::string& why) {
  if (!chunks_fit(bytes, why)) return std::nullopt;
  PngRead r;
  r.bytes = bytes;
  r.mode = mode;
  r.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r, on_error, on_warning);
  if (r.png) r.info = png_create_info_struct(r.png);
  if (!r.png || !r.info) {
    why = "out of memory";
    return std::nullopt;
  }
  if (!decode_guarded(r)) {
    why = r.over_limit ? r.why : fmt::format("damaged PNG: {}", r.why);
    return std::nullopt;
  }
  r.picture.format = PictureFormat::Png;
  if (mode == DecodeMode::Pixels) split_alpha(r.picture, r.channels);
  return std::move(r.picture);
}

}  // namespace lp
