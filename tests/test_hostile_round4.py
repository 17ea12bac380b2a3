"""What a fourth hostile round found on reviews and targets files: a part of the year alone
taking the year's last word, a diff across documents called an amendment, and a report that
could make nq94 print any file it names as its targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import CLI_TYPE as CLI


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("part", ["2024-M12", "2024-Q4", "2024-H2"])
def test_a_part_of_the_year_alone_never_overrides_the_years_figures(
    part: str, tmp_path: Path, cli: CLI
) -> None:
    """The official 2024 figures and December (or Q4, H2) alone: the year's figures have the
    last word in trend and on the site (December's 8.6 made GRDP 'on track', and revenue
    'no data', against the official 7.0 missed and 20,000 met)."""
    year = _write(
        tmp_path, "2024.yaml",
        'period: "2024"\nbasis: official\nvalues:\n  grdp_growth: 7.0\n  budget_revenue: 20000\n',
    )  # fmt: skip
    alone = _write(tmp_path, "part.yaml", f'period: "{part}"\nvalues:\n  grdp_growth: 8.6\n')
    data = json.loads(cli("trend", "-f", "json", year, alone).stdout)["trend"]
    assert [p["period"] for p in data["periods"]] == [part, "2024"]
    final = {t["id"]: t["final_status"] for t in data["targets"]}
    assert (final["grdp_growth"], final["budget_revenue"]) == ("missed", "met")
    site = tmp_path / "site"
    assert cli("site", year, alone, "-o", str(site)).exit_code == 0
    overview = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "full year 2024 (official)" in overview


def test_diff_refuses_reports_of_different_documents(cli: CLI) -> None:
    """Thái Nguyên's 2024 resolution is no amendment of Hà Nội's 2025 one: refused as trend
    refuses it, exit 2 (it said 'target amended: ≥ 7.5% → ≥ 8%' and --fail-on passed)."""
    run = cli(
        "diff", "--fail-on", "regressed", "samples/2024-9m.yaml", "samples/ha-noi-2025/2025-9m.yaml"
    )
    assert run.exit_code == 2, run
    assert run.stdout == ""
    assert run.stderr.startswith("samples/ha-noi-2025/2025-9m.yaml:2:9: this report is checked")
    assert "reviewed against one targets file" in run.stderr


@pytest.mark.parametrize("where", ["yaml", "github"])
def test_a_file_named_as_targets_is_never_echoed(where: str, tmp_path: Path, cli: CLI) -> None:
    """`targets: gitcred` naming a file of text: said to be text, its content never printed
    (it went whole into the message, and into a GitHub annotation)."""
    _write(tmp_path, "gitcred", "https://x-access-token:ghs_FAKE0123@github.com\n")
    report = _write(
        tmp_path, "r.yaml", 'period: "2024"\ntargets: gitcred\nvalues:\n  grdp_growth: 7.6\n'
    )
    fmt = "text" if where == "yaml" else "github"
    run = cli("check", "-f", fmt, report)
    assert run.exit_code == 2, run
    said = run.stdout + run.stderr
    assert "ghs_FAKE0123" not in said
    assert "expected a targets file with resolution, sections, targets, got text" in said


def test_a_year_end_projection_keeps_the_decimals_its_status_needs(
    tmp_path: Path, cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """14,343.52503 after nine months projects to 19,124.70004, at risk by 0.29996: the trend's
    Year end and the site said '19,124.7', exactly a margin's width away, which is off track."""
    first = _write(tmp_path, "h1.yaml", 'period: "2024-H1"\nvalues:\n  budget_revenue: 9000\n')
    nine = _write(
        tmp_path, "9m.yaml",
        'period: "2024-9M"\nbasis: estimate\nvalues:\n  budget_revenue: 14343.52503\n',
    )  # fmt: skip
    monkeypatch.setenv("COLUMNS", "200")
    table = cli("trend", first, nine).stdout
    row = next(line for line in table.splitlines() if "19.515 tỷ đồng" in line)
    assert row.split()[-3:] == ["19,124.70004", "at", "risk"], row
    site = tmp_path / "site"
    assert cli("site", first, nine, "-o", str(site)).exit_code == 0
    page = (site / "en" / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    assert "19,124.70004" in page


def test_a_figure_with_underscores_is_refused(tmp_path: Path, cli: CLI) -> None:
    """YAML 1.1 reads 1_9515 as 19515, and it was met: nobody writes a figure so."""
    report = _write(tmp_path, "r.yaml", 'period: "2024"\nvalues:\n  budget_revenue: 1_9515\n')
    run = cli("check", report)
    assert run.exit_code == 2, run
    said = "values.budget_revenue: expected a number, got '1_9515'; write it like 7.5 or \"7,5\""
    assert run.stderr == f"{report}:3:19: {said}\n"


def test_the_words_of_a_row_never_contradict_its_status(cli: CLI, tmp_path: Path) -> None:
    """At six months, 100% of 'Duy trì 100%' is on track; its explanation said 'met: nothing can
    be above the plausible maximum' beside it."""
    report = _write(
        tmp_path, "h1.yaml", 'period: "2024-H1"\nvalues:\n  war_invalid_work_communes_rate: 100\n'
    )
    text = cli("check", "-f", "text", report).stdout
    line = next(line for line in text.splitlines() if "war_invalid_work_communes_rate" in line)
    assert line.startswith(f"{report}:3:35: on track: war_invalid_work_communes_rate: 100 vs")
    assert line.endswith("; nothing can be above the plausible maximum"), line
    assert "met:" not in line


def test_one_target_is_one_target(cli: CLI, tmp_path: Path) -> None:
    """`nq94 targets` of a file of one target ended '1 targets.'."""
    targets = _write(
        tmp_path, "targets.yaml",
        'format: 2\ndocument: {number: "1/NQ", title: {vi: "Nghị quyết"}, issuer: "HĐND", '
        "adopted: 2024-12-11, year: 2025}\ntargets:\n  - id: g\n    words: \"8%\"\n"
        "    name: {vi: G, en: G}\n    unit: {vi: \"%\", en: \"%\"}\n    measure: percent\n"
        "    kind: growth\n    operator: \">=\"\n    threshold: 8\n",
    )  # fmt: skip
    run = cli("targets", targets)
    assert run.exit_code == 0, run
    # and how to explain it: `nq94 targets ID` would look among the built-in targets
    assert f"1 target. `nq94 targets --targets {targets} ID` explains it." in run.stdout
    report = _write(tmp_path, "r.yaml", 'period: "2025"\ntargets: targets.yaml\nvalues:\n  g: 9\n')
    checked = cli("check", "-f", "text", report)
    assert checked.stdout.endswith(
        "(full year 2025, official): 1 target: 1 met, 0 missed, 0 no data\n"
    ), checked


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_targets_file_that_is_no_regular_file_is_said_to_be(
    kind: str, tmp_path: Path, cli: CLI
) -> None:
    """`targets: tfifo` or a folder was 'not found (looked in …)', though it was there."""
    import os

    named = tmp_path / "t"
    if kind == "fifo":
        os.mkfifo(named)
    else:
        named.mkdir()
    report = _write(tmp_path, "r.yaml", 'period: "2024"\ntargets: t\nvalues:\n  grdp_growth: 7.6\n')
    run = cli("check", report)
    assert run.exit_code == 2, run
    assert run.stderr == f"{report}:2:10: targets: 't' is not a regular file; name a targets file\n"


def test_an_empty_period_for_a_template_is_refused(cli: CLI) -> None:
    """`template --period ''` made the whole year's template without a word."""
    run = cli("template", "--period", "")
    assert run.exit_code == 2, run
    assert run.stdout == ""
    assert run.stderr.startswith("nq94 template: '' is not a period; use 2024, 2024-H1")
    zeros = cli("template", "--period", "02024")  # it suggested '202'
    assert zeros.exit_code == 2, zeros
    assert "did you mean '2024'?" in zeros.stderr, zeros


def test_a_shells_glob_over_reports_and_their_targets_file_reads_the_reports(cli: CLI) -> None:
    """`nq94 trend samples/thai-nguyen-2026/*.yaml`, as the README writes it: the shell names
    targets.yaml beside the reports, which was refused ('this is a targets file'), exit 2."""
    folder = Path("samples/thai-nguyen-2026")
    names = sorted(str(path) for path in folder.glob("*.yaml"))
    assert str(folder / "targets.yaml") in names
    run = cli("trend", *names)
    assert run.exit_code == 0, run
    assert "targets.yaml" not in run.stdout
    alone = cli("check", str(folder / "targets.yaml"))  # named alone, it is still said to be one
    assert alone.exit_code == 2, alone
    assert "this is a targets file, not a report" in alone.stderr
