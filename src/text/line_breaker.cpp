// First-fit line breaking over the shaped segments, then each line reordered visually (UAX #9 L2)
// and aligned. The paragraph-engine issue replaces first fit with Knuth–Plass total fit.
#include <unicode/ubidi.h>

#include <algorithm>
#include <fmt/format.h>

#include "text/shaper.h"

namespace lp {

struct ParagraphSetter::Impl {
  Impl(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language)
      : fonts(fonts), diags(diags), file(file), shaper(fonts, diags, std::move(file), std::move(language)) {}
  const FontSet& fonts;
  Diagnostics& diags;
  std::string file;
  Shaper shaper;

  Line assemble(const std::vector<const Segment*>& segs, const TextSpan& first_span, Pt width, Align align,
                bool last_line);
};

ParagraphSetter::ParagraphSetter(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language)
    : impl_(std::make_unique<Impl>(fonts, diags, std::move(file), std::move(language))) {}

ParagraphSetter::~ParagraphSetter() = default;

namespace {

// Half-leading model: the line box is `leading` tall, the face's ascent and descent centred in it.
void set_line_metrics(Line& line, const TextSpan& span, const FontFace* face) {
  const TextStyle& st = *span.style;
  line.height = st.leading;
  const double scale = st.size.value / face->units_per_em;
  const Pt ascent(face->ascender * scale), descent(-face->descender * scale);
  line.baseline = (st.leading - ascent - descent) / 2 + ascent;
}

bool same_run_style(const GlyphRun& a, const GlyphRun& b) {
  return a.face == b.face && a.size == b.size && a.colour == b.colour && a.link == b.link;
}

}  // namespace

Line ParagraphSetter::Impl::assemble(const std::vector<const Segment*>& segs, const TextSpan& first_span, Pt width,
                                     Align align, bool last_line) {
  Line line;
  // Items in logical order; the spaces after the last word do not count.
  std::vector<const ShapedItem*> items;
  std::vector<bool> is_gap;
  for (size_t s = 0; s < segs.size(); ++s) {
    for (const auto& it : segs[s]->word) items.push_back(&it), is_gap.push_back(false);
    if (s + 1 < segs.size())
      for (const auto& it : segs[s]->space) items.push_back(&it), is_gap.push_back(true);
  }
  for (const auto* it : items) line.width += it->run.width();

  // Justification stretches the gaps between words.
  Pt extra_per_gap;
  const size_t gaps = std::count(is_gap.begin(), is_gap.end(), true);
  if (align == Align::Justify && !last_line && gaps > 0 && line.width < width)
    extra_per_gap = (width - line.width) / static_cast<double>(gaps);

  std::vector<UBiDiLevel> levels;
  for (const auto* it : items) levels.push_back(it->level);
  std::vector<int32_t> order(items.size());
  if (!items.empty()) ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), order.data());

  Pt x;
  for (int32_t idx : order) {
    GlyphRun run = items[idx]->run;
    if (is_gap[idx] && !run.glyphs.empty()) run.glyphs.back().advance += extra_per_gap;
    const Pt w = run.width();
    if (!line.runs.empty() && same_run_style(line.runs.back().run, run)) {
      line.runs.back().run.append(run);
    } else {
      line.runs.push_back({x, std::move(run)});
    }
    x += w;
  }
  Pt shift;
  if (align == Align::Center) shift = (width - line.width) / 2;
  if (align == Align::Right) shift = width - line.width;
  if (shift > Pt(0))
    for (auto& r : line.runs) r.x += shift;
  // Metrics come from the paragraph's own face, even on a line of fallback glyphs.
  const TextStyle& st = *first_span.style;
  if (const FontFace* face = fonts.face(st.font_role, st.bold || first_span.bold, st.italic || first_span.italic))
    set_line_metrics(line, first_span, face);
  if (line.width > width + Pt(0.01)) line.overfull = true;
  return line;
}

std::vector<Line> ParagraphSetter::set(const std::vector<TextSpan>& spans, Pt width, Align align) {
  std::vector<Line> lines;
  if (spans.empty()) return lines;
  ShapedParagraph para = impl_->shaper.shape(spans);
  std::vector<const Segment*> current;
  Pt current_width, pending_space;
  auto flush = [&](bool last) {
    if (current.empty()) return;
    Line line = impl_->assemble(current, spans.front(), width, align, last);
    if (line.overfull)
      impl_->diags.warning(impl_->file, spans.front().pos,
                           fmt::format("overfull line: {:.1f} pt wider than the measure", (line.width - width).value));
    lines.push_back(std::move(line));
    current.clear();
    current_width = Pt(0);
    pending_space = Pt(0);
  };
  for (const auto& seg : para.segments) {
    if (!current.empty() && current_width + pending_space + seg.word_width > width) flush(false);
    if (!current.empty()) current_width += pending_space;
    current.push_back(&seg);
    current_width += seg.word_width;
    pending_space = seg.space_width;
    if (seg.hard_break) flush(true);
  }
  flush(true);
  return lines;
}

Line ParagraphSetter::set_line(const std::vector<TextSpan>& spans) {
  auto lines = set(spans, Pt(1e9), Align::Left);
  if (lines.empty()) return Line{};
  Line line = std::move(lines.front());
  for (size_t i = 1; i < lines.size(); ++i) {
    for (auto& r : lines[i].runs) {
      r.x += line.width;
      line.runs.push_back(std::move(r));
    }
    line.width += lines[i].width;
  }
  return line;
}

}  // namespace lp
