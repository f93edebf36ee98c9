#pragma once
// Setting a paragraph: styled text in, lines of positioned glyph runs out.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"
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
  std::string lang;  // where it differs from the paragraph's: `<span lang="cy">`
};

// The report's inline runs as spans of `style`.
std::vector<TextSpan> spans_of(const InlineText& text, const TextStyle& style);

struct PositionedRun {
  Pt x;  // from the line's start
  GlyphRun run;
};

struct Line {
  std::vector<PositionedRun> runs;  // in visual order
  Pt width;                         // as set (a justified line's fills the measure), spaces at the end excluded
  Pt height;                        // the leading
  Pt baseline;                      // from the top of the line box
  bool overfull = false;
  // For pagination: the break after this line. `hyphenated` when the line ends in a hyphen (one
  // the breaker added, a soft hyphen shown, or a hyphen of the text); `break_penalty` is the
  // breaker's penalty for it: 0 between words, 50 after a hyphen, -10000 where the paragraph or
  // a hard line break ends the line.
  bool hyphenated = false;
  bool hyphen_added = false;  // the hyphen is the breaker's (a word cut, or a soft hyphen shown)
  int break_penalty = 0;
};

// How the breaker did on a paragraph.
struct ParagraphStats {
  double demerits = 0;   // total demerits of the chosen breaks
  int pass = 0;          // 1 without hyphenation, 2 with, 3 emergency stretch (overfull if need be)
  size_t overfull = 0;   // lines wider than the measure
};

enum class Breaking { TotalFit, FirstFit };  // first fit only to compare against

class FontSet;

// Whether the patterns for `language` (a BCP 47 tag) are installed (Debian's hyphen-* packages)
// and readable; without them its text is set without hyphenation.
bool has_hyphenation(std::string_view language);

class ParagraphSetter {
 public:
  // `file` and `language` are the report's, for warnings and for shaping.
  ParagraphSetter(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language);
  ~ParagraphSetter();

  // Justify sets Knuth–Plass total fit; Left, Center and Right a balanced ragged setting.
  // `indent` is room kept at the start of the first line (for a chip or a marker set in it).
  std::vector<Line> set(const std::vector<TextSpan>& spans, Pt width, Align align, ParagraphStats* stats = nullptr,
                        Breaking breaking = Breaking::TotalFit, Pt indent = Pt(0));
  // One line, never broken (footers, labels).
  Line set_line(const std::vector<TextSpan>& spans);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lp
