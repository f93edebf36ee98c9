#!/usr/bin/env python3
"""Draws the cover artwork: the word "Flourish" written in leaves.

Each letter is a centre line (lines and cubic curves); leaves grow along it in pairs that
alternate side to side, as on a shoot, with a leaf at each end; a thin stem runs under them.
Each letter takes one palette colour, the i's dot is a little flower, and a vine with a few
leaves and berries swings under the word and curls up at its end (the word's flourish).

Python 3 standard library only. From the repository's top folder:

    python3 artwork/make_cover.py

writes artwork/cover-leaves.svg next to this script. The drawing is the same on every run
(a fixed random seed gives the leaves their hand-drawn wobble). The SVG keeps to what
leafpress draws: paths, circles, ellipses and groups, plain fills and strokes, no text.
"""

import math
import os
import random

# The partnership's palette (layout/booklet.yaml): these exact values print as its CMYK.
LEAF = "#2E8540"
TEAL = "#00808A"
SUNFLOWER = "#F2B01E"
CORAL = "#E25B45"
PLUM = "#7B3F8C"
SKY = "#2F8FCF"
PAPER = "#FFF6E3"  # the palette's paper, for the leaves' midribs

X = 54.0  # the x-height
A = 96.0  # the ascender's height
BASELINE = 100.0  # the baseline's y in the SVG (y grows downwards there)

rng = random.Random(2024)


# --- curves -------------------------------------------------------------------------------

def cubic(p0, c1, c2, p1, t):
    u = 1 - t
    return (u * u * u * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * p1[0],
            u * u * u * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * p1[1])


class Stroke:
    """A centre line: a start point and segments, each ('L', end) or ('C', c1, c2, end), in
    letter units with y upwards from the baseline."""

    def __init__(self, start, *segments, closed=False):
        self.start = start
        self.segments = segments
        self.closed = closed

    def moved(self, dx):
        def mv(p):
            return (p[0] + dx, p[1])
        return Stroke(mv(self.start), *[(s[0],) + tuple(mv(p) for p in s[1:]) for s in self.segments],
                      closed=self.closed)

    def polyline(self, steps=40):
        pts = [self.start]
        cur = self.start
        for seg in self.segments:
            if seg[0] == "L":
                end = seg[1]
                for i in range(1, steps + 1):
                    t = i / steps
                    pts.append((cur[0] + (end[0] - cur[0]) * t, cur[1] + (end[1] - cur[1]) * t))
            else:
                _, c1, c2, end = seg
                for i in range(1, steps + 1):
                    pts.append(cubic(cur, c1, c2, end, i / steps))
            cur = end
        return pts

    def sampler(self):
        pts = self.polyline()
        lengths = [0.0]
        for a, b in zip(pts, pts[1:]):
            lengths.append(lengths[-1] + math.dist(a, b))

        def at(s):
            """The point and unit tangent at arc length s."""
            s = max(0.0, min(lengths[-1], s))
            lo, hi = 0, len(lengths) - 1
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if lengths[mid] <= s:
                    lo = mid
                else:
                    hi = mid
            a, b = pts[lo], pts[hi]
            span = lengths[hi] - lengths[lo] or 1.0
            f = (s - lengths[lo]) / span
            d = math.dist(a, b) or 1.0
            return ((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f),
                    ((b[0] - a[0]) / d, (b[1] - a[1]) / d))
        return lengths[-1], at

    def svg_d(self):
        def p(q):
            return fmt(q[0]) + " " + fmt(BASELINE - q[1])
        out = "M" + p(self.start)
        for seg in self.segments:
            out += ("L" + p(seg[1])) if seg[0] == "L" else ("C" + " ".join(p(q) for q in seg[1:]))
        return out + ("Z" if self.closed else "")


def ellipse(cx, cy, rx, ry, start_deg=90.0):
    """A closed stroke round an ellipse, anticlockwise from start_deg (in y-up terms)."""
    k = 0.5523
    a0 = math.radians(start_deg)
    segs = []

    def pt(a):
        return (cx + rx * math.cos(a), cy + ry * math.sin(a))

    def tan(a):
        return (-rx * math.sin(a), ry * math.cos(a))
    for i in range(4):
        a, b = a0 + i * math.pi / 2, a0 + (i + 1) * math.pi / 2
        p0, p1 = pt(a), pt(b)
        t0, t1 = tan(a), tan(b)
        segs.append(("C", (p0[0] + k * t0[0], p0[1] + k * t0[1]), (p1[0] - k * t1[0], p1[1] - k * t1[1]), p1))
    return Stroke(pt(a0), *segs, closed=True)


# --- shapes ------------------------------------------------------------------------------

