"""The officers' words: a basis as a report writes it (ước thực hiện, ước tính, sơ bộ, chính
thức), the preliminary basis, `nq94 template --basis` and `--period` as a report takes them, and
the Vietnamese template's drop-downs in words that are read back."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from nq94.model import Basis
from nq94.model.spoken import spoken_basis

from .conftest import CLI_TYPE as CLI

REPORT = 'period: "2024"\nbasis: {basis}\nvalues:\n  grdp_growth: 7.3\n'


@pytest.mark.parametrize(
    ("written", "basis"),
    [
        ("chính thức", "official"),
        ("Chính thức", "official"),
        ("chinh thuc", "official"),
        ("official", "official"),
        ("ước thực hiện", "estimate"),
        ("Ước thực hiện", "estimate"),
        ("uoc thuc hien", "estimate"),
        ("ước tính", "estimate"),
        ("estimate", "estimate"),
        ("sơ bộ", "preliminary"),
        ("SƠ BỘ", "preliminary"),
        ("so bo", "preliminary"),
        ("preliminary", "preliminary"),
    ],
)
def test_a_basis_is_read_as_officers_write_it(written: str, basis: str) -> None:
    """Each word an officer writes for a basis, in any case, with or without accents."""
    assert spoken_basis(written) == basis


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "full year 2024, preliminary"), ("vi", "cả năm 2024, sơ bộ")]
)
def test_preliminary_figures_are_not_final(cli: CLI, tmp_path: Path, lang: str, words: str) -> None:
    """`basis: sơ bộ` is the preliminary basis: JSON code `preliminary`, judged as an estimate is
    (7.3 against "≥ 7.5" is at risk, not missed), named in the reader's words."""
    path = tmp_path / "r.yaml"
    path.write_text(REPORT.format(basis="sơ bộ"), encoding="utf-8")
    run = cli("check", "--lang", lang, "-f", "json", str(path))
    assert run.exit_code == 0, run
    (report,) = json.loads(run.stdout)["reports"]
    assert report["basis"] == "preliminary"
    grdp = report["results"][0]
    assert (grdp["id"], grdp["status"], grdp["margin"]) == ("grdp_growth", "at_risk", 0.5)
    text = cli("check", "--lang", lang, "-f", "text", str(path))
    assert f"({words})" in text.stdout.splitlines()[-1], text
    estimate = tmp_path / "e.yaml"
    estimate.write_text(REPORT.format(basis="ước thực hiện"), encoding="utf-8")
    run = cli("check", "-f", "json", str(estimate))
    assert json.loads(run.stdout)["reports"][0]["basis"] == "estimate"


def test_a_basis_not_known_lists_the_words(cli: CLI, tmp_path: Path) -> None:
    """A basis nq94 does not know says every basis, by code and in the reader's words."""
    path = tmp_path / "r.yaml"
    path.write_text(REPORT.format(basis="dự kiến"), encoding="utf-8")
    run = cli("validate", "--lang", "vi", str(path))
    assert run.exit_code == 2, run
    assert "'official', 'estimate' hoặc 'preliminary'" in run.stderr, run
    assert "'chính thức', 'ước tính', 'ước thực hiện', 'sơ bộ'" in run.stderr, run


@pytest.mark.parametrize(
    ("given", "basis"),
    [("sơ bộ", "preliminary"), ("Ước tính", "estimate"), ("ước thực hiện", "estimate"),
     ("chính thức", "official"), ("preliminary", "preliminary"), ("OFFICIAL", "official")],
)  # fmt: skip
def test_template_basis_takes_the_words_a_report_takes(cli: CLI, given: str, basis: str) -> None:
    """`nq94 template --basis` reads the words a report's basis is read by."""
    run = cli("template", "--basis", given)
    assert run.exit_code == 0, run
    assert f"\nbasis: {basis}\n" in run.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "nq94 template: '--basis': 'final' is not a basis; use official, preliminary or "
               "estimate (chính thức, sơ bộ, ước tính) (see: nq94 template --help)\n"),
        ("vi", "nq94 template: '--basis': 'final' không phải là loại số liệu; hãy dùng chính "
               "thức, sơ bộ hoặc ước tính (official, preliminary, estimate) (xem: nq94 template "
               "--help)\n"),
    ],
)  # fmt: skip
def test_template_basis_refuses_anything_else_in_one_line(cli: CLI, lang: str, said: str) -> None:
    """Any other basis is a usage error, one line in the reader's language, exit 2."""
    run = cli("template", "--lang", lang, "--basis", "final")
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", said), run


