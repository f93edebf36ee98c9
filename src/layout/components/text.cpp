// Paragraphs and headings: lines of one text, split between lines with two on either side.
#include "layout/block_flow.h"
#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

Fragment lay_out_lines(std::vector<Line> lines, const Regions& regions, LayoutContext& ctx, SourcePos pos, Role role,
                       int level) {
  std::vector<Pt> heights;
  heights.reserve(lines.size());
  for (const auto& l : lines) heights.push_back(l.height);
  bool overflow = false;
  const std::vector<size_t> where = split_pieces(line_pieces(heights), regions, Pt(0), Pt(0), &overflow);
  if (overflow) ctx.overflow(pos, "a line is taller than the frame");
  Fragment out;
  out.frames.resize(where.empty() ? 1 : where.back() + 1);
  const uint32_t id = ctx.new_id();
  for (size_t i = 0; i < lines.size();) {
    Frame& f = out.frames[where[i]];
    f.width = regions.width;
    f.begin(role, id, level);
    Pt y;
    for (const size_t region = where[i]; i < lines.size() && where[i] == region; ++i) {
      const Pt h = lines[i].height;
      draw_line(f, std::move(lines[i]), Pt(0), y);
      y += h;
    }
    f.end(role, id);
    f.height = y;
  }
  return out;
}

void add_heading(Stack& stack, const InlineText& title, Pt width, LayoutContext& ctx, Pt gap) {
  if (title.empty()) return;
  stack.open(Role::Heading, ctx.new_id(), 2);
  stack.add(Pt(0), Pt(0), false, [name = plain_text(title)](Frame& f, Pt top) { f.anchors.push_back(Anchor{name, 1, top, {}}); });
  stack.add_lines(ctx.set_balanced(title, ctx.st.heading, width), Pt(0), gap, true);
  stack.close();
}

FlowItem heading_item(const InlineText& text, const TextStyle& style, int level, LayoutContext& ctx, bool bookmark,
                      std::string id) {
  FlowItem item;
  item.space_before = style.space_before;
  item.space_after = style.space_after;
  item.keep_with_next = true;
  item.lay_out = [&text, &style, level, &ctx, bookmark, id = std::move(id)](const Regions& r) {
    Fragment f = lay_out_lines(ctx.set_balanced(text, style, r.width), r, ctx, text.empty() ? SourcePos{} : text.front().pos,
                               Role::Heading, level);
    for (auto& frame : f.frames)
      if (bookmark && !frame.empty()) {
        frame.anchors.push_back(Anchor{plain_text(text), level - 1, Pt(0), id});
        break;
      }
    return f;
  };
  return item;
}

}  // namespace lp
