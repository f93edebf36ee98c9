#pragma once
// Internal to src/model: SVG attribute values: colours, lengths, transform lists.
#include <optional>
#include <string>
#include <string_view>

#include "model/svg.h"

namespace lp {

// #rgb, #rrggbb, rgb(r, g, b) (numbers or percentages), a basic named colour, none, transparent
// or currentColor; nothing when it is none of these (a url(#gradient), a typo).
std::optional<Paint> parse_paint(std::string_view text);

// A length in user units: a number, or with px, pt, pc, mm, cm or in (CSS's 96 per inch);
// `percent_of` for a percentage. Nothing when it is not a length.
std::optional<double> parse_length(std::string_view text, double percent_of = 0);

// A transform list ("translate(10) rotate(45 5 5)"), composed left to right as SVG does.
std::optional<Affine> parse_transform(std::string_view text);

std::string_view trim(std::string_view s);

}  // namespace lp
