#include "model/yaml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/input_path.h"

namespace lp {

const YamlNode* YamlReader::load() {
  std::optional<std::string> text = read_input_file(path_, kMaxYamlBytes, path_, {}, diags_);
  if (!text) return nullptr;
  YamlError why;
  document_ = parse_yaml(std::move(*text), {kMaxYamlDepth, kMaxYamlNodes}, why);
  if (!document_) {
    diags_.error(path_, why.pos, why.message);
    return nullptr;
  }
  if (document_->root().is_null()) {
    diags_.error(path_, {1, 1}, "the file is empty");
    return nullptr;
  }
  return &document_->root();
}

void YamlReader::error(const YamlNode& node, const std::string& message) { error(pos(node), message); }
void YamlReader::error(SourcePos p, const std::string& message) { diags_.error(path_, p, message); }

static const char* kind_name(const YamlNode& node) {
  switch (node.kind()) {
    case YamlNode::Kind::Mapping: return "a mapping";
    case YamlNode::Kind::Sequence: return "a list";
    case YamlNode::Kind::Scalar: return "a scalar";
    case YamlNode::Kind::Null: break;
  }
  return "nothing";
}

bool YamlReader::expect_map(const YamlNode& node, const std::string& what) {
  if (node.is_mapping()) return true;
  error(node, fmt::format("{} must be a mapping (key: value), found {}", what, kind_name(node)));
  return false;
}

bool YamlReader::expect_sequence(const YamlNode& node, const std::string& what) {
  if (node.is_sequence()) return true;
  error(node, fmt::format("{} must be a list, found {}", what, kind_name(node)));
  return false;
}

void YamlReader::check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                            const std::vector<std::string>& required) {
  for (const auto& [key_node, value] : map.entries()) {
    const std::string_view key = key_node.text();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string hint = closest_match(std::string(key), allowed);
    error(key_node, hint.empty() ? fmt::format("unknown key '{}'", key)
                                 : fmt::format("unknown key '{}' (did you mean '{}'?)", key, hint));
  }
  for (const auto& key : required)
    if (!map.find(key)) error(map, fmt::format("missing key '{}'", key));
}

std::optional<YamlEntry> YamlReader::single_key(const YamlNode& item, const std::string& what) {
  if (!item.is_mapping() || item.size() != 1) {
    error(item, fmt::format("each {} must be a single-key mapping such as '- p: text'", what));
    return std::nullopt;
  }
  return item.entries()[0];
}

std::optional<std::string> YamlReader::scalar(const YamlNode& node, const std::string& what) {
  if (node.is_scalar()) return std::string(node.text());
  error(node, fmt::format("{} must be text, found {}", what, kind_name(node)));
  return std::nullopt;
}

std::string YamlReader::scalar_or(const YamlNode& map, const char* key, const std::string& fallback) {
  const YamlNode* node = map.find(key);
  if (!node) return fallback;
  return scalar(*node, fmt::format("'{}'", key)).value_or(fallback);
}

std::optional<double> YamlReader::number(const YamlNode& node, const std::string& what) {
  if (node.is_scalar()) {
    const std::string s(node.text());  // strtod wants a terminating NUL
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(v)) return v;
  }
  error(node, fmt::format("{} must be a number", what));
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YamlNode& node, const std::string& what) {
  if (node.is_scalar()) {
    const std::string_view s = node.text();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  error(node, fmt::format("{} must be true or false", what));
  return std::nullopt;
}

std::optional<Pt> YamlReader::length(const YamlNode& node, const std::string& what) {
  if (node.is_scalar()) {
    const std::string s(node.text());  // strtod wants a terminating NUL
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
