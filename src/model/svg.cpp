// SVG to our own vector model. Why ours: libxml2 reads the XML, but every Debian package that
// understands SVG (librsvg, and what builds on it) draws it through cairo into pixels or a cairo
// surface; leafpress needs the shapes themselves, as paths in its frame tree, tagged, in the
// edition's colour space. So this file maps the static subset a logo, an icon or a cover
// drawing uses: path (path data in svg_path.cpp), rect (rx, ry), circle, ellipse, line,
// polyline, polygon, g; transforms; fill and stroke (svg_values.cpp), fill-rule, stroke width,
// caps, joins and dashes; opacity; the viewBox with preserveAspectRatio; clipPath of simple
// shapes. Anything else is a warning naming the element and its line.
#include "model/svg.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "model/svg_path.h"
#include "model/svg_values.h"

namespace lp {

namespace {

constexpr size_t kMaxBytes = 16u << 20;
constexpr size_t kMaxOps = 1u << 21;  // operations in one picture
constexpr int kMaxDepth = 64;         // nested groups

// What an element inherits and what it sets (SVG's presentation properties).
struct Style {
  Paint fill{Paint::Kind::Rgb};  // black
  Paint stroke;
  double stroke_width = 1, fill_opacity = 1, stroke_opacity = 1;
  double opacity = 1;  // the product of the element's and its groups' opacity
  bool even_odd = false;
  VectorPath::Cap cap = VectorPath::Cap::Butt;
  VectorPath::Join join = VectorPath::Join::Miter;
  std::vector<double> dash;
};

std::string name_of(xmlNodePtr n) { return reinterpret_cast<const char*>(n->name); }

bool is_svg_element(xmlNodePtr n) {
  if (n->type != XML_ELEMENT_NODE) return false;
  return !n->ns || xmlStrEqual(n->ns->href, BAD_CAST "http://www.w3.org/2000/svg");
}

class Mapper {
 public:
  explicit Mapper(std::vector<SvgWarning>& warnings) : warnings_(warnings) {}

  bool map(xmlNodePtr root, VectorPicture& pic, std::string& error, int& line) {
    line = static_cast<int>(std::max(0L, xmlGetLineNo(root)));
    if (!is_svg_element(root) || name_of(root) != "svg") {
      error = "the root element is <" + name_of(root) + ">, not <svg>";
      return false;
    }
    if (!read_frame(root, pic, error)) return false;
    view_w_ = pic.view_width, view_h_ = pic.view_height;
    collect_clips(root, 0);
    children(root, style_of(root, Style{}), pic.root.items, 0);  // the root's own presentation attributes
    if (ops_ > kMaxOps) {
      error = "the picture has more than " + std::to_string(kMaxOps) + " path operations";
      return false;
    }
    if (!finite(pic.root)) {
      error = "its numbers grow too large to draw (a transform or a length beyond any page)";
      return false;
    }
    return true;
  }

  static bool finite(const VectorGroup& g) {
    const Affine& t = g.transform;
    bool ok = std::isfinite(t.a) && std::isfinite(t.b) && std::isfinite(t.c) && std::isfinite(t.d) && std::isfinite(t.e) &&
              std::isfinite(t.f);
    auto ops_finite = [](const VectorOps& ops) {
      for (const auto& op : ops)
        for (double v : {op.x1, op.y1, op.x2, op.y2, op.x3, op.y3})
          if (!std::isfinite(v)) return false;
      return true;
    };
    if (g.clip) ok = ok && ops_finite(*g.clip);
    for (const auto& item : g.items) {
      if (!ok) break;
      if (const auto* group = std::get_if<VectorGroup>(&item)) ok = finite(*group);
      else {
        const auto& p = std::get<VectorPath>(item);
        ok = ops_finite(p.ops) && std::isfinite(p.stroke_width);
      }
    }
    return ok;
  }

