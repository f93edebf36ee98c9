#pragma once
// The typefaces of one build: every file of fonts.yaml loaded once, found by role and style,
// with the fallback chain for characters the role's face lacks.
#include <hb.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/font_config.h"
#include "text/shaping_cache.h"

namespace lp {

struct FontFace {
  std::string path;
  std::string family;
  std::string postscript_name;
  unsigned index = 0;  // load order: a stable name for dumps and PDF resources
  unsigned units_per_em = 1000;
  int ascender = 0, descender = 0, cap_height = 0;  // font units
  int bbox[4] = {0, 0, 0, 0};
  int italic_angle = 0;
  bool bold = false, italic = false;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;  // scale = units_per_em

  bool has_char(char32_t c) const {
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(font, c, &g);
  }
  // Advance of a glyph in font units.
  int advance(unsigned glyph) const { return hb_font_get_glyph_h_advance(font, glyph); }
};

class FontSet {
 public:
  FontSet() = default;
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
  ~FontSet();

  // Loads every file fonts.yaml names; problems go to `diags` against fonts.yaml.
  static std::unique_ptr<FontSet> load(const FontConfig& config, Diagnostics& diags);

  bool has_role(const std::string& role) const { return roles_.count(role) > 0; }
  // The face for a role and style; the nearest style the family has when it lacks that one.
  const FontFace* face(const std::string& role, bool bold, bool italic) const;
  // The fallback faces in order, bold where the family has it.
  std::vector<const FontFace*> fallback(bool bold) const;
  const std::vector<std::unique_ptr<FontFace>>& faces() const { return faces_; }
  // HarfBuzz's results for these faces, shared by every edition of the build (thread-safe).
  ShapingCache& shaping_cache() const { return shaping_cache_; }

 private:
  struct Family {
    const FontFace* regular = nullptr;
    const FontFace* bold = nullptr;
    const FontFace* italic = nullptr;
    const FontFace* bold_italic = nullptr;
  };
  const FontFace* pick(const Family& f, bool bold, bool italic) const;

  std::vector<std::unique_ptr<FontFace>> faces_;
  std::map<std::string, Family> families_;
  std::map<std::string, std::string> roles_;
  std::vector<std::string> fallback_;
  mutable ShapingCache shaping_cache_;
};

}  // namespace lp
