#pragma once
// Checked access to a YAML file for the loaders: every complaint carries file, line and column.
// Internal to src/model: nothing outside this stage sees yaml-cpp.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/units.h"

namespace lp {

// Limits on every YAML input, so that a hostile file gives an error, not an exhausted machine.
// yaml-cpp turns an alias into a second reference to the anchored node, so a small file can
// stand for an enormous tree ("billion laughs"): the loaders would walk every copy. load()
// therefore walks the tree once, counting a node each time it is reached (an alias counts its
// whole subtree again), and refuses the file past kMaxYamlNodes or below kMaxYamlDepth.
inline constexpr size_t kMaxYamlBytes = 32 * 1024 * 1024;
inline constexpr int kMaxYamlDepth = 64;
inline constexpr size_t kMaxYamlNodes = 1'000'000;

class YamlReader {
 public:
  YamlReader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

  // The parsed root, or nullopt after reporting why it could not be read.
  std::optional<YAML::Node> load();

  const std::string& path() const { return path_; }
  static SourcePos pos(const YAML::Node& node);
  void error(const YAML::Node& node, const std::string& message);
  void error(SourcePos pos, const std::string& message);

  bool expect_map(const YAML::Node& node, const std::string& what);
  bool expect_sequence(const YAML::Node& node, const std::string& what);
  // Reports every key not in `allowed` (with a suggestion) and every missing `required` key.
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                  const std::vector<std::string>& required = {});
  // A list item written as a single-key mapping: its key and value, or nullopt after an error.
  std::optional<std::pair<YAML::Node, YAML::Node>> single_key(const YAML::Node& item, const std::string& what);

  std::optional<std::string> scalar(const YAML::Node& node, const std::string& what);
  std::string scalar_or(const YAML::Node& map, const char* key, const std::string& fallback);
  std::optional<double> number(const YAML::Node& node, const std::string& what);
  std::optional<bool> boolean(const YAML::Node& node, const std::string& what);
  // "12pt", "3mm", "1.5cm", "0.5in" or a bare number of points.
  std::optional<Pt> length(const YAML::Node& node, const std::string& what);

 private:
  std::string path_;
  Diagnostics& diags_;
};

}  // namespace lp
