#pragma once
// An edition layout (layout/NAME.yaml): everything about the look that the content does not say.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/units.h"

namespace lp {

struct CmykPercent {
  double c = 0, m = 0, y = 0, k = 0;
};

struct PaletteColour {
  unsigned rgb = 0;  // 0xRRGGBB
  CmykPercent cmyk;
};

// A text style as written in the layout; unset fields inherit from `body`.
struct TextStyleSpec {
  std::string font;  // a role in fonts.yaml
  std::optional<Pt> size, leading, space_before, space_after;
  std::string colour;  // a palette name
  std::string align;   // left | justify | center | right
  std::optional<bool> bold, italic, uppercase;
  SourcePos pos;
  SourcePos font_pos;  // of `font`, when given
};

// A component setting from the layout's `components:` ("chart" / "label-column"): a length
// (in points), a fraction ("32%" or 0.32), a factor or a count.
struct ComponentSetting {
  enum class Kind { Length, Fraction, Factor, Count };
  const char* component;
  const char* key;
  Kind kind;
};
// Every setting a layout may give, with what each is.
const std::vector<ComponentSetting>& component_settings();

struct Edition {
  std::string name;
  std::string path;
  Pt page_width{0}, page_height{0}, bleed{0};
  Pt margin_top{0}, margin_bottom{0}, margin_inside{0}, margin_outside{0};
  bool cmyk = false;               // write CMYK colours (print) or RGB (screen)
  bool hyphenate = false;
  enum class SectionStart { NewPage, RightHandPage, Continue };
  SectionStart section_start = SectionStart::NewPage;
  int hyphen_min_word = 6, hyphen_left_min = 2, hyphen_right_min = 3;  // letters
  int pad_to_multiple = 1;         // pad the page count with Notes pages
  int columns = 2;                 // grid columns for quote walls, people cards and figure tiles
  bool phone_links = false;        // phone numbers as tel: links (screen)
  bool notes_pages = true;         // the report's Notes pages (a lined page means little on a screen)
  bool upside_down_answers = true;  // answers a report prints upside down are (false: upright, for large print and screen)
  bool emphasis_bold = false;      // *emphasis* set in bold, never italic (options: emphasis: bold)
  // Standards the PDF keeps, each on its own ("x-4", "ua-1"); only known names get this far.
  std::vector<std::string> pdf_standards;
  bool crop_marks = false;         // marks: crop
  std::map<std::string, PaletteColour> palette;
  std::vector<std::string> accents;  // palette names that components rotate through
  std::string panel = "";            // palette name of the panel tint (default: the first accent, tinted)
  std::map<std::string, TextStyleSpec> styles;  // body, heading, section-title, list-item, footer, cover-*
  std::map<std::string, double> components;      // "chart.label-column" -> 0.32 (lengths in points)

  bool has_standard(std::string_view name) const {
    for (const auto& s : pdf_standards)
      if (s == name) return true;
    return false;
  }
};

}  // namespace lp
