#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "model/loaders.h"
#include "model/pdf_limits.h"
#include "model/yaml_reader.h"

namespace lp {

namespace {

class EditionLoader {
 public:
  EditionLoader(const std::string& path, Diagnostics& diags, const LayoutCandidates& candidates)
      : yaml_(path, diags), candidates_(candidates) {}

  Edition load() {
    Edition ed;
    ed.path = yaml_.path();
    const YamlNode* root = yaml_.load_extending([&](const std::string& name) {
      if (candidates_) return candidates_(name);
      return std::vector<std::string>{(std::filesystem::path(yaml_.path()).parent_path() / (name + ".yaml")).string()};
    });
    if (!root || !yaml_.expect_map(*root, "an edition layout")) return ed;
    const YamlNode& r = *root;
    yaml_.check_keys(r, {"name", "page", "margins", "colour", "options", "palette", "accents", "panel", "styles",
                         "components", "pdf-standard", "marks"},
                     {"name", "page", "margins", "palette", "styles"});
    ed.name = yaml_.scalar_or(r, "name", "");
    read_page(r.find("page"), ed);
    read_margins(r.find("margins"), ed);
    if (const YamlNode* c = r.find("colour")) {
      const std::string mode = yaml_.scalar(*c, "'colour'").value_or("");
      if (mode == "cmyk") ed.cmyk = true;
      else if (mode != "rgb") yaml_.error(*c, "'colour' must be cmyk (print) or rgb (screen)");
    }
    read_options(r.find("options"), ed);
    read_print(r, ed);
    read_palette(r.find("palette"), ed);
    auto palette_name = [&](const YamlNode& n) {
      const std::string name = yaml_.scalar(n, "a colour name").value_or("");
      if (!name.empty() && !ed.palette.count(name)) yaml_.error(n, fmt::format("colour '{}' is not in the palette", name));
      return name;
    };
    if (const YamlNode* a = r.find("accents"); a && yaml_.expect_sequence(*a, "'accents'"))
      for (const auto& n : a->items()) ed.accents.push_back(palette_name(n));
    if (const YamlNode* p = r.find("panel")) ed.panel = palette_name(*p);
    read_styles(r.find("styles"), ed);
    read_components(r.find("components"), ed);
    return ed;
  }

 private:
  YamlReader yaml_;
  const LayoutCandidates& candidates_;

  void set_length(const YamlNode& map, const char* key, Pt& out) {
    if (const YamlNode* n = map.find(key))
      if (auto v = yaml_.length(*n, fmt::format("'{}'", key))) out = *v;
  }

  void read_page(const YamlNode* node, Edition& ed) {
    if (!node || !yaml_.expect_map(*node, "'page'")) return;
    const YamlNode& page = *node;
    yaml_.check_keys(page, {"size", "width", "height", "bleed"});
    if (const YamlNode* size = page.find("size")) {
      const std::string name = yaml_.scalar(*size, "'size'").value_or("");
      if (name == "A4") ed.page_width = Mm(210).to_pt(), ed.page_height = Mm(297).to_pt();
      else if (name == "A5") ed.page_width = Mm(148).to_pt(), ed.page_height = Mm(210).to_pt();
      else yaml_.error(*size, fmt::format("unknown page size '{}' (A4 or A5, or give width and height)", name));
    }
    set_length(page, "width", ed.page_width);
    set_length(page, "height", ed.page_height);
    set_length(page, "bleed", ed.bleed);
    if (ed.page_width.value <= 0 || ed.page_height.value <= 0) yaml_.error(page, "'page' needs a size or a width and a height");
    else check_page_limits(page, ed);
  }

  // Sizes a PDF can hold and a press can print (model/pdf_limits.h).
  void check_page_limits(const YamlNode& page, const Edition& ed) {
    const YamlNode& at_bleed = page.find("bleed") ? *page.find("bleed") : page;
    if (ed.bleed.value < 0 || ed.bleed.value > Mm(kMaxBleedMm).to_pt().value)
      yaml_.error(at_bleed, fmt::format("'bleed' must be from 0 to {} mm", kMaxBleedMm));
    for (const auto& [key, side] : {std::pair{"width", ed.page_width}, std::pair{"height", ed.page_height}}) {
      const YamlNode& at = page.find(key) ? *page.find(key) : page;
      if (side.value < Mm(kMinPageSideMm).to_pt().value)
        yaml_.error(at, fmt::format("the page's {} must be at least {} mm", key, kMinPageSideMm));
      else if (side.value + 2 * std::max(0.0, ed.bleed.value) > kMaxPageSidePt)
        yaml_.error(at, fmt::format("the page's {} with its bleed is over PDF's limit of {} pt (5080 mm)", key, kMaxPageSidePt));
    }
  }

