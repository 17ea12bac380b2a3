"""Workbooks saved by a real spreadsheet program read as the YAML reports they stand for.

The .xlsx files in tests/example-files/libreoffice were filled in and then opened, recalculated
and saved by LibreOffice Calc; ``make.sh`` there holds the steps and says how to remake them.
These tests only read the saved files: they do not need LibreOffice. Each workbook has a YAML
twin holding the same figures, and ``nq94 check`` must say the same of both.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT, Run
from .sheets import template_rows

FOLDER = ROOT / "tests" / "example-files" / "libreoffice"
NAMES = ("percent-cells", "formulas", "text-numbers", "empty-formula")
SHEETS = {"percent-cells": "Báo cáo", "formulas": "Report", "text-numbers": "Báo cáo",
          "empty-formula": "Report"}  # fmt: skip
"""Each workbook's report sheet: the Vietnamese template's or the English one's."""

POSITIONAL = {"file", "line", "column", "cell"}
"""Keys of the JSON output that say where something is, which differ between a workbook (its
cells) and its twin (lines of YAML)."""

VALUE, BASELINE, CURRENT = 6, 7, 8
FIGURES = (VALUE, BASELINE, CURRENT)


def _application(path: Path) -> str:
    """The program that saved an .xlsx file, as its docProps/app.xml names it."""
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
    found = re.search(r"<Application>([^<]*)</Application>", app)
    return found.group(1) if found else ""


def _unplaced(data: Any) -> Any:
    """The JSON output without the keys that say where things are."""
    if isinstance(data, dict):
        return {key: _unplaced(value) for key, value in data.items() if key not in POSITIONAL}
    if isinstance(data, list):
        return [_unplaced(each) for each in data]
    return data


def _output(run: Run) -> dict[str, Any]:
    return _unplaced(json.loads(run.stdout, parse_float=Decimal))  # type: ignore[no-any-return]


def _book(name: str, *, data_only: bool) -> Any:
    return openpyxl.load_workbook(FOLDER / f"{name}.xlsx", data_only=data_only)


@pytest.mark.parametrize("name", NAMES)
def test_workbook_reads_as_its_yaml_twin(cli: CLI, name: str) -> None:
    """`nq94 check` says the same of the workbook LibreOffice saved as of its YAML twin: the same
    exit code, report and results, figure by figure, and no problem or warning more."""
    book, twin = FOLDER / f"{name}.xlsx", FOLDER / f"{name}.yaml"
    from_yaml = cli("check", "-f", "json", str(twin))
    assert from_yaml.exit_code in (0, 1), from_yaml  # the twin is a valid report
    from_book = cli("check", "-f", "json", str(book))
    assert from_book.exit_code == from_yaml.exit_code, from_book
    read, expected = _output(from_book), _output(from_yaml)
    assert read["problems"] == expected["problems"] == [], from_book
    assert read["warnings"] == expected["warnings"], from_book
    assert len(read["reports"]) == len(expected["reports"]) == 1, from_book
    (report,), (twin_report,) = read["reports"], expected["reports"]
    assert {key: value for key, value in report.items() if key != "results"} == {
        key: value for key, value in twin_report.items() if key != "results"
    }
    assert [result["id"] for result in report["results"]] == [
        result["id"] for result in twin_report["results"]
    ]
    for result, twin_result in zip(report["results"], twin_report["results"], strict=True):
        assert result == twin_result, result["id"]


@pytest.mark.parametrize("name", NAMES)
def test_workbook_was_saved_by_libreoffice(name: str) -> None:
    """Each fixture is LibreOffice's own file (not one openpyxl or XlsxWriter wrote, which name
    Microsoft Excel), with the template's defined names and sheet protection as it saves them."""
    path = FOLDER / f"{name}.xlsx"
    assert _application(path).startswith("LibreOffice/"), _application(path)
    book = _book(name, data_only=False)
    sheet = book[SHEETS[name]]
    names = {key: list(book.defined_names[key].destinations) for key in ("period", "basis")}
    assert names == {"period": [(sheet.title, "$B$3")], "basis": [(sheet.title, "$B$4")]}
    assert list(book.defined_names["source"].destinations) == [(sheet.title, "$B$5")]
    assert sheet.protection.sheet
    assert [cell.value for cell in sheet[8]] == [
        "id", "section", "target", "unit", "threshold",
        "value", "baseline", "current", "source", "note",
    ]  # fmt: skip


