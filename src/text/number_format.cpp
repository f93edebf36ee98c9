#include "text/number_format.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <algorithm>

namespace lp {

std::string format_number(double value, int decimals, std::string_view language) {
  decimals = std::clamp(decimals, 0, 15);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
  if (U_FAILURE(status)) status = U_ZERO_ERROR;
  const icu::number::FormattedNumber formatted =
      icu::number::NumberFormatter::withLocale(U_SUCCESS(status) ? locale : icu::Locale::getRoot())
          .precision(icu::number::Precision::fixedFraction(decimals))
          .formatDouble(value, status);
  const icu::UnicodeString text = formatted.toString(status);
  if (U_FAILURE(status)) return fmt::format("{:.{}f}", value, decimals);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace lp