 private:
  std::vector<SvgWarning>& warnings_;
  std::map<std::string, xmlNodePtr> clips_;
  double view_w_ = 0, view_h_ = 0;
  size_t ops_ = 0;

  void warn(xmlNodePtr n, std::string message) {
    warnings_.push_back({static_cast<int>(std::max(0L, xmlGetLineNo(n))), std::move(message)});
  }

  // A property from the style attribute ("fill: red; stroke: none"), else the attribute.
  std::optional<std::string> prop(xmlNodePtr n, const char* name) {
    if (xmlChar* style = xmlGetProp(n, BAD_CAST "style")) {
      std::string s(reinterpret_cast<char*>(style));
      xmlFree(style);
      std::optional<std::string> found;
      std::istringstream decls(s);
      for (std::string decl; std::getline(decls, decl, ';');) {
        const size_t colon = decl.find(':');
        if (colon != std::string::npos && trim(std::string_view(decl).substr(0, colon)) == name)
          found = std::string(trim(std::string_view(decl).substr(colon + 1)));
      }
      if (found) return found;
    }
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    if (!v) return std::nullopt;
    std::string out(reinterpret_cast<char*>(v));
    xmlFree(v);
    return out;
  }

  double length(xmlNodePtr n, const char* name, double percent_of, double fallback = 0) {
    const auto v = prop(n, name);
    if (!v) return fallback;
    if (const auto len = parse_length(*v, percent_of)) return *len;
    warn(n, "<" + name_of(n) + "> has " + name + "=\"" + *v + "\", not a length; " + std::to_string(fallback) + " is used");
    return fallback;
  }

  bool read_frame(xmlNodePtr root, VectorPicture& pic, std::string& error) {
    const auto width = prop(root, "width"), height = prop(root, "height");
    const double w = width ? parse_length(*width).value_or(0) : 0;
    const double h = height ? parse_length(*height).value_or(0) : 0;
    if (const auto vb = prop(root, "viewBox")) {
      std::vector<double> v;
      if (!parse_numbers(*vb, v) || v.size() != 4 || v[2] <= 0 || v[3] <= 0) {
        error = "viewBox=\"" + *vb + "\" is not four numbers with a width and height above 0";
        return false;
      }
      pic.view_x = v[0], pic.view_y = v[1], pic.view_width = v[2], pic.view_height = v[3];
    } else if (w > 0 && h > 0) {
      pic.view_width = w, pic.view_height = h;
    } else {
      error = "the <svg> has neither a viewBox nor a width and height: its size is unknown";
      return false;
    }
    if (const auto par = prop(root, "preserveAspectRatio")) {
      const std::string p(trim(*par));
      pic.stretch = p.rfind("none", 0) == 0;
      pic.slice = p.find("slice") != std::string::npos;
      if (!pic.stretch && p.size() >= 8) {
        auto at = [](std::string_view s) { return s == "Min" ? 0.0 : s == "Max" ? 1.0 : 0.5; };
        pic.align_x = at(std::string_view(p).substr(1, 3));
        pic.align_y = at(std::string_view(p).substr(5, 3));
      }
    }
    return true;
  }

  void collect_clips(xmlNodePtr n, int depth) {
    if (depth > kMaxDepth) return;
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (!is_svg_element(c)) continue;
      if (name_of(c) == "clipPath") {
        if (auto id = prop(c, "id")) clips_[*id] = c;
      } else {
        collect_clips(c, depth + 1);
      }
    }
  }

  void set_opacity(xmlNodePtr n, const char* name, double& into) {
    const auto v = prop(n, name);
    if (!v) return;
    std::vector<double> x;
    if (parse_numbers(*v, x) && x.size() == 1) into *= std::clamp(x[0], 0.0, 1.0);
    else warn(n, "<" + name_of(n) + "> has " + name + "=\"" + *v + "\", not a number");
  }

