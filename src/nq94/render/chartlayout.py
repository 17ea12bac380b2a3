"""Where the texts of a large chart stand: measured in the font that draws them, so that each
keeps inside the figure and clear of the others, of the marks and of the lines.

Everything here is in points (1/72 inch) from the figure's lower left corner. A chart's texts
are measured in matplotlib's own font (DejaVu Sans, wider than most a browser chooses), in the
widest words any of its languages gives each text; after the chart is drawn, matplotlib's
renderer measures every text again (``overflow``), and the figure grows where one would leave it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text

TURN = 40
"""The angle of the periods' names, turned where they do not fit side by side (degrees)."""


def measure(text: str, size: float) -> tuple[float, float, float]:
    """The width, height and descent of ``text`` at ``size`` points, in points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family="sans-serif", size=size)
    width, height, descent = text_to_path.get_text_width_height_descent(text, font, ismath=False)
    return width, height, descent


def widest(texts: Iterable[str], size: float = 10) -> float:
    """The width of the widest of ``texts`` at ``size`` points (0 without any)."""
    return max((measure(text, size)[0] for text in texts), default=0.0)


def turned(width: float, size: float) -> tuple[float, float]:
    """How far a text ``width`` wide, turned by TURN and anchored at its right end, reaches
    left of its anchor and down below it (its height is about 0.8 of its size)."""
    angle = math.radians(TURN)
    height = 0.8 * size
    return width * math.cos(angle) + height * math.sin(angle), width * math.sin(angle) + height


class Box(NamedTuple):
    """A text's extent: left, bottom, right, top."""

    x0: float
    y0: float
    x1: float
    y1: float

    def meets(self, other: Box, pad: float = 1.5) -> bool:
        return (
            self.x0 - pad < other.x1
            and other.x0 - pad < self.x1
            and self.y0 - pad < other.y1
            and other.y0 - pad < self.y1
        )

    def crossed(self, segment: Segment) -> bool:
        """Whether ``segment`` passes through the box (or within a point of it)."""
        (ax, ay), (bx, by) = segment
        steps = 24
        for step in range(steps + 1):
            x, y = ax + (bx - ax) * step / steps, ay + (by - ay) * step / steps
            if self.x0 - 1 <= x <= self.x1 + 1 and self.y0 - 1 <= y <= self.y1 + 1:
                return True
        return False


Segment = tuple[tuple[float, float], tuple[float, float]]
"""A line drawn on the chart, from one point to another."""


class Room(NamedTuple):
    """Where a figure's text may stand: across the figure, and from the plot's base to a
    little above its top."""

    left: float
    right: float
    bottom: float
    top: float


def place(
    marks: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float, float]],
    *,
    lines: Sequence[Segment],
    course: Sequence[Segment],
    room: Room,
    taken: Sequence[Box] = (),
) -> list[float]:
    """The baseline of each mark's text (its width, height and descent in ``sizes``), centred
    on its mark: above it, below it, or a line further, whichever meets least: another figure's
    text or ``taken`` (worst), a mark, the target's ``lines``, the edge of the ``room``, then the
    ``course`` line."""
    placed: list[Box] = list(taken)
    spots = [Box(x - 4.5, y - 4.5, x + 4.5, y + 4.5) for x, y in marks]
    baselines = []
    for index, ((x, y), (width, height, descent)) in enumerate(zip(marks, sizes, strict=True)):
        offsets = (7.0, -7.0 - height, 9.0 + height, -9.0 - 2 * height)
        best: tuple[float, float] | None = None
        for rank, offset in enumerate(offsets):
            base = y + offset
            box = Box(x - width / 2, base - descent, x + width / 2, base + height)
            cost = rank * 0.1
            cost += 100 * sum(box.meets(other) for other in placed)
            cost += 30 * sum(box.meets(spot, 0) for i, spot in enumerate(spots) if i != index)
            cost += 30 * sum(box.crossed(line) for line in lines)
            outside = (
                box.x0 < room.left
                or box.x1 > room.right
                or box.y0 < room.bottom
                or box.y1 > room.top
            )
            cost += 20 * outside
            cost += 5 * sum(box.crossed(segment) for segment in course)
            if best is None or cost < best[0]:
                best = (cost, base)
        assert best is not None
        baselines.append(best[1])
        placed.append(Box(x - width / 2, best[1] - descent, x + width / 2, best[1] + height))
    return baselines


