"""`nq94 trend … -o FILE` and `nq94 diff … -o FILE`: a printable HTML page and an Excel workbook
with a chart per target."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Run

CLI = Callable[..., Run]
REPORTS = ("samples/2024-h1.yaml", "samples/2024-9m.yaml", "samples/2024-estimate.yaml",
           "samples/2024-official.yaml")  # fmt: skip


def targets(cli: CLI) -> list[str]:
    run = cli("trend", "-f", "json", *REPORTS)
    assert run.exit_code == 0, run
    return re.findall(r'\{"id": "([^"]+)", "section"', run.stdout)


def test_html_has_a_chart_and_its_table_per_target(cli: CLI, tmp_path: Path) -> None:
    page = tmp_path / "trend.html"
    alone = cli("trend", *REPORTS)
    run = cli("trend", *REPORTS, "-o", str(page))
    assert run.exit_code == 0, run
    assert run.stdout == alone.stdout  # the terminal output is as without -o
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "http" not in text.replace("http-equiv", "")  # nothing fetched from elsewhere
    assert "@page { size: A4" in text
    assert '<html lang="en">' in text
    ids = targets(cli)
    assert ids
    assert text.count("<svg ") == len(ids)
    for target_id in ids:
        svg = f'role="img" aria-labelledby="cap-{target_id}" aria-describedby="data-{target_id}"'
        assert svg in text
        assert f'<figcaption id="cap-{target_id}">' in text
        assert f'<table class="chart-data stack" id="data-{target_id}">' in text
    assert len(set(re.findall(r'\sid="([^"]+)"', text))) == len(re.findall(r'\sid="', text))


def test_html_in_vietnamese(cli: CLI, tmp_path: Path) -> None:
    page = tmp_path / "trend.html"
    assert cli("trend", "--lang", "vi", *REPORTS, "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert '<html lang="vi">' in text
    assert "Nghị quyết 94/NQ-HĐND: diễn biến các chỉ tiêu năm 2024" in text
    assert "Không đạt" in text


@pytest.mark.parametrize(
    ("lang", "sheets", "status"),
    [("en", ["Trend", "Charts"], "missed"), ("vi", ["Diễn biến", "Biểu đồ"], "Không đạt")],
)
def test_xlsx_table_and_charts(
    cli: CLI, tmp_path: Path, lang: str, sheets: list[str], status: str
) -> None:
    book_path = tmp_path / "trend.xlsx"
    run = cli("trend", "--lang", lang, *REPORTS, "-o", str(book_path))
    assert run.exit_code == 0, run
    book = load_workbook(book_path)
    assert book.sheetnames == sheets
    table, charts = book[sheets[0]], book[sheets[1]]
    ids = targets(cli)
    assert [table.cell(row, 1).value for row in range(2, len(ids) + 2)] == ids
    grdp = ids.index("grdp_growth") + 2
    figures = [table.cell(grdp, column).value for column in (4, 6, 8, 10)]
    assert figures == [5.2, 5.9, 7.3, 6.18]  # typed numbers, not text
    budget = ids.index("budget_revenue") + 2  # a flow: each report's own figure, as trend shows
    assert [table.cell(budget, column).value for column in (4, 6, 8, 10)] == [
        9100,
        15000,
        20150,
        20403,
    ]
    final = table.cell(grdp, 11)
    assert final.value == status
    assert final.fill.fgColor.rgb.endswith("F8D4D4")  # CELL_COLOURS[MISSED]
    assert len(charts._charts) == len(ids)


def test_existing_output_needs_force(cli: CLI, tmp_path: Path) -> None:
    page = tmp_path / "trend.html"
    page.write_text("mine", encoding="utf-8")
    run = cli("trend", *REPORTS, "-o", str(page))
    assert run.exit_code == 2
    assert page.read_text(encoding="utf-8") == "mine"
    assert cli("trend", *REPORTS, "-o", str(page), "--force").exit_code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_unknown_suffix_is_refused(cli: CLI, tmp_path: Path) -> None:
    output = tmp_path / "trend.pdf"
    run = cli("trend", *REPORTS, "-o", str(output))
    assert run.exit_code == 2
    assert "unknown extension '.pdf'; use one of .html .xlsx" in run.stderr
    assert run.stdout == ""
    assert not output.exists()


OLD, NEW = "samples/2024-9m.yaml", "samples/2024-estimate.yaml"


def changed(cli: CLI) -> list[str]:
    """The ids of the targets that differ from OLD to NEW, worst first."""
    run = cli("diff", "-f", "json", OLD, NEW)
    assert run.exit_code == 0, run
    return re.findall(r'"id": "([^"]+)"', run.stdout)


def test_diff_html_lists_the_changes_then_a_chart_per_changed_target(
    cli: CLI, tmp_path: Path
) -> None:
    page = tmp_path / "diff.html"
    alone = cli("diff", OLD, NEW)
    run = cli("diff", OLD, NEW, "-o", str(page))
    assert run.exit_code == 0, run
    assert run.stdout == alone.stdout
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "@page { size: A4" in text
    ids = changed(cli)
    assert 0 < len(ids) < 30  # only what changed
    assert text.count("<svg ") == len(ids)
    for target_id in ids:
        assert f'<a class="name" href="#{target_id}">' in text  # the table's row leads to its chart
        assert f'<h2 id="{target_id}">' in text
        assert f'aria-labelledby="cap-{target_id}" aria-describedby="data-{target_id}"' in text
    summary = re.search(r"^\d+ targets differ: .*$", alone.stdout, re.M)
    assert summary
    assert summary.group(0).rstrip(".") in text
    # worst first, as the terminal says it: the first row is the status that got worse
    first = re.search(r'<tbody><tr><th scope="row"><a class="name" href="#([^"]+)"', text)
    assert first
    assert first.group(1) == ids[0]


def test_diff_html_in_vietnamese_says_the_settled_apart(cli: CLI, tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    estimate, official = "samples/2024-estimate.yaml", "samples/2024-official.yaml"
    assert cli("diff", "--lang", "vi", estimate, official, "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert '<html lang="vi">' in text
    assert "Đã chốt: số ước tính nay là số chính thức" in text
    assert "Năm 2024 (ước tính)" in text
    assert "Năm 2024 (chính thức)" in text


def test_diff_of_a_report_with_itself_is_a_page_that_says_so(cli: CLI, tmp_path: Path) -> None:
    page, book_path = tmp_path / "same.html", tmp_path / "same.xlsx"
    assert cli("diff", OLD, OLD, "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "No figure or status changed" in text
    assert "<svg " not in text
    assert "<table" not in text
    assert cli("diff", OLD, OLD, "-o", str(book_path)).exit_code == 0
    sheet = load_workbook(book_path).worksheets[0]
    assert sheet.cell(3, 1).value == "No figure or status changed."


@pytest.mark.parametrize(
    ("lang", "sheets", "worse"),
    [("en", ["Changes", "Charts"], "worsened"), ("vi", ["Thay đổi", "Biểu đồ"], "xấu đi")],
)
def test_diff_xlsx_table_and_charts(
    cli: CLI, tmp_path: Path, lang: str, sheets: list[str], worse: str
) -> None:
    book_path = tmp_path / "diff.xlsx"
    run = cli("diff", "--lang", lang, OLD, NEW, "-o", str(book_path))
    assert run.exit_code == 0, run
    book = load_workbook(book_path)
    assert book.sheetnames == sheets
    table, charts = book[sheets[0]], book[sheets[1]]
    ids = changed(cli)
    assert [table.cell(row, 1).value for row in range(2, len(ids) + 2)] == ids
    assert table.cell(2, 4).value == worse
    before, after, difference = (table.cell(2, column).value for column in (5, 6, 7))
    assert (before, after) == (10.4, 9.2)  # typed numbers, not text
    assert difference == pytest.approx(-1.2)
    assert table.cell(2, 7).number_format == "#,##0.0"
    assert table.cell(2, 9).fill.fgColor.rgb.endswith("FFF0C2")  # at risk, as CELL_COLOURS
    for row in range(2, len(ids) + 2):  # before and difference make after, as on the terminal
        before, after, difference = (table.cell(row, column).value for column in (5, 6, 7))
        if difference is not None:
            assert before + difference == pytest.approx(after), table.cell(row, 1).value
    assert len(charts._charts) == len(ids)


def test_diff_output_is_refused_before_the_reports_are_read(cli: CLI, tmp_path: Path) -> None:
    output = tmp_path / "diff.pdf"
    run = cli("diff", OLD, "missing.yaml", "-o", str(output))
    assert run.exit_code == 2
    assert "unknown extension '.pdf'; use one of .html .xlsx" in run.stderr
    assert "missing.yaml" not in run.stderr
    page = tmp_path / "diff.html"
    page.write_text("mine", encoding="utf-8")
    assert cli("diff", OLD, NEW, "-o", str(page)).exit_code == 2
    assert page.read_text(encoding="utf-8") == "mine"
    assert cli("diff", OLD, NEW, "-o", str(page), "--force").exit_code == 0


def test_xlsx_charts_draw_the_at_risk_band_and_print_whole(cli: CLI, tmp_path: Path) -> None:
    book_path = tmp_path / "trend.xlsx"
    assert cli("trend", *REPORTS, "-o", str(book_path)).exit_code == 0
    charts = load_workbook(book_path)["Charts"]
    ids = targets(cli)
    # three charts to a printed page, each page starting at a chart's first row
    breaks = [each.id for each in charts.row_breaks.brk]
    assert breaks == [16 * index for index in range(3, len(ids), 3)]
    share = ids.index("structure_services_taxes")  # ≈ 31.8 ± 1, at risk within ±0.5
    first = 16 * share + 2
    assert charts.cell(first - 1, 1).value == "Share of services and product taxes"
    headings = [charts.cell(first, column).value for column in range(1, 9)]
    assert headings == [
        "Report",
        "Compared with the target",
        "31.8 ± 1%",
        "",
        *["At-risk band, from", "At-risk band, to"] * 2,
    ]
    lines = [charts.cell(first + 1, column).value for column in range(3, 9)]
    assert lines == [30.8, 32.8, 30.3, 31.3, 32.3, 33.3]
    series = charts._charts[share].series
    assert len(series) == 4  # the band's layers: under it, around 30.8, between, around 32.8


def test_a_report_and_its_correction_are_told_apart_as_before_and_after(
    cli: CLI, tmp_path: Path
) -> None:
    corrected = tmp_path / "9m-corrected.yaml"
    text = Path(OLD).read_text(encoding="utf-8")
    corrected.write_text(re.sub(r"grdp_growth: \S+", "grdp_growth: 6.5", text), encoding="utf-8")
    page, book_path = tmp_path / "fix.html", tmp_path / "fix.xlsx"
    assert cli("diff", "--lang", "vi", OLD, str(corrected), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert re.findall(r">(9 tháng|Trước|Sau)</text>", html) == [
        "9 tháng",
        "Trước",
        "9 tháng",
        "Sau",
    ]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>', html)
    assert rows == ["9 tháng 2024 (chính thức): Trước", "9 tháng 2024 (chính thức): Sau"]
    assert cli("diff", OLD, str(corrected), "-o", str(book_path)).exit_code == 0
    table = load_workbook(book_path)["Changes"]
    headings = [table.cell(1, column).value for column in (5, 6)]
    assert headings == ["9 months 2024 (official): Before", "9 months 2024 (official): After"]


@pytest.mark.parametrize("command", ["trend", "diff"])
def test_an_output_that_is_a_report_read_is_refused_even_with_force(
    cli: CLI, tmp_path: Path, command: str
) -> None:
    """`-o` naming one of the reports (here a workbook) is refused before anything is printed,
    --force or not, and the report is left as it was."""
    book = tmp_path / "h1.xlsx"
    assert cli("convert", "samples/2024-h1.yaml", "-o", str(book)).exit_code == 0
    kept = book.read_bytes()
    run = cli(command, str(book), OLD, "-o", str(book), "--force")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "the output would overwrite the report itself" in run.stderr
    assert book.read_bytes() == kept


@pytest.mark.parametrize("command", ["trend", "diff"])
def test_an_output_that_cannot_be_written_is_said_before_the_review(
    cli: CLI, tmp_path: Path, command: str
) -> None:
    taken, fifo = tmp_path / "taken.html", tmp_path / "fifo.xlsx"
    taken.write_text("mine", encoding="utf-8")
    os.mkfifo(fifo)
    run = cli(command, OLD, NEW, "-o", str(taken))
    assert (run.exit_code, run.stdout) == (2, "")
    assert "already exists; use --force to overwrite it" in run.stderr
    run = cli(command, OLD, NEW, "-o", str(fifo), "--force")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"nq94: cannot write {fifo}: not a regular file\n"


def test_workbook_rows_are_as_high_as_their_wrapped_text(cli: CLI, tmp_path: Path) -> None:
    """Spreadsheet programs do not always size rows of wrapped text when they open a file
    (LibreOffice then prints the lines over each other), so each row says its height."""
    trend, status = tmp_path / "trend.xlsx", tmp_path / "status.xlsx"
    assert cli("trend", "--lang", "vi", *REPORTS, "-o", str(trend)).exit_code == 0
    assert (
        cli("export", "--lang", "vi", "samples/2024-official.yaml", "-o", str(status)).exit_code
        == 0
    )
    table = load_workbook(trend).worksheets[0]
    row = next(r for r in range(2, 40) if table.cell(r, 1).value == "grdp_per_capita")
    assert table.cell(row, 3).value == "≥ 123 triệu đồng/người/năm"
    assert table.row_dimensions[row].height == 30  # two lines of 15 points
    sheet = load_workbook(status).worksheets[0]
    heights = [sheet.row_dimensions[r].height or 15 for r in range(2, 32)]  # 15: the default
    assert max(heights) == 45  # the resolution's words or the reasoning on three lines


def test_trend_html_starts_with_every_target_at_a_glance_by_section(
    cli: CLI, tmp_path: Path
) -> None:
    page = tmp_path / "trend.html"
    assert cli("trend", "--lang", "vi", *REPORTS, "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    glance, charts = text.split('<h2 class="section">', 1)
    ids = targets(cli)
    rows = re.findall(r'<tr><th scope="row"><a class="name" href="#([^"]+)"', glance)
    assert rows == ids  # every target, in the targets file's order, linked to its chart
    assert glance.count('<table class="stack at-a-glance">') == 4  # a table per section
    budget = glance[glance.index('href="#budget_revenue"') :].split("</tr>", 1)[0]
    figures = re.findall(r'data-label="[^"]+">([^<]*?) <span class="status', budget)
    assert figures == ["9.100", "15.000", "20.150", "20.403"]
    assert '<span class="sr">Khó đạt</span>' in budget  # the icon's word, for screen readers
    assert "Với chỉ tiêu lũy kế (như thu ngân sách), số của mỗi báo cáo là số lũy kế" in glance
    assert charts.count('<h2 class="section">') == 3  # the other sections' headings
    assert '<h3 id="budget_revenue">' in charts


@pytest.mark.parametrize("command", [["trend", OLD], ["diff", OLD, NEW], ["template"]])
def test_a_folder_as_the_output_is_said_in_the_readers_words(
    cli: CLI, tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "out.html" if command[0] != "template" else tmp_path / "out.yaml"
    folder.mkdir()
    run = cli(command[0], "--lang", "vi", *command[1:], "-o", str(folder))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"nq94: không ghi được {folder}: không phải là tệp thông thường\n"


@pytest.mark.parametrize("command", [["trend", OLD, NEW], ["diff", OLD, NEW], ["export", OLD]])
def test_a_workbook_nq94_wrote_for_people_is_said_to_be_one_when_read_as_a_report(
    cli: CLI, tmp_path: Path, command: list[str]
) -> None:
    """Saved among the reports, a review or export workbook is named for what it is (it had
    been 'no header row ... restore the template's header row')."""
    book = tmp_path / "out.xlsx"
    assert cli(*command, "-o", str(book)).exit_code == 0
    run = cli("check", str(book))
    assert run.exit_code == 2
    assert f"{book}:1:1: a workbook 'nq94 {command[0]} -o' wrote for people, not a report" in (
        run.stderr
    )
