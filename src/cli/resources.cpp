#include "cli/resources.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace lp {

namespace fs = std::filesystem;

namespace {

fs::path report_folder(const BuildRequest& req) {
  const fs::path folder = fs::path(req.report).parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// The layout folders find_layout() looks in, in order.
std::vector<fs::path> layout_dirs(const BuildRequest& req) {
  if (!req.layout_dir.empty()) return {req.layout_dir};
  std::vector<fs::path> dirs{report_folder(req) / "layout"};
  if (!data_dir().empty()) dirs.push_back(fs::path(data_dir()) / "layout");
  return dirs;
}

std::string find_data_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const fs::path installed = exe.parent_path().parent_path() / "share" / "leafpress";
  if (fs::is_directory(installed / "layout", ec)) return installed.string();
#if defined(LP_BUILD_DIR) && defined(LP_SOURCE_DIR)
  // Run from the build folder it was built in: the source tree's layouts and fonts.
  const fs::path build = fs::weakly_canonical(LP_BUILD_DIR, ec);
  if (!ec && fs::weakly_canonical(exe.parent_path(), ec) == build && fs::is_directory(fs::path(LP_SOURCE_DIR) / "layout", ec))
    return LP_SOURCE_DIR;
#endif
  return "";
}

}  // namespace

const std::string& data_dir() {
  static const std::string dir = find_data_dir();
  return dir;
}

const std::vector<std::string>& builtin_editions() {
  static const std::vector<std::string> names{"booklet", "large-print", "screen"};
  return names;
}

Found find_layout(const BuildRequest& req, const std::string& name) {
  Found found;
  for (const fs::path& dir : layout_dirs(req)) {
    const fs::path p = dir / (name + ".yaml");
    found.looked.push_back(p.string());
    if (is_file(p)) {
      found.path = p.string();
      break;
    }
  }
  return found;
}

std::vector<std::string> layout_candidates(const BuildRequest& req, const std::string& name) {
  std::vector<std::string> paths;
  for (const fs::path& dir : layout_dirs(req)) paths.push_back((dir / (name + ".yaml")).string());
  // With --layout-dir, a layout there may still extend leafpress's own.
  if (!req.layout_dir.empty() && !data_dir().empty())
    paths.push_back((fs::path(data_dir()) / "layout" / (name + ".yaml")).string());
  return paths;
}

std::vector<std::string> icon_dirs(const BuildRequest& req) {
  std::vector<std::string> dirs;
  for (const fs::path& dir : layout_dirs(req)) dirs.push_back((dir / "icons").string());
  if (!data_dir().empty()) {
    const std::string own = (fs::path(data_dir()) / "layout" / "icons").string();
    if (std::find(dirs.begin(), dirs.end(), own) == dirs.end()) dirs.push_back(own);
  }
  return dirs;
}

Found find_fonts(const BuildRequest& req) {
  Found found;
  std::vector<fs::path> candidates;
  if (!req.fonts.empty()) {
    // Named on the command line: whatever it is, the loader says what is wrong with it (a FIFO,
    // a folder, a missing file).
    std::error_code ec;
    if (fs::exists(fs::symlink_status(req.fonts, ec))) {
      found.looked.push_back(req.fonts);
      found.path = req.fonts;
      return found;
    }
    candidates = {req.fonts};
  } else {
    candidates.push_back(report_folder(req) / "fonts" / "fonts.yaml");
    if (!data_dir().empty()) candidates.push_back(fs::path(data_dir()) / "fonts" / "fonts.yaml");
  }
  for (const fs::path& p : candidates) {
    found.looked.push_back(p.string());
    if (is_file(p)) {
      found.path = p.string();
      break;
    }
  }
  return found;
}

std::vector<std::string> known_editions(const BuildRequest& req) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::path& dir : layout_dirs(req))
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace lp
