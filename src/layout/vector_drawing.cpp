#include "layout/vector_drawing.h"

#include <cmath>

namespace lp {

namespace {

Colour colour_of(const Paint& p, const Colour& current, const StyleSheet& st) {
  if (p.kind == Paint::Kind::Current) return current;
  auto byte = [](double v) { return static_cast<int>(std::lround(v * 255)); };
  for (const Colour& c : st.palette)
    if (byte(c.r) == byte(p.r) && byte(c.g) == byte(p.g) && byte(c.b) == byte(p.b)) return c;
  Colour c{p.r, p.g, p.b, 0, 0, 0, 1 - p.r};
  if (byte(p.r) != byte(p.g) || byte(p.g) != byte(p.b)) c.press_from_rgb = true;  // grey stays black ink
  return c;
}

std::vector<PathOp> ops_of(const VectorOps& ops) {
  std::vector<PathOp> out;
  out.reserve(ops.size());
  for (const auto& op : ops) {
    switch (op.kind) {
      case VectorOp::Kind::Move: out.push_back(PathOp::move(Pt(op.x1), Pt(op.y1))); break;
      case VectorOp::Kind::Line: out.push_back(PathOp::line(Pt(op.x1), Pt(op.y1))); break;
      case VectorOp::Kind::Curve:
        out.push_back(PathOp::curve(Pt(op.x1), Pt(op.y1), Pt(op.x2), Pt(op.y2), Pt(op.x3), Pt(op.y3)));
        break;
      case VectorOp::Kind::Close: out.push_back(PathOp::close()); break;
    }
  }
  return out;
}

PathItem path_of(const VectorPath& v, const Colour& current, const StyleSheet& st) {
  PathItem p;
  p.ops = ops_of(v.ops);
  if (v.fill.kind != Paint::Kind::None) p.fill = colour_of(v.fill, current, st);
  if (v.stroke.kind != Paint::Kind::None) p.stroke = colour_of(v.stroke, current, st);
  p.line_width = Pt(v.stroke_width);
  p.even_odd = v.even_odd;
  p.round_cap = v.cap == VectorPath::Cap::Round;
  p.square_cap = v.cap == VectorPath::Cap::Square;
  p.join = v.join == VectorPath::Join::Round   ? PathItem::Join::Round
           : v.join == VectorPath::Join::Bevel ? PathItem::Join::Bevel
                                               : PathItem::Join::Miter;
  p.fill_opacity = v.fill_opacity;
  p.stroke_opacity = v.stroke_opacity;
  for (double d : v.dash) p.dash.push_back(Pt(d));
  return p;
}

Transform transform_of(const Affine& a) { return Transform{a.a, a.b, a.c, a.d, Pt(a.e), Pt(a.f)}; }

void add_items(const std::vector<VectorItem>& items, std::vector<FrameItem>& out, const Colour& current, const StyleSheet& st) {
  for (const auto& item : items) {
    if (const auto* path = std::get_if<VectorPath>(&item)) {
      out.push_back(path_of(*path, current, st));
    } else {
      const auto& g = std::get<VectorGroup>(item);
      GroupItem group{transform_of(g.transform), std::nullopt, {}};
      if (g.clip) group.clip = ops_of(*g.clip);
      add_items(g.items, group.items, current, st);
      out.push_back(std::move(group));
    }
  }
}

}  // namespace

GroupItem vector_group(const VectorPicture& pic, Pt x, Pt y, Pt width, Pt height, const Colour& current, const StyleSheet& st) {
  const Affine fit = pic.fit(width.value, height.value);
  GroupItem group{transform_of(Affine{1, 0, 0, 1, x.value, y.value} * fit), std::nullopt, {}};
  // The box is the picture's viewport, and SVG clips to it: the box in user units.
  const PathItem box = PathItem::rect(Pt(-fit.e / fit.a), Pt(-fit.f / fit.d), width / fit.a, height / fit.d);
  group.clip = box.ops;
  add_items(pic.root.items, group.items, current, st);
  return group;
}

void draw_icon(Frame& frame, const Icon& icon, Pt x, Pt y, Pt size, const Colour& tint, const StyleSheet& st, uint32_t id,
               const std::string& alt) {
  if (!icon.picture) return;
  GroupItem g = vector_group(*icon.picture, x, y, size, size, tint, st);
  if (alt.empty()) {
    frame.artifact(ArtifactKind::Layout, {std::move(g)});
    return;
  }
  frame.push(TagItem{true, Role::Figure, id, 0, {}, alt, {}});
  frame.push(std::move(g));
  frame.push(TagItem{false, Role::Figure, id, 0, {}, {}, {}});
}

}  // namespace lp