  void set_paint(xmlNodePtr n, const char* name, Paint& into) {
    auto v = prop(n, name);
    if (!v || trim(*v) == "inherit") return;
    std::string_view text = trim(*v);
    if (text.rfind("url(", 0) == 0) {
      const size_t close = text.find(')');
      const std::string_view fallback = close == std::string_view::npos ? "" : trim(text.substr(close + 1));
      warn(n, "<" + name_of(n) + ">'s " + name + " is a gradient or pattern (" + std::string(text) +
                  "), which is not drawn; " + (fallback.empty() ? "none" : std::string(fallback)) + " is used");
      text = fallback.empty() ? "none" : fallback;
    }
    if (const auto paint = parse_paint(text)) into = *paint;
    else warn(n, "<" + name_of(n) + "> has " + name + "=\"" + *v + "\", not a colour this reads");
  }

  Style style_of(xmlNodePtr n, const Style& parent) {
    Style s = parent;
    s.opacity = parent.opacity;  // opacity is not inherited but multiplies down the tree
    set_paint(n, "fill", s.fill);
    set_paint(n, "stroke", s.stroke);
    if (prop(n, "stroke-width")) s.stroke_width = std::max(0.0, length(n, "stroke-width", std::hypot(view_w_, view_h_) / std::sqrt(2.0), parent.stroke_width));
    set_opacity(n, "opacity", s.opacity);
    if (prop(n, "fill-opacity")) s.fill_opacity = 1, set_opacity(n, "fill-opacity", s.fill_opacity);
    if (prop(n, "stroke-opacity")) s.stroke_opacity = 1, set_opacity(n, "stroke-opacity", s.stroke_opacity);
    if (const auto r = prop(n, "fill-rule")) s.even_odd = trim(*r) == "evenodd";
    if (const auto c = prop(n, "stroke-linecap"))
      s.cap = *c == "round" ? VectorPath::Cap::Round : *c == "square" ? VectorPath::Cap::Square : VectorPath::Cap::Butt;
    if (const auto j = prop(n, "stroke-linejoin"))
      s.join = *j == "round" ? VectorPath::Join::Round : *j == "bevel" ? VectorPath::Join::Bevel : VectorPath::Join::Miter;
    if (const auto d = prop(n, "stroke-dasharray")) {
      s.dash.clear();
      if (trim(*d) != "none" && !parse_numbers(*d, s.dash)) warn(n, "stroke-dasharray=\"" + *d + "\" is not a list of numbers");
      if (s.dash.size() % 2 == 1) s.dash.insert(s.dash.end(), s.dash.begin(), s.dash.end());
    }
    for (const char* unsupported : {"filter", "mask", "marker-start", "marker-mid", "marker-end"})
      if (prop(n, unsupported)) warn(n, "<" + name_of(n) + ">'s " + unsupported + " is not drawn");
    return s;
  }

  // The outline of a basic shape or path; false when the element is none of them.
  bool shape(xmlNodePtr n, VectorOps& ops) {
    const std::string kind = name_of(n);
    const double diag = std::hypot(view_w_, view_h_) / std::sqrt(2.0);
    if (kind == "path") {
      std::string why;
      if (!parse_path_data(prop(n, "d").value_or(""), ops, why)) warn(n, "<path>'s d: " + why + "; drawn up to there");
    } else if (kind == "rect") {
      const double w = length(n, "width", view_w_), h = length(n, "height", view_h_);
      auto rx = prop(n, "rx") ? std::optional(length(n, "rx", view_w_)) : std::nullopt;
      auto ry = prop(n, "ry") ? std::optional(length(n, "ry", view_h_)) : std::nullopt;
      if (w > 0 && h > 0)
        append_rect(ops, length(n, "x", view_w_), length(n, "y", view_h_), w, h, rx.value_or(ry.value_or(0)), ry.value_or(rx.value_or(0)));
    } else if (kind == "circle") {
      const double r = length(n, "r", diag);
      if (r > 0) append_ellipse(ops, length(n, "cx", view_w_), length(n, "cy", view_h_), r, r);
    } else if (kind == "ellipse") {
      const double rx = length(n, "rx", view_w_), ry = length(n, "ry", view_h_);
      if (rx > 0 && ry > 0) append_ellipse(ops, length(n, "cx", view_w_), length(n, "cy", view_h_), rx, ry);
    } else if (kind == "line") {
      ops.push_back({VectorOp::Kind::Move, length(n, "x1", view_w_), length(n, "y1", view_h_)});
      ops.push_back({VectorOp::Kind::Line, length(n, "x2", view_w_), length(n, "y2", view_h_)});
    } else if (kind == "polyline" || kind == "polygon") {
      std::vector<double> p;
      if (!parse_numbers(prop(n, "points").value_or(""), p)) warn(n, "<" + kind + ">'s points are not all numbers");
      for (size_t i = 0; i + 1 < p.size(); i += 2)
        ops.push_back({i == 0 ? VectorOp::Kind::Move : VectorOp::Kind::Line, p[i], p[i + 1]});
      if (kind == "polygon" && !ops.empty()) ops.push_back({VectorOp::Kind::Close});
    } else {
      return false;
    }
    ops_ += ops.size();
    return true;
  }

