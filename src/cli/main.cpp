#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/build_command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "leafpress compiles a YAML report description into print-ready PDF editions.\n\n"
      "Exit codes: 0 success; 1 errors in the input (each printed as file:line:column: error: ...);\n"
      "2 wrong usage; 3 a file could not be read or written.",
      "leafpress"};
  app.require_subcommand(1);

  lp::BuildRequest build;
  CLI::App* cmd = app.add_subcommand("build", "Compile a report into PDFs, one per edition");
  cmd->add_option("report", build.report, "The report (default: ./report.yaml)");
  cmd->add_option("--edition", build.editions,
                  "An edition to build, from layout/NAME.yaml (repeatable; default: every edition the report lists)");
  cmd->add_option("-o,--output", build.output, "Write the PDF here (with exactly one edition)");
  cmd->add_option("--out-dir", build.out_dir, "Folder for the editions' PDFs when -o is not given (default: out)");
  cmd->add_option("--layout-dir", build.layout_dir, "Folder of edition layouts (default: layout/ beside the report)");
  cmd->add_option("--fonts", build.fonts, "Font configuration (default: fonts/fonts.yaml beside the report)");
  cmd->add_option("--dump", build.dump, "Print the display list as text instead of writing a PDF")
      ->check(CLI::IsMember({"pages"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : lp::kUsageError;
  }
  try {
    return lp::run_build(build);
  } catch (const std::exception& e) {
    std::cerr << "leafpress: internal error: " << e.what() << "\n";
    return lp::kIoError;
  }
}
