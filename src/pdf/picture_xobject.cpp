#include "pdf/picture_xobject.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "model/picture.h"
#include "pdf/pdf_objects.h"
#include "pdf/press_colour.h"

namespace lp {

namespace {

const char* colour_space(PictureColour c) {
  return c == PictureColour::Grey ? "DeviceGray" : c == PictureColour::Rgb ? "DeviceRGB" : "DeviceCMYK";
}

HPDF_Dict image_dict(HPDF_Doc doc, int width, int height, const char* space, int bits) {
  HPDF_Dict dict = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!dict) return nullptr;
  HPDF_Dict_AddName(dict, "Type", "XObject");
  HPDF_Dict_AddName(dict, "Subtype", "Image");
  HPDF_Dict_AddNumber(dict, "Width", width);
  HPDF_Dict_AddNumber(dict, "Height", height);
  HPDF_Dict_AddName(dict, "ColorSpace", space);
  HPDF_Dict_AddNumber(dict, "BitsPerComponent", bits);
  return dict;
}

std::string_view view(const std::vector<uint8_t>& v) { return {reinterpret_cast<const char*>(v.data()), v.size()}; }

bool put_deflated(HPDF_Dict dict, Deflater& deflater, const std::vector<uint8_t>& data, std::string& why) {
  std::string deflated;
  if (!deflater.deflate(view(data), deflated)) {
    why = "out of memory while compressing the picture";
    return false;
  }
  set_deflated_stream(dict, deflated);
  return true;
}

// A JPEG that PDF readers can decode themselves goes in unchanged: smaller, and no loss.
HPDF_Dict jpeg_as_it_is(HPDF_Doc doc, const Picture& p, const std::string& bytes) {
  HPDF_Dict dict = image_dict(doc, p.width, p.height, colour_space(p.colour), 8);
  if (!dict) return nullptr;
  if (p.inverted_cmyk) HPDF_Dict_Add(dict, "Decode", real_array(doc->mmgr, {1, 0, 1, 0, 1, 0, 1, 0}));
  dict->filter = HPDF_STREAM_FILTER_DCT_DECODE;
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  return dict;
}

HPDF_Dict decoded(HPDF_Doc doc, Deflater& deflater, const Picture& p, std::string& why) {
  HPDF_Dict dict = image_dict(doc, p.width, p.height, colour_space(p.colour), p.bits);
  if (!dict || !put_deflated(dict, deflater, p.pixels, why)) return nullptr;
  if (p.alpha.empty()) return dict;
  // The mask keeps its own depth (pixels made CMYK are 8-bit whatever the alpha's).
  const size_t pixels = static_cast<size_t>(p.width) * static_cast<size_t>(p.height);
  HPDF_Dict mask = image_dict(doc, p.width, p.height, "DeviceGray", p.alpha.size() >= pixels * 2 ? 16 : 8);
  if (!mask || !put_deflated(mask, deflater, p.alpha, why)) return nullptr;
  HPDF_Dict_Add(dict, "SMask", mask);
  return dict;
}

}  // namespace

std::optional<PictureXObject> make_picture_xobject(HPDF_Doc doc, Deflater& deflater, const std::string& path,
                                                   bool press_cmyk, std::string& why) {
  std::string bytes;
  if (!read_picture_file(path, bytes, why)) return std::nullopt;
  // A JPEG is checked whole and goes in as it is (unless arithmetic-coded, which PDF readers
  // need not read); other pictures are decoded, which checks them as well.
  const bool jpeg = bytes.size() > 1 && bytes[0] == '\xFF' && bytes[1] == '\xD8';
  std::optional<Picture> p = decode_picture(bytes, jpeg ? DecodeMode::Check : DecodeMode::Pixels, why);
  const bool to_cmyk = p && press_cmyk && p->colour == PictureColour::Rgb;
  if (p && p->format == PictureFormat::Jpeg && (p->arithmetic_coded || to_cmyk)) p = decode_picture(bytes, DecodeMode::Pixels, why);
  if (!p) return std::nullopt;
  if (to_cmyk && !to_press_cmyk(*p, why)) return std::nullopt;
  const bool as_it_is = p->format == PictureFormat::Jpeg && !p->arithmetic_coded && !to_cmyk;
  HPDF_Dict dict = as_it_is ? jpeg_as_it_is(doc, *p, bytes) : decoded(doc, deflater, *p, why);
  if (!dict) {
    if (why.empty()) why = "cannot make the picture's PDF object";
    return std::nullopt;
  }
  return PictureXObject{dict, p->orientation};
}

std::string orientation_matrix(int orientation) {
  // Each maps the unit square onto itself: mirrored (2, 4), turned a half (3), a quarter
  // (6, 8), or turned and mirrored (5, 7), undoing how the camera held the picture.
  switch (orientation) {
    case 2: return "-1 0 0 1 1 0 cm\n";
    case 3: return "-1 0 0 -1 1 1 cm\n";
    case 4: return "1 0 0 -1 0 1 cm\n";
    case 5: return "0 -1 -1 0 1 1 cm\n";
    case 6: return "0 -1 1 0 0 1 cm\n";
    case 7: return "0 1 1 0 0 0 cm\n";
    case 8: return "0 1 -1 0 1 0 cm\n";
    default: return "";
  }
}

}  // namespace lp
