#include "text/line_breaks.h"

#include <unicode/utext.h>

namespace lp {

LineBreakFinder::LineBreakFinder(const icu::Locale& locale, LineBreakStore* shared)
    : locale_(locale.getName()), shared_(shared) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createLineInstance(locale, status));
  if (U_FAILURE(status) || !iterator_) {
    status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  }
}

LineBreakFinder::~LineBreakFinder() { utext_close(utext_); }

namespace {

constexpr size_t kLongestKnown = 256;   // bytes: longer texts (most paragraphs) are not kept
constexpr size_t kMostKnown = 4096;     // texts kept before the table starts again

}  // namespace

const std::string& LineBreakStore::key(std::string_view locale, std::string_view text) {
  thread_local std::string k;
  k.assign(locale).push_back('\0');
  k.append(text);
  return k;
}

bool LineBreakStore::find(const std::string& key, std::vector<BreakOpportunity>& out) const {
  std::lock_guard lock(mutex_);
  const auto it = known_.find(key);
  if (it == known_.end()) return false;
  out.clear();
  for (uint32_t b : it->second) out.push_back({b >> 1, (b & 1) != 0});
  return true;
}

void LineBreakStore::add(const std::string& key, const std::vector<BreakOpportunity>& breaks) {
  if (key.size() > UINT32_MAX / 2) return;  // offsets kept in 31 bits (no input is that long)
  const size_t bytes = key.size() + breaks.size() * sizeof(uint32_t);
  std::vector<uint32_t> packed;
  packed.reserve(breaks.size());
  for (const BreakOpportunity& b : breaks) packed.push_back(static_cast<uint32_t>(b.offset << 1) | (b.mandatory ? 1 : 0));
  std::lock_guard lock(mutex_);
  if (bytes_ + bytes > kMostBytes) return;
  if (known_.emplace(key, std::move(packed)).second) bytes_ += bytes;
}

void LineBreakFinder::find(std::string_view text, std::vector<BreakOpportunity>& out) {
  const bool short_text = text.size() <= kLongestKnown;
  if (short_text)
    if (const auto it = known_.find(text); it != known_.end()) {
      out = it->second;
      return;
    }
  if (!shared_) {
    find_anew(text, out);
  } else if (const std::string& key = LineBreakStore::key(locale_, text); !shared_->find(key, out)) {
    find_anew(text, out);
    shared_->add(key, out);
  }
  if (!short_text) return;
  if (known_.size() >= kMostKnown) known_.clear();
  known_.emplace(std::string(text), out);
}

void LineBreakFinder::find_anew(std::string_view text, std::vector<BreakOpportunity>& out) {
  out.clear();
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // Reopening the same UText reuses its storage: no allocation per paragraph.
  utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator_->setText(utext_, status);
  if (U_FAILURE(status)) {
    out.push_back({text.size(), false});
    return;
  }
  for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next())
    out.push_back({static_cast<size_t>(b), iterator_->getRuleStatus() >= UBRK_LINE_HARD});
}

}  // namespace lp
