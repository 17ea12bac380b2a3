"""Reports as workbooks: the template to fill in, a filled one read as YAML is, problems at their
cells, and convert between the two without losing anything."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter  # type: ignore[import-untyped]

from nq94.model import DERIVABLE, TargetsFile
from tests.conftest import ROOT, SAMPLES, Run

from .sheets import template_rows

CLI = Callable[..., Run]
POSITIVE = sorted((ROOT / "tests/example-files/positive").glob("*.yaml"))


def _template(cli: CLI, tmp_path: Path, *args: str, name: str = "r.xlsx") -> Path:
    path = tmp_path / name
    run = cli("template", "-o", str(path), "--period", "2024-9M", *args)
    assert run.exit_code == 0, run
    return path


def _results(run: Run) -> list[dict[str, Any]]:
    assert run.exit_code in (0, 1), run
    (report,) = json.loads(run.stdout)["reports"]
    return list(report["results"])


# --- the template -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sheet_name", "period", "basis"),
    [("vi", "Báo cáo", "9 tháng đầu năm 2024", "chính thức"),
     ("en", "Report", "2024-9M", "official")],
)  # fmt: skip
def test_template_is_a_locked_form_with_open_inputs(
    cli: CLI,
    tmp_path: Path,
    targets: TargetsFile,
    lang: str,
    sheet_name: str,
    period: str,
    basis: str,
) -> None:
    """One visible sheet named in the reader's language; period and basis are defined names
    with drop-downs; a row per target, its words locked; only inputs open; A4 landscape."""
    book = openpyxl.load_workbook(_template(cli, tmp_path, "--lang", lang))
    sheet = book.worksheets[0]
    assert sheet.title == sheet_name
    assert [s.sheet_state for s in book.worksheets[1:]] == ["hidden"]
    names = {key: list(book.defined_names[key].destinations) for key in ("period", "basis")}
    assert names == {"period": [(sheet_name, "$B$3")], "basis": [(sheet_name, "$B$4")]}
    assert (sheet["B3"].value, sheet["B4"].value) == (period, basis)
    assert [cell.value for cell in sheet[8]] == [
        "id", "section", "target", "unit", "threshold",
        "value", "baseline", "current", "source", "note",
    ]  # fmt: skip
    rows = template_rows(sheet)
    assert list(rows) == [target.id for target in targets.targets]
    assert sheet.protection.sheet
    assert not sheet.protection.password
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert validations["B3"].type == "list"
    assert validations["B4"].type == "list"
    for target in targets.targets:
        row = rows[target.id]
        assert sheet.cell(row, 3).value == target.words
        assert sheet.cell(row, 3).protection.locked
        assert not sheet.cell(row, 6).protection.locked
        derivable = target.kind in DERIVABLE
        assert sheet.cell(row, 7).protection.locked is not derivable
        rule = validations[f"F{row}"]
        assert (float(rule.formula1), float(rule.formula2)) == tuple(map(float, target.plausible))
        assert sheet.cell(row, 6).number_format == "General"  # 5.9 typed shows 5.9, not 6
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9


def test_template_is_yaml_unless_named_xlsx(cli: CLI, tmp_path: Path) -> None:
    """Only a .xlsx name makes a workbook; the YAML template is unchanged otherwise."""
    workbook = _template(cli, tmp_path)
    text = _template(cli, tmp_path, name="r.yaml")
    assert workbook.read_bytes().startswith(b"PK")
    assert text.read_text(encoding="utf-8").startswith("#")


# --- reading what people fill in --------------------------------------------------------------


def _filled(path: Path) -> Path:
    """The template as an officer fills it in with a spreadsheet program."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = template_rows(sheet)
    sheet.cell(rows["grdp_growth"], 6).value = "5,9"  # typed as text, with a decimal comma
    sheet.cell(rows["budget_revenue"], 6).value = 15000
    sheet.cell(rows["budget_revenue"], 9).value = "Cục Thuế tỉnh"
    cell = sheet.cell(rows["health_insurance_rate"], 6)
    cell.value, cell.number_format = 0.939, "0.0%"  # shows 93.9 %
    sheet.cell(rows["export_growth"], 7).value = 30950
    sheet.cell(rows["export_growth"], 8).value = 33380
    sheet.cell(rows["new_rural_communes"], 6).value = 1
    sheet.cell(rows["new_rural_communes"], 10).value = "xã Tân Cương"
    book.save(path)
    return path


TWIN = """\
period: "2024-9M"
values:
  grdp_growth: 5.9
  budget_revenue: {value: 15000, source: "Cục Thuế tỉnh"}
  health_insurance_rate: 93.9
  export_growth: {baseline: 30950, current: 33380}
  new_rural_communes: {value: 1, note: "xã Tân Cương"}
"""


