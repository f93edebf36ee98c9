#pragma once
// Blocks flowing down the pages of one edition: the cover, sections, footers, padding pages.
#include <utility>

#include "layout/display_list.h"
#include "model/document.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

struct LayoutOptions {
  // Set the sections' paragraphs on a thread of their own as well (when a core is spare).
  bool paragraphs_ahead = false;
  // Where to say how many of them the flow took from that thread, of how many.
  std::pair<size_t, size_t>* ahead_counts = nullptr;
};

// Sends the edition's pages to `sink` as they are finished; returns how many there are.
size_t lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags, PageSink& sink,
               const LayoutOptions& options = {});
// The same, kept whole in memory.
DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags,
                    const LayoutOptions& options = {});

}  // namespace lp
