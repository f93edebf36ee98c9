#include "text/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp {

int badness(double shortfall, double stretch_or_shrink) {
  if (shortfall <= 0) return 0;
  if (stretch_or_shrink <= 0) return kInfiniteBadness;
  const double r = shortfall / stretch_or_shrink;
  if (r > 4.65) return kInfiniteBadness;  // 100 r³ would pass 10000
  return std::min(kInfiniteBadness, static_cast<int>(std::lround(100 * r * r * r)));
}

double line_demerits(int bad, int penalty, const BreakParams& params) {
  const double l = params.line_penalty + bad;
  double d = l * l;
  if (penalty > 0) d += static_cast<double>(penalty) * penalty;
  else if (penalty > -kInfinitePenalty) d -= static_cast<double>(penalty) * penalty;
  return d;
}

namespace {

using Kind = BreakItem::Kind;
constexpr size_t kStart = std::numeric_limits<size_t>::max();

int fitness_class(double ratio) {
  if (ratio < -0.5) return 3;
  if (ratio <= 0.5) return 2;
  if (ratio <= 1) return 1;
  return 0;
}

// Running sums of width, stretch and shrink, so a line's totals are two subtractions.
struct Sums {
  std::vector<double>& width;
  std::vector<double>& stretch;
  std::vector<double>& shrink;
  std::vector<size_t>& next_start;  // where a line after a break at i begins

  Sums(const std::vector<BreakItem>& items, BreakWorkspace& ws)
      : width(ws.width), stretch(ws.stretch), shrink(ws.shrink), next_start(ws.next_start) {
    const size_t n = items.size();
    width.assign(n + 1, 0);
    stretch.assign(n + 1, 0);
    shrink.assign(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      const bool counts = items[i].kind != Kind::Penalty;
      width[i + 1] = width[i] + (counts ? items[i].width : 0);
      stretch[i + 1] = stretch[i] + (counts ? items[i].stretch : 0);
      shrink[i + 1] = shrink[i] + (counts ? items[i].shrink : 0);
    }
    // Glue and penalties after a break are discarded up to the next box or forced break.
    next_start.assign(n + 1, n);
    size_t start = n;
    for (size_t i = n; i-- > 0;) {
      next_start[i] = start;
      const auto& it = items[i];
      const bool discardable =
          it.kind == Kind::Glue || (it.kind == Kind::Penalty && it.penalty > -kInfinitePenalty);
      if (!discardable) start = i;
    }
  }
};

bool legal_break(const std::vector<BreakItem>& items, size_t i, bool hyphens) {
  const auto& it = items[i];
  if (it.kind == Kind::Penalty) return it.penalty < kInfinitePenalty && (hyphens || !it.automatic);
  if (it.kind == Kind::Glue) return i > 0 && items[i - 1].kind == Kind::Box;
  return false;
}

using Node = BreakWorkspace::Node;
constexpr Node kStartNode{kStart, 2, false, false, 0, 0, -1};

struct Line {
  double width = 0, stretch = 0, shrink = 0;
};

Line measure(const Sums& sums, const std::vector<BreakItem>& items, size_t from, size_t to, const BreakParams& p,
             double extra_stretch) {
  const size_t start = from == kStart ? 0 : sums.next_start[from];
  Line l;
  if (start > to) return l;
  l.width = sums.width[to] - sums.width[start] + (items[to].kind == Kind::Penalty ? items[to].width : 0);
  l.stretch = sums.stretch[to] - sums.stretch[start] + p.line_stretch + extra_stretch;
  l.shrink = sums.shrink[to] - sums.shrink[start];
  return l;
}

// One pass; false when no way through the paragraph stays within the tolerance.
bool run_pass(const std::vector<BreakItem>& items, const Sums& sums, double line_width, const BreakParams& p,
              double tolerance, bool hyphens, double extra_stretch, bool final_pass, BreakWorkspace& ws,
              BreakResult& out) {
  std::vector<Node>& pool = ws.nodes;
  std::vector<int>& active = ws.active;
  std::vector<int>& survivors = ws.survivors;
  pool.assign(1, kStartNode);
  active.assign(1, 0);
  for (size_t b = 0; b < items.size(); ++b) {
    if (!legal_break(items, b, hyphens)) continue;
    const BreakItem& here = items[b];
    const bool forced = here.kind == Kind::Penalty && here.penalty <= -kInfinitePenalty;
    struct Candidate {
      double total = std::numeric_limits<double>::infinity();
      int from = -1;
      double ratio = 0;
      bool overfull = false;
    } best[4];
    double least = std::numeric_limits<double>::infinity();
    survivors.clear();
    for (size_t ai = 0; ai < active.size(); ++ai) {
      const int a = active[ai];
      const Node& node = pool[a];
      const size_t start = node.item == kStart ? 0 : sums.next_start[node.item];
      if (start > b) {  // nothing on the line yet
        survivors.push_back(a);
        continue;
      }
      const Line line = measure(sums, items, node.item, b, p, extra_stretch);
      const double shortfall = line_width - line.width;
      double ratio = 0;
      int bad = 0;
      bool too_long = false;
      if (shortfall > 0) {
        ratio = line.stretch > 0 ? shortfall / line.stretch : std::numeric_limits<double>::infinity();
        bad = badness(shortfall, line.stretch);
      } else if (shortfall < 0) {
        ratio = line.shrink > 0 ? shortfall / line.shrink : -std::numeric_limits<double>::infinity();
        too_long = ratio < -1;
        bad = too_long ? kInfiniteBadness + 1 : badness(-shortfall, line.shrink);
      }
      const bool remove = too_long || forced;
      if (!remove) survivors.push_back(a);
      bool feasible = !too_long && bad <= tolerance;
      bool artificial = false;
      // The last chance of the final pass: a line too long is taken rather than no line at all.
      if (!feasible && too_long && final_pass && least == std::numeric_limits<double>::infinity() &&
          survivors.empty() && ai + 1 == active.size()) {
        feasible = artificial = true;
      }
      if (!feasible) continue;
      double d = artificial ? 0 : line_demerits(bad, here.kind == Kind::Penalty ? here.penalty : 0, p);
      if (here.flagged && node.flagged) d += p.double_hyphen_demerits;
      if (forced && node.flagged) d += p.final_hyphen_demerits;
      if (forced && node.flagged && line.width < line_width / 3) d += p.final_fragment_demerits;
      const int fit = std::isinf(ratio) && ratio > 0 ? 0 : fitness_class(ratio);
      if (std::abs(fit - node.fitness) > 1 && node.item != kStart) d += p.adjacent_demerits;
      const double total = node.total + d;
      if (total < best[fit].total) best[fit] = {total, a, ratio, too_long};
      least = std::min(least, total);
    }
    active.swap(survivors);
    for (int f = 0; f < 4; ++f) {
      if (best[f].from < 0 || best[f].total > least + p.adjacent_demerits) continue;
      pool.push_back({b, f, here.flagged, best[f].overfull, best[f].total, best[f].ratio, best[f].from});
      active.push_back(static_cast<int>(pool.size() - 1));
    }
    if (active.empty()) return false;
  }
  // The best node at the paragraph's end.
  int best = -1;
  for (int a : active)
    if (pool[a].item == items.size() - 1 && (best < 0 || pool[a].total < pool[best].total)) best = a;
  if (best < 0) return false;
  out.breaks.clear();
  out.demerits = pool[best].total;
  for (int n = best; n > 0; n = pool[n].previous)
    out.breaks.push_back({pool[n].item, pool[n].ratio, pool[n].fitness, pool[n].overfull});
  std::reverse(out.breaks.begin(), out.breaks.end());
  return true;
}

}  // namespace

