#pragma once
// The words leafpress prints itself, in the report's language; a report may give its own
// (`report: words: {notes: …}`).
#include <string>
#include <string_view>
#include <vector>

namespace lp {

struct Words {
  std::string notes = "Notes";              // the title of a Notes page, and of the padding pages
  std::string contents = "Contents";        // the title of the contents page
  std::string total = "Total:";             // before a chart's total
  std::string answers = "Answers";          // the title of the answers page
  std::string puzzle_answers = "answers:";  // after a puzzle's title in its answers: "Quiz answers:"
  std::string other_sources = "Other sources";  // a chart's remainder: its total less its bars
  std::string derived = "the total less the rest";  // the note on that remainder: "Other sources: …"
};

// The table's words for a BCP 47 tag, by its language (en, cy, fr, de, es, pl, nl, it, pt);
// English for the others.
Words words_for(std::string_view language);
// Whether the table has the tag's language.
bool has_words_for(std::string_view language);

// The keys `report: words:` takes, as the table names them: notes, contents, total, answers,
// puzzle-answers, other-sources, derived.
const std::vector<std::string>& word_keys();
// The field of `words` a key names; nullptr for another.
std::string* word_field(Words& words, std::string_view key);

}  // namespace lp
