#pragma once
// Internal to the chart component (chart.cpp, chart_donut.cpp): what every kind of chart
// shares: its slices and their colours, its alt text, the note beneath it.
#include <string>
#include <vector>

#include "layout/chart_geometry.h"
#include "layout/context.h"
#include "layout/stack.h"

namespace lp {

struct ChartParts {
  std::vector<ChartSlice> slices;  // the data, then the derived remainder of the total
  double max = 0;                  // the largest slice (at least something above zero)
  double sum = 0;                  // of all the slices: the total when there is a remainder
  bool derived = false;            // whether a slice is derived
};

ChartParts chart_parts(const Chart& chart, const LayoutContext& ctx);
// What the chart shows, for readers who cannot see it: its kind and title, every slice (a
// donut's with its share), the total and the unit.
std::string chart_alt(const Chart& chart, const ChartParts& parts, const LayoutContext& ctx);
// "Total: 950 contacts a week. Other sources: the total less the rest." under the chart, kept
// with the piece before it; false when there is nothing to say.
bool add_chart_note(Stack& stack, const Chart& chart, const ChartParts& parts, Pt width, LayoutContext& ctx);
// Fills `shape` in `colour`; a derived slice lighter, hatched in the colour.
void draw_slice(Frame& f, std::vector<PathOp> shape, Pt x, Pt y, Pt w, Pt h, const Colour& colour, bool derived);
// A slice's label as set in the chart: italic when it is derived.
InlineText slice_label(const ChartSlice& slice);

// The donut: the ring with a gap between its segments and the total in its middle, the legend
// (a chip, the label, the value) beside it or, on a narrow frame, beneath it.
void add_donut(Stack& stack, const Chart& chart, const ChartParts& parts, Pt width, LayoutContext& ctx);

}  // namespace lp
