"""Reviews across reports: `nq94 trend` and `nq94 diff`, as the Council's staff would run them."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from nq94.evaluate import evaluate
from nq94.model import Names, Period, Status, TargetsFile
from nq94.read.loading import loaded_from
from nq94.render.periods import period_names
from nq94.render.reviewed import sparkline
from nq94.review import Change, Direction, compare, trend

from .conftest import CLI_TYPE as CLI
from .conftest import SAMPLES

GOLDEN = Path(__file__).parent / "golden"
H1, NINE, ESTIMATE, OFFICIAL = (
    f"samples/{name}.yaml" for name in ("2024-h1", "2024-9m", "2024-estimate", "2024-official")
)


def _json(text: str) -> dict:  # type: ignore[type-arg]
    return json.loads(text, parse_float=Decimal)


def _compare(got: str, golden: Path) -> None:
    if os.environ.get("NQ94_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_trend_shows_every_target_across_the_three_reviews(
    cli: CLI, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each target has its figure and status per period; the flows show the monthly pace."""
    monkeypatch.setenv("COLUMNS", "300")  # wide enough that no cell wraps
    run = cli("trend", H1, NINE, ESTIMATE)
    assert run.exit_code == 0, run
    assert run.stderr == ""
    for target in targets.targets:
        assert target.id in run.stdout
    lines = run.stdout.splitlines()
    row = next(index for index, line in enumerate(lines) if "Tốc độ tăng trưởng" in line)
    assert " ".join(lines[row].split()[-8:]) == "5.2 5.9 7.3 ▁▃█ ↗ better at risk"
    # each period's status in the words of its stage, then the course: where the status changed
    assert " ".join(lines[row + 1].split()) == "grdp_growth off track off track at risk off track →"
    assert lines[row + 2].split() == ["at", "risk"]
    text = " ".join(run.stdout.split())
    assert (
        "budget_revenue · at 9 months 2024: needed 1,505 billion VND a month, averaging 1,666.67 "
        "billion VND a month" in text
    )
    assert (
        "needed 10.67 percentage points a month, averaging 7.56 percentage points a month" in text
    )
    periods = "first half of 2024 (official) → first nine months of 2024 (official)"
    assert f"{periods} → full year 2024 (estimate)" in text


def test_trend_sorts_by_period_whatever_the_order_given(cli: CLI) -> None:
    assert cli("trend", ESTIMATE, H1, NINE).stdout == cli("trend", H1, NINE, ESTIMATE).stdout


def test_trend_of_partial_periods_projects_flows_and_gives_the_pace(cli: CLI) -> None:
    """At 9 months, 15,000 of 19,515: projected to 20,000, needing 1,505 a month for 3 months."""
    run = cli("trend", "-f", "json", NINE, H1)
    assert run.exit_code == 0, run
    data = _json(run.stdout)["trend"]
    assert [p["period"] for p in data["periods"]] == ["2024-H1", "2024-9M"]
    assert [p["elapsed"] for p in data["periods"]] == [Decimal("0.5"), Decimal("0.75")]
    budget = next(t for t in data["targets"] if t["id"] == "budget_revenue")
    assert budget["projection"] == 20000
    assert budget["final_status"] == "met"
    assert budget["pace"] == {
        "needed_per_month": 1505,
        "so_far_per_month": Decimal("1666.67"),
        "months_left": 3,
        "as_of": "2024-9M",
    }
    assert [p["actual"] for p in budget["points"]] == [18200, 20000]
    unemployment = next(t for t in data["targets"] if t["id"] == "urban_unemployment_rate")
    assert unemployment["direction"] == "steady"  # 3.1 -> 2.9 for "< 3", within its margin 0.3
    table = " ".join(cli("trend", NINE, H1).stdout.split())
    pace = (
        "budget_revenue · needs 1,505 billion VND a month, averaging 1,666.67 billion VND a month"
    )
    assert pace in table


def test_trend_csv_has_a_row_per_target_per_period(cli: CLI, targets: TargetsFile) -> None:
    run = cli("trend", "-f", "csv", H1, NINE, ESTIMATE)
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == 3 * len(targets.targets)
    budget = [row for row in rows if row["id"] == "budget_revenue"]
    assert [row["period"] for row in budget] == ["2024-H1", "2024-9M", "2024"]
    assert {row["pace_needed_per_month"] for row in budget} == {"1505"}


def test_reports_of_different_years_are_refused_naming_both(cli: CLI, tmp_path: Path) -> None:
    other = tmp_path / "2023-h1.yaml"
    other.write_text(
        (SAMPLES / "2024-h1.yaml").read_text(encoding="utf-8").replace('"2024-H1"', '"2023-H1"'),
        encoding="utf-8",
    )
    run = cli("trend", NINE, str(other))
    assert run.exit_code == 2, run
    assert run.stdout == ""
    line = next(line for line in run.stderr.splitlines() if "one year" in line)
    assert line.startswith(f"{other}:2:9: ")
    assert NINE in line
    assert "Traceback" not in run.stderr


