#include "model/yaml_split.h"

namespace lp {

namespace {

struct Line {
  size_t offset;  // of its first byte
  int number;
  size_t indent;  // spaces before its first other byte
  std::string_view rest;  // from that byte, without the line break
};

// Blank lines and comments say nothing about the structure.
bool significant(const Line& l) { return !l.rest.empty() && l.rest[0] != '#'; }

bool is_content_key(std::string_view rest) {
  if (rest.substr(0, 8) != "content:") return false;
  rest.remove_prefix(8);
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  return rest.empty() || rest[0] == '#';
}

bool is_item(const Line& l, size_t indent) {
  return l.indent == indent && l.rest[0] == '-' && (l.rest.size() == 1 || l.rest[1] == ' ');
}

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  size_t at = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (int number = 1; at <= text.size(); ++number) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    lines.push_back({at, number, indent, line.substr(indent)});
    at = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<YamlCut> content_cuts(std::string_view text, size_t parts) {
  if (parts < 2) return {};
  const std::vector<Line> lines = lines_of(text);
  // The last line at the left margin must be `content:`.
  size_t key = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    if (significant(lines[i]) && lines[i].indent == 0) key = i;
  if (key == lines.size() || !is_content_key(lines[key].rest)) return {};
  size_t first = key + 1;
  while (first < lines.size() && !significant(lines[first])) ++first;
  if (first == lines.size() || lines[first].indent == 0 || !is_item(lines[first], lines[first].indent)) return {};
  const size_t indent = lines[first].indent;

  std::vector<YamlCut> cuts;
  const size_t span = text.size() - lines[first].offset;
  size_t next = 1;  // the cut being looked for
  for (size_t i = first + 1; i < lines.size() && next < parts; ++i) {
    const Line& l = lines[i];
    if (l.rest.find('\t') == 0) return {};  // a tab where the indentation ends: leave it to the parser
    if (!significant(l) || !is_item(l, indent)) continue;
    if (l.offset - lines[first].offset < span * next / parts) continue;
    cuts.push_back({l.offset, l.number, indent});
    ++next;
  }
  return cuts;
}

}  // namespace lp
