#include <regex>
#include <thread>

#include "layout/flow.h"
#include "pdf/conveyor.h"
#include "pdf/marks.h"
#include "pdf/pdfx.h"
#include "pdf/pdf_writer.h"
#include "pdf/subset_sharing.h"
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

TEST(Pdf, LinksHoldTheirTextAndAnnotationAndParagraphsTheirLanguage) {
  Diagnostics d;
  Document doc = load_report(test::write_temp("tagged-lang.yaml",
                                              "report: {title: T, editions: [booklet]}\ncontent:\n  - section:\n      title: S\n"
                                              "      blocks:\n        - p: {text: 'Croeso i [bawb](https://example.org/).', lang: cy}\n"),
                             d);
  ASSERT_FALSE(d.has_errors());
  const std::string path = test::write_temp("tagged-lang.pdf", "");
  ASSERT_TRUE(write_pdf(lay_out(doc, test::booklet_styles(), test::project_fonts(), d), path, {1700000000}, d));
  const std::string pdf = read_bytes(path);
  EXPECT_NE(pdf.find("/S /P /P "), std::string::npos);
  EXPECT_NE(pdf.find("/Lang (cy)"), std::string::npos);
  // The Link element: the linked word's marked content, then the annotation.
  EXPECT_TRUE(std::regex_search(pdf, std::regex(R"(/S /Link /P \d+ 0 R /Pg \d+ 0 R /K \[\d+ <</Type /OBJR /Obj \d+ 0 R /Pg \d+ 0 R>>\])")))
      << pdf.substr(0, 4000);
  EXPECT_TRUE(std::regex_search(pdf, std::regex(R"(/StructParent \d+)")));
}

