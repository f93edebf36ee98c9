// Numbers formatted for the report's language, with the decimals the author wrote.
#include "text/number_format.h"

#include <gtest/gtest.h>

#include "model/loaders.h"
#include "test_support.h"

namespace lp {
namespace {

TEST(NumberFormat, TheDecimalsWrittenAndTheLanguagesSeparators) {
  EXPECT_EQ(format_number(4.5, 1, "en-GB"), "4.5");
  EXPECT_EQ(format_number(12345678.9, 1, "en-GB"), "12,345,678.9");
  EXPECT_EQ(format_number(1030, 0, "en-GB"), "1,030");
  EXPECT_EQ(format_number(4.5, 2, "en-GB"), "4.50");
  EXPECT_EQ(format_number(12345678.9, 1, "de-DE"), "12.345.678,9");
  EXPECT_EQ(format_number(1234.5, 1, "fr-FR"), "1\u202F234,5");  // a narrow no-break space groups
  EXPECT_EQ(format_number(0.25, 2, "pl"), "0,25");
  EXPECT_EQ(format_number(-3, 0, "en-GB"), "-3");
  EXPECT_EQ(format_number(2.5, 0, "en-GB"), "2");  // rounded half to even, as ICU does
  EXPECT_EQ(format_number(1234, 0, "not a tag!"), "1,234");
}

TEST(NumberFormat, TheModelKeepsTheDecimalsWritten) {
  Diagnostics d;
  const Document doc = load_report(test::write_temp("decimals.yaml",
                                                    "report: {title: T}\n"
                                                    "content:\n"
                                                    "  - section:\n"
                                                    "      title: S\n"
                                                    "      blocks:\n"
                                                    "        - stats: {groups: [{name: G, items: [{value: 4.5, label: a}, "
                                                    "{value: 12345678.90, label: b}, {value: 7, label: c}]}]}\n"
                                                    "        - chart: {data: [{label: x, value: 2.25}], total: 10.0}\n"),
                                   d);
  ASSERT_FALSE(d.has_errors());
  const auto& blocks = std::get<Section>(doc.content[0]).blocks;
  const auto& stats = std::get<Stats>(blocks[0]);
  EXPECT_EQ(stats.groups[0].items[0].decimals, 1);
  EXPECT_EQ(stats.groups[0].items[1].decimals, 2);
  EXPECT_EQ(stats.groups[0].items[2].decimals, 0);
  EXPECT_EQ(format_number(stats.groups[0].items[1].value, stats.groups[0].items[1].decimals, doc.info.language),
            "12,345,678.90");
  const auto& chart = std::get<Chart>(blocks[1]);
  EXPECT_EQ(chart.data[0].decimals, 2);
  EXPECT_EQ(chart.total_decimals, 1);
}

}  // namespace
}  // namespace lp
