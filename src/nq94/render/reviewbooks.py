"""`nq94 trend … -o FILE.xlsx` and `nq94 diff … -o FILE.xlsx`: a review as a workbook, in the
language spoken now.

The review's table with typed figures and coloured statuses (nq94.render.palette), and a line
chart per target drawn by Excel itself (XlsxWriter's charts) on a second sheet. XlsxWriter is
imported here only, when such a file is asked for.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from nq94.evaluate import Obtained
from nq94.i18n import pick, t
from nq94.layout import OWN_OUTPUT
from nq94.render.cells import row_height
from nq94.render.numbers import (
    given_places,
    margin_text,
    period_heading,
    period_words,
    places,
    requirement,
    said,
    shown_places,
    words_of,
)
from nq94.render.palette import CELL_COLOURS, PALETTE
from nq94.render.reviewed import change_words, diff_summary, sides

if TYPE_CHECKING:
    from nq94.evaluate import Result
    from nq94.model import Target
    from nq94.review import Comparison, Course, Trend


class _Book:
    """A workbook being written, with the formats its sheets share."""

    def __init__(self, command: str) -> None:
        import xlsxwriter  # type: ignore[import-untyped]  # needed by this format only

        self.buffer = io.BytesIO()
        book = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False})
        self.book = book
        book.set_properties({"category": OWN_OUTPUT + command})
        self.header = book.add_format(
            {"bold": True, "bg_color": PALETTE["heading_bg"], "bottom": 1, "text_wrap": True}
        )
        self.top = book.add_format({"valign": "top", "text_wrap": True, "indent": 1})
        self.coloured = {  # indented: apart from the figure on their left
            status: book.add_format(
                {"bold": True, "bg_color": bg, "font_color": fg, "valign": "top", "indent": 1}
            )
            for status, (bg, fg) in CELL_COLOURS.items()
        }
        self._numbers: dict[int, Any] = {}
        self.breaks: dict[str, list[int]] = {}
        """The rows each sheet's printed pages start at (besides the first)."""

    def number(self, decimals: int) -> Any:
        """The format of a figure shown with ``decimals``."""
        if decimals not in self._numbers:
            code = "#,##0" + (f".{'0' * decimals}" if decimals else "")
            self._numbers[decimals] = self.book.add_format({"num_format": code, "valign": "top"})
        return self._numbers[decimals]

    def headings(self, sheet: Any, columns: Sequence[tuple[str, int]]) -> None:
        """The first row of ``sheet``: each column's heading, and its width."""
        for column, (heading, width) in enumerate(columns):
            sheet.write_string(0, column, heading, self.header)
            sheet.set_column(column, column, width)
        sheet.set_row(0, 45)
        sheet.freeze_panes(1, 2)

    def figure(self, sheet: Any, row: int, column: int, result: Result) -> None:
        """A result's figure compared, as a number with the decimals its status needs."""
        if result.actual is not None:
            decimals = shown_places(result.actual, places(result))
            sheet.write_number(row, column, float(result.actual), self.number(decimals))

    def given(self, sheet: Any, row: int, column: int, result: Result) -> None:
        """A result's figure for its period, as the terminal's review shows it (figure_text): the
        figure compared, or the period's own where the figure compared is projected from it."""
        if result.obtained is Obtained.PROJECTED and result.value is not None:
            decimals = given_places(result.value)
            sheet.write_number(row, column, float(result.value), self.number(decimals))
        else:
            self.figure(sheet, row, column, result)

    def status(self, sheet: Any, row: int, column: int, result: Result) -> None:
        sheet.write_string(row, column, said(result), self.coloured[result.status])

    def target(self, sheet: Any, row: int, target: Target) -> None:
        """The first three columns of a target's row: its id, name and what is required; the
        row as high as they wrap to."""
        name, required = pick(target.name), requirement(target)
        sheet.write_string(row, 0, target.id, self.top)
        sheet.write_string(row, 1, name, self.top)
        sheet.write_string(row, 2, required, self.top)
        widths = (width for _, width in FIXED)
        sheet.set_row(row, row_height(zip((target.id, name, required), widths, strict=True)))

    def charts(self, trend: Trend, sheet: Any, headings: Sequence[str]) -> None:
        """A line chart per course of ``trend`` on ``sheet``, with the figures it draws, each
        report named by its heading in the table."""
        for index, course in enumerate(trend.courses):
            _chart(self, sheet, course, headings, index=index)

    def close(self, title: str) -> bytes:
        """The workbook's bytes, each sheet printing on A4 landscape, a page wide, with
        ``title`` at the top."""
        for sheet in self.book.worksheets():
            sheet.set_h_pagebreaks(self.breaks.get(sheet.name, []))
            sheet.set_header(f"&L{title.replace('&', '&&')}")
            sheet.set_landscape()
            sheet.set_paper(9)  # A4
            sheet.fit_to_pages(1, 0)
        self.book.close()
        return self.buffer.getvalue()


