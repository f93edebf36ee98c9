// libFuzzer target: the whole pipeline. Any bytes as a report, in a folder of its own beside
// pictures of every kind (copied from the decoders' seeds), laid out in the booklet edition with
// the project's fonts and written by the PDF writer, which decodes and embeds the pictures.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "layout/flow.h"
#include "model/loaders.h"
#include "pdf/pdf_writer.h"
#include "style/style.h"
#include "text/font_set.h"

namespace fs = std::filesystem;

namespace {

struct Fixture {
  std::unique_ptr<lp::FontSet> fonts;
  lp::StyleSheet styles;
  fs::path folder;
  Fixture() {
    lp::Diagnostics d;
    fonts = lp::FontSet::load(lp::load_font_config(LP_SOURCE_DIR "/fonts/fonts.yaml", d), d);
    styles = lp::resolve_styles(lp::load_edition(LP_SOURCE_DIR "/layout/booklet.yaml", d));
    if (d.has_errors()) __builtin_trap();
    const char* dir = std::getenv("TMPDIR");
    folder = fs::path(dir && *dir ? dir : "/tmp") / ("lp-fuzz-pdf-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    for (const char* kind : {"png", "jpeg"})
      for (const auto& e : fs::directory_iterator(fs::path(LP_SOURCE_DIR) / "tests/fuzz/corpus" / kind))
        fs::copy_file(e.path(), folder / e.path().filename(), fs::copy_options::overwrite_existing);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture fx;
  const std::string report = (fx.folder / "report.yaml").string();
  {
    std::ofstream out(report, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  lp::Diagnostics d;
  const lp::Document doc = lp::load_report(report, d, fx.folder.string());
  if (d.has_errors()) return 0;
  lp::Diagnostics layout_diags, pdf_diags;
  lp::PdfWriter pdf((fx.folder / "out.pdf").string(), {});
  lp::lay_out(doc, fx.styles, *fx.fonts, layout_diags, pdf);
  pdf.finish(pdf_diags);
  return 0;
}
