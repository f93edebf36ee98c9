#pragma once
// The output stage: a display list to a PDF file. The file appears whole or not at all.
#include <cstdint>
#include <optional>
#include <string>

#include "layout/display_list.h"
#include "model/diagnostic.h"

namespace lp {

struct PdfOptions {
  std::optional<int64_t> creation_time;  // seconds since 1970 (SOURCE_DATE_EPOCH); else the report's date
};

// Returns false after reporting the reason in `diags` (against `path`).
bool write_pdf(const DisplayList& list, const std::string& path, const PdfOptions& options, Diagnostics& diags);

}  // namespace lp