class Margins(NamedTuple):
    """The room around a large chart's plot, in points: for the scale at its left, the
    periods' names under it, the unit above it."""

    left: float
    right: float
    bottom: float
    top: float

    def grown(self, other: Margins) -> Margins:
        return Margins(*(mine + more for mine, more in zip(self, other, strict=True)))


def overflow(figure: Figure, texts: Iterable[Text]) -> Margins | None:
    """How far, in points, the ``texts`` as the renderer draws them go past each side of the
    figure (with a point to spare); None where every one keeps inside."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    scale = 72 / figure.dpi
    width, height = figure.get_figwidth() * 72, figure.get_figheight() * 72
    left = right = bottom = top = 0.0
    for text in texts:
        box = text.get_window_extent(renderer)
        left = max(left, 1 - box.x0 * scale)
        right = max(right, box.x1 * scale - width + 1)
        bottom = max(bottom, 1 - box.y0 * scale)
        top = max(top, box.y1 * scale - height + 1)
    if max(left, right, bottom, top) <= 0:
        return None
    return Margins(*(max(0.0, side) for side in (left, right, bottom, top)))


LARGE = (4.0, 3.0)
SMALL = (2.4, 1.0)
"""Sizes in inches (72 SVG units each); the page scales a chart to its width. A large chart is
narrow enough that its text, 10 units, is about 12 px on a phone's screen (343 px wide)."""

LEFT, WIDTH = 0.125, 0.85
"""Where the plot of a large chart stands across it, at the least: the scale at its left."""
WIDE = LARGE[0] * 72
PLOT = 0.72 * LARGE[1] * 72
"""A large chart's width, and its plot's height, in points."""
SMALLEST = 7.5
"""The smallest size of the periods' names side by side; a smaller one would be hard to read."""
TURNED_SIZE = 8
"""The size of the periods' names turned."""


class Said(NamedTuple):
    """A large chart's texts in one language: the scale (as the reader writes numbers), the
    unit, the figures (with the decimals their status needs), each column's two lines."""

    scale: list[str]
    unit: str
    figures: list[str]
    periods: Sequence[tuple[str, str]]

    def words(self, *, crowded: bool) -> list[str]:
        """The texts in the order of _label's: each column's two lines on one, turned, when
        ``crowded``."""
        words = [*self.scale, self.unit, *self.figures]
        for period, basis in self.periods:
            words += [f"{period} ({basis})"] if crowded else [period, basis]
        return words


class Setting(NamedTuple):
    """How a large chart's texts are set: the room around its plot, the size of the periods'
    names (turned, when ``crowded``) and of the figures, and the widest words of each text."""

    margins: Margins
    crowded: bool
    period_size: float
    figure_size: float
    widest: list[str]


def setting(said: list[Said], columns: int) -> Setting:
    """The setting that lets the widest words of each text (in any language) fit: the scale
    left of the plot, the periods' names side by side under their columns (at 10, or as much
    less as lets the widest keep to its column; turned below SMALLEST), the figures at 10 or
    less (8 at the least: two that still meet stand one above and one below their marks)."""
    scale = widest(text for each in said for text in each.scale)
    left = max(LEFT * WIDE, scale + 0.015 * WIDE + 4)
    right = (1 - LEFT - WIDTH) * WIDE
    column = (WIDE - left - right) / max(columns, 1)
    lines = widest(line for each in said for pair in each.periods for line in pair)
    size = min(10.0, 10 * (column - 6) / max(lines, 1))
    crowded = size < SMALLEST
    figures = widest(text for each in said for text in each.figures)
    figure_size = max(8.0, min(10.0, 10 * (column - 4) / max(figures, 1)))
    bottom = 0.52 * 72
    if crowded:
        names = (f"{period} ({basis})" for each in said for period, basis in each.periods)
        reach, down = turned(widest(names, TURNED_SIZE), TURNED_SIZE)
        bottom = 12 + down + 3
        left = max(left, reach - column / 2 + 2)
    every = [each.words(crowded=crowded) for each in said]
    longest = [
        max(texts, key=lambda text: measure(text, 10)[0]) for texts in zip(*every, strict=True)
    ]
    margins = Margins(left, right, bottom, LARGE[1] * 72 - PLOT - 0.52 * 72)  # the unit's
    return Setting(margins, crowded, max(size, SMALLEST), figure_size, longest)
