"""Tables for people on a terminal: the width to draw in, text made safe to show, and the choice
of the layout that fits; Rich draws them, imported only when a table is drawn.

A table comes in layouts, the most detailed first (numbers side by side, then stacked, then
merged into the words). The first whose columns fit the width is drawn: the column of words folds
to take the width the others leave, never narrower than its longest id; numbers never wrap;
statuses and labels may go onto more lines at spaces.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from nq94.errors import escaped

if TYPE_CHECKING:  # Rich is imported where a table is drawn, so that other outputs start fast
    from rich.console import Console, RenderableType
    from rich.text import Text

PIPE_WIDTH = 120
"""Columns for files and pipes, when $COLUMNS does not say."""

MAX_WIDTH = 1000
"""The widest drawn, whatever $COLUMNS says: the rules and titles span the width."""

COMFORTABLE = 40
"""The width the words column reads well at: other columns' headers and labels wrap to give it
that much, and a simpler layout is drawn before a fuller one that cannot."""

GAP = 3
"""Cells between two columns: a space of padding each side of a space."""


class Part(NamedTuple):
    """Text in a style: space-separated words from bold, dim, italic, red, green, yellow."""

    text: str
    style: str = ""


Cell = str | Sequence[Part]
"""A cell: plain text, or styled parts; a newline starts a new line."""

Row = Sequence[Cell] | None
"""A row of cells, or SECTION."""

SECTION = None
"""A row that is this marker starts a new group of rows, drawn after a blank line."""


class Column(NamedTuple):
    """A column: its header, alignment and kind.

    ``words`` marks the column that folds to take the width the others leave (one per table),
    never narrower than ``min_width``; ``wraps`` lets a column's text go onto more lines at
    spaces, never narrower than ``min_width`` nor its longest word; any other column keeps each
    line whole (numbers, ids). A header may wrap at spaces unless ``keep_header``: stacked
    columns keep each header line above its own line of figures. Text that wraps takes at most
    ``lines`` lines (a status over two, not a word a line).
    """

    header: str = ""
    right: bool = False
    words: bool = False
    wraps: bool = False
    min_width: int = 0
    keep_header: bool = False
    style: str = ""
    lines: int = 2


class Layout(NamedTuple):
    """One way to lay a table out: its columns, its rows, and the width its words column reads
    well at (a narrower one is taken only when no layout gives the words that much)."""

    columns: Sequence[Column]
    rows: Sequence[Row]
    comfortable: int = COMFORTABLE


_STYLE = re.compile(r"\x1b\[[0-9;]*m")
_PADDING = re.compile(r"(?: |\x1b\[[0-9;]*m)+$")
"""Spaces at the end of a drawn line, among style codes."""


def width_for(out: TextIO) -> int:
    """Columns to draw in: $COLUMNS, else the terminal's width, else 120 for files and pipes;
    never more than MAX_WIDTH."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return min(int(columns), MAX_WIDTH)
    isatty = getattr(out, "isatty", None)
    if isatty and isatty():
        return min(shutil.get_terminal_size((PIPE_WIDTH, 24)).columns, MAX_WIDTH)
    return PIPE_WIDTH


def clean(text: str) -> str:
    """Text safe to print: control characters that would move the cursor or restyle are shown
    as escapes, tabs as spaces, so a file name or a value cannot take over the terminal; the
    newlines nq94 puts in a cell stay."""
    return escaped(text.replace("\t", " "), newlines=True)


def stacked(layout: Layout, groups: Sequence[Sequence[int]]) -> Layout:
    """The layout with each group of columns drawn as one, its cells one above the other under
    their headers one above the other."""
    columns = []
    for group in groups:
        first = layout.columns[group[0]]
        if len(group) == 1:
            columns.append(first)
            continue
        header = "\n".join(layout.columns[index].header for index in group)
        right = any(layout.columns[index].right for index in group)  # figures stay aligned
        columns.append(Column(header, right=right, keep_header=True))
    rows: list[Row] = []
    for row in layout.rows:
        if row is SECTION:
            rows.append(SECTION)
            continue
        rows.append([_joined([_at(row, index) for index in group]) for group in groups])
    return Layout(columns, rows)


