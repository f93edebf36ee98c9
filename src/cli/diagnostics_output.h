#pragma once
// Diagnostics as people read them (file:line:column: error: message) or as JSON for machines.
#include <ostream>
#include <string>

#include "cli/request.h"
#include "model/diagnostic.h"

namespace lp {

// One JSON object: {"diagnostics":[{"file","line","column","severity","message"}...],
// "errors":N,"warnings":N,"exit":CODE}. Line and column are 0 when unknown.
std::string diagnostics_json(const Diagnostics& diags, int exit_code);
std::string json_string(const std::string& s);

// GitHub Actions workflow commands, one a line: "::error file=F,line=L,col=C::message" (or
// ::warning), line and column left out when unknown; escaped as the runner expects.
std::string diagnostics_github(const Diagnostics& diags);

// Prints `diags` in the request's format: text to stderr; JSON (with the exit code) and GitHub
// annotations to stdout.
void print_diagnostics(const Diagnostics& diags, const BuildRequest& request, int exit_code);

}  // namespace lp
