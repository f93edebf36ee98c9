#include "test_support.h"

namespace lp {
namespace {

TEST(Style, RolesInheritFromBodyAndHeading) {
  StyleSheet s = test::booklet_styles();
  EXPECT_DOUBLE_EQ(s.body.size.value, 10.5);
  EXPECT_DOUBLE_EQ(s.body.leading.value, 14.5);
  EXPECT_EQ(s.body.align, Align::Justify);
  // list-item sets only its spacing: size, font and colour come from body.
  EXPECT_DOUBLE_EQ(s.list_item.size.value, 10.5);
  EXPECT_EQ(s.list_item.font_role, "body");
  EXPECT_EQ(s.heading.font_role, "heading");
  EXPECT_TRUE(s.heading.bold);
}

TEST(Style, ColoursCarryBothRgbAndCmyk) {
  StyleSheet s = test::booklet_styles();
  EXPECT_NEAR(s.heading.colour.r, 0x2E / 255.0, 1e-9);
  EXPECT_NEAR(s.heading.colour.c, 0.80, 1e-9);
  EXPECT_NEAR(s.body.colour.k, 1.0, 1e-9);
  EXPECT_TRUE(s.cmyk);
}

TEST(Style, ANewSizeKeepsTheLeadingProportion) {
  Edition e;
  e.palette["ink"] = {};
  TextStyleSpec body;
  body.size = Pt(10);
  body.leading = Pt(15);
  TextStyleSpec big;
  big.size = Pt(20);
  e.styles["body"] = body;
  e.styles["heading"] = big;
  StyleSheet s = resolve_styles(e);
  EXPECT_DOUBLE_EQ(s.heading.leading.value, 30);
}

TEST(Style, LargePrintIsAtLeastSixteenPoints) {
  Diagnostics d;
  StyleSheet s = resolve_styles(load_edition(test::source("layout/large-print.yaml"), d));
  ASSERT_FALSE(d.has_errors());
  for (const TextStyle* t : {&s.body, &s.heading, &s.section_title, &s.list_item, &s.footer, &s.cover_title,
                             &s.cover_subtitle, &s.cover_tagline})
    EXPECT_GE(t->size.value, 16.0);
  EXPECT_EQ(s.body.align, Align::Left);
  EXPECT_FALSE(s.hyphenate);
}

TEST(Style, LargePrintSetsEmphasisInBoldEveryRole) {
  Diagnostics d;
  StyleSheet s = resolve_styles(load_edition(test::source("layout/large-print.yaml"), d));
  ASSERT_FALSE(d.has_errors());
  for (const TextStyle* t : {&s.body, &s.heading, &s.quote, &s.quote_by, &s.caption, &s.label, &s.footer}) {
    EXPECT_TRUE(t->emphasis_bold);
    const FaceChoice italic = face_choice(*t, false, true);
    EXPECT_TRUE(italic.bold);
    EXPECT_FALSE(italic.italic);
  }
  TextStyle asked = s.quote_by;
  asked.italic = true;  // as layout asks for a quote's attribution
  EXPECT_FALSE(face_choice(asked, false, false).italic);
  StyleSheet booklet = test::booklet_styles();
  EXPECT_TRUE(face_choice(booklet.body, false, true).italic);
  EXPECT_FALSE(face_choice(booklet.body, false, true).bold);
}

}  // namespace
}  // namespace lp
