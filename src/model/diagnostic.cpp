#include "model/diagnostic.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
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
  items_.push_back({Severity::Error, std::move(file), pos, std::move(message), {}});
}

void Diagnostics::warning(std::string file, SourcePos pos, std::string message) {
  items_.push_back({Severity::Warning, std::move(file), pos, std::move(message), {}});
}

void Diagnostics::warning_once(std::string subject, std::string file, SourcePos pos, std::string message) {
  items_.push_back({Severity::Warning, std::move(file), pos, std::move(message), std::move(subject)});
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

namespace {

// The place of the first `subject` at or after `from` in `text` (lines and byte columns from 1).
SourcePos find_from(const std::string& text, SourcePos from, const std::string& subject) {
  size_t offset = 0;
  for (int line = 1; line < from.line && offset != std::string::npos; ++line) {
    offset = text.find('\n', offset);
    if (offset != std::string::npos) ++offset;
  }
  if (offset == std::string::npos) return from;
  const size_t at = text.find(subject, offset + static_cast<size_t>(std::max(0, from.column - 1)));
  if (at == std::string::npos) return from;  // written as an escape: the scalar's place will do
  const size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  SourcePos pos;
  pos.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  pos.column = static_cast<int>(at - (line_start == std::string::npos || at == 0 ? 0 : line_start + 1)) + 1;
  return pos;
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Once {
  size_t index;  // in the merged list
  std::vector<std::string> editions;
  std::vector<SourcePos> places;
};

std::string names(const std::vector<std::string>& list) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i)
    out += (i == 0 ? "" : i + 1 == list.size() ? " and " : ", ") + list[i];
  return out;
}

}  // namespace

Diagnostics merge_editions(const std::vector<std::pair<std::string, const Diagnostics*>>& editions) {
  Diagnostics out;
  std::vector<Diagnostic> merged;
  std::map<std::tuple<Severity, std::string, std::string>, Once> once;
  // What an earlier edition said word for word (e.g. of a font that two editions embed).
  std::set<std::tuple<Severity, std::string, int, int, std::string>> said_before, said;
  for (const auto& [edition, diags] : editions) {
    said_before.insert(said.begin(), said.end());
    for (const auto& d : diags->all()) {
      if (d.once.empty()) {
        auto key = std::make_tuple(d.severity, d.file, d.pos.line, d.pos.column, d.message);
        if (said_before.count(key)) continue;
        said.insert(std::move(key));
        merged.push_back(d);
        continue;
      }
      auto [it, fresh] = once.try_emplace({d.severity, d.file, d.once}, Once{merged.size(), {}, {}});
      if (fresh) merged.push_back(d);
      Once& o = it->second;
      if (o.editions.empty() || o.editions.back() != edition) o.editions.push_back(edition);
      o.places.push_back(d.pos);
    }
  }
  std::map<std::string, std::string> texts;
  for (auto& [key, o] : once) {
    Diagnostic& d = merged[o.index];
    auto text = texts.find(d.file);
    if (text == texts.end()) text = texts.emplace(d.file, file_text(d.file)).first;
    std::set<std::pair<int, int>> places;
    for (const SourcePos& p : o.places) {
      const SourcePos at = find_from(text->second, p, d.once);
      places.emplace(at.line, at.column);
    }
    d.pos = SourcePos{places.begin()->first, places.begin()->second};
    std::string also;
    size_t shown = 0;
    for (auto p = std::next(places.begin()); p != places.end() && shown < 3; ++p, ++shown)
      also += fmt::format("{}{}:{}", shown ? ", " : "; also at ", p->first, p->second);
    if (places.size() > 4) also += fmt::format(" and {} more", places.size() - 4);
    d.message += fmt::format(" (in {}{})", names(o.editions), also);
  }
  for (auto& d : merged) {
    if (d.severity == Severity::Error) out.error(d.file, d.pos, d.message);
    else out.warning(d.file, d.pos, d.message);
  }
  return out;
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
