"""`nq94 trend … -o FILE`: the trend as a file for people, in the language spoken now.

``.html`` is one printable page (A4) with, for each target, the chart and the table of a
target's page of the site (nq94.site: the same code draws and writes them); ``.xlsx`` is the
trend table with typed figures and coloured statuses, and a line chart per target drawn by
Excel itself (XlsxWriter's charts) on a second sheet. matplotlib and XlsxWriter are imported
here only, when such a file is asked for.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from nq94.i18n import current, pick, t
from nq94.model import Operator
from nq94.report.html import escape
from nq94.report.numbers import (
    comparison,
    given_places,
    measured,
    period_heading,
    places,
    shown_places,
    status_label,
)

if TYPE_CHECKING:
    from nq94.review import Course, Trend


class TrendFile(StrEnum):
    HTML = ".html"
    XLSX = ".xlsx"


def trend_file(suffix: str) -> TrendFile | None:
    """The kind of file a suffix asks for (any case), or None."""
    try:
        return TrendFile(suffix.lower())
    except ValueError:
        return None


PRINT_STYLE = (
    " .trend-target { break-inside: avoid; page-break-inside: avoid; }"
    " @media print { .trend-target { break-before: auto; } figure.large svg { max-width: 150mm; } }"
)
"""What a page of charts adds to the site's style sheet (which already prints on A4)."""


def as_html(trend: Trend) -> bytes:
    """One page: the course of every target, its chart and its table, in the language spoken
    now."""
    from nq94.site import charts, pages

    lang = current()
    latest = trend.evaluations[-1]
    resolution = latest.targets.resolution
    title = t("trendfile.title", number=resolution.number, year=trend.year)
    periods = " → ".join(period_heading(evaluation) for evaluation in trend.evaluations)
    sections = []
    for course in trend.courses:
        target_id = course.target.id
        caption_id, table_id, heading_id = f"cap-{target_id}", f"data-{target_id}", target_id
        (svg,) = charts.large_charts(
            course,
            trend.evaluations,
            [lang],
            scope=f"c-{target_id}",
            labelled_by=caption_id,
            described_by=table_id,
        ).values()
        figure = pages.chart_figure(trend, course, svg, caption_id=caption_id, table_id=table_id)
        sections.append(
            f'<section class="trend-target" aria-labelledby="{escape(heading_id)}">\n'
            f'<h2 id="{escape(heading_id)}">{escape(pick(course.target.name))}</h2>\n'
            f"<p>{pages.status_badge(course.final)}</p>\n{figure}\n</section>"
        )
    body = f"""<header>
<h1>{escape(title)}</h1>
<p class="lead">{escape(pick(resolution.title))}</p>
<p>{escape(t("trendfile.periods", periods=periods))}</p>
</header>
<main id="main">
{chr(10).join(sections)}
</main>"""
    return pages.page(title, body, trend, style=PRINT_STYLE).encode("utf-8")


