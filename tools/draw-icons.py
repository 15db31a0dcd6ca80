#!/usr/bin/env python3
"""Draws the app's Teams icons (no image library needed): manifest/color.png 192x192 and manifest/outline.png 32x32.

The mark: a document with three task lines and a check, white on the brand blue (color) or white on transparent
(outline, as Teams requires). Run again after changing the drawing; the PNGs are committed.
"""
import struct, zlib, pathlib

def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    pathlib.Path(path).write_bytes(data)

def mark(u, v):
    """True where the white mark is, for u, v in [0, 1)."""
    in_page = 0.22 <= u <= 0.78 and 0.14 <= v <= 0.86
    border = in_page and (u < 0.27 or u > 0.73 or v < 0.19 or v > 0.81)
    lines = any(0.52 <= u <= 0.68 and abs(v - c) < 0.025 for c in (0.33, 0.50, 0.67))
    boxes = any(0.33 <= u <= 0.45 and abs(v - c) < 0.05 and (abs(u - 0.33) < 0.02 or abs(u - 0.45) < 0.02 or abs(v - c) > 0.03) for c in (0.33, 0.50, 0.67))
    return border or lines or boxes

BLUE = (15, 108, 189, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
png("manifest/color.png", 192, lambda x, y, s: WHITE if mark(x / s, y / s) else BLUE)
png("manifest/outline.png", 32, lambda x, y, s: WHITE if mark(x / s, y / s) else CLEAR)
