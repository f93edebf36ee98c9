#pragma once
// What the command line asks for: the options `build`, `check` and `watch` share.
#include <string>
#include <vector>

namespace lp {

// Exit codes, as documented in --help and the README.
enum ExitCode { kOk = 0, kInputError = 1, kUsageError = 2, kIoError = 3 };

enum class DiagnosticsFormat { Text, Json, Github };

struct BuildRequest {
  std::string report = "report.yaml";
  std::vector<std::string> editions;  // empty: every edition the report lists
  std::string output;                 // one edition only
  std::string out_dir = "out";
  std::string layout_dir;             // default: layout/ beside the report
  std::string fonts;                  // default: fonts/fonts.yaml beside the report
  std::string root;                   // files the report names stay under it; default: the report's folder
  std::string dump;                   // "pages": print the display list instead of writing a PDF
  DiagnosticsFormat format = DiagnosticsFormat::Text;
  bool strict = false;                // warnings are errors
  bool timings = false;               // print where the time went
  bool marks = false;                 // crop marks on every edition (--marks), as the layout's marks: crop
  bool write = true;                  // false for `check`: lay out, write nothing
  unsigned jobs = 0;                  // editions built at once; 0: one thread per edition (at most 8)
  // The process ends with this build: once it has succeeded and said so, it exits at once,
  // leaving the model, the fonts and their caches to the exit rather than freeing them.
  bool exit_when_done = false;

  // The folder files named by the report must stay under (see model/input_path.h).
  std::string input_root() const;
};

}  // namespace lp
