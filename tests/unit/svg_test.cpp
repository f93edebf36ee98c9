// The SVG mapping (model/svg.h): every element kind, transforms, paints, arcs, clips, and what
// it says about input it cannot draw or read.
#include <gtest/gtest.h>

#include <cmath>

#include "model/svg.h"
#include "model/svg_path.h"
#include "model/svg_values.h"

namespace lp {
namespace {

using K = VectorOp::Kind;

struct Parsed {
  std::shared_ptr<const VectorPicture> pic;
  std::string error;
  int line = 0;
  std::vector<SvgWarning> warnings;
};

Parsed parse(const std::string& body, const std::string& svg_attrs = "viewBox=\"0 0 100 100\"") {
  Parsed p;
  p.pic = parse_svg("<svg xmlns=\"http://www.w3.org/2000/svg\" " + svg_attrs + ">\n" + body + "\n</svg>\n", p.error, p.line,
                    p.warnings);
  return p;
}

const VectorPath& path_at(const VectorGroup& g, size_t i) { return std::get<VectorPath>(g.items.at(i)); }
const VectorGroup& group_at(const VectorGroup& g, size_t i) { return std::get<VectorGroup>(g.items.at(i)); }

// The point an operation ends at.
std::pair<double, double> end_of(const VectorOp& op) {
  return op.kind == K::Curve ? std::pair{op.x3, op.y3} : std::pair{op.x1, op.y1};
}

void expect_point(const VectorOp& op, double x, double y) {
  const auto [ex, ey] = end_of(op);
  EXPECT_NEAR(ex, x, 1e-6);
  EXPECT_NEAR(ey, y, 1e-6);
}

TEST(SvgTest, BasicShapes) {
  const Parsed p = parse(R"svg(<rect x="10" y="20" width="30" height="40"/>
<rect x="0" y="0" width="20" height="10" rx="2"/>
<circle cx="50" cy="50" r="10"/>
<ellipse cx="50" cy="50" rx="20" ry="5"/>
<line x1="0" y1="0" x2="10" y2="10" stroke="black"/>
<polyline points="0,0 10,0 10,10" stroke="black"/>
<polygon points="0 0, 10 0, 5 8"/>)svg");
  ASSERT_TRUE(p.pic) << p.error;
  EXPECT_TRUE(p.warnings.empty());
  const VectorGroup& root = p.pic->root;
  ASSERT_EQ(root.items.size(), 7u);
  const auto& rect = path_at(root, 0).ops;
  ASSERT_EQ(rect.size(), 5u);
  expect_point(rect[0], 10, 20);
  expect_point(rect[2], 40, 60);
  EXPECT_EQ(rect[4].kind, K::Close);
  // A rounded rectangle: four straight sides and four corner curves; ry follows rx.
  const auto& rounded = path_at(root, 1).ops;
  EXPECT_EQ(std::count_if(rounded.begin(), rounded.end(), [](const VectorOp& o) { return o.kind == K::Curve; }), 4);
  expect_point(rounded[0], 2, 0);
  expect_point(rounded[2], 20, 2);
  const auto& circle = path_at(root, 2).ops;
  expect_point(circle[0], 50, 40);  // the top
  expect_point(circle[2], 60, 50);  // the right
  const auto& ellipse = path_at(root, 3).ops;
  expect_point(ellipse[2], 70, 50);
  // A line and a polyline have no inside: never filled, whatever the fill says.
  EXPECT_EQ(path_at(root, 4).fill.kind, Paint::Kind::None);
  EXPECT_EQ(path_at(root, 4).stroke.kind, Paint::Kind::Rgb);
  EXPECT_EQ(path_at(root, 5).ops.size(), 3u);
  EXPECT_EQ(path_at(root, 5).fill.kind, Paint::Kind::None);
  EXPECT_EQ(path_at(root, 6).ops.back().kind, K::Close);
  EXPECT_EQ(path_at(root, 6).fill.kind, Paint::Kind::Rgb);  // black by default
}

TEST(SvgTest, PathNumbersAsSvgWritesThem) {
  VectorOps ops;
  std::string why;
  // A sign of either kind, no leading digit, an exponent, "1.5.5" as 1.5 then .5, and a number
  // too small for a double as 0.
  ASSERT_TRUE(parse_path_data("M+5-2.5L.5 1e1L1.5.5L1e-400 +2E-1", ops, why)) << why;
  ASSERT_EQ(ops.size(), 4u);
  expect_point(ops[0], 5, -2.5);
  expect_point(ops[1], 0.5, 10);
  expect_point(ops[2], 1.5, 0.5);
  expect_point(ops[3], 0, 0.2);
  VectorOps huge;
  EXPECT_FALSE(parse_path_data("M0 0L1e400 0", huge, why));  // past a double: an error
  EXPECT_EQ(huge.size(), 1u);                                 // what came before it is kept
}

TEST(SvgTest, PathCommandsAbsoluteAndRelative) {
  VectorOps abs, rel;
  std::string why;
  ASSERT_TRUE(parse_path_data("M10 10 L20 10 L20 20 H10 V10 Z", abs, why)) << why;
  ASSERT_TRUE(parse_path_data("m10,10 10,0 l0 10 h-10 v-10 z", rel, why)) << why;
  ASSERT_EQ(abs.size(), rel.size());
  for (size_t i = 0; i < abs.size(); ++i) {
    EXPECT_EQ(abs[i].kind, rel[i].kind);
    EXPECT_EQ(end_of(abs[i]), end_of(rel[i]));
  }
  // S reflects the last control point; Q is raised to a cubic; T reflects the quadratic's.
  VectorOps ops;
  ASSERT_TRUE(parse_path_data("M0 0C0 10 10 10 10 0S20-10 20 0Q25 10 30 0T40 0", ops, why)) << why;
  ASSERT_EQ(ops.size(), 5u);
  EXPECT_DOUBLE_EQ(ops[2].x1, 10);
  EXPECT_DOUBLE_EQ(ops[2].y1, -10);
  EXPECT_NEAR(ops[3].x1, 20 + 2.0 / 3 * 5, 1e-9);  // from (20, 0), ⅔ of the way to the control (25, 10)
  EXPECT_NEAR(ops[3].y1, 20.0 / 3, 1e-9);
  EXPECT_NEAR(ops[4].x1, 30 + 2.0 / 3 * 5, 1e-9);
  EXPECT_NEAR(ops[4].y1, -20.0 / 3, 1e-9);  // the reflected control (35, -10), ⅔ of the way
  expect_point(ops[4], 40, 0);
  // Numbers that touch: "1.5.5" is 1.5 then .5; "-1-2" two numbers; exponents.
  ops.clear();
  ASSERT_TRUE(parse_path_data("M1.5.5L-1-2l1e1 0", ops, why)) << why;
  expect_point(ops[0], 1.5, 0.5);
  expect_point(ops[1], -1, -2);
  expect_point(ops[2], 9, -2);
}

TEST(SvgTest, Arcs) {
  VectorOps ops;
  std::string why;
  // A half circle, clockwise on the page (y down): over the top, through (10, -10).
  ASSERT_TRUE(parse_path_data("M0 0A10 10 0 0 1 20 0", ops, why)) << why;
  ASSERT_EQ(ops.size(), 3u);
  expect_point(ops[1], 10, -10);
  expect_point(ops[2], 20, 0);
  // The other sweep goes under.
  ops.clear();
  ASSERT_TRUE(parse_path_data("M0 0A10 10 0 0 0 20 0", ops, why));
  expect_point(ops[1], 10, 10);
  // The large arc of three quarters, relative, with flags written together.
  ops.clear();
  ASSERT_TRUE(parse_path_data("M0 0a10 10 0 1010 10", ops, why)) << why;
  EXPECT_EQ(ops.size(), 4u);
  expect_point(ops.back(), 10, 10);
  // Radii too small for the endpoints are scaled up: still a half circle.
  ops.clear();
  ASSERT_TRUE(parse_path_data("M0 0A1 1 0 0 1 20 0", ops, why));
  expect_point(ops[1], 10, -10);
  // A rotated ellipse ends where it is told to.
  ops.clear();
  ASSERT_TRUE(parse_path_data("M0 0A20 10 30 0 1 30 15", ops, why));
  expect_point(ops.back(), 30, 15);
  // The curve through the quarter point is on the circle: a cubic's midpoint at radius ± 0.03 %.
  ops.clear();
  ASSERT_TRUE(parse_path_data("M10 0A10 10 0 0 1 0 10", ops, why));
  ASSERT_EQ(ops.size(), 2u);
  const VectorOp& c = ops[1];
  const double mx = (10 + 3 * c.x1 + 3 * c.x2 + c.x3) / 8, my = (0 + 3 * c.y1 + 3 * c.y2 + c.y3) / 8;
  EXPECT_NEAR(std::hypot(mx, my), 10, 0.003);
}

TEST(SvgTest, Transforms) {
  auto apply = [](const Affine& t, double x, double y) { return std::pair{t.a * x + t.c * y + t.e, t.b * x + t.d * y + t.f}; };
  auto near = [](std::pair<double, double> p, double x, double y) { return std::abs(p.first - x) < 1e-9 && std::abs(p.second - y) < 1e-9; };
  EXPECT_TRUE(near(apply(*parse_transform("translate(10 5)"), 1, 1), 11, 6));
  EXPECT_TRUE(near(apply(*parse_transform("translate(10)"), 1, 1), 11, 1));
  EXPECT_TRUE(near(apply(*parse_transform("scale(2 3)"), 1, 1), 2, 3));
  EXPECT_TRUE(near(apply(*parse_transform("rotate(90)"), 1, 0), 0, 1));
  EXPECT_TRUE(near(apply(*parse_transform("rotate(90 5 5)"), 5, 0), 10, 5));
  EXPECT_TRUE(near(apply(*parse_transform("skewX(45)"), 0, 1), 1, 1));
  EXPECT_TRUE(near(apply(*parse_transform("skewY(45)"), 1, 0), 1, 1));
  EXPECT_TRUE(near(apply(*parse_transform("matrix(1 2 3 4 5 6)"), 1, 1), 9, 12));
  // A list applies right to left to the point: scale first, then translate.
  EXPECT_TRUE(near(apply(*parse_transform("translate(10,0) scale(2)"), 1, 0), 12, 0));
  EXPECT_FALSE(parse_transform("rotate(1 2)"));
  EXPECT_FALSE(parse_transform("spin(3)"));

  const Parsed p = parse(R"svg(<g transform="translate(10 20)"><g transform="scale(2)"><rect width="1" height="1"/></g></g>)svg");
  ASSERT_TRUE(p.pic) << p.error;
  const VectorGroup& outer = group_at(p.pic->root, 0);
  EXPECT_EQ(outer.transform.e, 10);
  EXPECT_EQ(outer.transform.f, 20);
  const VectorGroup& inner = group_at(outer, 0);
  EXPECT_EQ(inner.transform.a, 2);
  EXPECT_EQ(path_at(inner, 0).ops.size(), 5u);
}

TEST(SvgTest, Paints) {
  EXPECT_EQ(*parse_paint("#f00"), (Paint{Paint::Kind::Rgb, 1, 0, 0}));
  EXPECT_EQ(*parse_paint("#00FF00"), (Paint{Paint::Kind::Rgb, 0, 1, 0}));
  EXPECT_EQ(*parse_paint("rgb(0, 0, 255)"), (Paint{Paint::Kind::Rgb, 0, 0, 1}));
  EXPECT_EQ(*parse_paint("rgb(100%,0%,0%)"), (Paint{Paint::Kind::Rgb, 1, 0, 0}));
  EXPECT_EQ(*parse_paint("White"), (Paint{Paint::Kind::Rgb, 1, 1, 1}));
  EXPECT_EQ(parse_paint("none")->kind, Paint::Kind::None);
  EXPECT_EQ(parse_paint("currentColor")->kind, Paint::Kind::Current);
  EXPECT_FALSE(parse_paint("#12"));
  EXPECT_FALSE(parse_paint("#"));
  EXPECT_FALSE(parse_paint("#1234567890abcdef1234"));
  EXPECT_FALSE(parse_paint("bluish"));
  EXPECT_FALSE(parse_paint("rgb(1,2)"));

  // Inherited from the group, the style attribute over the attribute, opacities multiplied.
  const Parsed p = parse(R"svg(<g fill="currentColor" stroke="#000" stroke-width="3" opacity="0.5">
  <path d="M0 0h10v10z" fill-opacity="0.5" fill-rule="evenodd" stroke-linecap="round" stroke-linejoin="bevel"/>
  <circle r="5" fill="red" style="fill: blue; stroke:none"/>
  <rect width="5" height="5" stroke-dasharray="1 2 3"/>
</g>)svg");
  ASSERT_TRUE(p.pic) << p.error;
  const VectorPath& a = path_at(p.pic->root, 0);
  EXPECT_EQ(a.fill.kind, Paint::Kind::Current);
  EXPECT_EQ(a.stroke, (Paint{Paint::Kind::Rgb, 0, 0, 0}));
  EXPECT_EQ(a.stroke_width, 3);
  EXPECT_DOUBLE_EQ(a.fill_opacity, 0.25);
  EXPECT_DOUBLE_EQ(a.stroke_opacity, 0.5);
  EXPECT_TRUE(a.even_odd);
  EXPECT_EQ(a.cap, VectorPath::Cap::Round);
  EXPECT_EQ(a.join, VectorPath::Join::Bevel);
  const VectorPath& b = path_at(p.pic->root, 1);
  EXPECT_EQ(b.fill, (Paint{Paint::Kind::Rgb, 0, 0, 1}));
  EXPECT_EQ(b.stroke.kind, Paint::Kind::None);
  EXPECT_EQ(path_at(p.pic->root, 2).dash, (std::vector<double>{1, 2, 3, 1, 2, 3}));  // an odd list twice
}

TEST(SvgTest, ViewBoxAndAspectRatio) {
  Parsed p = parse("<rect width=\"1\" height=\"1\"/>", "viewBox=\"0 0 10 20\"");
  ASSERT_TRUE(p.pic) << p.error;
  Affine f = p.pic->fit(100, 100);  // meet, centred: scale 5, 25 in from the left
  EXPECT_DOUBLE_EQ(f.a, 5);
  EXPECT_DOUBLE_EQ(f.d, 5);
  EXPECT_DOUBLE_EQ(f.e, 25);
  EXPECT_DOUBLE_EQ(f.f, 0);
  p = parse("<rect width=\"1\" height=\"1\"/>", "viewBox=\"10 0 10 20\" preserveAspectRatio=\"xMinYMax slice\"");
  f = p.pic->fit(100, 100);  // covers: scale 10, its bottom at the box's
  EXPECT_DOUBLE_EQ(f.a, 10);
  EXPECT_DOUBLE_EQ(f.e, -100);
  EXPECT_DOUBLE_EQ(f.f, -100);
  p = parse("<rect width=\"1\" height=\"1\"/>", "viewBox=\"0 0 10 20\" preserveAspectRatio=\"none\"");
  f = p.pic->fit(100, 100);
  EXPECT_DOUBLE_EQ(f.a, 10);
  EXPECT_DOUBLE_EQ(f.d, 5);
  // No viewBox: the width and height, in CSS pixels.
  p = parse("<rect width=\"1\" height=\"1\"/>", "width=\"72pt\" height=\"1in\"");
  ASSERT_TRUE(p.pic) << p.error;
  EXPECT_DOUBLE_EQ(p.pic->view_width, 96);
  EXPECT_DOUBLE_EQ(p.pic->view_height, 96);
}

TEST(SvgTest, ClipPaths) {
  const Parsed p = parse(R"svg(<defs><clipPath id="c" transform="translate(5 0)"><circle cx="10" cy="10" r="10"/><rect x="30" width="5" height="5"/></clipPath></defs>
<g clip-path="url(#c)"><rect width="50" height="50"/></g>
<rect width="5" height="5" clip-path="url(#missing)"/>)svg");
  ASSERT_TRUE(p.pic) << p.error;
  const VectorGroup& g = group_at(p.pic->root, 0);
  ASSERT_TRUE(g.clip);
  expect_point(g.clip->front(), 15, 0);  // the circle's top, moved by the clipPath's transform
  EXPECT_EQ(std::count_if(g.clip->begin(), g.clip->end(), [](const VectorOp& o) { return o.kind == K::Move; }), 2);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].line, 4);
  EXPECT_NE(p.warnings[0].message.find("names no clipPath"), std::string::npos);
}

