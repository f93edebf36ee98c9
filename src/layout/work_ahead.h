#pragma once
// Internal to src/layout: units of a layout (its sections, its paragraphs) worked on a second
// thread a little ahead of the flow, which takes their results in order, or does a unit itself
// when the thread has not begun it. Of the next `lead` units the thread does the farthest first,
// the flow the nearest: they meet in the middle, each having done about half, and neither waits
// but for the one unit where they meet (units differ in size: a thread that kept one unit ahead
// had the flow wait for every large one). What a unit's result is, and whether it still holds
// when the flow reaches it, is the user's business: the work must give what the flow would.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace lp {

template <class Result>
class WorkAhead {
 public:
  // Makes unit i's result; false (or a throw) leaves it and the rest to the flow.
  using Work = std::function<bool(size_t, Result&)>;

  // `start` runs on the thread and gives the work (which may then keep state of that thread).
  // The thread begins only the next units past the flow's that weigh no more than `lead`
  // together (`weights`, by unit: what its result holds; each 1 when none are given), so that
  // what it holds stays bounded whatever the units' sizes: a unit heavier than that is the flow's.
  WorkAhead(size_t count, size_t lead, std::function<Work()> start, std::vector<size_t> weights = {})
      : count_(count), lead_(lead), weights_(std::move(weights)), slots_(std::make_unique<Slot[]>(count)) {
    try {
      if (count_ > 0) thread_ = std::thread([this, start = std::move(start)] { run(start); });
    } catch (const std::system_error&) {  // no thread to be had: the flow does every unit
    }
  }
  ~WorkAhead() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  WorkAhead(const WorkAhead&) = delete;
  WorkAhead& operator=(const WorkAhead&) = delete;

  // Unit i's result if the thread made it (waiting while it makes it); nothing when the flow
  // must do it itself (the thread had not begun it, gave it up, or it was taken before).
  std::optional<Result> take(size_t i) {
    if (i >= count_) return std::nullopt;
    Slot& slot = slots_[i];
    if (flow_at_ < i + 1) {
      {
        std::lock_guard lock(mutex_);
        flow_at_ = i + 1;
      }
      changed_.notify_all();
    }
    int state = kFree;
    if (slot.state.compare_exchange_strong(state, kTaken) || state == kTaken) return std::nullopt;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return slot.state != kWorking; });
    }
    state = kDone;
    if (!slot.state.compare_exchange_strong(state, kTaken)) {
      slot.state = kTaken;
      return std::nullopt;
    }
    ++taken_;
    return std::move(slot.result);
  }
  // How many units the flow took from the thread, of how many there are.
  size_t taken() const { return taken_; }
  size_t count() const { return count_; }

 private:
  enum State : int { kFree, kWorking, kDone, kTaken };
  struct Slot {
    std::atomic<int> state{kFree};
    Result result;
  };

  void run(const std::function<Work()>& start) {
    Work work;
    try {
      work = start();
    } catch (...) {
      return;
    }
    for (;;) {
      size_t pick = count_;
      {
        std::unique_lock lock(mutex_);
        for (;;) {
          if (stop_) return;
          const size_t near = flow_at_ + 1;
          if (near >= count_) return;
          size_t far = near, weight = 0;
          while (far < count_ && weight + weight_of(far) <= lead_) weight += weight_of(far++);
          for (size_t j = far; j-- > near;)
            if (slots_[j].state == kFree) {
              pick = j;
              break;
            }
          if (pick < count_) break;
          changed_.wait(lock);  // until the flow moves on
        }
      }
      Slot& slot = slots_[pick];
      int expected = kFree;
      if (!slot.state.compare_exchange_strong(expected, kWorking)) continue;  // the flow took it
      bool made = false;
      try {
        made = work(pick, slot.result);
      } catch (...) {
      }
      if (!made) slot.result = Result{};
      {
        std::lock_guard lock(mutex_);
        slot.state = made ? kDone : kFree;
      }
      changed_.notify_all();
      if (!made) return;
    }
  }

  size_t weight_of(size_t i) const { return i < weights_.size() ? weights_[i] : 1; }

  size_t count_, lead_, taken_ = 0;
  std::vector<size_t> weights_;
  std::unique_ptr<Slot[]> slots_;
  std::atomic<size_t> flow_at_{0};  // the unit after the last one the flow asked for
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread thread_;
};

}  // namespace lp
