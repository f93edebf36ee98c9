#include "layout/chart_geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lp {

std::vector<ChartSlice> chart_slices(const Chart& chart, const std::string& other_label) {
  std::vector<ChartSlice> slices;
  double sum = 0;
  for (const ChartBar& bar : chart.data) {
    slices.push_back({bar.label, bar.value, bar.decimals, false});
    sum += bar.value;
  }
  // Below a thousandth of the total the remainder is rounding, not a source.
  if (chart.total && *chart.total - sum > *chart.total * 1e-3) {
    const std::string& label = chart.other.empty() ? other_label : chart.other;
    slices.push_back({InlineText{Inline{label, false, false, "", chart.pos, {}}}, *chart.total - sum, chart.total_decimals, true});
  }
  return slices;
}

std::pair<Pt, Pt> on_circle(Pt cx, Pt cy, Pt r, double angle) {
  return {cx + r * std::sin(angle), cy - r * std::cos(angle)};
}

namespace {

// Bézier curves along the circle of radius r from `from` to `to` (either way round), the pen
// already at the start.
void arc(std::vector<PathOp>& ops, Pt cx, Pt cy, Pt r, double from, double to) {
  const int parts = std::max(1, static_cast<int>(std::ceil(std::abs(to - from) / (std::numbers::pi / 2) - 1e-9)));
  const double step = (to - from) / parts;
  // The control points' distance along the tangents that makes a curve closest to the arc.
  const double k = 4.0 / 3.0 * std::tan(step / 4);
  for (int i = 0; i < parts; ++i) {
    const double a0 = from + step * i, a1 = a0 + step;
    const auto [x0, y0] = on_circle(cx, cy, r, a0);
    const auto [x3, y3] = on_circle(cx, cy, r, a1);
    // The tangent of on_circle at a: (cos a, sin a) times r.
    ops.push_back(PathOp::curve(x0 + r * (k * std::cos(a0)), y0 + r * (k * std::sin(a0)), x3 - r * (k * std::cos(a1)),
                                y3 - r * (k * std::sin(a1)), x3, y3));
  }
}

}  // namespace

std::vector<PathOp> ring_segment(Pt cx, Pt cy, Pt inner, Pt outer, double from, double to) {
  std::vector<PathOp> ops;
  if (to - from >= 2 * std::numbers::pi - 1e-9) {  // the whole ring: two circles, the inner one backwards
    for (Pt r : {outer, inner}) {
      const auto [x, y] = on_circle(cx, cy, r, 0);
      ops.push_back(PathOp::move(x, y));
      if (r == outer) arc(ops, cx, cy, r, 0, 2 * std::numbers::pi);
      else arc(ops, cx, cy, r, 2 * std::numbers::pi, 0);
      ops.push_back(PathOp::close());
    }
    return ops;
  }
  const auto [x0, y0] = on_circle(cx, cy, outer, from);
  ops.push_back(PathOp::move(x0, y0));
  arc(ops, cx, cy, outer, from, to);
  const auto [x1, y1] = on_circle(cx, cy, inner, to);
  ops.push_back(PathOp::line(x1, y1));
  arc(ops, cx, cy, inner, to, from);
  ops.push_back(PathOp::close());
  return ops;
}

GroupItem hatching(std::vector<PathOp> shape, Pt x, Pt y, Pt w, Pt h, const Colour& colour, Pt spacing) {
  GroupItem g;
  g.clip = std::move(shape);
  // Lines at 45° (up to the right), from the box's left edge and its bottom, covering it.
  for (Pt t = spacing / 2; t < w + h; t += spacing) {
    PathItem stripe = PathItem::line(x + t - h, y + h, x + t, y);
    stripe.stroke = colour;
    stripe.line_width = spacing * 0.35;
    g.items.push_back(std::move(stripe));
  }
  return g;
}

}  // namespace lp
