"""The workbook officers fill in (``nq94 template -o report.xlsx``), and a report converted to
one (``nq94 convert``): XlsxWriter, imported only when a workbook is written. Its layout is the
contract in nq94.layout, which nq94.read.workbook reads back.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from nq94.i18n import Lang, current, pick, t
from nq94.i18n import number as said
from nq94.layout import (
    FIGURES,
    HEADER_ROW,
    INPUTS,
    KEYS,
    LISTS,
    NAMES,
    PERIOD_ROW,
    SHEET,
    TEXTS,
    TITLE_ROW,
    WORDS_ROW,
)
from nq94.model import DERIVABLE, Basis, Measure, Period, Target, TargetsFile
from nq94.model import comparison as required
from nq94.model.numtext import plain
from nq94.render.numbers import section_name, words_of
from nq94.render.palette import PALETTE
from nq94.render.periods import period_name


def template(
    targets: TargetsFile,
    *,
    period: Period,
    basis: Basis,
    source: str | None = None,
    values: Mapping[str, Any] | None = None,
    targets_file: str | None = None,
) -> bytes:
    """A workbook to fill in: every target with its words, unit and requirement, locked; input
    cells open, with drop-downs and ranges; filled with ``values`` (figures as a report wrote
    them) when given; naming ``targets_file`` (relative to the workbook) when given."""
    import xlsxwriter  # type: ignore[import-untyped]  # needed by workbooks only

    from nq94.render.cells import pieces, row_height

    lang = current()
    values = values or {}
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    book.set_properties({"title": _title(targets), "comments": "nq94"})
    styles = _Styles(book)
    sheet = book.add_worksheet(SHEET[lang])
    lists = book.add_worksheet(LISTS[lang])
    lists.hide()

    # the drop-downs offer what the reader says (codes in English, Vietnamese words, which
    # nq94.read.workbook reads back as the codes they mean), each with the other form beside it
    periods = _choices((str(each), period_name(each)) for each in Period.all_of(targets.year))
    bases = _choices((each.value, t(f"basis.{each.value}")) for each in Basis)
    for column, choices in ((0, periods), (3, bases)):
        for row, (offered, other) in enumerate(choices):
            lists.write_string(row, column, offered)
            lists.write_string(row, column + 1, other)
    last = len(KEYS) - 1
    sheet.merge_range(TITLE_ROW - 1, 0, TITLE_ROW - 1, last, _title(targets), styles.title)
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, t("workbook.instructions"), styles.note)
    sheet.set_row(TITLE_ROW, 32)

    quoted = LISTS[lang].replace("'", "''")
    top = PERIOD_ROW - 1
    chosen = {"period": _choice(str(period), period_name(period)),
              "basis": _choice(basis.value, t(f"basis.{basis.value}"))}  # fmt: skip
    for offset, (key, choices, codes_column) in enumerate(
        (("period", periods, "A"), ("basis", bases, "D"))
    ):
        row = top + offset
        offered, other = chosen[key]
        sheet.write_string(row, 0, t(f"workbook.{key}"), styles.label)
        sheet.write_string(row, 1, offered, styles.choice)
        size, words_column = len(choices), chr(ord(codes_column) + 1)
        sheet.write_formula(
            row,
            2,
            f"=IFERROR(VLOOKUP(B{row + 1},'{quoted}'!${codes_column}$1:"
            f'${words_column}${size},2,FALSE),"")',
            styles.words,
            other,
        )
        sheet.data_validation(
            row,
            1,
            row,
            1,
            {
                "validate": "list",
                "source": f"='{quoted}'!${codes_column}$1:${codes_column}${size}",
                "error_title": t(f"workbook.{key}"),
                "error_message": t(f"workbook.choose_{key}"),
            },
        )
        sheet.write_string(row, 3, t(f"workbook.{key}_hint"), styles.hint)
    source_row = top + 2
    sheet.write_string(source_row, 0, t("workbook.source"), styles.label)
    sheet.merge_range(source_row, 1, source_row, last, "", styles.open_text)
    if source:
        sheet.write_string(source_row, 1, source, styles.open_text)  # a text cell: never run
    named = NAMES if targets_file is not None else NAMES[:-1]
    if targets_file is not None:
        targets_row = source_row + 1
        sheet.write_string(targets_row, 0, t("workbook.targets"), styles.label)
        sheet.merge_range(targets_row, 1, targets_row, last, "", styles.open_text)
        sheet.write_string(targets_row, 1, targets_file, styles.open_text)
    sheet_name = SHEET[lang].replace("'", "''")
    for offset, key in enumerate(named):
        book.define_name(key, f"='{sheet_name}'!$B${PERIOD_ROW + offset}")

    widths = {**_WIDTHS, "id": max(len(target.id) for target in targets.targets) + 2}
    for column, key in enumerate(KEYS):
        sheet.write_string(
            WORDS_ROW - 1, column, t(f"workbook.column.{key}", **words_of(targets)), styles.header
        )
        sheet.write_string(HEADER_ROW - 1, column, key, styles.key)
        sheet.set_column(column, column, widths[key])
    sheet.set_row(WORDS_ROW - 1, 30)

    row = HEADER_ROW - 1
    for target in targets.targets:
        row += 1
        given = values.get(target.id)
        entry = given if isinstance(given, Mapping) else {} if given is None else {"value": given}
        sheet.write_string(row, 0, target.id, styles.id)
        sheet.write_string(row, 1, section_name(targets, target.section), styles.locked)
        sheet.write_string(row, 2, target.words, styles.locked)
        sheet.write_string(row, 3, pick(target.unit), styles.locked)
        sheet.write_string(row, 4, required(target), styles.locked)
        wrapped = {"section": section_name(targets, target.section), "target": target.words,
                   "unit": pick(target.unit)}  # fmt: skip
        sheet.set_row(row, row_height((text, _WIDTHS[key]) for key, text in wrapped.items()))
        more: dict[int, list[str]] = {}
        for key in INPUTS:
            column = KEYS.index(key)
            closed = key in ("baseline", "current") and target.kind not in DERIVABLE
            if closed:
                sheet.write_blank(row, column, None, styles.closed)
                continue
            written = entry.get(key)
            if key in TEXTS and isinstance(written, str):
                written, *more[column] = pieces(written)
            _write_input(sheet, row, column, written, styles, text=key in TEXTS)
            if key in FIGURES:
                sheet.data_validation(row, column, row, column, _figure_rule(target, key))
        row = _going_on(sheet, row, more, styles)

    sheet.freeze_panes(HEADER_ROW, 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(WORDS_ROW - 1, HEADER_ROW - 1)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.protect(
        "",
        {
            "format_columns": True,
            "format_rows": True,
            "select_locked_cells": True,
            "select_unlocked_cells": True,
        },
    )
    sheet.activate()
    book.close()
    return buffer.getvalue()


def _choice(code: str, words: str) -> tuple[str, str]:
    """What a drop-down offers of a period or basis, and the other form shown beside it: the
    code and its words in English, the words and their code in Vietnamese."""
    return (words, code) if current() is Lang.VI else (code, words)


def _choices(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The choices of a drop-down, each offered once ('tháng 1 năm 2026' is both 2026-1M and
    2026-M01: the same months)."""
    found: dict[str, str] = {}
    for code, words in pairs:
        offered, other = _choice(code, words)
        found.setdefault(offered, other)
    return list(found.items())