TEST(Pdf, EveryEditionIsTaggedAndUa1IsClaimedOnlyWhenAsked) {
  const std::string plain = test::write_temp("tagged.pdf", ""), ua = test::write_temp("ua1.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(small_document(), plain, {1700000000}, d));
  PdfOptions options{1700000000};
  options.pdf_ua1 = true;
  ASSERT_TRUE(write_pdf(small_document(), ua, options, d));
  const std::string a = read_bytes(plain), b = read_bytes(ua);
  for (const std::string* pdf : {&a, &b}) {
    EXPECT_NE(pdf->find("/StructTreeRoot"), std::string::npos);
    EXPECT_NE(pdf->find("/MarkInfo"), std::string::npos);
    EXPECT_NE(pdf->find("/ParentTree"), std::string::npos);
    EXPECT_NE(pdf->find("/StructParents 0"), std::string::npos);
    EXPECT_NE(pdf->find("/S /Document"), std::string::npos);
    EXPECT_NE(pdf->find("/S /P"), std::string::npos);
    EXPECT_NE(pdf->find("/DisplayDocTitle true"), std::string::npos);
    EXPECT_NE(pdf->find("<dc:title>"), std::string::npos);
  }
  EXPECT_EQ(a.find("pdfuaid"), std::string::npos);
  EXPECT_NE(b.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos);
}

TEST(Pdf, SameInputSameBytes) {
  const std::string a = test::write_temp("a.pdf", ""), b = test::write_temp("b.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(small_document(), a, {1700000000}, d));
  ASSERT_TRUE(write_pdf(small_document(), b, {1700000000}, d));
  EXPECT_EQ(read_bytes(a), read_bytes(b));
}

TEST(Pdf, EditionsOfOneBuildShareTheirFontSubsetsAndKeepTheirBytes) {
  const DisplayList pages = small_document();
  const std::string alone = test::write_temp("alone.pdf", ""), first = test::write_temp("first.pdf", ""),
                    second = test::write_temp("second.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(pages, alone, {1700000000}, d));
  {
    const SubsetSharing build;
    ASSERT_TRUE(write_pdf(pages, first, {1700000000}, d));
    EXPECT_EQ(build.reused(), 0u);
    ASSERT_TRUE(write_pdf(pages, second, {1700000000}, d));
    EXPECT_GT(build.reused(), 0u);  // the second writer cut no subset of its own
  }
  EXPECT_EQ(read_bytes(first), read_bytes(alone));
  EXPECT_EQ(read_bytes(second), read_bytes(alone));
}

TEST(Pdf, AContentsPageFilledInLaterKeepsTheBytesOfOneHeld) {
  // Layout streams every page to the writer, the contents page with placeholders for its page
  // numbers that it fills in once the sections are laid out: the same bytes as the pages held
  // until the numbers are known (a display list written whole), crop marks or not.
  Diagnostics d;
  const Document doc = load_report(test::source("report.yaml"), d);
  const StyleSheet styles = test::booklet_styles();
  const DisplayList held = lay_out(doc, styles, test::project_fonts(), d);
  for (const bool marks : {false, true}) {
    PdfOptions options{1700000000};
    options.crop_marks = marks;
    const std::string whole = test::write_temp("held.pdf", ""), streamed = test::write_temp("streamed.pdf", "");
    ASSERT_TRUE(write_pdf(held, whole, options, d));
    PdfWriter writer(streamed, options);
    ASSERT_TRUE(writer.fills_in_later());
    EXPECT_EQ(lay_out(doc, styles, test::project_fonts(), d, writer), held.pages.size());
    ASSERT_TRUE(writer.finish(d));
    EXPECT_FALSE(d.has_errors());
    EXPECT_EQ(read_bytes(streamed), read_bytes(whole)) << "crop marks: " << marks;
  }
  for (const auto& page : held.pages) EXPECT_TRUE(page.placeholders.empty());  // none when pages are held
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

TEST(Pdf, PdfX4AddsTheOutputIntentAndXmpOnlyWhenAsked) {
  const std::string plain = test::write_temp("plain.pdf", ""), x4 = test::write_temp("x4.pdf", "");
  Diagnostics d;
  ASSERT_TRUE(write_pdf(small_document(), plain, {1700000000}, d));
  PdfOptions options{1700000000};
  options.pdf_x4 = true;
  ASSERT_TRUE(write_pdf(small_document(), x4, options, d));
  const std::string a = read_bytes(plain), b = read_bytes(x4);
  EXPECT_EQ(a.find("/OutputIntents"), std::string::npos);
  EXPECT_EQ(b.rfind("%PDF-1.6", 0), 0u);
  EXPECT_NE(b.find("/S /GTS_PDFX"), std::string::npos);
  EXPECT_NE(b.find("/OutputConditionIdentifier (FOGRA39)"), std::string::npos);
  EXPECT_NE(b.find("/Trapped /False"), std::string::npos);
  EXPECT_NE(b.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), std::string::npos);
  EXPECT_NE(b.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), std::string::npos);
}

TEST(Pdf, XmpEscapesTheTitleAndWritesTheIdAsAUuid) {
  const std::string xmp = pdfx4_xmp({"Us & <them>", "leafpress", 0, "0123456789ABCDEF0123456789ABCDEF"});
  EXPECT_NE(xmp.find(">Us &amp; &lt;them&gt;</rdf:li>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmpMM:DocumentID>uuid:01234567-89ab-cdef-0123-456789abcdef</xmpMM:DocumentID>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:ModifyDate>1970-01-01T00:00:00Z</xmp:ModifyDate>"), std::string::npos);
}

TEST(Pdf, CropMarksLieOutsideTheBleedInsideTheMedia) {
  const double bleed = Mm(3).to_pt().value;
  const double margin = crop_marks_margin(bleed);
  EXPECT_EQ(margin, 26);
  EXPECT_EQ(crop_marks_margin(0), 35);  // marks keep 3 mm from the trim without a bleed
  const double w = 419.53, h = 595.28;
  const std::string ops = crop_marks_content(margin, bleed, w, h, true);
  EXPECT_EQ(ops.rfind("/Artifact BMC", 0), 0u);
  EXPECT_NE(ops.find("/LpRegistration CS 1 SCN"), std::string::npos);
  std::istringstream in(ops);
  std::string line;
  int lines = 0;
  const double bx0 = margin, bx1 = margin + w + 2 * bleed, by1 = margin + h + 2 * bleed;
  while (std::getline(in, line)) {
    double x0, y0, x1, y1;
    if (std::sscanf(line.c_str(), "%lf %lf m %lf %lf l S", &x0, &y0, &x1, &y1) != 4) continue;
    ++lines;
    for (auto [x, y] : {std::pair{x0, y0}, std::pair{x1, y1}}) {
      EXPECT_TRUE(x < bx0 || x > bx1 || y < bx0 || y > by1) << line;  // outside the bleed box
      EXPECT_TRUE(x >= 0 && x <= bx1 + margin && y >= 0 && y <= by1 + margin) << line;  // on the media
    }
  }
  EXPECT_EQ(lines, 8);
}

TEST(Pdf, CropMarksEnlargeTheMediaBoxAndKeepTheTrim) {
  const std::string path = test::write_temp("marks.pdf", "");
  PdfOptions options{1700000000};
  options.crop_marks = true;
  Diagnostics d;
  ASSERT_TRUE(write_pdf(small_document(), path, options, d));
  const std::string pdf = read_bytes(path);
  EXPECT_NE(pdf.find("/Separation /All /DeviceCMYK"), std::string::npos);
  EXPECT_NE(pdf.find("/ColorSpace <<\012/LpRegistration"), std::string::npos);
  // A5 with a 3 mm bleed, 26 pt of marks on every side.
  EXPECT_NE(pdf.find("/MediaBox [ 0 0 488.53543 664.28345 ]"), std::string::npos);
  EXPECT_NE(pdf.find("/BleedBox [ 26 26 462.53543 638.28345 ]"), std::string::npos);
  EXPECT_NE(pdf.find("/TrimBox [ 34.50394 34.50394 454.03149 629.77954 ]"), std::string::npos);
}

TEST(Conveyor, HandlesItemsInOrderAndStopsAtAnException) {
  for (const bool own_thread : {true, false}) {
    std::vector<int> seen;  // written by the handling thread, read after finish()
    std::vector<std::thread::id> handled_on;
    Conveyor<int> conveyor(
        2,
        [&](int& i) {
          if (i == 50) throw std::runtime_error("fifty");
          seen.push_back(i);
          handled_on.push_back(std::this_thread::get_id());
        },
        own_thread);
    for (int i = 0; i < 100; ++i) conveyor.push(i);
    conveyor.finish();
    conveyor.push(100);  // after finish: dropped
    ASSERT_EQ(seen.size(), 50u) << own_thread;
    for (int i = 0; i < 50; ++i) EXPECT_EQ(seen[static_cast<size_t>(i)], i);
    ASSERT_TRUE(conveyor.failure());
    EXPECT_THROW(std::rethrow_exception(conveyor.failure()), std::runtime_error);
    for (const auto& id : handled_on) EXPECT_EQ(id == std::this_thread::get_id(), !own_thread);
  }
}

TEST(Pdf, AWriterWithoutThreadsOfItsOwnWritesTheSameBytes) {
  // Pages, a contents page filled in after them and links: everything the writer's threads do.
  std::string yaml =
      "report: {title: T, short-name: T, language: en-GB, date: 2025-01-01, editions: [booklet]}\n"
      "content:\n  - contents: {title: Contents}\n";
  for (int s = 0; s < 4; ++s) {
    yaml += "  - section:\n      title: Section " + std::to_string(s + 1) + "\n      blocks:\n";
    for (int p = 0; p < 12; ++p)
      yaml += "        - p: 'A paragraph with [a link](https://example.org/) long enough to fill a few lines of the "
              "booklet, one of many, so that each section runs over more than one page.'\n";
  }
  Diagnostics d;
  Document doc = load_report(test::write_temp("threads.yaml", yaml), d);
  ASSERT_FALSE(d.has_errors());
  const DisplayList pages = lay_out(doc, test::booklet_styles(), test::project_fonts(), d);
  ASSERT_GT(pages.pages.size(), 5u);
  const std::string threaded = test::write_temp("threaded.pdf", ""), inline_ = test::write_temp("inline.pdf", "");
  PdfOptions options{1700000000};
  ASSERT_TRUE(write_pdf(pages, threaded, options, d));
  options.own_threads = false;
  ASSERT_TRUE(write_pdf(pages, inline_, options, d));
  const std::string a = read_bytes(threaded);
  EXPECT_NE(a.find("/Count " + std::to_string(pages.pages.size())), std::string::npos);
  EXPECT_EQ(a, read_bytes(inline_));
}

}  // namespace
}  // namespace lp
