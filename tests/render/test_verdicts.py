"""Verdicts a Council member can trust: every figure shown agrees with its status, margins are
in proportion, nothing goes above the maximum, and the reporting cycle is followed."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from nq94.model import Status

from ..conftest import CLI_TYPE as CLI

CASES = {
    "rounded": (
        'period: "2024"\nvalues:\n  grdp_growth: 7.499\n  urban_unemployment_rate: 2.999\n'
        "  poverty_rate_reduction: {baseline: 1.15, current: 0.355}\n  budget_revenue: 19514\n"
    ),
    "margins": 'period: "2024"\nbasis: estimate\nvalues:\n  poverty_rate_reduction: 1.25\n',
    "ceiling": (
        'period: "2024-H1"\nvalues:\n  war_invalid_work_communes_rate: 100\n'
        "  military_recruitment_rate: 100\n"
    ),
    "projection": 'period: "2024-9M"\nvalues:\n  public_investment_disbursement_rate: 101\n',
    "percent": (
        'period: "2024"\nvalues:\n  urban_unemployment_rate: 2.8\n'
        "  structure_industry_construction: 57.9\n  structure_services_taxes: 32.5\n"
        "  structure_agriculture: 9.6\n"
    ),
    "fraction": 'period: "2024"\nvalues:\n  health_insurance_rate: 0.95\n',
}

# per case: (target id, status, shown figure in English, in Vietnamese, words that must appear)
EXPECTED = {
    "rounded": [
        ("grdp_growth", "missed", "7.499", "7,499", ["-0.001"]),  # a rate: no percent of it
        ("urban_unemployment_rate", "met", "2.999", "2,999", ["-0.001"]),
        ("poverty_rate_reduction", "missed", "0.795", "0,795", ["1.15 → 0.355"]),
        ("budget_revenue", "missed", "19,514", "19.514", ["-1", "99.99%"]),  # an amount
    ],
    "margins": [("poverty_rate_reduction", "met", "1.25", "1,25", ["±0.08"])],
    "ceiling": [
        ("war_invalid_work_communes_rate", "met", "100", "100", []),
        ("military_recruitment_rate", "met", "100", "100", []),
    ],
    "projection": [
        ("public_investment_disbursement_rate", "met", "120", "120", ["capped", "from 101"])
    ],
    "percent": [
        ("urban_unemployment_rate", "met", "2.8", "2,8", ["0.2 to spare"]),
        ("structure_industry_construction", "met", "57.9", "57,9", ["within the range"]),
    ],
    "fraction": [("health_insurance_rate", "missed", "0.95", "0,95", [])],
}


def _written(folder: Path, texts: dict[str, str]) -> dict[str, Path]:
    """Each text as a report file in ``folder``, by name."""
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name}.yaml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    """Each case as a small report file."""
    return _written(tmp_path, CASES)


def _json(cli: CLI, path: Path) -> dict[str, dict[str, object]]:
    run = cli("check", "-f", "json", str(path))
    assert run.exit_code == 0, run
    (report,) = json.loads(run.stdout)["reports"]
    return {result["id"]: result for result in report["results"]}


@pytest.mark.parametrize("case", list(CASES))
def test_each_case_in_json_and_text(cli: CLI, reports: dict[str, Path], case: str) -> None:
    """The status of each case, and its line of text with the figures that agree with it."""
    results = _json(cli, reports[case])
    text = cli("check", "-f", "text", str(reports[case])).stdout
    for target_id, status, figure, _, words in EXPECTED[case]:
        assert results[target_id]["status"] == status, results[target_id]
        line = next(line for line in text.splitlines() if f": {target_id}:" in line)
        assert f" {figure} vs " in line, line
        for word in words:
            assert word in line, line
        if status == "missed":
            assert "100.0%" not in line, line
            assert "100%" not in line.split("vs")[1], line


@pytest.mark.parametrize("case", list(CASES))
def test_each_case_in_vietnamese(cli: CLI, reports: dict[str, Path], case: str) -> None:
    """The same figures, with a decimal comma, in the Vietnamese text and table."""
    text = cli("check", "-f", "text", "--lang", "vi", str(reports[case])).stdout
    table = cli("check", "-f", "table", "--lang", "vi", str(reports[case])).stdout
    for target_id, _, _, figure, _ in EXPECTED[case]:
        line = next(line for line in text.splitlines() if f": {target_id}:" in line)
        assert f" {figure} so với " in line, line
        assert figure in table


@pytest.mark.parametrize("case", list(CASES))
def test_each_case_in_the_table(cli: CLI, reports: dict[str, Path], case: str) -> None:
    """The table shows each figure as the text does, and never 100.0% for a missed target."""
    table = cli("check", "-f", "table", str(reports[case])).stdout
    for _, status, figure, _, _ in EXPECTED[case]:
        assert figure in table
        if status == "missed":
            assert "100.0%" not in table


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_case_in_html(cli: CLI, reports: dict[str, Path], tmp_path: Path, lang: str) -> None:
    """The HTML export shows the deciding decimals, and no bar for 'below 3 %' or the shares."""
    for case, expected in EXPECTED.items():
        page = tmp_path / f"{case}-{lang}.html"
        assert cli("export", "--lang", lang, str(reports[case]), "-o", str(page)).exit_code == 0
        html = page.read_text(encoding="utf-8")
        for _, _, english, vietnamese, _ in expected:
            assert (english if lang == "en" else vietnamese) in html
        if case == "rounded":
            assert ("99.99%" if lang == "en" else "99,99%") in html
        if case == "percent":
            assert html.count('<div class="bar">') == 0


def test_each_case_in_xlsx(cli: CLI, reports: dict[str, Path], tmp_path: Path) -> None:
    """The workbook holds typed numbers with formats that show the deciding decimals."""
    from openpyxl import load_workbook

    book_path = tmp_path / "rounded.xlsx"
    assert cli("export", str(reports["rounded"]), "-o", str(book_path)).exit_code == 0
    sheet = load_workbook(book_path).worksheets[0]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    grdp = rows["grdp_growth"]
    assert grdp[3].value == pytest.approx(7.499)
    assert grdp[3].number_format.count("0") + grdp[3].number_format.count("#") >= 3 + 1
    assert grdp[7].value == "0.001 points short"  # a growth rate: not a percent of its plan
    assert grdp[7].alignment.wrap_text  # folded in its narrow column, never cut off in print
    assert (sheet.row_dimensions[grdp[7].row].height or 15) >= 30
    budget = rows["budget_revenue"]
    decimals = budget[7].number_format.split(".")[1].replace("\\%", "")
    assert len(decimals) >= 2  # 99.99 %, never 100.0 %
    unemployment = rows["urban_unemployment_rate"]
    assert unemployment[7].value == "0.001 to spare"


def test_percent_of_target_is_null_where_it_means_nothing(
    cli: CLI, reports: dict[str, Path]
) -> None:
    """Null percent of target for 'below 3 %' and the three shares (since schema_version 2)."""
    run = cli("check", "-f", "json", str(reports["percent"]))
    document = json.loads(run.stdout)
    assert document["schema_version"] == 3
    results = {r["id"]: r for r in document["reports"][0]["results"]}
    for target_id in (
        "urban_unemployment_rate",
        "structure_industry_construction",
        "structure_services_taxes",
        "structure_agriculture",
    ):
        assert results[target_id]["percent_of_target"] is None


def test_a_figure_exactly_a_margin_away_is_clear_of_it(cli: CLI, tmp_path: Path) -> None:
    """In an estimate, 89.5 against "Từ 90% trở lên" (margin 0.5) is missed and 2.7 against
    "Dưới 3%" (margin 0.3) met: exactly a margin away is not within it; a hundredth nearer is."""
    path = tmp_path / "estimate.yaml"
    path.write_text(
        'period: "2024"\nbasis: estimate\nvalues:\n  cultural_families_rate: 89.5\n'
        "  cultural_hamlets_rate: 89.51\n  urban_unemployment_rate: 2.7\n"
        "  poverty_rate_reduction: 0.72\n  social_insurance_rate: 43\n"
    )
    results = _json(cli, path)
    statuses = {key: (result["status"], result["margin"]) for key, result in results.items()}
    assert statuses["cultural_families_rate"] == ("missed", 0.5)
    assert statuses["cultural_hamlets_rate"] == ("at_risk", 0.5)
    assert statuses["urban_unemployment_rate"] == ("met", 0.3)
    assert statuses["poverty_rate_reduction"] == ("missed", 0.08)
    assert statuses["social_insurance_rate"] == ("met", 0.5)


def test_projection_is_capped_at_the_plausible_maximum(cli: CLI, reports: dict[str, Path]) -> None:
    """101 % of plan after 9 months projects to 120 (the maximum), not 134.67."""
    result = _json(cli, reports["projection"])["public_investment_disbursement_rate"]
    assert (result["actual"], result["value"], result["obtained"]) == (120, 101, "projected")


def test_a_fraction_is_a_warning_and_strict_makes_it_a_problem(
    cli: CLI, reports: dict[str, Path]
) -> None:
    """0.95 for a 95 % target warns, located, exit 0 and still evaluated; --strict exits 2."""
    path = reports["fraction"]
    run = cli("check", "-f", "json", str(path))
    assert run.exit_code == 0, run
    expected = f"{path}:3:26: warning: values.health_insurance_rate: 0.95 looks like a fraction;"
    assert run.stderr.startswith(expected), run
    document = json.loads(run.stdout)
    (warning,) = document["warnings"]
    assert (warning["line"], warning["column"]) == (3, 26)
    assert document["reports"][0]["summary"]["missed"] == 1
    strict = cli("check", "--strict", str(path))
    assert strict.exit_code == 2, strict
    assert ": warning:" not in strict.stderr
    assert "did you mean 95?" in strict.stderr
    assert cli("validate", "--strict", str(path)).exit_code == 2
    assert cli("validate", str(path)).exit_code == 0


FRACTION_OF_POINTS = 'period: "2024"\nbasis: estimate\nvalues:\n  poverty_rate_reduction: 0.0085\n'
"""'0,85%' typed in a spreadsheet and reformatted as a number: 0.0085 for "Từ 0,8% trở lên"."""


@pytest.mark.parametrize(
    ("lang", "warning", "count"),
    [
        ("en", "warning: values.poverty_rate_reduction: 0.0085 looks like a fraction; "
               "did you mean 0.85?", "; 1 warning"),
        ("vi", "cảnh báo: values.poverty_rate_reduction: 0,0085 có vẻ là một phân số; "
               "có phải ý là 0,85?", "; 1 cảnh báo"),
    ],
)  # fmt: skip
def test_a_fraction_of_points_is_a_warning_counted_and_said_after_the_table(
    cli: CLI, tmp_path: Path, lang: str, warning: str, count: str
) -> None:
    """0.0085 against 0.8 percentage points warns, located, as 0.95 against 95 % does; the
    summary line counts it, and the table says it again after itself, where a long table
    would have scrolled the first saying away."""
    path = tmp_path / "poverty.yaml"
    path.write_text(FRACTION_OF_POINTS, encoding="utf-8")
    located = f"{path}:4:27: {warning}"
    text = cli("check", "--lang", lang, "-f", "text", str(path))
    assert text.exit_code == 0, text
    assert text.stderr == located + "\n", text
    assert text.stdout.splitlines()[-1].endswith(count), text
    table = cli("check", "--lang", lang, "-f", "table", str(path))
    assert table.exit_code == 0, table
    assert table.stderr == located + "\n", table
    lines = [line.strip() for line in table.stdout.splitlines() if line.strip()]
    assert lines[-1] == located, table
    assert lines[-2].endswith(count), table
    strict = cli("check", "--lang", lang, "--strict", str(path))
    assert strict.exit_code == 2, strict


@pytest.mark.parametrize("figure", ["0.85", "0.08", "0.05", "-0.003", "0"])
def test_a_figure_of_points_near_its_target_or_far_from_a_fraction_is_no_fraction(
    cli: CLI, tmp_path: Path, figure: str
) -> None:
    """0.85, 0.08 (a poor year), 0.05 (100 times it, 5 points, is no likelier), a rise and
    nothing at all are figures of points as they stand: no warning."""
    path = tmp_path / "poverty.yaml"
    path.write_text(FRACTION_OF_POINTS.replace("0.0085", figure), encoding="utf-8")
    run = cli("check", "-f", "text", str(path))
    assert run.exit_code == 0, run
    assert run.stderr == "", run
    assert "warning" not in run.stdout, run


def test_a_small_percent_of_a_small_target_is_no_fraction(cli: CLI, tmp_path: Path) -> None:
    """Targets under 10 % can have figures under 1.5: no warning for them."""
    path = tmp_path / "r.yaml"
    path.write_text('period: "2024"\nvalues:\n  ethnic_boarding_pupils_rate: 1.2\n')
    run = cli("check", str(path))
    assert run.exit_code == 0, run
    assert ": warning:" not in run.stderr, run


CYCLE = {
    "h1": 'period: "2024-H1"\nvalues:\n  grdp_growth: 6.2\n  budget_revenue: 9000\n',
    "9m": 'period: "2024-9M"\nvalues:\n  grdp_growth: 6.8\n  budget_revenue: 14000\n',
    "estimate": (
        'period: "2024"\nbasis: estimate\nvalues:\n  grdp_growth: 7.3\n'
        "  budget_revenue: 19600\n  cultural_families_rate: 91\n"
    ),
    "official": (
        'period: "2024"\nbasis: official\nvalues:\n  grdp_growth: 7.6\n'
        "  budget_revenue: 19400\n  cultural_families_rate: 92\n"
    ),
}


@pytest.fixture
def cycle(tmp_path: Path) -> dict[str, Path]:
    """One year's reporting cycle: H1, 9 months, the November estimate, the official figures."""
    return _written(tmp_path, CYCLE)


