"""Nothing passed over in silence in a workbook: figures or a period an officer typed on a copy
of the report sheet are read, and said to be, when that copy is the only place that holds them;
refused, naming the sheets, when several copies do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ..conftest import CLI_TYPE as CLI
from .sheets import template_rows

SHEET = {"en": "Report", "vi": "Báo cáo"}


def _template(cli: CLI, tmp_path: Path, lang: str) -> Path:
    path = tmp_path / "report.xlsx"
    run = cli("template", "--lang", lang, "--period", "2024-9M", "-o", str(path))
    assert run.exit_code == 0, run
    return path


def _copy(book: Any, title: str, *, grdp: float | None = None, period: str | None = None) -> Any:
    """A copy of the report sheet named ``title``, as an officer makes one, with a GRDP growth
    figure and a period typed on it."""
    sheet = book.copy_worksheet(book.worksheets[0])
    sheet.title = title
    if grdp is not None:
        sheet.cell(template_rows(sheet)["grdp_growth"], 6).value = grdp
    if period is not None:
        sheet["B3"].value = period
    return sheet


@pytest.mark.parametrize(
    ("lang", "period", "said"),
    [
        (
            "en",
            "2024",
            "report.xlsx: no figures on the sheet 'Report'; read the figures from the sheet "
            "'Report (2)', the only one that holds any",
        ),
        (
            "vi",
            "cả năm 2024",
            "report.xlsx: trang 'Báo cáo' không có số liệu; đã đọc số liệu ở trang "
            "'Báo cáo (2)', trang duy nhất có số liệu",
        ),
    ],
)
def test_figures_typed_on_the_only_copy_are_read_and_said_to_be(
    cli: CLI, tmp_path: Path, lang: str, period: str, said: str
) -> None:
    """The report sheet is empty and one copy of it holds figures: that copy is read, with its
    own period, and a notice on stderr says which sheet was read; `validate` says it too."""
    path = _template(cli, tmp_path, lang)
    book = openpyxl.load_workbook(path)
    _copy(book, f"{SHEET[lang]} (2)", grdp=6.8, period=period)
    book.save(path)
    run = cli("check", "--lang", lang, "-f", "json", str(path))
    assert run.exit_code == 0, run
    assert run.stderr.replace(str(path), "report.xlsx") == said + "\n", run
    (report,) = json.loads(run.stdout)["reports"]
    assert report["period"] == "2024"
    grdp = report["results"][0]
    assert (grdp["id"], grdp["actual"]) == ("grdp_growth", 6.8)
    again = path.with_name("again.xlsx")  # a notice is said once a run, and tests run in one
    again.write_bytes(path.read_bytes())
    valid = cli("validate", "--lang", lang, "-f", "text", str(again))
    assert valid.exit_code == 0, valid
    assert valid.stderr.replace(str(again), "report.xlsx") == said + "\n", valid


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "8:6: (Report!F8) no figures on this sheet, but the sheets 'Copy 1', 'Copy 2' hold "
            "figures under the same headers; nq94 reads one sheet: keep the figures on one and "
            "delete the other copies",
        ),
        (
            "vi",
            "8:6: (Báo cáo!F8) trang này không có số liệu, nhưng các trang 'Copy 1', 'Copy 2' có "
            "số liệu dưới cùng tiêu đề; nq94 chỉ đọc một trang: hãy để số liệu ở một trang và "
            "xóa các bản sao còn lại",
        ),
    ],
)
def test_figures_on_several_copies_are_refused_naming_them(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """Two copies hold figures and the report sheet none: which was meant cannot be told, so
    the workbook is refused with one line naming both, at the report sheet, exit 2."""
    path = _template(cli, tmp_path, lang)
    book = openpyxl.load_workbook(path)
    _copy(book, "Copy 1", grdp=6.8)
    _copy(book, "Copy 2", grdp=7.1)
    book.save(path)
    for command in ("check", "validate"):
        run = cli(command, "--lang", lang, str(path))
        assert run.exit_code == 2, run
        assert run.stderr == f"{path}:{said}\n", run


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "8:6: (Report!F8) the sheets 'Report (2)' hold figures too, under the same headers; "
            "nq94 reads one sheet of a report: keep the figures on 'Report' alone and delete the "
            "copies",
        ),
        (
            "vi",
            "8:6: (Báo cáo!F8) các trang 'Báo cáo (2)' cũng có số liệu dưới cùng tiêu đề; nq94 "
            "chỉ đọc một trang của báo cáo: hãy để toàn bộ số liệu ở trang 'Báo cáo' và xóa các "
            "bản sao",
        ),
    ],
)
def test_figures_on_the_report_sheet_and_on_a_copy_are_refused(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """One figure typed on the report sheet, the rest on a copy: the copy's figures were passed
    over in silence ('29 no data', exit 0, and validate said valid). Refused, naming the copy,
    exit 2."""
    path = _template(cli, tmp_path, lang)
    book = openpyxl.load_workbook(path)
    report = book.worksheets[0]
    report.cell(template_rows(report)["budget_revenue"], 6).value = 15000
    _copy(book, f"{SHEET[lang]} (2)", grdp=6.8)
    book.save(path)
    for command in ("check", "validate"):
        run = cli(command, "--lang", lang, str(path))
        assert run.exit_code == 2, run
        assert run.stderr == f"{path}:{said}\n", run


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "report.xlsx: the period cell 'Report'!B3 is empty; read the period from 'Copy'!B3, "
            "the only other sheet that holds one",
        ),
        (
            "vi",
            "report.xlsx: ô kỳ báo cáo 'Báo cáo'!B3 để trống; đã đọc kỳ báo cáo ở ô 'Copy'!B3, "
            "trang duy nhất khác có kỳ báo cáo",
        ),
    ],
)
def test_a_period_on_the_only_other_sheet_is_read_and_said_to_be(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """The figures are on the report sheet but its period cell is empty, and one other sheet
    holds a period in its labelled cell: that period is read, and said to be."""
    path = _template(cli, tmp_path, lang)
    book = openpyxl.load_workbook(path)
    _copy(book, "Copy")  # the period 2024-9M, as the template wrote it
    sheet = book.worksheets[0]
    sheet.cell(template_rows(sheet)["grdp_growth"], 6).value = 6.8
    sheet["B3"].value = None
    book.save(path)
    run = cli("check", "--lang", lang, "-f", "json", str(path))
    assert run.exit_code == 0, run
    assert run.stderr.replace(str(path), "report.xlsx") == said + "\n", run
    (report,) = json.loads(run.stdout)["reports"]
    assert report["period"] == "2024-9M"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "3:2: (Report!B3) the period cell is empty, and 'Copy 1'!B3, 'Copy 2'!B3 each hold a "
            "period; fill in this cell with the period meant",
        ),
        (
            "vi",
            "3:2: (Báo cáo!B3) ô kỳ báo cáo để trống, còn các ô 'Copy 1'!B3, 'Copy 2'!B3 đều có "
            "kỳ báo cáo; hãy điền kỳ báo cáo vào ô này",
        ),
    ],
)
def test_periods_on_several_other_sheets_are_refused_naming_them(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """An empty period cell and two other sheets with a period each: refused, naming both."""
    path = _template(cli, tmp_path, lang)
    book = openpyxl.load_workbook(path)
    _copy(book, "Copy 1")
    _copy(book, "Copy 2", period="2024")
    sheet = book.worksheets[0]
    sheet.cell(template_rows(sheet)["grdp_growth"], 6).value = 6.8
    sheet["B3"].value = None
    book.save(path)
    run = cli("check", "--lang", lang, str(path))
    assert run.exit_code == 2, run
    assert run.stderr == f"{path}:{said}\n", run


def test_an_empty_report_sheet_with_no_copy_is_as_before(cli: CLI, tmp_path: Path) -> None:
    """A template with no figures anywhere is a report without data, as it always was: valid,
    nothing said of other sheets."""
    path = _template(cli, tmp_path, "en")
    run = cli("validate", str(path))
    assert (run.exit_code, run.stderr) == (0, ""), run


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the cell is formatted as a percentage, but this target is in percentage points: "
               "type 0.85 in a cell formatted as a number"),
        ("vi", "ô được định dạng phần trăm, nhưng chỉ tiêu này tính bằng điểm phần trăm: hãy "
               "định dạng ô là Số rồi gõ 0,85"),
    ],
)  # fmt: skip
def test_a_percent_cell_for_points_says_the_figure_to_type(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """'0,85%' typed for "Từ 0,8% trở lên" (points) in a percent cell holds 0.0085: the message
    says to type 0,85 in a number cell ('format it as a number' alone gave 0.0085, then a
    silent 'missed')."""
    path = _template(cli, tmp_path, lang)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    cell = sheet.cell(template_rows(sheet)["poverty_rate_reduction"], 6)
    cell.value, cell.number_format = 0.0085, "0.00%"
    book.save(path)
    run = cli("check", "--lang", lang, str(path))
    assert run.exit_code == 2, run
    assert run.stderr.strip().endswith(said), run


def test_a_figure_a_percent_cell_makes_too_large_is_written_out(cli: CLI, tmp_path: Path) -> None:
    """7.6 in a percent cell is 760 %: the line said '7.6E+2', which no officer reads."""
    path = _template(cli, tmp_path, "en")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    cell = sheet.cell(template_rows(sheet)["grdp_growth"], 6)
    cell.value, cell.number_format = 7.6, "0%"
    book.save(path)
    run = cli("check", str(path))
    assert run.exit_code == 2, run
    assert "value '760' is outside the plausible range" in run.stderr, run  # as the cell shows it
    assert "E+" not in run.stderr
