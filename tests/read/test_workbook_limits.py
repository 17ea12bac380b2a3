"""Workbooks that stretch the layout: cells far down or far right, a header naming a column twice
or merged over a figure, defined names on any sheet and in either scope, numbers as Excel saves
them, escaped characters, the Strict Open XML format. Each is read whole, or refused at its cell
with one located line and exit 2; none is passed over in silence."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from ..conftest import CLI_TYPE as CLI
from ..conftest import Run
from .test_workbook_hostile import with_part

Sheet = Any


def book(
    path: Path,
    rows: list[tuple[str, Any]],
    *,
    period: Any = "2024-9M",
    title: str = "Report",
    change: Callable[[openpyxl.Workbook, Sheet], None] | None = None,
) -> Path:
    """A report sheet (``title``) as a script writes one: 'period' in A1 and the period in B1
    (unless ``period`` is None), the header 'id', 'value' in row 3, a target a row below it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    if period is not None:
        sheet["A1"], sheet["B1"] = "period", period
    sheet["A3"], sheet["B3"] = "id", "value"
    for row, (target, value) in enumerate(rows, start=4):
        sheet.cell(row, 1, target)
        sheet.cell(row, 2, value)
    if change is not None:
        change(workbook, sheet)
    workbook.save(path)
    return path


def results(run: Run) -> dict[str, dict[str, Any]]:
    """The results of a `check -f json` run, by target id."""
    (report,) = json.loads(run.stdout)["reports"]
    return {result["id"]: result for result in report["results"]}


def refused(run: Run, path: Path, *lines: str) -> None:
    """Exit 2, no report, and exactly ``lines`` (after the file's name) on stderr."""
    assert (run.exit_code, run.stdout) == (2, ""), run
    assert run.stderr.splitlines() == [f"{path}:{line}" for line in lines], run


# --- far down, far right ------------------------------------------------------------------------


