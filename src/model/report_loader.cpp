#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "model/image_info.h"
#include "model/pdf_limits.h"
#include "model/quotes.h"
#include "model/input_path.h"
#include "model/language_tag.h"
#include "model/loaders.h"
#include "model/vector_files.h"
#include "model/yaml_reader.h"

namespace lp {

namespace {

const std::vector<std::string> kContentKinds = {"cover", "notes", "contents", "section", "back-cover"};
const std::vector<std::string> kBlockKinds = {"p",      "heading", "list",       "quote", "quotes",
                                              "people", "timeline", "stats",     "chart", "image",
                                              "callout", "wordsearch", "quiz", "spot-the-difference",
                                              "answers", "contact", "table", "page-break",
                                              "lettering"};

class ReportLoader {
 public:
  ReportLoader(const std::string& path, Diagnostics& diags, const std::string& root, std::vector<std::string> icon_dirs)
      : yaml_(path, diags), diags_(diags),
        root_(root.empty() ? std::filesystem::path(path).parent_path().string() : root),
        vectors_(std::move(icon_dirs), diags) {}

  Document load() {
    Document doc;
    doc.path = yaml_.path();
    yaml_.watch_scalars([this](std::string_view text) { prefetch_if_svg(text); });
    const YamlNode* root = yaml_.load();
    yaml_.watch_scalars({});
    vectors_.end_prefetch();
    if (!root || !yaml_.expect_map(*root, "a report")) return doc;
    yaml_.check_keys(*root, {"report", "content"}, {"report", "content"});
    if (const YamlNode* info = root->find("report")) doc.info = read_info(*info);
    quotes_ = quote_marks_for(doc.info.language);
    doc.info.title = curl_quotes(doc.info.title, quotes_);
    doc.info.short_name = curl_quotes(doc.info.short_name, quotes_);
    if (const YamlNode* content = root->find("content"); content && yaml_.expect_sequence(*content, "'content'")) {
      for (const auto& item : content->items()) read_content_item(item, doc);
    }
    check_internal_links();
    return doc;
  }

 private:
  YamlReader yaml_;
  Diagnostics& diags_;
  std::string root_;
  VectorFiles vectors_;
  int callout_depth_ = 0;
  QuoteMarks quotes_ = quote_marks_for("en");
  std::map<std::string, SourcePos> section_ids_;
  std::vector<std::pair<std::string, SourcePos>> internal_links_;  // "#id" targets, checked at the end

  // An id names a place a link can go to: letters, digits, '-' and '_', from a letter.
  static bool is_id(std::string_view id) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (id.empty() || !letter(id[0])) return false;
    for (char c : id)
      if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') return false;
    return true;
  }

  void check_internal_links() {
    for (const auto& [id, pos] : internal_links_)
      if (!section_ids_.count(id)) yaml_.error(pos, fmt::format("no section has the id '{}'{}", id, id_suggestion(id)));
  }

  std::string id_suggestion(const std::string& id) const {
    std::vector<std::string> ids;
    for (const auto& entry : section_ids_) ids.push_back(entry.first);
    const std::string near = closest_match(id, ids);
    return near.empty() ? "" : fmt::format(" (did you mean '#{}'?)", near);
  }

  ReportInfo read_info(const YamlNode& node) {
    ReportInfo info;
    if (!yaml_.expect_map(node, "'report'")) return info;
    yaml_.check_keys(node, {"title", "organisation", "short-name", "language", "date", "editions", "words"},
                     {"title"});
    info.title = yaml_.scalar_or(node, "title", "");
    info.organisation = yaml_.scalar_or(node, "organisation", "");
    info.short_name = yaml_.scalar_or(node, "short-name", info.title);
    info.language = language_tag(node, "language", "en-GB");
    info.date = yaml_.scalar_or(node, "date", "");
    info.words = words_for(info.language);
    if (const YamlNode* w = node.find("words"); w && yaml_.expect_map(*w, "'words'")) {
      yaml_.check_keys(*w, word_keys());
      for (const auto& [key, value] : w->entries())
        if (std::string* field = word_field(info.words, key.text()))
          if (auto text = yaml_.scalar(value, fmt::format("'{}'", key.text()))) *field = *text;
    }
    if (!info.date.empty() && !valid_date(info.date))
      yaml_.error(*node.find("date"), "'date' must be written YYYY-MM-DD, a date of the calendar");
    check_pdf_text(node, "title", info.title);
    check_pdf_text(node, "organisation", info.organisation);
    if (const YamlNode* eds = node.find("editions"); eds && yaml_.expect_sequence(*eds, "'editions'")) {
      info.editions_listed = true;
      for (const auto& e : eds->items())
        if (auto name = yaml_.scalar(e, "an edition name")) {
          info.editions.push_back(*name);
          info.edition_pos.push_back(YamlReader::pos(e));
        }
    }
    return info;
  }

