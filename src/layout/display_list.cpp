#include "layout/display_list.h"

#include <fmt/format.h>

#include <filesystem>

namespace lp {

namespace {

std::string pt(Pt p) {
  const long c = centipoints(p);
  return fmt::format("{}{}.{:02}", c < 0 ? "-" : "", std::labs(c) / 100, std::labs(c) % 100);
}

std::string colour(const Colour& c) {
  if (c.press_from_rgb)  // its CMYK is the output profile's, made by the PDF writer
    return fmt::format("rgb({},{},{})/press", std::lround(c.r * 255), std::lround(c.g * 255), std::lround(c.b * 255));
  return fmt::format("rgb({},{},{})/cmyk({},{},{},{})", std::lround(c.r * 255), std::lround(c.g * 255),
                     std::lround(c.b * 255), std::lround(c.c * 100), std::lround(c.m * 100), std::lround(c.y * 100),
                     std::lround(c.k * 100));
}

const char* role_name(Role r) {
  static const char* names[] = {"section", "heading", "paragraph", "list", "list-item", "label", "list-body", "quote",
                                "figure", "caption", "table", "table-row", "table-header", "table-cell", "link", "span",
                                "contents", "contents-entry", "artifact"};
  return names[static_cast<int>(r)];
}

const char* artifact_name(ArtifactKind k) {
  static const char* names[] = {"pagination", "layout", "background"};
  return names[static_cast<int>(k)];
}

void dump_items(std::string& out, const std::vector<FrameItem>& items, int depth);

void dump_item(std::string& out, const GlyphRunItem& g, int depth) {
  std::string text;
  for (const auto& c : g.run.clusters) text += g.run.text_of(c);
  out += fmt::format("text {} {} font={} size={} colour={}", pt(g.x), pt(g.y), g.run.face->postscript_name,
                     pt(g.run.size), colour(g.run.colour));
  if (!g.run.link.empty()) out += fmt::format(" link={}", g.run.link);
  if (!g.run.lang.empty()) out += fmt::format(" lang={}", g.run.lang);
  out += fmt::format(" \"{}\"\n{}", text, std::string(static_cast<size_t>(depth) * 2 + 1, ' '));
  for (const auto& gl : g.run.glyphs) {
    out += fmt::format(" {}:{}", gl.id, pt(gl.advance));
    if (gl.x_offset.value != 0 || gl.y_offset.value != 0) out += fmt::format("@{},{}", pt(gl.x_offset), pt(gl.y_offset));
  }
  out += "\n";
}

void dump_item(std::string& out, const PathItem& p, int) {
  out += "path";
  if (p.fill) out += " fill=" + colour(*p.fill);
  if (p.even_odd) out += " even-odd";
  if (p.stroke) out += fmt::format(" stroke={} width={}{}{}", colour(*p.stroke), pt(p.line_width), p.dotted ? " dotted" : "", p.round_cap ? " round" : "");
  if (!p.dash.empty()) {
    out += " dash";
    for (Pt d : p.dash) out += " " + pt(d);
  }
  if (p.stroke && p.square_cap) out += " square";
  if (p.stroke && p.join != PathItem::Join::Miter) out += p.join == PathItem::Join::Round ? " round-join" : " bevel-join";
  if (p.fill && p.fill_opacity < 1) out += fmt::format(" fill-opacity={:.3f}", p.fill_opacity);
  if (p.stroke && p.stroke_opacity < 1) out += fmt::format(" stroke-opacity={:.3f}", p.stroke_opacity);
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

void dump_item(std::string& out, const LinkItem& l, int) {
  out += fmt::format("link {} {} {} {} ", pt(l.x), pt(l.y), pt(l.width), pt(l.height));
  out += l.uri.empty() ? fmt::format("page={}\n", l.target_page + 1) : fmt::format("uri={}\n", l.uri);
}

void dump_item(std::string& out, const ImageItem& i, int) {
  out += fmt::format("image {} {} {} {} {} alt=\"{}\"\n", pt(i.x), pt(i.y), pt(i.width), pt(i.height),
                     std::filesystem::path(i.path).filename().string(), i.alt);
}

void dump_item(std::string& out, const TagItem& t, int) {
  out += fmt::format("{} {}", t.start ? "begin" : "end", role_name(t.role));
  if (t.role == Role::Artifact) out += fmt::format(" {}", artifact_name(t.artifact));
  else out += fmt::format(" #{}", t.id);
  if (t.start && t.level) out += fmt::format(" level={}", t.level);
  if (t.start && !t.alt.empty()) out += fmt::format(" alt=\"{}\"", t.alt);
  if (t.start && !t.lang.empty()) out += fmt::format(" lang={}", t.lang);
  out += "\n";
}

void dump_item(std::string& out, const GroupItem& g, int depth) {
  const Transform& t = g.transform;
  out += fmt::format("group matrix={} {} {} {} {} {}", t.a, t.b, t.c, t.d, pt(t.e), pt(t.f));
  if (g.clip) {
    PathItem clip;
    clip.ops = *g.clip;
    out += " clip ";
    std::string path;
    dump_item(path, clip, depth);
    out += path.substr(5);  // without "path "
  } else {
    out += "\n";
  }
  dump_items(out, g.items, depth + 1);
}

void dump_items(std::string& out, const std::vector<FrameItem>& items, int depth) {
  for (const auto& item : items) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
    std::visit([&](const auto& it) { dump_item(out, it, depth); }, static_cast<const FrameItem::variant&>(item));
  }
}

}  // namespace

std::string dump_display_list(const DisplayList& list) {
  std::string out = fmt::format("document title=\"{}\" lang={} trim={}x{} bleed={} colour={}\n", list.info.title,
                                list.info.language, pt(list.info.geometry.width), pt(list.info.geometry.height),
                                pt(list.info.geometry.bleed), list.info.cmyk ? "cmyk" : "rgb");
  for (size_t i = 0; i < list.pages.size(); ++i) {
    out += fmt::format("page {} label=\"{}\"\n", i + 1, list.pages[i].label);
    dump_items(out, list.pages[i].items, 1);
  }
  for (const auto& o : list.outline)
    out += fmt::format("outline {}{} page={} y={}\n", std::string(o.level * 2, ' '), o.title, o.page + 1, pt(o.y));
  return out;
}

}  // namespace lp