def test_a_figure_past_row_ten_thousand_is_read(cli: CLI, tmp_path: Path) -> None:
    """A target at row 10,005 is read as any other: its figure judged, not 'no data', and a
    wrong figure there refused at its cell (validate called such a file valid)."""

    def far(figure: Any) -> Callable[[openpyxl.Workbook, Sheet], None]:
        def change(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
            sheet.cell(10_005, 1, "forest_cover_rate")
            sheet.cell(10_005, 2, figure)

        return change

    good = book(tmp_path / "far.xlsx", [("grdp_growth", 7.5)], change=far(47))
    run = cli("check", str(good), "-f", "json")
    assert results(run)["forest_cover_rate"]["status"] == "met", run
    bad = book(tmp_path / "far-bad.xlsx", [("grdp_growth", 7.5)], change=far("forty"))
    refused(
        cli("validate", str(bad)),
        bad,
        "10005:2: (Report!B10005) values.forest_cover_rate: expected a number, got 'forty'; "
        "type it like 7.5 or 7,5",
    )


def test_a_period_past_column_bl_is_read_not_called_empty(cli: CLI, tmp_path: Path) -> None:
    """'period' in BQ1 and 2024-9M in BR1: the period is read (it was 'no period cell')."""

    def far_right(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["BQ1"], sheet["BR1"] = "period", "2024-9M"

    path = book(tmp_path / "br1.xlsx", [("grdp_growth", 7.5)], period=None, change=far_right)
    run = cli("validate", str(path))
    assert (run.exit_code, run.stdout) == (0, f"{path}: valid: 2024-9M, official, 1 value\n"), run


def test_a_named_period_cell_past_column_bl_is_read(cli: CLI, tmp_path: Path) -> None:
    """The name 'period' pointing to BR1, which holds 2024-9M (it was 'the period cell is
    empty')."""

    def named(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["BR1"] = "2024-9M"
        workbook.defined_names["period"] = DefinedName("period", attr_text="Report!$BR$1")

    path = book(tmp_path / "named.xlsx", [("grdp_growth", 7.5)], period=None, change=named)
    run = cli("validate", str(path))
    assert run.exit_code == 0, run


def test_a_value_column_past_column_bl_is_read(cli: CLI, tmp_path: Path) -> None:
    """The header's 'value' in BZ3: its figures are read (it was 'no header row')."""

    def wide(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["B3"] = "source"
        sheet["B4"] = "Cục Thống kê"
        sheet["BZ3"], sheet["BZ4"] = "value", 7.5

    path = book(tmp_path / "wide.xlsx", [("grdp_growth", None)], change=wide)
    run = cli("check", str(path), "-f", "json")
    assert results(run)["grdp_growth"]["value"] == 7.5, run


# --- the header -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["value", "id"])
def test_a_header_naming_a_column_twice_is_refused_naming_both_cells(
    cli: CLI, tmp_path: Path, key: str
) -> None:
    """'value' (or 'id') in B3 and again in D3: refused at the second, naming both (the last
    was read in silence)."""

    def twice(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["D3"], sheet["D4"] = key, 99

    path = book(tmp_path / "twice.xlsx", [("grdp_growth", 7.5)], change=twice)
    first = "A3" if key == "id" else "B3"
    refused(
        cli("validate", str(path)),
        path,
        f"3:4: (Report!D3) the header names '{key}' in {first} and again in D3; keep one column "
        f"'{key}'",
    )


def test_a_figure_under_a_merged_header_cell_is_refused(cli: CLI, tmp_path: Path) -> None:
    """'value' merged over B3:C3 and a figure in C4: refused at C4 (it was ignored)."""

    def merged(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet.merge_cells("B3:C3")
        sheet["C5"] = 47
        sheet["A5"] = "forest_cover_rate"

    path = book(tmp_path / "merged.xlsx", [("grdp_growth", 7.5)], change=merged)
    refused(
        cli("validate", str(path)),
        path,
        "5:3: (Report!C5) a figure under the header 'value', which is merged over B3:C3: nq94 "
        "reads column B only; unmerge the header and move the figure to column B",
    )


# --- defined names and the report sheet --------------------------------------------------------


def _cover(workbook: openpyxl.Workbook) -> Sheet:
    """A cover sheet put first, as offices do: a title and the period."""
    cover = workbook.create_sheet("Cover", 0)
    cover["A1"] = "Báo cáo 9 tháng"
    cover["B2"] = "2024-9M"
    cover["B3"] = "Sở Kế hoạch và Đầu tư"
    return cover


def test_names_may_point_to_a_cover_sheet(cli: CLI, tmp_path: Path) -> None:
    """'period' and 'source' on the cover: both read, the report sheet is the one whose header
    names id and value (the cover was taken for it, and the source dropped)."""

    def cover(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        _cover(workbook)
        workbook.defined_names["period"] = DefinedName("period", attr_text="Cover!$B$2")
        workbook.defined_names["source"] = DefinedName("source", attr_text="Cover!$B$3")

    path = book(tmp_path / "cover.xlsx", [("grdp_growth", 7.5)], period=None, change=cover)
    run = cli("check", str(path), "-f", "json")
    assert run.exit_code == 0, run
    (report,) = json.loads(run.stdout)["reports"]
    assert (report["period"], report["source"]) == ("2024-9M", "Sở Kế hoạch và Đầu tư")


def test_a_problem_in_a_cell_on_the_cover_names_the_cover(cli: CLI, tmp_path: Path) -> None:
    """A wrong period on the cover is said at the cover's cell."""

    def cover(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        _cover(workbook)["B2"] = "2024-13M"
        workbook.defined_names["period"] = DefinedName("period", attr_text="Cover!$B$2")

    path = book(tmp_path / "cover.xlsx", [("grdp_growth", 7.5)], period=None, change=cover)
    run = cli("validate", str(path))
    assert run.exit_code == 2, run
    assert run.stderr.startswith(f"{path}:2:2: (Cover!B2) period: "), run


def test_a_sheet_scoped_name_is_found(cli: CLI, tmp_path: Path) -> None:
    """A 'period' name scoped to the report sheet (Excel's Name Manager, scope: the sheet) is
    found (the message asked for the name the user had made)."""

    def scoped(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["D1"] = "2024-9M"
        sheet.defined_names["Period"] = DefinedName("Period", attr_text="Report!$D$1")

    path = book(tmp_path / "scoped.xlsx", [("grdp_growth", 7.5)], period=None, change=scoped)
    run = cli("validate", str(path))
    assert run.exit_code == 0, run


def test_a_cover_sheet_first_without_names_is_not_blamed(cli: CLI, tmp_path: Path) -> None:
    """A cover first, no names, 'period' labelled on the report sheet: read (the cover was
    blamed for having no header)."""

    def cover(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        _cover(workbook)

    path = book(tmp_path / "cover-first.xlsx", [("grdp_growth", 7.5)], title="Q3", change=cover)
    run = cli("validate", str(path))
    assert run.exit_code == 0, run
    (path := tmp_path / "no-header.xlsx").write_bytes(b"")
    book(
        path,
        [],
        title="Q3",
        change=lambda workbook, sheet: (_cover(workbook), sheet.delete_rows(3)),
    )
    refused(
        cli("validate", str(path)),
        path,
        "1:1: no sheet has a header row naming the columns 'id' and 'value'; restore the "
        "template's header row (row 8) or start from nq94 template -o report.xlsx",
    )


@pytest.mark.parametrize(
    ("refers_to", "line"),
    [
        (
            "Report!$B$1:$B$2",
            "1:2: (Report!B1) the name 'period' points to the range Report!$B$1:$B$2, not to one "
            "cell; point it to the cell that holds the period (Formulas > Name Manager)",
        ),
        (
            "Report!#REF!",
            "1:1: (Report!A1) the name 'period' points to a deleted cell (Report!#REF!); point it "
            "to the cell that holds the period (Formulas > Name Manager)",
        ),
    ],
)
def test_a_name_pointing_to_a_range_or_a_deleted_cell_is_said_as_such(
    cli: CLI, tmp_path: Path, refers_to: str, line: str
) -> None:
    def named(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        workbook.defined_names["period"] = DefinedName("period", attr_text=refers_to)

    path = book(tmp_path / "range.xlsx", [("grdp_growth", 7.5)], change=named)
    refused(cli("validate", str(path)), path, line)


def test_a_period_formula_without_a_saved_result_is_not_called_empty(
    cli: CLI, tmp_path: Path
) -> None:
    """=B2 in the period cell, never calculated (a script wrote it): 'a formula without a
    saved result', not 'the period cell is empty'."""

    def formula(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["B1"] = "=C1"
        sheet["C1"] = "2024-9M"

    path = book(tmp_path / "formula.xlsx", [("grdp_growth", 7.5)], change=formula)
    refused(
        cli("validate", str(path)),
        path,
        "1:2: (Report!B1) a formula without a saved result; open and save the file in Excel or "
        "LibreOffice",
    )


# --- what a cell holds --------------------------------------------------------------------------


def test_excels_seventeen_digit_doubles_are_read_as_the_sheet_shows_them(
    cli: CLI, tmp_path: Path
) -> None:
    """Excel saves =1.15-0.35 as 0.79999999999999993 and shows 0.8: read as 0.8, met against
    'from 0.8 percentage points' (it was missed)."""
    source = book(tmp_path / "plain.xlsx", [("poverty_rate_reduction", 0.5)], period="2024")
    path = tmp_path / "excel.xlsx"

    def as_excel_saves_it(sheet: bytes) -> bytes:
        changed, count = re.subn(
            rb'(<c r="B4"[^>]*?)(?: t="n")?>\s*<v>0.5</v>',
            rb"\1><f>1.15-0.35</f><v>0.79999999999999993</v>",
            sheet,
        )
        assert count == 1, sheet
        return changed

    with_part(source, path, "xl/worksheets/sheet1.xml", as_excel_saves_it)
    run = cli("check", str(path), "-f", "json")
    result = results(run)["poverty_rate_reduction"]
    assert (result["value"], result["status"]) == (0.8, "met"), run


def test_excel_escapes_in_text_are_decoded(cli: CLI, tmp_path: Path) -> None:
    """A carriage return pasted into a note is saved as _x000D_ and an underscore that starts
    such text as _x005F_: the note reads as Excel shows it."""
    source = book(tmp_path / "plain.xlsx", [("grdp_growth", 7.5)])
    path = tmp_path / "escaped.xlsx"

    def note(workbook: openpyxl.Workbook, sheet: Sheet) -> None:
        sheet["C3"], sheet["C4"] = "note", "NOTE-HERE"

    book(source, [("grdp_growth", 7.5)], change=note)

    def escaped(sheet: bytes) -> bytes:
        assert b"NOTE-HERE" in sheet
        return sheet.replace(b"NOTE-HERE", b"line one_x000D_\nline two, _x005F_x000D_ kept")

    with_part(source, path, "xl/worksheets/sheet1.xml", escaped)
    out = tmp_path / "back.yaml"
    run = cli("convert", str(path), "-o", str(out))
    assert run.exit_code == 0, run
    from nq94.read.yamldoc import parse

    data = parse("back.yaml", out.read_text(encoding="utf-8")).data
    assert data["values"]["grdp_growth"]["note"] == "line one\r\nline two, _x000D_ kept"


# --- formats --------------------------------------------------------------------------------------

STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def test_a_strict_open_xml_workbook_is_said_to_be_one(cli: CLI, tmp_path: Path) -> None:
    """Excel's 'Strict Open XML Spreadsheet': said, with what to do, in both languages (it was
    called damaged)."""
    source = book(tmp_path / "plain.xlsx", [("grdp_growth", 7.5)])
    path = tmp_path / "strict.xlsx"
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(source) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            for transitional, strict in STRICT.items():
                data = data.replace(transitional, strict)
            parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    refused(
        cli("validate", str(path)),
        path,
        "1:1: a Strict Open XML workbook, which nq94 does not read; save it as Excel Workbook "
        "(.xlsx)",
    )
    run = cli("validate", "--lang", "vi", str(path))
    assert run.stderr == (
        f"{path}:1:1: tệp Excel dạng Strict Open XML, nq94 không đọc được; hãy lưu lại dạng "
        "Excel Workbook (.xlsx)\n"
    ), run
