#include "text/initials.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace lp {

namespace {

std::vector<icu::UnicodeString> words_of(const icu::UnicodeString& text) {
  std::vector<icu::UnicodeString> words;
  int32_t start = -1;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    const int32_t next = text.moveIndex32(i, 1);
    if (u_isUWhiteSpace(c)) {
      if (start >= 0) words.push_back(text.tempSubStringBetween(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
    i = next;
  }
  if (start >= 0) words.push_back(text.tempSubStringBetween(start));
  return words;
}

// Every letter in capitals, and more than one of them: OBE, MBE, KC.
bool honour(const icu::UnicodeString& word) {
  int letters = 0;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    const UChar32 c = word.char32At(i);
    if (!u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters > 1;
}

// The word's first grapheme cluster that begins with a letter or digit (else its first).
icu::UnicodeString first_cluster(const icu::UnicodeString& word, icu::BreakIterator& clusters) {
  clusters.setText(word);
  int32_t from = clusters.first();
  icu::UnicodeString first;
  for (int32_t to = clusters.next(); to != icu::BreakIterator::DONE; from = to, to = clusters.next()) {
    icu::UnicodeString cluster = word.tempSubStringBetween(from, to);
    if (u_isalnum(cluster.char32At(0))) return cluster;
    if (first.isEmpty()) first = cluster;
  }
  return first;
}

}  // namespace

std::string initials(std::string_view name, std::string_view language) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::vector<icu::UnicodeString> words = words_of(text);
  while (words.size() > 2 && honour(words.back())) words.pop_back();
  if (words.empty()) return "";
  const icu::Locale locale(std::string(language).c_str());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> clusters(icu::BreakIterator::createCharacterInstance(locale, status));
  if (U_FAILURE(status)) return "";
  icu::UnicodeString out = first_cluster(words.front(), *clusters);
  if (words.size() > 1) out += first_cluster(words.back(), *clusters);
  out.toUpper(locale);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace lp
