#include "model/yaml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/input_path.h"

namespace lp {

namespace {

// Walks the tree as the loaders will, counting nodes; stops at the first limit it passes.
class TreeLimits {
 public:
  explicit TreeLimits(std::string& why) : why_(why) {}

  bool walk(const YAML::Node& node, int depth) {
    if (++nodes_ > kMaxYamlNodes) {
      mark_ = node.Mark();
      why_ = fmt::format("the document has more than {} nodes once its aliases are expanded", kMaxYamlNodes);
      return false;
    }
    if (!node.IsMap() && !node.IsSequence()) return true;
    if (depth >= kMaxYamlDepth) {
      mark_ = node.Mark();
      why_ = fmt::format("the document nests deeper than {} levels", kMaxYamlDepth);
      return false;
    }
    for (const auto& child : node) {
      if (node.IsMap()) {
        if (!walk(child.first, depth + 1) || !walk(child.second, depth + 1)) return false;
      } else if (!walk(child, depth + 1)) {
        return false;
      }
    }
    return true;
  }
  YAML::Mark mark() const { return mark_; }

 private:
  std::string& why_;
  size_t nodes_ = 0;
  YAML::Mark mark_ = YAML::Mark::null_mark();
};

}  // namespace

std::optional<YAML::Node> YamlReader::load() {
  const std::optional<std::string> text = read_input_file(path_, kMaxYamlBytes, path_, {}, diags_);
  if (!text) return std::nullopt;
  try {
    YAML::Node root = YAML::Load(*text);
    if (!root || root.IsNull()) {
      diags_.error(path_, {1, 1}, "the file is empty");
      return std::nullopt;
    }
    std::string why;
    TreeLimits limits(why);
    if (!limits.walk(root, 0)) {
      const YAML::Mark m = limits.mark();
      diags_.error(path_, m.is_null() ? SourcePos{} : SourcePos{m.line + 1, m.column + 1}, why);
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    diags_.error(path_, {e.mark.line + 1, e.mark.column + 1}, fmt::format("invalid YAML: {}", e.msg));
    return std::nullopt;
  }
}

SourcePos YamlReader::pos(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {};
  return {m.line + 1, m.column + 1};
}

void YamlReader::error(const YAML::Node& node, const std::string& message) { error(pos(node), message); }
void YamlReader::error(SourcePos p, const std::string& message) { diags_.error(path_, p, message); }

static const char* kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Null: return "nothing";
    default: return "an undefined value";
  }
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& what) {
  if (node.IsMap()) return true;
  error(node, fmt::format("{} must be a mapping (key: value), found {}", what, kind_name(node)));
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const std::string& what) {
  if (node.IsSequence()) return true;
  error(node, fmt::format("{} must be a list, found {}", what, kind_name(node)));
  return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            const std::vector<std::string>& required) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string hint = closest_match(key, allowed);
    error(kv.first, hint.empty() ? fmt::format("unknown key '{}'", key)
                                 : fmt::format("unknown key '{}' (did you mean '{}'?)", key, hint));
  }
  for (const auto& key : required)
    if (!map[key]) error(map, fmt::format("missing key '{}'", key));
}

std::optional<std::pair<YAML::Node, YAML::Node>> YamlReader::single_key(const YAML::Node& item,
                                                                        const std::string& what) {
  if (!item.IsMap() || item.size() != 1) {
    error(item, fmt::format("each {} must be a single-key mapping such as '- p: text'", what));
    return std::nullopt;
  }
  auto it = item.begin();
  return std::make_pair(it->first, it->second);
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) return node.Scalar();
  error(node, fmt::format("{} must be text, found {}", what, kind_name(node)));
  return std::nullopt;
}

std::string YamlReader::scalar_or(const YAML::Node& map, const char* key, const std::string& fallback) {
  const YAML::Node node = map[key];
  if (!node) return fallback;
  return scalar(node, fmt::format("'{}'", key)).value_or(fallback);
}

std::optional<double> YamlReader::number(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(v)) return v;
  }
  error(node, fmt::format("{} must be a number", what));
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  error(node, fmt::format("{} must be true or false", what));
  return std::nullopt;
}

std::optional<Pt> YamlReader::length(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    std::string unit(end);
    if (end != s.c_str() && std::isfinite(v) && v >= 0 && v < 100000) {
      if (unit.empty() || unit == "pt") return Pt(v);
      if (unit == "mm") return Mm(v).to_pt();
      if (unit == "cm") return Mm(v * 10).to_pt();
      if (unit == "in") return Pt(v * 72);
    }
  }
  error(node, fmt::format("{} must be a length such as 10.5pt or 3mm", what));
  return std::nullopt;
}

}  // namespace lp
