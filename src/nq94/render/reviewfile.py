"""`nq94 trend … -o FILE` and `nq94 diff … -o FILE`: a review as a file for people, in the
language spoken now.

``.html`` is one printable page (A4) with, for each target (each that differs, for a diff), the
chart and the table of a target's page of the site (nq94.site: the same code draws and writes
them); ``.xlsx`` is the review's table with typed figures and coloured statuses, and a line
chart per target drawn by Excel itself (XlsxWriter's charts) on a second sheet. matplotlib and
XlsxWriter are imported here only, when such a file is asked for.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from nq94.evaluate import Obtained
from nq94.i18n import current, pick, t
from nq94.layout import OWN_OUTPUT
from nq94.model import Kind, Operator
from nq94.render.cells import row_height
from nq94.render.html import (
    ICON,
    STATUS_CLASS,
    chart_ids,
    escape,
    labelled,
    status_badge,
    status_words,
)
from nq94.render.numbers import (
    apart,
    change_label,
    diff_summary,
    difference_text,
    figure_text,
    given_places,
    margin_text,
    period_heading,
    period_words,
    places,
    requirement,
    shown_places,
    side,
    status_label,
    year_end_text,
)
from nq94.render.palette import CELL_COLOURS, PALETTE

if TYPE_CHECKING:
    from nq94.evaluate import Result
    from nq94.model import Target
    from nq94.review import Comparison, Course, Difference, Trend


class ReviewFile(StrEnum):
    HTML = ".html"
    XLSX = ".xlsx"


def review_file(suffix: str) -> ReviewFile | None:
    """The kind of file a suffix asks for (any case), or None."""
    try:
        return ReviewFile(suffix.lower())
    except ValueError:
        return None


PRINT_STYLE = (
    " .trend-target { break-inside: avoid; page-break-inside: avoid; }"
    " .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }"
    " .at-a-glance .status { padding: 0 .3rem; }"
    " @media print { .trend-target { break-before: auto; } figure.large svg { max-width: 150mm; } }"
)
"""What a page of charts adds to the site's style sheet (which already prints on A4)."""


def trend_html(trend: Trend) -> bytes:
    """One page: the course of every target, its chart and its table, in the language spoken
    now."""
    from nq94.site import pages

    resolution = trend.evaluations[-1].targets.resolution
    title = t("trendfile.title", number=resolution.number, year=trend.year)
    periods = " → ".join(period_heading(evaluation) for evaluation in trend.evaluations)
    body = f"""<header>
<h1>{escape(title)}</h1>
<p class="lead">{escape(pick(resolution.title))}</p>
<p>{escape(t("trendfile.periods", periods=periods))}</p>
</header>
<main id="main">
<section aria-labelledby="at-a-glance">
<h2 id="at-a-glance">{escape(t("trendfile.at_a_glance"))}</h2>
{_glance(trend)}
{_flows_note(trend)}
</section>
{_courses(trend, grouped=True)}
</main>"""
    return pages.page(title, body, trend, style=PRINT_STYLE).encode("utf-8")


def _flows_note(trend: Trend) -> str:
    """What a flow's figures in a table are, where the table has a flow: its total to date,
    while its status goes by the projection its chart draws."""
    if not any(course.target.kind is Kind.FLOW for course in trend.courses):
        return ""
    return f'<p class="note">{escape(t("trendfile.flows"))}</p>'


