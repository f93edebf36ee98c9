// SVG path data by hand: the grammar is small (SVG 1.1, 8.3.9) and no Debian package parses it
// without bringing a renderer (cairo, librsvg) along.
#include "model/svg_path.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <string>
#include <system_error>

namespace lp {

namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  void skip_separators() {
    while (i_ < s_.size() && (std::isspace(static_cast<unsigned char>(s_[i_])) || s_[i_] == ',')) ++i_;
  }
  bool at_end() {
    skip_separators();
    return i_ >= s_.size();
  }
  bool at_number() {
    skip_separators();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
  }
  char peek() const { return s_[i_]; }
  char take() { return s_[i_++]; }
  size_t offset() const { return i_; }
  // A number as SVG writes it: "-1.5e3", ".5", "1.5.5" is 1.5 then .5.
  bool number(double& v) {
    skip_separators();
    size_t j = i_;
    if (j < s_.size() && (s_[j] == '-' || s_[j] == '+')) ++j;
    bool digits = false, dot = false;
    while (j < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[j])) || (s_[j] == '.' && !dot))) {
      if (s_[j] == '.') dot = true;
      else digits = true;
      ++j;
    }
    if (!digits) return false;
    if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
      size_t k = j + 1;
      if (k < s_.size() && (s_[k] == '-' || s_[k] == '+')) ++k;
      if (k < s_.size() && std::isdigit(static_cast<unsigned char>(s_[k]))) {
        j = k;
        while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
      }
    }
    // from_chars (no '+', no locale, no copy): strtod was a fifth of the cover artwork's read.
    const char* first = s_.data() + i_ + (s_[i_] == '+' ? 1 : 0);
    const auto [end, ec] = std::from_chars(first, s_.data() + j, v);
    if (ec == std::errc::result_out_of_range) v = std::strtod(std::string(first, s_.data() + j).c_str(), nullptr);
    else if (ec != std::errc() || end != s_.data() + j) return false;
    if (!std::isfinite(v)) return false;
    i_ = j;
    return true;
  }
  // An arc's flag: a single 0 or 1, which may touch the next number ("a1 1 0 00 1 1").
  bool flag(bool& v) {
    skip_separators();
    if (i_ >= s_.size() || (s_[i_] != '0' && s_[i_] != '1')) return false;
    v = s_[i_++] == '1';
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

int arguments_of(char command) {
  switch (std::tolower(static_cast<unsigned char>(command))) {
    case 'm': case 'l': case 't': return 2;
    case 'h': case 'v': return 1;
    case 'c': return 6;
    case 's': case 'q': return 4;
    case 'a': return 7;
    case 'z': return 0;
    default: return -1;
  }
}

// The pen and what the last command leaves for S and T.
struct Pen {
  double x = 0, y = 0, start_x = 0, start_y = 0;
  double ctrl_x = 0, ctrl_y = 0;  // the last curve's second control point (C, S) or control (Q, T)
  char last = 0;
};

void curve(VectorOps& out, double x1, double y1, double x2, double y2, double x, double y) {
  out.push_back({VectorOp::Kind::Curve, x1, y1, x2, y2, x, y});
}

// One command with its arguments `a` (relative ones already made absolute where they are points).
void apply(char cmd, const double* a, bool large, bool sweep, Pen& p, VectorOps& out) {
  const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(cmd)));
  switch (up) {
    case 'M':
      out.push_back({VectorOp::Kind::Move, a[0], a[1]});
      p.x = p.start_x = a[0], p.y = p.start_y = a[1];
      break;
    case 'L': case 'H': case 'V':
      out.push_back({VectorOp::Kind::Line, a[0], a[1]});
      p.x = a[0], p.y = a[1];
      break;
    case 'C': case 'S': {
      const bool smooth = up == 'S';
      const bool after_cubic = p.last == 'C' || p.last == 'S';
      const double x1 = smooth ? (after_cubic ? 2 * p.x - p.ctrl_x : p.x) : a[0];
      const double y1 = smooth ? (after_cubic ? 2 * p.y - p.ctrl_y : p.y) : a[1];
      const double* rest = smooth ? a : a + 2;
      curve(out, x1, y1, rest[0], rest[1], rest[2], rest[3]);
      p.ctrl_x = rest[0], p.ctrl_y = rest[1];
      p.x = rest[2], p.y = rest[3];
      break;
    }
    case 'Q': case 'T': {
      const bool after_quad = p.last == 'Q' || p.last == 'T';
      const double qx = up == 'T' ? (after_quad ? 2 * p.x - p.ctrl_x : p.x) : a[0];
      const double qy = up == 'T' ? (after_quad ? 2 * p.y - p.ctrl_y : p.y) : a[1];
      const double* end = up == 'T' ? a : a + 2;
      // The quadratic's control point raised to two cubic ones, ⅔ of the way from each end.
      curve(out, p.x + 2.0 / 3 * (qx - p.x), p.y + 2.0 / 3 * (qy - p.y), end[0] + 2.0 / 3 * (qx - end[0]),
            end[1] + 2.0 / 3 * (qy - end[1]), end[0], end[1]);
      p.ctrl_x = qx, p.ctrl_y = qy;
      p.x = end[0], p.y = end[1];
      break;
    }
    case 'A':
      append_arc(out, p.x, p.y, a[0], a[1], a[2], large, sweep, a[5], a[6]);
      p.x = a[5], p.y = a[6];
      break;
    case 'Z':
      out.push_back({VectorOp::Kind::Close});
      p.x = p.start_x, p.y = p.start_y;
      break;
  }
  p.last = up;
}

}  // namespace

