// The parts that keep bad input and failing disks from doing harm: WholeFile (pdf/whole_file.h),
// the picture decoders' edges (model/picture.h) and the PDF limits (model/pdf_limits.h).
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "model/pdf_limits.h"
#include "model/picture.h"
#include "pdf/whole_file.h"
#include "test_support.h"

namespace lp {
namespace {

namespace fs = std::filesystem;

std::string folder() {
  const auto dir = fs::temp_directory_path() / ("lp-reliability-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir.string();
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(WholeFile, NothingAppearsUntilCommitted) {
  const std::string path = folder() + "/a.pdf";
  std::string why;
  WholeFile f(path);
  ASSERT_TRUE(f.open(why)) << why;
  EXPECT_TRUE(fs::exists(f.scratch()));
  EXPECT_EQ(fs::path(f.scratch()).filename().string().rfind(".a.pdf.", 0), 0u);  // a dotfile beside it
  ASSERT_TRUE(f.write("%PDF-1.7\n%%EOF\n", 15, why)) << why;
  ASSERT_TRUE(f.finish("%%EOF\n", why)) << why;
  EXPECT_FALSE(fs::exists(path));
  const std::string scratch = f.scratch();
  ASSERT_TRUE(f.commit(why)) << why;
  EXPECT_FALSE(fs::exists(scratch));
  EXPECT_EQ(read(path), "%PDF-1.7\n%%EOF\n");
}

TEST(WholeFile, SeveralRenamedThenTheirFolderSyncedOnce) {
  const std::string dir = folder();
  std::string why;
  std::vector<WholeFile> files;
  for (const char* name : {"/e.pdf", "/f.pdf"}) {
    files.emplace_back(dir + name);
    ASSERT_TRUE(files.back().open(why)) << why;
    ASSERT_TRUE(files.back().write("%PDF-1.7\n%%EOF\n", 15, why)) << why;
    ASSERT_TRUE(files.back().finish("%%EOF\n", why)) << why;
  }
  for (WholeFile& f : files) ASSERT_TRUE(f.rename_into_place(why)) << why;
  for (WholeFile& f : files) {
    EXPECT_TRUE(f.scratch().empty());
    EXPECT_EQ(read(f.path()), "%PDF-1.7\n%%EOF\n");
  }
  EXPECT_EQ(sync_folder_of(files.front().path()), "");
  EXPECT_EQ(sync_folder_of(dir + "/gone/g.pdf").rfind("cannot sync the folder of the file: ", 0), 0u);
}

TEST(WholeFile, AFileWithoutItsTrailerIsRefusedAndRemoved) {
  const std::string path = folder() + "/b.pdf";
  std::string why;
  WholeFile f(path);
  ASSERT_TRUE(f.open(why));
  const std::string scratch = f.scratch();
  ASSERT_TRUE(f.write("%PDF-1.7\ncut short", 18, why));
  EXPECT_FALSE(f.finish("%%EOF\n", why));
  EXPECT_EQ(why, "the written file is not whole: it does not end in its trailer");
  EXPECT_FALSE(fs::exists(scratch));
  EXPECT_FALSE(fs::exists(path));
}

TEST(WholeFile, ADroppedFileLeavesNothing) {
  const std::string path = folder() + "/c.pdf";
  std::string scratch, why;
  {
    WholeFile f(path);
    ASSERT_TRUE(f.open(why));
    scratch = f.scratch();
    WholeFile moved = std::move(f);  // the scratch file follows the move
    EXPECT_TRUE(fs::exists(scratch));
  }
  EXPECT_FALSE(fs::exists(scratch));
  EXPECT_FALSE(fs::exists(path));
}

TEST(WholeFile, TwoAtOnceHaveTheirOwnScratchFiles) {
  const std::string path = folder() + "/d.pdf";
  std::string why;
  WholeFile a(path), b(path);
  ASSERT_TRUE(a.open(why) && b.open(why));
  EXPECT_NE(a.scratch(), b.scratch());
}

TEST(WholeFile, WhatIsNotARegularFile) {
  EXPECT_EQ(not_a_regular_file("/dev/null"), "a device");
  EXPECT_EQ(not_a_regular_file(folder()), "a folder");
  EXPECT_EQ(not_a_regular_file(folder() + "/no-such-file"), "");
  EXPECT_TRUE(same_file(folder(), folder() + "/."));
}

std::string tiff_with_orientation(bool big_endian, uint16_t value) {
  auto u16 = [&](uint16_t v) {
    return big_endian ? std::string{char(v >> 8), char(v & 0xFF)} : std::string{char(v & 0xFF), char(v >> 8)};
  };
  auto u32 = [&](uint32_t v) { return big_endian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16); };
  // Header, then one IFD of two entries: ImageWidth, then Orientation.
  return std::string(big_endian ? "MM" : "II") + u16(42) + u32(8) + u16(2) + u16(0x0100) + u16(3) + u32(1) + u32(640) +
         u16(0x0112) + u16(3) + u32(1) + u16(value) + u16(0) + u32(0);
}

TEST(Pictures, ExifOrientationInBothByteOrders) {
  EXPECT_EQ(exif_orientation(tiff_with_orientation(true, 6)), 6);
  EXPECT_EQ(exif_orientation(tiff_with_orientation(false, 8)), 8);
  EXPECT_EQ(exif_orientation(tiff_with_orientation(false, 9)), 1);  // not an orientation
  EXPECT_EQ(exif_orientation(tiff_with_orientation(true, 3).substr(0, 20)), 1);  // cut short
  EXPECT_EQ(exif_orientation("not a TIFF header"), 1);
}

TEST(Pictures, ThePixelLimit) {
  EXPECT_EQ(pixel_limit_problem(10000, 5000), "");
  EXPECT_EQ(pixel_limit_problem(10000, 5001), "the picture has 10000x5001 pixels, over the limit of 50 megapixels");
  EXPECT_EQ(pixel_limit_problem(0, 10), "the picture has no pixels");
}

TEST(Pictures, AQuarterTurnSwapsTheShownSize) {
  Picture p;
  p.width = 30, p.height = 20, p.orientation = 6;
  EXPECT_EQ(p.shown_width(), 20);
  EXPECT_EQ(p.shown_height(), 30);
  p.orientation = 3;
  EXPECT_EQ(p.shown_width(), 30);
}

TEST(Pictures, BytesAreSniffedNotNames) {
  std::string why;
  EXPECT_FALSE(decode_picture("GIF89a...", DecodeMode::Check, why));
  EXPECT_EQ(why, "not a PNG or JPEG picture");
  EXPECT_FALSE(decode_picture(std::string("\x89PNG\r\n\x1a\n", 8), DecodeMode::Check, why));
  EXPECT_EQ(why.rfind("damaged PNG:", 0), 0u) << why;
  EXPECT_FALSE(decode_picture("\xFF\xD8\xFF\xE0", DecodeMode::Check, why));
  EXPECT_EQ(why.rfind("damaged JPEG:", 0), 0u) << why;
}

// libpng allocates what a chunk claims before reading it: these claim 2 GB in a few bytes, and
// must be refused before libpng sees them (found by png_fuzz).
TEST(Pictures, AChunkLongerThanTheFileIsRefusedFirst) {
  for (const char* name : {"chunk-length-2gb.png", "chunk-header-at-the-end.png"}) {
    std::string why;
    EXPECT_FALSE(decode_picture(read(test::source(std::string("tests/fuzz/regressions/png/") + name)), DecodeMode::Pixels, why));
    EXPECT_EQ(why, "damaged PNG: the file is truncated (a chunk is longer than the file)") << name;
  }
}

TEST(PdfLimits, TextStringBytesCountUtf16) {
  EXPECT_EQ(pdf_text_string_bytes(""), 2u);
  EXPECT_EQ(pdf_text_string_bytes("abc"), 8u);
  EXPECT_EQ(pdf_text_string_bytes("Zoë"), 8u);          // ë is one unit
  EXPECT_EQ(pdf_text_string_bytes("\xF0\x9F\x98\x80"), 6u);  // a surrogate pair
}

}  // namespace
}  // namespace lp
