#pragma once
// Internal to src/layout: the sections' paragraphs set on a spare core, a little ahead of the
// flow. A paragraph's lines depend only on its text, its style and the measure, never on where
// the flow stands, so a thread of its own can set the sections' plain paragraphs in order at the
// frame's measure while the flow places what comes before them; the flow takes each one's lines
// when it reaches it, or sets it itself when the thread has not begun it. Either way the lines and
// the warnings are the same: the output does not depend on which thread set what.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "model/document.h"
#include "style/style.h"
#include "text/paragraph.h"

namespace lp {

class ParagraphsAhead {
 public:
  // Starts the thread on every paragraph among the sections' blocks, at `width`.
  ParagraphsAhead(const Document& doc, const StyleSheet& styles, const FontSet& fonts, Pt width);
  ~ParagraphsAhead();
  ParagraphsAhead(const ParagraphsAhead&) = delete;
  ParagraphsAhead& operator=(const ParagraphsAhead&) = delete;

  // The lines of `p` in the body style at `width`, if the thread set them (waiting when it is
  // setting them now), its warnings appended to `diags`; nothing when the flow must set it.
  std::optional<std::vector<Line>> take(const Paragraph& p, Pt width, Diagnostics& diags);
  // How many paragraphs the flow took, of how many there are.
  size_t taken() const { return taken_; }
  size_t count() const { return count_; }

 private:
  enum State : int { kFree, kSetting, kSet, kTaken };
  struct Slot {
    const Paragraph* paragraph = nullptr;
    std::atomic<int> state{kFree};
    std::vector<Line> lines;
    Diagnostics diags;
  };
  void run(const Document& doc, const StyleSheet& styles, const FontSet& fonts);

  Pt width_;
  size_t count_ = 0, taken_ = 0;
  std::unique_ptr<Slot[]> slots_;
  std::unordered_map<const Paragraph*, size_t> index_;
  std::atomic<size_t> flow_at_{0};  // the slot after the last one the flow asked for
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread thread_;
};

}  // namespace lp
