// JPEG through libjpeg-turbo. Its default error_exit ends the process; ours longjmps back to the
// one setjmp below, and its warnings about damaged data (a truncated file among them, which
// libjpeg would fill with grey) are errors too. As in picture_png.cpp, whatever owns memory
// lives in JpegRead, which outlives the jump.
#include <cstdio>  // jpeglib.h needs FILE

#include <jpeglib.h>
// After jpeglib.h: its jconfig.h says which of jerror.h's codes exist.
#include <jerror.h>

#include <fmt/format.h>

#include <csetjmp>
#include <cstring>

#include "model/picture.h"

namespace lp {

namespace {

struct JpegRead {
  jpeg_error_mgr errors{};
  std::jmp_buf jump{};
  std::string why;
  bool over_limit = false;
  bool started = false;
  jpeg_decompress_struct cinfo{};
  DecodeMode mode = DecodeMode::Check;
  Picture picture;
  std::vector<uint8_t> row;

  ~JpegRead() {
    if (started) jpeg_destroy_decompress(&cinfo);
  }
};

JpegRead& read_of(j_common_ptr cinfo) { return *static_cast<JpegRead*>(cinfo->client_data); }

[[noreturn]] void on_error(j_common_ptr cinfo) {
  char message[JMSG_LENGTH_MAX] = {};
  cinfo->err->format_message(cinfo, message);
  read_of(cinfo).why.assign(message);
  std::longjmp(read_of(cinfo).jump, 1);
}

// Warnings that mean the pixels are not all there.
bool damage(int code) {
  switch (code) {
    case JWRN_ARITH_BAD_CODE:
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_JPEG_EOF:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL: return true;
    default: return false;
  }
}

void on_message(j_common_ptr cinfo, int level) {
  if (level < 0 && damage(cinfo->err->msg_code)) on_error(cinfo);
}

int orientation_of(const jpeg_decompress_struct& cinfo) {
  for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next) {
    if (m->marker != JPEG_APP0 + 1 || m->data_length < 6 || std::memcmp(m->data, "Exif\0\0", 6) != 0) continue;
    return exif_orientation({reinterpret_cast<const char*>(m->data) + 6, m->data_length - 6});
  }
  return 1;
}

void read_header(JpegRead& r) {
  jpeg_read_header(&r.cinfo, TRUE);
  r.why = pixel_limit_problem(r.cinfo.image_width, r.cinfo.image_height);
  if (!r.why.empty()) {
    r.over_limit = true;
    std::longjmp(r.jump, 1);
  }
  Picture& p = r.picture;
  p.width = static_cast<int>(r.cinfo.image_width);
  p.height = static_cast<int>(r.cinfo.image_height);
  p.orientation = orientation_of(r.cinfo);
  p.arithmetic_coded = r.cinfo.arith_code;
  switch (r.cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE: p.colour = PictureColour::Grey; break;
    case JCS_RGB:
    case JCS_YCbCr: p.colour = PictureColour::Rgb; break;
    case JCS_CMYK:
    case JCS_YCCK: p.colour = PictureColour::Cmyk; break;
    default:
      r.why = fmt::format("a JPEG of {} colour components, neither grey, RGB nor CMYK", r.cinfo.num_components);
      std::longjmp(r.jump, 1);
  }
  p.inverted_cmyk = p.colour == PictureColour::Cmyk && r.cinfo.saw_Adobe_marker;
  r.cinfo.out_color_space = p.colour == PictureColour::Grey ? JCS_GRAYSCALE : p.colour == PictureColour::Rgb ? JCS_RGB : JCS_CMYK;
  if (r.mode == DecodeMode::Check) {
    // Every coefficient is still decoded (where damage shows); only the inverse DCT is cut short.
    r.cinfo.scale_num = 1;
    r.cinfo.scale_denom = 8;
    r.cinfo.dct_method = JDCT_IFAST;
    r.cinfo.do_fancy_upsampling = FALSE;
  }
}

void read_rows(JpegRead& r) {
  jpeg_start_decompress(&r.cinfo);
  const size_t row_bytes = size_t{r.cinfo.output_width} * static_cast<size_t>(r.cinfo.output_components);
  if (r.mode == DecodeMode::Check) r.row.resize(row_bytes);
  else r.picture.pixels.resize(row_bytes * r.cinfo.output_height);
  while (r.cinfo.output_scanline < r.cinfo.output_height) {
    JSAMPROW row = r.mode == DecodeMode::Check ? r.row.data() : r.picture.pixels.data() + row_bytes * r.cinfo.output_scanline;
    jpeg_read_scanlines(&r.cinfo, &row, 1);
  }
  jpeg_finish_decompress(&r.cinfo);
}

bool decode_guarded(JpegRead& r, std::string_view bytes) {
  if (setjmp(r.jump)) return false;
  jpeg_create_decompress(&r.cinfo);
  r.started = true;
  jpeg_mem_src(&r.cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&r.cinfo, JPEG_APP0 + 1, 0xFFFF);
  read_header(r);
  read_rows(r);
  return true;
}

}  // namespace

std::optional<Picture> decode_jpeg(std::string_view bytes, DecodeMode mode, std::string& why) {
  JpegRead r;
  r.mode = mode;
  r.cinfo.err = jpeg_std_error(&r.errors);
  r.cinfo.client_data = &r;
  r.errors.error_exit = on_error;
  r.errors.emit_message = on_message;
  if (!decode_guarded(r, bytes)) {
    why = r.over_limit ? r.why : fmt::format("damaged JPEG: {}", r.why);
    return std::nullopt;
  }
  r.picture.format = PictureFormat::Jpeg;
  if (mode == DecodeMode::Pixels && r.picture.inverted_cmyk) {
    for (auto& v : r.picture.pixels) v = static_cast<uint8_t>(255 - v);
    r.picture.inverted_cmyk = false;
  }
  return std::move(r.picture);
}

}  // namespace lp
