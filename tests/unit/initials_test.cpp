// Initials by grapheme cluster, for any script (text/initials.h).
#include "text/initials.h"

#include <gtest/gtest.h>

namespace lp {
namespace {

TEST(Initials, FirstAndLastWordByGraphemeCluster) {
  EXPECT_EQ(initials("Zoë Łukasik"), "ZŁ");
  EXPECT_EQ(initials("Émile"), "É");
  EXPECT_EQ(initials("E\xCC\x81mile Zola"), "E\xCC\x81Z");  // E + combining acute stays one cluster
  EXPECT_EQ(initials("Tom McCabe"), "TM");
  EXPECT_EQ(initials("Mary Ann de la Cruz"), "MC");
}

TEST(Initials, HonoursAreLeftOut) {
  EXPECT_EQ(initials("Sara Tough OBE"), "ST");
  EXPECT_EQ(initials("Jane Smith CBE QPM"), "JS");
  EXPECT_EQ(initials("Ann OBE"), "AO");  // two words are a name
}

TEST(Initials, LowerCaseNamesPunctuationAndSpaces) {
  EXPECT_EQ(initials("  élodie\u00A0 durand "), "ÉD");  // no-break space is white space
  EXPECT_EQ(initials("(Jo) Smith"), "JS");
  EXPECT_EQ(initials("محمد علي"), "مع");
  EXPECT_EQ(initials("   "), "");
  EXPECT_EQ(initials(""), "");
}

TEST(Initials, UpperCaseFollowsTheLanguage) {
  EXPECT_EQ(initials("ilker yılmaz"), "IY");
  EXPECT_EQ(initials("ilker yılmaz", "tr"), "İY");
}

}  // namespace
}  // namespace lp
