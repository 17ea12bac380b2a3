"""Names and numbers that look right and are not: ids with invisible or look-alike characters,
or in capitals; a whole number with many trailing zeros; a glob ending in '**'."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from nq94.model.values import parse_number

from .conftest import CLI_TYPE as CLI
from .conftest import ROOT

SAMPLES = [ROOT / "samples" / f"{name}.yaml" for name in ("2024-h1", "2024-9m")]


def test_an_id_with_an_invisible_or_look_alike_character_names_it(cli: CLI, tmp_path: Path) -> None:
    """U+200B, U+00A0 and a Cyrillic 'р' in an id are named, as nq94 names them inside numbers
    (each got "did you mean 'grdp_growth'?", which looks the same on screen); an id in capitals
    gets its did-you-mean (it got none)."""
    report = tmp_path / "ids.yaml"
    report.write_text(
        'period: "2024-9M"\nvalues:\n  "grdp_growth\u200b": 7\n  "grdp_growth\xa0": 7\n'
        "  grd\u0440_growth: 7\n  GRDP_GROWTH: 7\n",
        encoding="utf-8",
    )
    run = cli("validate", str(report))
    assert run.exit_code == 2, run
    messages = [line.split(": ", 2)[2] for line in run.stderr.splitlines()]
    assert messages == [
        "unknown target id: it holds an invisible character, U+200B ZERO WIDTH SPACE; delete it "
        "(did you mean 'grdp_growth'?)",
        "unknown target id: it holds an invisible character, U+00A0 NO-BREAK SPACE; delete it "
        "(did you mean 'grdp_growth'?)",
        "unknown target id: it holds '\u0440', U+0440 CYRILLIC SMALL LETTER ER, which no id holds "
        "(ids are Latin letters without accents, digits and '_'); type the id again (did you "
        "mean 'grdp_growth'?)",
        "unknown target id; did you mean 'grdp_growth'?",
    ], run
    vietnamese = cli("validate", "--lang", "vi", str(report))
    assert "mã chứa một ký tự vô hình, U+200B ZERO WIDTH SPACE; hãy xóa ký tự đó" in (
        vietnamese.stderr
    )


def test_a_whole_number_counts_its_digits_without_its_trailing_zeros(
    cli: CLI, tmp_path: Path
) -> None:
    """900000000000000000000000000000 has one significant digit: refused as out of range, not
    as over 20 significant digits; a number that has 21 is still refused so."""
    assert parse_number("900000000000000000000000000000") == Decimal("9E+29")
    assert parse_number(Decimal("900000000000000000000000000000")) == Decimal("9E+29")
    with pytest.raises(ValueError, match="20 significant digits"):
        parse_number(Decimal("123456789012345678901"))
    report = tmp_path / "big.yaml"
    report.write_text(
        'period: "2024"\nvalues:\n  budget_revenue: 900000000000000000000000000000\n',
        encoding="utf-8",
    )
    run = cli("validate", str(report))
    assert run.stderr == (
        f"{report}:3:19: values.budget_revenue: value '900000000000000000000000000000' is "
        "outside the plausible range 100 to 100,000 billion VND\n"
    ), run


def test_a_glob_ending_in_two_stars_takes_every_report_below(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'in/**' gives the reports below in/, as a shell's globstar does (it gave folders only,
    so no report)."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES[1], tmp_path / "in" / "sub" / "9m.yaml")
    shutil.copy(SAMPLES[0], tmp_path / "in" / "h1.yaml")
    monkeypatch.chdir(tmp_path)
    run = cli("validate", "in/**")
    assert run.exit_code == 0, run
    assert sorted(run.stdout.splitlines()) == [
        "in/h1.yaml: valid: 2024-H1, official, 14 values",
        "in/sub/9m.yaml: valid: 2024-9M, official, 15 values",
    ]
