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

namespace {

// A workflow command's message: '%', CR and LF escaped; a property's value also ':' and ','.
std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string diagnostics_github(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) {
    out += d.severity == Severity::Error ? "::error" : "::warning";
    std::string props;
    if (!d.file.empty()) props += "file=" + github_escape(d.file, true);
    if (d.pos.line > 0) props += fmt::format("{}line={}", props.empty() ? "" : ",", d.pos.line);
    if (d.pos.line > 0 && d.pos.column > 0) props += fmt::format(",col={}", d.pos.column);
    if (!props.empty()) out += " " + props;
    out += "::" + github_escape(d.message, false) + "\n";
  }
  return out;
}

void print_diagnostics(const Diagnostics& diags, const BuildRequest& request, int exit_code) {
  if (request.format == DiagnosticsFormat::Json) {
    std::cout << diagnostics_json(diags, exit_code) << "\n";
    return;
  }
  if (request.format == DiagnosticsFormat::Github) {
    std::cout << diagnostics_github(diags) << std::flush;
    return;
  }
  for (const auto& d : diags.all()) std::cerr << format_diagnostic(d) << "\n";
}

}  // namespace lp
