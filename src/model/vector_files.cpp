#include "model/vector_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace lp {

namespace fs = std::filesystem;

std::shared_ptr<const VectorPicture> VectorFiles::read(const std::string& path, const std::string& shown,
                                                       const std::string& report, SourcePos pos, const std::string& what) {
  if (const auto it = read_.find(path); it != read_.end()) {
    if (!it->second) diags_.error(report, pos, fmt::format("{} '{}' is not a readable SVG (said above)", what, shown));
    return it->second;
  }
  std::string error;
  int line = 0;
  std::vector<SvgWarning> warnings;
  auto picture = read_svg(path, error, line, warnings);
  if (!picture)
    diags_.error(report, pos, line > 0 ? fmt::format("{} '{}' is not a readable SVG: line {}: {}", what, shown, line, error)
                                       : fmt::format("{} '{}' is not a readable SVG: {}", what, shown, error));
  for (const auto& w : warnings) diags_.warning(shown, SourcePos{w.line, 1}, w.message);
  read_[path] = picture;
  return picture;
}

std::shared_ptr<const VectorPicture> VectorFiles::icon(const std::string& name, const std::string& report, SourcePos pos) {
  std::vector<std::string> known;
  std::error_code ec;
  for (const auto& dir : icon_dirs_) {
    const fs::path p = fs::path(dir) / (name + ".svg");
    if (fs::is_regular_file(p, ec)) return read(p.string(), p.string(), report, pos, "icon");
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".svg") known.push_back(entry.path().stem().string());
  }
  const std::string hint = closest_match(name, known);
  diags_.warning(report, pos,
                 fmt::format("no icon '{}'{}; a plain badge is drawn (a report's own icon is a file ending in .svg)", name,
                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  return nullptr;
}

}  // namespace lp
