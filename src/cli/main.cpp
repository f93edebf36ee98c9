#include <CLI/CLI.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/build_command.h"
#include "cli/impose_options.h"
#include "cli/init_command.h"
#include "cli/watch_command.h"

namespace {

// The options build, check and watch share.
void add_input_options(CLI::App* cmd, lp::BuildRequest& req) {
  cmd->add_option("report", req.report, "The report (default: ./report.yaml)");
  cmd->add_option("--edition", req.editions,
                  "An edition, from layout/NAME.yaml (repeatable; default: every edition the report lists, "
                  "else booklet, large-print and screen)");
  cmd->add_option("--layout-dir", req.layout_dir,
                  "Folder of edition layouts (default: layout/NAME.yaml beside the report, else leafpress's own)");
  cmd->add_option("--fonts", req.fonts,
                  "Font configuration (default: fonts/fonts.yaml beside the report, else leafpress's own)");
  cmd->add_option("--root", req.root,
                  "Files the report names (images, included files) must be under this folder "
                  "(default: the report's folder); paths out of it, links out of it and URLs are errors");
  cmd->add_flag("--strict", req.strict,
                "Treat warnings (overfull lines, text overflowing a box, missing glyphs, widows, "
                "low-resolution images) as errors");
  cmd->add_option("--diagnostics", req.format,
                  "text (default, on stderr), json (one object on stdout) or github (GitHub Actions "
                  "annotations on stdout)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, lp::DiagnosticsFormat>{
          {"text", lp::DiagnosticsFormat::Text},
          {"json", lp::DiagnosticsFormat::Json},
          {"github", lp::DiagnosticsFormat::Github}}));
  cmd->add_flag("--timings", req.timings, "Print the time each stage took, per edition, on stderr");
  cmd->add_option("-j,--jobs", req.jobs, "Editions built at once (default: all of them, at most two a core)");
}

void add_output_options(CLI::App* cmd, lp::BuildRequest& req) {
  cmd->add_option("-o,--output", req.output, "Write the PDF here (with exactly one edition)");
  cmd->add_option("--out-dir", req.out_dir, "Folder for the editions' PDFs when -o is not given (default: out)");
  cmd->add_flag("--marks", req.marks, "Draw crop marks outside the bleed (as 'marks: crop' in a layout)");
}

// `leafpress impose`: runs leafpress-impose, the executable beside this one (in the build folder
// and where leafpress is installed), which alone links qpdf. Returns only when it cannot be run.
int run_impose(const lp::ImposeRequest& req) {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string helper = ((ec ? std::filesystem::path() : exe.parent_path()) / "leafpress-impose").string();
  std::vector<std::string> args{"leafpress-impose", "-o", req.output, "--creep", fmt::format("{}", req.creep_mm)};
  if (req.marks) args.push_back("--marks");
  args.push_back("--");
  args.push_back(req.input);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execv(helper.c_str(), argv.data());
  std::cerr << fmt::format("leafpress: cannot run {}: {}\n", helper, std::strerror(errno));
  return lp::kIoError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "leafpress compiles a YAML report description into print-ready PDF editions.\n\n"
      "Exit codes: 0 success; 1 errors in the input (each printed as file:line:column: error: ...),\n"
      "or warnings with --strict; 2 wrong usage; 3 a file could not be read or written.",
      "leafpress"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "leafpress " LP_VERSION);

  lp::BuildRequest req;
  int max_builds = 0;
  CLI::App* build = app.add_subcommand("build", "Compile a report into PDFs, one per edition");
  add_input_options(build, req);
  add_output_options(build, req);
  build->add_option("--dump", req.dump, "Print the display list as text instead of writing a PDF")
      ->check(CLI::IsMember({"pages"}));

  CLI::App* check = app.add_subcommand("check", "Check a report and lay out its editions; write nothing");
  add_input_options(check, req);

  CLI::App* watch = app.add_subcommand("watch", "Build, then build again whenever an input changes");
  add_input_options(watch, req);
  add_output_options(watch, req);
  watch->add_option("--max-builds", max_builds, "Stop after this many builds (default: run until interrupted)");

  lp::ImposeRequest imposing;
  CLI::App* impose = app.add_subcommand("impose", "Printer's spreads of any PDF for saddle stitching (n/1, 2/n-1, ...)");
  lp::add_impose_options(impose, imposing);
  std::string init_dir;
  CLI::App* init = app.add_subcommand("init", "Write a starter report and copies of the layouts to customise");
  init->add_option("dir", init_dir, "The folder to write them in (default: this one; made if need be)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : lp::kUsageError;
  }
  if (!req.dump.empty() && req.format == lp::DiagnosticsFormat::Json) {
    std::cerr << "leafpress: --dump and --diagnostics json both write to stdout; choose one\n";
    return lp::kUsageError;
  }
  if (init->parsed()) return lp::run_init(init_dir);
  req.exit_when_done = build->parsed() || check->parsed();
  try {
    if (check->parsed()) {
      req.write = false;
      return lp::run_build(req);
    }
    if (watch->parsed()) return lp::run_watch(req, max_builds);
    if (impose->parsed()) return run_impose(imposing);
    return lp::run_build(req);
  } catch (const std::exception& e) {
    std::cerr << "leafpress: internal error: " << e.what() << "\n";
    return lp::kIoError;
  }
}
