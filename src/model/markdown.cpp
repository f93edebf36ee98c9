// Inline Markdown through md4c: the text is parsed as one paragraph and its spans become runs.
#include <md4c.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/loaders.h"

namespace lp {

namespace {

struct InlineParser {
  SourcePos pos;
  InlineText runs;
  int bold = 0, italic = 0;
  std::vector<std::string> links;
  std::vector<std::string> langs;  // of the open <span lang="…">s
  int blocks = 0;

  void add(const char* text, size_t size) {
    Inline run;
    run.text.assign(text, size);
    run.bold = bold > 0;
    run.italic = italic > 0;
    if (!links.empty()) run.link = links.back();
    if (!langs.empty()) run.lang = langs.back();
    run.pos = pos;
    if (!runs.empty() && runs.back().bold == run.bold && runs.back().italic == run.italic &&
        runs.back().link == run.link && runs.back().lang == run.lang) {
      runs.back().text += run.text;
    } else {
      runs.push_back(std::move(run));
    }
  }
};

int enter_block(MD_BLOCKTYPE type, void*, void* data) {
  auto* p = static_cast<InlineParser*>(data);
  // Text that md4c reads as several blocks is joined with a space: we only want its inlines.
  if ((type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_LI) && p->blocks++ > 0) p->add(" ", 1);
  return 0;
}

int leave_block(MD_BLOCKTYPE, void*, void*) { return 0; }

int enter_span(MD_SPANTYPE type, void* detail, void* data) {
  auto* p = static_cast<InlineParser*>(data);
  switch (type) {
    case MD_SPAN_STRONG: ++p->bold; break;
    case MD_SPAN_EM: ++p->italic; break;
    case MD_SPAN_A: {
      const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      p->links.emplace_back(a->href.text, a->href.size);
      break;
    }
    default: break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* data) {
  auto* p = static_cast<InlineParser*>(data);
  // md4c 0.4.8 can leave a link it never entered (a permissive autolink inside an image's
  // text, found by tests/fuzz): never pop or count below what was entered.
  switch (type) {
    case MD_SPAN_STRONG: p->bold = std::max(0, p->bold - 1); break;
    case MD_SPAN_EM: p->italic = std::max(0, p->italic - 1); break;
    case MD_SPAN_A:
      if (!p->links.empty()) p->links.pop_back();
      break;
    default: break;
  }
  return 0;
}

void append_utf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// "&amp;", "&#8211;", "&#x2013;" to their characters; md4c hands entities over undecoded. Named
// entities beyond the common ones stay as written.
std::string decode_entity(std::string_view e) {
  if (e.size() > 3 && e[1] == '#') {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    const unsigned long c = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    std::string out;
    if (!digits.empty() && *end == '\0' && c > 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF))
      append_utf8(out, static_cast<uint32_t>(c));
    else
      append_utf8(out, 0xFFFD);
    return out;
  }
  static const std::pair<std::string_view, uint32_t> named[] = {
      {"&amp;", '&'},        {"&lt;", '<'},         {"&gt;", '>'},         {"&quot;", '"'},
      {"&apos;", '\''},      {"&nbsp;", 0xA0},      {"&ndash;", 0x2013},   {"&mdash;", 0x2014},
      {"&hellip;", 0x2026},  {"&lsquo;", 0x2018},   {"&rsquo;", 0x2019},   {"&ldquo;", 0x201C},
      {"&rdquo;", 0x201D},   {"&copy;", 0xA9},      {"&pound;", 0xA3},     {"&euro;", 0x20AC},
      {"&shy;", 0xAD}};
  for (const auto& [name, c] : named)
    if (e == name) {
      std::string out;
      append_utf8(out, c);
      return out;
    }
  return std::string(e);
}

// `<span lang="cy">` (or lang='cy'): its language; nullopt for any other tag.
std::optional<std::string> span_lang(std::string_view tag) {
  if (tag.rfind("<span", 0) != 0 || tag.back() != '>') return std::nullopt;
  const size_t at = tag.find("lang=");
  if (at == std::string_view::npos || at + 6 >= tag.size()) return std::nullopt;
  const char quote = tag[at + 5];
  if (quote != '"' && quote != '\'') return std::nullopt;
  const size_t end = tag.find(quote, at + 6);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(tag.substr(at + 6, end - at - 6));
}

// Inline HTML is text, but for the spans that give a language.
void html(InlineParser& p, std::string_view tag) {
  if (auto lang = span_lang(tag)) {
    p.langs.push_back(*lang);
  } else if (tag == "</span>" && !p.langs.empty()) {
    p.langs.pop_back();
  } else {
    p.add(tag.data(), tag.size());
  }
}

int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  auto* p = static_cast<InlineParser*>(data);
  switch (type) {
    // YAML has already folded the newlines an author did not mean (plain and `>` scalars): one
    // that is left was asked for (a `|` block: an address), as is Markdown's trailing backslash.
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR: p->add("\n", 1); break;
    case MD_TEXT_NULLCHAR: p->add("\xEF\xBF\xBD", 3); break;
    case MD_TEXT_HTML: html(*p, std::string_view(text, size)); break;
    case MD_TEXT_ENTITY: {
      const std::string decoded = decode_entity(std::string_view(text, size));
      p->add(decoded.data(), decoded.size());
      break;
    }
    default: p->add(text, size); break;
  }
  return 0;
}

// Text fields are inline Markdown: a leading '#', '-', '>' or '1.' is text, not a block marker.
std::string escape_block_markers(const std::string& s) {
  size_t i = s.find_first_not_of(" \t");
  if (i == std::string::npos) return s;
  const char c = s[i];
  bool marker = c == '#' || c == '>' || c == '=' || c == '|' || c == '`' || c == '~' ||
                ((c == '-' || c == '+' || c == '*') && (i + 1 == s.size() || s[i + 1] == ' '));
  if (!marker && c >= '0' && c <= '9') {
    // "2025. A year" would be an ordered list: escape the full stop, as digits cannot be escaped.
    size_t j = s.find_first_not_of("0123456789", i);
    if (j != std::string::npos && (s[j] == '.' || s[j] == ')')) return s.substr(i, j - i) + "\\" + s.substr(j);
  }
  if (!marker) return s.substr(i);
  return "\\" + s.substr(i);
}

}  // namespace

InlineText parse_inline_markdown(const std::string& source, SourcePos pos) {
  InlineParser parser;
  parser.pos = pos;
  const std::string escaped = escape_block_markers(source);
  MD_PARSER md{};
  md.flags = MD_FLAG_NOHTMLBLOCKS | MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS;
  md.enter_block = enter_block;
  md.leave_block = leave_block;
  md.enter_span = enter_span;
  md.leave_span = leave_span;
  md.text = text;
  md_parse(escaped.data(), static_cast<MD_SIZE>(escaped.size()), &md, &parser);
  return parser.runs;
}

std::string plain_text(const InlineText& text) {
  std::string out;
  for (const auto& run : text) out += run.text;
  return out;
}

}  // namespace lp
