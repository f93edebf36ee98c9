#include "model/input_path.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace lp {

namespace fs = std::filesystem;

namespace {

// "scheme:" as in RFC 3986, or a network path "//host/...".
bool looks_like_url(const std::string& name) {
  if (name.rfind("//", 0) == 0) return true;
  const size_t colon = name.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  for (size_t i = 1; i < colon; ++i) {
    const char c = name[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

bool is_under(const fs::path& path, const fs::path& root) {
  const fs::path rel = path.lexically_relative(root);
  if (rel.empty()) return false;
  const auto first = *rel.begin();
  return first != ".." && !rel.is_absolute();
}

}  // namespace

std::optional<std::string> resolve_input_path(const std::string& root, const std::string& name,
                                              const std::string& file, SourcePos pos, Diagnostics& diags) {
  auto fail = [&](const std::string& why) {
    diags.error(file, pos, why);
    return std::nullopt;
  };
  if (name.empty()) return fail("the file name is empty");
  if (name.find('\0') != std::string::npos) return fail("the file name contains a NUL character");
  if (looks_like_url(name))
    return fail(fmt::format("'{}' is a URL: leafpress reads only local files under {}", name, root));

  std::error_code ec;
  const fs::path root_path = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec) return fail(fmt::format("cannot resolve the root folder {}: {}", root, ec.message()));
  // A file named without a folder ("report.yaml", run in its folder) is in the current one;
  // fs::absolute("") is not that folder but an error.
  const fs::path folder = fs::path(file).parent_path();
  const fs::path base = fs::absolute(folder.empty() ? fs::path(".") : folder, ec);
  const fs::path wanted = (base / name).lexically_normal();
  if (!is_under(wanted, root_path) && !is_under(wanted, fs::absolute(root, ec).lexically_normal()))
    return fail(fmt::format("'{}' is outside {}: files a report names must be under it (see --root)", name, root));
  const fs::path real = fs::weakly_canonical(wanted, ec);
  if (ec) return fail(fmt::format("cannot resolve '{}': {}", name, ec.message()));
  if (!is_under(real, root_path))
    return fail(fmt::format("'{}' is a symbolic link to {}, outside {}: files a report names must be under it",
                            name, real.string(), root));
  return real.string();
}

std::optional<std::string> read_input_file(const std::string& path, size_t max_bytes, const std::string& file,
                                           SourcePos pos, Diagnostics& diags) {
  const std::string& where = file.empty() ? path : file;
  // Opening a FIFO blocks until something writes to it, perhaps for ever; a device is read up
  // to the limit below, and a folder cannot be read at all.
  std::error_code ec;
  const fs::file_type type = fs::status(path, ec).type();
  if (type == fs::file_type::fifo || type == fs::file_type::socket || type == fs::file_type::directory) {
    diags.error(where, pos, fmt::format("cannot read file: it is {}, not a regular file",
                                        type == fs::file_type::directory ? "a folder" : type == fs::file_type::fifo ? "a FIFO" : "a socket"));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(where, pos, fmt::format("cannot read file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  std::string bytes;
  // Room for the whole file at once (growing the string piece by piece copied a 2 MB report
  // several times over); a device that says 0 or grows is still read in pieces to the limit.
  const auto size = fs::file_size(path, ec);
  if (!ec) bytes.reserve(static_cast<size_t>(std::min<std::uintmax_t>(size, max_bytes) + 1));
  char chunk[65536];
  while (in && bytes.size() <= max_bytes) {
    in.read(chunk, sizeof chunk);
    bytes.append(chunk, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    diags.error(where, pos, "cannot read file: read error");
    return std::nullopt;
  }
  if (bytes.size() > max_bytes) {
    diags.error(where, pos, fmt::format("the file is larger than the limit of {} MiB", max_bytes >> 20));
    return std::nullopt;
  }
  return bytes;
}

}  // namespace lp
