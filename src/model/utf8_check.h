#pragma once
// The first byte of a text that YAML cannot read: not UTF-8, or a character YAML does not allow.
// yaml-cpp reads a malformed byte as U+FFFD without a word and lets control characters through,
// so every YAML input goes through this check first.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace lp {

struct Utf8Problem {
  size_t offset;  // of the first byte of the bad sequence
  SourcePos pos;  // its line (lines end at '\n') and byte column, a UTF-8 byte order mark not counted
  std::string message;
};

// nullopt when `text` is UTF-8 of YAML's printable characters only: tab, line feed, carriage
// return, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF.
std::optional<Utf8Problem> find_bad_utf8(std::string_view text);

}  // namespace lp