def as_xlsx(trend: Trend) -> bytes:
    """A workbook: the trend table (a row per target, a figure and a status column per
    report), and a sheet with a line chart per target and the figures it draws."""
    import xlsxwriter  # type: ignore[import-untyped]  # needed by this format only

    from nq94.report.xlsx import STATUS_COLOURS

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    header = book.add_format({"bold": True, "bg_color": "#F0F0F0", "bottom": 1, "text_wrap": True})
    top = book.add_format({"valign": "top", "text_wrap": True})
    coloured = {
        status: book.add_format({"bold": True, "bg_color": bg, "font_color": fg, "valign": "top"})
        for status, (bg, fg) in STATUS_COLOURS.items()
    }
    number_formats: dict[int, Any] = {}

    def number(decimals: int) -> Any:
        if decimals not in number_formats:
            code = "#,##0" + (f".{'0' * decimals}" if decimals else "")
            number_formats[decimals] = book.add_format({"num_format": code, "valign": "top"})
        return number_formats[decimals]

    headings = [period_heading(evaluation) for evaluation in trend.evaluations]
    table = book.add_worksheet(t("trendfile.sheet.table"))
    charts = book.add_worksheet(t("trendfile.sheet.charts"))
    fixed = [("column.id", 28), ("column.name", 44), ("column.required", 16)]
    for column, (key, width) in enumerate(fixed):
        table.write_string(0, column, t(key), header)
        table.set_column(column, column, width)
    for index, heading in enumerate(headings):
        column = len(fixed) + 2 * index
        table.write_string(0, column, heading, header)
        table.write_string(0, column + 1, f"{heading}: {t('column.status')}", header)
        table.set_column(column, column, 12)
        table.set_column(column + 1, column + 1, 16)
    table.set_row(0, 45)
    table.freeze_panes(1, 2)
    for row, course in enumerate(trend.courses, start=1):
        target = course.target
        table.write_string(row, 0, target.id, top)
        table.write_string(row, 1, pick(target.name), top)
        table.write_string(row, 2, measured(comparison(target), pick(target.unit)), top)
        for index, result in enumerate(course.results):
            column = len(fixed) + 2 * index
            if result.actual is not None:
                decimals = shown_places(result.actual, places(result))
                table.write_number(row, column, float(result.actual), number(decimals))
            table.write_string(
                row, column + 1, status_label(result.status), coloured[result.status]
            )
        _chart(book, charts, course, headings, index=row - 1, header=header, number=number)
    table.autofilter(0, 0, len(trend.courses), len(fixed) + 2 * len(headings) - 1)
    resolution = trend.evaluations[-1].targets.resolution
    for sheet in (table, charts):
        sheet.set_header(f"&L{t('trendfile.title', number=resolution.number, year=trend.year)}")
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
    table.fit_to_pages(1, 0)
    charts.fit_to_pages(1, 0)
    book.close()
    return buffer.getvalue()


CHART_ROWS = 18
"""The rows each target's chart and figures take on the charts sheet."""


def _chart(
    book: Any,
    sheet: Any,
    course: Course,
    headings: list[str],
    *,
    index: int,
    header: Any,
    number: Callable[[int], Any],
) -> None:
    """A target's figures in a small table on the charts sheet, and its line chart beside
    them: the figure compared in each report, and the target's line (or its band's two)."""
    target, name = course.target, t("trendfile.sheet.charts")
    first = index * CHART_ROWS
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 3, 12)
    sheet.write_string(first, 0, pick(target.name), header)
    unit = pick(target.unit)
    edges = list(target.band or (target.threshold,))
    lines = edges if target.operator is Operator.BETWEEN else [target.threshold]
    titles = [t("site.column.compared"), *(measured(comparison(target), unit) for _ in lines)]
    for column, title in enumerate(titles, start=1):
        sheet.write_string(first + 1, column, title, header)
    sheet.write_string(first + 1, 0, t("site.column.report"), header)
    last = first + 1 + len(headings)
    for offset, (heading, result) in enumerate(zip(headings, course.results, strict=True)):
        row = first + 2 + offset
        sheet.write_string(row, 0, heading)
        if result.actual is not None:
            decimals = shown_places(result.actual, places(result))
            sheet.write_number(row, 1, float(result.actual), number(decimals))
        for column, line in enumerate(lines, start=2):
            sheet.write_number(row, column, float(line), number(given_places(line)))
    chart = book.add_chart({"type": "line"})
    for column, title in enumerate(titles, start=1):
        series: dict[str, Any] = {
            "name": title,
            "categories": [name, first + 2, 0, last, 0],
            "values": [name, first + 2, column, last, column],
        }
        if column == 1:
            series |= {"marker": {"type": "circle", "size": 6}, "line": {"color": "#1F4E99"}}
        else:
            series["line"] = {"color": "#1A1A1A", "dash_type": "dash", "width": 1.25}
        chart.add_series(series)
    chart.set_title({"name": pick(target.name), "name_font": {"size": 11}})
    chart.set_y_axis({"name": unit, "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("gap")
    chart.set_size({"width": 560, "height": 300})
    sheet.insert_chart(first, 5, chart)