bool parse_path_data(std::string_view d, VectorOps& out, std::string& why) {
  Scanner s(d);
  Pen pen;
  char cmd = 0;
  while (!s.at_end()) {
    if (std::isalpha(static_cast<unsigned char>(s.peek()))) {
      cmd = s.take();
      if (arguments_of(cmd) < 0) {
        why = std::string("unknown path command '") + cmd + "'";
        return false;
      }
    } else if (cmd == 0) {
      why = "path data must begin with a command (M)";
      return false;
    }
    if (cmd != 'M' && cmd != 'm' && pen.last == 0) {
      why = "path data must begin with M or m";
      return false;
    }
    const int n = arguments_of(cmd);
    double a[7] = {0, 0, 0, 0, 0, 0, 0};
    bool large = false, sweep = false;
    for (int i = 0; i < n; ++i) {
      const bool is_flag = (cmd == 'a' || cmd == 'A') && (i == 3 || i == 4);
      const bool ok = is_flag ? s.flag(i == 3 ? large : sweep) : s.number(a[i]);
      if (!ok) {
        why = "a number is missing or malformed in the path data, at character " + std::to_string(s.offset() + 1);
        return false;
      }
    }
    const bool rel = std::islower(static_cast<unsigned char>(cmd));
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(cmd)));
    // Every command's arguments as absolute points.
    if (up == 'H') a[1] = pen.y, a[0] += rel ? pen.x : 0;
    else if (up == 'V') a[1] = a[0] + (rel ? pen.y : 0), a[0] = pen.x;
    else if (up == 'A') a[5] += rel ? pen.x : 0, a[6] += rel ? pen.y : 0;
    else if (rel)
      for (int i = 0; i + 1 < n; i += 2) a[i] += pen.x, a[i + 1] += pen.y;
    apply(cmd, a, large, sweep, pen, out);
    if (n == 0) cmd = 0;  // Z takes no arguments: a number after it is an error
    else if (cmd == 'M') cmd = 'L';  // coordinates after a moveto are linetos
    else if (cmd == 'm') cmd = 'l';
    if (cmd == 0 && s.at_number()) {
      why = "a number follows Z in the path data";
      return false;
    }
  }
  return true;
}

bool parse_numbers(std::string_view text, std::vector<double>& out) {
  Scanner s(text);
  while (!s.at_end()) {
    double v = 0;
    if (!s.number(v)) return false;
    out.push_back(v);
  }
  return true;
}

