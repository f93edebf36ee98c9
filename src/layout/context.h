#pragma once
// Internal to src/layout: what every component of one edition's layout shares: the report, the
// styles, the paragraph setter, the diagnostics; and the drawing of set lines into frames.
#include <string>
#include <utility>
#include <vector>

#include "layout/frame.h"
#include "layout/wordsearch_grid.h"
#include "model/document.h"
#include "style/style.h"
#include "text/paragraph.h"

namespace lp {

class ParagraphsAhead;

struct LayoutContext {
  LayoutContext(const Document& d, const StyleSheet& s, ParagraphSetter& p, Diagnostics& g)
      : doc(d), st(s), setter(p), diags(g) {}
  const Document& doc;
  const StyleSheet& st;
  ParagraphSetter& setter;
  Diagnostics& diags;

  ParagraphsAhead* ahead = nullptr;  // the sections' paragraphs set on a second thread, if any

  uint32_t next_id = 1;
  uint32_t new_id() { return next_id++; }
  // Quote panels rotate through the accents across the whole report.
  size_t quote_colour = 0;
  // The section's puzzles so far, for its answers block.
  std::vector<const Quiz*> quizzes;
  std::vector<const SpotTheDifference*> spots;
  std::vector<std::pair<const WordSearch*, WordSearchGrid>> word_searches;

  // `indent`: room at the start of the first line, for something drawn in it (a chip).
  std::vector<Line> set(const InlineText& text, const TextStyle& style, Pt width, Pt indent = Pt(0)) const {
    return setter.set(spans_of(text, style), width, style.align, nullptr, Breaking::TotalFit, indent);
  }
  std::vector<Line> set(const std::string& text, const TextStyle& style, Pt width) const {
    return setter.set({TextSpan{text, &style, false, false, "", {}, {}}}, width, style.align);
  }
  // A section's paragraph in the body style: the lines set ahead when there are some.
  std::vector<Line> set(const Paragraph& p, Pt width) const;
  // A title's lines as even as their number allows: set in the narrowest measure that takes no
  // more lines ("The NSCP Priorities / and Projects", not "The NSCP Priorities and / Projects"),
  // and placed in `width` as the style aligns them.
  std::vector<Line> set_balanced(const InlineText& text, const TextStyle& style, Pt width) const;
  // One line, never broken.
  Line line(const std::string& text, const TextStyle& style, const std::string& link = "") const {
    return setter.set_line({TextSpan{text, &style, false, false, link, {}, {}}});
  }
  const Colour& accent(size_t i) const { return st.accents[i % st.accents.size()]; }
  // A figure as the report's language writes it, with the decimals the report wrote.
  std::string format_number(double v, int decimals) const;
  // A picture drawn `width` wide from `pixels` across that has fewer pixels per inch than the
  // edition asks for is said to be coarse, at its source line.
  void check_resolution(const std::string& src, int pixels, Pt width, SourcePos pos) const;
  // Something that cannot fit where it must: placed as well as it can be, and said.
  void overflow(SourcePos pos, const std::string& what) const;
};

Pt height_of(const std::vector<Line>& lines);
// The width of one of `columns` columns across `width`, `gutter` between them.
inline Pt column_width(Pt width, size_t columns, Pt gutter) {
  return (width - gutter * static_cast<double>(columns - 1)) / static_cast<double>(columns);
}
// Draws a line with its top at `top`; links get their rectangles. An rvalue line gives its
// glyphs up.
void draw_line(Frame& frame, Line line, Pt x, Pt top);
// Draws lines one under the other from `top`; returns the bottom.
Pt draw_lines(Frame& frame, const std::vector<Line>& lines, Pt x, Pt top);
Pt draw_lines(Frame& frame, std::vector<Line>&& lines, Pt x, Pt top);
// A filled or stroked shape as an artifact (a panel's background, a rule, a spine).
void decorate(Frame& frame, PathItem path, ArtifactKind kind = ArtifactKind::Layout);

}  // namespace lp
