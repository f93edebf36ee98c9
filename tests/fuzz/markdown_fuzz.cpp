// libFuzzer target: any bytes as an inline Markdown text field.
#include <cstdint>
#include <string>

#include "model/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  lp::InlineText runs = lp::parse_inline_markdown(text, {1, 1});
  size_t total = 0;
  for (const auto& run : runs) total += run.text.size();
  // Run text comes from the input (a NUL becomes 3-byte U+FFFD, blocks are joined by a space),
  // so it is at most about 3x the input: more means text was duplicated.
  if (total > 4 * size + 64) __builtin_trap();
  return 0;
}