@pytest.mark.parametrize(
    ("lang", "period", "hint"),
    [
        ("en", "2024-M9", "; did you mean '2024-M09'?"),
        ("vi", "2024-M9", "; có phải là '2024-M09'?"),
        ("en", "2024-9T", "; did you mean '2024-9M'?"),
        ("en", "2024-Q5", "; did you mean '2024-Q4'?"),
    ],
)
def test_template_period_suggests_what_a_report_would(
    cli: CLI, tmp_path: Path, lang: str, period: str, hint: str
) -> None:
    """A period `template --period` cannot read gets the did-you-mean a report's period gets."""
    run = cli("template", "--lang", lang, "--period", period)
    assert run.exit_code == 2, run
    assert run.stderr.count("\n") == 1, run
    assert hint in run.stderr, run
    path = tmp_path / "r.yaml"
    path.write_text(f'period: "{period}"\nvalues: {{}}\n', encoding="utf-8")
    report = cli("validate", "--lang", lang, str(path))
    assert hint in report.stderr, report


def _lists(book: openpyxl.Workbook, sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    """The choices each drop-down of the period and basis offers."""
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    found = []
    for cell in ("B3", "B4"):
        title, cells = validations[cell].formula1.removeprefix("=").rsplit("!", 1)
        lists = book[title.strip("'")]
        found.append([c.value for row in lists[cells.replace("$", "")] for c in row])
    return found


def test_the_vietnamese_template_offers_words_and_reads_them_back(cli: CLI, tmp_path: Path) -> None:
    """`--lang vi`: the period and basis cells hold Vietnamese words, their drop-downs offer
    Vietnamese words (each period once), and a workbook filled with them reads as the codes
    they mean; the English template keeps the codes."""
    path = tmp_path / "r.xlsx"
    run = cli(
        "template", "--lang", "vi", "--period", "2024-9M", "--basis", "ước tính", "-o", str(path)
    )
    assert run.exit_code == 0, run
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert (sheet["B3"].value, sheet["B4"].value) == ("9 tháng đầu năm 2024", "ước tính")
    periods, bases = _lists(book, sheet)
    assert bases == ["chính thức", "ước tính", "sơ bộ"]
    assert periods[:3] == ["cả năm 2024", "6 tháng đầu năm 2024", "9 tháng đầu năm 2024"]
    assert "quý II năm 2024" in periods
    assert "tháng 5 năm 2024" in periods
    assert len(periods) == len(set(periods))
    for period in periods:  # every choice reads back
        sheet["B3"].value, sheet["B4"].value = period, "sơ bộ"
        book.save(path)
        run = cli("check", "-f", "json", str(path))
        assert run.exit_code == 0, (period, run)
        (report,) = json.loads(run.stdout)["reports"]
        assert report["basis"] == "preliminary"
    sheet["B3"].value = "quý II năm 2024"
    book.save(path)
    (report,) = json.loads(cli("check", "-f", "json", str(path)).stdout)["reports"]
    assert report["period"] == "2024-Q2"
    english = tmp_path / "en.xlsx"
    assert cli("template", "--period", "2024-9M", "-o", str(english)).exit_code == 0
    book = openpyxl.load_workbook(english)
    sheet = book.worksheets[0]
    assert (sheet["B3"].value, sheet["B4"].value) == ("2024-9M", "official")
    periods, bases = _lists(book, sheet)
    assert bases == [basis.value for basis in Basis]
    assert periods[:3] == ["2024", "2024-H1", "2024-9M"]


def test_preliminary_figures_stand_between_the_estimate_and_the_official_ones(
    cli: CLI, tmp_path: Path
) -> None:
    """A year's estimate, preliminary and official figures line up in that order, and the
    official figures settle the preliminary ones."""
    paths = []
    for basis, figure in (("official", "7.6"), ("sơ bộ", "7.4"), ("ước tính", "7.3")):
        path = tmp_path / f"{len(paths)}.yaml"
        path.write_text(REPORT.format(basis=basis).replace("7.3", figure), encoding="utf-8")
        paths.append(str(path))
    run = cli("trend", "-f", "json", *paths)
    assert run.exit_code == 0, run
    periods = json.loads(run.stdout)["trend"]["periods"]
    assert [p["basis"] for p in periods] == ["estimate", "preliminary", "official"]
    diff = cli("diff", "-f", "json", paths[1], paths[0])
    assert diff.exit_code == 0, diff
    compared = json.loads(diff.stdout)["diff"]
    assert compared["settling"] is True
    (change,) = [d for d in compared["changes"] if d["id"] == "grdp_growth"]
    assert change["change"] == "settled"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "; if 106.05 is an index against the same period last year, the growth is 6.05: "
               "write 6.05"),
        ("vi", "; nếu 106,05 là chỉ số so với cùng kỳ năm trước thì tốc độ tăng là 6,05: hãy ghi "
               "6,05"),
    ],
)  # fmt: skip
def test_growth_typed_as_an_index_says_the_growth_to_write(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """Officers write 'bằng 106,05% so với cùng kỳ': refused as implausible growth, the line
    now says the growth it means (it said only that 106.05 was out of range)."""
    report = tmp_path / "9m.yaml"
    report.write_text('period: "2024-9M"\nvalues:\n  grdp_growth: 106.05\n', encoding="utf-8")
    run = cli("check", "--lang", lang, str(report))
    assert run.exit_code == 2, run
    assert run.stderr.rstrip("\n").endswith(said), run
