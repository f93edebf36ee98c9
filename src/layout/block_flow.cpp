#include "layout/block_flow.h"

namespace lp {

BlockFlow::BlockFlow(LayoutContext& ctx, Regions regions, std::function<void(Frame&&)> done)
    : ctx_(ctx), regions_(regions), done_(std::move(done)) {
  current_.width = regions_.width;
}

Regions BlockFlow::remaining(Pt space) const {
  Regions r = regions_.from(index_);
  r.first = std::max(Pt(0), regions_.height(index_) - y_ - space);
  r.first_fresh = fresh();
  return r;
}

void BlockFlow::add(const FlowItem& item) {
  if (item.page_break) {
    kept_.clear();
    if (!current_.empty()) next_region();
    return;
  }
  const Pt space = fresh() ? Pt(0) : space_after_ + item.space_before;
  const size_t items_before = current_.items.size(), anchors_before = current_.anchors.size();
  const Pt y_before = y_;
  const size_t colour_before = ctx_.quote_colour;
  Fragment f = item.lay_out(remaining(space));
  if (!kept_.empty() && f.frames.size() > 1 && f.frames.front().empty() && !kept_fresh_) {
    // Nothing of this block fits below the blocks kept with it: they all go to the next region.
    ctx_.quote_colour = kept_quote_colour_;
    current_.items.resize(kept_items_);
    current_.anchors.resize(kept_anchors_);
    y_ = kept_y_;
    std::vector<FlowItem> kept = std::move(kept_);
    next_region();
    for (const auto& k : kept) add(k);
    add(item);
    return;
  }
  if (kept_.empty()) {
    kept_items_ = items_before;
    kept_anchors_ = anchors_before;
    kept_y_ = y_before;
    kept_fresh_ = fresh();
    kept_quote_colour_ = colour_before;
  }
  const bool one_region = f.frames.size() == 1;
  place(std::move(f), space);
  if (item.keep_with_next && one_region) {
    kept_.push_back(item);
  } else {
    kept_.clear();
  }
  space_after_ = item.space_after;
}

void BlockFlow::place(Fragment&& fragment, Pt space) {
  for (size_t j = 0; j < fragment.frames.size(); ++j) {
    Frame& f = fragment.frames[j];
    if (j > 0) next_region();
    if (f.empty()) continue;
    const Pt top = j == 0 ? y_ + space : Pt(0);
    const Pt height = f.height;
    current_.place(std::move(f), Pt(0), top);
    y_ = top + height;
  }
}

void BlockFlow::next_region() {
  current_.height = y_;
  if (done_) done_(std::move(current_));
  else frames_.push_back(std::move(current_));
  current_ = Frame{};
  current_.width = regions_.width;
  y_ = Pt(0);
  ++index_;
  kept_.clear();
}

Fragment BlockFlow::finish() {
  current_.height = y_;
  Fragment out{std::move(frames_)};
  out.frames.push_back(std::move(current_));
  current_ = Frame{};
  return out;
}

}  // namespace lp
