"""A target's course through the year as an inline SVG chart, drawn by matplotlib's SVG backend.

matplotlib is imported here only, when a page with charts is written (the site, the trend and
diff pages; never when `nq94 check` starts). The
charts are reproducible: text stays text (``svg.fonttype: none``, so that readers, search and
screen magnifiers see real words), no date is written and the salt of the SVG's ids is fixed,
so that two builds give identical bytes.

A chart is drawn straight on a Figure, in its own coordinates (Frame), without matplotlib's
Axes: an Axes builds dozens of tick, spine and label objects that these charts do not use, and
costs four times what the chart itself does (a site draws two charts a target). Every text is
one line, anchored at its baseline, so that it stands where it should in whatever font the
browser has. The words of a chart's key are the page's, in HTML (templates/pieces.html): a chart
holds only its figures, its periods and its unit.
"""

from __future__ import annotations

import contextlib
import html
import io
import itertools
import logging
import math
import os
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup

from nq94.evaluate import Evaluation, Obtained
from nq94.i18n import Lang, pick, t
from nq94.model import Kind, Measure, Operator, Status, Target
from nq94.render.chartlayout import (
    LARGE,
    LEFT,
    PLOT,
    SMALL,
    TURN,
    TURNED_SIZE,
    WIDE,
    WIDTH,
    Box,
    Room,
    Said,
    Segment,
    Setting,
    measure,
    overflow,
    place,
    setting,
)
from nq94.render.numbers import actual_text, display
from nq94.render.pages import speaking
from nq94.render.palette import MARK_COLOURS, PALETTE
from nq94.render.periods import part_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.typing import RcKeyType

    from nq94.review import Course

MARK = {Status.MET: "o", Status.AT_RISK: "^", Status.MISSED: "X"}
"""Each status's marker: a shape as well as a colour (MARK_COLOURS; never colour alone); no
data has none."""

RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "nq94",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 10,
}
"""Text as text, ids from a fixed salt; a wide font measures the text, so that it fits in any
narrower one a browser chooses."""


class Point(NamedTuple):
    """One report's figures on a chart."""

    compared: float
    """The figure compared with the threshold (a flow's year-end projection), or NaN."""
    to_date: float
    """A flow's figure for the period itself, or NaN."""
    status: Status
    projected: bool
    plan: float = math.nan
    """The plan for the period a growth target's quarterly path gives, which judged the
    figure, or NaN."""


PLAN = 0.3
"""How far either side of its column's middle a plan for the period is drawn (of a column)."""


def points(course: Course) -> list[Point]:
    """The figures a chart of ``course`` plots, one per report."""
    flow = course.target.kind is Kind.FLOW
    found = []
    for result in course.results:
        compared = _float(result.actual)
        to_date = _float(result.value) if flow else math.nan
        projected = result.obtained is Obtained.PROJECTED
        plan = float(result.plan.threshold) if result.plan is not None else math.nan
        found.append(Point(compared, to_date, result.status, projected, plan))
    return found


class Frame(NamedTuple):
    """Where the plot stands in the figure (fractions of it), and the figures it spans: a
    report per column, ``low`` to ``high`` upward."""

    left: float
    bottom: float
    width: float
    height: float
    columns: int
    low: float
    high: float

    def x(self, column: float) -> float:
        """The middle of a column (or a fraction of the way along: -0.5 is the left edge)."""
        return self.left + (column + 0.5) / self.columns * self.width

    def y(self, value: float) -> float:
        return self.bottom + (value - self.low) / (self.high - self.low) * self.height

    @property
    def right(self) -> float:
        return self.left + self.width


def _style() -> contextlib.AbstractContextManager[None]:
    """matplotlib's settings while nq94 draws: its own defaults and RC, whatever a
    ``matplotlibrc`` in the working folder or the user's settings say (``text.usetex``, a
    colour), so that every chart is drawn alike. matplotlib is imported here first: without
    ``MPLBACKEND`` (nq94 writes SVG itself, and an unknown backend stops matplotlib's import),
    and with its notices (a cache folder it cannot write) kept off the reader's screen."""
    os.environ.pop("MPLBACKEND", None)
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    import matplotlib

    settings: dict[Any, Any] = dict(matplotlib.rcParamsDefault)
    del settings["backend"]  # chosen when needed, never here
    return matplotlib.rc_context(settings | RC)