_WIDTHS = {"id": 28, "section": 20, "target": 50, "unit": 13, "threshold": 10, "value": 12,
           "baseline": 11, "current": 11, "source": 20, "note": 20}  # fmt: skip
"""Column widths, in characters; the words, section and unit wrap within theirs."""


def _title(targets: TargetsFile) -> str:
    return t("workbook.title", **words_of(targets))


class _Styles:
    """The cell formats of the template."""

    def __init__(self, book: Any) -> None:
        grey, fill = PALETTE["key_bg"], PALETTE["input"]
        border = self.border = {"border": 1, "border_color": PALETTE["border"]}
        self.book = book
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.note = book.add_format({"italic": True, "text_wrap": True, "valign": "top"})
        self.hint = book.add_format({"italic": True, "font_color": PALETTE["muted"]})
        self.label = book.add_format({"bold": True})
        self.words = book.add_format({"italic": True})
        self.choice = book.add_format({"locked": False, "bg_color": fill, **border})
        self.header = book.add_format(
            {"bold": True, "text_wrap": True, "valign": "bottom", "bg_color": grey, **border}
        )
        self.key = book.add_format({"font_color": PALETTE["muted"], "bg_color": grey, **border})
        self.locked = book.add_format({"valign": "top", "text_wrap": True, **border})
        self.id = book.add_format({"valign": "top", **border})  # an id never wraps
        self.closed = book.add_format({"bg_color": PALETTE["closed"], **border})
        self.open_text = book.add_format(
            {"locked": False, "bg_color": fill, "valign": "top", "text_wrap": True, **border}
        )
        self._numbers: dict[int | None, Any] = {}

    def number(self, decimals: int | None) -> Any:
        """An open cell showing ``decimals`` decimals (the places a report wrote); None: as
        typed (General), for a cell left to fill in."""
        if decimals not in self._numbers:
            shown = {}
            if decimals is not None:
                shown["num_format"] = "#,##0" + ("." + "0" * decimals if decimals else "")
            self._numbers[decimals] = self.book.add_format(
                {"locked": False, "bg_color": PALETTE["input"], "valign": "top"}
                | shown
                | self.border
            )
        return self._numbers[decimals]


