// The words leafpress prints itself: by the report's language, or the report's own.
#include "model/words.h"

#include <gtest/gtest.h>

#include "model/loaders.h"
#include "test_support.h"

namespace lp {
namespace {

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += format_diagnostic(x) + "\n";
  return out;
}

TEST(Words, ByTheLanguagesPrimaryTag) {
  EXPECT_EQ(words_for("en-GB").contents, "Contents");
  EXPECT_EQ(words_for("cy-GB").notes, "Nodiadau");
  EXPECT_EQ(words_for("CY").answers, "Atebion");
  EXPECT_EQ(words_for("fr").total, "Total :");
  EXPECT_EQ(words_for("pl-PL").contents, "Spis treści");
  EXPECT_EQ(words_for("xx").notes, "Notes");  // English for a language the table has not
  EXPECT_FALSE(has_words_for("xx"));
  EXPECT_TRUE(has_words_for("de-AT"));
}

TEST(Words, TheReportsLanguageAndItsOwnWords) {
  Diagnostics d;
  const Document doc = load_report(test::write_temp("words.yaml",
                                                    "report:\n"
                                                    "  title: T\n"
                                                    "  language: cy\n"
                                                    "  words: {total: 'Cyfanswm yr wythnos:', puzzle-answers: 'atebion y cwis:'}\n"
                                                    "content:\n"
                                                    "  - notes: ~\n"
                                                    "  - contents: {}\n"),
                                   d);
  ASSERT_FALSE(d.has_errors()) << messages(d);
  EXPECT_EQ(doc.info.words.total, "Cyfanswm yr wythnos:");
  EXPECT_EQ(doc.info.words.puzzle_answers, "atebion y cwis:");
  EXPECT_EQ(doc.info.words.answers, "Atebion");  // the table's, not overridden
  EXPECT_EQ(plain_text(std::get<NotesPage>(doc.content[0]).title), "Nodiadau");
  EXPECT_EQ(plain_text(std::get<ContentsPage>(doc.content[1]).title), "Cynnwys");
}

TEST(Words, AnUnknownWordIsAnError) {
  Diagnostics d;
  load_report(test::write_temp("words-bad.yaml", "report:\n  title: T\n  words: {note: N}\ncontent: []\n"), d);
  EXPECT_NE(messages(d).find("words-bad.yaml:3:11: error: unknown key 'note' (did you mean 'notes'?)"), std::string::npos)
      << messages(d);
}

}  // namespace
}  // namespace lp
