#include "cli/diagnostics_output.h"

#include <fmt/format.h>

#include <iostream>

namespace lp {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out += c;  // UTF-8 passes through; JSON text is UTF-8
    }
  }
  return out + "\"";
}

std::string diagnostics_json(const Diagnostics& diags, int exit_code) {
  std::string out = "{\"diagnostics\":[";
  size_t errors = 0, warnings = 0;
  for (size_t i = 0; i < diags.all().size(); ++i) {
    const Diagnostic& d = diags.all()[i];
    const bool error = d.severity == Severity::Error;
    (error ? errors : warnings)++;
    out += fmt::format("{}{{\"file\":{},\"line\":{},\"column\":{},\"severity\":\"{}\",\"message\":{}}}", i ? "," : "",
                       json_string(d.file), d.pos.line, d.pos.column, error ? "error" : "warning",
                       json_string(d.message));
  }
  return out + fmt::format("],\"errors\":{},\"warnings\":{},\"exit\":{}}}", errors, warnings, exit_code);
}

void print_diagnostics(const Diagnostics& diags, const BuildRequest& request, int exit_code) {
  if (request.format == DiagnosticsFormat::Json) {
    std::cout << diagnostics_json(diags, exit_code) << "\n";
    return;
  }
  for (const auto& d : diags.all()) std::cerr << format_diagnostic(d) << "\n";
}

}  // namespace lp
