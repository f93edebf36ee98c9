// libFuzzer target: any bytes as a report, laid out in the booklet edition with the project's
// fonts (no PDF). Shaping and line breaking see whatever text the fuzzer invents.
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include "layout/flow.h"
#include "model/loaders.h"
#include "style/style.h"
#include "text/font_set.h"

namespace {

struct Fixture {
  std::unique_ptr<lp::FontSet> fonts;
  lp::StyleSheet styles;
  std::string scratch;
  Fixture() {
    lp::Diagnostics d;
    fonts = lp::FontSet::load(lp::load_font_config(LP_SOURCE_DIR "/fonts/fonts.yaml", d), d);
    styles = lp::resolve_styles(lp::load_edition(LP_SOURCE_DIR "/layout/booklet.yaml", d));
    if (d.has_errors()) __builtin_trap();
    const char* dir = std::getenv("TMPDIR");
    scratch = std::string(dir && *dir ? dir : "/tmp") + "/lp-fuzz-layout-" + std::to_string(::getpid()) + ".yaml";
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture fx;
  {
    std::ofstream out(fx.scratch, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  lp::Diagnostics d;
  const lp::Document doc = lp::load_report(fx.scratch, d);
  if (d.has_errors()) return 0;
  lp::Diagnostics layout_diags;
  lp::lay_out(doc, fx.styles, *fx.fonts, layout_diags);
  return 0;
}
