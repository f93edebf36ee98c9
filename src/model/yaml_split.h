#pragma once
// Where a large report can be cut so that its parts are parsed at once, on several threads.
//
// A report ends with its `content:` list, written in block style: one line `content:` at the
// left margin, then items at one indentation, each beginning `- `. A line that begins with that
// indentation and `- ` starts a new item unless it is inside a multi-line quoted scalar or an
// unclosed flow collection; parse_yaml() finds out which (model/yaml_tree.cpp) and parses the
// text whole when a cut is inside one.
#include <cstddef>
#include <string_view>
#include <vector>

namespace lp {

struct YamlCut {
  size_t offset;  // where a part begins: the start of an item's line
  int line;       // that line, 1-based
  size_t indent;  // the items' indentation
};

// Up to `parts - 1` cuts, at item lines spaced evenly through `text`; none when the text does
// not end with a block `content:` list as above (something after it at the left margin, a tab
// in its items' indentation, a single item, and so on).
std::vector<YamlCut> content_cuts(std::string_view text, size_t parts);

}  // namespace lp
