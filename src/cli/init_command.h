#pragma once
// `leafpress init [DIR]`: a starter report and copies of leafpress's layouts to customise.
#include <string>

namespace lp {

// Writes DIR/report.yaml and DIR/layout/*.yaml (DIR is made if need be); refuses, writing
// nothing, when any of them exists. Returns the exit code.
int run_init(const std::string& dir);

}  // namespace lp
