#include "text/shaper.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace lp {

void GlyphRun::append(const GlyphRun& other) {
  const auto offset = static_cast<uint32_t>(glyphs.size());
  glyphs.insert(glyphs.end(), other.glyphs.begin(), other.glyphs.end());
  for (const Cluster& c : other.clusters) add_cluster(c.first_glyph + offset, c.glyph_count, other.text_of(c));
}

namespace {

// Beyond this many words the cache starts again (between paragraphs, never during one).
constexpr size_t kMaxCachedWords = 200000;

// Characters that take the font of the character before them rather than choosing one.
bool follows_previous_font(char32_t c) {
  // Below U+0300 (the first combining mark) only the soft hyphen is one (default ignorable).
  if (c < 0x300) return c == 0xAD;
  const auto gc = u_charType(static_cast<UChar32>(c));
  return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == '\n' || c == '\r' || c == 0x2028; }

// Dashes after which a break shows the dash itself at the line's end.
bool is_hyphen_like(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0x2014; }

bool is_weak_script(hb_script_t s) {
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

hb_script_t script_of(char32_t c) {
  // ASCII's scripts in a table: looked up for every character of every new word.
  static const std::array<hb_script_t, 128> ascii = [] {
    std::array<hb_script_t, 128> table{};
    for (char32_t a = 0; a < 128; ++a) table[a] = hb_unicode_script(hb_unicode_funcs_get_default(), a);
    return table;
  }();
  return c < 128 ? ascii[c] : hb_unicode_script(hb_unicode_funcs_get_default(), c);
}

template <typename T>
void append_bytes(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

Shaper::Shaper(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language)
    : fonts_(fonts), diags_(diags), file_(std::move(file)),
      language_(hb_language_from_string(language.c_str(), -1)),
      locale_([&] {
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale l = icu::Locale::forLanguageTag(language, status);
        return U_FAILURE(status) ? icu::Locale::getRoot() : l;
      }()),
      breaks_(locale_, fonts.line_break_store()), hyphenator_(hyphen_dictionary_for(language)), buffer_(hb_buffer_create()) {}

Shaper::~Shaper() { hb_buffer_destroy(buffer_); }

const std::vector<const FontFace*>& Shaper::chain(const TextSpan& span) {
  const auto [bold, italic] = face_choice(*span.style, span.bold, span.italic);
  std::string key = span.style->font_role;
  key += bold ? 'b' : '-';
  key += italic ? 'i' : '-';
  auto it = chains_.find(key);
  if (it != chains_.end()) return it->second;
  std::vector<const FontFace*> faces{fonts_.face(span.style->font_role, bold, italic)};
  for (const FontFace* f : fonts_.fallback(bold)) faces.push_back(f);
  return chains_.emplace(std::move(key), std::move(faces)).first->second;
}

bool Shaper::has_char(const FontFace& face, char32_t c) {
  if (c >= kKnownChars) return face.has_char(c);
  if (face.index >= known_chars_.size()) known_chars_.resize(face.index + 1);
  std::vector<uint8_t>& known = known_chars_[face.index];
  if (known.empty()) known.assign(kKnownChars, 0);
  if (!known[c]) known[c] = face.has_char(c) ? 2 : 1;
  return known[c] == 2;
}

void Shaper::choose_faces(size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    Char& ch = chars_[i];
    ch.script = script_of(ch.code);
    ch.in_face = false;
    if (i > first && chars_[i - 1].span == ch.span && follows_previous_font(ch.code)) {
      ch.face = chars_[i - 1].face;
      continue;
    }
    const auto& faces = *span_chains_[ch.span];
    ch.face = nullptr;
    for (const FontFace* f : faces)
      if (f && has_char(*f, ch.code)) {
        ch.face = f;
        ch.in_face = true;
        break;
      }
    if (!ch.face) ch.face = faces.front();
  }
  // Common and inherited characters (punctuation, marks) take the script around them.
  hb_script_t last_script = HB_SCRIPT_INVALID;
  for (size_t i = first; i < last; ++i) {
    if (!is_weak_script(chars_[i].script)) last_script = chars_[i].script;
    else if (last_script != HB_SCRIPT_INVALID) chars_[i].script = last_script;
  }
  last_script = HB_SCRIPT_INVALID;
  for (size_t i = last; i-- > first;) {
    if (!is_weak_script(chars_[i].script)) last_script = chars_[i].script;
    else chars_[i].script = last_script == HB_SCRIPT_INVALID ? HB_SCRIPT_LATIN : last_script;
  }
}

namespace {

void shape_into(const FontSet& fonts, hb_buffer_t* buf, hb_language_t language, std::string_view word, uint32_t begin,
                uint32_t end, const FontFace* face, uint8_t level, hb_script_t script, ShapedItem& item) {
  item.begin = begin;
  item.end = end;
  item.level = level;
  item.script = script;
  GlyphRun& run = item.run;
  run.face = face;
  run.glyphs.clear();
  run.clusters.clear();
  run.text.clear();
  item.cluster_begin.clear();
  item.unsafe_before.clear();

  const bool rtl = level & 1;
  const std::vector<ShapedGlyph>& glyphs =
      fonts.shaping_cache().shape({face->font, face->index, language, script, rtl, word, begin, end}, buf);
  const auto count = static_cast<unsigned>(glyphs.size());
  const double scale = run.size.value / face->units_per_em;
  // A cluster a glyph at most: each vector grows once, not once per doubling.
  run.glyphs.reserve(count);
  run.clusters.reserve(count);
  run.text.reserve(end - begin);
  item.cluster_begin.reserve(count);
  item.unsafe_before.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    const ShapedGlyph& g = glyphs[i];
    run.glyphs.push_back({g.glyph, Pt(g.x_advance * scale), Pt(g.x_offset * scale), Pt(g.y_offset * scale)});
    if (i > 0 && g.cluster == glyphs[i - 1].cluster) {
      ++run.clusters.back().glyph_count;
      continue;
    }
    // Clusters rise along the glyphs left to right and fall right to left, so a cluster ends
    // where the next one in logical order begins.
    const uint32_t c = g.cluster;
    uint32_t c_end = end;
    if (!rtl) {
      for (unsigned j = i + 1; j < count; ++j)
        if (glyphs[j].cluster != c) {
          c_end = glyphs[j].cluster;
          break;
        }
    } else if (i > 0) {
      c_end = glyphs[i - 1].cluster;
    }
    run.add_cluster(i, 1, word.substr(c, c_end - c));
    item.cluster_begin.push_back(c);
    item.unsafe_before.push_back(g.unsafe_to_break);
  }
  item.width = run.width();
}

// Soft hyphens in a row mark one place to break, and UAX #14 puts no break between them, so
// they would all go to HarfBuzz as one word, and HarfBuzz skips over default-ignorable
// characters in every lookup: a run of n costs n² (100,000 took minutes). One is kept.
void collapse_soft_hyphen_runs(std::string& text, size_t from) {
  static constexpr std::string_view kTwo = "\xC2\xAD\xC2\xAD";
  size_t at = text.find(kTwo, from);
  if (at == std::string::npos) return;
  size_t out = at;
  for (size_t in = at; in < text.size();) {
    const bool shy = text.compare(in, 2, "\xC2\xAD") == 0;
    if (shy && out >= from + 2 && text.compare(out - 2, 2, "\xC2\xAD") == 0) {
      in += 2;
      continue;
    }
    text[out++] = text[in++];
  }
  text.resize(out);
}

}  // namespace

void Shaper::shape_item(std::string_view word, uint32_t begin, uint32_t end, const Char& first, const TextSpan& span,
                        ShapedItem& item) {
  item.run.size = span.style->size;
  item.run.colour = span.style->colour;
  item.run.link = span.link;
  item.run.lang = span.lang;
  shape_into(fonts_, buffer_, language_, word, begin, end, first.face, first.level, first.script, item);
}

GlyphRun Shaper::reshape(std::string_view word, const ShapedItem& item, uint32_t begin, uint32_t end) {
  ShapedItem piece;
  piece.run.size = item.run.size;
  piece.run.colour = item.run.colour;
  piece.run.link = item.run.link;
  piece.run.lang = item.run.lang;
  shape_into(fonts_, buffer_, language_, word, begin, end, item.run.face, item.level, item.script, piece);
  return std::move(piece.run);
}

const GlyphRun& Shaper::hyphen(const GlyphRun& like) {
  // Most words ask for the hyphen the word before them did.
  if (last_hyphen_ && last_hyphen_->face == like.face && last_hyphen_->size == like.size &&
      last_hyphen_->colour == like.colour && last_hyphen_->link == like.link && last_hyphen_->lang == like.lang)
    return *last_hyphen_;
  last_hyphen_ = &hyphen_for(like);
  return *last_hyphen_;
}

const GlyphRun& Shaper::hyphen_for(const GlyphRun& like) {
  std::string key;
  append_bytes(key, like.face->index);
  append_bytes(key, like.size.value);
  append_bytes(key, like.colour);
  key += like.link;
  key += '\0' + like.lang;
  auto it = hyphens_.find(key);
  if (it != hyphens_.end()) return it->second;
  ShapedItem item;
  item.run.size = like.size;
  item.run.colour = like.colour;
  item.run.link = like.link;
  item.run.lang = like.lang;
  shape_into(fonts_, buffer_, language_, "-", 0, 1, like.face, 0, HB_SCRIPT_LATIN, item);
  return hyphens_.emplace(std::move(key), std::move(item.run)).first->second;
}

void Shaper::add_hyphen_points(std::string_view word, const TextStyle& style, ShapedWord& out) {
  const HyphenLimits limits{style.hyphen_min_word, style.hyphen_left_min, style.hyphen_right_min};
  for (size_t p : hyphenator_.points(word, limits)) {
    const auto offset = static_cast<uint32_t>(p);
    Pt before;
    const ShapedItem* inside = nullptr;
    for (const auto& item : out.items) {
      if (item.end <= offset) {
        before += item.width;
        continue;
      }
      if (item.begin < offset) inside = &item;
      break;
    }
    HyphenPoint hp{offset, before, before, Pt(0)};
    if (inside) {
      if (inside->level & 1) continue;  // the patterns are for left-to-right text
      Pt part;
      bool at_cluster = false, safe = false;
      for (size_t k = 0; k < inside->cluster_begin.size(); ++k) {
        if (inside->cluster_begin[k] >= offset) {
          at_cluster = inside->cluster_begin[k] == offset;
          safe = at_cluster && !inside->unsafe_before[k];
          break;
        }
        const Cluster& c = inside->run.clusters[k];
        for (uint32_t g = 0; g < c.glyph_count; ++g) part += inside->run.glyphs[c.first_glyph + g].advance;
      }
      const Pt alone = safe ? part : reshape(word, *inside, inside->begin, offset).width();
      hp.before = before + (at_cluster ? part : alone);
      hp.before_alone = before + alone;
    }
    for (const auto& item : out.items)
      if (item.end >= offset) {
        hp.hyphen = hyphen(item.run).width();
        break;
      }
    out.hyphens.push_back(hp);
  }
}

void Shaper::shape_word(const std::vector<TextSpan>& spans, const std::string& text, size_t first, size_t last,
                        bool may_hyphenate, ShapedWord& out) {
  choose_faces(first, last);
  const size_t b = chars_[first].byte, e = last < chars_.size() ? chars_[last].byte : text.size();
  const std::string_view word(text.data() + b, e - b);
  bool left_to_right = true;
  for (size_t i = first; i < last;) {
    size_t j = i + 1;
    while (j < last && chars_[j].span == chars_[i].span && chars_[j].level == chars_[i].level &&
           chars_[j].face == chars_[i].face && chars_[j].script == chars_[i].script)
      ++j;
    const size_t ie = j < chars_.size() ? chars_[j].byte : text.size();
    out.items.emplace_back();
    shape_item(word, static_cast<uint32_t>(chars_[i].byte - b), static_cast<uint32_t>(ie - b), chars_[i],
               spans[chars_[i].span], out.items.back());
    out.width += out.items.back().width;
    left_to_right &= (chars_[i].level & 1) == 0;
    i = j;
  }
  for (size_t i = first; i < last; ++i) {
    const Char& ch = chars_[i];
    if (!out.missing && !ch.in_face && !is_space(ch.code) && !follows_previous_font(ch.code))
      out.missing = ch.code;
  }
  if (!out.items.empty()) out.hyphen = hyphen(out.items.back().run).width();
  const TextStyle& style = *spans[chars_[first].span].style;
  if (may_hyphenate && left_to_right && style.hyphenate) add_hyphen_points(word, style, out);
}

const ShapedWord* Shaper::shaped(const std::vector<TextSpan>& spans, const std::string& text, size_t first,
                                 size_t last, bool may_hyphenate) {
  if (first >= last) return nullptr;
  key_.clear();
  for (size_t i = first; i < last;) {
    size_t j = i + 1;
    while (j < last && chars_[j].span == chars_[i].span) ++j;
    append_bytes(key_, span_keys_[chars_[i].span]);
    append_bytes(key_, static_cast<uint32_t>(j - i));
    i = j;
  }
  bool one_level = true;
  for (size_t i = first + 1; i < last; ++i) one_level &= chars_[i].level == chars_[first].level;
  key_ += one_level ? '\1' : '\2';
  if (one_level) key_ += static_cast<char>(chars_[first].level);
  else
    for (size_t i = first; i < last; ++i) key_ += static_cast<char>(chars_[i].level);
  key_ += may_hyphenate ? 'h' : '-';
  const size_t b = chars_[first].byte, e = last < chars_.size() ? chars_[last].byte : text.size();
  key_.append(text, b, e - b);
  const auto [word, added] = words_.find_or_add(key_);
  if (added) shape_word(spans, text, first, last, may_hyphenate, *word);
  return word;
}

std::pair<ShapedWord*, bool> Shaper::WordCache::find_or_add(std::string_view key) {
  if ((words_.size() + 1) * 2 > slots_.size()) grow();
  const uint64_t hash = std::hash<std::string_view>{}(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.word) {
      slot = {hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), &words_.emplace_back()};
      keys_.append(key);
      return {slot.word, true};
    }
    if (slot.hash == hash && slot.key_size == key.size() && keys_.compare(slot.key_at, slot.key_size, key) == 0)
      return {slot.word, false};
  }
}