def small_chart(course: Course, *, scope: str, labelled_by: str, described_by: str) -> Markup:
    """The SVG element of a course's small chart (the overview's small multiples), ready to
    inline: no text at all, and so the same in both languages. Its ids start with ``scope``,
    so that many charts share a page; its root has ``role="img"``, ``aria-labelledby`` and
    ``aria-describedby`` as given."""
    style = _style()
    from matplotlib.figure import Figure

    drawn = points(course)
    with style:
        figure = Figure(figsize=SMALL)
        frame = _frame(course, drawn, (0.03, 0.08, 0.94, 0.84), pad=0.08)
        _draw(figure, frame, course, drawn, small=True)
        svg = _svg(figure)
    # Markup: matplotlib's SVG, which nq94 draws (no reader's text in it), goes into a page as is
    return Markup(scoped(svg, scope, labelled_by=labelled_by, described_by=described_by))


def large_charts(
    course: Course,
    evaluations: Sequence[Evaluation],
    languages: Iterable[Lang],
    *,
    scope: str,
    labelled_by: str,
    described_by: str,
    columns: Sequence[tuple[str, str]] | None = None,
) -> dict[Lang, Markup]:
    """The SVG element of a course's chart in each of ``languages``, as small_chart's, with the
    periods, the figures and the unit as text. Each report's column is named by the part of the
    year and the basis, or by the two lines of ``columns`` (in the one language asked for).

    The chart is drawn once, with a token for each text (every text is anchored, so where it
    stands does not depend on what it says), and the tokens replaced by each language's words:
    drawing is what takes the time. It is laid out for the widest of each text's words, and
    grows where matplotlib's renderer finds one of them past its edge.
    """
    style = _style()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    drawn = points(course)
    languages = list(languages)
    with style:
        span = _frame(course, drawn, (LEFT, 0.0, WIDTH, 1.0))
        whole = course.target.measure is Measure.COUNT or course.target.kind is Kind.COUNT
        ticks, places = _ticks(span, whole=whole)
        said = {}
        for lang in languages:
            with speaking(lang):
                said[lang] = Said(
                    [display(Decimal(repr(tick)), places=places) for tick in ticks],
                    pick(course.target.unit),
                    [actual_text(result) for result in course.results if result.actual is not None],
                    _names(evaluations, columns),
                )
        set_as = setting(list(said.values()), span.columns)
        margins = set_as.margins
        for _ in range(4):  # once, unless a text leaves the figure: then grown as it needs
            height = margins.bottom + PLOT + margins.top
            figure = Figure(figsize=(LARGE[0], height / 72))
            FigureCanvasAgg(figure)  # the renderer that measures the texts
            frame = span._replace(
                left=margins.left / WIDE,
                bottom=margins.bottom / height,
                width=(WIDE - margins.left - margins.right) / WIDE,
                height=PLOT / height,
            )
            _draw(figure, frame, course, drawn, small=False)
            texts = _label(figure, frame, ticks, drawn, course, set_as)
            more = overflow(figure, texts)
            if more is None:
                break
            margins = margins.grown(more)
        for index, text in enumerate(texts):
            text.set_text(f"@@{index}@@")
        svg = scoped(_svg(figure), scope, labelled_by=labelled_by, described_by=described_by)
    charts = {}
    for lang in languages:
        words = said[lang].words(crowded=set_as.crowded)
        # Markup: matplotlib's SVG, its texts escaped by _said, goes into a page as is
        charts[lang] = Markup(_TOKEN.sub(partial(_said, words), svg))
    return charts


def _names(
    evaluations: Sequence[Evaluation], columns: Sequence[tuple[str, str]] | None
) -> Sequence[tuple[str, str]]:
    """The two lines under each report's column, in the language spoken now: the part of the
    year (the chart's caption names the year) and the basis, unless ``columns`` names them."""
    if columns is not None:
        return columns
    return [(part_name(e.report.period), t("basis." + e.report.basis.value)) for e in evaluations]


