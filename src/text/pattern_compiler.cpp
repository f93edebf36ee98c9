// Compiles a libhyphen dictionary (hyph_*.dic) into the words hyphenation_patterns.h reads. It
// reads the file as libhyphen's hnj_hyphen_load_file does (the encoding on the first line, lines
// of at most 98 characters, % comments, the LEFTHYPHENMIN-style keywords, NOHYPHEN, NEXTLEVEL
// and, without NEXTLEVEL, the default compound level of hyphens and apostrophes) and builds the
// same automaton: a state per pattern and per prefix of one, each with a fallback to its longest
// proper suffix that is a state. Text in another encoding is converted to UTF-8 by iconv.
#include <iconv.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "text/hyphenation_patterns.h"

namespace lp {

namespace {

constexpr size_t kLineBuffer = 100;  // libhyphen's MAX_CHARS

struct Level {
  std::map<std::string, uint32_t> ids;  // a state's text to its number
  std::vector<std::string> match;       // per state
  std::vector<std::vector<std::pair<unsigned char, uint32_t>>> transitions;
  int left_min = 0, right_min = 0, compound_left_min = 0, compound_right_min = 0;
  std::vector<std::string> no_hyphen;

  Level() { state(""); }

  uint32_t state(const std::string& text) {
    auto [it, added] = ids.emplace(text, static_cast<uint32_t>(match.size()));
    if (added) {
      match.emplace_back();
      transitions.emplace_back();
    }
    return it->second;
  }
};

std::string after_keyword(std::string_view line, size_t keyword) { return std::string(line.substr(keyword)); }

void set_no_hyphen(Level& level, std::string_view line) {
  size_t from = 8;
  while (from < line.size() && (line[from] == ' ' || line[from] == '\t')) ++from;
  level.no_hyphen.clear();
  if (from >= line.size()) return;
  std::string list(line.substr(from));
  list.pop_back();  // libhyphen drops the last character, the line's end
  // Split at commas, but not at one in the first place (libhyphen's loop stops before it).
  size_t start = 0;
  for (size_t i = 1; i < list.size(); ++i)
    if (list[i] == ',') {
      level.no_hyphen.push_back(list.substr(start, i - start));
      start = i + 1;
    }
  level.no_hyphen.push_back(list.substr(start));
}

// hnj_hyphen_load_line for one line (with its '\n' when it had one).
bool add_line(Level& level, std::string_view line, std::string& error) {
  auto starts = [&](std::string_view k) { return line.substr(0, k.size()) == k; };
  if (starts("LEFTHYPHENMIN")) level.left_min = std::atoi(after_keyword(line, 13).c_str());
  else if (starts("RIGHTHYPHENMIN")) level.right_min = std::atoi(after_keyword(line, 14).c_str());
  else if (starts("COMPOUNDLEFTHYPHENMIN")) level.compound_left_min = std::atoi(after_keyword(line, 21).c_str());
  else if (starts("COMPOUNDRIGHTHYPHENMIN")) level.compound_right_min = std::atoi(after_keyword(line, 22).c_str());
  else if (starts("NOHYPHEN")) set_no_hyphen(level, line);
  else if (line.find('/') != line.npos) {
    error = "non-standard hyphenation (a pattern with '/') is not supported: " + std::string(line.substr(0, line.find('\n')));
    return false;
  } else {
    std::string word, pattern = "0";
    for (size_t i = 0; i < line.size() && static_cast<unsigned char>(line[i]) > ' ' && word.size() < kLineBuffer - 2; ++i) {
      if (line[i] >= '0' && line[i] <= '9') pattern.back() = line[i];
      else {
        word += line[i];
        pattern += '0';
      }
    }
    const bool found = level.ids.count(word);
    const uint32_t id = level.state(word);
    level.match[id] = pattern.substr(std::min(pattern.find_first_not_of('0'), pattern.size()));
    if (found) return true;
    // The prefixes, each with a transition to the next, down to the first that existed.
    uint32_t last = id;
    for (size_t j = word.size(); j > 0; --j) {
      const unsigned char ch = static_cast<unsigned char>(word[j - 1]);
      word.pop_back();
      const bool existed = level.ids.count(word);
      const uint32_t prefix = level.state(word);
      level.transitions[prefix].emplace_back(ch, last);
      if (existed) break;
      last = prefix;
    }
  }
  return true;
}

// The file's lines as fgets into libhyphen's 100-byte buffer gives them: a line too long for it
// is skipped.
std::vector<std::string_view> dictionary_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t at = 0;
  while (at < text.size()) {
    const size_t nl = text.find('\n', at);
    const size_t end = nl == text.npos ? text.size() : nl + 1;
    // fgets stops at the buffer's end or the file's: a last line without '\n' must leave a byte.
    if (end - at <= (nl == text.npos ? kLineBuffer - 2 : kLineBuffer - 1)) lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

struct Converter {
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
  explicit Converter(const std::string& from) : cd(iconv_open("UTF-8", from.c_str())) {}
  ~Converter() {
    if (ok()) iconv_close(cd);
  }
  bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
  bool convert(std::string_view in, std::string& out) {
    out.assign(in.size() * 4 + 4, '\0');
    char* src = const_cast<char*>(in.data());
    size_t src_left = in.size(), dst_left = out.size();
    char* dst = out.data();
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) return false;
    out.resize(out.size() - dst_left);
    return true;
  }
};

void put_bytes(std::vector<uint32_t>& out, std::string_view bytes) {
  const size_t at = out.size();
  out.resize(at + (bytes.size() + 3) / 4, 0);
  std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(out.data() + at));
}

void put_level(std::vector<uint32_t>& out, Level& level) {
  const size_t states = level.match.size();
  std::vector<uint32_t> first{0}, fallback(states, HyphenationPatterns::kNoState), match(states, 0), target;
  std::string bytes, digits, no_hyphen;
  for (size_t s = 0; s < states; ++s) {
    auto& t = level.transitions[s];
    std::sort(t.begin(), t.end());
    for (auto [ch, to] : t) {
      bytes += static_cast<char>(ch);
      target.push_back(to);
    }
    first.push_back(static_cast<uint32_t>(target.size()));
    if (!level.match[s].empty()) {
      match[s] = static_cast<uint32_t>(digits.size() << 8 | level.match[s].size());
      digits += level.match[s];
    }
  }
  for (const auto& [text, id] : level.ids)
    for (size_t j = 1; j <= text.size(); ++j)
      if (auto it = level.ids.find(text.substr(j)); it != level.ids.end()) {
        fallback[id] = it->second;
        break;
      }
  for (const std::string& nh : level.no_hyphen) no_hyphen += nh + '\0';
  for (int v : {level.left_min, level.right_min, level.compound_left_min, level.compound_right_min}) out.push_back(static_cast<uint32_t>(v));
  for (size_t v : {states, target.size(), digits.size(), no_hyphen.size()}) out.push_back(static_cast<uint32_t>(v));
  out.insert(out.end(), first.begin(), first.end());
  out.insert(out.end(), fallback.begin(), fallback.end());
  out.insert(out.end(), match.begin(), match.end());
  out.insert(out.end(), target.begin(), target.end());
  put_bytes(out, bytes);
  put_bytes(out, digits);
  put_bytes(out, no_hyphen);
}

}  // namespace

