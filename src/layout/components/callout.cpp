// Callouts: blocks set in from the frame's left, with a rule in an accent colour down their
// left side, drawn beside the callout's share of every frame it reaches.
#include "layout/block_flow.h"
#include "layout/components.h"

namespace lp {

Fragment lay_out(const Callout& c, const Regions& regions, LayoutContext& ctx) {
  const Pt bar = Pt(3), inset = Pt(10);
  BlockFlow flow(ctx, regions.inset(inset, Pt(0)));
  if (!c.title.empty()) {
    FlowItem title = heading_item(c.title, ctx.st.heading, 3, ctx, false);
    title.space_before = Pt(0);
    flow.add(title);
  }
  for (const auto& b : c.blocks) flow.add(b);
  Fragment inner = flow.finish();
  Fragment out;
  for (auto& frame : inner.frames) {
    out.frames.emplace_back();
    Frame& f = out.frames.back();
    f.width = regions.width;
    if (frame.empty()) continue;
    f.height = frame.height;
    PathItem rule = PathItem::rect(Pt(0), Pt(0), bar, frame.height);
    rule.fill = ctx.accent(1);
    decorate(f, std::move(rule));
    f.place(std::move(frame), inset, Pt(0));
  }
  return out;
}

}  // namespace lp
