// SVG attribute values by hand, for the same reason as svg.cpp: what reads them in a Debian
// package comes inside a renderer.
#include "model/svg_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

#include "model/svg_path.h"

namespace lp {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// CSS's basic colours and a few more a hand-written icon uses.
const std::vector<std::pair<const char*, unsigned>>& named_colours() {
  static const std::vector<std::pair<const char*, unsigned>> names = {
      {"black", 0x000000}, {"silver", 0xC0C0C0}, {"gray", 0x808080}, {"grey", 0x808080}, {"white", 0xFFFFFF},
      {"maroon", 0x800000}, {"red", 0xFF0000}, {"purple", 0x800080}, {"fuchsia", 0xFF00FF}, {"magenta", 0xFF00FF},
      {"green", 0x008000}, {"lime", 0x00FF00}, {"olive", 0x808000}, {"yellow", 0xFFFF00}, {"navy", 0x000080},
      {"blue", 0x0000FF}, {"teal", 0x008080}, {"aqua", 0x00FFFF}, {"cyan", 0x00FFFF}, {"orange", 0xFFA500},
      {"brown", 0xA52A2A}, {"pink", 0xFFC0CB}, {"gold", 0xFFD700}, {"darkgreen", 0x006400},
      {"lightgrey", 0xD3D3D3}, {"lightgray", 0xD3D3D3}, {"darkgrey", 0xA9A9A9}, {"darkgray", 0xA9A9A9}};
  return names;
}

Paint rgb(unsigned v) {
  return Paint{Paint::Kind::Rgb, ((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

std::optional<Paint> hex_colour(std::string_view h) {
  if (h.size() != 3 && h.size() != 6) return std::nullopt;
  for (char c : h)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
  const unsigned v = static_cast<unsigned>(std::stoul(std::string(h), nullptr, 16));
  if (h.size() == 6) return rgb(v);
  if (h.size() == 3) {
    const unsigned r = (v >> 8) & 0xF, g = (v >> 4) & 0xF, b = v & 0xF;
    return rgb((r * 17) << 16 | (g * 17) << 8 | b * 17);
  }
  return std::nullopt;
}

// rgb(255, 0, 0) or rgb(100%, 0%, 0%).
std::optional<Paint> functional_colour(std::string_view args) {
  double channel[3];
  size_t at = 0;
  for (int i = 0; i < 3; ++i) {
    const size_t comma = args.find(',', at);
    const std::string_view part = trim(args.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at));
    if (part.empty() || (i < 2 && comma == std::string_view::npos) || (i == 2 && comma != std::string_view::npos))
      return std::nullopt;
    const bool percent = part.back() == '%';
    std::vector<double> n;
    if (!parse_numbers(percent ? part.substr(0, part.size() - 1) : part, n) || n.size() != 1) return std::nullopt;
    channel[i] = std::clamp(percent ? n[0] / 100 : n[0] / 255, 0.0, 1.0);
    at = comma + 1;
  }
  return Paint{Paint::Kind::Rgb, channel[0], channel[1], channel[2]};
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<Paint> parse_paint(std::string_view text) {
  text = trim(text);
  const std::string name = lower(text);
  if (name == "none" || name == "transparent") return Paint{};
  if (name == "currentcolor") return Paint{Paint::Kind::Current};
  if (!text.empty() && text[0] == '#') return hex_colour(text.substr(1));
  if (name.rfind("rgb(", 0) == 0 && name.back() == ')') return functional_colour(std::string_view(name).substr(4, name.size() - 5));
  for (const auto& [n, v] : named_colours())
    if (name == n) return rgb(v);
  return std::nullopt;
}

std::optional<double> parse_length(std::string_view text, double percent_of) {
  text = trim(text);
  static const std::vector<std::pair<const char*, double>> units = {
      {"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}, {"%", 0}};
  double scale = 1;
  for (const auto& [unit, per] : units) {
    const std::string_view u(unit);
    if (text.size() > u.size() && text.substr(text.size() - u.size()) == u) {
      text.remove_suffix(u.size());
      scale = u == "%" ? percent_of / 100 : per;
      break;
    }
  }
  std::vector<double> n;
  if (!parse_numbers(text, n) || n.size() != 1) return std::nullopt;
  return n[0] * scale;
}

std::optional<Affine> parse_transform(std::string_view text) {
  Affine result;
  text = trim(text);
  while (!text.empty()) {
    const size_t open = text.find('('), close = text.find(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    const std::string name(trim(text.substr(0, open)));
    std::vector<double> a;
    if (!parse_numbers(text.substr(open + 1, close - open - 1), a)) return std::nullopt;
    const double rad = a.empty() ? 0 : a[0] * std::numbers::pi / 180;
    Affine t;
    const size_t n = a.size();
    if (name == "matrix" && n == 6) t = {a[0], a[1], a[2], a[3], a[4], a[5]};
    else if (name == "translate" && (n == 1 || n == 2)) t.e = a[0], t.f = n == 2 ? a[1] : 0;
    else if (name == "scale" && (n == 1 || n == 2)) t.a = a[0], t.d = n == 2 ? a[1] : a[0];
    else if (name == "rotate" && (n == 1 || n == 3)) {
      t = {std::cos(rad), std::sin(rad), -std::sin(rad), std::cos(rad), 0, 0};
      if (n == 3) t = Affine{1, 0, 0, 1, a[1], a[2]} * t * Affine{1, 0, 0, 1, -a[1], -a[2]};
    } else if (name == "skewX" && n == 1) t.c = std::tan(rad);
    else if (name == "skewY" && n == 1) t.b = std::tan(rad);
    else return std::nullopt;
    result = result * t;
    text = text.substr(close + 1);
    while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) || text.front() == ','))
      text.remove_prefix(1);
  }
  return result;
}

}  // namespace lp
