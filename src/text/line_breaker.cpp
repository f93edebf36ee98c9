// The paragraph setter: shaped segments become boxes, glue and penalties; Knuth–Plass total fit
// chooses the breaks (knuth_plass.h); each line is then cut out of the shaped words (reshaped
// where HarfBuzz says a cut is unsafe), reordered visually (UAX #9 L2) and justified.
//
// A hyphen the breaker adds is a real hyphen glyph of the word's face whose cluster text is
// "-": pdftotext joins a line ending in "-" to the next and drops the hyphen, so the word copies
// out whole ("children", not "chil-" and "dren").
#include <algorithm>
#include <deque>
#include <fmt/format.h>

#include "text/knuth_plass.h"
#include "text/shaper.h"

namespace lp {

namespace {

constexpr int kHyphenPenalty = 50;       // TeX's \hyphenpenalty and \exhyphenpenalty
constexpr double kSpaceStretch = 1.0 / 2;  // of the space's width, as TeX's fonts have it
constexpr double kSpaceShrink = 1.0 / 3;
constexpr double kRaggedStretch = 2;     // ems of stretch at a ragged line's end, as plain TeX's \raggedright
constexpr double kEmergencyStretch = 2;  // ems, for the third pass
constexpr double kFill = 1e7;            // the last line's end: stretches without limit

// Where a breaker item came from.
struct ItemRef {
  enum class Kind : unsigned char { Word, Space, Hyphen, Other } kind = Kind::Other;
  uint32_t segment = 0;
  uint32_t fragment = 0;  // Word: the piece between hyphenation points; Hyphen: the point
};

// A part of a line: clusters [k0, k1) (glyphs [g0, g1)) of a shaped run, which the shaper's
// cache or the line's own reshaped runs own.
struct Piece {
  const GlyphRun* run = nullptr;
  uint32_t k0 = 0, k1 = 0, g0 = 0, g1 = 0;
  uint8_t level = 0;
  bool gap = false;
  Pt width, stretch, shrink;
};

Piece whole(const GlyphRun& run, uint8_t level, Pt width) {
  Piece p;
  p.run = &run;
  p.k1 = static_cast<uint32_t>(run.clusters.size());
  p.g1 = static_cast<uint32_t>(run.glyphs.size());
  p.level = level;
  p.width = width;
  return p;
}

Piece whole(const GlyphRun& run, uint8_t level) { return whole(run, level, run.width()); }
Piece whole(const ShapedItem& item) { return whole(item.run, item.level, item.width); }

bool same_run_style(const GlyphRun& a, const GlyphRun& b) {
  return a.face == b.face && a.size == b.size && a.colour == b.colour && a.link == b.link && a.lang == b.lang;
}

// Half-leading model: the line box is `leading` tall, the face's ascent and descent centred in it.
void set_line_metrics(Line& line, const TextStyle& st, const FontFace* face) {
  line.height = st.leading;
  const double scale = st.size.value / face->units_per_em;
  const Pt ascent(face->ascender * scale), descent(-face->descender * scale);
  line.baseline = (st.leading - ascent - descent) / 2 + ascent;
}

// Clusters of `item` for bytes [lo, hi) of its word, where cutting the shaped run there is safe.
bool cut_piece(const ShapedItem& item, uint32_t lo, uint32_t hi, Piece& out) {
  if (item.level & 1) return false;
  auto cluster_at = [&](uint32_t offset) -> int {
    for (size_t k = 0; k < item.cluster_begin.size(); ++k)
      if (item.cluster_begin[k] == offset) return item.unsafe_before[k] ? -1 : static_cast<int>(k);
    return -1;
  };
  const int k0 = lo == item.begin ? 0 : cluster_at(lo);
  const int k1 = hi == item.end ? static_cast<int>(item.run.clusters.size()) : cluster_at(hi);
  if (k0 < 0 || k1 < 0 || k1 < k0) return false;
  const auto& clusters = item.run.clusters;
  out.run = &item.run;
  out.level = item.level;
  out.k0 = static_cast<uint32_t>(k0);
  out.k1 = static_cast<uint32_t>(k1);
  out.g0 = k0 < static_cast<int>(clusters.size()) ? clusters[k0].first_glyph : 0;
  out.g1 = k1 < static_cast<int>(clusters.size()) ? clusters[k1].first_glyph : static_cast<uint32_t>(item.run.glyphs.size());
  out.width = Pt(0);
  for (uint32_t g = out.g0; g < out.g1; ++g) out.width += item.run.glyphs[g].advance;
  return true;
}

}  // namespace

struct ParagraphSetter::Impl {
  Impl(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language)
      : fonts(fonts), diags(diags), file(file), shaper(fonts, diags, std::move(file), std::move(language)) {}
  const FontSet& fonts;
  Diagnostics& diags;
  std::string file;
  Shaper shaper;
  // Reused from one paragraph to the next.
  ShapedParagraph para;
  std::vector<BreakItem> items;
  std::vector<ItemRef> refs;
  std::vector<Piece> pieces;
  std::deque<GlyphRun> reshaped;  // runs cut where HarfBuzz said shaping would change
  std::vector<uint8_t> levels;
  std::vector<int32_t> order;
  std::vector<uint8_t> joins;  // a piece in visual order continues the run before it
  BreakWorkspace workspace;

