#pragma once
// Resolved styles: every text role of an edition with its size, leading, colour and font role.
#include <string>
#include <vector>

#include "model/edition.h"

namespace lp {

// A colour with both its press (CMYK, 0..1) and screen (RGB, 0..1) values.
struct Colour {
  double r = 0, g = 0, b = 0;
  double c = 0, m = 0, y = 0, k = 1;
  // Only its RGB is known (a colour of an SVG that is not the palette's): a CMYK edition prints
  // it through the output profile, as it does RGB pictures.
  bool press_from_rgb = false;
  bool operator==(const Colour&) const = default;
  // A light tint: `amount` of the colour over white paper.
  Colour tint(double amount) const;
};

enum class Align { Left, Justify, Center, Right };

struct TextStyle {
  std::string font_role = "body";  // a role in fonts.yaml
  Pt size{10}, leading{12}, space_before{0}, space_after{0};
  Colour colour;
  Align align = Align::Left;
  bool bold = false, italic = false, uppercase = false;
  bool emphasis_bold = false;  // what asks for italic is set in bold (large print: options: emphasis: bold)
  // Hyphenation, from the edition's options (prose styles only: body and list items).
  bool hyphenate = false;
  int hyphen_min_word = 6, hyphen_left_min = 2, hyphen_right_min = 3;
};

// The face text of `style` is set in, with a span's own bold and italic on top.
struct FaceChoice {
  bool bold = false, italic = false;
};
inline FaceChoice face_choice(const TextStyle& style, bool span_bold, bool span_italic) {
  const bool bold = style.bold || span_bold, italic = style.italic || span_italic;
  if (style.emphasis_bold) return {bold || italic, false};
  return {bold, italic};
}

struct PageGeometry {
  Pt width, height, bleed;  // trim size and bleed
  Pt margin_top, margin_bottom, margin_inside, margin_outside;
};

// The proportions and sizes of the components, from the layout's `components:` (the defaults
// here are the booklet's).
struct ComponentStyles {
  double cover_title_at = 0.2;      // of the page's height: the top of the cover's title
  double cover_band_at = 0.78;      // the top of the cover's foot band
  double cover_artwork_at = 0.46;   // the top of the cover's artwork, under the tagline at the latest
  double cover_artwork_height = 0.3;  // the tallest it is drawn
  double back_cover_band_at = 0.86;
  double section_band = 0.45;       // of the top margin: the band across a section's first page
  double image_max_height = 0.6;    // of a frame: the tallest a picture is drawn
  double image_min_ppi = 150;       // pixels per inch at the printed size, below which a picture is said to be coarse
  Pt panel_radius = Mm(3).to_pt();  // quote and contact panels
  Pt tile_radius = Mm(2.5).to_pt();
  double tile_tint = 0.12;          // figure tiles: the group's colour over paper
  Pt grid_gutter = Mm(4).to_pt();   // quote walls, people cards, pictures side by side
  Pt tile_gutter = Mm(3).to_pt();
  int band_figures_per_row = 4;
  int tile_columns = 0;             // figure tiles across the frame; 0: the layout's `columns`
  int people_columns = 0;           // people cards across the frame; 0: the layout's `columns`
  double chart_label_column = 0.32;  // of the frame: the bars' labels
  Pt timeline_spine_at{6}, timeline_spine_width{3}, timeline_dot{6}, timeline_indent{20};
  double word_search_cell = 1.25;   // of the body's leading: a cell of the grid
};

struct StyleSheet {
  std::string edition;
  PageGeometry page;
  bool cmyk = false;
  bool hyphenate = false;
  Edition::SectionStart section_start = Edition::SectionStart::NewPage;
  int pad_to_multiple = 1;
  int columns = 2;
  bool phone_links = false;
  bool notes_pages = true;
  bool upside_down_answers = true;
  TextStyle body, heading, section_title, list_item, footer, cover_title, cover_subtitle, cover_tagline;
  TextStyle quote, quote_by, caption, label, figure, figure_label, contents_entry, period, contact_number;
  std::vector<Colour> accents;  // never empty
  std::vector<Colour> palette;  // every colour the layout names (an SVG's colour that is one prints as it)
  Colour panel;                 // background of panels
  Colour white;
  ComponentStyles components;
};

StyleSheet resolve_styles(const Edition& edition);

}  // namespace lp
