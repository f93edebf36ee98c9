#pragma once
// A file that is whole or absent: written under a unique scratch name in the target's folder
// (mkstemp), every write, fsync and close checked, read back and checked (its size, and the
// `%%EOF` a PDF ends with) before it is renamed into place, the folder synced after. A scratch
// file left uncommitted is removed when its WholeFile goes, and on SIGINT or SIGTERM.
#include <cstddef>
#include <string>

namespace lp {

class WholeFile {
 public:
  WholeFile() = default;
  explicit WholeFile(std::string path) : path_(std::move(path)) {}
  ~WholeFile();
  WholeFile(WholeFile&& other) noexcept;
  WholeFile& operator=(WholeFile&& other) noexcept;
  WholeFile(const WholeFile&) = delete;
  WholeFile& operator=(const WholeFile&) = delete;

  // Each returns false with `why` set; after a failure the scratch file is gone.
  bool open(std::string& why);
  bool write(const void* data, size_t size, std::string& why);
  // Synced, closed and read back: the file must have every byte written and end in `tail`.
  bool finish(const std::string& tail, std::string& why);
  // The checked file renamed to the path, and the folder synced.
  bool commit(std::string& why);
  // Only the rename: the caller syncs the folder (sync_folder_of), once for several files.
  bool rename_into_place(std::string& why);
  // Removes the scratch file (nothing if committed).
  void discard();

  const std::string& path() const { return path_; }
  const std::string& scratch() const { return scratch_; }

 private:
  std::string path_, scratch_;
  int fd_ = -1;
  size_t written_ = 0;
  int slot_ = -1;  // in the list the signal handler removes
  bool fail(std::string& why, const std::string& what);
};

// What makes `path` unfit to be written over: "" when it is absent or a regular file, else a
// description ("a folder", "a device", "a FIFO", ...).
std::string not_a_regular_file(const std::string& path);

// Syncs the folder `path` is in, so that a rename into it lasts; "" when done, else why not.
std::string sync_folder_of(const std::string& path);

// Whether two paths name the same file (false when either does not exist).
bool same_file(const std::string& a, const std::string& b);

}  // namespace lp
