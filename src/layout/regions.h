#pragma once
// Internal to src/layout: the space a block is laid out into, and what it gives back.
//
// A block is given regions: the room left in the frame of this page, then whole frames of the
// pages after it. It returns a fragment: one frame per region it used, each as tall as what it
// holds. The first frame may be empty: nothing of the block fits where the flow stands, and it
// begins in the next region. Measuring is laying out and keeping only the sizes.
#include <cstddef>
#include <vector>

#include "layout/frame.h"

namespace lp {

struct Regions {
  Pt width;                // the measure, the same in every region
  Pt first;                // height left in the first region
  Pt full;                 // height of every region after it
  bool first_fresh = true;  // nothing above in the first region: what comes must go there
  // Where the frames lie on their pages, for what reaches into the bleed: the frame's left edge
  // from the trim's on right-hand and on left-hand pages, the trim's width and the bleed.
  Pt left_on_right, left_on_left, page_width, bleed;
  bool first_right_hand = true;
  // Set when a block asks which hand its pages are (left()): a layout made ahead of the flow
  // for a guessed hand holds only for that hand then.
  bool* hand_asked = nullptr;

  Pt height(size_t i) const { return i == 0 ? first : full; }
  bool fresh(size_t i) const { return i > 0 || first_fresh; }
  Pt left(size_t i) const {
    if (hand_asked) *hand_asked = true;
    return (i % 2 == 0) == first_right_hand ? left_on_right : left_on_left;
  }
  // The same regions with `inset` taken off the left and `right` off the right.
  Regions inset(Pt left, Pt right) const;
  // The regions that remain below `used` in the first (`fresh_first`: nothing above still).
  Regions below(Pt used) const;
  // The regions from the `i`-th on.
  Regions from(size_t i) const;
};

struct Fragment {
  std::vector<Frame> frames;  // one per region used; frames[0] may be empty (moved on)
  Pt last_height() const { return frames.empty() ? Pt(0) : frames.back().height; }
};

// A piece of a vertical sequence (a line, a row, a panel, an entry) for the splitter: its
// height, the space after it when the next piece stays in the same frame, and whether a frame
// may end after it.
struct Piece {
  Pt height;
  Pt gap;
  bool break_after = true;
};

// Which region each piece goes to, filling each region in turn and ending a region only where
// a piece allows it. Every frame adds `head` above its pieces and `foot` below them (a panel's
// padding, a table's repeated header row). Where no allowed break fits a fresh region, the
// region ends where the pieces overflow it, or after one piece too tall for any region, so that
// the splitting always ends; `overflow` is set then.
// `head_in_first` false: the frame holding the first piece has no head (a table's header row,
// repeated only where the table goes on).
std::vector<size_t> split_pieces(const std::vector<Piece>& pieces, const Regions& regions, Pt head = Pt(0), Pt foot = Pt(0),
                                 bool* overflow = nullptr, bool head_in_first = true);

// The same for lines of text: at least two lines on either side of a break (orphans, widows),
// `gap` after the last line of each piece. Returns the region of each line.
std::vector<Piece> line_pieces(const std::vector<Pt>& heights, size_t keep_first = 2, size_t keep_last = 2);

}  // namespace lp
