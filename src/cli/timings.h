#pragma once
// --timings: wall time per stage, printed to stderr in the order the stages were recorded.
#include <chrono>
#include <string>
#include <vector>

namespace lp {

class Stopwatch {
 public:
  // Seconds since construction or the previous lap.
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

struct StageTime {
  std::string stage;  // "load", "fonts", "booklet: layout", ...
  double seconds = 0;
  double peak_rss_mib = 0;  // when given: the whole process's peak RSS when the stage ended
};

// The process's peak resident set so far, in MiB (getrusage).
double peak_rss_mib();

// "timings: load 2.1 ms, fonts 4.0 ms, ...", one line per group (the whole build, then each
// edition), then the total wall time and the peak RSS.
std::string format_timings(const std::vector<StageTime>& shared, const std::vector<std::pair<std::string, std::vector<StageTime>>>& editions,
                           double total_seconds);

}  // namespace lp