TEST(SvgTest, UnsupportedIsAWarningWithItsLine) {
  const Parsed p = parse(R"svg(<rect width="5" height="5"/>
<text x="0" y="10">Hello</text>
<rect width="5" height="5" fill="url(#gradient)"/>
<rect width="5" height="5" transform="wobble(2)" filter="url(#f)"/>
<path d="M0 0 L10 10 X"/>)svg");
  ASSERT_TRUE(p.pic) << p.error;
  ASSERT_EQ(p.warnings.size(), 5u);
  EXPECT_EQ(p.warnings[0].line, 3);
  EXPECT_NE(p.warnings[0].message.find("<text> is not drawn"), std::string::npos);
  EXPECT_EQ(p.warnings[1].line, 4);
  EXPECT_NE(p.warnings[1].message.find("gradient"), std::string::npos);
  EXPECT_EQ(p.warnings[2].line, 5);
  EXPECT_NE(p.warnings[2].message.find("filter"), std::string::npos);
  EXPECT_NE(p.warnings[3].message.find("transform"), std::string::npos);
  EXPECT_EQ(p.warnings[4].line, 6);
  EXPECT_NE(p.warnings[4].message.find("unknown path command 'X'"), std::string::npos);
  // The path is drawn up to the error.
  EXPECT_EQ(path_at(p.pic->root, p.pic->root.items.size() - 1).ops.size(), 2u);
}

