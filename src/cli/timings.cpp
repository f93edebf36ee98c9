#include "cli/timings.h"

#include <fmt/format.h>
#include <sys/resource.h>

namespace lp {

namespace {

std::string join(const std::vector<StageTime>& stages) {
  std::string out;
  for (const auto& s : stages) {
    out += fmt::format("{}{} {:.1f} ms", out.empty() ? "" : ", ", s.stage, s.seconds * 1e3);
    if (s.peak_rss_mib > 0) out += fmt::format(" (peak RSS {:.1f} MiB)", s.peak_rss_mib);
  }
  return out;
}

}  // namespace

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

std::string format_timings(const std::vector<StageTime>& shared,
                           const std::vector<std::pair<std::string, std::vector<StageTime>>>& editions,
                           double total_seconds) {
  std::string out = fmt::format("timings: {}\n", join(shared));
  for (const auto& [name, stages] : editions)
    if (!stages.empty()) out += fmt::format("timings: {}: {}\n", name, join(stages));
  out += fmt::format("timings: total {:.1f} ms wall (editions in parallel), peak RSS {:.1f} MiB\n",
                     total_seconds * 1e3, peak_rss_mib());
  return out;
}

}  // namespace lp
