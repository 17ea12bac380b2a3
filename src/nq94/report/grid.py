"""Tables for the terminal, drawn directly: text that wraps to the width, styles as ANSI codes.

The check table is nq94's most printed output, so it is drawn here rather than by a layout
engine: one wrapping column takes the width the others leave, and cells may hold styled parts.
Widths count terminal cells (combining marks take none, wide characters two), so Vietnamese
text lines up whether it is precomposed or not.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TextIO


class Part(NamedTuple):
    """Text with a style: space-separated words from bold, dim, italic, red, green, yellow."""

    text: str
    style: str = ""


Cell = str | Sequence[Part]
"""A cell: plain text, or styled parts; a newline starts a new line."""


class Column(NamedTuple):
    """A column: its header (a newline splits it), alignment, whether it wraps to take the width
    left over, and a style for its plain text."""

    header: str = ""
    right: bool = False
    wrap: bool = False
    min_width: int = 0
    style: str = ""


SECTION = None
"""A row that is this marker starts a new group of rows, drawn after a blank line."""

_CODES = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TOKENS = re.compile(r"\S+|\s+")


def width_for(out: TextIO) -> int:
    """Columns to draw in: $COLUMNS, else the terminal's width, else 120 for files and pipes."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    isatty = getattr(out, "isatty", None)
    if isatty and isatty():
        return shutil.get_terminal_size((120, 24)).columns
    return 120


def cell_width(text: str) -> int:
    """How many terminal cells a text takes."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def styled(text: str, style: str, *, color: bool) -> str:
    """Text in a style's ANSI codes, or as it is without colour."""
    if not color or not style or not text:
        return text
    codes = ";".join(_CODES[word] for word in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def clean(text: str) -> str:
    """Text safe to print: control characters that would move the cursor or restyle are shown
    as escapes, tabs as spaces, so a file name or a value cannot take over the terminal."""
    text = text.replace("\t", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def draw(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell] | None],
    out: TextIO,
    *,
    color: bool,
    title: str = "",
    caption: str = "",
    header: bool = True,
    expand: bool = False,
    width: int | None = None,
) -> None:
    """Write a table: title, header, a rule, the rows (groups split by SECTION), caption.

    The wrapping column takes the width left over when ``expand``, else as much as it needs.
    """
    width = width_for(out) if width is None else width
    body = [None if row is SECTION else [_parts(cell) for cell in row] for row in rows]
    widths = _widths(columns, body, width, header=header, expand=expand)
    inner = sum(widths) + 3 * len(widths) - 1  # one space of padding each side, one between
    lines: list[str] = []
    if title:
        lines += [_centre(clean(title), inner + 2, "bold", color=color), ""]
    if header:
        heads = [_parts([Part(column.header, "bold")]) for column in columns]
        lines += _row(columns, widths, heads, color=color)
        lines.append(" " + "─" * inner)
    started = False
    for row in body:
        if row is None:
            if started:
                lines.append("")
            continue
        started = True
        lines += _row(columns, widths, row, color=color)
    if caption:
        lines += ["", _centre(clean(caption), inner + 2, "dim", color=color)]
    out.write("".join(line.rstrip() + "\n" for line in lines))


def _parts(cell: Cell) -> list[list[Part]]:
    """A cell as lines of clean parts."""
    parts = [Part(cell)] if isinstance(cell, str) else cell
    lines: list[list[Part]] = [[]]
    for part in parts:
        for index, text in enumerate(part.text.split("\n")):
            if index:
                lines.append([])
            if text:
                lines[-1].append(Part(clean(text), part.style))
    return lines


def _line_width(line: list[Part]) -> int:
    return sum(cell_width(part.text) for part in line)


def _widths(
    columns: Sequence[Column],
    body: list[list[list[list[Part]]] | None],
    total: int,
    *,
    header: bool,
    expand: bool,
) -> list[int]:
    """Each column as wide as its widest line; the wrapping one takes what is left."""
    widths = []
    for index, column in enumerate(columns):
        widest = max(map(cell_width, column.header.split("\n"))) if header else 0
        for row in body:
            if row is not None and index < len(row):
                widest = max([widest, *(_line_width(line) for line in row[index])])
        widths.append(widest)
    for index, column in enumerate(columns):
        if column.wrap:
            others = sum(w for i, w in enumerate(widths) if i != index)
            left = total - others - 3 * len(columns) - 1
            widths[index] = max(column.min_width, left if expand else min(left, widths[index]))
    return widths


def _row(
    columns: Sequence[Column], widths: list[int], row: Sequence[list[list[Part]]], *, color: bool
) -> list[str]:
    """The printed lines of one row: every cell wrapped or padded to its column."""
    cells = []
    for index, (column, width) in enumerate(zip(columns, widths, strict=True)):
        lines = row[index] if index < len(row) else [[]]
        if column.wrap:
            lines = [wrapped for line in lines for wrapped in _wrap(line, width)]
        cells.append([_fit(line, width, column, color=color) for line in lines])
    height = max(len(cell) for cell in cells)
    printed = []
    for number in range(height):
        pieces = [
            cell[number] if number < len(cell) else " " * width
            for cell, width in zip(cells, widths, strict=True)
        ]
        printed.append("  " + "   ".join(pieces))
    return printed


def _fit(line: list[Part], width: int, column: Column, *, color: bool) -> str:
    text = "".join(styled(part.text, part.style or column.style, color=color) for part in line)
    space = " " * max(0, width - _line_width(line))
    return space + text if column.right else text + space


def _wrap(line: list[Part], width: int) -> list[list[Part]]:
    """Word-wrap a line of parts to ``width`` cells; a word longer than that is folded."""
    lines: list[list[Part]] = [[]]
    used = 0
    for part in line:
        for token in _TOKENS.findall(part.text):
            size = cell_width(token)
            if token.isspace():
                if used and used + size < width:
                    lines[-1].append(Part(token, part.style))
                    used += size
                continue
            if used + size > width and used:
                _trim(lines[-1])
                lines.append([])
                used = 0
            while size > width:  # fold a word wider than the column
                head, token = _split_at(token, width - used)
                lines[-1].append(Part(head, part.style))
                lines.append([])
                used, size = 0, cell_width(token)
            lines[-1].append(Part(token, part.style))
            used += size
    return lines


def _trim(line: list[Part]) -> None:
    """Drop trailing spaces at a wrap."""
    while line and line[-1].text.isspace():
        line.pop()


def _split_at(text: str, width: int) -> tuple[str, str]:
    """The longest head of ``text`` that fits ``width`` cells (at least one character)."""
    used = 0
    for index, char in enumerate(text):
        used += cell_width(char)
        if used > width:
            return text[: max(index, 1)], text[max(index, 1) :]
    return text, ""


def _centre(text: str, width: int, style: str, *, color: bool) -> str:
    pad = max(0, (width - cell_width(text)) // 2)
    return " " * pad + styled(text, style, color=color)
