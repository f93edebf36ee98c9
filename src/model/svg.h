#pragma once
// A vector picture read from an SVG file (svg.cpp): painted paths in groups with transforms and
// clips, in the SVG's user units, with the viewBox that frames them. Layout draws it as paths.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lp {

// x' = a x + c y + e, y' = b x + d y + f (SVG's matrix(a b c d e f)).
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // This map after `inner`: p ↦ this(inner(p)).
  Affine operator*(const Affine& inner) const {
    return {a * inner.a + c * inner.b, b * inner.a + d * inner.b, a * inner.c + c * inner.d,
            b * inner.c + d * inner.d, a * inner.e + c * inner.f + e, b * inner.e + d * inner.f + f};
  }
  bool identity() const { return a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0; }
};

struct VectorOp {
  enum class Kind { Move, Line, Curve, Close } kind = Kind::Move;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0;  // Move/Line: (x1, y1); Curve: all three
};
using VectorOps = std::vector<VectorOp>;

// A fill or stroke: none, a colour (sRGB, 0..1), or currentColor (drawn in the accent).
struct Paint {
  enum class Kind { None, Rgb, Current } kind = Kind::None;
  double r = 0, g = 0, b = 0;
  bool operator==(const Paint&) const = default;
};

struct VectorPath {
  VectorOps ops;
  Paint fill, stroke;
  double stroke_width = 1;
  double fill_opacity = 1, stroke_opacity = 1;  // with the opacity of the element and its groups
  bool even_odd = false;
  enum class Cap { Butt, Round, Square } cap = Cap::Butt;
  enum class Join { Miter, Round, Bevel } join = Join::Miter;
  std::vector<double> dash;
};

struct VectorItem;

struct VectorGroup {
  Affine transform;
  std::optional<VectorOps> clip;  // in the group's own coordinates (after its transform)
  std::vector<VectorItem> items;
};

struct VectorItem : std::variant<VectorPath, VectorGroup> {
  using variant::variant;
};

struct VectorPicture {
  double view_x = 0, view_y = 0, view_width = 0, view_height = 0;  // the viewBox, in user units
  // preserveAspectRatio: where the viewBox sits in the box it is drawn into (0, ½ or 1 of the
  // room left on each axis); `slice` covers the box; `stretch` is "none".
  double align_x = 0.5, align_y = 0.5;
  bool slice = false, stretch = false;
  VectorGroup root;
  // The map from user units to a box `width` by `height` (y down) at its top-left corner.
  Affine fit(double width, double height) const;
};

// What was read but is not drawn: an element or a property the mapping does not know.
struct SvgWarning {
  int line = 0;
  std::string message;
};

// Reads the SVG file at `path`. Not a readable SVG (not XML, no size, a bad path): nothing, with
// `error` and `error_line`. What is not drawn is said in `warnings`, with its line.
std::shared_ptr<const VectorPicture> read_svg(const std::string& path, std::string& error, int& error_line,
                                              std::vector<SvgWarning>& warnings);
// The same for SVG text already in memory (tests, fuzzing).
std::shared_ptr<const VectorPicture> parse_svg(const std::string& text, std::string& error, int& error_line,
                                               std::vector<SvgWarning>& warnings);

}  // namespace lp
