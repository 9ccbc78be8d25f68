"""The digest's timeline chart: reports per day of the week, new stories and updates stacked.

Drawn with Pillow (already installed with Streamlit) rather than matplotlib
or vl-convert: a thousand digests need a thousand charts, Pillow draws one
in about a millisecond with no browser engine or font cache to warm up,
and identical weeks share one PNG through the cache.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from functools import lru_cache

WIDTH, HEIGHT = 560, 170
NEW_COLOUR = (37, 99, 235)
UPDATE_COLOUR = (147, 197, 253)
INK = (55, 65, 81)
GRID = (229, 231, 235)


@lru_cache(maxsize=512)
def week_chart(counts: tuple[tuple[int, int], ...], monday: str) -> bytes:
    """PNG bars for (new, update) counts Monday..Sunday, the week starting `monday` (YYYY-MM-DD)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=12)
    small = ImageFont.load_default(size=11)
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 16, WIDTH - 16, 28, HEIGHT - 34
    draw.text((left, 6), "Reports per day (dark: new stories, light: updates)", fill=INK, font=font)
    draw.line([(left, bottom), (right, bottom)], fill=GRID, width=1)
    peak = max((new + upd for new, upd in counts), default=0) or 1
    slot = (right - left) / 7
    start = date.fromisoformat(monday)
    for i, (new, upd) in enumerate(counts):
        x0 = left + i * slot + slot * 0.2
        x1 = left + (i + 1) * slot - slot * 0.2
        height_new = (bottom - top) * new / peak
        height_upd = (bottom - top) * upd / peak
        if new:
            draw.rectangle([x0, bottom - height_new, x1, bottom], fill=NEW_COLOUR)
        if upd:
            draw.rectangle([x0, bottom - height_new - height_upd, x1, bottom - height_new], fill=UPDATE_COLOUR)
        total = new + upd
        if total:
            draw.text(((x0 + x1) / 2, bottom - height_new - height_upd - 2), str(total), fill=INK, font=small, anchor="mb")
        day = start + timedelta(days=i)
        draw.text(((x0 + x1) / 2, bottom + 5), day.strftime("%a"), fill=INK, font=small, anchor="mt")
        draw.text(((x0 + x1) / 2, bottom + 18), day.strftime("%d %b"), fill=INK, font=small, anchor="mt")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
