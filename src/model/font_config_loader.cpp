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
    const YamlNode* root = yaml_.load();
    if (!root || !yaml_.expect_map(*root, "a font configuration")) return cfg;
    const YamlNode& r = *root;
    yaml_.check_keys(r, {"search-paths", "families", "roles", "fallback"}, {"search-paths", "families", "roles"});
    read_search_paths(r.find("search-paths"));
    if (const YamlNode* fams = r.find("families"); fams && yaml_.expect_map(*fams, "'families'")) {
      for (const auto& [key, value] : fams->entries()) cfg.families.push_back(read_family(key, value));
    }
    auto known = [&](const YamlNode& n) {
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
    if (const YamlNode* roles = r.find("roles"); roles && yaml_.expect_map(*roles, "'roles'")) {
      for (const auto& [key, value] : roles->entries()) cfg.roles[std::string(key.text())] = known(value);
    }
    if (const YamlNode* fb = r.find("fallback"); fb && yaml_.expect_sequence(*fb, "'fallback'")) {
      for (const auto& n : fb->items())
        if (auto name = known(n); !name.empty()) cfg.fallback.push_back(name);
    }
    return cfg;
  }

 private:
  YamlReader yaml_;
  std::vector<fs::path> search_paths_;

  void read_search_paths(const YamlNode* n) {
    if (!n || !yaml_.expect_sequence(*n, "'search-paths'")) return;
    const fs::path base = fs::path(yaml_.path()).parent_path();
    for (const auto& p : n->items())
      if (auto s = yaml_.scalar(p, "a search path")) search_paths_.push_back(fs::path(*s).is_absolute() ? fs::path(*s) : base / *s);
  }

  std::string resolve(const YamlNode& n) {
    const std::string file = yaml_.scalar(n, "a font file").value_or("");
    if (file.empty()) return "";
    for (const auto& dir : search_paths_) {
      std::error_code ec;
      if (fs::is_regular_file(dir / file, ec)) return (dir / file).string();
    }
    yaml_.error(n, fmt::format("font file '{}' not found in the search paths (is its package installed?)", file));
    return "";
  }

  FontFamilySpec read_family(const YamlNode& key, const YamlNode& n) {
    FontFamilySpec f;
    f.name = key.text();
    f.pos = YamlReader::pos(key);
    if (!yaml_.expect_map(n, fmt::format("family '{}'", f.name))) return f;
    yaml_.check_keys(n, {"package", "regular", "bold", "italic", "bold-italic"}, {"regular"});
    f.package = yaml_.scalar_or(n, "package", "");
    if (const YamlNode* v = n.find("regular")) f.regular = resolve(*v);
    if (const YamlNode* v = n.find("bold")) f.bold = resolve(*v);
    if (const YamlNode* v = n.find("italic")) f.italic = resolve(*v);
    if (const YamlNode* v = n.find("bold-italic")) f.bold_italic = resolve(*v);
    return f;
  }
};

}  // namespace

FontConfig load_font_config(const std::string& path, Diagnostics& diags) { return FontConfigLoader(path, diags).load(); }

}  // namespace lp
