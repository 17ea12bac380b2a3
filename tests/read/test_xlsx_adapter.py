"""What nq94.read.xlsx assumes of openpyxl's internals holds for the openpyxl installed: if an
upgrade moves them, this fails saying which, before any workbook is misread."""

from __future__ import annotations

import inspect

from nq94.model import Basis, Period
from nq94.read.loading import builtin_targets
from nq94.read.xlsx import open_books, parse_sheet, shared_strings
from nq94.render.form import template


def test_the_sheet_parser_takes_what_nq94_gives_it() -> None:
    """openpyxl's WorkSheetParser takes the arguments nq94 passes, and a read-only sheet gives
    its source, its book's archive and date formats."""
    import openpyxl
    from openpyxl.worksheet._reader import WorkSheetParser

    assert openpyxl.DEFUSEDXML, "openpyxl does not parse through defusedxml here"
    taken = set(inspect.signature(WorkSheetParser.__init__).parameters)
    wanted = {"src", "shared_strings", "data_only", "epoch", "date_formats", "timedelta_formats"}
    assert wanted <= taken, f"openpyxl's WorkSheetParser no longer takes {wanted - taken}"
    raw = template(builtin_targets(), period=Period.parse("2024-9M"), basis=Basis.OFFICIAL)
    book, _ = open_books("t.xlsx", raw)
    try:
        for name in ("_archive", "_date_formats", "_timedelta_formats", "epoch", "data_only"):
            assert hasattr(book, name), f"openpyxl's read-only workbook has no {name}"
        sheet = book[book.sheetnames[0]]
        assert hasattr(sheet, "_get_source"), "openpyxl's read-only sheet has no _get_source"
        strings = shared_strings(book)
        parsed = parse_sheet(sheet, strings)
    finally:
        book.close()
    assert parsed.header is not None, "the template's header row was not found"
    assert any(
        "grdp_growth" in str(cell.value) for _, cells in parsed.rows for cell in cells.values()
    )
