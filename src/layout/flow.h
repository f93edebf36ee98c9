#pragma once
// Blocks flowing down the pages of one edition: the cover, sections, footers, padding pages.
#include "layout/display_list.h"
#include "model/document.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags);

}  // namespace lp
