// leafpress-impose: the `impose` subcommand's own small executable. It alone links qpdf (and
// what qpdf brings: gnutls, nettle, gmp, p11-kit, ...), so `leafpress build` maps none of it.
// `leafpress impose ...` parses its options and runs this, beside it, with them
// (`leafpress-impose INPUT -o OUTPUT [--creep MM] [--marks]`); run alone it takes the same.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/impose_options.h"
#include "cli/request.h"
#include "pdf/impose.h"

int main(int argc, char** argv) {
  CLI::App app{"Printer's spreads of any PDF for saddle stitching (n/1, 2/n-1, ...); run by `leafpress impose`",
               "leafpress-impose"};
  lp::ImposeRequest req;
  lp::add_impose_options(&app, req);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : lp::kUsageError;
  }
  try {
    const lp::ImposeResult result = lp::impose(req);
    std::cerr << result.message << "\n";
    return result.exit;
  } catch (const std::exception& e) {
    std::cerr << "leafpress: internal error: " << e.what() << "\n";
    return lp::kIoError;
  }
}
