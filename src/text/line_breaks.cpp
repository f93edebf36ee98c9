#include "text/line_breaks.h"

#include <unicode/utext.h>

namespace lp {

LineBreakFinder::LineBreakFinder(const icu::Locale& locale) {
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

void LineBreakFinder::find(std::string_view text, std::vector<BreakOpportunity>& out) {
  if (text.size() > kLongestKnown) return find_anew(text, out);
  if (const auto it = known_.find(text); it != known_.end()) {
    out = it->second;
    return;
  }
  find_anew(text, out);
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
