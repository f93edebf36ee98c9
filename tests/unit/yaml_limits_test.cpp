// The limits every YAML input is read under (model/yaml_reader.h).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "model/yaml_reader.h"
#include "test_support.h"

namespace lp {
namespace {

std::string first_message(const Diagnostics& d) { return d.all().empty() ? "" : format_diagnostic(d.all()[0]); }

TEST(YamlLimits, DeepNestingIsAnErrorWithItsPosition) {
  std::string text = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  Diagnostics d;
  EXPECT_FALSE(YamlReader(test::write_temp("deep.yaml", text), d).load());
  EXPECT_NE(first_message(d).find("deep.yaml:1:"), std::string::npos) << first_message(d);
  EXPECT_NE(first_message(d).find("nests deeper than 64 levels"), std::string::npos) << first_message(d);
}

TEST(YamlLimits, NestingAtTheLimitIsRead) {
  // The root mapping is level 0; 63 lists inside it reach level 63.
  std::string text = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
  Diagnostics d;
  EXPECT_TRUE(YamlReader(test::write_temp("deep-ok.yaml", text), d).load()) << first_message(d);
}

TEST(YamlLimits, VeryDeepNestingDoesNotCrashTheParser) {
  std::string text = std::string(100000, '[') + std::string(100000, ']') + "\n";
  Diagnostics d;
  EXPECT_FALSE(YamlReader(test::write_temp("deeper.yaml", text), d).load());
  EXPECT_TRUE(d.has_errors());
}

TEST(YamlLimits, BillionLaughsIsRefusedQuickly) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Diagnostics d;
  EXPECT_FALSE(YamlReader(test::write_temp("laughs.yaml", text), d).load());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(first_message(d).find("more than 1000000 nodes once its aliases are expanded"), std::string::npos)
      << first_message(d);
  EXPECT_LT(seconds, 10.0);
}

TEST(YamlLimits, AFewAliasesAreFine) {
  Diagnostics d;
  EXPECT_TRUE(YamlReader(test::write_temp("alias.yaml", "a: &x {b: 1}\nc: *x\nd: *x\n"), d).load()) << first_message(d);
}

TEST(YamlLimits, AFileOverTheSizeLimitIsRefusedUnparsed) {
  std::string text = "a: \"" + std::string(kMaxYamlBytes, 'x') + "\"\n";
  Diagnostics d;
  EXPECT_FALSE(YamlReader(test::write_temp("big.yaml", text), d).load());
  EXPECT_NE(first_message(d).find("big.yaml: error: the file is larger than the limit of 32 MiB"), std::string::npos)
      << first_message(d);
}

TEST(YamlLimits, AnEndlessDeviceStopsAtTheLimit) {
  Diagnostics d;
  EXPECT_FALSE(YamlReader("/dev/zero", d).load());
  EXPECT_NE(first_message(d).find("larger than the limit"), std::string::npos) << first_message(d);
}

}  // namespace
}  // namespace lp
