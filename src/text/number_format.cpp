#include "text/number_format.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <algorithm>
#include <map>
#include <utility>

namespace lp {

namespace {

// A formatter for a language and a number of decimals, made once per thread: making one (the
// locale's data looked up, the skeleton built) cost more than all the formatting with it.
// ICU's formatters are immutable, so one per thread is only to spare a lock.
const icu::number::LocalizedNumberFormatter& formatter(std::string_view language, int decimals) {
  thread_local std::map<std::pair<std::string, int>, icu::number::LocalizedNumberFormatter> made;
  std::pair<std::string, int> key{std::string(language), decimals};
  auto it = made.find(key);
  if (it != made.end()) return it->second;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(key.first, status);
  auto f = icu::number::NumberFormatter::withLocale(U_SUCCESS(status) ? locale : icu::Locale::getRoot())
               .precision(icu::number::Precision::fixedFraction(decimals));
  return made.emplace(std::move(key), std::move(f)).first->second;
}

}  // namespace

std::string format_number(double value, int decimals, std::string_view language) {
  decimals = std::clamp(decimals, 0, 15);
  UErrorCode status = U_ZERO_ERROR;
  const icu::number::FormattedNumber formatted = formatter(language, decimals).formatDouble(value, status);
  const icu::UnicodeString text = formatted.toString(status);
  if (U_FAILURE(status)) return fmt::format("{:.{}f}", value, decimals);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace lp
