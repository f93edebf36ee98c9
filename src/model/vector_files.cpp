#include "model/vector_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace lp {

namespace fs = std::filesystem;

VectorFiles::~VectorFiles() {
  end_prefetch();
  if (reader_.joinable()) reader_.join();
}

VectorFiles::Reading VectorFiles::read_file(const std::string& path) {
  Reading r;
  r.picture = read_svg(path, r.error, r.line, r.warnings);
  return r;
}

void VectorFiles::prefetch(const std::string& path) {
  std::lock_guard lock(mutex_);
  if (ended_ || prefetched_.contains(path)) return;
  if (!reader_.joinable()) {
    if (std::thread::hardware_concurrency() < 2) return;
    try {
      reader_ = std::thread([this] { read_queue(); });
    } catch (const std::system_error&) {  // no thread to spare: read() reads it when asked
      ended_ = true;
      return;
    }
  }
  prefetched_.emplace(path, Prefetch{});
  queue_.push_back(path);
  changed_.notify_all();
}

void VectorFiles::end_prefetch() {
  std::lock_guard lock(mutex_);
  ended_ = true;
  changed_.notify_all();
}

void VectorFiles::read_queue() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return next_ < queue_.size() || ended_; });
    if (next_ == queue_.size()) return;
    const std::string path = queue_[next_++];
    Prefetch& p = prefetched_.at(path);
    if (p.state != Prefetch::State::Waiting) continue;  // read() took it itself
    p.state = Prefetch::State::Reading;
    lock.unlock();
    Reading r = read_file(path);
    lock.lock();
    p.reading = std::move(r);
    p.state = Prefetch::State::Read;
    changed_.notify_all();
  }
}

// What read_svg() gives for `path`: the prefetched reading when there is one (waiting for it
// while it is being read), else read here.
VectorFiles::Reading VectorFiles::take(const std::string& path) {
  std::unique_lock lock(mutex_);
  const auto it = prefetched_.find(path);
  if (it == prefetched_.end() || it->second.state == Prefetch::State::Waiting) {
    if (it != prefetched_.end()) it->second.state = Prefetch::State::Read;  // the thread passes it by
    lock.unlock();
    return read_file(path);
  }
  changed_.wait(lock, [&] { return it->second.state == Prefetch::State::Read; });
  return std::move(it->second.reading);
}

std::shared_ptr<const VectorPicture> VectorFiles::read(const std::string& path, const std::string& shown,
                                                       const std::string& report, SourcePos pos, const std::string& what) {
  if (const auto it = read_.find(path); it != read_.end()) {
    if (!it->second) diags_.error(report, pos, fmt::format("{} '{}' is not a readable SVG (said above)", what, shown));
    return it->second;
  }
  Reading r = take(path);
  if (!r.picture)
    diags_.error(report, pos, r.line > 0 ? fmt::format("{} '{}' is not a readable SVG: line {}: {}", what, shown, r.line, r.error)
                                         : fmt::format("{} '{}' is not a readable SVG: {}", what, shown, r.error));
  for (const auto& w : r.warnings) diags_.warning(shown, SourcePos{w.line, 1}, w.message);
  read_[path] = r.picture;
  return r.picture;
}

std::shared_ptr<const VectorPicture> VectorFiles::icon(const std::string& name, const std::string& report, SourcePos pos) {
  std::vector<std::string> known;
  std::error_code ec;
  for (const auto& dir : icon_dirs_) {
    const fs::path p = fs::path(dir) / (name + ".svg");
    if (fs::is_regular_file(p, ec)) return read(p.string(), p.string(), report, pos, "icon");
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".svg") known.push_back(entry.path().stem().string());
  }
  const std::string hint = closest_match(name, known);
  diags_.warning(report, pos,
                 fmt::format("no icon '{}'{}; a plain badge is drawn (a report's own icon is a file ending in .svg)", name,
                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  return nullptr;
}

}  // namespace lp
