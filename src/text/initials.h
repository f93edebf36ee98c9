#pragma once
// The letters of a person's initials badge, for any script.
#include <string>
#include <string_view>

namespace lp {

// The first grapheme cluster of the first word and of the last, upper-cased for `language` (a
// BCP 47 tag; "" for the root locale): "Zoë Łukasik" → "ZŁ", "Émile" → "É", written with a
// combining accent or not. Trailing words in capitals are honours, left out when two words remain
// ("Sara Tough OBE" → "ST"). A word's first cluster that begins with a letter or digit is taken
// (so "(Jo) Smith" → "JS"); words are split at Unicode white space. UTF-8 in and out; a name
// with no word gives "".
std::string initials(std::string_view name, std::string_view language = "");

}  // namespace lp
