#!/usr/bin/env python3
"""Draws the fictitious emblem of the example letterhead (source/logo.png): a heraldic
shield with a crown, a chevron and two figures (an adult and a child) under a star.
Needs Pillow (pip install pillow). The PNG is embedded in template.fodt as
office:binary-data (base64); after re-drawing it, paste the new base64 there
(base64 -w 76 source/logo.png)."""
import sys
from pathlib import Path
from PIL import Image, ImageDraw

S = 4                      # supersampling factor, for smooth edges
W, H = 200, 240            # final size in pixels
BLUE, GOLD, WHITE, RED, DARK = (28, 63, 130), (226, 178, 40), (255, 255, 255), (176, 35, 45), (20, 30, 60)

def shield(x0, y0, x1, y1, n=60):
    """Outline of a heater shield: straight top and sides, curved point at the bottom."""
    pts = [(x0, y0), (x1, y0), (x1, y0 + (y1 - y0) * 0.45)]
    cx, cy = (x0 + x1) / 2, y1
    # right curve down to the point, then left curve up (quadratic Bézier curves)
    def bez(p0, p1, p2):
        return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
                 (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]) for t in (i / n for i in range(1, n + 1))]
    pts += bez((x1, y0 + (y1 - y0) * 0.45), (x1, y1 - (y1 - y0) * 0.12), (cx, cy))
    pts += bez((cx, cy), (x0, y1 - (y1 - y0) * 0.12), (x0, y0 + (y1 - y0) * 0.45))
    return [(x * S, y * S) for x, y in pts]

img = Image.new("RGBA", (W * S, H * S), (0, 0, 0, 0))
d = ImageDraw.Draw(img)

# crown: a band with three points and three jewels
d.polygon([(p[0] * S, p[1] * S) for p in [(52, 46), (148, 46), (156, 14), (128, 30), (100, 6), (72, 30), (44, 14)]], fill=GOLD, outline=DARK, width=2 * S)
for cx in (44, 100, 156):
    d.ellipse([(cx - 6) * S, (cy := (14 if cx != 100 else 6)) * S - 6 * S, (cx + 6) * S, cy * S + 6 * S], fill=RED, outline=DARK, width=S)
d.rectangle([52 * S, 44 * S, 148 * S, 54 * S], fill=GOLD, outline=DARK, width=2 * S)

# shield: dark outline, gold border, blue field
d.polygon(shield(14, 58, 186, 236), fill=DARK)
d.polygon(shield(19, 63, 181, 230), fill=GOLD)
d.polygon(shield(27, 71, 173, 220), fill=BLUE)

# chevron
d.polygon([(p[0] * S, p[1] * S) for p in [(27, 190), (100, 128), (173, 190), (173, 168), (100, 106), (27, 168)]], fill=WHITE)

# star above the chevron
import math
star = []
for i in range(10):
    r = 20 if i % 2 == 0 else 8
    a = -math.pi / 2 + i * math.pi / 5
    star.append(((100 + r * math.cos(a)) * S, (92 + r * math.sin(a)) * S))
d.polygon(star, fill=GOLD)

# two figures under the chevron: an adult and a child holding hands
def figure(cx, top, h):
    head = h * 0.22
    d.ellipse([(cx - head / 2) * S, top * S, (cx + head / 2) * S, (top + head) * S], fill=GOLD)
    d.polygon([((cx - h * 0.2) * S, (top + h) * S), ((cx + h * 0.2) * S, (top + h) * S), (cx * S, (top + head + 1) * S)], fill=GOLD)
figure(80, 158, 52)
figure(122, 178, 34)
d.line([(84 * S, 180 * S), (119 * S, 190 * S)], fill=GOLD, width=3 * S)

out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("logo.png"))
img.resize((W, H), Image.LANCZOS).quantize(64).save(out, optimize=True)
print(out)
