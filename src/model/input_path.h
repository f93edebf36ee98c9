#pragma once
// Files a report names (images, included files) are read only from under one folder, the root:
// the report's folder unless `--root DIR` says otherwise. Reports may come from anyone in CI.
#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace lp {

// `name` as written in `file` at `pos`, relative to `file`'s folder (or absolute). Returns the
// canonical path when it stays under `root`, after following every symbolic link; otherwise
// reports against `file:pos` why not (a URL, a path that leaves the root, a link out of it) and
// returns nullopt. Whether the file exists is left to the caller, which reads it.
std::optional<std::string> resolve_input_path(const std::string& root, const std::string& name,
                                              const std::string& file, SourcePos pos, Diagnostics& diags);

// The bytes of `path`, read in pieces and refused once past `max_bytes` (so that a device or an
// endless file stops early); nullopt after reporting "cannot read file: ..." or "the file is
// larger than the limit of N MiB" against `file:pos` (`path` itself when `file` is empty).
std::optional<std::string> read_input_file(const std::string& path, size_t max_bytes, const std::string& file,
                                           SourcePos pos, Diagnostics& diags);

}  // namespace lp
