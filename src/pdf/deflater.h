#pragma once
// Internal to src/pdf: streams deflated by libdeflate rather than by libharu's zlib (at level 6
// as small as zlib's default and nearly twice as fast), in the zlib format /FlateDecode reads.
#include <hpdf.h>
#include <hpdf_objects.h>
#include <libdeflate.h>

#include <string>
#include <string_view>

namespace lp {

class Deflater {
 public:
  Deflater() : compressor_(libdeflate_alloc_compressor(6)) {}
  ~Deflater() { libdeflate_free_compressor(compressor_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // `text` deflated; false when out of memory.
  bool deflate(std::string_view text, std::string& out);
  // In place.
  bool deflate(std::string& text);

 private:
  libdeflate_compressor* compressor_;
};

// Makes `stream` hold `deflated` (already deflated) as its data, marked /FlateDecode.
void set_deflated_stream(HPDF_Dict stream, const std::string& deflated);

}  // namespace lp
