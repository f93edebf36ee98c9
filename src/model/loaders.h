#pragma once
// Reading the YAML inputs into typed values. Errors go into `diags` with file, line and column;
// on error the returned value is incomplete and must not be used.
#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"
#include "model/edition.h"
#include "model/font_config.h"

namespace lp {

// Files the report names (images) must lie under `root`; "" means the report's own folder.
// Icons named without ".svg" are NAME.svg in the first of `icon_dirs` that has one (none given:
// layout/icons beside the report).
Document load_report(const std::string& path, Diagnostics& diags, const std::string& root = "",
                     std::vector<std::string> icon_dirs = {});
// A layout may say `extends: NAME` and give only what differs from that layout (merged over it,
// mappings key by key at every depth). NAME is looked for in the files `candidates(NAME)` gives,
// in order, skipping the layout itself (so a layout/booklet.yaml may extend leafpress's own
// booklet); without `candidates`, NAME.yaml beside the layout.
using LayoutCandidates = std::function<std::vector<std::string>(const std::string& name)>;
Edition load_edition(const std::string& path, Diagnostics& diags, const LayoutCandidates& candidates = {});
FontConfig load_font_config(const std::string& path, Diagnostics& diags);

// Inline Markdown (bold, italic, links) to runs; `pos` is stamped on every run.
InlineText parse_inline_markdown(const std::string& text, SourcePos pos);

}  // namespace lp