  // A date of the calendar: 2025-02-30 is not one.
  static bool valid_date(const std::string& d) {
    int y = 0, m = 0, day = 0;
    if (d.size() != 10 || d[4] != '-' || d[7] != '-' || std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day) != 3) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1 && m >= 1 && m <= 12 && day >= 1 && day <= days[m - 1] + (m == 2 && leap);
  }

  // A text that becomes a PDF string (the title, bookmarks) must fit in one.
  void check_pdf_text(const YamlNode& node, const std::string& text, const char* what) {
    const size_t bytes = pdf_text_string_bytes(text);
    if (bytes > kMaxPdfStringBytes)
      yaml_.error(node, fmt::format("{} is too long for a PDF string: {} bytes as UTF-16, over the limit of {}", what, bytes,
                                    kMaxPdfStringBytes));
  }
  void check_pdf_text(const YamlNode& map, const char* key, const std::string& text) {
    if (const YamlNode* node = map.find(key)) check_pdf_text(*node, text, fmt::format("'{}'", key).c_str());
  }

  InlineText inline_text(const YamlNode& node, const std::string& what) {
    auto s = yaml_.scalar(node, what);
    if (!s) return {};
    InlineText text = parse_inline_markdown(*s, YamlReader::pos(node));
    // Reports may come from anyone: a link goes to the web, to mail or to a phone, nowhere else.
    for (const auto& run : text) {
      if (!run.lang.empty()) check_language_tag(node, run.lang);
      const std::string& l = run.link;
      if (l.size() > kMaxPdfStringBytes) {
        yaml_.error(node, fmt::format("a link target of {} bytes is too long for a PDF string (the limit is {})", l.size(),
                                      kMaxPdfStringBytes));
        continue;
      }
      if (l.empty() || l.rfind("https://", 0) == 0 || l.rfind("http://", 0) == 0 || l.rfind("mailto:", 0) == 0 ||
          l.rfind("tel:", 0) == 0)
        continue;
      if (l[0] == '#' && is_id(std::string_view(l).substr(1))) {
        internal_links_.emplace_back(l.substr(1), run.pos);
        continue;
      }
      yaml_.error(node, fmt::format("link target '{}' is not allowed: links start with https://, http://, mailto: or tel:, "
                                    "or are '#' and a section's id", l));
    }
    curl_quotes(text, quotes_);
    return text;
  }

  InlineText optional_text(const YamlNode& map, const char* key) {
    const YamlNode* node = map.find(key);
    return node ? inline_text(*node, fmt::format("'{}'", key)) : InlineText{};
  }

  // The items of a mapping's entry that must be a list; none when absent or wrong.
  const std::vector<YamlNode>& list_of(const YamlNode& map, const char* key) {
    static const std::vector<YamlNode> none;
    const YamlNode* node = map.find(key);
    if (!node || !yaml_.expect_sequence(*node, fmt::format("'{}'", key))) return none;
    return node->items();
  }

  void unknown_kind(const YamlNode& key, const std::vector<std::string>& kinds, const char* what) {
    const std::string kind(key.text());
    std::string hint = closest_match(kind, kinds);
    yaml_.error(key, hint.empty() ? fmt::format("unknown {} '{}'", what, kind)
                                  : fmt::format("unknown {} '{}' (did you mean '{}'?)", what, kind, hint));
  }

  // A file the report names, relative to the report's folder; "" after an error.
  std::string resolve_file(const YamlNode& node, const char* what) {
    const auto scalar = yaml_.scalar(node, what);
    if (!scalar) return "";
    const std::string name = *scalar;
    if (name.empty()) {
      yaml_.error(node, fmt::format("the {}'s file name is empty", what));
      return "";
    }
    const auto path = under_root(name, YamlReader::pos(node), diags_);
    if (!path) return "";
    if (!is_file(*path)) {
      yaml_.error(node, fmt::format("{} '{}' not found (looked for {})", what, name, *path));
      return "";
    }
    return *path;
  }

