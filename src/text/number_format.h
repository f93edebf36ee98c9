#pragma once
// Numbers as the report's language writes them.
#include <string>
#include <string_view>

namespace lp {

// `value` with exactly `decimals` digits after the decimal separator, grouped and punctuated by
// ICU for `language` (a BCP 47 tag): 12345678.9 with 1 decimal is "12,345,678.9" in en-GB and
// "12.345.678,9" in de-DE; 4.5 with 1 is "4.5". The model keeps how many decimals the report
// wrote (StatItem::decimals, ChartBar::decimals). An unknown language formats as the root locale.
std::string format_number(double value, int decimals, std::string_view language);

}  // namespace lp
