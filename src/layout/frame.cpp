#include "layout/frame.h"

namespace lp {

PathItem PathItem::rect(Pt x, Pt y, Pt w, Pt h) {
  PathItem p;
  p.ops = {PathOp::move(x, y), PathOp::line(x + w, y), PathOp::line(x + w, y + h), PathOp::line(x, y + h),
           PathOp::close()};
  return p;
}

PathItem PathItem::rounded_rect(Pt x, Pt y, Pt w, Pt h, Pt r) {
  // Bezier control distance for a quarter circle.
  const Pt k = r * 0.5523;
  PathItem p;
  p.ops = {PathOp::move(x + r, y),
           PathOp::line(x + w - r, y),
           PathOp::curve(x + w - r + k, y, x + w, y + r - k, x + w, y + r),
           PathOp::line(x + w, y + h - r),
           PathOp::curve(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
           PathOp::line(x + r, y + h),
           PathOp::curve(x + r - k, y + h, x, y + h - r + k, x, y + h - r),
           PathOp::line(x, y + r),
           PathOp::curve(x, y + r - k, x + r - k, y, x + r, y),
           PathOp::close()};
  return p;
}

PathItem PathItem::circle(Pt cx, Pt cy, Pt r) { return rounded_rect(cx - r, cy - r, r * 2, r * 2, r); }

PathItem PathItem::line(Pt x1, Pt y1, Pt x2, Pt y2) {
  PathItem p;
  p.ops = {PathOp::move(x1, y1), PathOp::line(x2, y2)};
  return p;
}

namespace {

struct Mover {
  Pt dx, dy;
  void operator()(GlyphRunItem& g) const { g.x += dx, g.y += dy; }
  void operator()(PathItem& p) const {
    for (auto& op : p.ops) op.x1 += dx, op.y1 += dy, op.x2 += dx, op.y2 += dy, op.x3 += dx, op.y3 += dy;
  }
  void operator()(LinkItem& l) const { l.x += dx, l.y += dy; }
  void operator()(ImageItem& i) const { i.x += dx, i.y += dy; }
  void operator()(TagItem&) const {}
  void operator()(GroupItem& g) const { g.transform.e += dx, g.transform.f += dy; }
};

}  // namespace

void translate(FrameItem& item, Pt dx, Pt dy) { std::visit(Mover{dx, dy}, static_cast<FrameItem::variant&>(item)); }

void Frame::place(Frame&& child, Pt x, Pt y) {
  if (items.empty() && x == Pt(0) && y == Pt(0)) {
    items = std::move(child.items);
  } else {
    reserve_more(items, child.items.size());
    const bool moved = x != Pt(0) || y != Pt(0);
    for (auto& item : child.items) {
      if (moved) translate(item, x, y);
      items.push_back(std::move(item));
    }
  }
  for (auto& a : child.anchors) {
    a.y += y;
    anchors.push_back(std::move(a));
  }
}

void Frame::artifact(ArtifactKind kind, std::vector<FrameItem> drawn) {
  TagItem tag;
  tag.role = Role::Artifact;
  tag.artifact = kind;
  push(tag);
  for (auto& item : drawn) items.push_back(std::move(item));
  tag.start = false;
  push(tag);
}

}  // namespace lp
