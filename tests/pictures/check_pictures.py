"""Every kind of picture through leafpress's PDF writer and back through a renderer.

usage: check_pictures.py PICTURE_PDF_TOOL WORK_DIR
Each good picture is put on a page of its own size (tests/pictures/picture_pdf.cpp), the page is
rendered by pdftoppm, and its pixels are compared with the source's, composited on
white with its EXIF orientation applied. Each damaged picture must be refused with its message.
"""
import os
import subprocess
import sys

from PIL import Image, ImageOps

import make_pictures as mp

tool, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
failures = []


def expected_rgb(name, path):
    if name.endswith("16.png") or name.startswith("grey-alpha"):
        # Written by hand at 16 bits (each byte twice) or as grey+alpha: compose from the model.
        image = Image.new("RGBA", (mp.W, mp.H))
        if name.startswith("grey-alpha"):
            data = [(mp.grey(x, y),) * 3 + (mp.rgba(x, y)[3],) for y in range(mp.H) for x in range(mp.W)]
        elif name.startswith("grey") or name == "interlaced-grey16.png":
            data = [(mp.grey(x, y),) * 3 + (255,) for y in range(mp.H) for x in range(mp.W)]
        elif name.startswith("rgba"):
            data = [mp.rgba(x, y) for y in range(mp.H) for x in range(mp.W)]
        else:
            data = [mp.rgba(x, y)[:3] + (255,) for y in range(mp.H) for x in range(mp.W)]
        image.putdata(data)
    elif name == "cmyk.jpg":
        # Black ink alone: poppler's device CMYK to RGB takes full black to (35, 31, 32), not 0.
        source = Image.open(path)
        image = Image.new("RGBA", source.size)
        image.putdata([tuple(round(255 - k * (255 - b) / 255) for b in (35, 31, 32)) + (255,)
                       for (_, _, _, k) in source.getdata()])
    else:
        image = ImageOps.exif_transpose(Image.open(path)).convert("RGBA")
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, image).convert("RGB")


def compare(name, got, want, tolerance):
    if got.size != want.size:
        return f"rendered {got.size}, expected {want.size}"
    worst, total = 0, 0
    for y in range(want.size[1]):
        for x in range(want.size[0]):
            if name == "cmyk.jpg" and x >= 18 and y < 6:
                r, g, b = got.getpixel((x, y))
                if not (r < 80 and g > 120 and b > 180):
                    return f"cyan ink at {x},{y} rendered as {(r, g, b)}"
                continue
            d = max(abs(a - b) for a, b in zip(got.getpixel((x, y)), want.getpixel((x, y))))
            worst, total = max(worst, d), total + d
    mean = total / (want.size[0] * want.size[1])
    if worst > tolerance or mean > tolerance / 4:
        return f"pixels differ: worst {worst}, mean {mean:.2f} (tolerance {tolerance})"
    return None


def check_good(name, data):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(data)
    pdf = path + ".pdf"
    run = subprocess.run([tool, path, pdf], capture_output=True, text=True)
    if run.returncode != 0:
        return f"refused: {run.stderr.strip()}"
    # A JPEG goes in as it is, unless PDF readers need not read its coding; the rest is deflated.
    with open(pdf, "rb") as f:
        body = f.read()
    passed_through = data[:2] == b"\xff\xd8" and name != "arithmetic.jpg"
    if (b"/DCTDecode" in body) != passed_through:
        return "JPEG data should pass through as DCTDecode" if passed_through else "should be deflated, not DCTDecode"
    # At 4 pixels a point and read at each block's centre: at 72 dpi poppler resamples the picture.
    subprocess.run(["pdftoppm", "-r", "288", "-png", "-singlefile", pdf, path + ".render"], check=True)
    big = Image.open(path + ".render.png").convert("RGB")
    got = Image.new("RGB", (big.size[0] // 4, big.size[1] // 4))
    got.putdata([big.getpixel((4 * x + 2, 4 * y + 2)) for y in range(got.size[1]) for x in range(got.size[0])])
    # A JPEG is decoded by the renderer's own libjpeg: allow for its rounding.
    tolerance = 24 if name.endswith(".jpg") or name == "jpeg-named.png" else 3
    return compare(name, got, expected_rgb(name, path), tolerance)


def check_damaged(name, data, message):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(data)
    run = subprocess.run([tool, path, path + ".pdf"], capture_output=True, text=True)
    if run.returncode != 1:
        return f"exit {run.returncode} (expected 1): {run.stderr.strip()}"
    if message not in run.stderr:
        return f"'{message}' not in: {run.stderr.strip()}"
    if os.path.exists(path + ".pdf"):
        return "a PDF was left"
    return None


for name, data in mp.good_pictures().items():
    problem = check_good(name, data)
    print(f"{'FAIL' if problem else 'ok'}: {name}{': ' + problem if problem else ''}")
    if problem:
        failures.append(name)
for name, (data, message) in mp.damaged_pictures().items():
    problem = check_damaged(name, data, message)
    print(f"{'FAIL' if problem else 'ok'}: refuses {name}{': ' + problem if problem else ''}")
    if problem:
        failures.append(name)
print(f"pictures: {len(failures)} failed")
sys.exit(1 if failures else 0)
