#pragma once
// Internal to src/text: a paragraph itemised (bidi level, script, font) and shaped, cut at its
// line break opportunities into segments the line breaker chooses among.
#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <vector>

#include "text/paragraph.h"

namespace lp {

struct ShapedItem {
  size_t begin = 0, end = 0;  // bytes of the paragraph text
  uint8_t level = 0;          // bidi embedding level: odd is right-to-left
  GlyphRun run;
};

// The text between two break opportunities: a word and the spaces after it.
struct Segment {
  std::vector<ShapedItem> word, space;
  Pt word_width, space_width;
  bool hard_break = false;  // a mandatory break follows
};

struct ShapedParagraph {
  std::string text;
  uint8_t base_level = 0;
  std::vector<Segment> segments;
};

class Shaper {
 public:
  Shaper(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language);
  ~Shaper();
  ShapedParagraph shape(const std::vector<TextSpan>& spans);

 private:
  struct Char;
  void choose_faces(const std::vector<TextSpan>& spans, const std::string& text, std::vector<Char>& chars);
  ShapedItem shape_item(const std::string& text, size_t begin, size_t end, const Char& first,
                        const TextSpan& span, hb_buffer_t* buffer);

  const FontSet& fonts_;
  Diagnostics& diags_;
  std::string file_;
  hb_language_t language_;
  icu::Locale locale_;
  std::unique_ptr<icu::BreakIterator> breaker_;
  hb_buffer_t* buffer_;
};

}  // namespace lp
