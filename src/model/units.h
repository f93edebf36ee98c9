#pragma once
// Lengths at stage boundaries carry their unit in the type.
#include <cmath>
#include <compare>

namespace lp {

struct Pt {
  double value = 0;
  constexpr Pt() = default;
  constexpr explicit Pt(double v) : value(v) {}
  constexpr Pt operator+(Pt o) const { return Pt(value + o.value); }
  constexpr Pt operator-(Pt o) const { return Pt(value - o.value); }
  constexpr Pt operator-() const { return Pt(-value); }
  constexpr Pt operator*(double k) const { return Pt(value * k); }
  constexpr Pt operator/(double k) const { return Pt(value / k); }
  constexpr double operator/(Pt o) const { return value / o.value; }
  constexpr Pt& operator+=(Pt o) { value += o.value; return *this; }
  constexpr Pt& operator-=(Pt o) { value -= o.value; return *this; }
  constexpr auto operator<=>(const Pt&) const = default;
};

struct Mm {
  double value = 0;
  constexpr explicit Mm(double v) : value(v) {}
  constexpr Pt to_pt() const { return Pt(value * 72.0 / 25.4); }
};

// Points as an integer count of 1/100 pt, for dumps that must not vary in the last digit.
inline long centipoints(Pt p) { return std::lround(p.value * 100.0); }

}  // namespace lp