def test_a_filled_template_gives_what_the_same_yaml_gives(cli: CLI, tmp_path: Path) -> None:
    """Text numbers, a percent cell and a derived growth read as the YAML figures are."""
    workbook = _filled(_template(cli, tmp_path))
    twin = tmp_path / "twin.yaml"
    twin.write_text(TWIN, encoding="utf-8")
    got = _results(cli("check", "-f", "json", str(workbook)))
    want = _results(cli("check", "-f", "json", str(twin)))
    assert [r["actual"] for r in got] == [r["actual"] for r in want]
    assert [r["status"] for r in got] == [r["status"] for r in want]
    inputs = {r["id"]: r["input"] for r in want if r.get("input") is not None}
    inputs |= {"grdp_growth": "5,9"}  # as the cell held it: text
    assert {r["id"]: r["input"] for r in got if r.get("input") is not None} == inputs


def _scripted(path: Path, *, cached: bool = True) -> Path:
    """A workbook a script writes to the documented layout, without the template: defined
    names, a header row of machine keys, and a formula with its saved result."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Số liệu")
    book.add_worksheet("Ghi chép")  # an extra sheet, before nothing and after the report
    sheet.write("A1", "period")
    sheet.write("B1", "2024-9M")
    book.define_name("period", "='Số liệu'!$B$1")
    sheet.write_row("A3", ["note", "value", "id"])
    sheet.write_row("A4", ["", 6.2, "industrial_output_growth"])
    sheet.set_row(4, None, None, {"hidden": True})
    sheet.write_row("A5", ["hidden row", 3.3, "agricultural_output_growth"])
    sheet.write_formula("B7", "=11.8/2", None, 5.9 if cached else 0)
    sheet.write("C7", "grdp_growth")
    book.close()
    if not cached:  # a formula never calculated: no saved result in the file
        _strip_cached_values(path)
    return path


def _strip_cached_values(path: Path) -> None:
    import re
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            parts[info.filename] = archive.read(info)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", parts[sheet])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_script_fills_the_layout_by_names_not_positions(cli: CLI, tmp_path: Path) -> None:
    """Columns in another order, a hidden row, empty rows, another sheet: read by the header's
    keys and the defined name; a formula counts by its saved result."""
    run = cli("check", "-f", "json", str(_scripted(tmp_path / "s.xlsx")))
    actual = {r["id"]: r["actual"] for r in _results(run) if r["actual"] is not None}
    assert actual == {
        "grdp_growth": 5.9,
        "industrial_output_growth": 6.2,
        "agricultural_output_growth": 3.3,
    }


def test_a_formula_without_a_saved_result_is_named_at_its_cell(cli: CLI, tmp_path: Path) -> None:
    path = _scripted(tmp_path / "s.xlsx", cached=False)
    run = cli("check", str(path))
    assert run.exit_code == 2, run
    assert run.stderr == (
        f"{path}:7:2: (Số liệu!B7) a formula without a saved result; open and save the file in "
        "Excel or LibreOffice\n"
    )


def _wrong(path: Path) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = template_rows(sheet)
    sheet.cell(rows["grdp_growth"], 6).value = "bảy"
    sheet.cell(rows["export_growth"], 6).value = datetime.date(2024, 12, 31)
    sheet.cell(45, 1).value = "grdp_growht"
    sheet.cell(45, 6).value = 7
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "9:6: (Report!F9) values.grdp_growth: expected a number, got 'bảy'; type it "
                "like 7.5 or 7,5",
                "15:6: (Report!F15) values.export_growth: expected a number, got a date "
                "('2024-12-31')",
                "45:1: (Report!A45) values.grdp_growht: unknown target id; did you mean "
                "'grdp_growth'?",
            ],
        ),
        (
            "vi",
            [
                "9:6: (Báo cáo!F9) values.grdp_growth: cần một số, nhưng gặp 'bảy'; hãy gõ như "
                "7,5 hoặc 7.5",
                "15:6: (Báo cáo!F15) values.export_growth: cần một số, nhưng gặp một ngày tháng "
                "('2024-12-31')",
                "45:1: (Báo cáo!A45) values.grdp_growht: mã chỉ tiêu không có; có phải là "
                "'grdp_growth'?",
            ],
        ),
    ],
)
def test_wrong_cells_are_named_as_people_name_them(
    cli: CLI, tmp_path: Path, lang: str, expected: list[str]
) -> None:
    path = _wrong(_template(cli, tmp_path, "--lang", lang))
    run = cli("check", "--lang", lang, str(path))
    assert run.exit_code == 2, run
    assert run.stderr.splitlines() == [f"{path}:{line}" for line in expected]


def test_json_problems_name_the_cell(cli: CLI, tmp_path: Path) -> None:
    path = _wrong(_template(cli, tmp_path))
    run = cli("validate", "-f", "json", str(path))
    (file,) = json.loads(run.stdout)["files"]
    assert [(p["line"], p["column"], p["cell"]) for p in file["problems"]] == [
        (9, 6, "Report!F9"),
        (15, 6, "Report!F15"),
        (45, 1, "Report!A45"),
    ]


def test_a_target_without_a_figure_points_at_its_row(cli: CLI, tmp_path: Path) -> None:
    run = cli("check", "-f", "text", str(_template(cli, tmp_path)))
    assert f"{tmp_path / 'r.xlsx'}:10:6: no data: structure_industry_construction" in run.stdout


# --- folders, trend and diff mix YAML and workbooks -------------------------------------------


def test_folders_take_workbooks_beside_yaml_but_not_excel_lock_files(
    cli: CLI, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    _filled(_template(cli, folder))
    (folder / "h1.yaml").write_bytes((SAMPLES / "2024-h1.yaml").read_bytes())
    (folder / "~$r.xlsx").write_bytes(b"\x00owner")  # Excel's lock file while r.xlsx is open
    run = cli("check", "-f", "json", str(folder))
    assert run.exit_code in (0, 1), run
    files = [report["file"] for report in json.loads(run.stdout)["reports"]]
    assert files == [str(folder / "h1.yaml"), str(folder / "r.xlsx")]


def test_trend_and_diff_take_a_workbook_and_a_yaml_report(cli: CLI, tmp_path: Path) -> None:
    workbook = str(_filled(_template(cli, tmp_path)))
    h1 = str(SAMPLES / "2024-h1.yaml")
    trend = cli("trend", "-f", "json", h1, workbook)
    assert trend.exit_code == 0, trend
    periods = [p["period"] for p in json.loads(trend.stdout)["trend"]["periods"]]
    assert periods == ["2024-H1", "2024-9M"]
    diff = cli("diff", "-f", "json", h1, workbook)
    assert diff.exit_code == 0, diff
    changes = {c["id"]: c for c in json.loads(diff.stdout)["diff"]["changes"]}
    assert changes["health_insurance_rate"]["new_value"] == 93.9


# --- convert ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*sorted(SAMPLES.glob("*.yaml")), *POSITIVE], ids=lambda p: p.stem)
def test_convert_there_and_back_loses_nothing(cli: CLI, tmp_path: Path, path: Path) -> None:
    """YAML to .xlsx to YAML: check's JSON is the same but for the file's name."""
    workbook, back = tmp_path / "x.xlsx", tmp_path / "y.yaml"
    assert cli("convert", str(path), "-o", str(workbook)).exit_code == 0
    run = cli("convert", str(workbook), "-o", str(back))
    assert run.exit_code == 0, run

    def checked(name: Path) -> Any:
        data = json.loads(cli("check", "-f", "json", str(name)).stdout)
        for report in data["reports"]:
            report.pop("file")
        for warning in data["warnings"]:
            warning.pop("file"), warning.pop("line"), warning.pop("column")
        return data

    assert checked(back) == checked(path)


def test_convert_goes_between_kinds_and_keeps_what_exists(cli: CLI, tmp_path: Path) -> None:
    sample = str(SAMPLES / "2024-9m.yaml")
    same = cli("convert", sample, "-o", str(tmp_path / "copy.yaml"))
    assert same.exit_code == 2, same
    assert "convert turns YAML into .xlsx" in same.stderr
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"keep")
    kept = cli("convert", sample, "-o", str(out))
    assert kept.exit_code == 2, kept
    assert out.read_bytes() == b"keep"
    assert cli("convert", sample, "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_convert_refuses_an_invalid_report(cli: CLI, tmp_path: Path) -> None:
    run = cli("convert", "samples/invalid/2024-broken.yaml", "-o", str(tmp_path / "x.xlsx"))
    assert run.exit_code == 2, run
    assert not (tmp_path / "x.xlsx").exists()


def test_numbers_a_double_cannot_hold_stay_exact_as_text(cli: CLI, tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        'period: "2024"\nvalues:\n  budget_revenue: 20403.12345678901234\n  grdp_growth: 7.50\n',
        encoding="utf-8",
    )
    workbook, back = tmp_path / "x.xlsx", tmp_path / "y.yaml"
    assert cli("convert", str(report), "-o", str(workbook)).exit_code == 0
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes())).worksheets[0]
    rows = template_rows(sheet)
    assert sheet.cell(rows["budget_revenue"], 6).value == "20403.12345678901234"
    assert sheet.cell(rows["grdp_growth"], 6).number_format == "#,##0.00"
    assert cli("convert", str(workbook), "-o", str(back)).exit_code == 0
    text = back.read_text(encoding="utf-8")
    assert "budget_revenue: '20403.12345678901234'" in text
    assert "grdp_growth: 7.50" in text


# --- start-up ---------------------------------------------------------------------------------


@pytest.mark.parametrize("library", ["openpyxl", "xlsxwriter", "defusedxml", "matplotlib"])
def test_a_yaml_check_never_imports_the_libraries_of_workbooks_and_charts(library: str) -> None:
    """Spreadsheets and charts are loaded only by the commands that read or draw them."""
    code = (
        "import sys\n"
        "from nq94 import main\n"
        "sys.argv = ['nq94', 'check', '-f', 'json', 'samples/2024-9m.yaml']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        f"sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith({library!r}))))\n"
    )
    run = subprocess.run(  # a probe: the modules a run imported, which only its own process sees
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.stderr == "[]", run.stderr
