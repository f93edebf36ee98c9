#include "text/shaper.h"

#include <fmt/format.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>

namespace lp {

struct Shaper::Char {
  size_t byte = 0;        // offset in the paragraph text
  char32_t code = 0;
  size_t span = 0;
  uint8_t level = 0;
  hb_script_t script = HB_SCRIPT_COMMON;
  const FontFace* face = nullptr;
};

void GlyphRun::append(const GlyphRun& other) {
  const auto offset = static_cast<uint32_t>(glyphs.size());
  glyphs.insert(glyphs.end(), other.glyphs.begin(), other.glyphs.end());
  for (Cluster c : other.clusters) {
    c.first_glyph += offset;
    clusters.push_back(std::move(c));
  }
}

Shaper::Shaper(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language)
    : fonts_(fonts), diags_(diags), file_(std::move(file)),
      language_(hb_language_from_string(language.c_str(), -1)), buffer_(hb_buffer_create()) {
  UErrorCode status = U_ZERO_ERROR;
  locale_ = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status)) locale_ = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  breaker_.reset(icu::BreakIterator::createLineInstance(locale_, status));
}

Shaper::~Shaper() { hb_buffer_destroy(buffer_); }

namespace {

std::vector<std::pair<size_t, char32_t>> decode_utf8(const std::string& s) {
  std::vector<std::pair<size_t, char32_t>> out;
  out.reserve(s.size());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    out.emplace_back(static_cast<size_t>(start), c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

// Characters that take the font of the character before them rather than choosing one.
bool follows_previous_font(char32_t c) {
  const auto gc = u_charType(static_cast<UChar32>(c));
  return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == '\n' || c == '\r'; }

}  // namespace

void Shaper::choose_faces(const std::vector<TextSpan>& spans, const std::string& text, std::vector<Char>& chars) {
  hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
  std::vector<std::vector<const FontFace*>> chains;  // per span: style face, then fallbacks
  for (const auto& span : spans) {
    const bool bold = span.bold || span.style->bold, italic = span.italic || span.style->italic;
    std::vector<const FontFace*> chain{fonts_.face(span.style->font_role, bold, italic)};
    for (const FontFace* f : fonts_.fallback(bold)) chain.push_back(f);
    chains.push_back(std::move(chain));
  }
  for (size_t i = 0; i < chars.size(); ++i) {
    Char& ch = chars[i];
    ch.script = hb_unicode_script(ufuncs, ch.code);
    const auto& chain = chains[ch.span];
    if (i > 0 && chars[i - 1].span == ch.span && follows_previous_font(ch.code)) {
      ch.face = chars[i - 1].face;
      continue;
    }
    ch.face = nullptr;
    for (const FontFace* f : chain)
      if (f && f->has_char(ch.code)) {
        ch.face = f;
        break;
      }
    if (!ch.face) {
      ch.face = chain.front();
      if (!is_space(ch.code) && !follows_previous_font(ch.code)) {
        std::string utf8;
        icu::UnicodeString(static_cast<UChar32>(ch.code)).toUTF8String(utf8);
        diags_.warning(file_, spans[ch.span].pos,
                       fmt::format("no font in the fallback chain has U+{:04X} '{}'", static_cast<uint32_t>(ch.code), utf8));
      }
    }
  }
  (void)text;
  // Common and inherited characters (spaces, punctuation, marks) take the script around them.
  hb_script_t last = HB_SCRIPT_INVALID;
  for (auto& ch : chars) {
    if (ch.script == HB_SCRIPT_COMMON || ch.script == HB_SCRIPT_INHERITED || ch.script == HB_SCRIPT_UNKNOWN) {
      if (last != HB_SCRIPT_INVALID) ch.script = last;
    } else {
      last = ch.script;
    }
  }
  last = HB_SCRIPT_INVALID;
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) {
    if (it->script == HB_SCRIPT_COMMON || it->script == HB_SCRIPT_INHERITED || it->script == HB_SCRIPT_UNKNOWN) {
      it->script = last == HB_SCRIPT_INVALID ? HB_SCRIPT_LATIN : last;
    } else {
      last = it->script;
    }
  }
}

ShapedItem Shaper::shape_item(const std::string& text, size_t begin, size_t end, const Char& first,
                              const TextSpan& span, hb_buffer_t* buf) {
  ShapedItem item;
  item.begin = begin;
  item.end = end;
  item.level = first.level;
  GlyphRun& run = item.run;
  run.face = first.face;
  run.size = span.style->size;
  run.colour = span.style->colour;
  run.link = span.link;

  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(buf, (first.level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, first.script);
  hb_buffer_set_language(buf, language_);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  hb_shape(first.face->font, buf, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  const double scale = span.style->size.value / first.face->units_per_em;

  std::vector<uint32_t> starts;
  for (unsigned i = 0; i < count; ++i) starts.push_back(info[i].cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  auto cluster_end = [&](uint32_t c) {
    auto it = std::upper_bound(starts.begin(), starts.end(), c);
    return it == starts.end() ? static_cast<uint32_t>(end) : *it;
  };

  run.glyphs.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    run.glyphs.push_back({info[i].codepoint, Pt(pos[i].x_advance * scale), Pt(pos[i].x_offset * scale),
                          Pt(pos[i].y_offset * scale)});
    if (i == 0 || info[i].cluster != info[i - 1].cluster) {
      const uint32_t c = info[i].cluster;
      run.clusters.push_back({i, 1, text.substr(c, cluster_end(c) - c)});
    } else {
      ++run.clusters.back().glyph_count;
    }
  }
  return item;
}

ShapedParagraph Shaper::shape(const std::vector<TextSpan>& spans) {
  ShapedParagraph para;
  std::vector<size_t> span_end;
  for (const auto& s : spans) {
    if (s.style->uppercase) {
      icu::UnicodeString::fromUTF8(s.text).toUpper(locale_).toUTF8String(para.text);
    } else {
      para.text += s.text;
    }
    span_end.push_back(para.text.size());
  }
  const std::string& text = para.text;
  if (text.empty()) return para;

  std::vector<Char> chars;
  size_t span = 0;
  for (auto [byte, code] : decode_utf8(text)) {
    while (byte >= span_end[span]) ++span;
    chars.push_back({byte, code, span, 0, HB_SCRIPT_COMMON, nullptr});
  }

  // Bidi levels (UAX #9) through UTF-16, as ICU wants it.
  {
    icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_openSized(u16.length(), 0, &status);
    ubidi_setPara(bidi, u16.getBuffer(), u16.length(), UBIDI_DEFAULT_LTR, nullptr, &status);
    if (U_SUCCESS(status)) {
      const UBiDiLevel* levels = ubidi_getLevels(bidi, &status);
      para.base_level = ubidi_getParaLevel(bidi);
      int32_t u = 0;
      for (auto& ch : chars) {
        ch.level = U_SUCCESS(status) ? levels[u] : 0;
        u += ch.code > 0xFFFF ? 2 : 1;
      }
    }
    ubidi_close(bidi);
  }
  choose_faces(spans, text, chars);

  // Break opportunities (UAX #14) on the UTF-8 text itself.
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  breaker_->setText(ut, status);
  std::vector<std::pair<size_t, bool>> breaks;  // (offset, mandatory)
  for (int32_t b = breaker_->next(); b != icu::BreakIterator::DONE; b = breaker_->next())
    breaks.emplace_back(static_cast<size_t>(b), breaker_->getRuleStatus() >= UBRK_LINE_HARD);
  utext_close(ut);

  size_t ci = 0;
  size_t seg_start = 0;
  for (auto [seg_end, hard] : breaks) {
    Segment seg;
    seg.hard_break = hard;
    // Trailing spaces of the segment are its `space` part.
    size_t first = ci, last = ci;
    while (last < chars.size() && chars[last].byte < seg_end) ++last;
    size_t word_end = last;
    while (word_end > first && is_space(chars[word_end - 1].code)) --word_end;
    auto shape_range = [&](size_t from, size_t to, std::vector<ShapedItem>& out, Pt& width) {
      size_t i = from;
      while (i < to) {
        size_t j = i + 1;
        while (j < to && chars[j].span == chars[i].span && chars[j].level == chars[i].level &&
               chars[j].face == chars[i].face && chars[j].script == chars[i].script)
          ++j;
        const size_t b = chars[i].byte, e = j < chars.size() ? chars[j].byte : text.size();
        out.push_back(shape_item(text, b, e, chars[i], spans[chars[i].span], buffer_));
        width += out.back().run.width();
        i = j;
      }
    };
    shape_range(first, word_end, seg.word, seg.word_width);
    shape_range(word_end, last, seg.space, seg.space_width);
    para.segments.push_back(std::move(seg));
    ci = last;
    seg_start = seg_end;
  }
  (void)seg_start;
  return para;
}

}  // namespace lp
