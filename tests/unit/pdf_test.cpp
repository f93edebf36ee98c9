#include "layout/flow.h"
#include "pdf/conveyor.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

namespace lp {
namespace {

namespace fs = std::filesystem;

DisplayList small_document() {
  Diagnostics d;
  Document doc = load_report(test::source("tests/golden/paragraphs.yaml"), d);
  return lay_out(doc, test::booklet_styles(), test::project_fonts(), d);
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Pdf, WritesAFileWithBoxesAndEmbeddedFonts) {
  const std::string path = test::write_temp("w.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(small_document(), path, {1700000000}, d));
  const std::string pdf = read_bytes(path);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.find("/TrimBox"), std::string::npos);
  EXPECT_NE(pdf.find("/BleedBox"), std::string::npos);
  EXPECT_NE(pdf.find("/FontFile2"), std::string::npos);
  EXPECT_NE(pdf.find("/Identity-H"), std::string::npos);
  EXPECT_NE(pdf.find("/ToUnicode"), std::string::npos);
  EXPECT_NE(pdf.find("/Lang (en-GB)"), std::string::npos);
  EXPECT_FALSE(fs::exists(path + ".part"));
}

TEST(Pdf, SameInputSameBytes) {
  const std::string a = test::write_temp("a.pdf", ""), b = test::write_temp("b.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(small_document(), a, {1700000000}, d));
  ASSERT_TRUE(write_pdf(small_document(), b, {1700000000}, d));
  EXPECT_EQ(read_bytes(a), read_bytes(b));
}

TEST(Pdf, UnwritablePlaceIsAnErrorAndLeavesNothing) {
  Diagnostics d;
  const std::string path = "/nonexistent-dir/x.pdf";
  EXPECT_FALSE(write_pdf(small_document(), path, {}, d));
  ASSERT_TRUE(d.has_errors());
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".part"));
}

TEST(Pdf, ASecondLayoutReplacesTheFirst) {
  const DisplayList list = small_document();
  const std::string once = test::write_temp("once.pdf", ""), again = test::write_temp("again.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(list, once, {1700000000}, d));
  PdfWriter writer(again, {1700000000});
  writer.begin(list.info);
  for (int i = 0; i < 3; ++i)
    for (const auto& page : list.pages) writer.page(page);
  writer.end({});
  writer.begin(list.info);
  for (const auto& page : list.pages) writer.page(page);
  writer.end(list.outline);
  ASSERT_TRUE(writer.finish(d));
  EXPECT_EQ(read_bytes(again), read_bytes(once));
}

TEST(Pdf, NothingIsWrittenWithoutFinish) {
  const std::string path = test::write_temp("unfinished.pdf", "");
  fs::remove(path);
  {
    const DisplayList list = small_document();
    PdfWriter writer(path, {});
    writer.begin(list.info);
    for (const auto& page : list.pages) writer.page(page);
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".part"));
  Diagnostics d;
  PdfWriter never_begun(path, {});
  EXPECT_FALSE(never_begun.finish(d));
  EXPECT_TRUE(d.has_errors());
  EXPECT_FALSE(fs::exists(path));
}

TEST(Conveyor, HandlesItemsInOrderAndStopsAtAnException) {
  std::vector<int> seen;  // written by the conveyor's thread, read after finish()
  Conveyor<int> conveyor(2, [&](int& i) {
    if (i == 50) throw std::runtime_error("fifty");
    seen.push_back(i);
  });
  for (int i = 0; i < 100; ++i) conveyor.push(i);
  conveyor.finish();
  conveyor.push(100);  // after finish: dropped
  ASSERT_EQ(seen.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(seen[static_cast<size_t>(i)], i);
  ASSERT_TRUE(conveyor.failure());
  EXPECT_THROW(std::rethrow_exception(conveyor.failure()), std::runtime_error);
}

}  // namespace
}  // namespace lp
