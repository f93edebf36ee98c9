#include "layout/stack.h"

#include <fmt/format.h>

#include <memory>

namespace lp {

void Stack::add_lines(std::vector<Line> lines, Pt x, Pt gap_after, bool keep_with_next) {
  std::vector<Pt> heights;
  for (const auto& l : lines) heights.push_back(l.height);
  std::vector<Piece> pieces = line_pieces(heights);
  auto shared = std::make_shared<std::vector<Line>>(std::move(lines));
  for (size_t i = 0; i < pieces.size(); ++i) {
    const bool last = i + 1 == pieces.size();
    add(pieces[i].height, last ? gap_after : Pt(0), pieces[i].break_after && !(last && keep_with_next),
        [shared, i, x](Frame& f, Pt top) { draw_line(f, std::move((*shared)[i]), x, top); });
  }
}

void Stack::open(Role role, uint32_t id, int level, std::string alt) {
  TagItem tag{true, role, id, level, {}, std::move(alt), {}};
  tags_before_.back().push_back(tag);
  open_.push_back(tag);
}

void Stack::close() {
  TagItem tag = open_.back();
  tag.start = false;
  tags_before_.back().push_back(tag);
  open_.pop_back();
}

Pt Stack::total_height() const {
  Pt h;
  for (size_t i = 0; i < pieces_.size(); ++i) h += pieces_[i].height + (i + 1 < pieces_.size() ? pieces_[i].gap : Pt(0));
  return h;
}

Fragment Stack::lay_out(const Regions& regions, LayoutContext& ctx, SourcePos pos, const char* what, Pt head, Pt foot,
                        const Around& around, const Around& over) {
  bool overflow = false;
  const std::vector<size_t> where = split_pieces(pieces_, regions, head, foot, &overflow, head_in_first_);
  if (overflow) ctx.overflow(pos, fmt::format("{} is taller than a page and runs past the frame", what));
  Fragment out;
  const size_t regions_used = where.empty() ? 1 : where.back() + 1;
  out.frames.resize(regions_used);
  tops_.assign(pieces_.size(), Pt(0));
  size_t i = 0;
  std::vector<TagItem> open;  // the elements open where the frame before ended
  size_t written = 0;         // of the tags before piece i, those the frame before took
  auto write_tags = [&](Frame& f, size_t before, bool ends_only) {
    const auto& tags = tags_before_[before];
    for (; written < tags.size() && (!ends_only || !tags[written].start); ++written) {
      f.push(tags[written]);
      if (tags[written].start) open.push_back(tags[written]);
      else open.pop_back();
    }
  };
  for (size_t r = 0; r < regions_used; ++r) {
    Frame& f = out.frames[r];
    f.width = regions.width;
    const size_t first = i;
    Pt y = i == 0 && !head_in_first_ ? Pt(0) : head;
    for (; i < where.size() && where[i] == r; ++i) {
      if (i == first)
        for (const TagItem& t : open) f.push(t);
      write_tags(f, i, false);
      written = 0;
      if (i > first) y += pieces_[i - 1].gap;
      tops_[i] = y;
      draws_[i](f, y);
      y += pieces_[i].height;
    }
    if (i == first) continue;  // nothing here: the stack begins in the next region
    // Elements that end where the frame does are closed in it, the others closed and opened
    // again in the next frame.
    write_tags(f, i, i < where.size());
    if (i == where.size()) written = 0;
    for (auto t = open.rbegin(); t != open.rend(); ++t) f.push(TagItem{false, t->role, t->id, 0, {}, {}, {}});
    f.height = y + foot;
    if (over) over(f, r, first, i, f.height);
    if (around) {
      // Decorations go beneath the pieces: backgrounds first.
      Frame under;
      around(under, r, first, i, f.height);
      reserve_more(under.items, f.items.size());
      for (auto& item : f.items) under.items.push_back(std::move(item));
      f.items = std::move(under.items);
    }
  }
  return out;
}

}  // namespace lp
