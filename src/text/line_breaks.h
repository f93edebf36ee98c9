#pragma once
// Internal to src/text: line break opportunities (UAX #14) from ICU's line break iterator,
// found on the UTF-8 text itself. Short texts are remembered: footers, labels and headings come
// back again and again (the real report's three editions asked for 2,929 texts, 395 distinct).
#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lp {

struct BreakOpportunity {
  size_t offset = 0;       // a break is allowed before this byte (the text's end included)
  bool mandatory = false;  // a hard break (UAX #14 BK, CR, LF, NL)
};

class LineBreakFinder {
 public:
  explicit LineBreakFinder(const icu::Locale& locale);
  ~LineBreakFinder();
  LineBreakFinder(const LineBreakFinder&) = delete;
  LineBreakFinder& operator=(const LineBreakFinder&) = delete;

  // Every opportunity after the start of `text`, in order; the last is at text.size().
  void find(std::string_view text, std::vector<BreakOpportunity>& out);

 private:
  void find_anew(std::string_view text, std::vector<BreakOpportunity>& out);

  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* utext_ = nullptr;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<BreakOpportunity>, Hash, std::equal_to<>> known_;
};

}  // namespace lp
