#include "text/hyphenator.h"

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <vector>

namespace lp {

namespace {

struct LoadedDictionary {
  explicit LoadedDictionary(const std::string& path) : dict(hnj_hyphen_load(path.c_str())) {}
  ~LoadedDictionary() {
    if (dict) hnj_hyphen_free(dict);
  }
  LoadedDictionary(const LoadedDictionary&) = delete;
  LoadedDictionary& operator=(const LoadedDictionary&) = delete;
  _HyphenDict* dict;
};

// Every dictionary the process has begun to read, by path. A read started by the preloader runs
// on its own thread; one started by a hyphenator runs on the first thread that waits for it.
// Either way the others wait for that one read. The store lives until the process ends, and
// its destructor waits for a read still under way.
class DictionaryStore {
 public:
  std::shared_future<std::shared_ptr<LoadedDictionary>> get(const std::string& path, std::launch how) {
    std::lock_guard lock(mutex_);
    auto it = reads_.find(path);
    if (it == reads_.end())
      it = reads_.emplace(path, std::async(how, [path] { return std::make_shared<LoadedDictionary>(path); }).share())
               .first;
    return it->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_future<std::shared_ptr<LoadedDictionary>>> reads_;
};

DictionaryStore& dictionaries() {
  static DictionaryStore store;
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

void preload_hyphen_dictionary(const std::string& path) {
  try {
    dictionaries().get(path, std::launch::async);
  } catch (const std::system_error&) {
    // No thread to spare: the first hyphenator to want the dictionary reads it.
  }
}

_HyphenDict* Hyphenator::dict() {
  if (!tried_) {
    tried_ = true;
    dict_ = dictionaries().get(path_, std::launch::deferred).get()->dict;
  }
  return dict_;
}

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

bool looks_like_address(std::string_view w) {
  return w.find("://") != w.npos || w.find("www.") != w.npos || w.find('@') != w.npos || w.find('/') != w.npos;
}

}  // namespace

std::vector<size_t> Hyphenator::points(std::string_view word, const HyphenLimits& limits) {
  if (looks_like_address(word) || !dict()) return {};
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
  // Where each character of the core begins: lower-case letters only (a–z, and for patterns in
  // UTF-8 those of any cased script: é, ł, ß), so capitals, digits and scripts without case are
  // left alone.
  starts_.clear();
  for (size_t i = 0; i < core.size();) {
    UChar32 c;
    const size_t at = i;
    U8_NEXT(core.data(), i, core.size(), c);
    if (c < 0x80 ? !is_lower(static_cast<char>(c)) : (!dict_->utf8 || !u_islower(c))) return {};
    starts_.push_back(at);
  }
  const size_t letters = starts_.size();
  if (static_cast<int>(letters) < limits.min_word) return {};

  key_.assign(core);
  key_ += static_cast<char>(limits.left);
  key_ += static_cast<char>(limits.right);
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    hyphens_.assign(core.size() + 5, '\0');
    std::vector<size_t> found;
    const std::string text(core);  // libhyphen reads the word as a C string
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    // With patterns in UTF-8, libhyphen marks a hyphen after the i-th character at hyphens[i].
    if (hnj_hyphen_hyphenate2(dict_, text.c_str(), static_cast<int>(text.size()), hyphens_.data(), nullptr, &rep, &pos,
                              &cut) == 0 &&
        !rep) {  // a pattern that would change the spelling is not used
      for (size_t i = 0; i + 1 < letters; ++i)
        if ((hyphens_[i] - '0') & 1) {
          const size_t before = i + 1;  // letters before the hyphen
          if (static_cast<int>(before) >= limits.left && static_cast<int>(letters - before) >= limits.right)
            found.push_back(starts_[before]);
        }
    }
    if (rep) {
      for (size_t i = 0; i < text.size(); ++i) free(rep[i]);
      free(rep);
      free(pos);
      free(cut);
    }
    it = cache_.emplace(key_, std::move(found)).first;
  }
  std::vector<size_t> out;
  out.reserve(it->second.size());
  for (size_t p : it->second) out.push_back(begin + p);
  return out;
}

}  // namespace lp
