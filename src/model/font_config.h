#pragma once
// fonts/fonts.yaml: the families, their files, the roles and the fallback chain.
#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace lp {

struct FontFamilySpec {
  std::string name;
  std::string package;  // the Debian package the files come from
  std::string regular, bold, italic, bold_italic;  // resolved file paths ("" when absent)
  SourcePos pos;
};

struct FontConfig {
  std::string path;
  std::vector<FontFamilySpec> families;          // in file order
  std::map<std::string, std::string> roles;      // role -> family name
  std::vector<std::string> fallback;             // family names, tried in order
};

}  // namespace lp
