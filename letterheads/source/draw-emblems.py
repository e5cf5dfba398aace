#!/usr/bin/env python3
"""Draws the two fictitious emblems of the example letterheads as PNG files, with nothing
but Python's standard library (zlib, struct): no real coat of arms is copied.

  regional-administration-emblem.png  a shield: blue field, white house, gold heart
  municipality-emblem.png             a round seal: green ring, white tower over a river

usage: draw-emblems.py OUTPUT_FOLDER
"""
import math, struct, sys, zlib

SS = 3  # samples per pixel side (anti-aliasing)

def png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    r, g, b, a = pixel((x + (sx + 0.5) / SS) / width, (y + (sy + 0.5) / SS) / height)
                    acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if acc[3] > 0:
                rows += bytes((round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)))
            else:
                rows += b"\0\0\0\0"
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    data += chunk(b"pHYs", struct.pack(">IIB", 11811, 11811, 1))  # 300 dpi
    data += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)

NAVY, BLUE, WHITE, GOLD, RED = (24, 45, 92, 255), (47, 93, 168, 255), (255, 255, 255, 255), (224, 176, 48, 255), (190, 40, 50, 255)
GREEN, DARKGREEN, RIVER, CLEAR = (46, 125, 79, 255), (22, 72, 44, 255), (70, 140, 200, 255), (0, 0, 0, 0)

def shield_width(v):
    """Half-width of the shield at height v (0 top, 1 point), in units of the half-width."""
    if v < 0 or v > 1: return -1
    return 1.0 if v < 0.5 else math.sqrt(max(0.0, 1 - ((v - 0.5) / 0.5) ** 2)) ** 0.8

def shield(u, v):
    x, y = (u - 0.5) * 2.1, v * 1.06 - 0.02          # x in -1.05..1.05, y in -0.02..1.04
    if shield_width(y) < 0 or abs(x) > shield_width(y): return CLEAR
    inner = y > 0.05 and y < 0.95 and abs(x) < shield_width((y - 0.05) / 0.9) * 0.88
    if not inner: return NAVY
    # house: roof triangle and walls, with a door
    if 0.22 <= y <= 0.42 and abs(x) <= (y - 0.22) / 0.20 * 0.62: return WHITE
    if 0.42 <= y <= 0.75 and abs(x) <= 0.48:
        # gold heart inside the house
        hx, hy = x / 0.19, -(y - 0.60) / 0.14   # the classic heart curve, y upwards
        if (hx * hx + hy * hy - 1) ** 3 - hx * hx * hy ** 3 <= 0: return RED
        return WHITE
    if 0.78 <= y <= 0.84 and abs(x) <= 0.62: return GOLD
    return BLUE

def seal(u, v):
    x, y = u * 2 - 1, v * 2 - 1
    r = math.hypot(x, y)
    if r > 1: return CLEAR
    if r > 0.93: return DARKGREEN
    if r > 0.86: return WHITE
    if r > 0.80: return DARKGREEN
    # river: two wavy bands in the lower part
    wave = 0.04 * math.sin(x * 9)
    if 0.42 + wave < y < 0.52 + wave or 0.60 + wave < y < 0.68 + wave: return RIVER
    # tower with three merlons and a gate
    if -0.28 <= x <= 0.28 and -0.35 <= y <= 0.42:
        if -0.09 <= x <= 0.09 and 0.18 <= y <= 0.42: return DARKGREEN
        if -0.05 <= x <= 0.05 and -0.20 <= y <= -0.05: return DARKGREEN
        return WHITE
    if -0.55 <= y < -0.35 and -0.34 <= x <= 0.34 and (int((x + 0.34) / 0.136) % 2 == 0): return WHITE
    return GREEN

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    png(f"{out}/regional-administration-emblem.png", 300, 352, shield)
    png(f"{out}/municipality-emblem.png", 320, 320, seal)