def draw(
    layouts: Sequence[Layout],
    out: TextIO,
    *,
    color: bool,
    title: str = "",
    caption: str = "",
    header: bool = True,
    expand: bool = False,
    after: Sequence[Cell] = (),
    width: int | None = None,
) -> None:
    """Write the first of ``layouts`` that fits: title, header, rows (groups split by SECTION),
    caption, then the ``after`` lines (a summary), all wrapped to the width.

    The words column takes all the width the others leave when ``expand``, else what it needs.
    """
    from rich import box
    from rich.table import Table

    width = width_for(out) if width is None else width
    chosen, widths = layouts[-1], None
    # the words at ease in a simpler layout before cramped in a fuller one; a line more for
    # labels only when nothing else fits
    for comfortable, more in ((True, 0), (False, 0), (False, 1)):
        found = next(
            (
                (layout, fitted)
                for layout in layouts
                if (fitted := _fit(layout, width, header, expand, comfortable, more)) is not None
            ),
            None,
        )
        if found is not None:
            chosen, widths = found
            break
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        show_header=header,
        header_style="bold",
        title=_text(title) if title else None,
        title_style="bold",
        caption=_text(caption) if caption else None,
        caption_style="dim",
        width=width if widths is None else GAP * (len(widths) - 1) + sum(widths),
    )
    for index, column in enumerate(chosen.columns):
        heading = _text(column.header)
        heading.no_wrap = False  # a header folds at spaces even over figures that never wrap
        if column.words:
            fits = widths is not None
            table.add_column(
                heading,
                overflow="fold",
                ratio=1,
                min_width=column.min_width if fits else None,
                style=column.style or None,
            )
        else:
            table.add_column(
                heading,
                justify="right" if column.right else "left",
                no_wrap=not column.wraps,
                overflow="fold",
                width=None if widths is None else widths[index],
                style=column.style or None,
            )
    for row in chosen.rows:
        if row is SECTION:
            if table.row_count:
                table.add_section()
            continue
        table.add_row(*(_text(cell) for cell in row))
    lines = [_text(_packed(cell, width)) for cell in after]
    _print([table, *lines], out, color=color, width=width)


def say(lines: Sequence[Cell], out: TextIO, *, color: bool, width: int | None = None) -> None:
    """Write lines of text (styled parts) wrapped to the width, without a table."""
    width = width_for(out) if width is None else width
    _print([_text(line) for line in lines], out, color=color, width=width)


def _print(renderables: Sequence[RenderableType], out: TextIO, *, color: bool, width: int) -> None:
    """Draw with Rich in memory, then write what it drew without the spaces it pads each line
    with to the width (a file holds only the text)."""
    drawn = io.StringIO()
    console = _console(drawn, color=color, width=width)
    for renderable in renderables:
        console.print(renderable)
    lines = drawn.getvalue().splitlines()
    # a folded file name may bring "::" to the start of a line, which CI reads as a command
    out.write("".join(_guarded(_PADDING.sub(_codes, line)) + "\n" for line in lines))


def _guarded(line: str) -> str:
    return f" {line}" if _STYLE.sub("", line).startswith("::") else line


def _codes(padding: re.Match[str]) -> str:
    """The style codes among a line's padding, without the spaces."""
    return "".join(_STYLE.findall(padding.group()))


