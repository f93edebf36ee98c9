#include "cli/watch_command.h"

#include <fmt/format.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>

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

// Reads the pending events; true if one concerns a file that is not ignored.
bool relevant_events(int fd) {
  alignas(inotify_event) char buffer[16384];
  bool relevant = false;
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(p);
      if (ev->mask & IN_Q_OVERFLOW) relevant = true;
      if (ev->len > 0 && !ignored(ev->name)) relevant = true;
      p += sizeof(inotify_event) + ev->len;
    }
  }
  return relevant;
}

}  // namespace

int run_watch(const BuildRequest& req, int max_builds) {
  const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    std::cerr << fmt::format("leafpress: cannot watch files: {}\n", std::strerror(errno));
    return kIoError;
  }
  const fs::path base = fs::path(req.report).parent_path();
  // The report's folder, and the layouts and fonts beside it or named by flags (leafpress's own
  // do not change while it runs).
  std::set<std::string> folders = {base.empty() ? "." : base.string()};
  if (!req.layout_dir.empty()) folders.insert(req.layout_dir);
  std::error_code ec;
  if (req.layout_dir.empty() && fs::is_directory(base / "layout", ec)) folders.insert((base / "layout").string());
  if (const Found fonts = find_fonts(req); !fonts.path.empty()) folders.insert(fs::path(fonts.path).parent_path().string());
  for (const auto& folder : folders) {
    const std::string dir = folder.empty() ? "." : folder;
    if (inotify_add_watch(fd, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE) < 0)
      std::cerr << fmt::format("leafpress: not watching {}: {}\n", dir, std::strerror(errno));
  }

  struct sigaction action {};
  action.sa_handler = on_signal;  // no SA_RESTART: poll() returns at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  int builds = 0;
  int code = run_build(req);
  ++builds;
  while (!g_stop && (max_builds <= 0 || builds < max_builds)) {
    std::cerr << "leafpress: watching for changes (Ctrl-C stops)\n";
    pollfd p{fd, POLLIN, 0};
    bool changed = false;
    while (!g_stop && !changed) {
      if (poll(&p, 1, -1) > 0) changed = relevant_events(fd);
    }
    if (g_stop) break;
    // An editor's save is often several events (write, rename, chmod): let them settle.
    while (!g_stop && poll(&p, 1, 100) > 0) relevant_events(fd);
    if (g_stop) break;
    std::cerr << "leafpress: inputs changed, building again\n";
    code = run_build(req);
    ++builds;
  }
  close(fd);
  return g_stop ? kOk : code;
}

}  // namespace lp
