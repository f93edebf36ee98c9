// Typographic quotes by hand: neither md4c nor ICU turns straight quotes into curly ones (ICU
// has the language's quotation marks in CLDR, which is what quote_marks_for follows, but no
// converter); the rule is small: a quote after the start, a space or an opening bracket opens,
// any other closes, and a single quote between letters is an apostrophe.
#include "model/quotes.h"

#include <vector>

namespace lp {

QuoteMarks quote_marks_for(const std::string& language) {
  const std::string lang = language.substr(0, language.find('-'));
  if (lang == "de" || lang == "cs" || lang == "sk" || lang == "sl") return {"\u201E", "\u201C", "\u201A", "\u2018"};
  if (lang == "pl" || lang == "hu" || lang == "ro" || lang == "nl") return {"\u201E", "\u201D", "\u201A", "\u2019"};
  if (lang == "fr") return {"\u00AB", "\u00BB", "\u2018", "\u2019", "\u2019", true};
  return {"\u201C", "\u201D", "\u2018", "\u2019"};  // en, cy, ga, es, it, pt, …
}

namespace {

bool is_letter_or_digit(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

// After these (or at the start) a quote opens.
bool opens_after(unsigned char c) {
  return c == 0 || c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[' || c == '{' || c == '-' || c == '/';
}

std::string curled(const std::string& s, size_t begin, size_t end, const QuoteMarks& m) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    const char c = s[i];
    if (c != '\'' && c != '"') {
      out += c;
      continue;
    }
    const unsigned char before = i > 0 ? static_cast<unsigned char>(s[i - 1]) : 0;
    const unsigned char after = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    // "\u2014" and "\u2013" end in 0x94 and 0x93: a quote after a dash opens.
    const bool dash_before = i >= 3 && s.compare(i - 3, 2, "\xE2\x80") == 0 && (before == 0x93 || before == 0x94);
    const bool opening = (opens_after(before) || dash_before) && after != 0 && after != ' ' && after != '\n';
    if (c == '\'') {
      if (!opening) out += is_letter_or_digit(before) && is_letter_or_digit(after) ? m.apostrophe : m.close_single;
      else out += after >= '0' && after <= '9' ? m.apostrophe : m.open_single;  // '90s
      continue;
    }
    if (opening) out += m.open_double + (m.spaced ? "\u202F" : "");
    else out += (m.spaced ? "\u202F" : "") + m.close_double;
  }
  return out;
}

}  // namespace

void curl_quotes(InlineText& text, const QuoteMarks& marks) {
  bool any = false;
  for (const auto& run : text) any = any || run.text.find_first_of("'\"") != std::string::npos;
  if (!any) return;
  std::string all;
  std::vector<size_t> ends;
  for (const auto& run : text) ends.push_back((all += run.text).size());
  size_t begin = 0;
  for (size_t r = 0; r < text.size(); ++r) {
    if (text[r].text.find_first_of("'\"") != std::string::npos) text[r].text = curled(all, begin, ends[r], marks);
    begin = ends[r];
  }
}

std::string curl_quotes(const std::string& text, const QuoteMarks& marks) {
  return text.find_first_of("'\"") == std::string::npos ? text : curled(text, 0, text.size(), marks);
}

}  // namespace lp
