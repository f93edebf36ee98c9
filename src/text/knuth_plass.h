#pragma once
// Internal to src/text: choosing line breaks over boxes, glue and penalties.
//
// Written by hand: no maintained C++ library runs Knuth and Plass's total-fit algorithm over
// HarfBuzz output (TeX, boxes-and-glue and SILE each carry their own). This follows the
// algorithm as Knuth and Plass describe it ("Breaking Paragraphs into Lines", 1981) and TeX
// uses it (§813–890 of "TeX: The Program"): badness from the stretch or shrink ratio, demerits
// with line, hyphen, double-hyphen, final-hyphen and adjacent-fitness terms, and passes of
// rising tolerance ending in one that always succeeds.
#include <cstddef>
#include <vector>

namespace lp {

struct BreakItem {
  enum class Kind : unsigned char { Box, Glue, Penalty };
  Kind kind = Kind::Box;
  bool flagged = false;    // a penalty that shows a hyphen
  bool automatic = false;  // a hyphenation point found by the patterns: not tried in the first pass
  double width = 0, stretch = 0, shrink = 0;
  int penalty = 0;  // penalties only: kInfinitePenalty forbids a break, -kInfinitePenalty forces one

  static BreakItem box(double w) { return {Kind::Box, false, false, w, 0, 0, 0}; }
  static BreakItem glue(double w, double stretch, double shrink) {
    return {Kind::Glue, false, false, w, stretch, shrink, 0};
  }
  static BreakItem make_penalty(double w, int p, bool flagged, bool automatic = false) {
    return {Kind::Penalty, flagged, automatic, w, 0, 0, p};
  }
};

constexpr int kInfinitePenalty = 10000;
constexpr int kInfiniteBadness = 10000;

struct BreakParams {
  double tolerance = 200;     // the largest badness allowed (TeX's \tolerance)
  double pretolerance = 100;  // the first pass, without hyphenation; negative skips it
  int line_penalty = 10;
  int double_hyphen_demerits = 10000;
  int final_hyphen_demerits = 5000;
  // A paragraph that ends in a fragment of a hyphenated word ("de-/cisions."): a last line under a
  // third of the measure after a hyphen, as good as forbidden.
  double final_fragment_demerits = 1e7;
  int adjacent_demerits = 10000;  // lines of fitness classes more than one apart
  double emergency_stretch = 0;   // added to every line in the third pass
  double line_stretch = 0;        // stretch every line has at its end (ragged setting)
};

struct ChosenBreak {
  size_t item = 0;     // the index of the glue or penalty broken at
  double ratio = 0;    // the line's stretch (>0) or shrink (<0) ratio
  int fitness = 2;     // 0 very loose, 1 loose, 2 decent, 3 tight
  bool overfull = false;
};

struct BreakResult {
  std::vector<ChosenBreak> breaks;  // one per line; the last is the paragraph's end
  double demerits = 0;
  int pass = 1;  // 1 without hyphens, 2 with, 3 with emergency stretch, 4 overfull allowed
};

// Storage the breaker reuses from one paragraph to the next.
struct BreakWorkspace {
  std::vector<double> width, stretch, shrink;
  std::vector<size_t> next_start;
  struct Node {
    size_t item;
    int fitness;
    bool flagged, overfull;
    double total, ratio;
    int previous;
  };
  std::vector<Node> nodes;
  std::vector<int> active, survivors;
};

// Items must end with a forced break (a penalty of -kInfinitePenalty).
BreakResult break_total_fit(const std::vector<BreakItem>& items, double line_width, const BreakParams& params,
                            BreakWorkspace* workspace = nullptr);

// First fit: each line takes as much as fits at natural width (the old behaviour), scored with
// the same demerits so the two can be compared.
BreakResult break_first_fit(const std::vector<BreakItem>& items, double line_width, const BreakParams& params);

// The demerits of a line ending at `item` with badness, for both breakers and the tests.
double line_demerits(int badness, int penalty, const BreakParams& params);
int badness(double shortfall, double stretch_or_shrink);

}  // namespace lp