BreakResult break_total_fit(const std::vector<BreakItem>& items, double line_width, const BreakParams& params,
                            BreakWorkspace* workspace) {
  BreakResult result;
  if (items.empty()) return result;
  BreakWorkspace own;
  BreakWorkspace& ws = workspace ? *workspace : own;
  const Sums sums(items, ws);
  if (params.pretolerance >= 0 &&
      run_pass(items, sums, line_width, params, params.pretolerance, false, 0, false, ws, result)) {
    result.pass = 1;
    return result;
  }
  if (run_pass(items, sums, line_width, params, params.tolerance, true, 0, false, ws, result)) {
    result.pass = 2;
    // Ending on a fragment of a hyphenated word was all this pass found: the emergency pass may
    // find a looser line better.
    if (result.demerits < params.final_fragment_demerits) return result;
    BreakResult looser;
    run_pass(items, sums, line_width, params, kInfiniteBadness, true, params.emergency_stretch, true, ws, looser);
    if (looser.demerits < result.demerits) {
      looser.pass = 3;
      return looser;
    }
    return result;
  }
  // Emergency stretch, any badness, and if a line still cannot fit, an overfull one.
  run_pass(items, sums, line_width, params, kInfiniteBadness, true, params.emergency_stretch, true, ws, result);
  result.pass = 3;
  return result;
}

BreakResult break_first_fit(const std::vector<BreakItem>& items, double line_width, const BreakParams& params) {
  BreakResult result;
  if (items.empty()) return result;
  BreakWorkspace ws;
  const Sums sums(items, ws);
  size_t from = kStart;
  size_t candidate = kStart;
  int last_fitness = 2;
  bool last_flagged = false;
  auto take = [&](size_t b) {
    const Line line = measure(sums, items, from, b, params, 0);
    const double shortfall = line_width - line.width;
    double ratio = 0;
    int bad = 0;
    if (shortfall > 0) {
      ratio = line.stretch > 0 ? shortfall / line.stretch : 100;
      bad = badness(shortfall, line.stretch);
    } else if (shortfall < 0) {
      ratio = line.shrink > 0 ? shortfall / line.shrink : -100;
      bad = ratio < -1 ? kInfiniteBadness : badness(-shortfall, line.shrink);
    }
    const BreakItem& here = items[b];
    const bool forced = here.kind == Kind::Penalty && here.penalty <= -kInfinitePenalty;
    double d = line_demerits(bad, here.kind == Kind::Penalty ? here.penalty : 0, params);
    if (here.flagged && last_flagged) d += params.double_hyphen_demerits;
    if (forced && last_flagged) d += params.final_hyphen_demerits;
    if (forced && last_flagged && line.width < line_width / 3) d += params.final_fragment_demerits;
    const int fit = fitness_class(ratio);
    if (std::abs(fit - last_fitness) > 1 && from != kStart) d += params.adjacent_demerits;
    result.demerits += d;
    result.breaks.push_back({b, ratio, fit, ratio < -1});
    last_fitness = fit;
    last_flagged = here.flagged;
    from = b;
    candidate = kStart;
  };
  for (size_t b = 0; b < items.size(); ++b) {
    if (!legal_break(items, b, false)) continue;
    const bool forced = items[b].kind == Kind::Penalty && items[b].penalty <= -kInfinitePenalty;
    const Line line = measure(sums, items, from, b, params, 0);
    if (line.width > line_width && candidate != kStart) {
      take(candidate);
      // The rest from the new start up to here may itself be a line end.
    }
    if (forced) {
      take(b);
      continue;
    }
    candidate = b;
  }
  return result;
}

}  // namespace lp
