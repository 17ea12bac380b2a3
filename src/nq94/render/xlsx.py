"""An Excel workbook of one report: a status sheet with numbers as numbers, and a sources sheet.

XlsxWriter is imported here only, so only `nq94 export … -o FILE.xlsx` pays for it.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from nq94.evaluate import Evaluation
from nq94.i18n import t
from nq94.layout import OWN_OUTPUT
from nq94.render.cells import pieces, row_height, safe
from nq94.render.numbers import (
    explain,
    given_places,
    judged_by,
    percent_places,
    percent_text,
    places,
    said,
    section_name,
    shown_places,
    words_of,
)
from nq94.render.palette import CELL_COLOURS, PALETTE
from nq94.render.periods import period_name

STATUS_COLUMNS = (
    ("section", 22), ("id", 36), ("target", 60), ("actual", 12), ("required", 18),
    ("threshold", 11), ("gap", 11), ("percent", 11), ("margin", 9), ("status", 22), ("why", 44),
)  # fmt: skip
SOURCE_COLUMNS = (
    ("id", 30), ("value", 12), ("baseline", 12), ("current", 12), ("source", 40), ("note", 50),
)  # fmt: skip
AS_THE_TEMPLATE = frozenset(("section", "id", "target", *(name for name, _ in SOURCE_COLUMNS)))
"""Columns the template has too, named as it names them (Năm trước, Năm nay), so that a report
filled in and its export say the same."""


def heading(name: str, words: dict[str, str | int]) -> str:
    """A column's heading: the template's words for the columns it has, else the table's."""
    key = f"workbook.column.{name}" if name in AS_THE_TEMPLATE else f"column.{name}"
    return t(key, **words)


def printed(sheet: Any, id_column: int, *, pages_wide: int) -> None:
    """A sheet printed on A4 landscape, ``pages_wide`` pages across and as many down as it
    takes, its header row and its id column on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.5)
    sheet.repeat_rows(0)
    sheet.repeat_columns(id_column)
    sheet.fit_to_pages(pages_wide, 0)


def render(evaluation: Evaluation) -> bytes:
    """The workbook's bytes."""
    import xlsxwriter  # type: ignore[import-untyped]  # needed by this format only

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"category": OWN_OUTPUT + "export"})
    header = book.add_format(
        {"bold": True, "bg_color": PALETTE["heading_bg"], "bottom": 1, "text_wrap": True}
    )
    wrap = book.add_format({"text_wrap": True, "valign": "top", "indent": 1})
    top = book.add_format({"valign": "top", "indent": 1})  # apart from a number on its left
    formats: dict[str, object] = {}

    def shown(decimals: int, *, suffix: str = "") -> object:
        """The number format with ``decimals`` decimals, as the other outputs show the figure."""
        code = f"#,##0.{'0' * decimals}{suffix}" if decimals else f"#,##0{suffix}"
        if code not in formats:
            formats[code] = book.add_format({"num_format": code, "valign": "top"})
        return formats[code]

    def cell(row: int, column: int, value: Decimal | None, decimals: int, sheet: Any) -> None:
        """A typed number with the decimals it is shown with elsewhere; nothing without one.
        (Cells hold binary doubles; statuses were decided on the exact decimals.)"""
        if value is not None:
            sheet.write_number(row, column, float(value), shown(shown_places(value, decimals)))

    status_format = {
        status: book.add_format(
            {"bold": True, "bg_color": bg, "font_color": fg, "valign": "top", "indent": 1}
        )
        for status, (bg, fg) in CELL_COLOURS.items()
    }

    report, targets = evaluation.report, evaluation.targets
    sheet = book.add_worksheet(t("sheet.status"))
    for column, (name, width) in enumerate(STATUS_COLUMNS):
        sheet.write_string(0, column, heading(name, words_of(targets)), header)
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    for row, result in enumerate(evaluation.results, start=1):
        target = result.target
        section = section_name(targets, target.section)
        sheet.write_string(row, 0, section, wrap)
        sheet.write_string(row, 1, target.id, top)
        sheet.write_string(row, 2, target.words, wrap)
        decimals = places(result)  # the decimals that agree with the status
        cell(row, 3, result.actual, decimals, sheet)
        required = judged_by(result, unit=True)
        sheet.write_string(row, 4, required, wrap)
        threshold = result.plan.threshold if result.plan else target.threshold  # the gap's
        cell(row, 5, threshold, given_places(threshold), sheet)
        cell(row, 6, result.gap, decimals, sheet)
        standing = ""
        if result.percent_of_target is not None:
            percent = shown(percent_places(result.percent_of_target), suffix="\\%")
            sheet.write_number(row, 7, float(result.percent_of_target), percent)
        elif standing := percent_text(result):  # the headroom, or the distance from the band,
            sheet.write_string(row, 7, standing, wrap)  # folded, never cut off when printed
        cell(row, 8, result.margin, 2, sheet)
        sheet.write_string(row, 9, said(result), status_format[result.status])
        why = explain(result)
        sheet.write_string(row, 10, why, wrap)
        widths = dict(STATUS_COLUMNS)
        sheet.set_row(row, row_height(
            [(section, widths["section"]), (target.words, widths["target"]),
             (required, widths["required"]), (standing, widths["percent"]),
             (why, widths["why"])]
        ))  # fmt: skip
    sheet.autofilter(0, 0, len(evaluation.results), len(STATUS_COLUMNS) - 1)
    period, basis = period_name(report.period), t("basis." + report.basis.value)
    title = f"{targets.document.name}: {period} ({basis})"
    sheet.set_header(f"&L{title.replace('&', '&&')}")
    # one page across would print at half size: two, the words on one and the why on the
    # other, each beside the target's id, a row's two halves on pages one after the other
    printed(sheet, 1, pages_wide=2)
    sheet.print_across()

    sources = book.add_worksheet(t("sheet.sources"))
    for column, (name, width) in enumerate(SOURCE_COLUMNS):
        sources.write_string(0, column, heading(name, words_of(targets)), header)
        sources.set_column(column, column, width)
    sources.freeze_panes(1, 0)
    sources.set_header(f"&L{title.replace('&', '&&')}")
    printed(sources, 0, pages_wide=1)

    def text(row: int, column: int, value: str) -> int:
        """``value`` whole from ``row`` down, in as many cells as it needs; how many."""
        parts = pieces(safe(value))
        for offset, part in enumerate(parts):
            sources.write_string(row + offset, column, part, wrap)
        return len(parts)

    row = 1
    if report.source:
        sources.write_string(row, 0, t("sheet.report"), top)
        row += text(row, 4, report.source)
    for target_id, entry in report.values.items():
        sources.write_string(row, 0, target_id, top)
        for column, value in ((1, entry.value), (2, entry.baseline), (3, entry.current)):
            if value is not None:  # as given, every decimal kept
                cell(row, column, value, given_places(value), sources)
        rows = 1
        for column, words in ((4, entry.source), (5, entry.note)):
            if words:
                rows = max(rows, text(row, column, words))
        row += rows
    book.close()
    return buffer.getvalue()
