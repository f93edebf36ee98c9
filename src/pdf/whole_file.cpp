#include "pdf/whole_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <utility>

namespace lp {

namespace fs = std::filesystem;

namespace {

// The scratch files now being written, for the signal handler: a fixed table, since a handler
// may neither allocate nor lock. A slot is claimed, then its path written, then it is marked
// ready; the handler reads only ready slots.
constexpr int kSlots = 64;
enum SlotState { kFree, kClaimed, kReady };
struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX] = {};
};
// constinit: all zeros, so the table stays untouched .bss until a slot is used (a dynamic
// initialiser wrote every slot at start-up, 64 page faults before main).
constinit Slot g_slots[kSlots];
std::once_flag g_handlers_installed;
mode_t g_umask = 022;  // read once: umask() can only be read by setting it

void remove_scratch_files_and_die(int sig) {
  for (auto& slot : g_slots)
    if (slot.state.load() == kReady) unlink(slot.path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Only where the signal would end the process: `watch` handles SIGINT itself, and stops after
// the build, which removes its own scratch files.
void install_handlers() {
  g_umask = umask(022);
  umask(g_umask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    sigaction(sig, nullptr, &old);
    if (old.sa_handler != SIG_DFL) continue;
    struct sigaction action {};
    action.sa_handler = remove_scratch_files_and_die;
    sigaction(sig, &action, nullptr);
  }
}

int take_slot(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kClaimed)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(kReady);
    return i;
  }
  return -1;  // more files at once than slots: still removed on failure, not on a signal
}

void free_slot(int& slot) {
  if (slot >= 0) g_slots[slot].state.store(kFree);
  slot = -1;
}

bool sync_folder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  return close(fd) == 0 && ok;
}

std::string folder_of(const std::string& path) {
  const std::string folder = fs::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

}  // namespace

WholeFile::~WholeFile() { discard(); }

WholeFile::WholeFile(WholeFile&& other) noexcept { *this = std::move(other); }

WholeFile& WholeFile::operator=(WholeFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    scratch_ = std::move(other.scratch_);
    fd_ = std::exchange(other.fd_, -1);
    written_ = other.written_;
    slot_ = std::exchange(other.slot_, -1);
    other.scratch_.clear();
  }
  return *this;
}

bool WholeFile::fail(std::string& why, const std::string& what) {
  why = fmt::format("{}: {}", what, std::strerror(errno));
  discard();
  return false;
}

bool WholeFile::open(std::string& why) {
  std::call_once(g_handlers_installed, install_handlers);
  // A dotfile, so that `watch` and a folder listing pass it by; unique, so that two builds of
  // one output never share it.
  std::string name = (fs::path(folder_of(path_)) / ("." + fs::path(path_).filename().string() + ".XXXXXX")).string();
  fd_ = mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) return fail(why, "cannot write the file");
  scratch_ = name;
  slot_ = take_slot(scratch_);
  fchmod(fd_, 0666 & ~g_umask);  // mkstemp makes it 0600; a PDF is made to be read, as fopen's would be
  written_ = 0;
  return true;
}

bool WholeFile::write(const void* data, size_t size, std::string& why) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(why, "cannot write the file");
    p += n, size -= static_cast<size_t>(n), written_ += static_cast<size_t>(n);
  }
  return true;
}

bool WholeFile::finish(const std::string& tail, std::string& why) {
  if (fsync(fd_) != 0) return fail(why, "cannot write the file (fsync)");
  const int fd = std::exchange(fd_, -1);
  if (close(fd) != 0) return fail(why, "cannot write the file (close)");
  // Read back what reached the file, through a descriptor of its own.
  const int in = ::open(scratch_.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return fail(why, "cannot read the written file back");
  struct stat st {};
  std::string end(tail.size(), '\0');
  const bool sized = fstat(in, &st) == 0 && static_cast<size_t>(st.st_size) == written_;
  const bool ends = sized && written_ >= tail.size() &&
                    pread(in, end.data(), end.size(), static_cast<off_t>(written_ - tail.size())) == static_cast<ssize_t>(tail.size()) &&
                    end == tail;
  close(in);
  if (!sized || !ends) {
    why = sized ? "the written file is not whole: it does not end in its trailer"
                : fmt::format("the written file is not whole: {} bytes of {}", st.st_size, written_);
    discard();
    return false;
  }
  return true;
}

bool WholeFile::commit(std::string& why) {
  if (!rename_into_place(why)) return false;
  why = sync_folder_of(path_);
  return why.empty();
}

bool WholeFile::rename_into_place(std::string& why) {
  if (std::rename(scratch_.c_str(), path_.c_str()) != 0) return fail(why, "cannot move the finished file into place");
  free_slot(slot_);
  scratch_.clear();
  return true;
}

std::string sync_folder_of(const std::string& path) {
  if (sync_folder(folder_of(path))) return "";
  return fmt::format("cannot sync the folder of the file: {}", std::strerror(errno));
}

void WholeFile::discard() {
  if (fd_ >= 0) close(std::exchange(fd_, -1));
  if (!scratch_.empty()) unlink(scratch_.c_str());
  scratch_.clear();
  free_slot(slot_);
}

std::string not_a_regular_file(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return "";
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
  if (S_ISFIFO(st.st_mode)) return "a FIFO";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace lp