FIXED = (("column.id", 36), ("column.name", 44), ("column.required", 18))
"""The columns a target's row starts with, and their widths (the longest id fits)."""
STATUS_WIDTH = 22
"""A status column's width: 'Có nguy cơ không đạt', in bold, fits."""


def trend_xlsx(trend: Trend) -> bytes:
    """A workbook: the trend table (a row per target, a figure and a status column per
    report), and a sheet with a line chart per target and the figures it draws."""
    book = _Book("trend")
    headings = [period_heading(evaluation) for evaluation in trend.evaluations]
    table = book.book.add_worksheet(t("trendfile.sheet.table"))
    charts = book.book.add_worksheet(t("trendfile.sheet.charts"))
    columns = [(t(key), width) for key, width in FIXED]
    for heading in headings:
        columns += [(heading, 12), (f"{heading}: {t('column.status')}", STATUS_WIDTH)]
    book.headings(table, columns)
    for row, course in enumerate(trend.courses, start=1):
        book.target(table, row, course.target)
        for index, result in enumerate(course.results):
            column = len(FIXED) + 2 * index
            book.given(table, row, column, result)
            book.status(table, row, column + 1, result)
    table.autofilter(0, 0, len(trend.courses), len(columns) - 1)
    book.charts(trend, charts, headings)
    return book.close(t("trendfile.title", **words_of(trend.evaluations[-1].targets)))


def diff_xlsx(compared: Comparison) -> bytes:
    """A workbook: what changed, worst first (a row per target that differs: the change, the
    figures before and after, their difference and both statuses), and a sheet with a line
    chart per target over the two reports."""
    from nq94.review import paired

    book = _Book("diff")
    table = book.book.add_worksheet(t("difffile.sheet.table"))
    charts = book.book.add_worksheet(t("trendfile.sheet.charts"))
    old, new = sides(compared).headings
    columns = [(t(key), width) for key, width in FIXED]
    columns += [(t("column.change"), 16), (old, 12), (new, 12), (t("column.difference"), 12)]
    columns += [(f"{heading}: {t('column.status')}", STATUS_WIDTH) for heading in (old, new)]
    book.headings(table, columns)
    for row, d in enumerate(compared.differences, start=1):
        book.target(table, row, d.target)
        table.write_string(row, 3, change_words(d), book.top)
        book.given(table, row, 4, d.old)
        book.given(table, row, 5, d.new)
        if d.difference is not None:
            decimals = shown_places(d.difference, max(places(d.old), places(d.new)))
            table.write_number(row, 6, float(d.difference), book.number(decimals))
        book.status(table, row, 7, d.old)
        book.status(table, row, 8, d.new)
    last = len(compared.differences) + 1
    table.write_string(last + 1, 0, diff_summary(compared) + ".")
    if compared.differences:
        table.autofilter(0, 0, last - 1, len(columns) - 1)
    book.charts(paired(compared), charts, (old, new))
    words = (period_words(evaluation) for evaluation in (compared.old, compared.new))
    return book.close(t("diff.title", old=next(words), new=next(words)))


CHART_ROWS = 16
"""The rows each target's chart and figures take on the charts sheet."""
CHARTS_PER_PAGE = 3
"""Charts on each printed page of the charts sheet (A4 landscape), so that none is cut."""

TARGET_LINE = {"color": PALETTE["target"], "dash_type": "dash", "width": 1.25}
"""The target's line (or its range's two), as on the site."""
BAND = {"fill": {"color": PALETTE["at_risk_band"]}, "border": {"none": True}}
UNSEEN = {"fill": {"none": True}, "border": {"none": True}}
"""The at-risk band, shaded as on the site, and the unseen layers a stacked area lifts it on."""

CHART_COLUMN = 9
"""The column each chart stands at, right of the widest table of figures (a two-sided band's:
the report, the figure, two lines and two bands' edges)."""
STACK_COLUMN = 30
"""The first of the hidden columns that hold the band as a stacked area draws it: the layer
under it, then its height (and, for two bands, the gap between them and the second's)."""


