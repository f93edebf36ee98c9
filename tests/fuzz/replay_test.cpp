// Every seed and every regression input of a fuzz target, run through that target in the
// ordinary test suite (and so under ASan and UBSan in the sanitizer build).
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "model/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

void replay(const fs::path& dir, size_t& count) {
  if (!fs::exists(dir)) return;  // a target with no regressions yet
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().string());
    EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
    ++count;
  }
}

TEST(LP_FUZZ_SUITE, SeedsAndRegressions) {
  size_t count = 0;
  replay(fs::path(LP_FUZZ_DIR) / "corpus" / LP_FUZZ_KIND, count);
  replay(fs::path(LP_FUZZ_DIR) / "regressions" / LP_FUZZ_KIND, count);
  EXPECT_GT(count, 2u);
}

}  // namespace

#ifdef LP_FUZZ_MARKDOWN
// md4c 0.4.8 leaves a link span it never entered in this input; the runs must stay sane.
TEST(LP_FUZZ_SUITE, UnbalancedLinkLeaveKeepsTheText) {
  const lp::InlineText runs = lp::parse_inline_markdown("[outer [inner](b)](a) ![Img](x.phttp[rb)](a) ![img](x.png)/r", {});
  EXPECT_EQ(lp::plain_text(runs), "[outer inner](a) Img img/r");
  ASSERT_FALSE(runs.empty());
  EXPECT_EQ(runs.back().link, "");
}
#endif
