// Pictures: as wide as the frame, no taller than a share of it, centred, with the caption
// beneath and kept with it.
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

Fragment lay_out(const Image& img, const Regions& regions, LayoutContext& ctx) {
  Stack stack;
  if (img.src.empty() || img.pixel_width <= 0) return stack.lay_out(regions, ctx, img.pos, "a picture");
  Pt width = regions.width;
  Pt height = width * (static_cast<double>(img.pixel_height) / img.pixel_width);
  const Pt max_height = regions.full * ctx.st.components.image_max_height;
  if (height > max_height) {
    width = width * (max_height / height);
    height = max_height;
  }
  ctx.check_resolution(img.src, img.pixel_width, width, img.pos);
  const uint32_t id = ctx.new_id();
  const Pt x = (regions.width - width) / 2;
  stack.add(height, Pt(4), img.caption.empty(), [=, &img](Frame& f, Pt top) {
    TagItem tag{true, Role::Figure, id, 0, {}, img.alt, {}};
    f.push(tag);
    f.push(ImageItem{x, top, width, height, img.src, img.alt});
    tag.start = false;
    f.push(tag);
  });
  if (!img.caption.empty()) {
    stack.open(Role::Caption, ctx.new_id());
    stack.add_lines(ctx.set(img.caption, ctx.st.caption, regions.width), Pt(0), Pt(0));
    stack.close();
  }
  return stack.lay_out(regions, ctx, img.pos, "a picture");
}

}  // namespace lp
