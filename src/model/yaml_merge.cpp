// merge_yaml() (model/yaml_tree.h): a layout read over the one it extends.
#include "model/yaml_tree.h"

namespace lp {

class YamlMerger {
 public:
  YamlMerger(uint16_t over_file, std::optional<uint16_t> base_file) : over_file_(over_file), base_file_(base_file) {}

  std::unique_ptr<const YamlDocument> run(std::unique_ptr<const YamlDocument> base,
                                          std::unique_ptr<const YamlDocument> over, std::string_view drop) {
    std::unique_ptr<YamlDocument> out(new YamlDocument(""));
    merge(&base->root_, over->root_, out->root_, drop);
    out->parts_.push_back(std::move(base));
    out->parts_.push_back(std::move(over));
    return out;
  }

 private:
  uint16_t over_file_;
  std::optional<uint16_t> base_file_;

  static void copy(const YamlNode& from, YamlNode& to, std::optional<uint16_t> file) {
    to.kind_ = from.kind_;
    to.file_ = file ? *file : from.file_;
    to.line_ = from.line_;
    to.column_ = from.column_;
    to.text_ = from.text_;
    to.children_.resize(from.children_.size());
    for (size_t i = 0; i < from.children_.size(); ++i) copy(from.children_[i], to.children_[i], file);
  }

  static const YamlNode* value_of(const YamlNode& map, const YamlNode& key) {
    return key.is_scalar() ? map.find(key.text()) : nullptr;
  }

  void merge(const YamlNode* base, const YamlNode& over, YamlNode& out, std::string_view drop = {}) {
    if (!base || !base->is_mapping() || !over.is_mapping()) {
      copy(over, out, over_file_);
      return;
    }
    copy(over, out, over_file_);  // the mapping itself: over's place
    out.children_.clear();
    auto push = [&](const YamlNode& key, const YamlNode* from_base, const YamlNode* from_over) {
      YamlNode& k = out.children_.emplace_back();
      YamlNode& v = out.children_.emplace_back();
      if (!from_over) {
        copy(key, k, base_file_);
        copy(*from_base, v, base_file_);
        return;
      }
      copy(key, k, over_file_);
      merge(from_base, *from_over, v);
    };
    out.children_.reserve(base->children_.size() + over.children_.size());
    for (const auto& [key, value] : base->entries()) {
      const YamlNode* mine = value_of(over, key);
      if (!drop.empty() && key.is_scalar() && key.text() == drop) mine = nullptr;
      // Over's own key, where it gives one, so that a complaint about it points there.
      const YamlNode* over_key = nullptr;
      if (mine)
        for (const auto& [k, v] : over.entries())
          if (&v == mine) over_key = &k;
      push(over_key ? *over_key : key, &value, mine);
    }
    for (const auto& [key, value] : over.entries()) {
      if (!drop.empty() && key.is_scalar() && key.text() == drop) continue;
      if (!value_of(*base, key)) push(key, nullptr, &value);
    }
  }
};

std::unique_ptr<const YamlDocument> merge_yaml(std::unique_ptr<const YamlDocument> base,
                                               std::unique_ptr<const YamlDocument> over, uint16_t over_file,
                                               std::string_view drop, std::optional<uint16_t> base_file) {
  return YamlMerger(over_file, base_file).run(std::move(base), std::move(over), drop);
}

}  // namespace lp