  // A PNG or JPEG; with `vector_ok`, an SVG too (drawn as paths).
  Image read_image_file(const YamlNode& node, const char* what, SourcePos pos, bool vector_ok = false) {
    Image img;
    img.pos = pos;
    img.src = resolve_file(node, what);
    if (img.src.empty()) return img;
    if (is_svg(img.src) && !vector_ok) {
      yaml_.error(node, fmt::format("{} '{}': an SVG is drawn as an image, an icon or cover artwork; here a PNG or JPEG picture is wanted",
                                    what, node.text()));
      img.src.clear();
      return img;
    }
    if (is_svg(img.src)) {
      img.vector = vectors_.read(img.src, shown_path(node.text()), yaml_.path(), YamlReader::pos(node), what);
      if (!img.vector) img.src.clear();
      return img;
    }
    std::string why;
    if (auto info = read_image_info(img.src, why)) {
      img.pixel_width = info->width;
      img.pixel_height = info->height;
    } else {
      yaml_.error(node, fmt::format("{} '{}': {}", what, node.text(), why));
      img.src.clear();
    }
    return img;
  }

  // A file the report names as diagnostics show it: beside the report as the report is shown.
  std::string shown_path(std::string_view name) const {
    return (std::filesystem::path(yaml_.path()).parent_path() / std::string(name)).string();
  }

  static bool is_svg(std::string_view name) {
    return name.size() > 4 && (name.ends_with(".svg") || name.ends_with(".SVG"));
  }

  // A scalar that names an SVG under the root (as `src:` or `icon:` would) starts being read
  // while the parse goes on (the cover's artwork was a quarter of the booklet's load). Nothing
  // is said here: a scalar that is not a picture's name is never asked for.
  void prefetch_if_svg(std::string_view text) {
    if (!is_svg(text) || text.size() > 4096) return;
    Diagnostics unsaid;
    if (const auto path = under_root(std::string(text), {}, unsaid); path && is_file(*path)) vectors_.prefetch(*path);
  }

