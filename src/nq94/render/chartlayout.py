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