  void read_margins(const YamlNode* node, Edition& ed) {
    if (!node || !yaml_.expect_map(*node, "'margins'")) return;
    const YamlNode& m = *node;
    yaml_.check_keys(m, {"top", "bottom", "inside", "outside"}, {"top", "bottom", "inside", "outside"});
    set_length(m, "top", ed.margin_top);
    set_length(m, "bottom", ed.margin_bottom);
    set_length(m, "inside", ed.margin_inside);
    set_length(m, "outside", ed.margin_outside);
    if (ed.margin_inside + ed.margin_outside >= ed.page_width || ed.margin_top + ed.margin_bottom >= ed.page_height)
      yaml_.error(m, "the margins leave no room on the page");
  }

  void read_options(const YamlNode* node, Edition& ed) {
    if (!node || !yaml_.expect_map(*node, "'options'")) return;
    const YamlNode& o = *node;
    yaml_.check_keys(o, {"hyphenate", "hyphen-min-word", "hyphen-left-min", "hyphen-right-min", "section-start",
                         "pad-to-multiple", "columns", "phone-links", "notes-pages", "emphasis",
                         "upside-down-answers"});
    if (const YamlNode* n = o.find("emphasis")) {
      const std::string v = yaml_.scalar(*n, "'emphasis'").value_or("");
      if (v == "bold") ed.emphasis_bold = true;
      else if (v != "italic") yaml_.error(*n, "'emphasis' must be italic or bold");
    }
    if (const YamlNode* n = o.find("phone-links")) ed.phone_links = yaml_.boolean(*n, "'phone-links'").value_or(false);
    if (const YamlNode* n = o.find("notes-pages")) ed.notes_pages = yaml_.boolean(*n, "'notes-pages'").value_or(true);
    if (const YamlNode* n = o.find("upside-down-answers"))
      ed.upside_down_answers = yaml_.boolean(*n, "'upside-down-answers'").value_or(true);
    if (const YamlNode* n = o.find("columns")) {
      double v = yaml_.number(*n, "'columns'").value_or(2);
      if (v < 1 || v > 4 || v != static_cast<int>(v)) yaml_.error(*n, "'columns' must be 1, 2, 3 or 4");
      else ed.columns = static_cast<int>(v);
    }
    if (const YamlNode* n = o.find("hyphenate")) ed.hyphenate = yaml_.boolean(*n, "'hyphenate'").value_or(false);
    if (const YamlNode* n = o.find("section-start")) {
      const std::string v = yaml_.scalar(*n, "'section-start'").value_or("");
      if (v == "new-page") ed.section_start = Edition::SectionStart::NewPage;
      else if (v == "right-hand-page") ed.section_start = Edition::SectionStart::RightHandPage;
      else if (v == "continue") ed.section_start = Edition::SectionStart::Continue;
      else yaml_.error(*n, "'section-start' must be new-page, right-hand-page or continue");
    }
    auto letters = [&](const char* key, int& out) {
      if (const YamlNode* n = o.find(key)) {
        const double v = yaml_.number(*n, fmt::format("'{}'", key)).value_or(out);
        if (v < 1 || v > 20 || v != static_cast<int>(v)) yaml_.error(*n, fmt::format("'{}' must be a whole number of letters from 1 to 20", key));
        else out = static_cast<int>(v);
      }
    };
    letters("hyphen-min-word", ed.hyphen_min_word);
    letters("hyphen-left-min", ed.hyphen_left_min);
    letters("hyphen-right-min", ed.hyphen_right_min);
    if (const YamlNode* n = o.find("pad-to-multiple")) {
      double v = yaml_.number(*n, "'pad-to-multiple'").value_or(1);
      if (v < 1 || v > 64 || v != static_cast<int>(v)) yaml_.error(*n, "'pad-to-multiple' must be a whole number from 1 to 64");
      else ed.pad_to_multiple = static_cast<int>(v);
    }
  }

