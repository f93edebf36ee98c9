#pragma once
// Internal to src/text: the bidirectional algorithm (UAX #9) through ICU's ubidi.
#include <cstdint>
#include <string_view>
#include <vector>

struct UBiDi;

namespace lp {

enum class BaseDirection { LeftToRight, RightToLeft, Auto };  // Auto: the first strong character, else LTR

class BidiResolver {
 public:
  BidiResolver();
  ~BidiResolver();
  BidiResolver(const BidiResolver&) = delete;
  BidiResolver& operator=(const BidiResolver&) = delete;

  // The embedding level of every UTF-16 unit of `text` (rules P2–I2 and L1 at the paragraph's
  // end); returns the paragraph level.
  uint8_t resolve(std::u16string_view text, BaseDirection dir, std::vector<uint8_t>& levels);

 private:
  static void give_marks_their_brackets_level(std::u16string_view text, std::vector<uint8_t>& levels);
  UBiDi* bidi_;
};

// True when UTF-8 `text` can hold nothing right-to-left and no bidi control: every level is 0.
bool plainly_left_to_right(std::string_view text);

// Rule L2: the logical index shown at each visual position of a line with these levels.
void visual_order(const std::vector<uint8_t>& levels, std::vector<int32_t>& order);

}  // namespace lp