def test_percent_cells_hold_fractions() -> None:
    """percent-cells.xlsx holds its percents as a spreadsheet does: 0.939 in a 0.0% cell."""
    sheet = _book("percent-cells", data_only=True)["Báo cáo"]
    rows = template_rows(sheet)
    cells = {target: sheet.cell(row, VALUE) for target, row in rows.items()}
    percent = {t: (c.value, c.number_format) for t, c in cells.items() if "%" in c.number_format}
    assert percent["health_insurance_rate"] == (0.939, "0.0%")
    assert percent["national_standard_schools_rate"] == (0.95, "0.0%")
    assert percent["military_recruitment_rate"] == (1, "0%")
    assert len(percent) >= 6
    export = rows["export_growth"]
    assert (sheet.cell(export, BASELINE).value, sheet.cell(export, CURRENT).value) == (
        30950,
        33380,
    )


def test_formulas_are_saved_with_their_results() -> None:
    """formulas.xlsx: figures are formulas with the results LibreOffice calculated, some over
    another sheet placed first; the rows are not in the targets' order; one row is hidden."""
    formulas = _book("formulas", data_only=False)
    results = _book("formulas", data_only=True)
    assert formulas.sheetnames[0] == "Workings"
    sheet, saved = formulas["Report"], results["Report"]
    rows = template_rows(sheet)
    assert list(rows) == sorted(rows, reverse=True)
    found = {
        (target, column): (sheet.cell(row, column).value, saved.cell(row, column).value)
        for target, row in rows.items()
        for column in FIGURES
        if str(sheet.cell(row, column).value or "").startswith("=")
    }
    assert found[("grdp_growth", VALUE)] == ("=11.8/2", 5.9)
    assert found[("budget_revenue", VALUE)] == ("=SUM(Workings!B2:B4)", 7500)
    assert found[("export_growth", BASELINE)] == ("=Workings!C5", 15475)
    assert len(found) >= 8
    assert all(isinstance(result, int | float) for _, result in found.values()), found
    hidden = [target for target, row in rows.items() if sheet.row_dimensions[row].hidden]
    assert hidden == ["industrial_output_growth"]


def test_text_numbers_are_text() -> None:
    """text-numbers.xlsx: figures typed as text with Vietnamese separators, in text cells."""
    sheet = _book("text-numbers", data_only=True)["Báo cáo"]
    texts = {
        target: sheet.cell(row, VALUE).value
        for target, row in template_rows(sheet).items()
        if sheet.cell(row, VALUE).number_format == "@"
    }
    assert texts["budget_revenue"] == "19.515"
    assert texts["grdp_growth"] == "7,5"
    assert texts["new_rural_communes"] == "02"


def test_empty_formula_result_is_saved() -> None:
    """empty-formula.xlsx: LibreOffice calculated the formula and saved its result, an empty
    text (t="str" with an empty <v>), which is not a formula left without a result."""
    book = _book("empty-formula", data_only=False)
    assert book.sheetnames[0] == "Report"  # saved as xl/worksheets/sheet1.xml
    sheet = book["Report"]
    row = template_rows(sheet)["health_standard_communes_rate"]
    assert str(sheet.cell(row, VALUE).value).startswith("=IF(Counts!C3=")
    with zipfile.ZipFile(FOLDER / "empty-formula.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    cell = re.search(rf'<c r="F{row}"[^>]*>.*?</c>', xml)
    assert cell is not None
    assert 't="str"' in cell.group(0), cell.group(0)
    assert re.search(r"<v>\s*</v>|<v\s*/>", cell.group(0)), cell.group(0)
