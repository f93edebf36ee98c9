// Pictures: as wide as the frame, no taller than a share of it, centred, with the caption
// beneath and kept with it. An SVG is drawn as paths (vector_drawing.h), its currentColor the
// first accent.
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"
#include "layout/vector_drawing.h"

namespace lp {

Fragment lay_out(const Image& img, const Regions& regions, LayoutContext& ctx) {
  Stack stack;
  const bool vector = img.vector != nullptr;
  if (img.src.empty() || (!vector && img.pixel_width <= 0)) return stack.lay_out(regions, ctx, img.pos, "a picture");
  const double aspect = vector ? img.vector->view_height / img.vector->view_width
                               : static_cast<double>(img.pixel_height) / img.pixel_width;
  Pt width = regions.width;
  Pt height = width * aspect;
  const Pt max_height = regions.full * ctx.st.components.image_max_height;
  if (height > max_height) {
    width = width * (max_height / height);
    height = max_height;
  }
  if (!vector) ctx.check_resolution(img.src, img.pixel_width, width, img.pos);
  const uint32_t id = ctx.new_id();
  const Pt x = (regions.width - width) / 2;
  stack.add(height, Pt(4), img.caption.empty(), [=, &img](Frame& f, Pt top) {
    TagItem tag{true, Role::Figure, id, 0, {}, img.alt, {}};
    f.push(tag);
    if (vector) f.push(vector_group(*img.vector, x, top, width, height, ctx.accent(0), ctx.st));
    else f.push(ImageItem{x, top, width, height, img.src, img.alt});
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
