#include <fmt/format.h>

#include "model/loaders.h"
#include "model/yaml_reader.h"

namespace lp {

namespace {

class ReportLoader {
 public:
  ReportLoader(const std::string& path, Diagnostics& diags) : yaml_(path, diags) {}

  Document load() {
    Document doc;
    doc.path = yaml_.path();
    auto root = yaml_.load();
    if (!root || !yaml_.expect_map(*root, "a report")) return doc;
    yaml_.check_keys(*root, {"report", "content"}, {"report", "content"});
    if (const auto info = (*root)["report"]) doc.info = read_info(info);
    if (const auto content = (*root)["content"]; content && yaml_.expect_sequence(content, "'content'")) {
      for (const auto& item : content) read_content_item(item, doc);
    }
    return doc;
  }

 private:
  YamlReader yaml_;

  ReportInfo read_info(const YAML::Node& node) {
    ReportInfo info;
    if (!yaml_.expect_map(node, "'report'")) return info;
    yaml_.check_keys(node, {"title", "organisation", "short-name", "language", "date", "editions"},
                     {"title", "editions"});
    info.title = yaml_.scalar_or(node, "title", "");
    info.organisation = yaml_.scalar_or(node, "organisation", "");
    info.short_name = yaml_.scalar_or(node, "short-name", info.title);
    info.language = yaml_.scalar_or(node, "language", "en-GB");
    info.date = yaml_.scalar_or(node, "date", "");
    if (!info.date.empty() && !valid_date(info.date)) yaml_.error(node["date"], "'date' must be written YYYY-MM-DD");
    if (const auto eds = node["editions"]; eds && yaml_.expect_sequence(eds, "'editions'")) {
      for (const auto& e : eds)
        if (auto name = yaml_.scalar(e, "an edition name")) {
          info.editions.push_back(*name);
          info.edition_pos.push_back(YamlReader::pos(e));
        }
    }
    return info;
  }

  static bool valid_date(const std::string& d) {
    int y = 0, m = 0, day = 0;
    return d.size() == 10 && std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day) == 3 && m >= 1 && m <= 12 &&
           day >= 1 && day <= 31;
  }

  InlineText inline_text(const YAML::Node& node, const std::string& what) {
    auto s = yaml_.scalar(node, what);
    if (!s) return {};
    return parse_inline_markdown(*s, YamlReader::pos(node));
  }

  InlineText optional_text(const YAML::Node& map, const char* key) {
    const auto node = map[key];
    return node ? inline_text(node, fmt::format("'{}'", key)) : InlineText{};
  }

  void read_content_item(const YAML::Node& item, Document& doc) {
    auto kv = yaml_.single_key(item, "content item");
    if (!kv) return;
    const auto& [key, value] = *kv;
    const std::string kind = key.Scalar();
    if (kind == "cover") {
      if (!yaml_.expect_map(value, "'cover'")) return;
      yaml_.check_keys(value, {"title", "subtitle", "tagline"}, {"title"});
      doc.content.push_back(Cover{optional_text(value, "title"), optional_text(value, "subtitle"),
                                  optional_text(value, "tagline"), YamlReader::pos(key)});
    } else if (kind == "section") {
      doc.content.push_back(read_section(key, value));
    } else {
      unknown_kind(key, {"cover", "section"}, "content item");
    }
  }

  void unknown_kind(const YAML::Node& key, const std::vector<std::string>& kinds, const char* what) {
    const std::string kind = key.Scalar();
    std::string hint = closest_match(kind, kinds);
    yaml_.error(key, hint.empty() ? fmt::format("unknown {} '{}'", what, kind)
                                  : fmt::format("unknown {} '{}' (did you mean '{}'?)", what, kind, hint));
  }

  Section read_section(const YAML::Node& key, const YAML::Node& value) {
    Section section;
    section.pos = YamlReader::pos(key);
    if (!yaml_.expect_map(value, "'section'")) return section;
    yaml_.check_keys(value, {"id", "title", "blocks"}, {"title"});
    section.id = yaml_.scalar_or(value, "id", "");
    section.title = optional_text(value, "title");
    if (const auto blocks = value["blocks"]; blocks && yaml_.expect_sequence(blocks, "'blocks'")) {
      for (const auto& b : blocks) read_block(b, section.blocks);
    }
    return section;
  }

  void read_block(const YAML::Node& item, std::vector<Block>& out) {
    auto kv = yaml_.single_key(item, "block");
    if (!kv) return;
    const auto& [key, value] = *kv;
    const std::string kind = key.Scalar();
    const SourcePos pos = YamlReader::pos(key);
    if (kind == "p") {
      out.push_back(Paragraph{inline_text(value, "a paragraph"), pos});
    } else if (kind == "heading") {
      out.push_back(Heading{inline_text(value, "a heading"), pos});
    } else if (kind == "list") {
      out.push_back(read_list(value, pos));
    } else if (kind == "page-break") {
      out.push_back(PageBreak{pos});
    } else {
      unknown_kind(key, {"p", "heading", "list", "page-break"}, "block");
    }
  }

  ListBlock read_list(const YAML::Node& value, SourcePos pos) {
    ListBlock list;
    list.pos = pos;
    YAML::Node items = value;
    if (value.IsMap()) {
      yaml_.check_keys(value, {"style", "items"}, {"items"});
      const std::string style = yaml_.scalar_or(value, "style", "bullet");
      if (style == "number") list.style = ListBlock::Style::Number;
      else if (style != "bullet") yaml_.error(value["style"], fmt::format("unknown list style '{}' (bullet or number)", style));
      items = value["items"];
    }
    if (!items || !yaml_.expect_sequence(items, "a list's items")) return list;
    for (const auto& item : items) list.items.push_back(inline_text(item, "a list item"));
    return list;
  }
};

}  // namespace

Document load_report(const std::string& path, Diagnostics& diags) { return ReportLoader(path, diags).load(); }

}  // namespace lp
