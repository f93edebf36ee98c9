#pragma once
// Internal to src/layout: a component as a vertical stack of pieces (lines, rows, panels,
// entries), each drawn by a function of its own at the place the splitting gives it, and
// decorations drawn around each frame's share (a panel's background, a spine, a rule).
#include <functional>
#include <vector>

#include "layout/context.h"
#include "layout/regions.h"

namespace lp {

class Stack {
 public:
  using Draw = std::function<void(Frame&, Pt top)>;
  // Called for each frame the stack reaches, to draw beneath its pieces: the frame, its region,
  // the index of its first piece and one past its last, and the frame's height.
  using Around = std::function<void(Frame&, size_t region, size_t first, size_t end, Pt height)>;

  void add(Pt height, Pt gap, bool break_after, Draw draw) {
    pieces_.push_back(Piece{height, gap, break_after});
    draws_.push_back(std::move(draw));
    tags_before_.emplace_back();
  }
  // Lines set as one text: drawn at `x`, breakable after any line that leaves two on either side.
  void add_lines(std::vector<Line> lines, Pt x, Pt gap_after, bool keep_with_next = false);
  // A semantic element around the pieces added until close(): its tags are written around its
  // share of every frame it reaches.
  void open(Role role, uint32_t id, int level = 0, std::string alt = "");
  void close();
  // The piece added last (or piece `i`) may not end a frame.
  void no_break() {
    if (!pieces_.empty()) pieces_.back().break_after = false;
  }
  void no_break_after(size_t i) { pieces_[i].break_after = false; }
  // The space after the piece added last, when the next stays in its frame.
  void set_gap(Pt gap) {
    if (!pieces_.empty()) pieces_.back().gap = gap;
  }
  bool empty() const { return pieces_.empty(); }
  // The frame that holds the first piece has no head (see split_pieces).
  void no_head_in_first() { head_in_first_ = false; }
  size_t size() const { return pieces_.size(); }
  Pt total_height() const;
  // Where a piece went in its frame (while lay_out draws the decorations, and after).
  Pt top_of(size_t piece) const { return tops_[piece]; }
  Pt height_of_piece(size_t piece) const { return pieces_[piece].height; }

  // Splits the pieces over the regions (`head` and `foot` added to every frame), draws them,
  // the decorations beneath them (`around`) and what goes after them in each frame (`over`). A piece too tall for a whole region is placed anyway and reported at
  // `pos` as `what`.
  Fragment lay_out(const Regions& regions, LayoutContext& ctx, SourcePos pos, const char* what, Pt head = Pt(0),
                   Pt foot = Pt(0), const Around& around = {}, const Around& over = {});

 private:
  std::vector<Piece> pieces_;
  std::vector<Draw> draws_;
  // Tags to write before each piece (the last entry: after them all).
  std::vector<std::vector<TagItem>> tags_before_{1};
  std::vector<TagItem> open_;
  std::vector<Pt> tops_;
  bool head_in_first_ = true;
};

}  // namespace lp
