#pragma once
// Blocks flowing down the pages of one edition: the cover, sections, footers, padding pages.
#include "layout/display_list.h"
#include "model/document.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

// Sends the edition's pages to `sink` as they are finished; returns how many there are.
size_t lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags, PageSink& sink);
// The same, kept whole in memory.
DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags);

}  // namespace lp
