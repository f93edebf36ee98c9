#include "cli/watch_command.h"

#include <fmt/format.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <vector>

#include "cli/build_command.h"
#include "cli/resources.h"

namespace lp {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_signal(int) { g_stop = 1; }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Our own output, and the scratch files editors write beside the one being saved.
bool ignored(const std::string& name) {
  return name.empty() || name[0] == '.' || ends_with(name, "~") || ends_with(name, ".pdf") ||
         ends_with(name, ".part") || ends_with(name, ".unchecked") || ends_with(name, ".swp");
}

struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId&) const = default;
};

std::optional<FileId> id_of(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

// A folder watched by path: when it is deleted, or replaced by another of the same name (as git
// checkout and some editors do), the watch is made again on whatever the path names now.
struct WatchedFolder {
  std::string path;
  int wd = -1;
  std::optional<FileId> id;
};

constexpr uint32_t kFolderGone = IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED;

// Reads the pending events; true if one concerns a file that is not ignored, or a watched folder
// itself (those of a watch given up are not).
bool relevant_events(int fd, const std::vector<WatchedFolder>& folders) {
  alignas(inotify_event) char buffer[16384];
  bool relevant = false;
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(p);
      const bool current = std::any_of(folders.begin(), folders.end(), [&](const auto& f) { return f.wd == ev->wd; });
      if (ev->mask & IN_Q_OVERFLOW) relevant = true;
      if (current && ((ev->mask & kFolderGone) || (ev->len > 0 && !ignored(ev->name)))) relevant = true;
      p += sizeof(inotify_event) + ev->len;
    }
  }
  return relevant;
}

// Watches every folder that exists again if it is not the one watched; true if any changed.
bool refresh(int fd, std::vector<WatchedFolder>& folders) {
  bool changed = false;
  for (auto& f : folders) {
    const auto now = id_of(f.path);
    if (now == f.id && (f.wd >= 0 || !now)) continue;
    if (f.wd >= 0) inotify_rm_watch(fd, f.wd);
    f.wd = now ? inotify_add_watch(fd, f.path.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                                         IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)
               : -1;
    if (now && f.wd < 0) std::cerr << fmt::format("leafpress: not watching {}: {}\n", f.path, std::strerror(errno));
    f.id = f.wd >= 0 ? now : std::nullopt;
    changed = true;
  }
  return changed;
}

// What a build needs and is not there: the folders, then the report.
std::string missing(const std::vector<WatchedFolder>& folders, const std::string& report) {
  for (const auto& f : folders)
    if (!f.id) return f.path;
  return id_of(report) ? "" : report;
}

}  // namespace

int run_watch(const BuildRequest& req, int max_builds) {
  const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    std::cerr << fmt::format("leafpress: cannot watch files: {}\n", std::strerror(errno));
    return kIoError;
  }
  const fs::path base = fs::path(req.report).parent_path();
  // The report's folder, and the layouts and fonts beside it or named by flags (or leafpress's own).
  const Found fonts = find_fonts(req);
  const std::set<std::string> paths = {
      base.empty() ? "." : base.string(),
      req.layout_dir.empty() ? (base / "layout").string() : req.layout_dir,
      fonts.path.empty() ? (base / "fonts").string() : fs::path(fonts.path).parent_path().string(),
  };
  std::vector<WatchedFolder> folders;
  for (const auto& p : paths) folders.push_back({p.empty() ? "." : p, -1, std::nullopt});
  // The paths are relative to the folder we started in; if that folder is replaced, "." is the
  // old one, deleted: the builds go back to the folder of that name.
  std::error_code ec;
  const std::string start = fs::current_path(ec).string();

  struct sigaction action {};
  action.sa_handler = on_signal;  // no SA_RESTART: poll() returns at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  int builds = 0, code = kOk;
  bool due = true;  // a build is owed
  std::string said;
  while (!g_stop && (max_builds <= 0 || builds < max_builds)) {
    if (refresh(fd, folders)) due = true;
    if (!start.empty() && id_of(start) && id_of(".") != id_of(start) && chdir(start.c_str()) == 0)
      continue;  // the watched paths now name the new folder: look at them again
    const std::string absent = missing(folders, req.report);
    if (due && absent.empty()) {
      if (builds > 0) std::cerr << "leafpress: inputs changed, building again\n";
      code = run_build(req);
      ++builds;
      due = false;
      said.clear();
      continue;
    }
    const std::string now = absent.empty() ? "watching for changes (Ctrl-C stops)" : fmt::format("waiting for {} to exist (Ctrl-C stops)", absent);
    if (now != said) std::cerr << "leafpress: " << now << "\n";
    said = now;
    // While something is missing, look for it again every quarter second: a folder that comes
    // back sends no event to a watch on the one that went.
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, absent.empty() ? -1 : 250) > 0 && relevant_events(fd, folders)) {
      // An editor's save is often several events (write, rename, chmod): let them settle.
      while (!g_stop && poll(&p, 1, 100) > 0) relevant_events(fd, folders);
      due = true;
    }
  }
  close(fd);
  return g_stop ? kOk : code;
}

}  // namespace lp