def test_trend_takes_the_whole_cycle_in_order(cli: CLI, cycle: dict[str, Path]) -> None:
    """Four columns, H1, 9M, the estimate and the official figures, whatever the order given."""
    order = [cycle[name] for name in ("official", "h1", "estimate", "9m")]
    run = cli("trend", "-f", "json", *map(str, order))
    assert run.exit_code == 0, run
    periods = json.loads(run.stdout)["trend"]["periods"]
    assert [(p["period"], p["basis"]) for p in periods] == [
        ("2024-H1", "official"),
        ("2024-9M", "official"),
        ("2024", "estimate"),
        ("2024", "official"),
    ]
    table = cli("trend", "--lang", "vi", *map(str, order)).stdout
    assert table.index("(ước tính)") < table.rindex("(chính thức)")
    markdown = cli("trend", "-f", "markdown", *map(str, order)).stdout
    assert "2024 (estimate) | 2024 (official)" in markdown


def test_one_period_twice_on_one_basis_is_still_refused(
    cli: CLI, cycle: dict[str, Path], tmp_path: Path
) -> None:
    """Two official reports of 2024 name both files, exit 2."""
    again = tmp_path / "again.yaml"
    again.write_text(CYCLE["official"], encoding="utf-8")
    run = cli("trend", str(cycle["official"]), str(again))
    assert run.exit_code == 2, run
    assert str(cycle["official"]) in run.stderr
    assert str(again) in run.stderr