def _console(file: TextIO, *, color: bool, width: int) -> Console:
    """A Rich console writing to memory: ANSI styles only with ``color``, nothing read as markup,
    emoji or highlights, and a fixed size whatever the environment says."""
    from rich.console import Console

    return Console(
        file=file,
        width=width,
        height=25,  # with the width, keeps Rich from asking the terminal for its size
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def _packed(cell: Cell, width: int) -> Cell:
    """A line of styled parts (a summary: '30 chỉ tiêu: ', '21 đạt', ', ', …) folded between
    its parts, never inside one, so that '2 ước không đạt' stays whole on a line; a part wider
    than the line is left to Rich to fold. Plain text is left to Rich."""
    from rich.cells import cell_len

    if isinstance(cell, str):
        return cell
    packed: list[Part] = []
    used = 0
    for part in cell:
        if used and used + cell_len(part.text.rstrip()) > width:
            packed[-1] = packed[-1]._replace(text=packed[-1].text.rstrip())
            packed.append(Part("\n"))
            part, used = part._replace(text=part.text.lstrip()), 0
        packed.append(part)
        used += cell_len(part.text)
    return packed


def _text(cell: Cell) -> Text:
    """A cell as Rich text, its control characters shown as escapes."""
    from rich.text import Text

    text = Text()
    for part in [Part(cell)] if isinstance(cell, str) else cell:
        text.append(clean(part.text), style=part.style or None)
    return text


def _at(row: Sequence[Cell], index: int) -> Cell:
    return row[index] if index < len(row) else ""


def _joined(cells: Sequence[Cell]) -> list[Part]:
    """Cells one above the other; trailing empty ones take no line."""
    parts: list[Part] = []
    count = len(cells)
    while count > 1 and not _plain(cells[count - 1]):
        count -= 1
    for index, cell in enumerate(cells[:count]):
        if index:
            parts.append(Part("\n"))
        parts += [Part(cell)] if isinstance(cell, str) else cell
    return parts


def _plain(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "".join(part.text for part in cell)


def _fit(
    layout: Layout, width: int, header: bool, expand: bool, comfortable: bool, more: int
) -> list[int] | None:
    """Each column's width in ``width`` cells, or None when the layout cannot fit.

    Every column starts as wide as its widest line. While the words column would have less than
    the layout's comfortable width, headers narrow to the next width that takes a line more, the
    widest first; then, while the words would have less than their minimum (their comfortable
    width, when ``comfortable``), cells do, to at most ``more`` lines more than the column wants.
    """
    from rich.cells import cell_len

    columns = layout.columns
    flex = next((i for i, column in enumerate(columns) if column.words), None)
    steps: list[list[tuple[int, bool]]] = []
    for index, column in enumerate(columns):
        if index == flex:
            steps.append([(0, False)])
            continue
        heads, body = _lines(layout, index, header=header)
        floor = max([column.min_width, *(cell_len(line) for line in body if not column.wraps)])
        if column.keep_header:
            floor = max([floor, *(cell_len(line) for line in heads)])
            heads = []
        steps.append(
            _narrowing(heads, body if column.wraps else [], floor=floor, most=column.lines + more)
        )
    natural = minimum = 0
    if flex is not None:
        heads, body = _lines(layout, flex, header=header)
        natural = max((cell_len(line) for line in [*heads, *body]), default=0)
        minimum = columns[flex].min_width
    soft = max(minimum, min(layout.comfortable, natural))
    hard = soft if comfortable else minimum
    at = [0] * len(columns)
    gaps = GAP * (len(columns) - 1)

    def used() -> int:
        return gaps + sum(steps[i][at[i]][0] for i in range(len(columns)))

    # a header over two lines costs less than a status over two: headers wrap to give the words
    # their comfortable width, cells only to give them what the layout needs
    for cells_too, wanted in ((False, soft), (True, hard)):
        while used() + wanted > width:
            narrower = [
                i
                for i in range(len(columns))
                if at[i] + 1 < len(steps[i]) and (cells_too or not steps[i][at[i] + 1][1])
            ]
            if not narrower:
                break
            at[max(narrower, key=lambda i: steps[i][at[i]][0])] += 1
    if used() + hard > width:
        return None
    widths = [steps[i][at[i]][0] for i in range(len(columns))]
    if flex is not None:
        left = width - used()
        widths[flex] = left if expand else max(minimum, min(left, natural))
    return widths


def _lines(layout: Layout, index: int, *, header: bool) -> tuple[list[str], list[str]]:
    """The lines of a column's header, and the lines of its cells."""
    column = layout.columns[index]
    heads = clean(column.header).split("\n") if header else []
    body = [
        line
        for row in layout.rows
        if row is not SECTION
        for line in clean(_plain(_at(row, index))).split("\n")
    ]
    return heads, body


def _narrowing(
    heads: Sequence[str], body: Sequence[str], *, floor: int, most: int
) -> list[tuple[int, bool]]:
    """The widths a column may take, widest first, each the narrowest that lays its header, then
    its cells, out in a line more than the width before (up to ``most`` lines, never below
    ``floor``); and whether that width wraps cells rather than the header."""
    from rich.cells import cell_len

    head_words = [[cell_len(word) for word in line.split()] for line in heads]
    body_words = [[cell_len(word) for word in line.split()] for line in body]
    floor = max([floor, *(size for line in [*head_words, *body_words] for size in line)])
    whole = max([floor, *(_narrowest(line, 1) for line in body_words)])
    steps: list[tuple[int, bool]] = []
    for count in range(1, most + 1):
        need = max([whole, *(_narrowest(line, count) for line in head_words)])
        if not steps or need < steps[-1][0]:
            steps.append((need, False))
    heads_done = max([floor, *(_narrowest(line, most) for line in head_words)])
    for count in range(2, most + 1):
        need = max([heads_done, *(_narrowest(line, count) for line in body_words)])
        if need < steps[-1][0]:
            steps.append((need, True))
    return steps


def _narrowest(words: Sequence[int], count: int) -> int:
    """The narrowest width at which greedy wrapping lays these words out in ``count`` lines."""
    if not words:
        return 0
    width = max(words)
    while _count(words, width) > count:
        width += 1
    return width


def _count(words: Sequence[int], width: int) -> int:
    """How many lines greedy wrapping (as Rich does it) takes at ``width``."""
    lines, used = 1, 0
    for size in words:
        if used and used + 1 + size > width:
            lines, used = lines + 1, size
        else:
            used = used + 1 + size if used else size
    return lines
