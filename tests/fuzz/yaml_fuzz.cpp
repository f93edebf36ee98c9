// libFuzzer target: any bytes as a report, an edition layout and a font configuration.
// The loaders must answer with diagnostics, never crash, hang or exhaust memory.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "model/loaders.h"

namespace {

// The loaders read files: one scratch file per process, rewritten for each input.
const std::string& scratch_path() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/lp-fuzz-" + std::to_string(::getpid()) + ".yaml";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(scratch_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  lp::Diagnostics d1, d2, d3;
  lp::load_report(scratch_path(), d1);
  lp::load_edition(scratch_path(), d2);
  lp::load_font_config(scratch_path(), d3);
  for (const auto* d : {&d1, &d2, &d3})
    for (const auto& diag : d->all()) (void)lp::format_diagnostic(diag);
  return 0;
}
