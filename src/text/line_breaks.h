#pragma once
// Internal to src/text: line break opportunities (UAX #14) from ICU's line break iterator,
// found on the UTF-8 text itself. Short texts are remembered: footers, labels and headings come
// back again and again (the real report's three editions asked for 2,929 texts, 395 distinct).
// When a build makes several editions, what any edition found is shared by all (LineBreakStore):
// each edition breaks the same paragraphs again (1,149 ICU passes for those 395 texts).
#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/text_hash.h"

namespace lp {

struct BreakOpportunity {
  size_t offset = 0;       // a break is allowed before this byte (the text's end included)
  bool mandatory = false;  // a hard break (UAX #14 BK, CR, LF, NL)
};

// The opportunities the finders of a build have found, by locale and text; thread-safe. It keeps
// texts of every length, up to kMostBytes of them in all (then it keeps no more).
class LineBreakStore {
 public:
  // What a text is kept under (valid until this thread's next call).
  static const std::string& key(std::string_view locale, std::string_view text);
  // false when the text has not been found for that locale yet
  bool find(const std::string& key, std::vector<BreakOpportunity>& out) const;
  void add(const std::string& key, const std::vector<BreakOpportunity>& breaks);

 private:
  static constexpr size_t kMostBytes = size_t{16} << 20;  // texts and their opportunities
  mutable std::mutex mutex_;
  // An opportunity as its offset times two, plus one when it is mandatory: with
  // BreakOpportunity's 16 bytes a break, 500 pages of prose in three editions peaked ~5 MB higher.
  std::unordered_map<std::string, std::vector<uint32_t>, TextHash, std::equal_to<>> known_;
  size_t bytes_ = 0;
};

class LineBreakFinder {
 public:
  // With `shared`, a text this finder does not know is looked up there, and what it finds is
  // added there.
  explicit LineBreakFinder(const icu::Locale& locale, LineBreakStore* shared = nullptr);
  ~LineBreakFinder();
  LineBreakFinder(const LineBreakFinder&) = delete;
  LineBreakFinder& operator=(const LineBreakFinder&) = delete;

  // Every opportunity after the start of `text`, in order; the last is at text.size().
  void find(std::string_view text, std::vector<BreakOpportunity>& out);

 private:
  void find_anew(std::string_view text, std::vector<BreakOpportunity>& out);

  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* utext_ = nullptr;
  std::string locale_;
  LineBreakStore* shared_;
  std::unordered_map<std::string, std::vector<BreakOpportunity>, TextHash, std::equal_to<>> known_;
};

}  // namespace lp
