#include "model/utf8_check.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace lp {

namespace {

bool printable(char32_t c) {
  return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The length of a sequence from its leading byte; 0 for a byte that cannot lead one.
size_t sequence_length(unsigned char b) {
  return b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
}

// Why the sequence at `at` is bad, "" when it is a printable character; `length` is set to its
// length when it is whole.
std::string check_sequence(std::string_view text, size_t at, size_t& length) {
  const auto b = static_cast<unsigned char>(text[at]);
  length = sequence_length(b);
  if (length == 0) return fmt::format("invalid leading UTF-8 octet (byte 0x{:02X})", b);
  if (text.size() - at < length) return "incomplete UTF-8 octet sequence";
  char32_t c = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
  for (size_t k = 1; k < length; ++k) {
    const auto t = static_cast<unsigned char>(text[at + k]);
    if ((t & 0xC0) != 0x80) return fmt::format("invalid trailing UTF-8 octet (byte 0x{:02X})", t);
    c = (c << 6) | (t & 0x3F);
  }
  const bool shortest = length == 1 || (length == 2 && c >= 0x80) || (length == 3 && c >= 0x800) ||
                        (length == 4 && c >= 0x10000);
  if (!shortest) return "invalid length of a UTF-8 sequence (an overlong form)";
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return fmt::format("invalid Unicode character (U+{:04X})", static_cast<uint32_t>(c));
  if (!printable(c)) return fmt::format("control characters are not allowed (U+{:04X})", static_cast<uint32_t>(c));
  return {};
}

// Eight bytes at once: true when all are printable ASCII (or tab, line feed, carriage return
// where they are handled byte by byte below).
bool plain_ascii_word(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
  // A byte below 0x20 (the high bit of byte - 0x20 set where byte < 0x20, high bit clear) or 0x7F.
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  const uint64_t x = w ^ (kOnes * 0x7F);
  const uint64_t del = (x - kOnes) & ~x & kHigh;
  return ((w & kHigh) | below_space | del) == 0;
}

}  // namespace

std::optional<Utf8Problem> find_bad_utf8(std::string_view text) {
  const size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t line = 1, line_start = start;
  size_t at = start;
  while (at < text.size()) {
    if (text.size() - at >= 8 && plain_ascii_word(text.data() + at)) {
      at += 8;
      continue;
    }
    const char ch = text[at];
    if (ch == '\n') {
      ++line, line_start = ++at;
      continue;
    }
    if (ch == '\t' || ch == '\r' || (ch >= 0x20 && ch < 0x7F)) {
      ++at;
      continue;
    }
    size_t length = 0;
    std::string why = check_sequence(text, at, length);
    if (!why.empty())
      return Utf8Problem{at, {static_cast<int>(line), static_cast<int>(at - line_start) + 1}, std::move(why)};
    at += length;
  }
  return std::nullopt;
}

}  // namespace lp
