#pragma once
// Shaped text: glyphs of one face, size and colour, with the text each cluster stands for.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/units.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

struct Glyph {
  uint32_t id = 0;
  Pt advance, x_offset, y_offset;
};

// Glyphs [first_glyph, first_glyph + glyph_count) show bytes [text_begin, text_begin +
// text_length) of the run's text (a ligature: one glyph, several letters; a reordered Indic
// syllable: several glyphs, one piece of text). The text is the run's, not the cluster's own:
// a page holds millions of clusters.
struct Cluster {
  uint32_t first_glyph = 0;
  uint32_t glyph_count = 0;
  uint32_t text_begin = 0;
  uint32_t text_length = 0;
};

struct GlyphRun {
  const FontFace* face = nullptr;
  Pt size;
  Colour colour;
  std::string link;
  std::vector<Glyph> glyphs;      // in visual order
  std::vector<Cluster> clusters;  // in visual order
  std::string text;               // the clusters' text, one after another
  std::string lang;               // its language where it differs from the paragraph's (a Span's /Lang)

  std::string_view text_of(const Cluster& c) const { return std::string_view(text).substr(c.text_begin, c.text_length); }
  // Appends a cluster of `glyph_count` glyphs from `first_glyph`, showing `piece`.
  void add_cluster(uint32_t first_glyph, uint32_t glyph_count, std::string_view piece) {
    clusters.push_back({first_glyph, glyph_count, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(piece.size())});
    text += piece;
  }
  Pt width() const {
    Pt w;
    for (const auto& g : glyphs) w += g.advance;
    return w;
  }
  // Appends another run's glyphs (same face, size, colour and link).
  void append(const GlyphRun& other);
};

}  // namespace lp
