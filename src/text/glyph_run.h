#pragma once
// Shaped text: glyphs of one face, size and colour, with the text each cluster stands for.
#include <cstdint>
#include <string>
#include <vector>

#include "model/units.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

struct Glyph {
  uint32_t id = 0;
  Pt advance, x_offset, y_offset;
};

// Glyphs [first_glyph, first_glyph + glyph_count) show `text` (a ligature: one glyph, several
// letters; a reordered Indic syllable: several glyphs, one piece of text).
struct Cluster {
  uint32_t first_glyph = 0;
  uint32_t glyph_count = 0;
  std::string text;
};

struct GlyphRun {
  const FontFace* face = nullptr;
  Pt size;
  Colour colour;
  std::string link;
  std::vector<Glyph> glyphs;      // in visual order
  std::vector<Cluster> clusters;  // in visual order

  Pt width() const {
    Pt w;
    for (const auto& g : glyphs) w += g.advance;
    return w;
  }
  // Appends another run's glyphs (same face, size, colour and link).
  void append(const GlyphRun& other);
};

}  // namespace lp
