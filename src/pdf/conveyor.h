#pragma once
// Internal to src/pdf: a short queue in front of a thread of its own that handles the items in
// the order they were pushed. The writer chains two: pages to content streams, content streams
// to their compression. An exception stops the handling; the items after it are dropped and
// failure() tells what it was. Without a thread of its own (when every core already has a
// thread of the build), push() handles the item at once, on the caller's thread.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace lp {

template <class T>
class Conveyor {
 public:
  Conveyor(size_t capacity, std::function<void(T&)> handle, bool own_thread = true)
      : capacity_(capacity), handle_(std::move(handle)), thread_(own_thread ? std::thread([this] { run(); }) : std::thread()) {}
  ~Conveyor() { finish(); }
  Conveyor(const Conveyor&) = delete;
  Conveyor& operator=(const Conveyor&) = delete;

  // Waits while the queue is full; after finish() the item is dropped.
  void push(T item) {
    if (!thread_.joinable()) {
      if (!closed_) handle_one(item);
      return;
    }
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return queue_.size() < capacity_ || closed_; });
      if (closed_) return;
      queue_.push_back(std::move(item));
    }
    changed_.notify_all();
  }

  // The exception that stopped the handling, if one did; read it after finish().
  std::exception_ptr failure() const { return failure_; }

  // Handles what is queued, then ends the thread.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    for (;;) {
      T item;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        item = std::move(queue_.front());
        queue_.pop_front();
      }
      changed_.notify_all();
      handle_one(item);
    }
  }

  void handle_one(T& item) {
    if (failure_) return;
    try {
      handle_(item);
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  const size_t capacity_;
  const std::function<void(T&)> handle_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> queue_;
  bool closed_ = false;
  std::exception_ptr failure_;  // written by the handling thread only
  std::thread thread_;  // last: it starts once everything above is ready
};

}  // namespace lp
