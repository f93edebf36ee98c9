#pragma once
// Reading the YAML inputs into typed values. Errors go into `diags` with file, line and column;
// on error the returned value is incomplete and must not be used.
#include <string>

#include "model/diagnostic.h"
#include "model/document.h"
#include "model/edition.h"
#include "model/font_config.h"

namespace lp {

// Files the report names (images) must lie under `root`; "" means the report's own folder.
Document load_report(const std::string& path, Diagnostics& diags, const std::string& root = "");
Edition load_edition(const std::string& path, Diagnostics& diags);
FontConfig load_font_config(const std::string& path, Diagnostics& diags);

// Inline Markdown (bold, italic, links) to runs; `pos` is stamped on every run.
InlineText parse_inline_markdown(const std::string& text, SourcePos pos);

}  // namespace lp
