#include "pdf/deflater.h"

#include <algorithm>
#include <cstring>

namespace lp {

bool Deflater::deflate(std::string_view text, std::string& out) {
  if (!compressor_) return false;
  // Into the scratch buffer, then copied at its size: a stream kept until the save holds only
  // its bytes, not the bound (content streams deflate to a third of it).
  const size_t bound = libdeflate_zlib_compress_bound(compressor_, text.size());
  if (scratch_.size() < bound) scratch_.resize(bound);
  const size_t size = libdeflate_zlib_compress(compressor_, text.data(), text.size(), scratch_.data(), bound);
  if (size == 0) return false;
  out.assign(scratch_.data(), size);
  return true;
}

bool Deflater::deflate(std::string& text) {
  std::string out;
  if (!deflate(text, out)) return false;
  text = std::move(out);
  return true;
}

namespace {

// libharu drops a /Filter key from a stream it does not filter itself, so the key is written
// by the dictionary's write hook.
void mark_deflated(HPDF_Dict stream) {
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = [](HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); };
}

// What a stream that reads a string in place has read of it.
struct InPlace {
  const std::string* bytes;
  size_t at;
};

HPDF_STATUS read_in_place(HPDF_Stream stream, HPDF_BYTE* buf, HPDF_UINT* size) {
  auto* in = static_cast<InPlace*>(stream->attr);
  const size_t left = in->bytes->size() - in->at, n = std::min<size_t>(left, *size);
  std::memcpy(buf, in->bytes->data() + in->at, n);
  in->at += n;
  *size = static_cast<HPDF_UINT>(n);
  return n == left ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_in_place(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  auto* in = static_cast<InPlace*>(stream->attr);
  const long long from = mode == HPDF_SEEK_CUR ? static_cast<long long>(in->at)
                         : mode == HPDF_SEEK_END ? static_cast<long long>(in->bytes->size())
                                                 : 0;
  const long long to = from + pos;
  if (to < 0 || to > static_cast<long long>(in->bytes->size())) return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
  in->at = static_cast<size_t>(to);
  return HPDF_OK;
}

HPDF_INT32 tell_in_place(HPDF_Stream stream) { return static_cast<HPDF_INT32>(static_cast<InPlace*>(stream->attr)->at); }

HPDF_UINT32 size_in_place(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<InPlace*>(stream->attr)->bytes->size());
}

}  // namespace

void set_deflated_stream(HPDF_Dict stream, const std::string& deflated) {
  mark_deflated(stream);
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                    static_cast<HPDF_UINT>(deflated.size()));
}

bool use_deflated_stream(HPDF_Dict stream, const std::string& deflated) {
  auto* in = static_cast<InPlace*>(HPDF_GetMem(stream->mmgr, sizeof(InPlace)));
  if (!in) return false;
  *in = {&deflated, 0};
  HPDF_Stream reader = HPDF_CallbackReader_New(stream->mmgr, read_in_place, seek_in_place, tell_in_place, size_in_place, in);
  if (!reader) {
    HPDF_FreeMem(stream->mmgr, in);
    return false;
  }
  reader->free_fn = [](HPDF_Stream s) { HPDF_FreeMem(s->mmgr, s->attr); };
  HPDF_Stream_Free(stream->stream);
  stream->stream = reader;
  mark_deflated(stream);
  return true;
}

}  // namespace lp