  void build_items(bool justify);
  void add_word(const Segment& seg, uint32_t from, uint32_t to);
  Line assemble(size_t from, size_t to, const std::vector<TextSpan>& spans, Pt width, Align align, Pt indent);
};

std::vector<TextSpan> spans_of(const InlineText& text, const TextStyle& style) {
  std::vector<TextSpan> out;
  out.reserve(text.size());
  for (const auto& run : text) out.push_back({run.text, &style, run.bold, run.italic, run.link, run.pos, run.lang});
  return out;
}

bool has_hyphenation(std::string_view language) {
  const std::string path = hyphen_dictionary_for(language);
  return !path.empty() && Hyphenator(path).loaded();
}

ParagraphSetter::ParagraphSetter(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language)
    : impl_(std::make_unique<Impl>(fonts, diags, std::move(file), std::move(language))) {}

ParagraphSetter::~ParagraphSetter() = default;

void ParagraphSetter::Impl::build_items(bool justify) {
  items.clear();
  refs.clear();
  using K = ItemRef::Kind;
  const auto& segs = para.segments;
  for (uint32_t s = 0; s < segs.size(); ++s) {
    const Segment& seg = segs[s];
    const ShapedWord* w = seg.word;
    Pt done;
    if (w) {
      for (uint32_t k = 0; k < w->hyphens.size(); ++k) {
        const HyphenPoint& hp = w->hyphens[k];
        items.push_back(BreakItem::box((hp.before - done).value));
        refs.push_back({K::Word, s, k});
        const Pt extra = hp.hyphen + (hp.before_alone - hp.before);
        items.push_back(BreakItem::make_penalty(extra.value, kHyphenPenalty, true, true));
        refs.push_back({K::Hyphen, s, k});
        done = hp.before;
      }
    }
    items.push_back(BreakItem::box(w ? (w->width - done).value : 0));
    refs.push_back({K::Word, s, w ? static_cast<uint32_t>(w->hyphens.size()) : 0});
    if (seg.hard_break || s + 1 == segs.size()) {
      items.push_back(BreakItem::make_penalty(0, kInfinitePenalty, false));
      refs.push_back({K::Other, s, 0});
      items.push_back(BreakItem::glue(0, kFill, 0));
      refs.push_back({K::Other, s, 0});
      items.push_back(BreakItem::make_penalty(0, -kInfinitePenalty, false));
      refs.push_back({K::Other, s, 0});
    } else if (seg.space) {
      const double space = seg.space->width.value;
      items.push_back(justify ? BreakItem::glue(space, space * kSpaceStretch, space * kSpaceShrink)
                              : BreakItem::glue(space, 0, 0));
      refs.push_back({K::Space, s, 0});
    } else {
      // A break with no space: after a hyphen or dash, a soft hyphen, a slash.
      const double shown = seg.soft_hyphen && w ? w->hyphen.value : 0;
      items.push_back(BreakItem::make_penalty(shown, seg.shows_hyphen ? kHyphenPenalty : 0, seg.shows_hyphen));
      refs.push_back({seg.soft_hyphen ? K::Hyphen : K::Other, s, w ? static_cast<uint32_t>(w->hyphens.size()) : 0});
    }
  }
}

// The glyphs for bytes [from, to) of a segment's word.
void ParagraphSetter::Impl::add_word(const Segment& seg, uint32_t from, uint32_t to) {
  const ShapedWord& w = *seg.word;
  const std::string_view word(para.text.data() + seg.begin, seg.word_end - seg.begin);
  for (const auto& item : w.items) {
    const uint32_t lo = std::max(from, item.begin), hi = std::min(to, item.end);
    if (lo >= hi) continue;
    if (lo == item.begin && hi == item.end) {
      pieces.push_back(whole(item));
      continue;
    }
    Piece p;
    if (!cut_piece(item, lo, hi, p)) {
      reshaped.push_back(shaper.reshape(word, item, lo, hi));
      p = whole(reshaped.back(), item.level);
    }
    pieces.push_back(p);
  }
}

Line ParagraphSetter::Impl::assemble(size_t from, size_t to, const std::vector<TextSpan>& spans, Pt width,
                                     Align align, Pt indent) {
  using K = ItemRef::Kind;
  pieces.clear();
  reshaped.clear();
  // A line starts after the glue and penalties that follow the break before it.
  size_t start = from;
  while (start < to && (items[start].kind == BreakItem::Kind::Glue ||
                        (items[start].kind == BreakItem::Kind::Penalty && items[start].penalty > -kInfinitePenalty)))
    ++start;
  const size_t first_segment = refs[std::min(start, to)].segment;
  // Consecutive pieces of one word are cut out together.
  int pending_seg = -1;
  uint32_t pending_from = 0, pending_to = 0;
  auto fragment_range = [&](const Segment& seg, uint32_t k) {
    const auto& hy = seg.word->hyphens;
    const uint32_t lo = k == 0 ? 0 : hy[k - 1].offset;
    const uint32_t hi = k < hy.size() ? hy[k].offset : static_cast<uint32_t>(seg.word_end - seg.begin);
    return std::pair{lo, hi};
  };
  auto flush = [&] {
    if (pending_seg >= 0)
      add_word(para.segments[pending_seg], pending_from, pending_to);
    pending_seg = -1;
  };
  const BreakItem& end_item = items[to];
  const bool last_line = end_item.kind == BreakItem::Kind::Penalty && end_item.penalty <= -kInfinitePenalty;
  for (size_t i = start; i <= to; ++i) {
    const ItemRef& r = refs[i];
    const Segment& seg = para.segments[r.segment];
    if (r.kind == K::Word && seg.word) {
      auto [lo, hi] = fragment_range(seg, r.fragment);
      if (pending_seg == static_cast<int>(r.segment) && pending_to == lo) {
        pending_to = hi;
      } else {
        flush();
        pending_seg = static_cast<int>(r.segment);
        pending_from = lo;
        pending_to = hi;
      }
    } else if (r.kind == K::Space && i < to && seg.space) {
      flush();
      for (const auto& item : seg.space->items) {
        Piece p = whole(item);
        p.gap = true;
        p.stretch = p.width * kSpaceStretch;
        p.shrink = p.width * kSpaceShrink;
        pieces.push_back(p);
      }
    } else if (r.kind == K::Hyphen && i == to) {
      flush();
      if (!pieces.empty()) pieces.push_back(whole(shaper.hyphen(*pieces.back().run), pieces.back().level));
    }
  }
  flush();

  Line line;
  Pt natural, stretch, shrink;
  for (const auto& p : pieces) {
    natural += p.width;
    if (p.gap) stretch += p.stretch, shrink += p.shrink;
  }
  // Justification shares the difference among the gaps by their stretch or shrink. Any line
  // the breaker chose wider than the measure (a last line too) shrinks its gaps to fit.
  double ratio = 0;
  const Pt diff = width - indent - natural;
  if (align == Align::Justify && !last_line && diff > Pt(0) && stretch > Pt(0)) ratio = diff / stretch;
  if (diff < Pt(0) && shrink > Pt(0)) ratio = std::max(-1.0, diff / shrink);
  levels.clear();
  for (const auto& p : pieces) levels.push_back(p.level);
  visual_order(levels, order);
  // Runs of one style are joined; sized first so that each run's storage is allocated once.
  // Clusters [k0, k1) of a run are one stretch of its text, copied at once.
  joins.assign(order.size(), 0);
  size_t runs = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    joins[i] = i > 0 && same_run_style(*pieces[order[i - 1]].run, *pieces[order[i]].run);
    runs += !joins[i];
  }
  line.runs.reserve(runs);
  auto text_range = [](const Piece& p) {
    if (p.k1 <= p.k0) return std::pair<uint32_t, uint32_t>{0, 0};
    const Cluster& first = p.run->clusters[p.k0];
    const Cluster& last = p.run->clusters[p.k1 - 1];
    return std::pair<uint32_t, uint32_t>{first.text_begin, last.text_begin + last.text_length};
  };
  Pt x = indent;
  for (size_t i = 0; i < order.size(); ++i) {
    const Piece& p = pieces[order[i]];
    if (!joins[i]) {
      uint32_t glyphs = 0, clusters = 0, bytes = 0;
      for (size_t j = i; j < order.size() && (j == i || joins[j]); ++j) {
        const Piece& q = pieces[order[j]];
        const auto [from, to] = text_range(q);
        glyphs += q.g1 - q.g0, clusters += q.k1 - q.k0, bytes += to - from;
      }
      line.runs.push_back({x, GlyphRun{p.run->face, p.run->size, p.run->colour, p.run->link, {}, {}, {}, p.run->lang}});
      GlyphRun& run = line.runs.back().run;
      run.glyphs.reserve(glyphs);
      run.clusters.reserve(clusters);
      run.text.reserve(bytes);
    }
    GlyphRun& run = line.runs.back().run;
    const auto base = static_cast<uint32_t>(run.glyphs.size());
    run.glyphs.insert(run.glyphs.end(), p.run->glyphs.begin() + p.g0, p.run->glyphs.begin() + p.g1);
    const auto [from, to] = text_range(p);
    const auto text_base = static_cast<uint32_t>(run.text.size());
    run.text.append(p.run->text, from, to - from);
    for (uint32_t k = p.k0; k < p.k1; ++k) {
      const Cluster& c = p.run->clusters[k];
      run.clusters.push_back({c.first_glyph - p.g0 + base, c.glyph_count, c.text_begin - from + text_base, c.text_length});
    }
    Pt w = p.width;
    if (p.gap && p.g1 > p.g0 && ratio != 0) {
      const Pt extra = (ratio > 0 ? p.stretch : p.shrink) * ratio;
      run.glyphs.back().advance += extra;
      w += extra;
    }
    x += w;
  }
  Pt shift;
  const Pt set_width = x;
  line.width = set_width;
  if (align == Align::Center) shift = (width - set_width) / 2;
  if (align == Align::Right) shift = width - set_width;
  if (shift > Pt(0))
    for (auto& r : line.runs) r.x += shift;
  const TextSpan& span = spans[para.segments.empty() ? 0 : para.segments[first_segment].span];
  const TextStyle& st = *spans.front().style;
  const FaceChoice choice = face_choice(st, spans.front().bold, spans.front().italic);
  if (const FontFace* face = fonts.face(st.font_role, choice.bold, choice.italic))
    set_line_metrics(line, st, face);
  line.overfull = set_width > width + Pt(0.01);
  line.hyphenated = end_item.kind == BreakItem::Kind::Penalty && end_item.flagged;
  line.hyphen_added = refs[to].kind == K::Hyphen && !pieces.empty();
  line.break_penalty = end_item.kind == BreakItem::Kind::Penalty ? std::max(end_item.penalty, -kInfinitePenalty) : 0;
  if (line.overfull)
    diags.warning(file, span.pos,
                  fmt::format("overfull line: {:.1f} pt wider than the measure", (set_width - width).value));
  return line;
}

