"""Test pictures of every kind leafpress reads, and damaged ones it must refuse.

Pictures PIL cannot write (16-bit colour, interlaced) are written here by hand: a PNG is a
signature and checksummed chunks around zlib data.
"""
import io
import struct
import zlib

from PIL import Image

W, H = 24, 16  # wider than tall and with no symmetry, so a wrong turn or mirror shows


def rgba(x, y):
    """The reference picture, as 8-bit RGBA."""
    return (x * 10, y * 15, (x * y * 3) % 256, 255 if x < 12 else 60 + x * 6)


def grey(x, y):
    return (x * 7 + y * 5) % 256


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png_bytes(samples, colour_type, depth, interlaced=False, width=W, height=H, extra=b""):
    """samples(x, y) -> tuple of 8-bit values; 16-bit samples repeat the byte (v * 257)."""
    def row(y, xs):
        out = b"\0"  # filter type None
        for x in xs:
            for v in samples(x, y):
                out += struct.pack(">H", v * 257) if depth == 16 else bytes([v])
        return out

    raw = b""
    if interlaced:
        for x0, y0, dx, dy in ADAM7:
            xs = list(range(x0, width, dx))
            if xs:
                for y in range(y0, height, dy):
                    raw += row(y, xs)
    else:
        for y in range(height):
            raw += row(y, range(width))
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 1 if interlaced else 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def pil_bytes(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def reference(mode):
    image = Image.new("RGBA", (W, H))
    image.putdata([rgba(x, y) for y in range(H) for x in range(W)])
    return image.convert(mode)


def grey_image():
    image = Image.new("L", (W, H))
    image.putdata([grey(x, y) for y in range(H) for x in range(W)])
    return image


def palette_with_transparency():
    image = reference("RGB").quantize(colors=16)
    return pil_bytes(image, "PNG", transparency=bytes(range(255, 0, -16)))


def cmyk_jpeg():
    # Black ink in steps (any reader turns those into the same greys) and a block of cyan.
    image = Image.new("CMYK", (W, H))
    image.putdata([(255, 0, 0, 0) if x >= 18 and y < 6 else (0, 0, 0, x * 10) for y in range(H) for x in range(W)])
    return pil_bytes(image, "JPEG", quality=95)


def oriented_jpeg(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    return pil_bytes(reference("RGB"), "JPEG", quality=95, exif=exif.tobytes())


def arithmetic_jpeg():
    # Arithmetic coding, which PDF's DCTDecode need not read: leafpress decodes it instead.
    # jpegtran is libjpeg-turbo-progs's (scripts/setup.sh).
    import subprocess
    baseline = pil_bytes(reference("RGB"), "JPEG", quality=95)
    return subprocess.run(["jpegtran", "-arithmetic"], input=baseline, capture_output=True, check=True).stdout


def good_pictures():
    """name -> bytes; the names say what each is (and one JPEG is named .png)."""
    ga = lambda x, y: (grey(x, y), rgba(x, y)[3])
    c = lambda x, y: rgba(x, y)[:3]
    return {
        "grey8.png": pil_bytes(grey_image(), "PNG"),
        "grey16.png": png_bytes(lambda x, y: (grey(x, y),), 0, 16),
        "grey1.png": pil_bytes(grey_image().point(lambda v: 255 if v > 100 else 0).convert("1"), "PNG"),
        "grey-alpha8.png": png_bytes(ga, 4, 8),
        "grey-alpha16.png": png_bytes(ga, 4, 16),
        "rgb8.png": pil_bytes(reference("RGB"), "PNG"),
        "rgb16.png": png_bytes(c, 2, 16),
        "rgba8.png": pil_bytes(reference("RGBA"), "PNG"),
        "rgba16.png": png_bytes(rgba, 6, 16),
        "palette-trns.png": palette_with_transparency(),
        "interlaced-rgba8.png": png_bytes(rgba, 6, 8, interlaced=True),
        "interlaced-grey16.png": png_bytes(lambda x, y: (grey(x, y),), 0, 16, interlaced=True),
        "baseline.jpg": pil_bytes(reference("RGB"), "JPEG", quality=95),
        "progressive.jpg": pil_bytes(reference("RGB"), "JPEG", quality=95, progressive=True),
        "grey.jpg": pil_bytes(grey_image(), "JPEG", quality=95),
        "cmyk.jpg": cmyk_jpeg(),
        "exif-3.jpg": oriented_jpeg(3),
        "exif-6.jpg": oriented_jpeg(6),
        "exif-8.jpg": oriented_jpeg(8),
        "exif-5.jpg": oriented_jpeg(5),
        "jpeg-named.png": pil_bytes(reference("RGB"), "JPEG", quality=95),
        "arithmetic.jpg": arithmetic_jpeg(),
    }


def with_bad_crc(png):
    # The IDAT chunk's checksum, one bit flipped.
    at = png.index(b"IDAT")
    length = struct.unpack(">I", png[at - 4:at])[0]
    end = at + 4 + length
    return png[:end] + bytes([png[end] ^ 1]) + png[end + 1:]


def without_plte(png):
    at = png.index(b"PLTE") - 4
    length = struct.unpack(">I", png[at:at + 4])[0]
    return png[:at] + png[at + 12 + length:]


def huge_png():
    # A header claiming 100000x100000 pixels before a few rows' worth of data.
    small = png_bytes(lambda x, y: (0, 0, 0), 2, 8)
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    return small[:8] + chunk(b"IHDR", ihdr) + small[8 + 25:]


def huge_jpeg(jpeg, size):
    at = jpeg.index(b"\xff\xc0")  # the frame header: length, precision, height, width
    return jpeg[:at + 5] + struct.pack(">HH", size, size) + jpeg[at + 9:]


def damaged_pictures():
    """name -> (bytes, what the refusal says)."""
    rgb = pil_bytes(reference("RGB"), "PNG")
    jpeg = pil_bytes(reference("RGB"), "JPEG", quality=95)
    palette = pil_bytes(reference("RGB").quantize(colors=16), "PNG")
    return {
        "bad-crc.png": (with_bad_crc(rgb), "damaged PNG: IDAT: CRC error"),
        "truncated.png": (rgb[:len(rgb) // 2], "damaged PNG: the file is truncated"),
        "no-plte.png": (without_plte(palette), "damaged PNG:"),
        "huge.png": (huge_png(),
                     "the picture has 100000x100000 pixels, over the limit of 50 megapixels"),
        "truncated.jpg": (jpeg[:len(jpeg) // 2], "damaged JPEG: Premature end of JPEG file"),
        "huge.jpg": (huge_jpeg(jpeg, 40000), "the picture has 40000x40000 pixels, over the limit of 50 megapixels"),
        "huge-65535.jpg": (huge_jpeg(jpeg, 65535), "damaged JPEG: Maximum supported image dimension is 65500 pixels"),
        "text.png": (b"hello, I am not a picture\n", "not a PNG or JPEG picture"),
        "empty.jpg": (b"", "not a PNG or JPEG picture"),
    }


if __name__ == "__main__":
    # Writes the damaged pictures the fault corpus (tests/bad/) names: make_pictures.py DIR
    import os
    import sys
    for name, (data, _) in damaged_pictures().items():
        with open(os.path.join(sys.argv[1], name), "wb") as f:
            f.write(data)
