#include "model/language_tag.h"

#include <unicode/locid.h>
#include <unicode/stringpiece.h>

namespace lp {

bool is_language_tag(std::string_view tag) {
  // ICU accepts the legacy "root" and an empty tag as the root locale; neither names a language.
  if (tag.empty() || tag.size() > 64 || tag == "root") return false;
  for (char c : tag)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  const std::string_view language = tag.substr(0, tag.find('-'));
  if (language != "x" && language != "i" && (language.size() < 2 || language.size() > 3)) return false;
  UErrorCode status = U_ZERO_ERROR;
  // Fails with U_ILLEGAL_ARGUMENT_ERROR unless the whole tag is well-formed.
  icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
  return U_SUCCESS(status);
}

}  // namespace lp
