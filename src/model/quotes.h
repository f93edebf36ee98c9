#pragma once
// Straight quotes as authors type them ("…", '…', it's) become the language's typographic ones.
#include <string>

#include "model/document.h"

namespace lp {

struct QuoteMarks {
  std::string open_double, close_double, open_single, close_single;
  std::string apostrophe = "\u2019";
  bool spaced = false;  // French: a narrow no-break space inside guillemets
};

// The marks of a BCP 47 language tag (English's for a language not in the table).
QuoteMarks quote_marks_for(const std::string& language);

// Curls every straight quote of `text`, deciding open or close by the characters around it
// (across runs: `**"bold"**` has its quotes in other runs than its letters).
void curl_quotes(InlineText& text, const QuoteMarks& marks);
std::string curl_quotes(const std::string& text, const QuoteMarks& marks);

}  // namespace lp
