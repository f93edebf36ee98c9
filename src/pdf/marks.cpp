#include "pdf/marks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kOffset = 3 * kMm;  // from the trim at least, as much as the bleed if more
constexpr double kGap = 2;           // points between the bleed box and a mark
constexpr double kLength = 20;       // points
constexpr double kLineWidth = 0.25;  // points: a hairline

// Where a mark starts, measured out from the trim.
double start(double bleed) { return std::max(bleed, kOffset) + kGap; }

}  // namespace

double crop_marks_margin(double bleed) { return std::ceil(start(bleed) - bleed + kLength + 4); }

std::string crop_marks_content(double margin, double bleed, double trim_width, double trim_height, bool registration) {
  const double x0 = margin + bleed, y0 = margin + bleed;  // the trim's lower left
  const double x1 = x0 + trim_width, y1 = y0 + trim_height;
  const double s = start(bleed), e = s + kLength;
  std::string out = "/Artifact BMC\nq\n";
  out += registration ? fmt::format("/{} CS 1 SCN\n", kRegistrationName) : "0 G\n";
  out += fmt::format("{} w\n0 J\n", kLineWidth);
  auto line = [&](double ax, double ay, double bx, double by) {
    out += fmt::format("{:.3f} {:.3f} m {:.3f} {:.3f} l S\n", ax, ay, bx, by);
  };
  for (double y : {y0, y1}) {  // horizontal marks, left and right of the trim
    line(x0 - s, y, x0 - e, y);
    line(x1 + s, y, x1 + e, y);
  }
  const double below = y0 - s, above = y1 + s;
  for (double x : {x0, x1}) {  // vertical marks, below and above
    line(x, below, x, y0 - e);
    line(x, above, x, y1 + e);
  }
  out += "Q\nEMC\n";
  return out;
}

}  // namespace lp
