// The line break opportunities a build's editions share (LineBreakStore): a finder that reads
// them from the store gives what a finder of its own gives, for the locale it was made for.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/line_breaks.h"

namespace lp {
namespace {

std::vector<std::string> texts() {
  std::vector<std::string> out = {
      "Welcome to the annual report.",
      "A hard break\nin the middle, and a soft hyphen: co\xC2\xADproduce.",
      "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF\xE3\x81\x81\xE3\x81\x81\xE3\x83\xBC\xE3\x80\x82",  // こんにちはぁぁー。
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83\xD9\x85 (2024-25) \xE2\x80\x94 -5 .35",
      "",
  };
  std::string long_text;  // past the length a finder keeps for itself
  while (long_text.size() < 2000) long_text += "Young people worked with the partnership to co-produce this report. ";
  out.push_back(long_text);
  return out;
}

std::vector<size_t> offsets(const std::vector<BreakOpportunity>& breaks) {
  std::vector<size_t> out;
  for (const auto& b : breaks) out.push_back(b.offset * 2 + (b.mandatory ? 1 : 0));
  return out;
}

TEST(LineBreakStore, SharedFindersGiveWhatAFinderOfItsOwnGivesForEachLocale) {
  // Japanese with loose line breaking allows a break before small kana and the long vowel mark;
  // the root locale does not: a store that did not tell locales apart would fail here.
  const icu::Locale locales[] = {icu::Locale::getRoot(), icu::Locale("ja@lb=loose"), icu::Locale("en", "GB")};
  LineBreakStore store;
  std::vector<BreakOpportunity> own, first, second;
  bool locales_differ = false;
  for (int round = 0; round < 2; ++round)
    for (const icu::Locale& locale : locales) {
      LineBreakFinder alone(locale), sharing(locale, &store), other(locale, &store);
      for (const std::string& text : texts()) {
        alone.find(text, own);
        sharing.find(text, first);  // found by ICU in round 0, read from the store in round 1
        other.find(text, second);   // always read from the store
        EXPECT_EQ(offsets(first), offsets(own)) << locale.getName() << ": " << text;
        EXPECT_EQ(offsets(second), offsets(own)) << locale.getName() << ": " << text;
        if (&locale != &locales[0]) {
          std::vector<BreakOpportunity> root;
          LineBreakFinder(locales[0]).find(text, root);
          locales_differ |= offsets(root) != offsets(own);
        }
      }
    }
  EXPECT_TRUE(locales_differ) << "the texts should break differently in some locale";
}

TEST(LineBreakStore, AFinderReadsWhatTheStoreHolds) {
  LineBreakStore store;
  const std::string text = "two words";
  const std::vector<BreakOpportunity> planted = {{2, false}, {9, true}};
  store.add(LineBreakStore::key(icu::Locale("en", "GB").getName(), text), planted);
  std::vector<BreakOpportunity> found;
  LineBreakFinder(icu::Locale("en", "GB"), &store).find(text, found);
  EXPECT_EQ(offsets(found), offsets(planted));
  LineBreakFinder(icu::Locale::getRoot(), &store).find(text, found);  // another locale: ICU's own
  EXPECT_EQ(offsets(found), (std::vector<size_t>{4 * 2, 9 * 2}));
}

TEST(LineBreakStore, KeepsNoMoreOnceItHoldsItsMost) {
  LineBreakStore store;
  const std::vector<BreakOpportunity> breaks = {{1, false}};
  std::vector<BreakOpportunity> found;
  size_t kept = 0;
  for (char c = 'a'; c <= 'z'; ++c) {
    const std::string text(1 << 20, c);  // 26 MiB offered in all
    store.add(LineBreakStore::key("root", text), breaks);
    kept += store.find(LineBreakStore::key("root", text), found) ? 1 : 0;
  }
  EXPECT_GE(kept, 10u);
  EXPECT_LE(kept, 16u);
  EXPECT_FALSE(store.find(LineBreakStore::key("root", std::string(1 << 20, 'z')), found));
}

}  // namespace
}  // namespace lp
