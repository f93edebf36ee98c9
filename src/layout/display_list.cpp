#include "layout/display_list.h"

#include <fmt/format.h>

#include <filesystem>

namespace lp {

PathItem PathItem::rect(Pt x, Pt y, Pt w, Pt h) {
  PathItem p;
  p.ops = {PathOp::move(x, y), PathOp::line(x + w, y), PathOp::line(x + w, y + h), PathOp::line(x, y + h),
           PathOp::close()};
  return p;
}

PathItem PathItem::rounded_rect(Pt x, Pt y, Pt w, Pt h, Pt r) {
  // Bezier control distance for a quarter circle.
  const Pt k = r * 0.5523;
  PathItem p;
  p.ops = {PathOp::move(x + r, y),
           PathOp::line(x + w - r, y),
           PathOp::curve(x + w - r + k, y, x + w, y + r - k, x + w, y + r),
           PathOp::line(x + w, y + h - r),
           PathOp::curve(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
           PathOp::line(x + r, y + h),
           PathOp::curve(x + r - k, y + h, x, y + h - r + k, x, y + h - r),
           PathOp::line(x, y + r),
           PathOp::curve(x, y + r - k, x + r - k, y, x + r, y),
           PathOp::close()};
  return p;
}

PathItem PathItem::circle(Pt cx, Pt cy, Pt r) { return rounded_rect(cx - r, cy - r, r * 2, r * 2, r); }

PathItem PathItem::line(Pt x1, Pt y1, Pt x2, Pt y2) {
  PathItem p;
  p.ops = {PathOp::move(x1, y1), PathOp::line(x2, y2)};
  return p;
}

namespace {

std::string pt(Pt p) {
  const long c = centipoints(p);
  return fmt::format("{}{}.{:02}", c < 0 ? "-" : "", std::labs(c) / 100, std::labs(c) % 100);
}

std::string colour(const Colour& c) {
  return fmt::format("rgb({},{},{})/cmyk({},{},{},{})", std::lround(c.r * 255), std::lround(c.g * 255),
                     std::lround(c.b * 255), std::lround(c.c * 100), std::lround(c.m * 100), std::lround(c.y * 100),
                     std::lround(c.k * 100));
}

void dump_item(std::string& out, const GlyphRunItem& g) {
  std::string text;
  for (const auto& c : g.run.clusters) text += g.run.text_of(c);
  out += fmt::format("  text {} {} font={} size={} colour={}", pt(g.x), pt(g.y), g.run.face->postscript_name,
                     pt(g.run.size), colour(g.run.colour));
  if (!g.run.link.empty()) out += fmt::format(" link={}", g.run.link);
  out += fmt::format(" \"{}\"\n   ", text);
  for (const auto& gl : g.run.glyphs) {
    out += fmt::format(" {}:{}", gl.id, pt(gl.advance));
    if (gl.x_offset.value != 0 || gl.y_offset.value != 0) out += fmt::format("@{},{}", pt(gl.x_offset), pt(gl.y_offset));
  }
  out += "\n";
}

void dump_item(std::string& out, const PathItem& p) {
  out += "  path";
  if (p.fill) out += " fill=" + colour(*p.fill);
  if (p.stroke) out += fmt::format(" stroke={} width={}{}{}", colour(*p.stroke), pt(p.line_width), p.dotted ? " dotted" : "", p.round_cap ? " round" : "");
  for (const auto& op : p.ops) {
    switch (op.kind) {
      case PathOp::Kind::MoveTo: out += fmt::format(" M {} {}", pt(op.x1), pt(op.y1)); break;
      case PathOp::Kind::LineTo: out += fmt::format(" L {} {}", pt(op.x1), pt(op.y1)); break;
      case PathOp::Kind::CurveTo:
        out += fmt::format(" C {} {} {} {} {} {}", pt(op.x1), pt(op.y1), pt(op.x2), pt(op.y2), pt(op.x3), pt(op.y3));
        break;
      case PathOp::Kind::Close: out += " Z"; break;
    }
  }
  out += "\n";
}

void dump_item(std::string& out, const LinkItem& l) {
  out += fmt::format("  link {} {} {} {} ", pt(l.x), pt(l.y), pt(l.width), pt(l.height));
  out += l.uri.empty() ? fmt::format("page={}\n", l.target_page + 1) : fmt::format("uri={}\n", l.uri);
}

void dump_item(std::string& out, const ImageItem& i) {
  out += fmt::format("  image {} {} {} {} {} alt=\"{}\"\n", pt(i.x), pt(i.y), pt(i.width), pt(i.height),
                     std::filesystem::path(i.path).filename().string(), i.alt);
}

}  // namespace

std::string dump_display_list(const DisplayList& list) {
  std::string out = fmt::format("document title=\"{}\" lang={} trim={}x{} bleed={} colour={}\n", list.info.title,
                                list.info.language, pt(list.info.geometry.width), pt(list.info.geometry.height),
                                pt(list.info.geometry.bleed), list.info.cmyk ? "cmyk" : "rgb");
  for (size_t i = 0; i < list.pages.size(); ++i) {
    out += fmt::format("page {} label=\"{}\"\n", i + 1, list.pages[i].label);
    for (const auto& item : list.pages[i].items) std::visit([&](const auto& it) { dump_item(out, it); }, item);
  }
  for (const auto& o : list.outline)
    out += fmt::format("outline {}{} page={} y={}\n", std::string(o.level * 2, ' '), o.title, o.page + 1, pt(o.y));
  return out;
}

}  // namespace lp
