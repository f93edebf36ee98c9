#pragma once
// Internal to src/model: the SVG files a report names (pictures, cover artwork, icons), each read
// once, its problems said at the report's line that names it.
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/diagnostic.h"
#include "model/svg.h"

namespace lp {

class VectorFiles {
 public:
  // `icon_dirs`: where icons named without ".svg" are looked for, in order.
  VectorFiles(std::vector<std::string> icon_dirs, Diagnostics& diags) : icon_dirs_(std::move(icon_dirs)), diags_(diags) {}
  ~VectorFiles();
  VectorFiles(const VectorFiles&) = delete;
  VectorFiles& operator=(const VectorFiles&) = delete;

  // The SVG at `path`, called `shown` in diagnostics (named at `report`:`pos` as `what`); a
  // damaged one is an error there, and what it holds that is not drawn a warning at the SVG's
  // own line.
  std::shared_ptr<const VectorPicture> read(const std::string& path, const std::string& shown, const std::string& report,
                                            SourcePos pos, const std::string& what);
  // icons/NAME.svg in the first folder that has it; none (with a warning) when no folder has it.
  std::shared_ptr<const VectorPicture> icon(const std::string& name, const std::string& report, SourcePos pos);

  // Starts reading the SVG at `path` (a file under the report's root) on a thread of its own,
  // for read() to take when it asks for it: the report's pictures are read while the rest of the
  // report is still being parsed. Safe from several threads; nothing is said about the file
  // until read() asks for it, and a file read() never asks for is never spoken of. Does nothing
  // on a machine with one core.
  void prefetch(const std::string& path);
  // No more prefetch() calls: the thread stops once it has read what it was given.
  void end_prefetch();

 private:
  // What read_svg() gave for a file.
  struct Reading {
    std::shared_ptr<const VectorPicture> picture;
    std::string error;
    int line = 0;
    std::vector<SvgWarning> warnings;
  };
  // A file given to prefetch(): waiting, being read, or read.
  struct Prefetch {
    enum class State { Waiting, Reading, Read } state = State::Waiting;
    Reading reading;
  };

  std::vector<std::string> icon_dirs_;
  Diagnostics& diags_;
  std::map<std::string, std::shared_ptr<const VectorPicture>> read_;  // by path (none: it failed)

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, Prefetch> prefetched_;  // by path
  std::vector<std::string> queue_;              // the waiting ones, in the order given
  size_t next_ = 0;                             // queue_[next_] is the next to read
  bool ended_ = false;
  std::thread reader_;

  static Reading read_file(const std::string& path);
  Reading take(const std::string& path);
  void read_queue();
};

}  // namespace lp