def test_a_period_given_twice_is_refused_naming_both(cli: CLI, tmp_path: Path) -> None:
    """Two reports of one period on one basis cannot be lined up: the second names the first."""
    again = tmp_path / "9m-revised.yaml"
    shutil.copy(SAMPLES / "2024-9m.yaml", again)
    run = cli("trend", NINE, H1, str(again))
    assert run.exit_code == 2, run
    assert run.stderr == (
        f"{again}:4:9: period 2024-9M (official) is also the period of {NINE}; give one report "
        "per period and basis "
        "(`nq94 diff` compares two submissions)\n"
    )


def test_trend_of_an_invalid_report_lists_its_problems(cli: CLI) -> None:
    run = cli("trend", NINE, "samples/invalid/2024-broken.yaml")
    assert run.exit_code == 2, run
    assert len(run.stderr.splitlines()) == 4


def test_diff_lists_changed_statuses_worst_first(cli: CLI) -> None:
    """9 months to the full-year estimate: one status worsened, listed first, with the numbers."""
    run = cli("diff", "-f", "json", NINE, ESTIMATE)
    assert run.exit_code == 0, run
    data = _json(run.stdout)["diff"]
    changes = data["changes"]
    assert changes[0] == {
        "id": "local_export_growth",
        "words": "trong đó giá trị xuất khẩu địa phương tăng 9% so với năm 2023",
        "change": "worsened",
        "old_status": "met",
        "new_status": "at_risk",
        "old_value": Decimal("10.4"),
        "new_value": Decimal("9.2"),
        "difference": Decimal("-1.2"),
        "target_changed": False,
        "unit": "%",
    }
    kinds = [change["change"] for change in changes]
    assert kinds == sorted(kinds, key=[c.value for c in Change].index)
    assert data["regressed"] is True
    table = cli("diff", NINE, ESTIMATE).stdout
    lines = [line.split() for line in table.splitlines()]
    assert ["on", "track", "→", "at", "risk"] in [
        a[-3:] + b[-2:] for a, b in itertools.pairwise(lines)
    ]
    assert table.rstrip().endswith("1 status got worse")


def test_diff_fail_on_regressed(cli: CLI) -> None:
    """Exit 1 when a status worsened, 0 when none did (H1 to 9 months only improves)."""
    assert cli("diff", "--fail-on", "regressed", NINE, ESTIMATE).exit_code == 1
    assert cli("diff", NINE, ESTIMATE).exit_code == 0
    better = cli("diff", "--fail-on", "regressed", H1, NINE)
    assert better.exit_code == 0, better
    assert "no status got worse" in better.stdout


def test_diff_of_a_report_with_itself_changes_nothing(cli: CLI) -> None:
    run = cli("diff", "-f", "markdown", NINE, NINE)
    assert run.exit_code == 0, run
    assert "No figure or status changed." in run.stdout
    assert "|" not in run.stdout


def test_diff_csv_and_markdown_list_the_same_changes(cli: CLI) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("diff", "-f", "csv", NINE, ESTIMATE).stdout)))
    markdown = cli("diff", "-f", "markdown", NINE, ESTIMATE).stdout
    table = [line for line in markdown.splitlines() if line.startswith("| ")][1:]
    assert len(rows) == len(table) == 29
    assert [row["id"] for row in rows] == [line.split("`")[1] for line in table]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_review_outputs_match_golden(cli: CLI, fmt: str) -> None:
    _compare(cli("trend", "-f", fmt, H1, NINE, ESTIMATE, OFFICIAL).stdout, GOLDEN / f"trend.{fmt}")
    _compare(cli("diff", "-f", fmt, NINE, ESTIMATE).stdout, GOLDEN / f"diff.{fmt}")
    settled = cli("diff", "-f", fmt, ESTIMATE, OFFICIAL).stdout
    _compare(settled, GOLDEN / f"diff-settled.{fmt}")


# --- the review functions themselves -------------------------------------------------------------


def _evaluate(targets: TargetsFile, period: str, values: str, basis: str = "official"):  # type: ignore[no-untyped-def]
    text = f'period: "{period}"\nbasis: {basis}\nvalues:\n' + values
    loaded = loaded_from(f"{period}.yaml", text, targets)
    return evaluate(targets, loaded.report, file=loaded.file)