std::vector<uint32_t> compile_hyphenation_patterns(std::string_view dic, std::string& error) {
  // The encoding: the first line, as fgets reads it into 20 bytes, up to its end.
  size_t first_end = std::min({dic.find('\n') == dic.npos ? dic.size() : dic.find('\n') + 1, dic.size(), size_t{19}});
  std::string charset(dic.substr(0, first_end));
  charset = charset.substr(0, charset.find_first_of("\r\n"));
  const bool utf8 = charset == "UTF-8";
  std::unique_ptr<Converter> converter;
  if (!utf8) {
    converter = std::make_unique<Converter>(charset);
    if (!converter->ok()) {
      error = "unknown encoding '" + charset + "' on the first line";
      return {};
    }
  }
  Level levels[2];
  int level = 0;
  std::string converted;
  for (std::string_view line : dictionary_lines(dic.substr(first_end))) {
    if (line.substr(0, 9) == "NEXTLEVEL") {
      if (level == 1) break;
      level = 1;
      continue;
    }
    if (line.empty() || line[0] == '%') continue;
    if (converter) {
      if (!converter->convert(line, converted)) {
        error = "a line is not in " + charset;
        return {};
      }
      line = converted;
    }
    if (!add_line(levels[level], line, error)) return {};
  }
  std::vector<uint32_t> out{HyphenationPatterns::kMagic, HyphenationPatterns::kVersion, utf8 ? 1u : 0u, 2u};
  if (level == 1) {  // the file's own compound level first
    put_level(out, levels[0]);
    put_level(out, levels[1]);
    return out;
  }
  // Without NEXTLEVEL, libhyphen puts a level of its own first: hyphens and apostrophes.
  Level compound;
  const Level& file = levels[0];
  for (const char* l : {"1-1\n", "1'1\n"}) add_line(compound, l, error);
  if (utf8) {
    add_line(compound, "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n", error);
    add_line(compound, "1\xe2\x80\x93" "1\n", error);
    add_line(compound, "1\xe2\x80\x99" "1\n", error);
  } else {
    add_line(compound, "NOHYPHEN ',-\n", error);
  }
  compound.left_min = file.left_min;
  compound.right_min = file.right_min;
  compound.compound_left_min = file.compound_left_min ? file.compound_left_min : (file.left_min ? file.left_min : 3);
  compound.compound_right_min = file.compound_right_min ? file.compound_right_min : (file.right_min ? file.right_min : 3);
  put_level(out, compound);
  put_level(out, levels[0]);
  return out;
}

}  // namespace lp
