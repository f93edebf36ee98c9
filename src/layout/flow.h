#pragma once
// Blocks flowing down the pages of one edition: the cover, sections, footers, padding pages.
#include "layout/display_list.h"
#include "model/document.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp {

// How much of a layout a second thread did: `taken` of `count` sections or paragraphs.
struct AheadCounts {
  size_t taken = 0, count = 0;
  const char* what = "";
};

struct LayoutOptions {
  // Lay the sections out (or set their paragraphs) on a second thread as well: a core is spare.
  bool second_thread = false;
  // Where to say how much that thread did.
  AheadCounts* ahead_counts = nullptr;
};

// Sends the edition's pages to `sink` as they are finished; returns how many there are.
size_t lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags, PageSink& sink,
               const LayoutOptions& options = {});
// The same, kept whole in memory.
DisplayList lay_out(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Diagnostics& diags,
                    const LayoutOptions& options = {});

}  // namespace lp
