#include "model/words.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace lp {

namespace {

const std::map<std::string, Words, std::less<>>& table() {
  static const std::map<std::string, Words, std::less<>> words{
      {"en", Words{}},
      {"cy", {"Nodiadau", "Cynnwys", "Cyfanswm:", "Atebion", "atebion:"}},
      {"fr", {"Notes", "Sommaire", "Total :", "Réponses", "réponses :"}},
      {"de", {"Notizen", "Inhalt", "Gesamt:", "Lösungen", "Lösungen:"}},
      {"es", {"Notas", "Índice", "Total:", "Respuestas", "respuestas:"}},
      {"pl", {"Notatki", "Spis treści", "Razem:", "Odpowiedzi", "odpowiedzi:"}},
      {"nl", {"Notities", "Inhoud", "Totaal:", "Antwoorden", "antwoorden:"}},
      {"it", {"Note", "Indice", "Totale:", "Soluzioni", "soluzioni:"}},
      {"pt", {"Notas", "Índice", "Total:", "Respostas", "respostas:"}},
  };
  return words;
}

// "en-GB" → "en"; "CY" → "cy".
std::string primary(std::string_view tag) {
  std::string lang(tag.substr(0, tag.find_first_of("-_")));
  std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return std::tolower(c); });
  return lang;
}

}  // namespace

Words words_for(std::string_view language) {
  const auto it = table().find(primary(language));
  return it == table().end() ? Words{} : it->second;
}

bool has_words_for(std::string_view language) { return table().count(primary(language)) > 0; }

const std::vector<std::string>& word_keys() {
  static const std::vector<std::string> keys{"notes", "contents", "total", "answers", "puzzle-answers"};
  return keys;
}

std::string* word_field(Words& words, std::string_view key) {
  if (key == "notes") return &words.notes;
  if (key == "contents") return &words.contents;
  if (key == "total") return &words.total;
  if (key == "answers") return &words.answers;
  if (key == "puzzle-answers") return &words.puzzle_answers;
  return nullptr;
}

}  // namespace lp
