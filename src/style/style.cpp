#include "style/style.h"

namespace lp {

namespace {

Colour to_colour(const PaletteColour& p) {
  Colour c;
  c.r = ((p.rgb >> 16) & 0xFF) / 255.0;
  c.g = ((p.rgb >> 8) & 0xFF) / 255.0;
  c.b = (p.rgb & 0xFF) / 255.0;
  c.c = p.cmyk.c / 100.0;
  c.m = p.cmyk.m / 100.0;
  c.y = p.cmyk.y / 100.0;
  c.k = p.cmyk.k / 100.0;
  return c;
}

// A style as written, over a base it inherits the unset fields from.
TextStyle apply(const TextStyle& base, const TextStyleSpec* spec, const Edition& ed) {
  TextStyle s = base;
  s.space_before = Pt(0);
  s.space_after = Pt(0);
  if (!spec) return s;
  if (!spec->font.empty()) s.font_role = spec->font;
  if (spec->size) {
    // A new size without a new leading keeps the body's proportion.
    s.leading = spec->leading ? *spec->leading : *spec->size * (base.leading / base.size);
    s.size = *spec->size;
  } else if (spec->leading) {
    s.leading = *spec->leading;
  }
  if (spec->space_before) s.space_before = *spec->space_before;
  if (spec->space_after) s.space_after = *spec->space_after;
  if (!spec->colour.empty()) s.colour = to_colour(ed.palette.at(spec->colour));
  if (spec->align == "left") s.align = Align::Left;
  if (spec->align == "justify") s.align = Align::Justify;
  if (spec->align == "center") s.align = Align::Center;
  if (spec->align == "right") s.align = Align::Right;
  if (spec->bold) s.bold = *spec->bold;
  if (spec->italic) s.italic = *spec->italic;
  if (spec->uppercase) s.uppercase = *spec->uppercase;
  return s;
}

}  // namespace

Colour Colour::tint(double amount) const {
  Colour t;
  t.r = 1 - (1 - r) * amount;
  t.g = 1 - (1 - g) * amount;
  t.b = 1 - (1 - b) * amount;
  t.c = c * amount;
  t.m = m * amount;
  t.y = y * amount;
  t.k = k * amount;
  return t;
}

StyleSheet resolve_styles(const Edition& ed) {
  StyleSheet sheet;
  sheet.edition = ed.name;
  sheet.page = {ed.page_width, ed.page_height, ed.bleed, ed.margin_top, ed.margin_bottom, ed.margin_inside, ed.margin_outside};
  sheet.cmyk = ed.cmyk;
  sheet.hyphenate = ed.hyphenate;
  sheet.section_start = ed.section_start;
  sheet.pad_to_multiple = ed.pad_to_multiple;
  sheet.columns = ed.columns;
  sheet.phone_links = ed.phone_links;
  sheet.notes_pages = ed.notes_pages;
  sheet.upside_down_answers = ed.upside_down_answers;

  auto spec = [&](const char* name) -> const TextStyleSpec* {
    auto it = ed.styles.find(name);
    return it == ed.styles.end() ? nullptr : &it->second;
  };
  const TextStyleSpec* body = spec("body");
  sheet.body = apply(TextStyle{}, body, ed);
  if (body) {
    sheet.body.space_before = body->space_before.value_or(Pt(0));
    sheet.body.space_after = body->space_after.value_or(Pt(0));
  }
  sheet.body.emphasis_bold = ed.emphasis_bold;  // every role inherits it
  sheet.heading = apply(sheet.body, spec("heading"), ed);
  sheet.section_title = apply(sheet.heading, spec("section-title"), ed);
  sheet.list_item = apply(sheet.body, spec("list-item"), ed);
  if (!spec("list-item")) sheet.list_item.space_after = sheet.body.space_after;
  sheet.footer = apply(sheet.body, spec("footer"), ed);
  sheet.cover_title = apply(sheet.section_title, spec("cover-title"), ed);
  sheet.cover_subtitle = apply(sheet.heading, spec("cover-subtitle"), ed);
  sheet.cover_tagline = apply(sheet.body, spec("cover-tagline"), ed);
  sheet.quote = apply(sheet.body, spec("quote"), ed);
  if (!spec("quote")) sheet.quote.align = Align::Left;
  sheet.quote_by = apply(sheet.quote, spec("quote-by"), ed);
  sheet.caption = apply(sheet.body, spec("caption"), ed);
  sheet.label = apply(sheet.body, spec("label"), ed);
  sheet.figure = apply(sheet.heading, spec("figure"), ed);
  sheet.figure_label = apply(sheet.label, spec("figure-label"), ed);
  sheet.contents_entry = apply(sheet.body, spec("contents-entry"), ed);
  sheet.period = apply(sheet.heading, spec("period"), ed);
  sheet.contact_number = apply(sheet.heading, spec("contact-number"), ed);

  for (const auto& [name, colour] : ed.palette) sheet.palette.push_back(to_colour(colour));
  for (const auto& name : ed.accents) sheet.accents.push_back(to_colour(ed.palette.at(name)));
  if (sheet.accents.empty()) sheet.accents.push_back(sheet.heading.colour);
  sheet.panel = ed.panel.empty() ? sheet.accents.front().tint(0.12) : to_colour(ed.palette.at(ed.panel));
  sheet.white = Colour{1, 1, 1, 0, 0, 0, 0};

  ComponentStyles& c = sheet.components;
  const std::pair<const char*, double*> fractions[] = {
      {"cover.title-at", &c.cover_title_at},   {"cover.band-at", &c.cover_band_at},
      {"cover.artwork-at", &c.cover_artwork_at}, {"cover.artwork-height", &c.cover_artwork_height},
      {"back-cover.band-at", &c.back_cover_band_at}, {"section.band", &c.section_band},
      {"image.max-height", &c.image_max_height}, {"tile.tint", &c.tile_tint},
      {"chart.label-column", &c.chart_label_column}, {"wordsearch.cell", &c.word_search_cell}};
  const std::pair<const char*, Pt*> lengths[] = {
      {"panel.radius", &c.panel_radius},       {"tile.radius", &c.tile_radius},
      {"tile.gutter", &c.tile_gutter},         {"grid.gutter", &c.grid_gutter},
      {"timeline.spine-at", &c.timeline_spine_at}, {"timeline.spine-width", &c.timeline_spine_width},
      {"timeline.dot", &c.timeline_dot},       {"timeline.indent", &c.timeline_indent}};
  for (const auto& [key, field] : fractions)
    if (auto it = ed.components.find(key); it != ed.components.end()) *field = it->second;
  for (const auto& [key, field] : lengths)
    if (auto it = ed.components.find(key); it != ed.components.end()) *field = Pt(it->second);
  if (auto it = ed.components.find("image.min-ppi"); it != ed.components.end()) c.image_min_ppi = it->second;
  if (auto it = ed.components.find("band.figures-per-row"); it != ed.components.end()) c.band_figures_per_row = static_cast<int>(it->second);
  if (auto it = ed.components.find("tile.columns"); it != ed.components.end()) c.tile_columns = static_cast<int>(it->second);
  if (auto it = ed.components.find("people.columns"); it != ed.components.end()) c.people_columns = static_cast<int>(it->second);

  // Hyphenation is for running prose: body text and list items, never headings or furniture.
  for (TextStyle* s : {&sheet.body, &sheet.list_item}) {
    s->hyphenate = ed.hyphenate;
    s->hyphen_min_word = ed.hyphen_min_word;
    s->hyphen_left_min = ed.hyphen_left_min;
    s->hyphen_right_min = ed.hyphen_right_min;
  }
  return sheet;
}

}  // namespace lp
