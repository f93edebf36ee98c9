#include "text/hyphenator.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

#include "text/builtin_patterns.h"
#include "text/hyphenation_patterns.h"

namespace lp {

namespace {

struct LoadedPatterns {
  std::vector<uint32_t> compiled;  // when not built in
  HyphenationPatterns patterns;
  bool ok = false;
  bool built_in = false;
};

// The patterns of a dictionary file: the built-in ones when the file's bytes are those compiled
// at build time (reading and hashing en-GB's 107 kB takes about 0.1 ms), else compiled now.
std::unique_ptr<LoadedPatterns> load_patterns(const std::string& path) {
  auto loaded = std::make_unique<LoadedPatterns>();
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) return loaded;
  const std::string bytes = buffer.str();
  const uint64_t hash = dictionary_hash(bytes);
  for (const BuiltinPatterns& b : builtin_hyphenation_patterns())
    if (b.hash == hash && b.size == bytes.size()) {
      loaded->built_in = loaded->ok = loaded->patterns.open(b.words);
      if (loaded->ok) return loaded;
    }
  std::string error;
  loaded->compiled = compile_hyphenation_patterns(bytes, error);
  loaded->ok = loaded->patterns.open(loaded->compiled);
  return loaded;
}

// Every dictionary the process has read, by path, kept until it ends.
class PatternStore {
 public:
  const LoadedPatterns& get(const std::string& path) {
    std::lock_guard lock(mutex_);
    auto& slot = loaded_[path];
    if (!slot) slot = load_patterns(path);
    return *slot;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<LoadedPatterns>> loaded_;
};

PatternStore& pattern_store() {
  static PatternStore store;
  return store;
}

}  // namespace

const char* default_hyphen_dictionary() { return "/usr/share/hyphen/hyph_en_GB.dic"; }

std::string hyphen_dictionary_for(std::string_view language, const std::string& folder) {
  namespace fs = std::filesystem;
  std::string tag(language);
  std::replace(tag.begin(), tag.end(), '-', '_');
  const std::string lang = tag.substr(0, tag.find('_'));
  if (lang.empty() || lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
    return "";
  std::string main_country = lang;
  std::transform(main_country.begin(), main_country.end(), main_country.begin(), [](unsigned char c) { return std::toupper(c); });
  std::error_code ec;
  for (const std::string& name : {tag, lang, lang + "_" + main_country}) {
    const fs::path p = fs::path(folder) / ("hyph_" + name + ".dic");
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  std::vector<std::string> others;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("hyph_" + lang + "_", 0) == 0 && entry.path().extension() == ".dic") others.push_back(entry.path().string());
  }
  std::sort(others.begin(), others.end());
  return others.empty() ? "" : others.front();
}

bool hyphen_dictionary_is_built_in(const std::string& path) { return pattern_store().get(path).built_in; }

const HyphenationPatterns* Hyphenator::patterns() {
  if (!tried_) {
    tried_ = true;
    const LoadedPatterns& loaded = pattern_store().get(path_);
    patterns_ = loaded.ok ? &loaded.patterns : nullptr;
  }
  return patterns_;
}

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

bool looks_like_address(std::string_view w) {
  return w.find("://") != w.npos || w.find("www.") != w.npos || w.find('@') != w.npos || w.find('/') != w.npos;
}

}  // namespace

std::vector<size_t> Hyphenator::points(std::string_view word, const HyphenLimits& limits) {
  if (looks_like_address(word) || !patterns()) return {};
  for (char c : word)
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return {};
  // The letters of the word: leading and trailing punctuation and a possessive 's do not count.
  size_t begin = 0, end = word.size();
  while (begin < end && !is_letter(word[begin]) && static_cast<unsigned char>(word[begin]) < 0x80) ++begin;
  // Opening quotes written as UTF-8 (‘ “ are E2 80 98/9C).
  while (begin + 3 <= end && word.substr(begin, 2) == "\xE2\x80") begin += 3;
  while (end > begin && !is_letter(word[end - 1]) && static_cast<unsigned char>(word[end - 1]) < 0x80) --end;
  while (end >= begin + 3 && word.substr(end - 3, 2) == "\xE2\x80") {
    end -= 3;
    while (end > begin && !is_letter(word[end - 1]) && static_cast<unsigned char>(word[end - 1]) < 0x80) --end;
  }
  if (end >= begin + 2 && word[end - 1] == 's' && word[end - 2] == '\'') end -= 2;
  if (end >= begin + 4 && word[end - 1] == 's' && word.substr(end - 4, 3) == "\xE2\x80\x99") end -= 4;
  const std::string_view core = word.substr(begin, end - begin);
  // Where each character of the core begins: lower-case letters only (a–z and those of any
  // cased script: é, ł, ß), so capitals, digits and scripts without case are left alone.
  starts_.clear();
  for (size_t i = 0; i < core.size();) {
    UChar32 c;
    const size_t at = i;
    U8_NEXT(core.data(), i, core.size(), c);
    if (c < 0x80 ? !is_lower(static_cast<char>(c)) : !u_islower(c)) return {};
    starts_.push_back(at);
  }
  const size_t letters = starts_.size();
  if (static_cast<int>(letters) < limits.min_word) return {};

  key_.assign(core);
  key_ += static_cast<char>(limits.left);
  key_ += static_cast<char>(limits.right);
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    std::vector<size_t> found;
    patterns_->hyphenate(core, hyphens_);
    for (size_t i = 0; i + 1 < letters && i < hyphens_.size(); ++i)
      if ((hyphens_[i] - '0') & 1) {
        const size_t before = i + 1;  // letters before the hyphen
        if (static_cast<int>(before) >= limits.left && static_cast<int>(letters - before) >= limits.right)
          found.push_back(starts_[before]);
      }
    it = cache_.emplace(key_, std::move(found)).first;
  }
  std::vector<size_t> out;
  out.reserve(it->second.size());
  for (size_t p : it->second) out.push_back(begin + p);
  return out;
}

}  // namespace lp