def fmt(v):
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


EXTENT = []  # every point drawn, in SVG space, with its reach: for the viewBox


def reach(x, y, r=0.0):
    EXTENT.append((x - r, y - r))
    EXTENT.append((x + r, y + r))


def to_svg(p):
    return (p[0], BASELINE - p[1])


def leaf_path(base, angle, length, width, colour):
    """A leaf from base (letter units) pointing at angle (radians, y-up), as two SVG paths:
    the blade and its midrib."""
    ca, sa = math.cos(angle), math.sin(angle)

    def q(x, y):  # leaf space (x along the leaf, y across) to SVG space
        px = base[0] + x * ca - y * sa
        py = base[1] + x * sa + y * ca
        s = to_svg((px, py))
        reach(*s)
        return fmt(s[0]) + " " + fmt(s[1])
    L, w = length, width / 2
    blade = (f"M{q(0, 0)}C{q(0.18 * L, 1.05 * w)} {q(0.62 * L, 1.1 * w)} {q(L, 0)}"
             f"C{q(0.62 * L, -1.1 * w)} {q(0.18 * L, -1.05 * w)} {q(0, 0)}Z")
    rib = f"M{q(0.1 * L, 0)}Q{q(0.5 * L, 0.06 * w)} {q(0.8 * L, 0)}"
    return [f'<path d="{blade}" fill="{colour}" stroke="none"/>',
            f'<path d="{rib}" fill="none" stroke="{PAPER}" stroke-width="1.1" stroke-linecap="round"/>']


def leafy(stroke, colour, leaf=18.0, width=10.5, spread=32.0, spacing=8.0, end_leaf=True, start_leaf=False):
    """Leaves along a stroke, alternating sides, pointing the way the stroke runs."""
    total, at = stroke.sampler()
    out = []
    side = 1
    n = max(1, round((total - (0.55 * leaf if end_leaf else 0)) / spacing))
    step = (total - (0.55 * leaf if end_leaf else 0)) / n
    first = 0
    for i in range(first, n + (0 if stroke.closed else 1)):
        s = i * step
        p, t = at(s)
        a = math.atan2(t[1], t[0]) + side * math.radians(spread + rng.uniform(-6, 6))
        out += leaf_path(p, a, leaf * rng.uniform(0.9, 1.08), width * rng.uniform(0.92, 1.06), colour)
        side = -side
    if end_leaf and not stroke.closed:
        p, t = at(total - 0.55 * leaf)
        out += leaf_path(p, math.atan2(t[1], t[0]), leaf * 1.05, width * 1.05, colour)
    if start_leaf and not stroke.closed:
        p, t = at(0.55 * leaf)
        out += leaf_path(p, math.atan2(-t[1], -t[0]), leaf * 1.05, width * 1.05, colour)
    return out


def stem(stroke, colour, width=2.4):
    for p in stroke.polyline(8):
        reach(*to_svg(p), width / 2)
    return [f'<path d="{stroke.svg_d()}" fill="none" stroke="{colour}" stroke-width="{fmt(width)}" '
            f'stroke-linecap="round" stroke-linejoin="round"/>']


def flower(centre, colour, heart, r=4.2, petals=5):
    cx, cy = to_svg(centre)
    reach(cx, cy, 2 * r)
    out = [f'<g transform="translate({fmt(cx)} {fmt(cy)})">']
    for i in range(petals):
        a = 360.0 / petals * i - 90
        out.append(f'<ellipse cx="0" cy="{fmt(-r)}" rx="{fmt(r * 0.62)}" ry="{fmt(r)}" fill="{colour}" '
                   f'transform="rotate({fmt(a + 90)})"/>')
    out.append(f'<circle cx="0" cy="0" r="{fmt(r * 0.55)}" fill="{heart}"/>')
    out.append("</g>")
    return out


# --- the letters ---------------------------------------------------------------------------
# Each letter: its strokes (x from 0), its width, and its colour.

def letter_F():
    return [
        Stroke((4, 0), ("C", (4, 30), (3, 60), (5, A))),
        Stroke((5, A), ("C", (18, A + 1), (31, A + 1), (44, A + 5))),
        Stroke((5, 48), ("C", (14, 49), (25, 49), (34, 51))),
    ], 48


def letter_l():
    return [Stroke((1, 0), ("C", (0, 30), (1, 60), (1, A + 2)))], 2


def letter_o():
    return [ellipse(22, X / 2, 22, X / 2 + 0.5)], 44


def letter_u():
    return [
        Stroke((0, X), ("L", (0, 21)), ("C", (0, 7), (10, 0), (20, 0)), ("C", (30, 0), (38, 8), (39, 21))),
        Stroke((40, 0), ("L", (40, X))),
    ], 40


