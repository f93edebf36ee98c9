#include "model/diagnostic.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <fmt/format.h>

namespace lp {

std::string format_diagnostic(const Diagnostic& d) {
  const char* kind = d.severity == Severity::Error ? "error" : "warning";
  if (d.pos.line > 0) return fmt::format("{}:{}:{}: {}: {}", d.file, d.pos.line, d.pos.column, kind, d.message);
  return fmt::format("{}: {}: {}", d.file, kind, d.message);
}

void Diagnostics::error(std::string file, SourcePos pos, std::string message) {
  items_.push_back({Severity::Error, std::move(file), pos, std::move(message)});
}

void Diagnostics::warning(std::string file, SourcePos pos, std::string message) {
  items_.push_back({Severity::Warning, std::move(file), pos, std::move(message)});
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warning_count() const {
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_) d.severity = Severity::Error;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::append_unique(const Diagnostics& other) {
  using Key = std::tuple<Severity, std::string, int, int, std::string>;
  auto key = [](const Diagnostic& d) { return Key{d.severity, d.file, d.pos.line, d.pos.column, d.message}; };
  std::set<Key> seen;
  for (const auto& d : items_) seen.insert(key(d));
  for (const auto& d : other.items_)
    if (seen.insert(key(d)).second) items_.push_back(d);
}

static size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace lp
