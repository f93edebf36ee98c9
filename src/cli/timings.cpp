#include "cli/timings.h"

#include <fmt/format.h>

namespace lp {

namespace {

std::string join(const std::vector<StageTime>& stages) {
  std::string out;
  for (const auto& s : stages) out += fmt::format("{}{} {:.1f} ms", out.empty() ? "" : ", ", s.stage, s.seconds * 1e3);
  return out;
}

}  // namespace

std::string format_timings(const std::vector<StageTime>& shared,
                           const std::vector<std::pair<std::string, std::vector<StageTime>>>& editions,
                           double total_seconds) {
  std::string out = fmt::format("timings: {}\n", join(shared));
  for (const auto& [name, stages] : editions) out += fmt::format("timings: {}: {}\n", name, join(stages));
  out += fmt::format("timings: total {:.1f} ms wall (editions in parallel)\n", total_seconds * 1e3);
  return out;
}

}  // namespace lp
