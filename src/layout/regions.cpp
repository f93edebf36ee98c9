#include "layout/regions.h"

#include <algorithm>

namespace lp {

Regions Regions::inset(Pt left, Pt right) const {
  Regions r = *this;
  r.width = width - left - right;
  r.left_on_right += left;
  r.left_on_left += left;
  return r;
}

Regions Regions::below(Pt used) const {
  Regions r = *this;
  r.first = std::max(Pt(0), first - used);
  r.first_fresh = first_fresh && used <= Pt(0);
  return r;
}

Regions Regions::from(size_t i) const {
  if (i == 0) return *this;
  Regions r = *this;
  r.first = full;
  r.first_fresh = true;
  r.first_right_hand = (i % 2 == 0) == first_right_hand;
  return r;
}

std::vector<size_t> split_pieces(const std::vector<Piece>& pieces, const Regions& regions, Pt head, Pt foot, bool* overflow,
                                 bool head_in_first) {
  constexpr double kSlack = 0.01;
  std::vector<size_t> where(pieces.size());
  size_t region = 0;
  for (size_t i = 0; i < pieces.size(); ++region) {
    const Pt room = regions.height(region);
    Pt h = (i == 0 && !head_in_first ? Pt(0) : head) + foot;
    size_t fits = i, last_break = i;
    while (fits < pieces.size()) {
      const Pt need = h + (fits > i ? pieces[fits - 1].gap : Pt(0)) + pieces[fits].height;
      if (need.value > room.value + kSlack) break;
      h = need;
      ++fits;
      if (fits == pieces.size() || pieces[fits - 1].break_after) last_break = fits;
    }
    size_t end = fits == pieces.size() ? fits : last_break;
    if (end == i && regions.fresh(region)) {
      // Nothing that may stand alone fits a region with nothing above: give up the keeps here.
      end = std::max(fits, i + 1);
      if (overflow && fits == i) *overflow = true;
    }
    for (size_t k = i; k < end; ++k) where[k] = region;
    i = end;
    if (region > pieces.size() + 1) break;  // cannot happen: a fresh region always takes one
  }
  return where;
}

std::vector<Piece> line_pieces(const std::vector<Pt>& heights, size_t keep_first, size_t keep_last) {
  std::vector<Piece> out;
  const size_t n = heights.size();
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t before = i + 1, after = n - i - 1;
    out.push_back(Piece{heights[i], Pt(0), before >= keep_first && after >= keep_last});
  }
  if (!out.empty()) out.back().break_after = true;
  return out;
}

}  // namespace lp
