#pragma once
// Internal to src/model: SVG path data and the basic shapes as move, line, curve and close
// operations (arcs and quadratic curves become cubic Béziers).
#include <string>
#include <string_view>

#include "model/svg.h"

namespace lp {

// Appends the path data `d` (every command, absolute and relative) to `out`. A syntax error
// keeps what came before it (as SVG renderers do) and returns false with `why`.
bool parse_path_data(std::string_view d, VectorOps& out, std::string& why);

// Reads the numbers of a points list ("10,20 30 40") or a viewBox; false on a bad number.
bool parse_numbers(std::string_view text, std::vector<double>& out);

void append_rect(VectorOps& out, double x, double y, double w, double h, double rx, double ry);
void append_ellipse(VectorOps& out, double cx, double cy, double rx, double ry);
// An elliptical arc from (x0, y0) to (x, y), as SVG's A command gives it.
void append_arc(VectorOps& out, double x0, double y0, double rx, double ry, double angle_deg, bool large, bool sweep,
                double x, double y);

// Every point of `ops` through `t`.
void transform_ops(VectorOps& ops, const Affine& t);

}  // namespace lp
