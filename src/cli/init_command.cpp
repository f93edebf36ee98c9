#include "cli/init_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/request.h"
#include "cli/resources.h"

namespace lp {

namespace fs = std::filesystem;

int run_init(const std::string& dir) {
  if (data_dir().empty()) {
    std::cerr << "leafpress: cannot find leafpress's own layouts (share/leafpress beside its bin/)\n";
    return kIoError;
  }
  const fs::path data(data_dir()), to(dir.empty() ? "." : dir);
  std::vector<std::pair<fs::path, fs::path>> copies{{data / "templates" / "report.yaml", to / "report.yaml"}};
  for (const std::string& name : builtin_editions())
    copies.emplace_back(data / "layout" / (name + ".yaml"), to / "layout" / (name + ".yaml"));
  std::error_code ec;
  for (const auto& [from, target] : copies) {
    if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
      std::cerr << fmt::format("leafpress: {} exists already; init writes nothing over a file\n", target.string());
      return kUsageError;
    }
    if (!fs::is_regular_file(from, ec)) {
      std::cerr << fmt::format("leafpress: {} is missing from leafpress's own files\n", from.string());
      return kIoError;
    }
  }
  for (const auto& [from, target] : copies) {
    fs::create_directories(target.parent_path(), ec);
    if (!ec) fs::copy_file(from, target, ec);
    if (ec) {
      std::cerr << fmt::format("leafpress: cannot write {}: {}\n", target.string(), ec.message());
      return kIoError;
    }
    std::cerr << fmt::format("leafpress: wrote {}\n", target.string());
  }
  std::cerr << fmt::format("leafpress: now `leafpress build` in {} writes every edition to out/\n", to.string());
  return kOk;
}

}  // namespace lp