TEST(SvgTest, DamagedInputIsAnErrorWithItsLine) {
  Parsed p;
  p.pic = parse_svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">\n<g>\n</svg>\n", p.error, p.line, p.warnings);
  EXPECT_FALSE(p.pic);
  EXPECT_EQ(p.line, 3);
  EXPECT_NE(p.error.find("mismatch"), std::string::npos) << p.error;
  p.pic = parse_svg("not xml at all", p.error, p.line, p.warnings);
  EXPECT_FALSE(p.pic);
  p.pic = parse_svg("<html/>", p.error, p.line, p.warnings);
  EXPECT_FALSE(p.pic);
  EXPECT_NE(p.error.find("<html>"), std::string::npos);
  p = parse("<rect/>", "");
  EXPECT_FALSE(p.pic);
  EXPECT_NE(p.error.find("size is unknown"), std::string::npos);
  p = parse("<rect/>", "viewBox=\"0 0 0 10\"");
  EXPECT_FALSE(p.pic);
  p.pic = parse_svg("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg viewBox=\"0 0 1 1\"><title>&a;</title></svg>", p.error,
                    p.line, p.warnings);
  EXPECT_FALSE(p.pic);
  EXPECT_NE(p.error.find("entities"), std::string::npos);
  std::string why;
  VectorOps ops;
  EXPECT_FALSE(parse_path_data("L10 10", ops, why));
  EXPECT_FALSE(parse_path_data("M10", ops, why));
  EXPECT_FALSE(parse_path_data("M0 0 A1 1 0 2 1 5 5", ops, why));  // a flag is 0 or 1
}

TEST(SvgTest, BuiltInIconsReadCleanly) {
  for (const char* name : {"health", "police", "council", "school", "phone", "web", "mail", "home", "heart", "star",
                           "speech", "checkbox", "calendar", "people", "book", "warning"}) {
    std::string error;
    int line = 0;
    std::vector<SvgWarning> warnings;
    const auto pic = read_svg(std::string(LP_SOURCE_DIR) + "/layout/icons/" + name + ".svg", error, line, warnings);
    ASSERT_TRUE(pic) << name << ": " << error;
    EXPECT_TRUE(warnings.empty()) << name << ": " << warnings.front().message;
    EXPECT_EQ(pic->view_width, 24) << name;
    EXPECT_FALSE(pic->root.items.empty()) << name;
  }
}

}  // namespace
}  // namespace lp
