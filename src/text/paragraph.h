#pragma once
// Setting a paragraph: styled text in, lines of positioned glyph runs out.
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "style/style.h"
#include "text/glyph_run.h"

namespace lp {

// A piece of paragraph text in one style.
struct TextSpan {
  std::string text;
  const TextStyle* style = nullptr;
  bool bold = false, italic = false;  // on top of the style's own
  std::string link;
  SourcePos pos;
};

struct PositionedRun {
  Pt x;  // from the line's start
  GlyphRun run;
};

struct Line {
  std::vector<PositionedRun> runs;  // in visual order
  Pt width;                         // natural width, spaces at the end excluded
  Pt height;                        // the leading
  Pt baseline;                      // from the top of the line box
  bool overfull = false;
};

class FontSet;

class ParagraphSetter {
 public:
  // `file` and `language` are the report's, for warnings and for shaping.
  ParagraphSetter(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language);
  ~ParagraphSetter();

  std::vector<Line> set(const std::vector<TextSpan>& spans, Pt width, Align align);
  // One line, never broken (footers, labels).
  Line set_line(const std::vector<TextSpan>& spans);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lp
