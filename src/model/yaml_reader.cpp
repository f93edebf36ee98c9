#include "model/yaml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "model/input_path.h"

namespace lp {

std::unique_ptr<const YamlDocument> YamlReader::read(const std::string& path) {
  std::optional<std::string> text = read_input_file(path, kMaxYamlBytes, path, {}, diags_);
  if (!text) return nullptr;
  YamlError why;
  std::unique_ptr<const YamlDocument> doc = parse_yaml(std::move(*text), {kMaxYamlDepth, kMaxYamlNodes}, why, watch_);
  if (!doc) {
    diags_.error(path, why.pos, why.message);
    return nullptr;
  }
  if (doc->root().is_null()) {
    diags_.error(path, {1, 1}, "the file is empty");
    return nullptr;
  }
  return doc;
}

const YamlNode* YamlReader::load() {
  files_ = {path_};
  document_ = read(path_);
  return document_ ? &document_->root() : nullptr;
}

namespace {

constexpr size_t kMaxExtends = 16;

std::string same_file_key(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

}  // namespace

const YamlNode* YamlReader::load_extending(const Candidates& candidates) {
  files_ = {path_};
  std::vector<std::unique_ptr<const YamlDocument>> docs;
  std::vector<std::string> chain{same_file_key(path_)};
  for (std::string path = path_;;) {
    std::unique_ptr<const YamlDocument> doc = read(path);
    if (!doc) return nullptr;
    const YamlNode* ext = doc->root().find("extends");
    docs.push_back(std::move(doc));
    if (!ext) break;
    auto fail = [&](const std::string& message) {
      diags_.error(path, ext->pos(), message);
      return nullptr;
    };
    if (!ext->is_scalar() || ext->text().empty()) return fail("'extends' must name a layout, such as booklet");
    const std::string name(ext->text());
    std::string next;
    std::vector<std::string> looked;
    for (const std::string& c : candidates(name)) {
      if (same_file_key(c) == chain.back()) continue;  // a layout may extend the one it stands in for
      looked.push_back(c);
      std::error_code ec;
      if (std::filesystem::is_regular_file(c, ec)) {
        next = c;
        break;
      }
    }
    if (next.empty()) {
      std::string where;
      for (const auto& l : looked) where += (where.empty() ? "" : ", ") + l;
      return fail(fmt::format("'extends: {}' names no layout{}", name, where.empty() ? "" : " (looked for " + where + ")"));
    }
    const std::string key = same_file_key(next);
    if (std::find(chain.begin(), chain.end(), key) != chain.end() || chain.size() >= kMaxExtends) {
      std::string cycle;
      for (const auto& f : files_) cycle += f + " -> ";
      return fail(fmt::format("'extends: {}' makes a cycle: {}{}", name, cycle, next));
    }
    chain.push_back(key);
    files_.push_back(next);
    path = next;
  }
  std::unique_ptr<const YamlDocument> merged = std::move(docs.back());
  for (size_t i = docs.size() - 1; i-- > 0;) {
    const bool deepest = i + 2 == docs.size();
    merged = merge_yaml(std::move(merged), std::move(docs[i]), static_cast<uint16_t>(i), "extends",
                        deepest ? std::optional<uint16_t>(static_cast<uint16_t>(i + 1)) : std::nullopt);
  }
  document_ = std::move(merged);
  return &document_->root();
}

void YamlReader::error(const YamlNode& node, const std::string& message) {
  const std::string& file = node.file() < files_.size() ? files_[node.file()] : path_;
  diags_.error(file, pos(node), message);
}
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

int YamlReader::decimals(const YamlNode& node) {
  const std::string_view s = node.text();
  const size_t point = s.find('.');
  if (!node.is_scalar() || point == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = point + 1; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++n;
  return n;
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
