#pragma once
// Errors and warnings are values with a source position until the CLI prints them.
#include <string>
#include <utility>
#include <vector>

namespace lp {

struct SourcePos {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
};

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  SourcePos pos;
  std::string message;
  // Reported once per build (merge_editions): the text it is about, e.g. a character no font has.
  std::string once;
};

// "file:line:column: error: message", the form compilers use.
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void error(std::string file, SourcePos pos, std::string message);
  void warning(std::string file, SourcePos pos, std::string message);
  // A warning about `subject` (text of the file, at `pos` or after it) that a build reports once.
  void warning_once(std::string subject, std::string file, SourcePos pos, std::string message);
  bool has_errors() const;
  size_t warning_count() const;
  // --strict: every warning becomes an error.
  void promote_warnings();
  const std::vector<Diagnostic>& all() const { return items_; }
  void append(const Diagnostics& other);
  // Appends those of `other` not already here or earlier in `other` (same severity, place and words).
  void append_unique(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// The diagnostics of a build's editions (name, diagnostics), in edition order. One that is to be
// reported once is, at the first place in its file where its subject is written, with the editions
// that met it and the other places. One that an earlier edition gave word for word is left out.
Diagnostics merge_editions(const std::vector<std::pair<std::string, const Diagnostics*>>& editions);

// The closest candidate to `word` by edit distance, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace lp