def _said(words: list[str], token: re.Match[str]) -> str:
    """The text of a token, escaped for the SVG."""
    # escaped here: the words go into matplotlib's SVG text, which no template writes
    return html.escape(words[int(token.group(1))])


_TOKEN = re.compile(r"@@(\d+)@@")


def _svg(figure: Figure) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _frame(
    course: Course, drawn: list[Point], box: tuple[float, float, float, float], *, pad: float = 0.12
) -> Frame:
    """The plot in ``box``, spanning every figure, the threshold and its at-risk band (and 0
    under a flow's bars), with room above for the figures' labels."""
    spread = []
    for _, _, target in steps(course):  # every requirement in force during the year
        spread += [float(edge) for edge in target.band or (target.threshold,)]
        spread += [float(end) for band in target.at_risk_bands for end in band]
    spread += [
        value
        for point in drawn
        for value in (point.compared, point.to_date, point.plan)
        if not math.isnan(value)
    ]
    if any(not math.isnan(point.to_date) for point in drawn):
        spread.append(0)
    low, high = min(spread), max(spread)
    room = (high - low) * pad or abs(high) * 0.1 or 1
    return Frame(*box, len(drawn), low - room, high + 2 * room)


def _draw(figure: Figure, frame: Frame, course: Course, drawn: list[Point], *, small: bool) -> None:
    """The bands, the target line, the bars, the course and its marks."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    place = figure.transFigure
    for left, right, target in _spans(frame, course):
        _requirement(figure, frame, target, left, right, small=small)
    base = frame.y(max(0.0, frame.low))
    for column, point in enumerate(drawn):
        if not math.isnan(point.to_date):
            left, width = frame.x(column - 0.25), frame.width / frame.columns / 2
            top = frame.y(point.to_date)
            figure.add_artist(
                Rectangle(
                    (left, base), width, top - base, transform=place, color=PALETTE["to_date"], lw=0
                )
            )
    for column, point in enumerate(drawn):  # the plan that judged the figure, across its column
        if not math.isnan(point.plan):
            figure.add_artist(
                Line2D(
                    [frame.x(column - PLAN), frame.x(column + PLAN)],
                    [frame.y(point.plan)] * 2,
                    transform=place,
                    color=PALETTE["plan"],
                    lw=2 if small else 2.5,
                    solid_capstyle="butt",
                )
            )
    xs = [frame.x(column) for column in range(len(drawn))]
    ys = [frame.y(point.compared) for point in drawn]
    figure.add_artist(
        Line2D(xs, ys, transform=place, color=PALETTE["line"], lw=1.6 if small else 2)
    )
    marks: dict[tuple[Status, bool], list[int]] = {}
    for column, point in enumerate(drawn):
        if point.status in MARK and not math.isnan(point.compared):
            marks.setdefault((point.status, point.projected), []).append(column)
    for (status, projected), columns in sorted(marks.items()):
        shape, color = MARK[status], MARK_COLOURS[status]
        figure.add_artist(
            Line2D(
                [xs[column] for column in columns],
                [ys[column] for column in columns],
                transform=place,
                marker=shape,
                ms=7.5 if small else 8,
                mfc=PALETTE["paper"] if projected else color,
                mec=color,
                mew=1.6 if projected else 1,
                ls="none",
            )
        )


def _lines(target: Target) -> list[float]:
    if target.operator is Operator.BETWEEN and target.band is not None:
        return [float(edge) for edge in target.band]
    return [float(target.threshold)]


def steps(course: Course) -> list[tuple[int, int, Target]]:
    """The reports of a course in runs judged by one requirement: (first, last, the target) of
    each; one run unless an amendment changed the target between two reports."""
    runs: list[tuple[int, int, Target]] = []
    for column, result in enumerate(course.results):
        target = result.target
        if runs and runs[-1][2].asks == target.asks:
            runs[-1] = (runs[-1][0], column, runs[-1][2])
        else:
            runs.append((column, column, target))
    if len(runs) == 1:  # drawn as the course's own target, across the whole chart
        return [(0, len(course.results) - 1, course.target)]
    return runs


def _spans(frame: Frame, course: Course) -> list[tuple[float, float, Target]]:
    """Each requirement in force during the year, from the left to the right of the columns of
    the reports it judged (in the figure's fraction), the first and last out to the frame."""
    return [
        (
            frame.left if first == 0 else frame.x(first - 0.5),
            frame.right if last == frame.columns - 1 else frame.x(last + 0.5),
            target,
        )
        for first, last, target in steps(course)
    ]


def _requirement(
    figure: Figure, frame: Frame, target: Target, left: float, right: float, *, small: bool
) -> None:
    """A target's at-risk band, its range and its dashed line, from ``left`` to ``right``."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    place = figure.transFigure
    edges = [float(edge) for edge in target.band or (target.threshold,)]

    def band(bottom: float, top: float, color: str) -> None:
        bottom, top = frame.y(max(bottom, frame.low)), frame.y(min(top, frame.high))
        figure.add_artist(
            Rectangle(
                (left, bottom), right - left, top - bottom, transform=place, color=color, lw=0
            )
        )

    if len(edges) == 2:  # the range that meets; a plan meant one-sided, on past its other end
        bottom, top = edges
        if target.side is not None:
            bottom, top = (bottom, frame.high) if target.upward else (frame.low, top)
        band(bottom, top, PALETTE["met_band"])
    for low, high in target.at_risk_bands:  # over the range, as the workbooks' charts shade it
        band(float(low), float(high), PALETTE["at_risk_band"])
    for edge in edges if len(edges) == 2 else ():  # the range's ends
        figure.add_artist(
            Line2D(
                [left, right], [frame.y(edge)] * 2, transform=place,
                color=PALETTE["mark_met"], lw=0.9,
            )
        )  # fmt: skip
    for line in _lines(target):
        figure.add_artist(
            Line2D(
                [left, right],
                [frame.y(line)] * 2,
                transform=place,
                color=PALETTE["target"],
                lw=1.1 if small else 1.3,
                ls=(0, (4, 3)),
            )
        )


def _ticks(frame: Frame, *, whole: bool) -> tuple[list[float], int]:
    """The figures of the y axis's scale (``whole`` numbers only, for counts), and the
    decimals they are written with."""
    from matplotlib.ticker import MaxNLocator

    locator = MaxNLocator(nbins=4, integer=whole)
    found = [float(value) for value in locator.tick_values(frame.low, frame.high)]
    if whole:  # the locator falls back to fractions where fewer than two whole numbers fit
        found = [value for value in found if value.is_integer()]
    places = _places(found)
    ticks = [round(value, places) for value in found]
    return [tick for tick in ticks if frame.low <= tick <= frame.high], places


def _label(
    figure: Figure, frame: Frame, ticks: list[float], drawn: list[Point], course: Course,
    setting: Setting,
) -> list[Text]:  # fmt: skip
    """The y axis's scale and unit, the figures by their marks (where they meet least: see
    chartlayout.place), the periods under the plot; each text in the widest of its words (a
    token replaces it once measured), in the order of Said.words."""
    from matplotlib.lines import Line2D
    from matplotlib.transforms import Affine2D

    at = Affine2D().scale(1 / 72) + figure.dpi_scale_trans  # points from the lower left
    high = figure.get_figheight() * 72
    words = iter(setting.widest)
    texts: list[Text] = []

    def text(x: float, y: float, **style: Any) -> None:
        texts.append(figure.text(x, y, next(words), transform=at, **style))

    def spot(x: float, y: float) -> tuple[float, float]:  # a place in the frame, in points
        return frame.x(x) * WIDE, frame.y(y) * high

    ink, muted = PALETTE["ink"], PALETTE["muted"]
    left, base, top = frame.left * WIDE, frame.bottom * high, (frame.bottom + frame.height) * high
    for tick in ticks:
        y = frame.y(tick) * high
        figure.add_artist(  # under the bands
            Line2D([left, frame.right * WIDE], [y, y], transform=at, color=PALETTE["grid"],
                   lw=0.8, zorder=0)
        )  # fmt: skip
        text(left - 0.015 * WIDE, y - 3.3, ha="right", color=ink)
    figure.add_artist(
        Line2D([left, frame.right * WIDE], [base, base], transform=at, color=muted, lw=0.8)
    )
    text(0.015 * WIDE, top + 10, color=muted)
    unit = texts[-1].get_window_extent(figure.canvas.get_renderer())  # type: ignore[attr-defined]
    scale = 72 / figure.dpi
    columns = [column for column, point in enumerate(drawn) if not math.isnan(point.compared)]
    marks = [spot(column, drawn[column].compared) for column in columns]
    sizes = [
        measure(word, setting.figure_size)
        for word in setting.widest[len(ticks) + 1 : len(ticks) + 1 + len(columns)]
    ]
    found = place(
        marks, sizes, lines=_segments(frame, course, drawn, high),
        course=list(itertools.pairwise(marks)),
        room=Room(left, WIDE - 1, base + 1, high - 1),
        taken=[Box(*(value * scale for value in unit.extents))],
    )  # fmt: skip
    for (x, _), baseline in zip(marks, found, strict=True):
        text(x, baseline, ha="center", color=ink, fontsize=setting.figure_size)
    for column in range(frame.columns):
        x = frame.x(column) * WIDE
        if setting.crowded:  # turned, so that each keeps to its own column
            text(x, base - 12, ha="right", rotation=TURN, rotation_mode="anchor",
                 fontsize=TURNED_SIZE, color=ink)  # fmt: skip
            continue
        for shift in (15, 28):  # the period, and its basis under it
            text(x, base - shift, ha="center", fontsize=setting.period_size, color=ink)
    return texts


def _segments(frame: Frame, course: Course, drawn: list[Point], high: float) -> list[Segment]:
    """The target's lines (or its range's ends) and the plans for the periods, in points: no
    figure's text should stand on one."""
    found: list[Segment] = []
    for left, right, target in _spans(frame, course):
        for line in [*_lines(target), *(float(edge) for edge in target.band or ())]:
            y = frame.y(line) * high
            found.append(((left * WIDE, y), (right * WIDE, y)))
    for column, point in enumerate(drawn):
        if not math.isnan(point.plan):
            y = frame.y(point.plan) * high
            found.append(((frame.x(column - PLAN) * WIDE, y), (frame.x(column + PLAN) * WIDE, y)))
    return found


