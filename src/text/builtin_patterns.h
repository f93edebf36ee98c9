#pragma once
// Internal to src/text: the hyphenation dictionaries found at build time, compiled by
// lp_compile_patterns (compile_patterns_main.cpp) into the binary. Each is known by the hash and
// size of its file's bytes, so a dictionary changed since the build is compiled when it is read.
#include <cstdint>
#include <span>

namespace lp {

struct BuiltinPatterns {
  uint64_t hash;  // dictionary_hash() of the .dic file
  uint64_t size;  // its bytes
  std::span<const uint32_t> words;
};

std::span<const BuiltinPatterns> builtin_hyphenation_patterns();

}  // namespace lp