def _lines(target: Target) -> list[tuple[Decimal, str]]:
    """The horizontal lines of a target's chart: the target's line, or the two edges of the
    range that meets it, each with its title (empty for a line whose twin the key names)."""
    required = requirement(target)
    edges = target.band or (target.threshold,)
    return [(edge, required if i == 0 else "") for i, edge in enumerate(edges)]


def _layers(bands: Sequence[tuple[Decimal, Decimal]]) -> list[tuple[Decimal, bool]]:
    """The at-risk bands as a stacked area draws them: each layer's height, and whether it is
    shaded (a band) or unseen (under the first band, between two). Bands that overlap, as a
    narrow range's can, are drawn as one."""
    merged: list[list[Decimal]] = []
    for low, high in sorted(bands):
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    layers: list[tuple[Decimal, bool]] = []
    top = Decimal(0)
    for low, high in merged:
        layers += [(low - top, False), (high - low, True)]
        top = high
    return layers


def _chart(book: _Book, sheet: Any, course: Course, headings: Sequence[str], *, index: int) -> None:
    """A target's figures in a small table on the charts sheet, and its line chart beside
    them: the figure compared in each report, the target's line (or its range's two) and its
    at-risk band shaded, as the site's charts draw them (Target.at_risk_bands)."""
    target, name = course.target, t("trendfile.sheet.charts")
    first = index * CHART_ROWS
    if index and index % CHARTS_PER_PAGE == 0:
        book.breaks.setdefault(sheet.name, []).append(first)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, CHART_COLUMN - 2, 12)
    sheet.set_column(STACK_COLUMN, STACK_COLUMN + 3, None, None, {"hidden": True})
    sheet.write_string(first, 0, pick(target.name), book.header)
    lines = _lines(target)
    bands = target.at_risk_bands
    titles = [t("site.column.report"), t("site.column.compared")]
    titles += [title for _, title in lines]
    titles += [t(key) for _ in bands for key in ("trendfile.band_from", "trendfile.band_to")]
    for column, title in enumerate(titles):
        sheet.write_string(first + 1, column, title, book.header)
    sheet.set_row(first + 1, 60)  # the headings wrap
    layers = _layers(bands)
    last = first + 1 + len(headings)
    for offset, (heading, result) in enumerate(zip(headings, course.results, strict=True)):
        row = first + 2 + offset
        sheet.write_string(row, 0, heading)
        book.figure(sheet, row, 1, result)
        edges = [line for line, _ in lines] + [end for band in bands for end in band]
        for column, edge in enumerate(edges, start=2):
            sheet.write_number(row, column, float(edge), book.number(given_places(edge)))
        for column, (height, _) in enumerate(layers, start=STACK_COLUMN):
            sheet.write_number(row, column, float(height))
    unnamed: list[int] = []

    def rows(column: int) -> list[Any]:
        return [name, first + 2, column, last, column]

    # the band first, so that the lines are drawn over it (a chart draws its parts in order)
    chart = book.book.add_chart(
        {"type": "area", "subtype": "stacked"} if layers else {"type": "line"}
    )
    lined = chart
    if layers:
        at_risk = t("site.key.at_risk", margin=margin_text(target))
        for offset, (_, shaded) in enumerate(layers):
            named = shaded and offset == 1  # the key names the first band, as the site's does
            if not named:
                unnamed.append(offset)
            series: dict[str, Any] = {"categories": rows(0), "values": rows(STACK_COLUMN + offset)}
            series |= (BAND if shaded else UNSEEN) | ({"name": at_risk} if named else {})
            chart.add_series(series)
        chart.show_hidden_data()  # the band's layers stand in hidden columns
        lined = book.book.add_chart({"type": "line"})
    for column, title in enumerate([titles[1], *(title for _, title in lines)], start=1):
        series = {"name": title, "categories": rows(0), "values": rows(column)}
        if column == 1:
            series |= {"marker": {"type": "circle", "size": 6}, "line": {"color": PALETTE["line"]}}
        else:
            series["line"] = TARGET_LINE
        if not title:
            unnamed.append(len(layers) + column - 1)
        lined.add_series(series)
    if lined is not chart:
        chart.combine(lined)
    chart.set_title({"name": pick(target.name), "name_font": {"size": 11}})
    chart.set_y_axis({"name": pick(target.unit), "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom", "delete_series": unnamed})
    chart.show_blanks_as("gap")
    chart.set_size({"width": 560, "height": 300})
    sheet.insert_chart(first, CHART_COLUMN, chart)
