#pragma once
// Internal to src/layout: the shapes of charts, apart from any page, so that they can be tested:
// a chart's slices (its bars and the derived remainder of its total), ring segments as Bézier
// arcs, and hatching clipped to a shape.
#include <string>
#include <vector>

#include "layout/frame.h"
#include "model/document.h"

namespace lp {

// A bar, a column or a donut's segment. `derived`: not in the report's data, worked out as the
// total less the others ("other sources").
struct ChartSlice {
  InlineText label;
  double value = 0;
  int decimals = 0;
  bool derived = false;
};

// The chart's data, then the remainder when its total is larger than their sum.
std::vector<ChartSlice> chart_slices(const Chart& chart, const std::string& other_label);

// A ring's segment from angle `from` to `to` (radians, clockwise from 12 o'clock, y down)
// between radii `inner` and `outer` around (cx, cy): the outer arc, the inner arc back, closed.
// Each arc is cut into Bézier curves of at most a quarter turn. A whole turn is two circles
// wound opposite ways, so that either fill rule (and a clip) leaves the middle empty.
std::vector<PathOp> ring_segment(Pt cx, Pt cy, Pt inner, Pt outer, double from, double to);

// The point at `angle` (as ring_segment measures it) on the circle of radius r around (cx, cy).
std::pair<Pt, Pt> on_circle(Pt cx, Pt cy, Pt r, double angle);

// Diagonal stripes in `colour`, `spacing` apart, clipped to `shape`, whose bounding box is
// (x, y, w, h): the mark of a derived slice.
GroupItem hatching(std::vector<PathOp> shape, Pt x, Pt y, Pt w, Pt h, const Colour& colour, Pt spacing);

}  // namespace lp
