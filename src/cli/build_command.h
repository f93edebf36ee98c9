#pragma once
// `leafpress build` and `leafpress check`: report.yaml to one PDF per edition, or to diagnostics only.
#include "cli/request.h"

namespace lp {

// Loads the report, its fonts and edition layouts once, lays the editions out in parallel and,
// when every edition is free of errors, writes their PDFs (each whole or not at all).
int run_build(const BuildRequest& request);

}  // namespace lp