def test_diff_from_estimate_to_official_settles(cli: CLI, cycle: dict[str, Path]) -> None:
    """Estimate → official is settled, listed apart; only met → missed or at risk regresses."""
    run = cli("diff", "-f", "json", str(cycle["estimate"]), str(cycle["official"]))
    assert run.exit_code == 0, run
    diff = json.loads(run.stdout)["diff"]
    assert diff["settling"] is True
    changes = {c["id"]: c for c in diff["changes"]}
    assert changes["grdp_growth"]["change"] == "settled"
    assert (changes["grdp_growth"]["old_status"], changes["grdp_growth"]["new_status"]) == (
        "at_risk",
        "met",
    )
    assert changes["budget_revenue"]["new_status"] == "missed"
    assert diff["regressed"] is False
    settles = cli("diff", "--fail-on", "regressed", str(cycle["estimate"]), str(cycle["official"]))
    assert settles.exit_code == 0, settles
    assert "Settled" in settles.stdout
    markdown = cli("diff", "-f", "markdown", str(cycle["estimate"]), str(cycle["official"]))
    assert "#### Settled" in markdown.stdout


def test_a_met_estimate_that_ends_missed_regresses(cli: CLI, cycle: dict[str, Path]) -> None:
    """met → missed from an estimate to official figures fails --fail-on regressed."""
    worse = cycle["official"].with_name("worse.yaml")
    worse.write_text(CYCLE["official"].replace("families_rate: 92", "families_rate: 89"))
    run = cli("diff", "--fail-on", "regressed", str(cycle["estimate"]), str(worse))
    assert run.exit_code == 1, run


