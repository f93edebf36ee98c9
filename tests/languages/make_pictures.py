#!/usr/bin/env python3
"""The languages report's two pictures, drawn here so that no binary is committed: PNGs written
with zlib, fine enough for every edition (1600 pixels across).

usage: make_pictures.py FOLDER   writes FOLDER/hills.png and FOLDER/lighthouse.png
"""
import math
import struct
import sys
import zlib

WIDTH, HEIGHT = 1600, 1000


def png(path, rows):
    """An 8-bit RGB PNG of `rows` (bytes of 3 * WIDTH each)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, len(rows), 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def hills():
    """Green hills under a pale sky."""
    tops = [HEIGHT * (0.55 + 0.12 * math.sin(x / 210.0) + 0.05 * math.sin(x / 67.0 + 1)) for x in range(WIDTH)]
    rows = []
    for y in range(HEIGHT):
        sky = bytes((170 + y * 60 // HEIGHT, 200 + y * 40 // HEIGHT, 240))
        grass = bytes((40 + y * 40 // HEIGHT, 120 + y * 60 // HEIGHT, 50))
        rows.append(b"".join(grass if y >= t else sky for t in tops))
    return rows


def lighthouse():
    """A white tower with a red band on a blue sea."""
    rows = []
    for y in range(HEIGHT):
        sea = y > HEIGHT * 0.7
        ground = bytes((30, 70, 140)) if sea else bytes((220, 230, 245))
        half = int(60 + 40 * y / HEIGHT)  # the tower widens towards its foot
        tower = bytes((200, 30, 40)) if HEIGHT * 0.35 < y < HEIGHT * 0.45 else bytes((250, 250, 250))
        row = bytearray(ground * WIDTH)
        if HEIGHT * 0.15 < y <= HEIGHT * 0.7:
            row[3 * (800 - half):3 * (800 + half)] = tower * (2 * half)
        rows.append(bytes(row))
    return rows


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    png(f"{folder}/hills.png", hills())
    png(f"{folder}/lighthouse.png", lighthouse())
