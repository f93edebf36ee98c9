#include "pdf/deflater.h"

namespace lp {

bool Deflater::deflate(std::string_view text, std::string& out) {
  if (!compressor_) return false;
  out.assign(libdeflate_zlib_compress_bound(compressor_, text.size()), '\0');
  const size_t size = libdeflate_zlib_compress(compressor_, text.data(), text.size(), out.data(), out.size());
  if (size == 0) return false;
  out.resize(size);
  return true;
}

bool Deflater::deflate(std::string& text) {
  std::string out;
  if (!deflate(text, out)) return false;
  text = std::move(out);
  return true;
}

void set_deflated_stream(HPDF_Dict stream, const std::string& deflated) {
  // libharu drops a /Filter key from a stream it does not filter itself, so the key is written
  // by the dictionary's write hook.
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = [](HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); };
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                    static_cast<HPDF_UINT>(deflated.size()));
}

}  // namespace lp
