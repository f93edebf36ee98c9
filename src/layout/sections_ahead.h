#pragma once
// Internal to src/layout: sections that begin on a page of their own, laid out on a spare core
// a little ahead of the flow (work_ahead.h). Such a section's frames depend on nothing before
// it but three things, each checked when the flow reaches it: the hand of its first page (only
// when one of its blocks asked: a picture into the bleed), the next quote panel's colour (only
// when it has quotes), and the numbers of its tagged elements (renumbered from the flow's). The
// flow places the frames as if it had laid them out; it lays a section out itself when the thread
// had not begun it or a check fails.
#include <functional>
#include <optional>
#include <vector>

#include "layout/context.h"
#include "layout/regions.h"
#include "layout/work_ahead.h"

namespace lp {

struct SectionLaidOut {
  std::vector<Frame> frames;  // one per page, the last one where the section ends
  Diagnostics diags;          // what laying it out said, in order
  uint32_t id_base = 1, id_end = 1;       // its elements' numbers, [base, end)
  size_t quote_start = 0, quote_end = 0;  // the quote colours it began and ended at
  bool right_hand = true, hand_asked = false;
};

class SectionsAhead {
 public:
  // Starts the thread on the report's sections, each on a fresh page (`fresh(right_hand)`: the
  // regions of one).
  SectionsAhead(const Document& doc, const StyleSheet& styles, const FontSet& fonts,
                std::function<Regions(bool right_hand)> fresh);

  // Section `index` (in the report's content) as the thread laid it out, if it did and that
  // holds for a first page of this hand, the quote colours at `quote_colour`; its element
  // numbers still those of the thread's (renumber them with renumber()).
  std::optional<SectionLaidOut> take(size_t index, bool right_hand, size_t quote_colour);
  size_t taken() const { return work_->taken(); }
  size_t count() const { return work_->count(); }

 private:
  std::vector<const Section*> sections_;
  std::vector<size_t> unit_of_;       // by content index; npos for what is not a section
  std::vector<size_t> quote_before_;  // quote colours used by the sections before, as written
  std::function<Regions(bool)> fresh_;
  std::optional<WorkAhead<SectionLaidOut>> work_;  // last: its thread reads the members above
};

// Adds `offset` to every element number from `base` on among `items` (groups included).
void renumber(std::vector<FrameItem>& items, uint32_t base, uint32_t offset);

}  // namespace lp
