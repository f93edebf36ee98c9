#include "model/words.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace lp {

namespace {

const std::map<std::string, Words, std::less<>>& table() {
  static const std::map<std::string, Words, std::less<>> words{
      {"en", Words{}},
      {"cy", {"Nodiadau", "Cynnwys", "Cyfanswm:", "Atebion", "atebion:", "Ffynonellau eraill", "y cyfanswm llai'r gweddill"}},
      {"fr", {"Notes", "Sommaire", "Total :", "Réponses", "réponses :", "Autres sources", "le total moins le reste"}},
      {"de", {"Notizen", "Inhalt", "Gesamt:", "Lösungen", "Lösungen:", "Andere Quellen", "die Summe abzüglich der übrigen"}},
      {"es", {"Notas", "Índice", "Total:", "Respuestas", "respuestas:", "Otras fuentes", "el total menos el resto"}},
      {"pl", {"Notatki", "Spis treści", "Razem:", "Odpowiedzi", "odpowiedzi:", "Inne źródła", "suma minus pozostałe"}},
      {"nl", {"Notities", "Inhoud", "Totaal:", "Antwoorden", "antwoorden:", "Andere bronnen", "het totaal min de rest"}},
      {"it", {"Note", "Indice", "Totale:", "Soluzioni", "soluzioni:", "Altre fonti", "il totale meno il resto"}},
      {"pt", {"Notas", "Índice", "Total:", "Respostas", "respostas:", "Outras fontes", "o total menos o resto"}},
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
  static const std::vector<std::string> keys{"notes", "contents", "total", "answers", "puzzle-answers", "other-sources", "derived"};
  return keys;
}

std::string* word_field(Words& words, std::string_view key) {
  if (key == "notes") return &words.notes;
  if (key == "contents") return &words.contents;
  if (key == "total") return &words.total;
  if (key == "answers") return &words.answers;
  if (key == "puzzle-answers") return &words.puzzle_answers;
  if (key == "other-sources") return &words.other_sources;
  if (key == "derived") return &words.derived;
  return nullptr;
}

}  // namespace lp