std::vector<Line> ParagraphSetter::set(const std::vector<TextSpan>& spans, Pt width, Align align, ParagraphStats* stats,
                                       Breaking breaking, Pt indent) {
  std::vector<Line> lines;
  if (spans.empty()) return lines;
  Impl& im = *impl_;
  im.shaper.shape(spans, im.para);
  if (im.para.segments.empty()) return lines;
  const bool justify = align == Align::Justify;
  const double em = spans.front().style->size.value;
  im.build_items(justify);
  if (indent > Pt(0)) {  // a box the first line starts with, as TeX's paragraph indent
    im.items.insert(im.items.begin(), BreakItem::box(indent.value));
    im.refs.insert(im.refs.begin(), ItemRef{});
  }
  BreakParams params;
  params.emergency_stretch = kEmergencyStretch * em;
  if (!justify) params.line_stretch = kRaggedStretch * em;
  const BreakResult result = breaking == Breaking::TotalFit ? break_total_fit(im.items, width.value, params, &im.workspace)
                                                            : break_first_fit(im.items, width.value, params);
  lines.reserve(result.breaks.size());
  size_t from = 0;
  for (const auto& b : result.breaks) {
    lines.push_back(im.assemble(from, b.item, spans, width, align, from == 0 ? indent : Pt(0)));
    from = b.item + 1;
  }
  if (stats) {
    stats->demerits = result.demerits;
    stats->pass = result.pass;
    stats->overfull = static_cast<size_t>(std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.overfull; }));
  }
  return lines;
}

Line ParagraphSetter::set_line(const std::vector<TextSpan>& spans) {
  if (spans.empty()) return Line{};
  Impl& im = *impl_;
  im.shaper.shape(spans, im.para);
  if (im.para.segments.empty()) return Line{};
  im.build_items(false);
  return im.assemble(0, im.items.size() - 1, spans, Pt(1e9), Align::Left, Pt(0));
}

}  // namespace lp