void Shaper::WordCache::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.word) continue;
    size_t i = s.hash & mask;
    while (slots_[i].word) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void Shaper::WordCache::clear() {
  slots_.clear();
  keys_.clear();
  words_.clear();
}

const ShapedWord* Shaper::space_after(const std::vector<TextSpan>& spans, const std::string& text, size_t first,
                                      size_t last) {
  if (last != first + 1 || chars_[first].code != ' ' || chars_[first].level != 0)
    return shaped(spans, text, first, last, false);
  const uint32_t style = span_keys_[chars_[first].span];
  if (style >= single_spaces_.size()) single_spaces_.resize(style + 1, nullptr);
  const ShapedWord*& space = single_spaces_[style];
  if (!space) space = shaped(spans, text, first, last, false);
  return space;
}

void Shaper::shape(const std::vector<TextSpan>& spans, ShapedParagraph& para) {
  if (words_.size() > kMaxCachedWords) {
    words_.clear();
    span_ids_.clear();
    single_spaces_.clear();
  }
  para.text.clear();
  para.segments.clear();
  para.base_level = 0;
  chars_.clear();
  span_keys_.resize(spans.size());
  span_chains_.resize(spans.size());
  uint32_t span_index = 0;
  for (const auto& s : spans) {
    const size_t start = para.text.size();
    if (s.style->uppercase) icu::UnicodeString::fromUTF8(s.text).toUpper(locale_).toUTF8String(para.text);
    else para.text += s.text;
    collapse_soft_hyphen_runs(para.text, start);
    const std::string& text = para.text;
    int32_t i = static_cast<int32_t>(start);
    const auto n = static_cast<int32_t>(text.size());
    while (i < n) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
      chars_.push_back({static_cast<size_t>(at), c < 0 ? 0xFFFD : static_cast<char32_t>(c), span_index, 0,
                        HB_SCRIPT_COMMON, nullptr, false});
    }
    // What makes two spans shape alike: font, style, size, colour, link and hyphenation.
    const TextStyle& st = *s.style;
    std::string& key = span_key_;
    key.assign(st.font_role);
    key += '\0';
    const FaceChoice face = face_choice(st, s.bold, s.italic);
    key += static_cast<char>(face.bold | (face.italic << 1) | (st.hyphenate << 2));
    append_bytes(key, st.size.value);
    append_bytes(key, st.colour);
    append_bytes(key, st.hyphen_min_word);
    append_bytes(key, st.hyphen_left_min);
    append_bytes(key, st.hyphen_right_min);
    key += s.link;
    key += '\0' + s.lang;
    auto id = span_ids_.find(key);
    if (id == span_ids_.end()) id = span_ids_.emplace(key, static_cast<uint32_t>(span_ids_.size())).first;
    span_keys_[span_index] = id->second;
    span_chains_[span_index] = &chain(s);
    ++span_index;
  }
  const std::string& text = para.text;
  if (text.empty()) return;

  if (!plainly_left_to_right(text)) {
    icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(text);
    para.base_level = bidi_.resolve(std::u16string_view(u16.getBuffer(), u16.length()), BaseDirection::Auto, levels_);
    size_t u = 0;
    for (auto& ch : chars_) {
      ch.level = u < levels_.size() ? levels_[u] : para.base_level;
      u += ch.code > 0xFFFF ? 2 : 1;
    }
  }

  breaks_.find(text, opportunities_);
  size_t ci = 0;
  bool after_soft_hyphen = false;
  for (const auto& op : opportunities_) {
    const size_t first = ci;
    size_t last = ci;
    while (last < chars_.size() && chars_[last].byte < op.offset) ++last;
    size_t word_end = last;
    while (word_end > first && is_space(chars_[word_end - 1].code)) --word_end;
    if (first == last) continue;
    Segment seg;
    seg.begin = chars_[first].byte;
    seg.word_end = word_end < chars_.size() ? chars_[word_end].byte : text.size();
    seg.end = op.offset;
    seg.span = chars_[first].span;
    seg.hard_break = op.mandatory;
    if (word_end > first) {
      const char32_t end_char = chars_[word_end - 1].code;
      seg.soft_hyphen = end_char == 0xAD;
      seg.shows_hyphen = seg.soft_hyphen || (word_end == last && is_hyphen_like(end_char));
    }
    // A word the author hyphenated with soft hyphens is not hyphenated again.
    seg.word = shaped(spans, text, first, word_end, !seg.soft_hyphen && !after_soft_hyphen);
    seg.space = space_after(spans, text, word_end, last);
    after_soft_hyphen = seg.soft_hyphen;
    for (const ShapedWord* w : {seg.word, seg.space}) {
      if (!w || !w->missing) continue;
      std::string utf8;
      icu::UnicodeString(static_cast<UChar32>(w->missing)).toUTF8String(utf8);
      diags_.warning_once(utf8, file_, spans[seg.span].pos,
                     fmt::format("no font in the fallback chain has U+{:04X} '{}'", static_cast<uint32_t>(w->missing), utf8));
    }
    para.segments.push_back(seg);
    ci = last;
  }
}

}  // namespace lp
