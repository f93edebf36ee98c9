#pragma once
// Where leafpress finds the editions' layouts and the font configuration: beside the report
// (layout/NAME.yaml, fonts/fonts.yaml), else its own, installed with it under
// PREFIX/share/leafpress (found from the executable's own path), or, run from its build folder,
// the source tree's. --layout-dir and --fonts name them outright.
#include <string>
#include <vector>

#include "cli/request.h"

namespace lp {

// The folder holding leafpress's own layout/ and fonts/ (and templates/); "" when there is none.
const std::string& data_dir();

// The editions built when neither the report nor --edition names any.
const std::vector<std::string>& builtin_editions();

struct Found {
  std::string path;                 // "" when not found
  std::vector<std::string> looked;  // every place tried, in order
};

// layout/NAME.yaml in --layout-dir; else beside the report, else leafpress's own.
Found find_layout(const BuildRequest& req, const std::string& name);
// Every place find_layout() looks for NAME, in order (for a layout's `extends: NAME`).
std::vector<std::string> layout_candidates(const BuildRequest& req, const std::string& name);
// The folders icons are looked for in, in order: icons/ in each place find_layout() looks, then
// leafpress's own layout/icons.
std::vector<std::string> icon_dirs(const BuildRequest& req);
// --fonts; else fonts/fonts.yaml beside the report, else leafpress's own.
Found find_fonts(const BuildRequest& req);
// Every edition name a layout exists for in the places find_layout() looks (for "did you mean").
std::vector<std::string> known_editions(const BuildRequest& req);

}  // namespace lp