  // The element's transform attribute, identity when absent or unreadable (then said).
  Affine transform_of(xmlNodePtr n) {
    const auto t = prop(n, "transform");
    if (!t) return {};
    if (auto a = parse_transform(*t)) return *a;
    warn(n, "<" + name_of(n) + "> has transform=\"" + *t + "\", which this does not read; it is drawn untransformed");
    return {};
  }

  // The outline of clip-path="url(#id)": its shapes, each through its own transform and the
  // clipPath's, in the user space of the element that names it.
  std::optional<VectorOps> clip_of(xmlNodePtr n) {
    const auto ref = prop(n, "clip-path");
    if (!ref || trim(*ref) == "none") return std::nullopt;
    const std::string r(trim(*ref));
    const auto it = r.rfind("url(#", 0) == 0 && r.back() == ')' ? clips_.find(r.substr(5, r.size() - 6)) : clips_.end();
    if (it == clips_.end()) {
      warn(n, "<" + name_of(n) + ">'s clip-path " + r + " names no clipPath; it is drawn unclipped");
      return std::nullopt;
    }
    xmlNodePtr clip = it->second;
    if (prop(clip, "clipPathUnits").value_or("") == "objectBoundingBox") {
      warn(clip, "a clipPath in objectBoundingBox units is not drawn; the element is drawn unclipped");
      return std::nullopt;
    }
    const Affine outer = transform_of(clip);
    VectorOps out;
    for (xmlNodePtr c = clip->children; c; c = c->next) {
      if (!is_svg_element(c)) continue;
      VectorOps ops;
      if (!shape(c, ops)) {
        warn(c, "<" + name_of(c) + "> in a clipPath is not drawn (only shapes and paths clip)");
        continue;
      }
      transform_ops(ops, outer * transform_of(c));
      out.insert(out.end(), ops.begin(), ops.end());
    }
    return out;
  }

  void children(xmlNodePtr parent, const Style& style, std::vector<VectorItem>& out, int depth) {
    for (xmlNodePtr c = parent->children; c; c = c->next)
      if (is_svg_element(c)) element(c, style, out, depth + 1);
  }