def letter_r():
    return [
        Stroke((1, 0), ("L", (1, X))),
        Stroke((1, 32), ("C", (6, 45), (16, 52), (31, 48))),
    ], 31


def letter_i():
    return [Stroke((1, 0), ("L", (1, X)))], 2


def letter_s():
    return [Stroke((32, 43), ("C", (28, 49), (22, 50), (17, 50)), ("C", (8, 50), (3, 45), (3, 38)),
                   ("C", (3, 30), (10, 27), (17, 25)), ("C", (25, 23), (32, 19), (32, 12)),
                   ("C", (32, 4), (25, 0), (16, 0)), ("C", (9, 0), (3, 3), (0, 7)))], 32


def letter_h():
    return [
        Stroke((1, 0), ("C", (0, 30), (1, 60), (1, A + 2))),
        Stroke((1, 30), ("C", (6, 44), (14, 50), (21, 50)), ("C", (30, 50), (36, 43), (36, 32)), ("L", (36, 0))),
    ], 36


def build():
    letters = [
        (letter_F, CORAL), (letter_l, SUNFLOWER), (letter_o, LEAF), (letter_u, SKY),
        (letter_r, PLUM), (letter_i, CORAL), (letter_s, TEAL), (letter_h, SUNFLOWER),
    ]
    gap = 27.0  # between one letter's centre lines and the next's
    x = 0.0
    body, stems = [], []
    i_dot = None
    for make, colour in letters:
        strokes, width = make()
        for s in strokes:
            s = s.moved(x)
            stems += stem(s, LEAF)
            body += leafy(s, colour)
        if make is letter_i:
            i_dot = (x + 1, X + 17)
        x += width + gap
    word_width = x - gap

    # The flourish: a vine from the F's foot under the word, curling up after the h.
    w = word_width
    vine = Stroke((4, -2), ("C", (10, -20), (0.1 * w, -28), (0.22 * w, -28)),
                  ("C", (0.34 * w, -28), (0.4 * w, -21), (0.52 * w, -21)),
                  ("C", (0.64 * w, -21), (0.7 * w, -28), (0.82 * w, -27)),
                  ("C", (0.92 * w, -26), (w + 4, -18), (w + 14, -8)),
                  ("C", (w + 28, 0), (w + 28, 20), (w + 17, 21)),
                  ("C", (w + 9, 21), (w + 7, 12), (w + 15, 10)))
    extras = stem(vine, LEAF, 2.2)
    total, at = vine.sampler()
    colours = [LEAF, TEAL, LEAF, SKY, LEAF, TEAL, LEAF]
    spacing = 38
    for k, s in enumerate(range(24, int(total) - 40, spacing)):
        p, t = at(s)
        side = 1 if k % 2 else -1
        a = math.atan2(t[1], t[0]) + side * math.radians(40)
        extras += leaf_path(p, a, 12, 6.5, colours[k % len(colours)])
    # Berries in twos, under the vine between its leaves, and one at the curl's end.
    berries = [(24 + spacing * k + spacing / 2, c) for k, c in [(1, SUNFLOWER), (4, CORAL), (7, SUNFLOWER), (10, PLUM)]]
    for s, c in berries:
        p, t = at(s)
        down = (t[1], -t[0])
        for along, off in [(-3.2, 4.8), (3.2, 6.2)]:
            q = to_svg((p[0] + t[0] * along + down[0] * off, p[1] + t[1] * along + down[1] * off))
            reach(*q, 3.2)
            extras.append(f'<circle cx="{fmt(q[0])}" cy="{fmt(q[1])}" r="3.2" fill="{c}"/>')
    q = to_svg(at(total)[0])
    reach(*q, 3)
    extras.append(f'<circle cx="{fmt(q[0])}" cy="{fmt(q[1])}" r="3" fill="{CORAL}"/>')

    flower_parts = flower(i_dot, SUNFLOWER, CORAL, r=4.6)

    # The viewBox: the drawing's extent with a margin.
    m = 3
    left, right = min(p[0] for p in EXTENT) - m, max(p[0] for p in EXTENT) + m
    top, bottom = min(p[1] for p in EXTENT) - m, max(p[1] for p in EXTENT) + m
    view = f"{fmt(left)} {fmt(top)} {fmt(right - left)} {fmt(bottom - top)}"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}">',
           "  <title>Leaves that spell Flourish</title>"]
    out += ["  " + s for s in extras + stems + body + flower_parts]
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "cover-leaves.svg"), "w", encoding="utf-8") as f:
        f.write(build())