@pytest.mark.parametrize(
    ("target", "before", "after", "direction"),
    [
        ("grdp_growth", "6", "6.5", Direction.TOWARD),
        ("grdp_growth", "8", "9", Direction.TOWARD),  # further past the target
        ("grdp_growth", "6.5", "6", Direction.AWAY),
        ("urban_unemployment_rate", "3.2", "2.9", Direction.TOWARD),
        ("urban_unemployment_rate", "2.9", "3.2", Direction.AWAY),
        ("structure_agriculture", "12", "10", Direction.TOWARD),  # toward 9.6 ± 1 from above
        ("structure_agriculture", "9.6", "10.5", Direction.WITHIN),  # in the band, moved 0.9
        ("structure_agriculture", "9.6", "10", Direction.STEADY),  # within the margin 0.5
        ("grdp_growth", "7", "7.4", Direction.STEADY),  # within the margin 0.5, though better
        ("grdp_growth", "8", "6", Direction.AWAY),  # met, then missed
        ("urban_unemployment_rate", "2", "2.5", Direction.AWAY),  # met, but nearer the edge
        ("structure_agriculture", "9.6", "11", Direction.AWAY),
        ("new_rural_communes", "1", "1", Direction.STEADY),
    ],
)
def test_direction(
    targets: TargetsFile, target: str, before: str, after: str, direction: Direction
) -> None:
    course = next(
        c
        for c in trend(
            [
                _evaluate(targets, "2024-H1", f"  {target}: {before}\n"),
                _evaluate(targets, "2024-9M", f"  {target}: {after}\n"),
            ]
        ).courses
        if c.target.id == target
    )
    assert course.direction is direction


def test_pace_once_a_flow_is_reached(targets: TargetsFile) -> None:
    (course,) = [
        c
        for c in trend([_evaluate(targets, "2024-8M", "  budget_revenue: 20000\n")]).courses
        if c.target.id == "budget_revenue"
    ]
    assert course.pace is not None
    assert course.pace.needed == 0
    assert course.pace.so_far == 2500
    assert course.pace.months_left == 4


def test_a_figure_removed_is_listed_but_is_not_a_regression(targets: TargetsFile) -> None:
    old = _evaluate(targets, "2024-9M", "  grdp_growth: 8\n  export_growth: 9\n")
    new = _evaluate(targets, "2024-9M", "  grdp_growth: 6\n")
    comparison = compare(old, new)
    assert [(d.target.id, d.change) for d in comparison.differences] == [
        ("grdp_growth", Change.WORSENED),
        ("export_growth", Change.REMOVED),
    ]
    assert comparison.differences[0].new.status is Status.MISSED
    assert comparison.regressed
    assert not compare(old, _evaluate(targets, "2024-9M", "  grdp_growth: 8\n")).regressed


def test_sparkline() -> None:
    assert sparkline([Decimal(1), None, Decimal(3), Decimal(2)]) == "▁·█▄"
    assert sparkline([Decimal(5), Decimal(5)]) == "▄▄"
    assert sparkline([None, None]) == ""


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("2024", "cả năm 2024", "full year 2024"),
        ("2024-H1", "6 tháng đầu năm 2024", "first half of 2024"),
        ("2024-9M", "9 tháng đầu năm 2024", "first nine months of 2024"),
        ("2024-Q2", "quý II năm 2024", "second quarter of 2024"),
        ("2024-H2", "6 tháng cuối năm 2024", "second half of 2024"),
        ("2024-M01", "tháng 1 năm 2024", "January 2024"),
        ("2024-5M", "5 tháng đầu năm 2024", "first 5 months of 2024"),
        ("2024-M05", "tháng 5 năm 2024", "May 2024"),
    ],
)
def test_period_names(text: str, vi: str, en: str) -> None:
    """A period's name in either language, from the catalogues: a quarter, a half and a month
    alone say so."""
    assert period_names(Period.parse(text)) == Names(vi=vi, en=en)


def test_elapsed_fraction_is_exact_where_it_can_be() -> None:
    assert Period.parse("2024-9M").elapsed == Decimal("0.75")
    assert Period.parse("2024-Q1").elapsed == Decimal("0.25")
    assert Period.parse("2024").elapsed == 1


def test_figures_that_settled_list_those_that_ended_worse_first(cli: CLI) -> None:
    """Estimate to official: a settled figure that ended worse than the estimate said came
    after improvements, ordered only by how far its status moved."""
    data = _json(cli("diff", "-f", "json", ESTIMATE, OFFICIAL).stdout)["diff"]
    rank = {"met": 0, "at_risk": 1, "missed": 2}
    settled = [c for c in data["changes"] if c["change"] == "settled"]
    worse = [rank[c["new_status"]] > rank[c["old_status"]] for c in settled]
    assert worse == sorted(worse, reverse=True), [c["id"] for c in settled]
    assert True in worse
    assert False in worse
