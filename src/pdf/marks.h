#pragma once
// Internal to src/pdf: crop marks, drawn by the PDF writer around any page it is given.
#include <string>

namespace lp {

// The room the marks take beyond each side of the bleed box, in whole points (so that a page
// with marks is the page without them, moved by a whole number of pixels at 72 dpi).
double crop_marks_margin(double bleed);

// The registration colour: a Separation colour space named /All (every plate), whose
// alternate is every CMYK ink at 100%. The page's resources name it kRegistrationName.
inline constexpr const char* kRegistrationName = "LpRegistration";
inline constexpr const char* kRegistrationSpace =
    "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]";

// Content-stream operators for the eight trim marks of a page whose bleed box starts at
// (margin, margin) of the MediaBox: hairlines on the lines of the trim, from outside the bleed
// to the MediaBox's edge, marked as an artifact. In registration colour when `registration`
// (the page's resources then need it), else black (an RGB edition).
std::string crop_marks_content(double margin, double bleed, double trim_width, double trim_height, bool registration);

}  // namespace lp