void append_rect(VectorOps& out, double x, double y, double w, double h, double rx, double ry) {
  using K = VectorOp::Kind;
  rx = std::min(rx, w / 2), ry = std::min(ry, h / 2);
  if (rx <= 0 || ry <= 0) {
    out.insert(out.end(), {{K::Move, x, y}, {K::Line, x + w, y}, {K::Line, x + w, y + h}, {K::Line, x, y + h}, {K::Close}});
    return;
  }
  const double k = 0.5522847498;  // a quarter circle's control points, as a share of its radius
  const double kx = rx * k, ky = ry * k;
  out.push_back({K::Move, x + rx, y});
  out.push_back({K::Line, x + w - rx, y});
  curve(out, x + w - rx + kx, y, x + w, y + ry - ky, x + w, y + ry);
  out.push_back({K::Line, x + w, y + h - ry});
  curve(out, x + w, y + h - ry + ky, x + w - rx + kx, y + h, x + w - rx, y + h);
  out.push_back({K::Line, x + rx, y + h});
  curve(out, x + rx - kx, y + h, x, y + h - ry + ky, x, y + h - ry);
  out.push_back({K::Line, x, y + ry});
  curve(out, x, y + ry - ky, x + rx - kx, y, x + rx, y);
  out.push_back({K::Close});
}

void append_ellipse(VectorOps& out, double cx, double cy, double rx, double ry) {
  append_rect(out, cx - rx, cy - ry, rx * 2, ry * 2, rx, ry);
}

// SVG 1.1, F.6.5 and F.6.6: the endpoints to a centre and angles, the radii scaled up when too
// small, then one cubic per quarter turn at most.
void append_arc(VectorOps& out, double x0, double y0, double rx, double ry, double angle_deg, bool large, bool sweep,
                double x, double y) {
  if (x0 == x && y0 == y) return;
  rx = std::abs(rx), ry = std::abs(ry);
  if (rx == 0 || ry == 0) {
    out.push_back({VectorOp::Kind::Line, x, y});
    return;
  }
  const double phi = angle_deg * std::numbers::pi / 180, cos_p = std::cos(phi), sin_p = std::sin(phi);
  const double dx = (x0 - x) / 2, dy = (y0 - y) / 2;
  const double x1p = cos_p * dx + sin_p * dy, y1p = -sin_p * dx + cos_p * dy;
  const double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) rx *= std::sqrt(lambda), ry *= std::sqrt(lambda);
  const double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  double coef = den > 0 ? std::sqrt(std::max(0.0, num / den)) : 0;
  if (large == sweep) coef = -coef;
  const double cxp = coef * rx * y1p / ry, cyp = -coef * ry * x1p / rx;
  const double cx = cos_p * cxp - sin_p * cyp + (x0 + x) / 2, cy = sin_p * cxp + cos_p * cyp + (y0 + y) / 2;
  auto angle = [](double ux, double uy, double vx, double vy) { return std::atan2(ux * vy - uy * vx, ux * vx + uy * vy); };
  const double theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  double delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * std::numbers::pi;
  if (sweep && delta < 0) delta += 2 * std::numbers::pi;
  const int segments = std::max(1, static_cast<int>(std::ceil(std::abs(delta) / (std::numbers::pi / 2) - 1e-9)));
  const double step = delta / segments, k = 4.0 / 3 * std::tan(step / 4);
  auto point = [&](double t, double& px, double& py, double& tx, double& ty) {
    const double ex = rx * std::cos(t), ey = ry * std::sin(t);
    px = cos_p * ex - sin_p * ey + cx, py = sin_p * ex + cos_p * ey + cy;
    const double dxt = -rx * std::sin(t), dyt = ry * std::cos(t);  // the tangent
    tx = cos_p * dxt - sin_p * dyt, ty = sin_p * dxt + cos_p * dyt;
  };
  double t = theta1, px, py, tx, ty;
  point(t, px, py, tx, ty);
  for (int i = 0; i < segments; ++i) {
    double qx, qy, ux, uy;
    point(t + step, qx, qy, ux, uy);
    if (i + 1 == segments) qx = x, qy = y;  // land exactly on the endpoint
    curve(out, px + k * tx, py + k * ty, qx - k * ux, qy - k * uy, qx, qy);
    t += step, px = qx, py = qy, tx = ux, ty = uy;
  }
}

void transform_ops(VectorOps& ops, const Affine& t) {
  auto map = [&](double& x, double& y) {
    const double X = t.a * x + t.c * y + t.e, Y = t.b * x + t.d * y + t.f;
    x = X, y = Y;
  };
  for (auto& op : ops) {
    if (op.kind == VectorOp::Kind::Close) continue;
    map(op.x1, op.y1);
    if (op.kind == VectorOp::Kind::Curve) map(op.x2, op.y2), map(op.x3, op.y3);
  }
}

}  // namespace lp
