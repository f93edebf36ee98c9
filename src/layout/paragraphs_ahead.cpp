#include "layout/paragraphs_ahead.h"

#include <algorithm>
#include <system_error>

namespace lp {

namespace {

// How far the thread may run ahead of the flow: enough to keep it busy, few enough lines held.
constexpr size_t kLead = 32;
// The thread leaves the paragraph after the flow's to the flow. When the flow catches up (taking
// set lines is quicker than setting them), it waits for the one the thread is setting, then sets
// the next itself while the thread sets the one after: each sets about half, neither waits long.
constexpr size_t kGap = 1;

}  // namespace

ParagraphsAhead::ParagraphsAhead(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Pt width)
    : width_(width) {
  std::vector<const Paragraph*> found;
  for (const ContentItem& item : doc.content)
    if (const auto* s = std::get_if<Section>(&item))
      for (const Block& b : s->blocks)
        if (const auto* p = std::get_if<Paragraph>(&b)) found.push_back(p);
  count_ = found.size();
  slots_ = std::make_unique<Slot[]>(count_);
  for (size_t i = 0; i < count_; ++i) {
    slots_[i].paragraph = found[i];
    index_.emplace(found[i], i);
  }
  try {
    if (count_ > 0) thread_ = std::thread([this, &doc, &styles, &fonts] { run(doc, styles, fonts); });
  } catch (const std::system_error&) {  // no thread to be had: the flow sets every paragraph
  }
}

ParagraphsAhead::~ParagraphsAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ParagraphsAhead::run(const Document& doc, const StyleSheet& styles, const FontSet& fonts) {
  Diagnostics said;
  ParagraphSetter setter(fonts, said, doc.path, doc.info.language);
  for (size_t i = 0; i < count_; ++i) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || i < flow_at_ + kLead; });
      if (stop_) return;
    }
    i = std::max(i, flow_at_.load() + kGap);
    if (i >= count_) return;
    Slot& slot = slots_[i];
    int expected = kFree;
    if (!slot.state.compare_exchange_strong(expected, kSetting)) continue;  // the flow set it
    int next = kSet;
    try {
      slot.lines = setter.set(spans_of(slot.paragraph->text, styles.body), width_, styles.body.align);
      std::swap(slot.diags, said);
    } catch (...) {  // out of memory: the flow sets this one and the rest
      slot.lines.clear();
      said = {};
      next = kFree;
    }
    {
      std::lock_guard lock(mutex_);
      slot.state = next;
    }
    changed_.notify_all();
    if (next == kFree) return;
  }
}

std::optional<std::vector<Line>> ParagraphsAhead::take(const Paragraph& p, Pt width, Diagnostics& diags) {
  const auto it = index_.find(&p);
  if (it == index_.end() || width != width_) return std::nullopt;
  Slot& slot = slots_[it->second];
  if (flow_at_ < it->second + 1) {
    {
      std::lock_guard lock(mutex_);
      flow_at_ = it->second + 1;
    }
    changed_.notify_all();
  }
  int state = kFree;
  if (slot.state.compare_exchange_strong(state, kTaken)) return std::nullopt;  // not begun
  if (state == kTaken) return std::nullopt;  // taken before: the block is laid out again
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return slot.state != kSetting; });
  }
  state = kSet;
  if (!slot.state.compare_exchange_strong(state, kTaken)) {  // the thread gave it up
    slot.state = kTaken;
    return std::nullopt;
  }
  ++taken_;
  diags.append(slot.diags);
  return std::move(slot.lines);
}

}  // namespace lp