def _places(ticks: list[float]) -> int:
    """The decimals the y axis's ticks need: 0 for steps of 1 or more, 1 for steps of 0.5, ...
    (a tick is a multiple of the step, give or take binary noise: 3.4000000000000004)."""
    if len(ticks) < 2:
        return 0
    step = Decimal(repr(round(ticks[1] - ticks[0], 12))).normalize()
    exponent = step.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _float(value: Decimal | None) -> float:
    return math.nan if value is None else float(value)


_DROPPED = re.compile(
    r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<metadata>.*?</metadata>\s*|"
    r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*",
    re.S,
)
_ID = re.compile(r'\sid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^")]+)')
_ROOT = re.compile(r'<svg\b[^>]*?\sviewBox="([^"]+)"[^>]*>')


def scoped(svg: str, scope: str, *, labelled_by: str, described_by: str) -> str:
    """matplotlib's SVG document as an element of a page: without its XML prolog, metadata and
    style sheet (the page's holds the rule), with only the ids it refers to, each prefixed by
    ``scope``, and a root without a size (the page's style sheet scales it to the width of its
    container) that names itself by its caption and describes itself by its table."""
    svg = _DROPPED.sub("", svg)
    used = {match.group(2) for match in _REFERENCE.finditer(svg)}
    svg = _ID.sub(lambda m: f' id="{scope}-{m.group(1)}"' if m.group(1) in used else "", svg)
    svg = _REFERENCE.sub(lambda m: f"{m.group(1)}{scope}-{m.group(2)}", svg)
    root = _ROOT.search(svg)
    assert root is not None  # matplotlib always writes a viewBox
    opening = (
        f'<svg viewBox="{root.group(1)}" role="img" aria-labelledby="{labelled_by}" '
        f'aria-describedby="{described_by}">'
    )
    # an SVG in HTML needs no namespaces (the parser knows <svg>), and SVG 2's href is xlink's
    svg = svg[: root.start()] + opening + svg[root.end() :]
    return svg.replace("xlink:href=", "href=").strip()
