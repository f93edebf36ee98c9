#pragma once
// `leafpress watch`: build, then build again whenever an input changes (Linux inotify).
#include "cli/request.h"

namespace lp {

// Watches the report's folder, the layout folder and the fonts configuration's folder (not
// their subfolders); PDFs, scratch files (`.part`, `.unchecked`), dotfiles and editor backups
// (`~`, `.swp`) are ignored. A folder deleted or replaced is watched again when its path names
// a folder again, and a build waits, saying so, until the folders and the report exist.
// Stops on SIGINT or SIGTERM (exit 0), or after `max_builds` builds when it is positive
// (exit code of the last build).
int run_watch(const BuildRequest& request, int max_builds);

}  // namespace lp