  // components: {chart: {label-column: 32%}, timeline: {indent: 20pt}, …}
  void read_components(const YamlNode* node, Edition& ed) {
    if (!node || !yaml_.expect_map(*node, "'components'")) return;
    std::vector<std::string> components;
    for (const auto& s : component_settings())
      if (std::find(components.begin(), components.end(), s.component) == components.end()) components.push_back(s.component);
    yaml_.check_keys(*node, components);
    for (const auto& [key, value] : node->entries()) {
      const std::string component(key.text());
      if (std::find(components.begin(), components.end(), component) == components.end()) continue;
      if (!yaml_.expect_map(value, fmt::format("'{}'", component))) continue;
      std::vector<std::string> keys;
      for (const auto& s : component_settings())
        if (component == s.component) keys.push_back(s.key);
      yaml_.check_keys(value, keys);
      for (const auto& s : component_settings()) {
        if (component != s.component) continue;
        const YamlNode* n = value.find(s.key);
        if (!n) continue;
        const std::string what = fmt::format("'{}'", s.key);
        std::optional<double> v;
        switch (s.kind) {
          case ComponentSetting::Kind::Length:
            if (auto len = yaml_.length(*n, what)) v = len->value;
            break;
          case ComponentSetting::Kind::Fraction: v = fraction(*n, what); break;
          case ComponentSetting::Kind::Factor: v = yaml_.number(*n, what); break;
          case ComponentSetting::Kind::Count: {
            v = yaml_.number(*n, what);
            if (v && (*v < 1 || *v > 12 || *v != static_cast<int>(*v))) {
              yaml_.error(*n, fmt::format("{} must be a whole number from 1 to 12", what));
              v.reset();
            }
            break;
          }
        }
        if (v && *v < 0) {
          yaml_.error(*n, fmt::format("{} must not be negative", what));
          v.reset();
        }
        if (v) ed.components[fmt::format("{}.{}", s.component, s.key)] = *v;
      }
    }
  }

  // "32%" or 0.32: a share from 0 to 1.
  std::optional<double> fraction(const YamlNode& n, const std::string& what) {
    std::string text(n.text());
    double v = 0;
    if (!text.empty() && text.back() == '%') {
      try {
        size_t used = 0;
        v = std::stod(text.substr(0, text.size() - 1), &used) / 100;
        if (used != text.size() - 1) throw std::invalid_argument(text);
      } catch (const std::exception&) {
        yaml_.error(n, fmt::format("{} must be a share, such as 32% or 0.32", what));
        return std::nullopt;
      }
    } else if (auto num = yaml_.number(n, what)) {
      v = *num;
    } else {
      return std::nullopt;
    }
    if (v < 0 || v > 1) {
      yaml_.error(n, fmt::format("{} must be a share from 0% to 100%", what));
      return std::nullopt;
    }
    return v;
  }

  // pdf-standard: [x-4, ua-1] and marks: crop. The standards are independent of each other; each
  // names what it needs of the rest of the layout.
  void read_print(const YamlNode& r, Edition& ed) {
    static const std::vector<std::string> known = {"x-4", "ua-1"};
    if (const YamlNode* list = r.find("pdf-standard"); list && yaml_.expect_sequence(*list, "'pdf-standard'")) {
      for (const auto& n : list->items()) {
        const std::string name = yaml_.scalar(n, "a PDF standard").value_or("");
        if (std::find(known.begin(), known.end(), name) == known.end()) {
          yaml_.error(n, fmt::format("unknown PDF standard '{}' (known: x-4, ua-1)", name));
        } else if (ed.has_standard(name)) {
          yaml_.error(n, fmt::format("PDF standard '{}' is named twice", name));
        } else {
          if (name == "x-4" && !ed.cmyk) yaml_.error(n, "PDF/X-4 ('x-4') needs 'colour: cmyk': its output intent is CMYK");
          ed.pdf_standards.push_back(name);
        }
      }
    }
    if (const YamlNode* m = r.find("marks")) {
      const std::string v = yaml_.scalar(*m, "'marks'").value_or("");
      if (v == "crop") ed.crop_marks = true;
      else if (v != "none") yaml_.error(*m, "'marks' must be crop or none");
    }
  }

  std::optional<unsigned> hex_colour(const YamlNode& n) {
    const std::string s = yaml_.scalar(n, "'rgb'").value_or("");
    if (s.size() == 7 && s[0] == '#' && s.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos)
      return static_cast<unsigned>(std::stoul(s.substr(1), nullptr, 16));
    yaml_.error(n, "'rgb' must be written #RRGGBB");
    return std::nullopt;
  }

  void read_palette(const YamlNode* p, Edition& ed) {
    if (!p || !yaml_.expect_map(*p, "'palette'")) return;
    for (const auto& [key, c] : p->entries()) {
      const std::string name(key.text());
      if (!yaml_.expect_map(c, fmt::format("colour '{}'", name))) continue;
      yaml_.check_keys(c, {"rgb", "cmyk"}, {"rgb", "cmyk"});
      PaletteColour colour;
      if (const YamlNode* rgb = c.find("rgb")) colour.rgb = hex_colour(*rgb).value_or(0);
      if (const YamlNode* k = c.find("cmyk"); k && yaml_.expect_sequence(*k, "'cmyk'")) {
        const std::vector<YamlNode>& items = k->items();
        if (items.size() != 4) {
          yaml_.error(*k, "'cmyk' must list four percentages: [C, M, Y, K]");
        } else {
          double v[4];
          for (size_t i = 0; i < 4; ++i) {
            v[i] = yaml_.number(items[i], "a CMYK percentage").value_or(0);
            if (v[i] < 0 || v[i] > 100) yaml_.error(items[i], "a CMYK percentage must be from 0 to 100");
          }
          colour.cmyk = {v[0], v[1], v[2], v[3]};
        }
      }
      ed.palette[name] = colour;
    }
  }

