#pragma once
// Internal to src/text: the hash of the tables keyed by a std::string and looked up with a
// std::string_view (heterogeneous lookup, with std::equal_to<>), so a lookup copies no text.
#include <cstddef>
#include <functional>
#include <string_view>

namespace lp {

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace lp