@pytest.mark.parametrize(
    ("value", "places"),
    [("7.499", 3), ("7.4", 2), ("7.5", 2), ("7.49999", 5), ("7.0001", 4), ("8.123456", 2)],
)
def test_decisive_decimals(value: str, places: int) -> None:
    """Enough decimals to keep a figure on its side of 7.5 and of the margin's edges 7 and 8."""
    from nq94.render.numbers import decisive

    bounds = [Decimal("7"), Decimal("7.5"), Decimal("8")]
    assert decisive(Decimal(value), bounds) == places


def test_statuses_are_exhaustive_in_expectations() -> None:
    """Every status named in the expectations is a real one."""
    named = {status for cases in EXPECTED.values() for _, status, *_ in cases}
    assert named <= {status.value for status in Status}
    assert re.fullmatch(r"[a-z_]+", "".join(sorted(named)))


def test_a_difference_keeps_the_decimals_of_its_figures(cli: CLI, tmp_path: Path) -> None:
    """7.5 → 7.499 differs by -0.001 in the table and Markdown, never by 0."""
    estimate, official = _written(
        tmp_path,
        {
            "estimate": 'period: "2024"\nbasis: estimate\nvalues:\n  grdp_growth: 7.5\n',
            "official": 'period: "2024"\nvalues:\n  grdp_growth: 7.499\n',
        },
    ).values()
    for fmt in ("table", "markdown"):
        out = cli("diff", "-f", fmt, str(estimate), str(official)).stdout
        assert "-0.001" in out, out