  void read_styles(const YamlNode* s, Edition& ed) {
    if (!s || !yaml_.expect_map(*s, "'styles'")) return;
    static const std::vector<std::string> names = {
        "body",  "heading", "section-title", "list-item", "footer", "cover-title", "cover-subtitle", "cover-tagline",
        "quote", "quote-by", "caption", "label", "figure", "figure-label", "contents-entry", "period", "contact-number"};
    for (const auto& [key, value] : s->entries()) {
      const std::string name(key.text());
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string hint = closest_match(name, names);
        yaml_.error(key, hint.empty() ? fmt::format("unknown style '{}'", name)
                                           : fmt::format("unknown style '{}' (did you mean '{}'?)", name, hint));
        continue;
      }
      ed.styles[name] = read_style(value, name, ed);
    }
    if (!ed.styles.count("body")) yaml_.error(*s, "'styles' must define 'body'");
  }

  TextStyleSpec read_style(const YamlNode& n, const std::string& name, const Edition& ed) {
    TextStyleSpec st;
    st.pos = YamlReader::pos(n);
    if (!yaml_.expect_map(n, fmt::format("style '{}'", name))) return st;
    yaml_.check_keys(n, {"font", "size", "leading", "space-before", "space-after", "colour", "align", "bold",
                         "italic", "uppercase"});
    st.font = yaml_.scalar_or(n, "font", "");
    if (const YamlNode* f = n.find("font")) st.font_pos = YamlReader::pos(*f);
    auto len = [&](const char* key, std::optional<Pt>& out) {
      if (const YamlNode* v = n.find(key)) out = yaml_.length(*v, fmt::format("'{}'", key));
    };
    len("size", st.size);
    len("leading", st.leading);
    len("space-before", st.space_before);
    len("space-after", st.space_after);
    if (st.size && st.size->value <= 0) yaml_.error(*n.find("size"), "'size' must be more than 0");
    st.colour = yaml_.scalar_or(n, "colour", "");
    if (!st.colour.empty() && !ed.palette.count(st.colour))
      yaml_.error(*n.find("colour"), fmt::format("colour '{}' is not in the palette", st.colour));
    st.align = yaml_.scalar_or(n, "align", "");
    if (!st.align.empty() && st.align != "left" && st.align != "justify" && st.align != "center" && st.align != "right")
      yaml_.error(*n.find("align"), "'align' must be left, justify, center or right");
    auto flag = [&](const char* key, std::optional<bool>& out) {
      if (const YamlNode* v = n.find(key)) out = yaml_.boolean(*v, fmt::format("'{}'", key));
    };
    flag("bold", st.bold);
    flag("italic", st.italic);
    flag("uppercase", st.uppercase);
    return st;
  }
};

}  // namespace

const std::vector<ComponentSetting>& component_settings() {
  using K = ComponentSetting::Kind;
  static const std::vector<ComponentSetting> settings = {
      {"cover", "title-at", K::Fraction},        {"cover", "band-at", K::Fraction},
      {"cover", "artwork-at", K::Fraction},      {"cover", "artwork-height", K::Fraction},
      {"back-cover", "band-at", K::Fraction},    {"section", "band", K::Fraction},
      {"image", "max-height", K::Fraction},      {"image", "min-ppi", K::Factor},      {"panel", "radius", K::Length},
      {"tile", "radius", K::Length},             {"tile", "tint", K::Fraction},
      {"tile", "gutter", K::Length},             {"grid", "gutter", K::Length},
      {"band", "figures-per-row", K::Count},     {"chart", "label-column", K::Fraction},
      {"tile", "columns", K::Count},             {"people", "columns", K::Count},
      {"timeline", "spine-at", K::Length},       {"timeline", "spine-width", K::Length},
      {"timeline", "dot", K::Length},            {"timeline", "indent", K::Length},
      {"wordsearch", "cell", K::Factor},
  };
  return settings;
}

Edition load_edition(const std::string& path, Diagnostics& diags, const LayoutCandidates& candidates) {
  return EditionLoader(path, diags, candidates).load();
}

}  // namespace lp
