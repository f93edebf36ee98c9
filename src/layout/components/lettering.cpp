// Display lettering: spaced capitals, one word a line, stacked and centred, each line in the
// next accent; as big as the figures' numbers, smaller when the longest line would not fit.
// Decoration: the text beside it says the same words, so it is an artifact, kept whole.
#include <algorithm>
#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

namespace {

// The letters of a line, one string each (a UTF-8 sequence stays whole).
std::vector<std::string> letters_of(const std::string& line) {
  std::vector<std::string> out;
  for (size_t i = 0; i < line.size();) {
    size_t n = 1;
    while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
    if (line[i] != ' ') out.push_back(line.substr(i, n));
    i += n;
  }
  return out;
}

struct SetLine {
  std::vector<Line> letters;
  Pt width;
};

SetLine set_line(const std::string& text, const TextStyle& style, double tracking, LayoutContext& ctx) {
  SetLine s;
  for (const auto& letter : letters_of(text)) {
    if (!s.letters.empty()) s.width += style.size * tracking;
    s.letters.push_back(ctx.line(letter, style));
    s.width += s.letters.back().width;
  }
  return s;
}

}  // namespace

Fragment lay_out(const Lettering& l, const Regions& regions, LayoutContext& ctx) {
  constexpr double kTracking = 0.45;  // of the size, between letters
  TextStyle style = ctx.st.figure;
  style.uppercase = true;
  style.leading = style.size * 1.15;  // capitals alone: no room for descenders needed
  Pt widest;
  for (const auto& text : l.lines) widest = std::max(widest, set_line(text, style, kTracking, ctx).width);
  if (widest > regions.width && widest.value > 0) {
    const double scale = regions.width / widest * 0.98;
    style.size = style.size * scale;
    style.leading = style.leading * scale;
  }
  Stack stack;
  for (size_t i = 0; i < l.lines.size(); ++i) {
    TextStyle line_style = style;
    line_style.colour = ctx.accent(i);
    auto line = std::make_shared<SetLine>(set_line(l.lines[i], line_style, kTracking, ctx));
    const Pt height = line_style.leading, step = line_style.size * kTracking;
    stack.add(height, Pt(0), i + 1 == l.lines.size(), [line, step, width = regions.width](Frame& f, Pt top) {
      Frame drawn;
      Pt x = (width - line->width) / 2;
      for (auto& letter : line->letters) {
        const Pt w = letter.width;
        draw_line(drawn, std::move(letter), x, top);
        x += w + step;
      }
      f.artifact(ArtifactKind::Layout, std::move(drawn.items));
    });
  }
  return stack.lay_out(regions, ctx, l.pos, "display lettering");
}

}  // namespace lp
