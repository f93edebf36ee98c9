#!/usr/bin/env python3
"""Checks of a PDF for the press, read back with qpdf and poppler.

usage: print_checks.py pdfx BOOKLET.pdf
       print_checks.py marks PLAIN.pdf MARKED.pdf
       print_checks.py impose BOOKLET.pdf SPREADS.pdf
       print_checks.py safe-zone EDITION.pdf MM
       print_checks.py bleeds EDITION.pdf
       print_checks.py creep SPREADS.pdf SPREADS_WITH_CREEP.pdf MM
       print_checks.py sizes EDITION.pdf MIN_PT no-italic|any [KNOWN_PT,...]
       print_checks.py colours EDITION.pdf PAGE RRGGBB...
Each check prints FAIL: ... when it fails; the exit code is the number of failures (capped).
"""
import base64
import json
import re
import subprocess
import sys

failed = 0


def check(name, ok, detail=""):
    global failed
    if not ok:
        failed += 1
        print(f"FAIL: {name}" + (f": {detail}" if detail else ""))


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


class Pdf:
    """The objects of a PDF from qpdf's JSON, streams decoded."""

    def __init__(self, path):
        q = json.loads(run("qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                           "--decode-level=generalized", path))["qpdf"]
        self.objects = q[1]
        self.trailer = self.objects["trailer"]["value"]

    def get(self, value):
        if isinstance(value, str) and re.fullmatch(r"\d+ \d+ R", value):
            o = self.objects["obj:" + value]
            return o["stream"]["dict"] if "stream" in o else o["value"]
        return value

    def data(self, ref):
        return base64.b64decode(self.objects["obj:" + ref]["stream"]["data"])

    def raw_dict(self, ref):
        return self.objects["obj:" + ref]["stream"]["dict"]

    def pages(self):
        out = []

        def walk(node):
            n = self.get(node)
            if n.get("/Type") == "/Pages":
                for kid in n["/Kids"]:
                    walk(kid)
            else:
                out.append(n)
        walk(self.get(self.trailer["/Root"])["/Pages"])
        return out

    def contents(self, page):
        c = page["/Contents"]
        return b"".join(self.data(r) for r in (c if isinstance(c, list) else [c]))


def operators(content):
    """The operators of a content stream, strings and names' text left out."""
    text = content.decode("latin-1")
    text = re.sub(r"\((?:\\.|[^\\()])*\)", " ", text)  # literal strings (no nesting in ours)
    text = re.sub(r"<[0-9A-Fa-f\s]*>", " ", text)
    return [t for t in re.split(r"[\s\[\]<>{}()]+", text) if t and not re.match(r"^[-+.\d/]", t)]


def inside(a, b, eps=0.01):
    return a[0] >= b[0] - eps and a[1] >= b[1] - eps and a[2] <= b[2] + eps and a[3] <= b[3] + eps


def pdfx(path):
    pdf = Pdf(path)
    root = pdf.get(pdf.trailer["/Root"])
    intents = pdf.get(root.get("/OutputIntents", []))
    check("exactly one output intent", len(intents) == 1, str(intents))
    if intents:
        oi = pdf.get(intents[0])
        check("GTS_PDFX", oi.get("/S") == "/GTS_PDFX", str(oi))
        check("FOGRA39", oi.get("/OutputConditionIdentifier") == "u:FOGRA39", str(oi))
        check("registry", oi.get("/RegistryName") == "u:http://www.color.org", str(oi))
        check("info", str(oi.get("/Info", "")).startswith("u:"), str(oi))
        ref = oi.get("/DestOutputProfile", "")
        check("profile has N 4", pdf.get(ref).get("/N") == 4, str(pdf.get(ref)))
        icc = pdf.data(ref)
        check("the profile is a CMYK output ICC profile",
              icc[36:40] == b"acsp" and icc[12:16] == b"prtr" and icc[16:20] == b"CMYK", repr(icc[:40]))
        check("the profile's length is its header's", int.from_bytes(icc[0:4], "big") == len(icc))
    meta_ref = root.get("/Metadata", "")
    meta = pdf.raw_dict(meta_ref) if meta_ref else {}
    check("XMP metadata stream", meta.get("/Subtype") == "/XML" and meta.get("/Type") == "/Metadata", str(meta))
    check("XMP uncompressed", "/Filter" not in meta, str(meta))
    xmp = pdf.data(meta_ref).decode("utf-8") if meta_ref else ""
    try:
        import xml.etree.ElementTree as ET
        ET.fromstring(xmp.encode("utf-8"))
        well_formed = ""
    except Exception as e:  # what the parser says is the detail
        well_formed = str(e)
    check("XMP is well-formed XML", not well_formed, well_formed)
    check("XMP packet wrapper", xmp.startswith("<?xpacket begin=") and xmp.rstrip().endswith('<?xpacket end="r"?>'))
    check("XMP: PDF/X-4", "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp, xmp[:400])
    info = pdf.get(pdf.trailer["/Info"])
    title = info.get("/Title", "u:")[2:]
    check("XMP: the Info title", f'<rdf:li xml:lang="x-default">{title.replace("&", "&amp;")}</rdf:li>' in xmp, title)
    check("XMP: the producer", f"<pdf:Producer>{info.get('/Producer', 'u:')[2:]}</pdf:Producer>" in xmp)
    file_id = pdf.trailer["/ID"][0][2:]
    uuid = f"uuid:{file_id[:8]}-{file_id[8:12]}-{file_id[12:16]}-{file_id[16:20]}-{file_id[20:]}"
    check("XMP: document and instance ids are the file's /ID",
          f"<xmpMM:DocumentID>{uuid}</xmpMM:DocumentID>" in xmp and f"<xmpMM:InstanceID>{uuid}</xmpMM:InstanceID>" in xmp,
          uuid)
    m = re.match(r"u:D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)", info.get("/CreationDate", ""))
    check("Info has a creation date", m is not None)
    if m:
        date = "{}-{}-{}T{}:{}:{}Z".format(*m.groups())
        check("XMP: the Info dates", f"<xmp:CreateDate>{date}</xmp:CreateDate>" in xmp and
              f"<xmp:ModifyDate>{date}</xmp:ModifyDate>" in xmp, date)
    check("Info: GTS_PDFXVersion", info.get("/GTS_PDFXVersion") == "u:PDF/X-4", str(info))
    check("Info: Trapped False", info.get("/Trapped") == "/False", str(info))
    check("no encryption", "/Encrypt" not in pdf.trailer)
    for n, page in enumerate(pdf.pages(), 1):
        media, bleed, trim = page.get("/MediaBox"), page.get("/BleedBox"), page.get("/TrimBox")
        check(f"page {n}: TrimBox and BleedBox", trim is not None and bleed is not None, str(page.keys()))
        if trim and bleed:
            check(f"page {n}: trim inside bleed inside media", inside(trim, bleed) and inside(bleed, media))
        ops = operators(pdf.contents(page))
        check(f"page {n}: no DeviceRGB colour operators", not {"rg", "RG"} & set(ops))
        check(f"page {n}: no DeviceRGB in the page", b"DeviceRGB" not in pdf.contents(page) and
              "DeviceRGB" not in json.dumps(page.get("/Resources", {})))
    check("no DeviceRGB object anywhere", not any("/DeviceRGB" in json.dumps(o) for k, o in pdf.objects.items()
                                                  if k != "trailer"))


def ppm(path):
    data = open(path, "rb").read()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():]


def render(path, page, prefix):
    run("pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-singlefile", path, prefix)
    return ppm(prefix + ".ppm")


def marks(plain_path, marked_path):
    plain, marked = Pdf(plain_path), Pdf(marked_path)
    pages_plain, pages_marked = plain.pages(), marked.pages()
    check("same pages", len(pages_plain) == len(pages_marked))
    for n, (a, b) in enumerate(zip(pages_plain, pages_marked), 1):
        trim_a, trim_b = a["/TrimBox"], b["/TrimBox"]
        m = trim_b[0] - trim_a[0]
        check(f"page {n}: moved by a whole number of points", m > 0 and abs(m - round(m)) < 0.001, str(m))
        same = lambda x, y: all(abs((p - q) - (trim_b[0] - trim_a[0])) < 0.01 for p, q in zip(x, y))
        check(f"page {n}: trim and bleed boxes the same size",
              same(trim_b, trim_a) and same(b["/BleedBox"], a["/BleedBox"]), f"{trim_a} {trim_b}")
        check(f"page {n}: MediaBox holds the marks", b["/MediaBox"][2] > b["/BleedBox"][2] + 20)
        check(f"page {n}: marks are an artifact", marked.contents(b).startswith(b"/Artifact BMC"))
    shift = round(pages_marked[0]["/TrimBox"][0] - pages_plain[0]["/TrimBox"][0])
    bleed = pages_plain[0]["/BleedBox"]
    trim = pages_plain[0]["/TrimBox"]
    for page in (1, 2, 3, len(pages_plain)):
        w, h, a = render(plain_path, page, f"plain-{page}")
        mw, mh, b = render(marked_path, page, f"marked-{page}")
        # Inside the trim (whole pixels only; y from the top), pixel for pixel.
        x0, x1 = int(trim[0]) + 1, int(trim[2]) - 1
        y0, y1 = int(bleed[3] - trim[3]) + 1, int(bleed[3] - trim[1]) - 1
        differ = sum(1 for y in range(y0, y1) for x in range(x0, x1)
                     if a[3 * (y * w + x):3 * (y * w + x) + 3] != b[3 * ((y + shift) * mw + x + shift):3 * ((y + shift) * mw + x + shift) + 3])
        check(f"page {page}: nothing inside the trim changed", differ == 0, f"{differ} pixels differ")
        # The bleed box of the marked page holds no mark: it is the plain page there too.
        bx1, by1 = int(bleed[2]) - 1, int(bleed[3]) - 1
        differ = sum(1 for y in range(0, by1) for x in range(0, bx1)
                     if a[3 * (y * w + x):3 * (y * w + x) + 3] != b[3 * ((y + shift) * mw + x + shift):3 * ((y + shift) * mw + x + shift) + 3])
        check(f"page {page}: no mark inside the BleedBox", differ == 0, f"{differ} pixels differ")
        # Outside it, the marks: dark pixels on the line of the trim's top edge, left of the bleed.
        row = shift + int(bleed[3] - trim[3])
        dark = [x for x in range(0, shift) if max(b[3 * (row * mw + x):3 * (row * mw + x) + 3]) < 200
                or max(b[3 * ((row + 1) * mw + x):3 * ((row + 1) * mw + x) + 3]) < 200]
        check(f"page {page}: a crop mark outside the bleed", len(dark) >= 10, str(dark))


def bleeds(path):
    """What touches the trim runs on into the bleed: no pixel just inside the trim is coloured
    where the bleed beside it is white paper (every page, at 72 dpi)."""
    pdf = Pdf(path)
    for n, page in enumerate(pdf.pages(), 1):
        media, trim = page["/MediaBox"], page["/TrimBox"]
        bleed = page["/BleedBox"]
        if trim[0] - bleed[0] < 2:
            continue  # no bleed to run into
        w, h, px = render(path, n, f"bleed-{n}")
        at = lambda x, y: px[3 * (y * w + x):3 * (y * w + x) + 3]
        top = media[3]
        inside = (int(trim[0]) + 1, int(top - trim[3]) + 1, int(trim[2]) - 1, int(top - trim[1]) - 1)
        out = (int(bleed[0]) + 2, int(top - bleed[3]) + 2, int(bleed[2]) - 2, int(top - bleed[1]) - 2)
        white = b"\xff\xff\xff"
        stops = [("left", y) for y in range(inside[1], inside[3]) if at(inside[0], y) != white and at(out[0], y) == white]
        stops += [("right", y) for y in range(inside[1], inside[3]) if at(inside[2], y) != white and at(out[2], y) == white]
        stops += [("top", x) for x in range(inside[0], inside[2]) if at(x, inside[1]) != white and at(x, out[1]) == white]
        stops += [("bottom", x) for x in range(inside[0], inside[2]) if at(x, inside[3]) != white and at(x, out[3]) == white]
        check(f"page {n}: what touches the trim runs into the bleed", not stops, str(stops[:6]))


def text_in(path, page, box, height):
    """The words pdftotext finds on `page` inside `box` (PDF coordinates, y up, on a page `height` high)."""
    x, y, w, h = box[0], height - box[3], box[2] - box[0], box[3] - box[1]
    return run("pdftotext", "-f", str(page), "-l", str(page), "-x", str(int(x)), "-y", str(int(y)),
               "-W", str(int(w + 0.999)), "-H", str(int(h + 0.999)), path, "-").split()


def impose(source_path, spreads_path):
    source, spreads = Pdf(source_path), Pdf(spreads_path)
    pages, sheets = source.pages(), spreads.pages()
    n = len(pages)
    check("n/2 sides", len(sheets) == n // 2, f"{len(sheets)} sides for {n} pages")
    trim = pages[0]["/TrimBox"]
    page_h = pages[0]["/MediaBox"][3]
    with_text = 0
    for k, sheet in enumerate(sheets):
        low, high = k + 1, n - k
        left, right = (high, low) if k % 2 == 0 else (low, high)
        st = sheet["/TrimBox"]
        spine = (st[0] + st[2]) / 2
        check(f"side {k + 1}: twice the trim width", abs((st[2] - st[0]) - 2 * (trim[2] - trim[0])) < 0.01, str(st))
        h = sheet["/MediaBox"][3]
        for name, number, half in (("left", left, [st[0], st[1], spine, st[3]]),
                                   ("right", right, [spine, st[1], st[2], st[3]])):
            want = text_in(source_path, number, trim, page_h)
            got = text_in(spreads_path, k + 1, half, h)
            with_text += bool(want)
            check(f"side {k + 1} {name}: page {number}", got == want, f"{' '.join(got[:12])!r} != {' '.join(want[:12])!r}")
    check("the pages compared have text", with_text >= n * 3 // 4, f"{with_text} of {n}")


def safe_zone(path, limit_mm):
    """No word nearer the trim than `limit_mm`, on any page (pdftotext's word boxes: the font's
    ascent to descent, so a little more than the ink)."""
    import html.parser
    pdf = Pdf(path)
    pages = pdf.pages()
    limit = limit_mm * 72 / 25.4

    class Words(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.pages, self.word = [], None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "page":
                self.pages.append([])
            elif tag == "word":
                self.word = [float(a[k]) for k in ("xmin", "ymin", "xmax", "ymax")]

        def handle_data(self, data):
            if self.word is not None and data.strip():
                self.pages[-1].append((data.strip(), self.word))
                self.word = None

    parser = Words()
    parser.feed(run("pdftotext", "-bbox", path, "-"))
    check("a page of words for every page", len(parser.pages) == len(pages))
    words = 0
    for n, (page, found) in enumerate(zip(pages, parser.pages), 1):
        trim, top = page["/TrimBox"], page["/MediaBox"][3]
        # pdftotext measures from the top left of the page, y down.
        left, right, upper, lower = trim[0], trim[2], top - trim[3], top - trim[1]
        for text, (x0, y0, x1, y1) in found:
            words += 1
            room = min(x0 - left, right - x1, y0 - upper, lower - y1)
            check(f"page {n}: '{text}' at least {limit_mm} mm inside the trim", room >= limit - 0.01,
                  f"{room * 25.4 / 72:.2f} mm (box {x0:.1f} {y0:.1f} {x1:.1f} {y1:.1f})")
    check("words were found", words > 100, str(words))


TOKEN = re.compile(rb"\s*(?:(<<|>>|\[|\])|<([0-9A-Fa-f\s]*)>|\((?:\\.|[^\\()])*\)|(/[^\s/\[\]()<>{}%]*)|"
                   rb"([-+]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'\"*]+)|%[^\n]*)", re.S)


def shown_text(content):
    """(font resource name, size in points on the page) for each text-showing operator, following
    q/Q, cm, Tm and Tf: the size a reader sees, whatever the matrices."""
    def mul(a, b):
        return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
                a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]
    ctm, stack, tm, font, size, operands, depth = [1, 0, 0, 1, 0, 0], [], [1, 0, 0, 1, 0, 0], None, 0, [], 0
    out = []
    for m in TOKEN.finditer(content):
        delim, _hexstr, name, number, op = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
        if delim in (b"[", b"<<"):
            depth += 1
        elif delim in (b"]", b">>"):
            depth -= 1
        elif number is not None and depth == 0:
            operands.append(float(number))
        elif name is not None and depth == 0:
            operands.append(name.decode("latin-1"))
        elif op is not None:
            o = op.decode()
            if o == "q":
                stack.append(ctm)
            elif o == "Q":
                ctm = stack.pop() if stack else ctm
            elif o == "cm" and len(operands) >= 6:
                ctm = mul(operands[-6:], ctm)
            elif o == "BT":
                tm = [1, 0, 0, 1, 0, 0]
            elif o == "Tm" and len(operands) >= 6:
                tm = operands[-6:]
            elif o == "Tf" and len(operands) >= 2:
                font, size = operands[-2], operands[-1]
            elif o in ("TJ", "Tj", "'", '"'):
                t = mul(tm, ctm)
                scale = abs(t[0] * t[3] - t[1] * t[2]) ** 0.5
                out.append((font, size * scale))
            operands = []
    return out


def fonts_of(pdf, page):
    """Resource name -> (BaseFont without its subset tag, italic?)."""
    res = pdf.get(page.get("/Resources", {}))
    fonts = pdf.get(res.get("/Font", {}))
    out = {}
    for name, ref in fonts.items():
        font = pdf.get(ref)
        base = font.get("/BaseFont", "/?")[1:].split("+")[-1]
        desc = {}
        for d in font.get("/DescendantFonts", []):
            desc = pdf.get(pdf.get(d).get("/FontDescriptor", {}))
        desc = desc or pdf.get(font.get("/FontDescriptor", {}))
        italic = bool(desc.get("/Flags", 0) & 64) or desc.get("/ItalicAngle", 0) != 0 or \
            re.search(r"Italic|Oblique", base) is not None
        out[name] = (base, italic)
    return out


def sizes(path, minimum, no_italic, known):
    """Every piece of text at `minimum` pt or more (sizes listed in `known` are reported as known
    faults, and must still occur), and no italic face if `no_italic`."""
    pdf = Pdf(path)
    seen, known_seen, shown = {}, set(), 0
    for n, page in enumerate(pdf.pages(), 1):
        fonts = fonts_of(pdf, page)
        for font, size in shown_text(pdf.contents(page)):
            shown += 1
            base, italic = fonts.get(font, ("?", False))
            seen.setdefault((base, italic), set()).add(round(size, 2))
            if size < minimum - 0.005:
                if round(size, 1) in known:
                    known_seen.add(round(size, 1))
                else:
                    check(f"page {n}: {base} at {size:.2f} pt is under {minimum} pt", False)
            if no_italic:
                check(f"page {n}: {base} is italic", not italic)
    for (base, italic), s in sorted(seen.items()):
        print(f"{path}: {base}{' (italic)' if italic else ''}: {min(s):.2f} to {max(s):.2f} pt")
    check("text was found", shown > 50, str(shown))
    for k in sorted(known):
        if k in known_seen:
            print(f"XFAIL: {k} pt text under {minimum} pt (a known fault of layout: issue 13)")
        else:
            check(f"{k} pt is listed as a known fault but no longer occurs: take it off the list", False)


def word_boxes(path, page):
    """(word, xmin) of every word on `page`, from pdftotext -bbox."""
    xml = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), path, "-")
    return [(m.group(2), float(m.group(1))) for m in re.finditer(r'<word xMin="([-\d.]+)"[^>]*>([^<]*)</word>', xml)]


def creep(plain_path, creep_path, mm):
    """Each sheet's pages moved towards the spine by `mm` times its place from the outermost
    sheet (0) to the innermost (1): the left page right, the right page left."""
    sides = len(Pdf(plain_path).pages())
    sheets = sides // 2
    spine = Pdf(plain_path).pages()[0]["/TrimBox"]
    spine = (spine[0] + spine[2]) / 2
    for side in range(1, sides + 1):
        want = mm * 72 / 25.4 * ((side - 1) // 2) / max(1, sheets - 1)
        a, b = word_boxes(plain_path, side), word_boxes(creep_path, side)
        check(f"side {side}: the same words", [w for w, _ in a] == [w for w, _ in b])
        moves = {round((xb - xa) * (1 if xa < spine else -1), 1) for (_, xa), (_, xb) in zip(a, b)}
        check(f"side {side}: moved {want:.2f} pt towards the spine", all(abs(m - want) < 0.11 for m in moves),
              str(sorted(moves)))


def hue_of(r, g, b):
    """Hue in degrees, saturation and value of an RGB colour (0..255)."""
    mx, mn = max(r, g, b), min(r, g, b)
    if mx == mn:
        return 0.0, 0.0, mx / 255
    d = mx - mn
    h = ((g - b) / d) % 6 if mx == r else (b - r) / d + 2 if mx == g else (r - g) / d + 4
    return h * 60, d / mx, mx / 255


def colours(path, page, wanted):
    """Each colour is drawn on the page: 50 pixels at least (at 72 dpi) of its hue within 20
    degrees (a CMYK edition's rendering shifts hues a little), saturated, not dark."""
    _, _, pixels = render(path, page, "colours")
    counts = {}
    for i in range(0, len(pixels), 3):
        h, s, v = hue_of(pixels[i], pixels[i + 1], pixels[i + 2])
        if s > 0.35 and v > 0.25:
            key = int(h) // 5
            counts[key] = counts.get(key, 0) + 1
    for hexa in wanted:
        h, _, _ = hue_of(int(hexa[0:2], 16), int(hexa[2:4], 16), int(hexa[4:6], 16))
        near = sum(n for k, n in counts.items() if min(abs(k * 5 + 2.5 - h), 360 - abs(k * 5 + 2.5 - h)) <= 20)
        check(f"page {page}: #{hexa} is drawn", near >= 50, f"{near} pixels of its hue")


def main():
    kind = sys.argv[1]
    if kind == "pdfx":
        pdfx(sys.argv[2])
    elif kind == "sizes":
        known = {float(k) for k in sys.argv[5].split(",") if k} if len(sys.argv) > 5 else set()
        sizes(sys.argv[2], float(sys.argv[3]), sys.argv[4] == "no-italic", known)
    elif kind == "creep":
        creep(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif kind == "bleeds":
        bleeds(sys.argv[2])
    elif kind == "safe-zone":
        safe_zone(sys.argv[2], float(sys.argv[3]))
    elif kind == "impose":
        impose(sys.argv[2], sys.argv[3])
    elif kind == "marks":
        marks(sys.argv[2], sys.argv[3])
    elif kind == "colours":
        colours(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        sys.exit(f"unknown check {kind}")
    print(f"print checks {kind}: {failed} failed")
    sys.exit(min(failed, 100))


if __name__ == "__main__":
    main()
