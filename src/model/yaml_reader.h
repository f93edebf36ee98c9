#pragma once
// Checked access to a YAML file for the loaders: every complaint carries file, line and column.
// Internal to src/model: nothing outside this stage sees yaml-cpp or the YAML tree.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/units.h"
#include "model/yaml_tree.h"

namespace lp {

// Limits on every YAML input, so that a hostile file gives an error, not an exhausted machine.
// An alias is expanded into a copy of the anchored subtree, so a small file can stand for an
// enormous tree ("billion laughs"). parse_yaml() therefore counts every node as it is made (an
// alias counts its whole subtree again) and refuses the file past kMaxYamlNodes or below
// kMaxYamlDepth.
inline constexpr size_t kMaxYamlBytes = 32 * 1024 * 1024;
inline constexpr int kMaxYamlDepth = 64;
inline constexpr size_t kMaxYamlNodes = 1'000'000;

class YamlReader {
 public:
  YamlReader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

  // The parsed root, kept by this reader; nullptr after reporting why it could not be read.
  const YamlNode* load();
  // The same for a file that may say `extends: NAME`: the file NAME names (the first of
  // `candidates(NAME)` that is not the file itself) is read the same way, and this one merged
  // over it (merge_yaml); complaints about a node name the file it is from. A chain that comes
  // back to a file in it is an error at its `extends`.
  using Candidates = std::function<std::vector<std::string>(const std::string& name)>;
  const YamlNode* load_extending(const Candidates& candidates);

  // Called with each scalar of the file as load() parses it (yaml_tree.h).
  void watch_scalars(ScalarWatch watch) { watch_ = std::move(watch); }

  const std::string& path() const { return path_; }
  static SourcePos pos(const YamlNode& node) { return node.pos(); }
  void error(const YamlNode& node, const std::string& message);
  void error(SourcePos pos, const std::string& message);

  bool expect_map(const YamlNode& node, const std::string& what);
  bool expect_sequence(const YamlNode& node, const std::string& what);
  // Reports every key not in `allowed` (with a suggestion) and every missing `required` key.
  void check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                  const std::vector<std::string>& required = {});
  // A list item written as a single-key mapping: its key and value, or nullopt after an error.
  std::optional<YamlEntry> single_key(const YamlNode& item, const std::string& what);

  std::optional<std::string> scalar(const YamlNode& node, const std::string& what);
  // The text of `map`'s entry `key`, `fallback` when it has none (or after reporting a non-text).
  std::string scalar_or(const YamlNode& map, const char* key, const std::string& fallback);
  std::optional<double> number(const YamlNode& node, const std::string& what);
  // How many digits a number is written with after its decimal point ("4.50" 2, "12" 0, "1.5e3"
  // 1); 0 for anything not a scalar.
  static int decimals(const YamlNode& node);
  std::optional<bool> boolean(const YamlNode& node, const std::string& what);
  // "12pt", "3mm", "1.5cm", "0.5in" or a bare number of points.
  std::optional<Pt> length(const YamlNode& node, const std::string& what);

 private:
  std::string path_;
  Diagnostics& diags_;
  std::unique_ptr<const YamlDocument> document_;
  std::vector<std::string> files_;  // by YamlNode::file(): this one, then what it extends
  ScalarWatch watch_;

  std::unique_ptr<const YamlDocument> read(const std::string& path);
};

}  // namespace lp
