#include <fmt/format.h>

#include <filesystem>

#include "model/loaders.h"
#include "model/yaml_reader.h"

namespace lp {

namespace fs = std::filesystem;

namespace {

class FontConfigLoader {
 public:
  FontConfigLoader(const std::string& path, Diagnostics& diags) : yaml_(path, diags) {}

  FontConfig load() {
    FontConfig cfg;
    cfg.path = yaml_.path();
    auto root = yaml_.load();
    if (!root || !yaml_.expect_map(*root, "a font configuration")) return cfg;
    const YAML::Node& r = *root;
    yaml_.check_keys(r, {"search-paths", "families", "roles", "fallback"}, {"search-paths", "families", "roles"});
    read_search_paths(r["search-paths"]);
    if (const auto fams = r["families"]; fams && yaml_.expect_map(fams, "'families'")) {
      for (const auto& kv : fams) cfg.families.push_back(read_family(kv.first, kv.second));
    }
    auto known = [&](const YAML::Node& n) {
      const std::string name = yaml_.scalar(n, "a family name").value_or("");
      for (const auto& f : cfg.families)
        if (f.name == name) return name;
      std::vector<std::string> names;
      for (const auto& f : cfg.families) names.push_back(f.name);
      std::string hint = closest_match(name, names);
      yaml_.error(n, hint.empty() ? fmt::format("unknown font family '{}'", name)
                                  : fmt::format("unknown font family '{}' (did you mean '{}'?)", name, hint));
      return std::string();
    };
    if (const auto roles = r["roles"]; roles && yaml_.expect_map(roles, "'roles'")) {
      for (const auto& kv : roles) cfg.roles[kv.first.Scalar()] = known(kv.second);
    }
    if (const auto fb = r["fallback"]; fb && yaml_.expect_sequence(fb, "'fallback'")) {
      for (const auto& n : fb)
        if (auto name = known(n); !name.empty()) cfg.fallback.push_back(name);
    }
    return cfg;
  }

 private:
  YamlReader yaml_;
  std::vector<fs::path> search_paths_;

  void read_search_paths(const YAML::Node& n) {
    if (!n || !yaml_.expect_sequence(n, "'search-paths'")) return;
    const fs::path base = fs::path(yaml_.path()).parent_path();
    for (const auto& p : n)
      if (auto s = yaml_.scalar(p, "a search path")) search_paths_.push_back(fs::path(*s).is_absolute() ? fs::path(*s) : base / *s);
  }

  std::string resolve(const YAML::Node& n) {
    const std::string file = yaml_.scalar(n, "a font file").value_or("");
    if (file.empty()) return "";
    for (const auto& dir : search_paths_) {
      std::error_code ec;
      if (fs::is_regular_file(dir / file, ec)) return (dir / file).string();
    }
    yaml_.error(n, fmt::format("font file '{}' not found in the search paths (is its package installed?)", file));
    return "";
  }

  FontFamilySpec read_family(const YAML::Node& key, const YAML::Node& n) {
    FontFamilySpec f;
    f.name = key.Scalar();
    f.pos = YamlReader::pos(key);
    if (!yaml_.expect_map(n, fmt::format("family '{}'", f.name))) return f;
    yaml_.check_keys(n, {"package", "regular", "bold", "italic", "bold-italic"}, {"regular"});
    f.package = yaml_.scalar_or(n, "package", "");
    if (n["regular"]) f.regular = resolve(n["regular"]);
    if (n["bold"]) f.bold = resolve(n["bold"]);
    if (n["italic"]) f.italic = resolve(n["italic"]);
    if (n["bold-italic"]) f.bold_italic = resolve(n["bold-italic"]);
    return f;
  }
};

}  // namespace

FontConfig load_font_config(const std::string& path, Diagnostics& diags) { return FontConfigLoader(path, diags).load(); }

}  // namespace lp
