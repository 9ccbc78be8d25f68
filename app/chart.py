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
LEFT, RIGHT, TOP, BOTTOM = 16, WIDTH - 16, 42, HEIGHT - 34  # TOP leaves room for a full bar's count under the title


@lru_cache(maxsize=8)
def _fonts():
    from PIL import ImageFont

    return ImageFont.load_default(size=12), ImageFont.load_default(size=11)


def _slots() -> list[tuple[float, float]]:
    slot = (RIGHT - LEFT) / 7
    return [(LEFT + i * slot + slot * 0.2, LEFT + (i + 1) * slot - slot * 0.2) for i in range(7)]


@lru_cache(maxsize=8)
def _frame(monday: str):
    """The week's title, axis and day labels, drawn once and copied for every digest of that week."""
    from PIL import Image, ImageDraw

    font, small = _fonts()
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.text((LEFT, 6), "Reports per day (dark: new stories, light: updates)", fill=INK, font=font)
    draw.line([(LEFT, BOTTOM), (RIGHT, BOTTOM)], fill=GRID, width=1)
    start = date.fromisoformat(monday)
    for i, (x0, x1) in enumerate(_slots()):
        day = start + timedelta(days=i)
        draw.text(((x0 + x1) / 2, BOTTOM + 5), day.strftime("%a"), fill=INK, font=small, anchor="mt")
        draw.text(((x0 + x1) / 2, BOTTOM + 18), day.strftime("%d %b"), fill=INK, font=small, anchor="mt")
    return image


@lru_cache(maxsize=512)
def week_chart(counts: tuple[tuple[int, int], ...], monday: str) -> bytes:
    """PNG bars for (new, update) counts Monday..Sunday, the week starting `monday` (YYYY-MM-DD)."""
    from PIL import Image, ImageDraw

    _, small = _fonts()
    image = _frame(monday).copy()
    draw = ImageDraw.Draw(image)
    peak = max((new + upd for new, upd in counts), default=0) or 1
    for (x0, x1), (new, upd) in zip(_slots(), counts, strict=True):
        height_new = (BOTTOM - TOP) * new / peak
        height_upd = (BOTTOM - TOP) * upd / peak
        if new:
            draw.rectangle([x0, BOTTOM - height_new, x1, BOTTOM], fill=NEW_COLOUR)
        if upd:
            draw.rectangle([x0, BOTTOM - height_new - height_upd, x1, BOTTOM - height_new], fill=UPDATE_COLOUR)
        if new + upd:
            draw.text(
                ((x0 + x1) / 2, BOTTOM - height_new - height_upd - 2), str(new + upd), fill=INK, font=small, anchor="mb"
            )
    buffer = io.BytesIO()
    # An 8-bit palette PNG is a third the size of RGB and encodes ten times faster; the
    # chart only holds our colours and the anti-aliased ink-on-white of its text.
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _palette():
    from PIL import Image

    colours = [(255, 255, 255), NEW_COLOUR, UPDATE_COLOUR, GRID]
    # Ink towards white for the text's anti-aliased edges, stopping short of white: Pillow's
    # palette lookup is approximate, and a near-white entry would take the background.
    steps = 40
    colours += [tuple(round(i + (255 - i) * k / steps) for i in INK) for k in range(steps - 6)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette
