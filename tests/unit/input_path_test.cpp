#include "model/input_path.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace lp {
namespace {

// root/report.yaml, root/images/a.png, root/sub/; outside/secret.png beside root.
class InputPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    top = fs::temp_directory_path() / ("lp-input-path-" + std::to_string(::getpid()));
    fs::remove_all(top);
    root = top / "root";
    fs::create_directories(root / "images");
    fs::create_directories(root / "sub");
    fs::create_directories(top / "outside");
    std::ofstream(root / "images" / "a.png") << "x";
    std::ofstream(top / "outside" / "secret.png") << "x";
    report = (root / "report.yaml").string();
  }
  void TearDown() override { fs::remove_all(top); }

  std::optional<std::string> resolve(const std::string& name, const std::string& from = "") {
    return resolve_input_path(root.string(), name, from.empty() ? report : from, {7, 12}, diags);
  }
  std::string message() const { return diags.all().empty() ? "" : format_diagnostic(diags.all().back()); }

  fs::path top, root;
  std::string report;
  Diagnostics diags;
};

TEST_F(InputPathTest, AcceptsAFileUnderTheRoot) {
  auto p = resolve("images/a.png");
  ASSERT_TRUE(p) << message();
  EXPECT_EQ(*p, fs::canonical(root / "images" / "a.png").string());
  EXPECT_TRUE(diags.all().empty());
}

TEST_F(InputPathTest, ResolvesAgainstTheNamingFilesFolder) {
  auto p = resolve("../images/a.png", (root / "sub" / "part.yaml").string());
  ASSERT_TRUE(p) << message();
  EXPECT_EQ(*p, fs::canonical(root / "images" / "a.png").string());
}

// `leafpress build report.yaml` run in the report's folder: the report's folder is "" and the
// root ".".
TEST_F(InputPathTest, AReportNamedWithoutItsFolderInTheCurrentFolder) {
  const fs::path before = fs::current_path();
  fs::current_path(root);
  auto p = resolve_input_path(".", "images/a.png", "report.yaml", {7, 12}, diags);
  auto outside = resolve_input_path(".", "../outside/secret.png", "report.yaml", {7, 12}, diags);
  fs::current_path(before);
  ASSERT_TRUE(p) << message();
  EXPECT_EQ(*p, fs::canonical(root / "images" / "a.png").string());
  EXPECT_FALSE(outside);
  EXPECT_NE(message().find("report.yaml:7:12: error: '../outside/secret.png' is outside ."), std::string::npos)
      << message();
}

TEST_F(InputPathTest, AcceptsAnAbsolutePathInsideTheRoot) {
  EXPECT_TRUE(resolve((root / "images" / "a.png").string())) << message();
}

TEST_F(InputPathTest, RefusesDotDotOutOfTheRoot) {
  EXPECT_FALSE(resolve("../outside/secret.png"));
  EXPECT_NE(message().find("report.yaml:7:12: error: '../outside/secret.png' is outside"), std::string::npos)
      << message();
}

TEST_F(InputPathTest, RefusesAnEscapeThatComesBackLexically) {
  EXPECT_FALSE(resolve("images/../../outside/secret.png"));
  EXPECT_TRUE(diags.has_errors());
}

TEST_F(InputPathTest, RefusesAnAbsolutePathOutside) {
  EXPECT_FALSE(resolve("/etc/passwd"));
  EXPECT_NE(message().find("'/etc/passwd' is outside"), std::string::npos) << message();
}

TEST_F(InputPathTest, RefusesASymlinkOut) {
  fs::create_symlink(top / "outside" / "secret.png", root / "images" / "link.png");
  EXPECT_FALSE(resolve("images/link.png"));
  EXPECT_NE(message().find("'images/link.png' is a symbolic link to"), std::string::npos) << message();
}

TEST_F(InputPathTest, RefusesASymlinkedFolderOut) {
  fs::create_directory_symlink(top / "outside", root / "elsewhere");
  EXPECT_FALSE(resolve("elsewhere/secret.png"));
  EXPECT_NE(message().find("symbolic link"), std::string::npos) << message();
}

TEST_F(InputPathTest, AcceptsASymlinkThatStaysInside) {
  fs::create_symlink(root / "images" / "a.png", root / "sub" / "same.png");
  EXPECT_TRUE(resolve("sub/same.png")) << message();
}

TEST_F(InputPathTest, RefusesUrls) {
  for (const char* url : {"https://example.org/a.png", "http://x/y", "file:///etc/passwd", "data:image/png;base64,AA",
                          "//server/share/a.png"}) {
    Diagnostics d;
    EXPECT_FALSE(resolve_input_path(root.string(), url, report, {3, 4}, d)) << url;
    ASSERT_EQ(d.all().size(), 1u) << url;
    EXPECT_NE(format_diagnostic(d.all()[0]).find("is a URL"), std::string::npos) << format_diagnostic(d.all()[0]);
  }
}

TEST_F(InputPathTest, AColonLaterInANameIsNotAUrl) {
  std::ofstream(root / "images" / "b:c.png") << "x";
  EXPECT_TRUE(resolve("images/b:c.png")) << message();
}

TEST_F(InputPathTest, RefusesEmptyNames) {
  EXPECT_FALSE(resolve(""));
  EXPECT_NE(message().find("empty"), std::string::npos);
}

TEST_F(InputPathTest, AMissingFileUnderTheRootIsTheCallersToReport) {
  auto p = resolve("images/missing.png");
  ASSERT_TRUE(p) << message();
  EXPECT_EQ(*p, (fs::canonical(root) / "images" / "missing.png").string());
}

}  // namespace
}  // namespace lp

namespace lp {
namespace {

TEST(ReadInputFile, ReadsAWholeFile) {
  const auto path = fs::temp_directory_path() / ("lp-read-" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << std::string(200000, 'x');
  Diagnostics d;
  auto bytes = read_input_file(path.string(), 1 << 20, "report.yaml", {4, 5}, d);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->size(), 200000u);
  EXPECT_TRUE(d.all().empty());
  fs::remove(path);
}

TEST(ReadInputFile, RefusesAFileOverTheLimitAtTheNamingLine) {
  const auto path = fs::temp_directory_path() / ("lp-read-big-" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << std::string((1 << 20) + 1, 'x');
  Diagnostics d;
  EXPECT_FALSE(read_input_file(path.string(), 1 << 20, "report.yaml", {4, 5}, d));
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(format_diagnostic(d.all()[0]), "report.yaml:4:5: error: the file is larger than the limit of 1 MiB");
  fs::remove(path);
}

TEST(ReadInputFile, AMissingFileSaysWhy) {
  Diagnostics d;
  EXPECT_FALSE(read_input_file("/nonexistent/photo.png", 1 << 20, "report.yaml", {9, 3}, d));
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(format_diagnostic(d.all()[0]), "report.yaml:9:3: error: cannot read file: No such file or directory");
}

}  // namespace
}  // namespace lp
