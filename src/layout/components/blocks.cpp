// Which component lays out each kind of block, and the space the flow keeps around it.
#include "layout/block_flow.h"
#include "layout/components.h"

namespace lp {

namespace {

template <typename T>
FlowItem component(const T& block, LayoutContext& ctx, Pt before, Pt after) {
  FlowItem item;
  item.space_before = before;
  item.space_after = after;
  item.lay_out = [&block, &ctx](const Regions& r) { return lay_out(block, r, ctx); };
  return item;
}

}  // namespace

FlowItem flow_item(const Block& b, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const Pt gap = st.body.space_after;
  return std::visit(
      [&](const auto& x) -> FlowItem {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Paragraph>) {
          FlowItem item;
          item.space_before = st.body.space_before;
          item.space_after = st.body.space_after;
          item.lay_out = [&x, &ctx](const Regions& r) {
            return lay_out_lines(ctx.set(x, r.width), r, ctx, x.pos, Role::Paragraph, 0, x.lang);
          };
          return item;
        } else if constexpr (std::is_same_v<T, Heading>) {
          return heading_item(x.text, st.heading, 2, ctx, true, x.lang);
        } else if constexpr (std::is_same_v<T, PageBreak>) {
          FlowItem item;
          item.page_break = true;
          return item;
        } else if constexpr (std::is_same_v<T, ListBlock>) {
          return component(x, ctx, st.list_item.space_before, gap);
        } else {
          return component(x, ctx, gap, gap);
        }
      },
      static_cast<const BlockVariant&>(b));
}

}  // namespace lp
