#pragma once
// Internal to src/layout: blocks stacked down regions, one after the other, with the space
// between them, keeps (a heading stays with what follows it) and page breaks. A section flows
// down the pages this way, and a callout down the regions it is given.
#include <functional>
#include <vector>

#include "layout/context.h"
#include "layout/regions.h"

namespace lp {

// What the flow needs of a block.
struct FlowItem {
  std::function<Fragment(const Regions&)> lay_out;
  Pt space_before, space_after;
  bool keep_with_next = false;  // it stays in the region where the next block begins
  bool page_break = false;      // the next block begins a new region
};

FlowItem flow_item(const Block& block, LayoutContext& ctx);
// A heading of `level` (1: a section's title) in `style`, with its bookmark unless not.
// `id`: where links to "#id" go (a section's title).
FlowItem heading_item(const InlineText& text, const TextStyle& style, int level, LayoutContext& ctx, bool bookmark = true,
                      std::string id = {});

class BlockFlow {
 public:
  // Frames are handed to `done` as each region ends; without it, finish() returns them all.
  BlockFlow(LayoutContext& ctx, Regions regions, std::function<void(Frame&&)> done = {});
  void add(const Block& block) { add(flow_item(block, ctx_)); }
  void add(const FlowItem& item);
  // The frames not yet handed on, the last one the region the flow stopped in.
  Fragment finish();
  bool fresh() const { return current_.empty() && regions_.fresh(index_); }

 private:
  Regions remaining(Pt space) const;
  void place(Fragment&& fragment, Pt space);
  void next_region();

  LayoutContext& ctx_;
  Regions regions_;
  std::function<void(Frame&&)> done_;
  std::vector<Frame> frames_;  // handed on to no one
  size_t index_ = 0;           // the region the flow is in
  Frame current_;
  Pt y_;
  Pt space_after_;  // of the block before
  // The blocks kept with the next one, and where the first of them began.
  std::vector<FlowItem> kept_;
  size_t kept_items_ = 0, kept_anchors_ = 0;
  Pt kept_y_;
  bool kept_fresh_ = false;
  size_t kept_quote_colour_ = 0;
};

}  // namespace lp
