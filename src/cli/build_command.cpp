#include "cli/build_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "layout/flow.h"
#include "model/loaders.h"
#include "pdf/pdf_writer.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

namespace fs = std::filesystem;

namespace {

void print(const Diagnostics& diags) {
  for (const auto& d : diags.all()) std::cerr << format_diagnostic(d) << "\n";
}

std::optional<int64_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  if (*end != '\0' || n < 0) return std::nullopt;
  return n;
}

}  // namespace

int run_build(const BuildRequest& req) {
  Diagnostics diags;
  Document doc = load_report(req.report, diags);
  if (diags.has_errors()) {
    print(diags);
    return kInputError;
  }
  const fs::path base = fs::path(req.report).parent_path();
  const std::string fonts_path = req.fonts.empty() ? (base / "fonts" / "fonts.yaml").string() : req.fonts;
  const fs::path layout_dir = req.layout_dir.empty() ? base / "layout" : fs::path(req.layout_dir);

  std::vector<std::string> editions = req.editions.empty() ? doc.info.editions : req.editions;
  if (!req.output.empty() && editions.size() != 1) {
    std::cerr << "leafpress: -o names one file, so it needs exactly one --edition\n";
    return kUsageError;
  }

  FontConfig font_config = load_font_config(fonts_path, diags);
  std::unique_ptr<FontSet> fonts;
  if (!diags.has_errors()) fonts = FontSet::load(font_config, diags);
  std::vector<std::pair<std::string, Edition>> loaded;
  for (const auto& name : editions) {
    const fs::path layout = layout_dir / (name + ".yaml");
    std::error_code ec;
    if (!fs::is_regular_file(layout, ec)) {
      // Point at the place that names the edition: the report's list, or the command line.
      auto it = std::find(doc.info.editions.begin(), doc.info.editions.end(), name);
      const SourcePos where = req.editions.empty() && it != doc.info.editions.end()
                                  ? doc.info.edition_pos[it - doc.info.editions.begin()] : SourcePos{};
      diags.error(req.editions.empty() ? req.report : layout.string(), where,
                  fmt::format("edition '{}' has no layout: {} does not exist", name, layout.string()));
      continue;
    }
    loaded.emplace_back(name, load_edition(layout.string(), diags));
  }
  if (diags.has_errors()) {
    print(diags);
    return kInputError;
  }

  PdfOptions options;
  options.creation_time = source_date_epoch();
  for (const auto& [name, edition] : loaded) {
    Diagnostics build_diags;
    StyleSheet styles = resolve_styles(edition);
    if (!fonts->has_role(styles.body.font_role))
      build_diags.error(edition.path, {}, fmt::format("font role '{}' is not in {}", styles.body.font_role, fonts_path));
    if (build_diags.has_errors()) {
      print(build_diags);
      return kInputError;
    }
    DisplayList pages = lay_out(doc, styles, *fonts, build_diags);
    if (req.dump == "pages") {
      print(build_diags);
      std::cout << dump_display_list(pages);
      continue;
    }
    std::string out = req.output;
    if (out.empty()) {
      std::error_code ec;
      fs::create_directories(req.out_dir, ec);
      out = (fs::path(req.out_dir) / (name + ".pdf")).string();
    }
    write_pdf(pages, out, options, build_diags);
    print(build_diags);
    if (build_diags.has_errors()) return kIoError;
    std::cerr << fmt::format("leafpress: wrote {} ({} pages)\n", out, pages.pages.size());
  }
  return kOk;
}

}  // namespace lp
