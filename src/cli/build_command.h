#pragma once
// `leafpress build`: report.yaml to one PDF per edition.
#include <string>
#include <vector>

namespace lp {

// Exit codes, as documented in --help.
enum ExitCode { kOk = 0, kInputError = 1, kUsageError = 2, kIoError = 3 };

struct BuildRequest {
  std::string report = "report.yaml";
  std::vector<std::string> editions;  // empty: every edition the report lists
  std::string output;                 // one edition only
  std::string out_dir = "out";
  std::string layout_dir;             // default: layout/ beside the report
  std::string fonts;                  // default: fonts/fonts.yaml beside the report
  std::string dump;                   // "pages": print the display list instead of writing a PDF
};

int run_build(const BuildRequest& request);

}  // namespace lp
