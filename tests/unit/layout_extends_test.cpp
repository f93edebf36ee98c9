// A layout that `extends:` another gives only what differs (model/loaders.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "model/loaders.h"
#include "test_support.h"

namespace lp {
namespace {

namespace fs = std::filesystem;

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += format_diagnostic(x) + "\n";
  return out;
}

// A folder of layouts: leafpress's own large print, copied, and others written by each test.
class LayoutExtends : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("lp-extends-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(test::source("layout/large-print.yaml"), dir / "large-print.yaml");
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
  fs::path dir;
};

TEST_F(LayoutExtends, ASmallFileOverItsBase) {
  const std::string path = write("large-print-24.yaml",
                                 "# 24 pt large print\n"
                                 "extends: large-print\n"
                                 "name: large-print-24\n"
                                 "styles:\n"
                                 "  body: {size: 24pt, leading: 34pt}\n");
  Diagnostics d;
  const Edition base = load_edition((dir / "large-print.yaml").string(), d);
  const Edition big = load_edition(path, d);
  ASSERT_FALSE(d.has_errors()) << messages(d);
  EXPECT_EQ(big.name, "large-print-24");
  EXPECT_DOUBLE_EQ(big.styles.at("body").size->value, 24);
  EXPECT_DOUBLE_EQ(big.styles.at("body").leading->value, 34);
  // What it does not give is the base's, at every depth.
  EXPECT_EQ(big.styles.at("body").font, base.styles.at("body").font);
  EXPECT_EQ(big.styles.at("body").align, base.styles.at("body").align);
  EXPECT_DOUBLE_EQ(big.styles.at("footer").size->value, base.styles.at("footer").size->value);
  EXPECT_DOUBLE_EQ(big.page_width.value, base.page_width.value);
  EXPECT_EQ(big.palette.size(), base.palette.size());
  EXPECT_EQ(big.hyphenate, base.hyphenate);
}

TEST_F(LayoutExtends, AChainAndALayoutStandingInForItsBase) {
  // layout/large-print.yaml beside a report may extend leafpress's own large print.
  fs::create_directories(dir / "local");
  const std::string local = (dir / "local" / "large-print.yaml").string();
  std::ofstream(local) << "extends: large-print\nstyles: {body: {size: 20pt}}\n";
  write("huge.yaml", "extends: large-print\nstyles: {footer: {size: 30pt}}\n");
  const auto candidates = [&](const std::string& name) {
    return std::vector<std::string>{(dir / "local" / (name + ".yaml")).string(), (dir / (name + ".yaml")).string()};
  };
  Diagnostics d;
  const Edition e = load_edition(local, d, candidates);
  ASSERT_FALSE(d.has_errors()) << messages(d);
  EXPECT_DOUBLE_EQ(e.styles.at("body").size->value, 20);
  EXPECT_EQ(e.name, "large-print");
  std::ofstream(dir / "local" / "huger.yaml") << "extends: huge\nstyles: {body: {size: 40pt}}\n";
  const Edition h = load_edition((dir / "local" / "huger.yaml").string(), d, candidates);
  ASSERT_FALSE(d.has_errors()) << messages(d);
  EXPECT_DOUBLE_EQ(h.styles.at("body").size->value, 40);
  EXPECT_DOUBLE_EQ(h.styles.at("footer").size->value, 30);
}

TEST_F(LayoutExtends, ACycleIsAnErrorAtItsExtends) {
  const std::string a = write("a.yaml", "name: a\nextends: b\n");
  write("b.yaml", "# b\nextends: a\n");
  Diagnostics d;
  load_edition(a, d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_NE(messages(d).find("b.yaml:2:10: error: 'extends: a' makes a cycle: " + a + " -> " + (dir / "b.yaml").string() +
                             " -> " + a),
            std::string::npos)
      << messages(d);
}

TEST_F(LayoutExtends, AMissingBaseAndAComplaintInTheBaseNameTheirFiles) {
  Diagnostics d;
  load_edition(write("lost.yaml", "extends: nowhere\n"), d);
  EXPECT_NE(messages(d).find("lost.yaml:1:10: error: 'extends: nowhere' names no layout (looked for " +
                             (dir / "nowhere.yaml").string() + ")"),
            std::string::npos)
      << messages(d);
  Diagnostics e;
  write("broken-base.yaml", "name: b\npage: {size: A5, bleed: 3furlongs}\n");
  load_edition(write("over-broken.yaml", "extends: broken-base\n"), e);
  EXPECT_NE(messages(e).find("broken-base.yaml:2:"), std::string::npos) << messages(e);
  // A key of the layout itself that is wrong is its own.
  Diagnostics f;
  load_edition(write("typo.yaml", "extends: large-print\nstyles: {body: {sise: 20pt}}\n"), f);
  EXPECT_NE(messages(f).find("typo.yaml:2:17: error: unknown key 'sise'"), std::string::npos) << messages(f);
}

}  // namespace
}  // namespace lp