def test_a_settled_figure_that_ends_worse_is_marked_as_a_worsening(
    cli: CLI, cycle: dict[str, Path]
) -> None:
    """met → missed from the estimate to the official figures is 🔻 in Markdown."""
    worse = cycle["official"].with_name("worse.yaml")
    worse.write_text(CYCLE["official"].replace("families_rate: 92", "families_rate: 89"))
    out = cli("diff", "-f", "markdown", str(cycle["estimate"]), str(worse)).stdout
    row = next(line for line in out.splitlines() if "cultural_families_rate" in line)
    assert "🔻 settled" in row, row


def test_why_a_ceiling_and_a_share_near_its_edge_have_their_status(
    cli: CLI, reports: dict[str, Path], tmp_path: Path
) -> None:
    """A 'maintain 100 %' target met inside its margin says why; a share at risk says how near
    its range's edge it is."""
    ceiling = cli("check", "-f", "text", str(reports["ceiling"])).stdout
    line = next(line for line in ceiling.splitlines() if "war_invalid" in line)
    assert "nothing can be above the plausible maximum" in line, line
    (share,) = _written(
        tmp_path,
        {"share": 'period: "2024"\nbasis: estimate\nvalues:\n  structure_agriculture: 10.4\n'},
    ).values()
    text = cli("check", "-f", "text", str(share)).stdout
    line = next(line for line in text.splitlines() if "structure_agriculture" in line)
    assert "at risk" in line
    assert "within the range, 0.2 from its edge" in line, line


def test_workbook_figures_have_the_decimals_shown_elsewhere(cli: CLI, tmp_path: Path) -> None:
    """Counts and thresholds without decimals show none; a given figure keeps all of its own."""
    from openpyxl import load_workbook

    (path,) = _written(
        tmp_path,
        {"r": 'period: "2024"\nvalues:\n  new_rural_communes: 1\n  grdp_growth: 7.49999\n'},
    ).values()
    book_path = tmp_path / "r.xlsx"
    assert cli("export", str(path), "-o", str(book_path)).exit_code == 0
    status, sources = load_workbook(book_path).worksheets
    rows = {row[1].value: row for row in status.iter_rows(min_row=2)}
    assert rows["new_rural_communes"][3].number_format == "#,##0"
    assert rows["new_rural_communes"][5].number_format == "#,##0"
    assert rows["grdp_growth"][3].number_format == "#,##0.00000"
    given = {row[0].value: row for row in sources.iter_rows(min_row=2)}
    assert given["grdp_growth"][1].number_format == "#,##0.00000"