  void element(xmlNodePtr n, const Style& inherited, std::vector<VectorItem>& out, int depth) {
    static const std::vector<std::string> quiet = {"title", "desc", "metadata", "defs", "clipPath", "linearGradient",
                                                   "radialGradient", "symbol"};
    const std::string kind = name_of(n);
    if (std::find(quiet.begin(), quiet.end(), kind) != quiet.end()) return;
    if (depth > kMaxDepth) {
      if (depth == kMaxDepth + 1) warn(n, "groups nested deeper than " + std::to_string(kMaxDepth) + " are not drawn");
      return;
    }
    if (prop(n, "display").value_or("") == "none" || prop(n, "visibility").value_or("") == "hidden") return;
    const Style style = style_of(n, inherited);
    VectorGroup group{transform_of(n), clip_of(n), {}};
    if (kind == "g") {
      children(n, style, group.items, depth);
    } else {
      VectorPath path;
      if (!shape(n, path.ops)) {
        warn(n, "<" + kind + "> is not drawn (leafpress draws paths, basic shapes and groups)");
        return;
      }
      if (path.ops.empty() || ops_ > kMaxOps) return;
      const bool line_like = kind == "line" || kind == "polyline";
      path.fill = line_like ? Paint{} : style.fill;
      path.stroke = style.stroke;
      path.stroke_width = style.stroke_width;
      path.fill_opacity = style.fill_opacity * style.opacity;
      path.stroke_opacity = style.stroke_opacity * style.opacity;
      path.even_odd = style.even_odd;
      path.cap = style.cap, path.join = style.join, path.dash = style.dash;
      if (path.stroke_width <= 0) path.stroke = Paint{};
      if (path.fill.kind == Paint::Kind::None && path.stroke.kind == Paint::Kind::None) return;
      group.items.push_back(std::move(path));
    }
    if (group.transform.identity() && !group.clip) {
      for (auto& item : group.items) out.push_back(std::move(item));
    } else if (!group.items.empty()) {
      out.push_back(std::move(group));
    }
  }
};

// libxml2's first complaint (the last one is often only "premature end of data").
struct FirstError {
  std::string message;
  int line = 0;
};

void keep_first_error(void* ctx, xmlErrorPtr e) {
  auto* first = static_cast<FirstError*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  if (first && first->message.empty() && e && e->level >= XML_ERR_ERROR && e->message)
    first->message = std::string(trim(e->message)), first->line = e->line;
}

void init_libxml2() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

Affine VectorPicture::fit(double width, double height) const {
  double sx = width / view_width, sy = height / view_height;
  if (!stretch) sx = sy = slice ? std::max(sx, sy) : std::min(sx, sy);
  return {sx, 0, 0, sy, (width - view_width * sx) * align_x - view_x * sx, (height - view_height * sy) * align_y - view_y * sy};
}

std::shared_ptr<const VectorPicture> parse_svg(const std::string& text, std::string& error, int& error_line,
                                               std::vector<SvgWarning>& warnings) {
  init_libxml2();
  error_line = 0;
  if (text.size() > kMaxBytes) {
    error = "the file is larger than " + std::to_string(kMaxBytes >> 20) + " MiB";
    return nullptr;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    error = "out of memory";
    return nullptr;
  }
  FirstError first;
  ctxt->_private = &first;
  ctxt->sax->serror = keep_first_error;  // called with the context, whose userData it is
  // No network, no external DTD, no entity substitution, libxml2's errors kept, not printed.
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, text.data(), static_cast<int>(text.size()), "svg", nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  std::shared_ptr<VectorPicture> pic;
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    error = !first.message.empty() ? first.message : e && e->message ? std::string(trim(e->message)) : "not well-formed XML";
    error_line = !first.message.empty() ? first.line : e ? e->line : 0;
  } else if (doc->intSubset && doc->intSubset->entities) {
    error = "it declares XML entities, which leafpress does not expand";
  } else if (xmlNodePtr root = xmlDocGetRootElement(doc); !root) {
    error = "it has no root element";
  } else {
    pic = std::make_shared<VectorPicture>();
    if (!Mapper(warnings).map(root, *pic, error, error_line)) pic.reset();
  }
  if (doc) xmlFreeDoc(doc);
  xmlFreeParserCtxt(ctxt);
  return pic;
}

std::shared_ptr<const VectorPicture> read_svg(const std::string& path, std::string& error, int& error_line,
                                              std::vector<SvgWarning>& warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot be read";
    error_line = 0;
    return nullptr;
  }
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxBytes) break;
  }
  return parse_svg(text, error, error_line, warnings);
}

}  // namespace lp
