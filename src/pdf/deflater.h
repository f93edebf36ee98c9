#pragma once
// Internal to src/pdf: streams deflated by libdeflate rather than by libharu's zlib (at level 6
// as small as zlib's default and nearly twice as fast), in the zlib format /FlateDecode reads.
// Fonts and pictures, made once, take level 6. Content streams, most of the bytes deflated and
// deflated while the pages are laid out, take level 1: on 2 cores the deflater shares a core with
// the layout, and level 6 cost the 508-page stress report 0.57 s of CPU against 0.48 s at level 1
// (hyperfine, interleaved), for a file 17 % larger (3.3 MB; Typst's is 3.7 MB) and the booklet 5 %.
#include <hpdf.h>
#include <hpdf_objects.h>
#include <libdeflate.h>

#include <string>
#include <string_view>

namespace lp {

class Deflater {
 public:
  static constexpr int kFileLevel = 6, kContentLevel = 1;
  explicit Deflater(int level = kFileLevel) : compressor_(libdeflate_alloc_compressor(level)) {}
  ~Deflater() { libdeflate_free_compressor(compressor_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // `text` deflated; false when out of memory.
  bool deflate(std::string_view text, std::string& out);
  // In place.
  bool deflate(std::string& text);

 private:
  libdeflate_compressor* compressor_;
  std::string scratch_;  // room for the largest deflated text so far
};

// Makes `stream` hold `deflated` (already deflated) as its data, marked /FlateDecode.
void set_deflated_stream(HPDF_Dict stream, const std::string& deflated);
// The same without a copy: the stream reads `deflated` where it is when the document is saved,
// so `deflated` must outlive the save. (libharu copies a byte at a time, into its memory stream
// and out again: for the content streams and fonts that was 3 % of a build's instructions.)
bool use_deflated_stream(HPDF_Dict stream, const std::string& deflated);

}  // namespace lp
