#pragma once
// Language tags (`report: language:`, a block's `lang:`, a span's `<span lang="…">`).
#include <string_view>

namespace lp {

// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646: "cy", "en-GB", "zh-Hant-TW",
// "sr-Latn", "x-private"), by ICU's parser, whose language is two or three letters (RFC 5646
// reserves longer ones, and none is registered): "en_GB", "cy-" and "welsh" are not.
bool is_language_tag(std::string_view tag);

}  // namespace lp
