#pragma once
// The options of `leafpress impose`, which leafpress and leafpress-impose both parse (the first
// to check them and print its help, the second to run them).
#include <CLI/CLI.hpp>

#include "pdf/impose.h"

namespace lp {

inline void add_impose_options(CLI::App* cmd, ImposeRequest& req) {
  cmd->add_option("input", req.input, "The PDF to impose (its page count a multiple of four)")->required();
  cmd->add_option("-o,--output", req.output, "The spreads' PDF")->required();
  cmd->add_option("--creep", req.creep_mm,
                  "Millimetres the innermost sheet's pages move towards the spine (outer sheets less; default 0)");
  cmd->add_flag("--marks", req.marks, "Crop marks around each spread");
}

}  // namespace lp