def _going_on(sheet: Any, row: int, more: Mapping[int, list[str]], styles: _Styles) -> int:
    """The rest of a source or note longer than a cell holds, a piece a row below its target's
    (rows holding nothing else, which nq94.read.workbook joins back), as the export does; the
    last row written."""
    for _ in range(max(map(len, more.values()), default=0)):
        row += 1
        for column, rest in more.items():
            if rest:
                sheet.write_string(row, column, rest.pop(0), styles.open_text)
    return row


def _write_input(
    sheet: Any, row: int, column: int, given: Any, styles: _Styles, *, text: bool
) -> None:
    """An open cell holding ``given`` as the report wrote it: a number as a number showing the
    places written, when a spreadsheet's double holds it exactly; anything else as text."""

    if isinstance(given, Decimal) and not text and given.is_finite():
        as_float = float(given)
        if Decimal(repr(as_float)) == given:
            decimals = max(0, -int(given.as_tuple().exponent))
            sheet.write_number(row, column, as_float, styles.number(decimals))
            return
        given = plain(given)
    if given is None:
        sheet.write_blank(row, column, None, styles.number(None) if not text else styles.open_text)
        return
    sheet.write_string(row, column, str(given), styles.open_text)  # as written: line breaks too


def _figure_rule(target: Target, key: str) -> dict[str, Any]:
    """The data validation of a figure's cell: within the plausible range for its value."""
    if key != "value":  # last year's and this year's figures: any number
        low, high = Decimal(-(10**15)), Decimal(10**15)
        message = t("workbook.a_number")
    else:
        low, high = target.plausible
        whole = "workbook.whole_in_range" if target.measure is Measure.COUNT else ""
        words = {"low": said(low, places=20), "high": said(high, places=20)}
        message = t(whole or "workbook.out_of_range", **words, unit=pick(target.unit))
    rule: dict[str, Any] = {
        "validate": "integer" if key == "value" and target.measure is Measure.COUNT else "decimal",
        "criteria": "between",
        "minimum": float(low),
        "maximum": float(high),
        "error_type": "stop",
        "error_title": pick(target.name)[:32],
        "error_message": message[:255],
    }
    if key == "value":
        rule["input_title"] = pick(target.name)[:32]
        rule["input_message"] = f"{required(target)} {pick(target.unit)}"[:255]
    return rule
