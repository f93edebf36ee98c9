#pragma once
// Internal to src/layout: every block kind's layout, one file each under components/. Each lays
// its block out into the regions it is given and returns a fragment (regions.h); none draws at
// a shared cursor, and laying out again gives the same frames.
#include "layout/context.h"
#include "layout/regions.h"

namespace lp {

// Lines of one text, tagged `role` (a heading: `level`; `lang`, when not the report's language),
// split with two lines either side.
Fragment lay_out_lines(std::vector<Line> lines, const Regions& regions, LayoutContext& ctx, SourcePos pos, Role role,
                       int level = 0, const std::string& lang = {});

class Stack;
// A component's own heading (a chart's title, a puzzle's): a subheading, bookmarked, kept with
// what follows, `gap` below it.
void add_heading(Stack& stack, const InlineText& title, Pt width, LayoutContext& ctx, Pt gap);

// A word search's grid (the solution: with every word marked), centred in `width`.
Frame word_search_grid(const WordSearchGrid& grid, Pt cell, bool solution, Pt width, LayoutContext& ctx);
// The grid's alt text: "Word search, 12 by 12 letters: find A, B, …", the words in the list's
// order; for the solution, where each word is ("A: row 1, column 3, across").
std::string word_search_alt(const WordSearch& ws, const WordSearchGrid& grid, bool solution);

Fragment lay_out(const ListBlock& list, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Quote& quote, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Quotes& quotes, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Callout& callout, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Image& image, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const People& people, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Timeline& timeline, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Stats& stats, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Chart& chart, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const WordSearch& search, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Quiz& quiz, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const SpotTheDifference& spot, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Answers& answers, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Contact& contact, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Table& table, const Regions& regions, LayoutContext& ctx);
Fragment lay_out(const Lettering& lettering, const Regions& regions, LayoutContext& ctx);

}  // namespace lp
