#include "layout/context.h"

#include <fmt/format.h>

#include <filesystem>

#include "layout/paragraphs_ahead.h"
#include "text/number_format.h"

namespace lp {

std::vector<Line> LayoutContext::set(const Paragraph& p, Pt width) const {
  if (ahead)
    if (std::optional<std::vector<Line>> lines = ahead->take(p, width, diags)) return std::move(*lines);
  return set(p.text, st.body, width);
}

void LayoutContext::overflow(SourcePos pos, const std::string& what) const {
  diags.warning(doc.path, pos, what);
}

std::string LayoutContext::format_number(double v, int decimals) const {
  return lp::format_number(v, decimals, doc.info.language);
}

void LayoutContext::check_resolution(const std::string& src, int pixels, Pt width, SourcePos pos) const {
  if (width <= Pt(0) || pixels <= 0) return;
  const double ppi = pixels / (width.value / 72.0);
  if (ppi + 0.5 < st.components.image_min_ppi)
    diags.warning(doc.path, pos,
                  fmt::format("picture '{}' is printed at {:.0f} pixels per inch, fewer than the {:.0f} this edition asks for "
                              "(components: image: min-ppi): it will look coarse",
                              std::filesystem::path(src).filename().string(), ppi, st.components.image_min_ppi));
}

std::vector<Line> LayoutContext::set_balanced(const InlineText& text, const TextStyle& style, Pt width) const {
  std::vector<Line> lines = set(text, style, width);
  if (lines.size() < 2 || style.align == Align::Justify) return lines;
  auto fits = [&](const std::vector<Line>& trial) {
    if (trial.size() != lines.size()) return false;
    for (const auto& l : trial)
      if (l.overfull) return false;
    return true;
  };
  Pt lo = width / static_cast<double>(lines.size()), hi = width;  // no n lines fit in less than a 1/n
  for (int step = 0; step < 8 && hi - lo > Pt(1); ++step) {
    const Pt mid = (lo + hi) / 2;
    std::vector<Line> trial = set(text, style, mid);
    if (fits(trial)) {
      hi = mid;
      lines = std::move(trial);
    } else {
      lo = mid;
    }
  }
  const Pt shift = style.align == Align::Center ? (width - hi) / 2 : style.align == Align::Right ? width - hi : Pt(0);
  if (shift > Pt(0))
    for (auto& l : lines)
      for (auto& r : l.runs) r.x += shift;
  return lines;
}

Pt height_of(const std::vector<Line>& lines) {
  Pt h;
  for (const auto& l : lines) h += l.height;
  return h;
}

void draw_line(Frame& frame, Line line, Pt x, Pt top) {
  for (auto& r : line.runs) {
    if (r.run.link.empty()) {
      frame.push(GlyphRunItem{x + r.x, top + line.baseline, std::move(r.run)});
    } else {
      LinkItem link{x + r.x, top, r.run.width(), line.height, r.run.link, -1};
      frame.push(GlyphRunItem{x + r.x, top + line.baseline, std::move(r.run)});
      frame.push(std::move(link));
    }
  }
}

Pt draw_lines(Frame& frame, const std::vector<Line>& lines, Pt x, Pt top) {
  for (const auto& line : lines) {
    draw_line(frame, line, x, top);
    top += line.height;
  }
  return top;
}

Pt draw_lines(Frame& frame, std::vector<Line>&& lines, Pt x, Pt top) {
  for (auto& line : lines) {
    const Pt h = line.height;
    draw_line(frame, std::move(line), x, top);
    top += h;
  }
  return top;
}

void decorate(Frame& frame, PathItem path, ArtifactKind kind) {
  std::vector<FrameItem> drawn;
  drawn.emplace_back(std::move(path));
  frame.artifact(kind, std::move(drawn));
}

}  // namespace lp
