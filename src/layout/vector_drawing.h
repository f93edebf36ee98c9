#pragma once
// Internal to src/layout: a vector picture (model/svg.h) drawn as paths in a group, in the
// edition's colours; and icons, which are such pictures tinted with an accent.
#include <string>

#include "layout/frame.h"
#include "model/document.h"
#include "style/style.h"

namespace lp {

// `pic` fitted into the box (x, y, width, height) as its preserveAspectRatio says: one group
// whose transform is the fit (clipped to the box when the picture would spill out of it), its
// paths inside. currentColor is `current`; a colour that is one of the palette's RGB values
// prints as the palette's CMYK, grey as black ink alone, any other through the output profile.
GroupItem vector_group(const VectorPicture& pic, Pt x, Pt y, Pt width, Pt height, const Colour& current, const StyleSheet& st);

// An icon `size` square at (x, y) in `tint`, tagged as a figure with `alt` (an artifact when
// `alt` is empty). Nothing when the icon has no picture.
void draw_icon(Frame& frame, const Icon& icon, Pt x, Pt y, Pt size, const Colour& tint, const StyleSheet& st,
               uint32_t id, const std::string& alt);

}  // namespace lp
