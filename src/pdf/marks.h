#pragma once
// Internal to src/pdf: crop marks, drawn by the PDF writer around any page it is given.
#include <string>

namespace lp {

// The room the marks take beyond each side of the bleed box, in whole points (so that a page
// with marks is the page without them, moved by a whole number of pixels at 72 dpi).
double crop_marks_margin(double bleed);

// Content-stream operators for the eight trim marks of a page whose bleed box starts at
// (margin, margin) of the MediaBox: hairlines on the lines of the trim, from outside the bleed
// to the MediaBox's edge, in registration colour (every CMYK ink at 100%; black in an RGB
// edition), marked as an artifact.
std::string crop_marks_content(double margin, double bleed, double trim_width, double trim_height, bool cmyk);

}  // namespace lp