  // A file the report names at `pos`, as a path under the root (input_path.h); why not, in `diags`.
  std::optional<std::string> under_root(const std::string& name, SourcePos pos, Diagnostics& diags) const {
    return resolve_input_path(root_.empty() ? "." : root_, name, yaml_.path(), pos, diags);
  }
  static bool is_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
  }

  // `icon: NAME` (one of the layout's icons) or `icon: file.svg` (the report's own).
  Icon read_icon(const YamlNode& map) {
    Icon icon;
    const YamlNode* node = map.find("icon");
    if (!node) return icon;
    icon.pos = YamlReader::pos(*node);
    icon.name = yaml_.scalar(*node, "'icon'").value_or("");
    if (is_svg(icon.name)) {
      if (const std::string path = resolve_file(*node, "icon"); !path.empty())
        icon.picture = vectors_.read(path, shown_path(icon.name), yaml_.path(), icon.pos, "icon");
    } else if (!icon.name.empty() && icon.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos) {
      icon.picture = vectors_.icon(icon.name, yaml_.path(), icon.pos);
    } else if (!icon.name.empty()) {
      yaml_.error(*node, fmt::format("icon '{}' is neither an icon's name (lower-case letters, digits, '-') nor an .svg file", icon.name));
    }
    return icon;
  }

  void read_content_item(const YamlNode& item, Document& doc) {
    auto kv = yaml_.single_key(item, "content item");
    if (!kv) return;
    const auto& [key, value] = *kv;
    const std::string kind(key.text());
    const SourcePos pos = YamlReader::pos(key);
    if (kind == "cover") {
      if (!yaml_.expect_map(value, "'cover'")) return;
      yaml_.check_keys(value, {"title", "subtitle", "tagline", "organisation", "artwork"}, {"title"});
      Cover cover{optional_text(value, "title"), optional_text(value, "subtitle"), optional_text(value, "tagline"),
                  optional_text(value, "organisation"), {}, pos};
      // `artwork: file` (decoration) or `artwork: {src: file, alt: what it shows}` (a figure).
      if (const YamlNode* art = value.find("artwork")) {
        const YamlNode* src = art;
        if (art->is_mapping()) {
          yaml_.check_keys(*art, {"src", "alt"}, {"src"});
          src = art->find("src");
        }
        if (src) cover.artwork = read_image_file(*src, "artwork", YamlReader::pos(*art), true);
        cover.artwork.alt = art->is_mapping() ? yaml_.scalar_or(*art, "alt", "") : "";
      }
      doc.content.push_back(std::move(cover));
    } else if (kind == "notes" || kind == "contents") {
      InlineText title = parse_inline_markdown(kind == "notes" ? doc.info.words.notes : doc.info.words.contents, pos);
      if (!value.is_null()) {
        if (!yaml_.expect_map(value, fmt::format("'{}'", kind))) return;
        yaml_.check_keys(value, {"title"});
        if (value.find("title")) title = optional_text(value, "title");
      }
      if (kind == "notes") doc.content.push_back(NotesPage{title, pos});
      else doc.content.push_back(ContentsPage{title, pos});
    } else if (kind == "section") {
      doc.content.push_back(read_section(key, value));
    } else if (kind == "back-cover") {
      BackCover back;
      back.pos = pos;
      if (yaml_.expect_map(value, "'back-cover'")) {
        yaml_.check_keys(value, {"blocks"});
        for (const auto& b : list_of(value, "blocks")) read_block(b, back.blocks);
      }
      doc.content.push_back(std::move(back));
    } else {
      unknown_kind(key, kContentKinds, "content item");
    }
  }

  Section read_section(const YamlNode& key, const YamlNode& value) {
    Section section;
    section.pos = YamlReader::pos(key);
    if (!yaml_.expect_map(value, "'section'")) return section;
    yaml_.check_keys(value, {"id", "title", "subtitle", "blocks"}, {"title"});
    section.id = yaml_.scalar_or(value, "id", "");
    if (const YamlNode* id = value.find("id"); id && !section.id.empty()) {
      if (!is_id(section.id))
        yaml_.error(*id, fmt::format("'{}' is not an id: ids are letters, digits, '-' and '_', from a letter", section.id));
      else if (auto [it, fresh] = section_ids_.emplace(section.id, YamlReader::pos(*id)); !fresh)
        yaml_.error(*id, fmt::format("the id '{}' is already the id of the section at line {}", section.id, it->second.line));
    }
    section.title = optional_text(value, "title");
    check_pdf_text(value, "title", plain_text(section.title));  // a bookmark
    section.subtitle = optional_text(value, "subtitle");
    for (const auto& b : list_of(value, "blocks")) read_block(b, section.blocks);
    return section;
  }

  // A paragraph's or heading's text: `p: text`, or `p: {text: …, lang: cy}`.
  InlineText text_of_block(const YamlNode& v, const std::string& what) {
    if (!v.is_mapping()) return inline_text(v, what);
    yaml_.check_keys(v, {"text", "lang"}, {"text"});
    return optional_text(v, "text");
  }
  std::string lang_of_block(const YamlNode& v) { return v.is_mapping() ? language_tag(v, "lang", "") : ""; }

  // A BCP 47 tag, checked where it is written.
  std::string language_tag(const YamlNode& map, const char* key, const std::string& fallback) {
    const YamlNode* node = map.find(key);
    if (!node) return fallback;
    auto tag = yaml_.scalar(*node, fmt::format("'{}'", key));
    if (!tag) return fallback;
    return check_language_tag(*node, *tag) ? *tag : fallback;
  }

  // Whether `tag` is BCP 47; if not, an error at `node`.
  bool check_language_tag(const YamlNode& node, const std::string& tag) {
    if (is_language_tag(tag)) return true;
    yaml_.error(node, fmt::format("'{}' is not a language tag: write a BCP 47 tag such as cy, en-GB or fr", tag));
    return false;
  }

  void read_block(const YamlNode& item, std::vector<Block>& out) {
    auto kv = yaml_.single_key(item, "block");
    if (!kv) return;
    const auto& [key, v] = *kv;
    const std::string kind(key.text());
    const SourcePos pos = YamlReader::pos(key);
    if (kind == "p") out.push_back(Paragraph{text_of_block(v, "a paragraph"), pos, lang_of_block(v)});
    else if (kind == "heading") {
      out.push_back(Heading{text_of_block(v, "a heading"), pos, lang_of_block(v)});
      check_pdf_text(v, plain_text(std::get<Heading>(out.back()).text), "a heading");  // a bookmark
    }
    else if (kind == "list") out.push_back(read_list(v, pos));
    else if (kind == "quote") out.push_back(read_quote(v, pos));
    else if (kind == "quotes") out.push_back(read_quotes(v, pos));
    else if (kind == "people") out.push_back(read_people(v, pos));
    else if (kind == "timeline") out.push_back(read_timeline(v, pos));
    else if (kind == "stats") out.push_back(read_stats(v, pos));
    else if (kind == "chart") out.push_back(read_chart(v, pos));
    else if (kind == "image") out.push_back(read_image(v, pos));
    else if (kind == "callout") out.push_back(read_callout(v, pos));
    else if (kind == "wordsearch") out.push_back(read_wordsearch(v, pos));
    else if (kind == "quiz") out.push_back(read_quiz(v, pos));
    else if (kind == "spot-the-difference") out.push_back(read_spot(v, pos));
    else if (kind == "answers") out.push_back(read_answers(v, pos));
    else if (kind == "contact") out.push_back(read_contact(v, pos));
    else if (kind == "table") out.push_back(read_table(v, pos));
    else if (kind == "page-break") out.push_back(PageBreak{pos});
    else if (kind == "lettering") out.push_back(read_lettering(v, pos));
    else unknown_kind(key, kBlockKinds, "block");
  }

  // A list: its items, or `{style, items}`. An item is a text, or `{text, style, items}` with the
  // items nested under it, down to kMaxListDepth levels.
  static constexpr int kMaxListDepth = 4;

  ListBlock read_list(const YamlNode& value, SourcePos pos, int depth = 1) {
    ListBlock list;
    list.pos = pos;
    const YamlNode* items = &value;
    if (value.is_mapping()) {
      yaml_.check_keys(value, {"style", "icon", "items"}, {"items"});
      list.icon = read_icon(value);
      list.style = list_style(value);
      items = value.find("items");
      if (!items) return list;  // reported by check_keys
    }
    read_list_items(*items, depth, list);
    return list;
  }

  ListBlock::Style list_style(const YamlNode& v) {
    const std::string style = yaml_.scalar_or(v, "style", "bullet");
    if (style == "number") return ListBlock::Style::Number;
    if (style == "check") return ListBlock::Style::Check;
    if (style != "bullet") yaml_.error(*v.find("style"), fmt::format("unknown list style '{}' (bullet, number or check)", style));
    return ListBlock::Style::Bullet;
  }

  void read_list_items(const YamlNode& items, int depth, ListBlock& list) {
    if (!yaml_.expect_sequence(items, "a list's items")) return;
    for (const auto& item : items.items()) {
      ListItem& it = list.items.emplace_back();
      if (!item.is_mapping()) {
        it.text = inline_text(item, "a list item");
        continue;
      }
      yaml_.check_keys(item, {"text", "style", "items"}, {"text"});
      it.text = optional_text(item, "text");
      const YamlNode* nested = item.find("items");
      if (!nested) continue;
      if (depth == kMaxListDepth) {
        yaml_.error(*nested, fmt::format("lists nest {} levels deep at most", kMaxListDepth));
        continue;
      }
      it.sublist.pos = YamlReader::pos(*nested);
      it.sublist.style = item.find("style") ? list_style(item) : list.style;
      read_list_items(*nested, depth + 1, it.sublist);
    }
  }

  Quote read_quote(const YamlNode& v, SourcePos pos) {
    Quote q;
    q.pos = pos;
    if (v.is_mapping()) {
      yaml_.check_keys(v, {"text", "by"}, {"text"});
      q.text = optional_text(v, "text");
      q.by = optional_text(v, "by");
    } else {
      q.text = inline_text(v, "a quote");
    }
    return q;
  }

  Quotes read_quotes(const YamlNode& v, SourcePos pos) {
    Quotes qs;
    qs.pos = pos;
    if (!yaml_.expect_sequence(v, "'quotes'")) return qs;
    for (const auto& item : v.items()) qs.items.push_back(read_quote(item, YamlReader::pos(item)));
    return qs;
  }

  People read_people(const YamlNode& v, SourcePos pos) {
    People people;
    people.pos = pos;
    const std::vector<YamlNode>* items = &v.items();
    if (v.is_mapping()) {
      yaml_.check_keys(v, {"title", "items"}, {"items"});
      people.title = optional_text(v, "title");
      items = &list_of(v, "items");
    } else if (!yaml_.expect_sequence(v, "'people'")) {
      return people;
    }
    for (const auto& p : *items) {
      Person person;
      person.pos = YamlReader::pos(p);
      if (!yaml_.expect_map(p, "a person")) continue;
      yaml_.check_keys(p, {"name", "role", "organisation", "photo"}, {"name"});
      person.name = curl_quotes(yaml_.scalar_or(p, "name", ""), quotes_);
      person.role = optional_text(p, "role");
      person.organisation = optional_text(p, "organisation");
      if (const YamlNode* photo = p.find("photo")) person.photo = read_image_file(*photo, "photo", person.pos);
      people.items.push_back(std::move(person));
    }
    return people;
  }

  Timeline read_timeline(const YamlNode& v, SourcePos pos) {
    Timeline t;
    t.pos = pos;
    if (!yaml_.expect_map(v, "'timeline'")) return t;
    yaml_.check_keys(v, {"categories", "periods"}, {"periods"});
    if (const YamlNode* cats = v.find("categories"); cats && yaml_.expect_map(*cats, "'categories'")) {
      for (const auto& [key, label] : cats->entries())
        t.categories.emplace_back(key.text(), yaml_.scalar(label, "a category label").value_or(""));
    }
    std::vector<std::string> keys;
    for (const auto& [k, label] : t.categories) keys.push_back(k);
    for (const auto& p : list_of(v, "periods")) {
      TimelinePeriod period;
      period.pos = YamlReader::pos(p);
      if (!yaml_.expect_map(p, "a period")) continue;
      yaml_.check_keys(p, {"label", "events"}, {"label"});
      period.label = yaml_.scalar_or(p, "label", "");
      for (const auto& e : list_of(p, "events")) {
        TimelineEvent ev;
        ev.pos = YamlReader::pos(e);
        if (!yaml_.expect_map(e, "an event")) continue;
        yaml_.check_keys(e, {"category", "title", "text"}, {"text"});
        ev.category = yaml_.scalar_or(e, "category", "");
        if (!ev.category.empty() && std::find(keys.begin(), keys.end(), ev.category) == keys.end()) {
          std::string hint = closest_match(ev.category, keys);
          yaml_.error(*e.find("category"), hint.empty() ? fmt::format("category '{}' is not in the timeline's categories", ev.category)
                                                  : fmt::format("category '{}' is not in the timeline's categories (did you mean '{}'?)", ev.category, hint));
        }
        ev.title = optional_text(e, "title");
        ev.text = optional_text(e, "text");
        period.events.push_back(std::move(ev));
      }
      t.periods.push_back(std::move(period));
    }
    return t;
  }

  StatItem read_stat(const YamlNode& n) {
    StatItem item;
    item.pos = YamlReader::pos(n);
    if (!yaml_.expect_map(n, "a figure")) return item;
    yaml_.check_keys(n, {"prefix", "value", "suffix", "label"}, {"value", "label"});
    item.prefix = yaml_.scalar_or(n, "prefix", "");
    item.suffix = yaml_.scalar_or(n, "suffix", "");
    if (const YamlNode* value = n.find("value")) {
      item.value = yaml_.number(*value, "'value'").value_or(0);
      item.decimals = YamlReader::decimals(*value);
    }
    item.label = optional_text(n, "label");
    return item;
  }

  Stats read_stats(const YamlNode& v, SourcePos pos) {
    Stats s;
    s.pos = pos;
    if (!yaml_.expect_map(v, "'stats'")) return s;
    yaml_.check_keys(v, {"title", "intro", "band", "groups", "items"});
    s.title = optional_text(v, "title");
    s.intro = optional_text(v, "intro");
    if (const YamlNode* band = v.find("band")) s.band = yaml_.boolean(*band, "'band'").value_or(false);
    if (v.find("items")) {  // a single unnamed group
      StatGroup g;
      g.pos = pos;
      for (const auto& n : list_of(v, "items")) g.items.push_back(read_stat(n));
      s.groups.push_back(std::move(g));
    }
    for (const auto& gn : list_of(v, "groups")) {
      StatGroup g;
      g.pos = YamlReader::pos(gn);
      if (!yaml_.expect_map(gn, "a group")) continue;
      yaml_.check_keys(gn, {"name", "icon", "intro", "items"}, {"items"});
      g.name = optional_text(gn, "name");
      g.icon = read_icon(gn);
      g.intro = optional_text(gn, "intro");
      for (const auto& n : list_of(gn, "items")) g.items.push_back(read_stat(n));
      s.groups.push_back(std::move(g));
    }
    return s;
  }

  Chart read_chart(const YamlNode& v, SourcePos pos) {
    Chart c;
    c.pos = pos;
    if (!yaml_.expect_map(v, "'chart'")) return c;
    yaml_.check_keys(v, {"kind", "title", "unit", "data", "total", "other"}, {"data"});
    if (const YamlNode* kind = v.find("kind")) {
      const std::string k = yaml_.scalar_or(v, "kind", "bar");
      if (k == "column") c.kind = ChartKind::Column;
      else if (k == "donut") c.kind = ChartKind::Donut;
      else if (k != "bar") {
        const std::string hint = closest_match(k, {"bar", "column", "donut"});
        yaml_.error(*kind, fmt::format("unknown chart kind '{}' ({}bar, column or donut)", k, hint.empty() ? "" : "did you mean '" + hint + "'? "));
      }
    }
    c.title = optional_text(v, "title");
    c.unit = yaml_.scalar_or(v, "unit", "");
    c.other = yaml_.scalar_or(v, "other", "");
    for (const auto& d : list_of(v, "data")) {
      if (!yaml_.expect_map(d, "a bar")) continue;
      yaml_.check_keys(d, {"label", "value"}, {"label", "value"});
      const YamlNode* value = d.find("value");
      ChartBar bar{optional_text(d, "label"), value ? yaml_.number(*value, "'value'").value_or(0) : 0,
                   value ? YamlReader::decimals(*value) : 0};
      if (bar.value < 0) yaml_.error(*value, "a bar's value must not be negative");
      c.data.push_back(std::move(bar));
    }
    if (const YamlNode* total = v.find("total")) {
      c.total = yaml_.number(*total, "'total'");
      c.total_decimals = YamlReader::decimals(*total);
      // A total below the sum is most often rounding ("around 950"): said, and drawn without a remainder.
      double sum = 0;
      for (const ChartBar& bar : c.data) sum += bar.value;
      if (c.total && *c.total < sum)
        diags_.warning(yaml_.path(), YamlReader::pos(*total),
                       fmt::format("'total' ({}) is less than the sum of the chart's values ({}): no remainder is drawn", *c.total, sum));
    }
    return c;
  }

  Table read_table(const YamlNode& v, SourcePos pos) {
    Table t;
    t.pos = pos;
    if (!yaml_.expect_map(v, "'table'")) return t;
    yaml_.check_keys(v, {"caption", "header", "rows", "widths"}, {"header", "rows"});
    t.caption = optional_text(v, "caption");
    for (const auto& h : list_of(v, "header")) t.header.push_back(inline_text(h, "a header cell"));
    if (t.header.empty()) yaml_.error(*v.find("header"), "a table's 'header' needs at least one cell");
    for (const auto& row : list_of(v, "rows")) {
      if (!yaml_.expect_sequence(row, "a table row")) continue;
      if (row.items().size() != t.header.size()) {
        yaml_.error(row, fmt::format("this row has {} cells and the header {}", row.items().size(), t.header.size()));
        continue;
      }
      std::vector<InlineText> cells;
      for (const auto& cell : row.items()) cells.push_back(inline_text(cell, "a table cell"));
      t.rows.push_back(std::move(cells));
    }
    if (const YamlNode* widths = v.find("widths"); widths && yaml_.expect_sequence(*widths, "'widths'")) {
      for (const auto& w : widths->items()) {
        const double width = yaml_.number(w, "a column width").value_or(1);
        if (width <= 0) yaml_.error(w, "a column width must be more than 0");
        t.widths.push_back(std::max(width, 0.01));
      }
      if (t.widths.size() != t.header.size())
        yaml_.error(*widths, fmt::format("'widths' has {} numbers and the header {} cells", t.widths.size(), t.header.size()));
    }
    return t;
  }

  Image read_image(const YamlNode& v, SourcePos pos) {
    if (!yaml_.expect_map(v, "'image'")) return Image{};
    yaml_.check_keys(v, {"src", "alt", "caption"}, {"src", "alt"});
    const YamlNode* src = v.find("src");
    Image img = src ? read_image_file(*src, "image", pos, true) : Image{};
    img.pos = pos;
    img.alt = yaml_.scalar_or(v, "alt", "");
    img.caption = optional_text(v, "caption");
    return img;
  }

  Callout read_callout(const YamlNode& v, SourcePos pos) {
    Callout c;
    c.pos = pos;
    if (!yaml_.expect_map(v, "'callout'")) return c;
    yaml_.check_keys(v, {"title", "blocks"});
    c.title = optional_text(v, "title");
    if (callout_depth_ > 0) {
      yaml_.error(pos, "a callout cannot hold another callout");
      return c;
    }
    ++callout_depth_;
    for (const auto& b : list_of(v, "blocks")) read_block(b, c.blocks);
    --callout_depth_;
    return c;
  }

  WordSearch read_wordsearch(const YamlNode& v, SourcePos pos) {
    WordSearch w;
    w.pos = pos;
    if (!yaml_.expect_map(v, "'wordsearch'")) return w;
    yaml_.check_keys(v, {"words", "seed", "size", "solution"}, {"words"});
    for (const auto& n : list_of(v, "words"))
      if (auto s = yaml_.scalar(n, "a word")) w.words.push_back(*s);
    if (const YamlNode* seed = v.find("seed")) w.seed = static_cast<unsigned>(yaml_.number(*seed, "'seed'").value_or(1));
    if (const YamlNode* size_node = v.find("size")) {
      double size = yaml_.number(*size_node, "'size'").value_or(0);
      if (size < 5 || size > 30) yaml_.error(*size_node, "'size' must be from 5 to 30");
      else w.size = static_cast<int>(size);
    }
    if (const YamlNode* solution = v.find("solution")) w.solution = yaml_.boolean(*solution, "'solution'").value_or(true);
    return w;
  }

  Quiz read_quiz(const YamlNode& v, SourcePos pos) {
    Quiz q;
    q.pos = pos;
    if (!yaml_.expect_map(v, "'quiz'")) return q;
    yaml_.check_keys(v, {"title", "hint", "answers-title", "questions"}, {"questions"});
    q.title = optional_text(v, "title");
    q.hint = optional_text(v, "hint");
    q.answers_title = optional_text(v, "answers-title");
    for (const auto& n : list_of(v, "questions")) {
      if (!yaml_.expect_map(n, "a question")) continue;
      yaml_.check_keys(n, {"q", "a"}, {"q"});
      q.questions.push_back({optional_text(n, "q"), optional_text(n, "a"), YamlReader::pos(n)});
    }
    return q;
  }

  SpotTheDifference read_spot(const YamlNode& v, SourcePos pos) {
    SpotTheDifference s;
    s.pos = pos;
    if (!yaml_.expect_map(v, "'spot-the-difference'")) return s;
    yaml_.check_keys(v, {"title", "hint", "answers-title", "original", "changed", "caption", "differences"}, {"differences"});
    s.title = optional_text(v, "title");
    s.hint = optional_text(v, "hint");
    s.answers_title = optional_text(v, "answers-title");
    if (const YamlNode* original = v.find("original")) s.original = read_image_file(*original, "image", pos);
    if (const YamlNode* changed = v.find("changed")) s.changed = read_image_file(*changed, "image", pos);
    s.caption = optional_text(v, "caption");
    const std::string who = plain_text(s.caption);
    s.original.alt = who.empty() ? "The picture as it was" : "The picture as it was: " + who;
    s.changed.alt = who.empty() ? "The picture with its differences" : "The picture with its differences: " + who;
    for (const auto& n : list_of(v, "differences")) s.differences.push_back(inline_text(n, "a difference"));
    return s;
  }

  Answers read_answers(const YamlNode& v, SourcePos pos) {
    Answers a;
    a.pos = pos;
    if (v.is_null()) return a;
    if (!yaml_.expect_map(v, "'answers'")) return a;
    yaml_.check_keys(v, {"title", "print"});
    a.title = optional_text(v, "title");
    if (const YamlNode* print = v.find("print")) {
      const std::string how = yaml_.scalar_or(v, "print", "upright");
      if (how == "upside-down") a.upside_down = true;
      else if (how != "upright") yaml_.error(*print, fmt::format("'print' is upright or upside-down, not '{}'", how));
    }
    return a;
  }

  Lettering read_lettering(const YamlNode& v, SourcePos pos) {
    Lettering l;
    l.pos = pos;
    if (!yaml_.expect_map(v, "'lettering'")) return l;
    yaml_.check_keys(v, {"lines"}, {"lines"});
    for (const auto& n : list_of(v, "lines"))
      if (auto line = yaml_.scalar(n, "a line of lettering")) l.lines.push_back(*line);
    if (const YamlNode* lines = v.find("lines"); lines && l.lines.empty()) yaml_.error(*lines, "'lines' needs at least one line");
    return l;
  }

  Contact read_contact(const YamlNode& v, SourcePos pos) {
    Contact c;
    c.pos = pos;
    if (!yaml_.expect_map(v, "'contact'")) return c;
    yaml_.check_keys(v, {"title", "items", "website"});
    c.title = optional_text(v, "title");
    c.website = yaml_.scalar_or(v, "website", "");
    if (c.website.size() + 8 > kMaxPdfStringBytes)  // a link, after "https://"
      yaml_.error(*v.find("website"), fmt::format("'website' is too long for a PDF string (the limit is {} bytes)", kMaxPdfStringBytes));
    for (const auto& n : list_of(v, "items")) {
      if (!yaml_.expect_map(n, "a contact")) continue;
      yaml_.check_keys(n, {"label", "phone", "icon"}, {"label", "phone"});
      const std::string phone = yaml_.scalar_or(n, "phone", "");
      if (!phone.empty() && phone.find_first_not_of("0123456789 +()-") != std::string::npos)
        yaml_.error(*n.find("phone"), fmt::format("'{}' is not a phone number (digits, spaces, + ( ) -)", phone));
      else if (phone.size() + 4 > kMaxPdfStringBytes)  // a tel: link
        yaml_.error(*n.find("phone"), fmt::format("'phone' is too long for a PDF string (the limit is {} bytes)", kMaxPdfStringBytes));
      c.items.push_back({optional_text(n, "label"), phone, read_icon(n)});
    }
    return c;
  }
};

}  // namespace

Document load_report(const std::string& path, Diagnostics& diags, const std::string& root,
                     std::vector<std::string> icon_dirs) {
  if (icon_dirs.empty()) {
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    icon_dirs.push_back(((folder.empty() ? std::filesystem::path(".") : folder) / "layout" / "icons").string());
  }
  return ReportLoader(path, diags, root, std::move(icon_dirs)).load();
}

}  // namespace lp
