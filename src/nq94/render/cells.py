"""What every spreadsheet nq94 writes needs of its cells: text no spreadsheet runs as a formula,
the height a row of wrapped text takes, and text cut to what a cell holds."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from nq94.errors import escaped

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes for the start of a formula in a cell."""


def safe(value: Any) -> str:
    """A cell's text; text a spreadsheet would run as a formula is prefixed with a quote, and
    control characters are escapes (a note's newline cannot start a line of its own)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    text = escaped(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


CELL_LIMIT = 32_767
"""The most characters Excel holds in a cell; a longer source or note goes on in the cells below
it (rows that hold nothing else), so that nothing is cut off."""

LINE_HEIGHT = 15
"""Points a line of text takes in the default font: a row of wrapped text is given its height,
which spreadsheet programs do not always work out when they open a file (LibreOffice prints
the lines over each other)."""


def row_height(cells: Iterable[tuple[str, float]]) -> float:
    """The height of a row whose ``cells`` (a text, and its column's width in characters) wrap
    at spaces: as many lines as the longest needs."""
    lines = (
        sum(max(1, len(textwrap.wrap(part, int(width)))) for part in text.split("\n"))
        for text, width in cells
    )
    return LINE_HEIGHT * max(lines, default=1)


def pieces(text: str, limit: int = CELL_LIMIT) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` UTF-16 units (as Excel counts), which
    joined give it back; a piece after the first does not start with a character a spreadsheet
    would take for a formula, nor with a combining mark, when a cut a little earlier avoids it."""
    found: list[str] = []
    start = 0
    while _units(text[start : start + limit + 1]) > limit:
        end = min(start + limit, len(text))
        while (over := _units(text[start:end]) - limit) > 0 and end > start + 1:
            end -= (over + 1) // 2  # characters outside the BMP are two units each
        cut = end
        while cut > max(start + 1, end - 64) and _awkward(text[cut]):
            cut -= 1
        end = end if _awkward(text[cut]) else cut
        found.append(text[start:end])
        start = end
    found.append(text[start:])
    return found


def _awkward(character: str) -> bool:
    return character in FORMULA_START or unicodedata.combining(character) != 0


def _units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
