#!/usr/bin/env python3
"""Reads a built booklet back as a reader would and checks it against the report's source text.

usage: report_checks.py BOOKLET.pdf SEED.txt MIN_COVERAGE_PERCENT

- in-order coverage: the share of the seed's words found in the PDF's text in the same order
  (a lower bound of the longest common subsequence, from difflib's matching blocks);
- the contents: every entry's page number is the page where that title is printed, the entry
  is a link to that page, and a bookmark points there too.
"""
import difflib
import json
import re
import subprocess
import sys
import unicodedata

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name}" + (f": {detail}" if detail else ""))


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,115 and 1115 are one number
    return re.findall(r"[\w']+", text)


def turned_and_upright(pdf, page):
    dirs = set(re.findall(r'<line [^>]*dir="(-?[\d.]+) ', run("mutool", "draw", "-F", "stext", "-o", "-", pdf, str(page))))
    return any(float(d) < 0 for d in dirs) and any(float(d) > 0 for d in dirs)


def squash(text):
    return " ".join(text.split())


def main():
    pdf, seed, minimum = sys.argv[1], sys.argv[2], float(sys.argv[3])

    seed_words = words(open(seed, encoding="utf-8").read())
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.M).group(1))
    # In the order pdftotext reads the page (as a reader copies it), and in the content
    # streams' order (as the layout wrote it). poppler reads a page one way up, the way most of
    # its letters are: a puzzle page whose turned answers outnumber its questions it reads upside
    # down, last line first. Such a page (mutool finds lines both ways up on it) counts in its
    # content order, which is the reading order of a page meant to be turned.
    turned = [n for n in range(1, pages + 1) if turned_and_upright(pdf, n)]
    print(f"pages with text both ways up: {turned}")
    for mode, args in (("reading order", []), ("content order", ["-raw"])):
        pdf_words = []
        for n in range(1, pages + 1):
            page_args = ["-raw"] if n in turned else args
            pdf_words += words(run("pdftotext", *page_args, "-f", str(n), "-l", str(n), pdf, "-"))
        matcher = difflib.SequenceMatcher(None, seed_words, pdf_words, autojunk=False)
        found = sum(block.size for block in matcher.get_matching_blocks())
        coverage = 100.0 * found / len(seed_words)
        print(f"in-order coverage, {mode}: {coverage:.1f}% ({found} of {len(seed_words)} seed words)")
        check(f"in-order coverage, {mode}", coverage >= minimum, f"{coverage:.1f}% < {minimum}%")

    page_text = [squash(run("pdftotext", "-f", str(n), "-l", str(n), pdf, "-")) for n in range(1, pages + 1)]
    contents_page = next((n for n in range(1, pages + 1) if page_text[n - 1].startswith("Contents")), None)
    check("a contents page", contents_page is not None)
    if contents_page is None:
        return
    layout = run("pdftotext", "-layout", "-f", str(contents_page), "-l", str(contents_page), pdf, "-")
    entries, pending = [], []
    for line in layout.splitlines()[1:]:
        m = re.match(r"^\s*(.*?)\s+(\d+)\s*$", line)
        if m and m.group(1):
            entries.append((squash(" ".join(pending + [m.group(1)])), int(m.group(2))))
            pending = []
        elif line.strip():
            pending.append(line.strip())
    # The last "entry" is the running footer: the short title and the page number.
    entries = [e for e in entries if e[1] != contents_page]
    print(f"contents entries: {len(entries)}")
    check("the contents lists the sections", len(entries) >= 5, str(entries))
    for title, number in entries:
        check(f"'{title}' is printed on page {number}",
              1 <= number <= pages and title in page_text[number - 1],
              page_text[number - 1][:200] if 1 <= number <= pages else "no such page")
        check(f"'{title}' starts on page {number}, not before",
              number - 1 <= contents_page or title not in page_text[number - 2])

    outline = run("mutool", "show", pdf, "outline")
    bookmarks = {}
    for line in outline.splitlines():
        m = re.match(r'^[|+-]\t"(.*)"\t#page=(\d+)', line)
        if m:
            bookmarks[squash(m.group(1))] = int(m.group(2))
    for title, number in entries:
        check(f"bookmark for '{title}'", bookmarks.get(title) == number, str(bookmarks.get(title)))

    # The contents' links, from qpdf's JSON: each entry's annotation points at its page.
    doc = json.loads(run("qpdf", "--json=2", pdf))
    objects = doc["qpdf"][1]
    page_refs = [p["object"] for p in doc["pages"]]
    contents_obj = objects[f"obj:{page_refs[contents_page - 1]}"]["value"]
    targets = []
    for ref in contents_obj.get("/Annots", []):
        annot = objects[f"obj:{ref}"]["value"]
        dest = annot.get("/Dest")
        if isinstance(dest, str):  # an indirect destination array
            dest = objects[f"obj:{dest}"]["value"]
        if annot.get("/Subtype") == "/Link" and dest:
            targets.append(page_refs.index(dest[0]) + 1)
    check("one link per contents entry", len(targets) == len(entries), f"{len(targets)} links")
    for (title, number), target in zip(entries, targets):
        check(f"the link of '{title}' goes to page {number}", target == number, str(target))


main()
print(f"report checks: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
