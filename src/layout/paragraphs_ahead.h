#pragma once
// Internal to src/layout: the sections' paragraphs set on a spare core, a little ahead of the
// flow (work_ahead.h). A paragraph's lines depend only on its text, its style and the measure,
// never on where the flow stands, so a thread of its own can set the sections' plain paragraphs
// in order at the frame's measure while the flow places what comes before them. The lines and
// the warnings are the same whichever thread set them.
#include <optional>
#include <unordered_map>
#include <vector>

#include "layout/work_ahead.h"
#include "model/document.h"
#include "style/style.h"
#include "text/paragraph.h"

namespace lp {

class ParagraphsAhead {
 public:
  // Starts the thread on every paragraph among the sections' blocks, at `width`.
  ParagraphsAhead(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Pt width);

  // The lines of `p` in the body style at `width`, if the thread set them, its warnings
  // appended to `diags`; nothing when the flow must set it.
  std::optional<std::vector<Line>> take(const Paragraph& p, Pt width, Diagnostics& diags);
  // How many paragraphs the flow took from the thread, of how many.
  size_t taken() const { return work_->taken(); }
  size_t count() const { return work_->count(); }

 private:
  struct Set {
    std::vector<Line> lines;
    Diagnostics diags;
  };
  Pt width_;
  std::vector<const Paragraph*> paragraphs_;
  std::unordered_map<const Paragraph*, size_t> index_;
  std::optional<WorkAhead<Set>> work_;  // last: its thread reads the members above
};

}  // namespace lp