def _glance(trend: Trend) -> str:
    """Every target in a table, by section: its figure and status in each report (the status
    an icon, with its word for screen readers and as a tooltip), its year end for a flow and
    its latest status; each name leads to its chart below."""
    from nq94.site.pages import sections

    headings = [period_heading(evaluation) for evaluation in trend.evaluations]
    labels = [escape(t("trendfile.target")), *map(escape, headings)]
    labels += [escape(t("column.year_end")), escape(t("column.status"))]
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    targets = trend.evaluations[-1].targets
    groups = []
    for section, courses in sections(trend):
        rows = []
        for course in courses:
            cells = []
            for result in course.results:
                word = status_words(result.status)
                icon = (
                    f'<span class="status {STATUS_CLASS[result.status]}" title="{word}">'
                    f'<span aria-hidden="true">{ICON[result.status]}</span>'
                    f'<span class="sr">{word}</span></span>'
                )
                cells.append((' class="num"', f"{escape(figure_text(result))} {icon}"))
            cells.append((' class="num"', escape(year_end_text(course)) or "—"))
            cells.append(("", status_badge(course.final)))
            row = labelled(cells, labels[1:])
            target = course.target
            name = f'<a class="name" href="#{escape(target.id)}">{escape(pick(target.name))}</a>'
            rows.append(f'<tr><th scope="row">{name}</th>{row}</tr>')
        caption = escape(pick(targets.sections[section]))
        groups.append(
            f'<div class="table-wrap"><table class="stack at-a-glance"><caption>{caption}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    return "\n".join(groups)


def diff_html(compared: Comparison) -> bytes:
    """One page: what changed, worst first, in a table; then each target that differs, its
    chart and its table over the two reports."""
    from nq94.review import paired
    from nq94.site import pages

    pair = paired(compared)
    old, new = compared.old, compared.new
    named = sides(compared)
    title = t("diff.title", old=period_words(old), new=period_words(new))
    tables = []
    changed, settled = apart(compared)
    for heading, differences in ((None, changed), (t("diff.settled_heading"), settled)):
        if differences:
            above = f"<h2>{escape(heading)}</h2>\n" if heading else ""
            tables.append(above + _differences(differences))
    body = f"""<header>
<h1>{escape(title)}</h1>
<p class="lead">{escape(pick(new.targets.resolution.title))}</p>
<p>{escape(t("difffile.reports", old=side(old), new=side(new)))}</p>
<p class="verdict">{escape(diff_summary(compared))}.</p>
</header>
<main id="main">
{chr(10).join(tables)}
{_flows_note(pair)}
{_courses(pair, named)}
</main>"""
    return pages.page(title, body, pair, style=PRINT_STYLE).encode("utf-8")


class Sides(NamedTuple):
    """How a diff names its two reports, in the language spoken now: in the table of a
    target's figures, and under the columns of its chart (two lines each)."""

    headings: tuple[str, str]
    columns: tuple[tuple[str, str], tuple[str, str]] | None
    """None: as a chart names reports, by the part of the year and the basis."""


def sides(compared: Comparison) -> Sides:
    """The two reports by their periods and bases or, when these are the same (a report and
    its correction), also as before and after."""
    old, new = compared.old, compared.new
    headings = (period_heading(old), period_heading(new))
    if (old.report.period, old.report.basis) != (new.report.period, new.report.basis):
        return Sides(headings, None)
    part = pick(old.report.period.part_names)
    before, after = t("column.before"), t("column.after")
    return Sides(
        (f"{headings[0]}: {before}", f"{headings[1]}: {after}"), ((part, before), (part, after))
    )


def _differences(differences: list[Difference]) -> str:
    """The table of what changed: the target, the change, the figures before and after, their
    difference and the statuses."""
    keys = ("target", "change", "before", "after", "difference", "status")
    labels = [escape(t(f"column.{key}")) for key in keys]
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    rows = []
    for d in differences:
        status = status_badge(d.new.status)
        if d.old.status is not d.new.status:
            status = f"{status_badge(d.old.status)} → {status}"
        cells = (
            ("", escape(change_label(d.change))),
            (' class="num"', escape(figure_text(d.old))),
            (' class="num"', escape(figure_text(d.new))),
            (' class="num"', escape(difference_text(d))),
            ("", status),
        )
        row = labelled(cells, labels[1:])
        name = f'<a class="name" href="#{escape(d.target.id)}">{escape(pick(d.target.name))}</a>'
        words = f'<span class="words" lang="vi">{escape(d.target.words)}</span>'
        rows.append(f'<tr><th scope="row">{name}{words}</th>{row}</tr>')
    return (
        f'<div class="table-wrap"><table class="stack differences">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _courses(trend: Trend, sides: Sides | None = None, *, grouped: bool = False) -> str:
    """A section per course of ``trend``: its name, its latest status, its chart and table
    (its reports named by ``sides`` if given); under a heading per section of the targets if
    ``grouped``."""
    from nq94.site.pages import sections

    if not grouped:
        return "\n".join(_course(trend, course, sides, heading="h2") for course in trend.courses)
    names = trend.evaluations[-1].targets.sections
    return "\n".join(
        f'<h2 class="section">{escape(pick(names[section]))}</h2>\n'
        + "\n".join(_course(trend, course, sides, heading="h3") for course in courses)
        for section, courses in sections(trend)
    )


def _course(trend: Trend, course: Course, sides: Sides | None, *, heading: str) -> str:
    from nq94.site import charts, pages

    target_id = course.target.id
    caption_id, table_id = chart_ids(target_id)
    (svg,) = charts.large_charts(
        course,
        trend.evaluations,
        [current()],
        scope=f"c-{target_id}",
        labelled_by=caption_id,
        described_by=table_id,
        columns=sides.columns if sides else None,
    ).values()
    figure = pages.chart_figure(
        trend,
        course,
        svg,
        caption_id=caption_id,
        table_id=table_id,
        headings=sides.headings if sides else None,
    )
    return (
        f'<section class="trend-target" aria-labelledby="{escape(target_id)}">\n'
        f'<{heading} id="{escape(target_id)}">{escape(pick(course.target.name))}</{heading}>\n'
        f"<p>{status_badge(course.final)}</p>\n{figure}\n</section>"
    )


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
        sheet.write_string(row, column, status_label(result.status), self.coloured[result.status])

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
    resolution = trend.evaluations[-1].targets.resolution
    return book.close(t("trendfile.title", number=resolution.number, year=trend.year))


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
        table.write_string(row, 3, change_label(d.change), book.top)
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
AT_RISK_LINE = {"color": PALETTE["at_risk_line"], "dash_type": "round_dot", "width": 1.5}
"""The target's line (or its range's two) and the at-risk band's edges, as on the site."""


def _lines(target: Target) -> list[tuple[Decimal, str, dict[str, Any]]]:
    """The horizontal lines of a target's chart: each figure, its title (empty for a line
    whose twin the key already names) and its style. The target's line, or the two edges of the
    range that meets it; then the outer edges of its at-risk band, if it has one."""
    required = requirement(target)
    edges = list(target.band or (target.threshold,))
    lines = [(edge, required if i == 0 else "", TARGET_LINE) for i, edge in enumerate(edges)]
    margin = target.at_risk_margin
    if margin:
        floor, ceiling = target.plausible
        below, above = max(edges[0] - margin, floor), min(edges[-1] + margin, ceiling)
        at_risk = t("site.key.at_risk", margin=margin_text(target))
        if target.band is not None:  # around both edges of the range
            lines += [(below, at_risk, AT_RISK_LINE), (above, "", AT_RISK_LINE)]
        elif target.operator in (Operator.GE, Operator.GT):  # below the line
            lines.append((below, at_risk, AT_RISK_LINE))
        else:
            lines.append((above, at_risk, AT_RISK_LINE))
    return lines


def _chart(book: _Book, sheet: Any, course: Course, headings: Sequence[str], *, index: int) -> None:
    """A target's figures in a small table on the charts sheet, and its line chart beside
    them: the figure compared in each report, the target's line (or its range's two) and the
    edge of its at-risk band."""
    target, name = course.target, t("trendfile.sheet.charts")
    first = index * CHART_ROWS
    if index and index % CHARTS_PER_PAGE == 0:
        book.breaks.setdefault(sheet.name, []).append(first)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 5, 12)
    sheet.write_string(first, 0, pick(target.name), book.header)
    lines = _lines(target)
    titles = [t("site.column.compared"), *(title for _, title, _ in lines)]
    for column, title in enumerate(titles, start=1):
        heading = (
            t("site.key.band") if lines[column - 2][2] is AT_RISK_LINE and column > 1 else title
        )
        sheet.write_string(first + 1, column, heading, book.header)
    sheet.write_string(first + 1, 0, t("site.column.report"), book.header)
    sheet.set_row(first + 1, 60)  # the headings wrap
    last = first + 1 + len(headings)
    for offset, (heading, result) in enumerate(zip(headings, course.results, strict=True)):
        row = first + 2 + offset
        sheet.write_string(row, 0, heading)
        book.figure(sheet, row, 1, result)
        for column, (line, _, _) in enumerate(lines, start=2):
            sheet.write_number(row, column, float(line), book.number(given_places(line)))
    chart = book.book.add_chart({"type": "line"})
    unnamed = []
    for column, title in enumerate(titles, start=1):
        series: dict[str, Any] = {
            "name": title,
            "categories": [name, first + 2, 0, last, 0],
            "values": [name, first + 2, column, last, column],
        }
        if column == 1:
            series |= {"marker": {"type": "circle", "size": 6}, "line": {"color": PALETTE["line"]}}
        else:
            series["line"] = lines[column - 2][2]
        if not title:
            unnamed.append(column - 1)
        chart.add_series(series)
    chart.set_title({"name": pick(target.name), "name_font": {"size": 11}})
    chart.set_y_axis({"name": pick(target.unit), "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom", "delete_series": unnamed})
    chart.show_blanks_as("gap")
    chart.set_size({"width": 560, "height": 300})
    sheet.insert_chart(first, 7, chart)
