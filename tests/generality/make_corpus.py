#!/usr/bin/env python3
"""Writes the generality corpus: a report bigger than the NSCP report in every dimension.

    python3 tests/generality/make_corpus.py        # writes tests/generality/corpus.yaml

The output is deterministic (a fixed generator, no clock, no hash order), so the committed
corpus.yaml is what this script writes. Every text that should be printed exactly once carries a
serial marker: lowercase letters then three digits ("para017", "row250"). Words with a digit are
never hyphenated and give no line-break opportunity, so a test finds each marker whole in the
laid-out text. Texts that are printed more than once by design (section titles, which the contents
page repeats; table header cells, repeated on every page; timeline category labels, shown in the
legend and on every chip; the short name in the footers) carry no marker. The word-search words,
the people's names and the phone numbers are found by the test from the model instead.

Besides corpus.yaml the script writes picture.png, a small picture for the image block.
"""
import os
import re
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


class Rng:
    """A 64-bit linear congruential generator: the same numbers on every Python and machine."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return self.state >> 33

    def below(self, n):
        return self.next() % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


# Plain words for the generated prose. None of them is a word-search word (checked below).
VOCAB = """
about above across after again against along among around autumn balance beside between
beyond bright calm careful carry chapter clear close common county daily deep early easy
evening every family field final first follow forward friendly gentle given good green
ground group guide happy heard help hidden high home hope house idea inside kind known large
later learn level light little local long looked many meadow meeting middle morning moved
near never next night north number often open other outside over paper part patient people
place plain plan point quiet ready reason record river road room round safe school second
seen shared short simple small south space spring steady still story street strong summer
support table talked team thought through today together town travel under until useful
valley voice walked warm water week west while whole wide winter within without working
world written young
""".split()

WORDSEARCH = """
ANCHOR BADGER CANDLE DOLPHIN EMBER FALCON GARNET HAZEL ISLAND JUNIPER KESTREL LANTERN MAGPIE
NUTMEG OTTER PEBBLE QUARTZ RAVEN SAFFRON THISTLE UMBER VIOLET WILLOW YARROW ZEPHYR ACORN
BRAMBLE COBALT DAMSON EGRET FERRET GINGER HERON INDIGO JASPER KELP LINNET MARBLE NECTAR OCHRE
PLOVER QUILL RUSSET SORREL TEASEL UPLAND VELVET WREN BEACON CRICKET DRIFTWOOD ESTUARY FOXGLOVE
GRANITE HARVEST IVORY LAGOON MEADOWSWEET ORCHARD PRIMROSE
""".split()

PEOPLE = [
    "Zoë Łukasik", "Émile Ørsted", "Siân Llŷr", "Aoife Ní Bhriain", "Bartholomew Quennell",
    "Chidinma Okonkwo", "Dagný Ásgeirsdóttir", "Eero Mäkinen", "Fatima Zahra Benali",
    "Gwenllian Prys", "Hamish Drummond", "Inès Lefebvre", "Jørgen Kvåle", "Kasia Wróblewska",
    "Leocadia Fernández", "Magnus Þórsson", "Noémie Duchâteau", "Oisín Mac Giolla",
    "Priyanka Raghunathan", "Quentin Abernethy", "Rosalind Featherstone", "Søren Bækgaard",
    "Tomasz Dąbrowski", "Ulrike Schäfer", "Valentina Ruiz-Peña", "Wilhelmina Ashcombe",
    "Xavier Oyelaran", "Yusuf Demirtaş", "Zuzana Černá", "Ailsa MacRitchie", "Benedikt Groß",
    "Cerys Ffransis", "Dorothea Vance", "Evander Clough", "Florentyna Szymańska",
    "Gareth Pennington", "Hélène Beaulieu", "Ignatius Thorne", "Jocasta Merriweather",
    "Kalinda Mbeki",
]

ORGANISATIONS = ["Harbour Trust", "County Library", "Riverside School", "Valley Health Centre",
                 "Town Youth Club", "North Care Service"]


class Corpus:
    def __init__(self):
        self.rng = Rng(20250930)
        self.serials = {}

    def marker(self, prefix):
        n = self.serials.get(prefix, 0) + 1
        self.serials[prefix] = n
        assert n < 1000, prefix
        return f"{prefix}{n:03d}"

    def words(self, n):
        return [self.rng.pick(VOCAB) for _ in range(n)]

    def sentence(self, prefix, lo=8, hi=14):
        """A sentence of plain words with one marker somewhere in it."""
        w = self.words(lo + self.rng.below(hi - lo + 1))
        w.insert(self.rng.below(len(w) + 1), self.marker(prefix))
        return cap(" ".join(w)) + "."

    def text(self, prefix, sentences, lo=8, hi=14):
        return " ".join(self.sentence(prefix, lo, hi) for _ in range(sentences))

    def phrase(self, prefix, n=3):
        """A short label: a few words and a marker."""
        w = self.words(n)
        w.insert(self.rng.below(len(w) + 1), self.marker(prefix))
        return cap(" ".join(w))


def cap(s):
    """The first letter in capitals, unless the text begins with a marker (kept lowercase)."""
    return s if re.match(r"[a-z]+[0-9]{3}\b", s) else s[0].upper() + s[1:]


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def folded(s, indent):
    """A folded block scalar (`>`), wrapped at about 96 columns."""
    pad = " " * indent
    out, line = [], ""
    for word in s.split():
        if line and len(pad) + len(line) + 1 + len(word) > 96:
            out.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(pad + line)
    return ">\n" + "\n".join(out)


def build(c):
    y = []
    add = y.append
    add("# The generality corpus: generated by tests/generality/make_corpus.py; do not edit by hand.")
    add("# Bigger than the NSCP report in every dimension; every printed text carries a serial marker.")
    add("report:")
    add("  title: The Generality Corpus")
    add("  organisation: Leafpress Test Press")
    add("  short-name: Generality Corpus")
    add("  language: en-GB")
    add("  date: 2025-09-30")
    add("  editions: [booklet, large-print, screen]")
    add("")
    add("content:")
    add("  - cover:")
    add(f"      title: {q(c.phrase('cover', 4))}")
    add(f"      subtitle: {q(c.phrase('cover', 3))}")
    add(f"      tagline: {q(c.phrase('cover', 5))}")
    add(f"      organisation: {q('Corpus Publishing ' + c.marker('cover'))}")
    add("  - notes: {title: Notes}")
    add("  - contents: {title: Contents}")

    # 1. Prose: paragraphs, headings, a 40-item list, a list of multi-line items, a picture.
    add("  - section:")
    add("      id: prose")
    add("      title: Prose and lists")
    add("      blocks:")
    for _ in range(3):
        add(f"        - p: {folded(c.text('para', 5), 12)}")
    add(f"        - heading: {q(c.phrase('head', 4))}")
    add("        - list:")
    add("            style: number")
    add("            items:")
    for _ in range(40):
        add(f"              - {q(c.phrase('item', 4))}")
    add(f"        - p: {folded(c.text('para', 3), 12)}")
    add(f"        - heading: {q(c.phrase('head', 3))}")
    add("        - list:")
    for _ in range(14):
        add(f"            - {folded(c.text('multi', 2 + c.rng.below(3)), 14)}")
    add(f"        - p: {folded(c.text('para', 4), 12)}")
    add("        - image:")
    add("            src: picture.png")
    add(f"            alt: A band of five colours")
    add(f"            caption: {q(c.phrase('caption', 6))}")
    add("        - list:")
    add("            style: check")
    add("            items:")
    for _ in range(6):
        add(f"              - {q(c.phrase('check', 5))}")
    add(f"        - p: {folded(c.text('para', 6), 12)}")
    # Lists nested three levels, and links to other sections' ids.
    add(f"        - p: {q('[' + c.phrase('link', 3) + '](#voices) and [' + c.phrase('link', 2) + '](#figures).')}")
    add("        - list:")
    add("            style: number")
    add("            items:")
    for i in range(6):
        if i % 2 == 0:
            add(f"              - {q(c.phrase('outer', 4))}")
            continue
        add(f"              - text: {q(c.phrase('outer', 5))}")
        add("                items:")
        for j in range(4):
            if j != 2:
                add(f"                  - {q(c.phrase('inner', 3))}")
                continue
            add(f"                  - text: {q(c.phrase('inner', 4))}")
            add("                    style: check")
            add("                    items:")
            for _ in range(3):
                add(f"                      - {q(c.phrase('innermost', 6))}")

    # 2. Voices: a quote long enough for three A5 pages, then a wall of 20 quotes.
    add("  - section:")
    add("      id: voices")
    add("      title: Voices")
    add("      blocks:")
    add(f"        - p: {folded(c.text('para', 2), 12)}")
    add("        - quote:")
    add(f"            text: {folded(c.text('quote', 78), 14)}")
    add(f"            by: {q(c.phrase('by', 3))}")
    add(f"        - heading: {q(c.phrase('head', 3))}")
    add("        - quotes:")
    for i in range(20):
        if i % 3 == 2:
            add(f"            - {q(c.text('wall', 1 + c.rng.below(3)))}")
        else:
            add(f"            - text: {q(c.text('wall', 1 + c.rng.below(4)))}")
            add(f"              by: {q(c.phrase('by', 2))}")

    # 3. People and contacts.
    add("  - section:")
    add("      id: people")
    add("      title: People and numbers")
    add("      blocks:")
    add(f"        - p: {folded(c.text('para', 2), 12)}")
    add(f"        - heading: {q(c.phrase('head', 3))}")
    add("        - people:")
    add(f"            title: {q(c.phrase('title', 3))}")
    add("            items:")
    for i, name in enumerate(PEOPLE):
        fields = [f"name: {q(name)}"]
        if i % 5 != 4:
            fields.append(f"role: {q(c.phrase('role', 1 + c.rng.below(3)))}")
        if i % 3 == 0:
            fields.append(f"organisation: {q(c.pick_org() + ' ' + c.marker('org'))}")
        if i in (6, 21):
            fields.append("photo: picture.png")
        add("              - {" + ", ".join(fields) + "}")
    add(f"        - p: {folded(c.text('para', 2), 12)}")
    add("        - contact:")
    add(f"            title: {q(c.phrase('title', 3))}")
    add("            items:")
    for i in range(30):
        add(f"              - {{label: {q(c.phrase('contact', 1 + c.rng.below(4)))}, phone: {q(f'01632 960 {100 + i * 7:03d}')}}}")
    add("            website: www.generality-corpus.example")

    # 4. A timeline with an event whose text runs over two pages.
    cats = [("voice", "Voice of the Child"), ("review", "Practice Review"), ("school", "Schools"),
            ("health", "Health"), ("police", "Policing")]
    months = ["April", "May", "June", "July", "August", "September", "October", "November",
              "December", "January", "February", "March"]
    add("  - section:")
    add("      id: timeline")
    add("      title: The year in events")
    add("      blocks:")
    add(f"        - p: {folded(c.text('para', 2), 12)}")
    add("        - timeline:")
    add("            categories:")
    for key, label in cats:
        add(f"              {key}: {q(label)}")
    add("            periods:")
    for m, month in enumerate(months):
        add(f"              - label: {month}")
        add("                events:")
        for e in range(2 + c.rng.below(2)):
            cat = cats[(m + e) % len(cats)][0]
            long_event = m == 2 and e == 1
            body = c.text("event", 48 if long_event else 1 + c.rng.below(4))
            add(f"                  - category: {cat}")
            add(f"                    title: {q(c.phrase('etitle', 2 + c.rng.below(3)))}")
            add(f"                    text: {folded(body, 22)}")

    # 5. Figures: a band of 7 figures in 2 groups, tiles, a chart of 40 bars, a 300-row table.
    add("  - section:")
    add("      id: figures")
    add("      title: Figures and tables")
    add("      blocks:")
    add(f"        - p: {folded(c.text('para', 2), 12)}")
    add("        - stats:")
    add("            band: true")
    add(f"            title: {q(c.phrase('stitle', 3))}")
    add(f"            intro: {q(c.text('intro', 1))}")
    add("            groups:")
    for g, count in enumerate((4, 3)):
        add(f"              - name: {q(c.phrase('group', 2))}")
        add("                items:")
        for i in range(count):
            prefix = f"prefix: {q('around')}, " if i % 2 else ""
            add(f"                  - {{{prefix}value: {120 + 37 * (g * 4 + i)}, label: {q(c.phrase('band', 3))}}}")
    add(f"        - heading: {q(c.phrase('head', 3))}")
    add("        - stats:")
    add(f"            intro: {q(c.text('intro', 1))}")
    add("            groups:")
    icons = ["health", "police", "council"]
    for g in range(3):
        add(f"              - name: {q(c.phrase('group', 2))}")
        add(f"                icon: {icons[g]}")
        add(f"                intro: {q(c.text('intro', 1, 4, 7))}")
        add("                items:")
        for i in range(9 + 2 * g):
            prefix = f"prefix: {q('around')}, " if i % 3 == 1 else ""
            add(f"                  - {{{prefix}value: {3 + (g * 31 + i * 17) % 990}, label: {q(c.phrase('tile', 2 + c.rng.below(4)))}}}")
    add(f"        - heading: {q(c.phrase('head', 3))}")
    add("        - chart:")
    add("            kind: bar")
    add(f"            title: {q(c.phrase('ctitle', 4))}")
    add(f"            unit: {q('visits a week ' + c.marker('unit'))}")
    add("            total: 9000")
    add("            data:")
    for i in range(40):
        add(f"              - {{label: {q(c.phrase('bar', 1 + c.rng.below(3)))}, value: {20 + (i * 53) % 380}}}")
    add(f"        - heading: {q(c.phrase('head', 3))}")
    add("        - table:")
    add(f"            caption: {q(c.phrase('tcaption', 5))}")
    add("            header: [Place, Notes, Rate]")
    add("            widths: [2, 4, 1]")
    add("            rows:")
    places = ["Aldby", "Brackley", "Cottam", "Dunmore", "Elswick", "Fenby", "Garth", "Holme"]
    for i in range(300):
        rate = (i * 7919 % 100000) / 100.0  # two decimals at most
        place = places[i % len(places)] + " " + c.marker("place")
        add(f"              - [{q(place)}, {q(c.phrase('row', 1 + c.rng.below(6)))}, {rate:g}]")
    add(f"        - p: {folded(c.text('para', 3), 12)}")

    # 6. A callout of several paragraphs, long enough to cross a page.
    add("  - section:")
    add("      id: panel")
    add("      title: A panel of notes")
    add("      blocks:")
    add(f"        - p: {folded(c.text('para', 3), 12)}")
    add("        - callout:")
    add(f"            title: {q(c.phrase('ptitle', 4))}")
    add("            blocks:")
    for _ in range(5):
        add(f"              - p: {folded(c.text('panel', 9), 18)}")
    add("              - list:")
    for _ in range(5):
        add(f"                  - {q(c.phrase('pitem', 5))}")
    add(f"        - p: {folded(c.text('para', 4), 12)}")

    # 7. Puzzles: a word search of 60 words, a quiz of 15 questions, the answers (turned where
    # they fit a page, else upright).
    add("  - section:")
    add("      id: puzzles")
    add("      title: Puzzles")
    add("      blocks:")
    add(f"        - p: {folded(c.text('para', 1), 12)}")
    add("        - wordsearch:")
    add("            seed: 2025")
    add("            size: 30")
    add("            words: [" + ", ".join(WORDSEARCH) + "]")
    add("        - quiz:")
    add(f"            title: {q(c.phrase('qtitle', 3))}")
    add(f"            hint: {q('(' + c.phrase('hint', 4) + ')')}")
    add(f"            answers-title: {q(c.phrase('atitle', 2) + ':')}")
    add("            questions:")
    for i in range(15):
        add(f"              - q: {q(c.text('quiz', 1 + i % 2).rstrip('.') + '?')}")
        add(f"                a: {q(c.phrase('answer', 1 + c.rng.below(4)) + '.')}")
    add(f"        - answers: {{title: {q(c.phrase('ahead', 3))}, print: upside-down}}")

    add("  - back-cover:")
    add("      blocks:")
    add(f"        - p: {q(c.text('back', 1))}")
    add("        - contact:")
    add("            items:")
    add(f"              - {{label: {q(c.phrase('back', 2))}, phone: \"0800 555 0199\"}}")
    add(f"        - p: {q(c.text('back', 1))}")
    return "\n".join(y) + "\n"


def pick_org(self):
    return self.rng.pick(ORGANISATIONS)


Corpus.pick_org = pick_org


def png(width, height):
    """A deterministic RGB PNG: horizontal bands of the palette's colours."""
    colours = [(0x2E, 0x85, 0x40), (0x00, 0x80, 0x8A), (0xC2, 0x41, 0x2D), (0x7B, 0x3F, 0x8C), (0x2F, 0x8F, 0xCF)]
    rows = []
    for yy in range(height):
        r, g, b = colours[yy * len(colours) // height]
        row = bytearray([0])
        for xx in range(width):
            shade = 0.6 + 0.4 * xx / width
            row += bytes((int(r * shade), int(g * shade), int(b * shade)))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def check(text):
    """Every marker, word-search word and name is in the corpus exactly once."""
    assert not re.search(r"\b[A-Z][a-z]*[0-9]{3}\b", text), "a capitalised marker"
    markers = re.findall(r"\b[a-z]+[0-9]{3}\b", text)
    seen = {}
    for m in markers:
        seen[m] = seen.get(m, 0) + 1
    twice = [m for m, n in seen.items() if n != 1]
    assert not twice, f"markers given more than once: {twice[:10]}"
    lower = text.lower()
    for w in WORDSEARCH:
        n = len(re.findall(r"\b" + w.lower() + r"\b", lower))
        assert n == 1, f"word-search word {w} is in the corpus {n} times"
        assert w.lower() not in VOCAB
    for name in PEOPLE:
        assert text.count(name) == 1, name
    assert len(WORDSEARCH) == 60 and len(set(WORDSEARCH)) == 60
    assert len(PEOPLE) == 40 and len(set(PEOPLE)) == 40
    return len(markers)


def main():
    text = build(Corpus())
    n = check(text)
    with open(os.path.join(HERE, "corpus.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(os.path.join(HERE, "picture.png"), "wb") as f:
        # Fine enough for the booklet's 300 pixels per inch across its whole frame (118 mm).
        f.write(png(1600, 1000))
    print(f"corpus.yaml: {len(text.splitlines())} lines, {n} markers", file=sys.stderr)


if __name__ == "__main__":
    main()
