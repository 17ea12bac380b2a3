"""Targets through the year, through the real CLI in both languages: amendments and the version
in force, quarterly paths, the growth still needed, parts of a year, seasons (PRODUCT.md,
"Targets through the year")."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from .conftest import CLI_TYPE as CLI
from .conftest import ROOT

HA_NOI = ROOT / "samples" / "ha-noi-2025"
THAI_NGUYEN = ROOT / "samples" / "thai-nguyen-2026"

TARGETS = """\
format: 2
document: {number: "01/KH", title: {vi: "Kế hoạch"}, issuer: "UBND tỉnh", year: 2025}
targets:
  - {id: grdp_growth, words: "từ 8,5% trở lên", name: {vi: Tăng trưởng, en: Growth},
     unit: {vi: "%", en: "%"}, measure: percent, kind: growth, operator: ">=", threshold: 8.5,
     path: {Q1: 9.05, Q2: 11.45, Q3: 11.98, Q4: 11.22}WEIGHTS}
  - {id: grain, words: "trên 590 nghìn tấn", name: {vi: Lương thực, en: Grain},
     unit: {vi: nghìn tấn, en: thousand tonnes}, measure: amount, kind: flow, operator: ">",
     threshold: 590, season: {H1: 0.55, 9M: 0.7}}
  - {id: communes, words: "02 xã", name: {vi: Xã, en: Communes}, unit: {vi: xã, en: communes},
     measure: count, kind: count, operator: ">=", threshold: 2}
"""


def _files(tmp_path: Path, weights: str = "") -> Path:
    targets = tmp_path / "targets.yaml"
    targets.write_text(TARGETS.replace("WEIGHTS", weights), encoding="utf-8")
    return targets


def _report(tmp_path: Path, period: str, **values: str) -> Path:
    path = tmp_path / f"{period.replace('/', '_')}.yaml"
    body = "".join(f"  {key}: {value}\n" for key, value in values.items())
    path.write_text(
        f'period: "{period}"\nbasis: estimate\ntargets: targets.yaml\nvalues:\n{body}',
        encoding="utf-8",
    )
    return path


def _json(cli: CLI, *args: str) -> dict[str, Any]:
    run = cli("check", "-f", "json", *args)
    assert run.exit_code in (0, 1), run
    report: dict[str, Any] = json.loads(run.stdout, parse_float=Decimal)["reports"][0]
    return report


def _result(report: dict[str, Any], target_id: str) -> dict[str, Any]:
    return next(r for r in report["results"] if r["id"] == target_id)


# --- amendments ----------------------------------------------------------------------------------


def test_a_report_is_judged_by_the_version_in_force_at_its_periods_end(cli: CLI) -> None:
    """Hà Nội's January estimate is judged by 58/NQ-HĐND (≥ 6.5), its half year by the
    supplementary resolution of 25/2/2025 (≥ 8), which says so, with what was required before."""
    january = _result(_json(cli, str(HA_NOI / "2025-1m.yaml")), "grdp_growth")
    assert (january["threshold"], january["amended"]) == (Decimal("6.5"), None)
    half = _result(_json(cli, str(HA_NOI / "2025-h1.yaml")), "grdp_growth")
    assert half["threshold"] == 8
    assert half["amended"] == {
        "document": "unknown",
        "effective": "2025-02-25",
        "was": {"operator": ">=", "threshold": Decimal("6.5"), "upper": None, "better": None,
                "tolerance": None},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "amended by Resolution (number unknown) from 25/02/2025, was ≥ 6.5%"),
        ("vi", "sửa đổi theo Nghị quyết (số hiệu chưa rõ) từ 25/02/2025, trước đó ≥ 6,5%"),
    ],
)
def test_a_changed_target_says_by_which_document_from_when_and_what_before(
    cli: CLI, lang: str, said: str
) -> None:
    run = cli("check", "-f", "text", "--lang", lang, str(HA_NOI / "2025-h1.yaml"))
    assert run.exit_code == 0, run
    assert said in run.stdout, run


def test_as_of_judges_by_the_version_in_force_that_day(cli: CLI) -> None:
    """--as-of a day before the amendment judges the half year by 58/NQ-HĐND, under which the
    sector targets the amendment added are not targets yet: said, with the document and day."""
    run = cli("check", "-f", "text", "--as-of", "2025-01-31", str(HA_NOI / "2025-h1.yaml"))
    assert run.exit_code == 2, run
    assert "services_growth: not a target for this period" in run.stderr
    assert "adds it from 25/02/2025" in run.stderr
    january = _result(
        _json(cli, "--as-of", "2025-12-31", str(HA_NOI / "2025-1m.yaml")), "grdp_growth"
    )
    assert january["threshold"] == 8


@pytest.mark.parametrize(("lang", "word"), [("en", "added"), ("vi", "bổ sung")])
def test_targets_lists_the_versions(cli: CLI, lang: str, word: str) -> None:
    """nq94 targets FILE lists the file's targets and what each amendment changed; --as-of
    lists the version in force that day."""
    run = cli("targets", "--lang", lang, str(HA_NOI / "targets.yaml"))
    assert run.exit_code == 0, run
    assert "grdp_growth: ≥ 6" in run.stdout  # ≥ 6.5% → ≥ 8%
    assert f"services_growth: {word}" in run.stdout
    later = cli("targets", "--lang", lang, "--as-of", "2025-06-30", str(HA_NOI / "targets.yaml"))
    assert later.exit_code == 0, later
    assert "services_growth" in later.stdout
    assert "25/02/2025" in later.stdout


# --- periods -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("quý II/2025", "2025-Q2"),
        ("6 tháng đầu năm 2025", "2025-H1"),
        ("tháng 5/2025", "2025-M05"),
        ("5 tháng 2025", "2025-5M"),
        ("6 tháng cuối năm 2025", "2025-H2"),
    ],
)
def test_periods_in_words_follow_statistical_usage(
    cli: CLI, tmp_path: Path, written: str, code: str
) -> None:
    _files(tmp_path)
    report = _json(cli, str(_report(tmp_path, written, grdp_growth="9")))
    assert report["period"] == code


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "2025-Q3 is a part of the year alone (third quarter of 2025): for the first 9 "
               "months to date, write 2025-9M"),
        ("vi", "2025-Q3 là số liệu riêng quý III năm 2025: số liệu 9 tháng đầu năm hãy ghi "
               "2025-9M"),
    ],
)  # fmt: skip
def test_a_code_whose_meaning_changed_is_said_for_each_file(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """Two reports in 2025-Q3: the change of meaning is said once for each, naming it, on
    stderr (without the file's name, which of 81 reports it was about could not be told)."""
    _files(tmp_path)
    one = _report(tmp_path, "2025-Q3", grdp_growth="9")
    two = tmp_path / "again.yaml"
    two.write_text(one.read_text(encoding="utf-8"), encoding="utf-8")
    run = cli("check", "-f", "text", "--lang", lang, str(one), str(two))
    assert run.exit_code == 0, run
    assert run.stderr.count(f"{one}: {said}") == 1, run
    assert run.stderr.count(f"{two}: {said}") == 1, run


# --- quarterly paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "weights", "plan"),
    [
        ("2025-Q1", "", Decimal("9.05")),  # the first quarter: its own plan
        ("2025-Q2", "", Decimal("11.45")),  # a quarter alone: its own plan
        ("2025-H1", "", Decimal("10.25")),  # (1.0905 + 1.1145) / 2 − 1
        ("2025-H2", "", Decimal("11.6")),  # (1.1198 + 1.1122) / 2 − 1
        # weighted: (0.22 × 1.0905 + 0.24 × 1.1145) / 0.46 − 1 = 10.302174 %
        ("2025-H1", ", weights: {Q1: 0.22, Q2: 0.24, Q3: 0.26, Q4: 0.28}", Decimal("10.302174")),
    ],
)
def test_a_growth_targets_path_judges_a_partial_report(
    cli: CLI, tmp_path: Path, period: str, weights: str, plan: Decimal
) -> None:
    _files(tmp_path, weights)
    report = _json(cli, str(_report(tmp_path, period, grdp_growth="9.2")))
    result = _result(report, "grdp_growth")
    assert result["plan"] == {"period": period, "threshold": plan}
    assert result["gap"] == (Decimal("9.2") - plan).quantize(Decimal("0.000001")).normalize()


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "plan for 6 months: 10.25%"), ("vi", "kịch bản 6 tháng: 10,25%")]
)
def test_the_row_says_the_plan_it_was_compared_with(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    _files(tmp_path)
    report = _report(tmp_path, "2025-H1", grdp_growth="10.3")
    run = cli("check", "-f", "text", "--lang", lang, str(report))
    assert said in run.stdout, run


def test_a_period_that_does_not_end_a_quarter_is_judged_against_the_year(
    cli: CLI, tmp_path: Path
) -> None:
    _files(tmp_path)
    result = _result(_json(cli, str(_report(tmp_path, "2025-5M", grdp_growth="9"))), "grdp_growth")
    assert (result["plan"], result["threshold"]) == (None, Decimal("8.5"))


# --- the growth still needed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the rest of the year needs growth of 12.97%"),
        ("vi", "các tháng còn lại cần tăng 12,97%"),
    ],
)
def test_the_growth_still_needed_matches_the_hand_calculation(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """Thái Nguyên 2025: "từ 8,5% trở lên", 7.01 % after nine months (UBND, 14/10/2025); with
    equal quarters the fourth needs ((1.085 − 0.75 × 1.0701) / 0.25 − 1) = 12.97 %."""
    _files(tmp_path)
    report = _report(tmp_path, "2025-9M", grdp_growth="7.01")
    by_hand = ((Decimal("1.085") - Decimal("0.75") * Decimal("1.0701")) / Decimal("0.25") - 1) * 100
    assert by_hand == Decimal("12.97")
    result = _result(_json(cli, str(report)), "grdp_growth")
    assert result["needed_rest_of_year"] == by_hand
    run = cli("check", "-f", "text", "--lang", lang, str(report))
    assert said in run.stdout, run


def test_the_growth_still_needed_follows_the_weights(cli: CLI, tmp_path: Path) -> None:
    """With last year's quarterly shares, the nine months stand for 0.72 of the year."""
    _files(tmp_path, ", weights: {Q1: 0.22, Q2: 0.24, Q3: 0.26, Q4: 0.28}")
    result = _result(
        _json(cli, str(_report(tmp_path, "2025-9M", grdp_growth="7.01"))), "grdp_growth"
    )
    share = Decimal("0.72")
    by_hand = ((Decimal("1.085") - share * Decimal("1.0701")) / (1 - share) - 1) * 100
    assert result["needed_rest_of_year"] == by_hand.quantize(Decimal("0.000001"))


# --- parts of a year alone, seasons --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "not assessed from a quarter alone"),
        ("vi", "chưa đánh giá được từ số liệu một quý"),
    ],
)
def test_flows_and_counts_in_a_quarter_alone_are_not_assessed(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """A quarter alone says nothing of the year's total: a flow and a count are not assessed,
    counted apart, and never change the exit code; a growth rate is judged against its path."""
    _files(tmp_path)
    report = _report(tmp_path, "2025-Q2", grdp_growth="12", grain="100", communes="0")
    data = _json(cli, str(report))
    statuses = {r["id"]: r["status"] for r in data["results"]}
    assert statuses == {"grdp_growth": "met", "grain": "not_assessed", "communes": "not_assessed"}
    assert data["summary"]["not_assessed"] == 2
    run = cli("check", "-f", "text", "--lang", lang, "--fail-on", "at-risk", str(report))
    assert run.exit_code == 0, run
    assert said in run.stdout, run


def test_a_season_replaces_the_linear_projection(cli: CLI, tmp_path: Path) -> None:
    """410 after nine months, with 70 % of the year's harvest expected by then: projected to
    585.7, at risk against "trên 590", not to 546.7 and missed."""
    _files(tmp_path)
    result = _result(_json(cli, str(_report(tmp_path, "2025-9M", grain="410"))), "grain")
    assert result["status"] == "at_risk"
    assert round(Decimal(str(result["actual"])), 1) == Decimal("585.7")
    linear = _result(_json(cli, str(_report(tmp_path, "2025-10M", grain="410"))), "grain")
    assert linear["actual"] == Decimal(492)  # 10 months are not in the season: 410 × 12 / 10


# --- reviews across versions ---------------------------------------------------------------------


def test_trend_shows_each_period_against_its_plan_and_the_growth_still_needed(cli: CLI) -> None:
    run = cli("trend", "--lang", "vi", *(str(p) for p in sorted(THAI_NGUYEN.glob("2026-*.yaml"))))
    assert run.exit_code == 0, run
    assert "kịch bản 9,05%" in run.stdout
    assert "các tháng còn lại cần tăng 12,8%" in run.stdout


def test_a_diff_across_an_amendment_says_the_target_changed(cli: CLI) -> None:
    run = cli("diff", "-f", "json", str(HA_NOI / "2025-1m.yaml"), str(HA_NOI / "2025-h1.yaml"))
    changes = {c["id"]: c for c in json.loads(run.stdout)["diff"]["changes"]}
    assert changes["grdp_growth"]["target_changed"] is True
    table = cli("diff", "--lang", "vi", str(HA_NOI / "2025-1m.yaml"), str(HA_NOI / "2025-h1.yaml"))
    assert "chỉ tiêu sửa đổi: ≥ 6,5% → ≥ 8%" in table.stdout.replace("\n", " ").replace(
        "  ", " "
    ) or ("chỉ tiêu sửa" in table.stdout)


def test_the_site_draws_the_step_and_names_the_amendment(cli: CLI, tmp_path: Path) -> None:
    """nq94 site samples/ha-noi-2025/: the growth target's chart caption names the amendment and
    what was required before it; its chart draws both requirements."""
    run = cli("site", str(HA_NOI), "-o", str(tmp_path / "site"))
    assert run.exit_code == 0, run
    page = (tmp_path / "site" / "targets" / "grdp_growth.html").read_text(encoding="utf-8")
    assert (
        "từ 25/02/2025, theo sửa đổi của Nghị quyết (số hiệu chưa rõ), ≥ 8% (trước đó ≥ 6,5%)"
        in page
    )
    english = (tmp_path / "site" / "en" / "targets" / "grdp_growth.html").read_text(
        encoding="utf-8"
    )
    assert (
        "from 25/02/2025, as Resolution (number unknown) amended it, ≥ 8% (was ≥ 6.5%)" in english
    )


def test_a_row_judged_by_its_plan_shows_that_plan_as_required(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """9.2 in the first quarter against a plan of 9.05 for it: the Required column says ≥ 9.05,
    from which the gap of +0.15 is measured, in the table, Markdown, the CSV's plan column, the
    workbook and the site (each said ≥ 11, the year's, beside a gap from the plan)."""
    report = "samples/thai-nguyen-2026/2026-q1.yaml"
    monkeypatch.setenv("COLUMNS", "120")
    table = cli("check", "-f", "table", report).stdout
    row = next(line for line in table.splitlines() if line.startswith("Thái Nguyên phấn đấu"))
    assert row.split()[-7:-3] == ["9.2", "≥", "9.05", "+0.15"], row
    markdown = cli("check", "-f", "markdown", report).stdout
    assert "| 9.2 | ≥ 9\\.05 | +0.15 |" in markdown  # Markdown escapes the point
    rows = list(csv.DictReader(io.StringIO(cli("check", "-f", "csv", report).stdout)))
    growth = next(row for row in rows if row["id"] == "grdp_growth")
    assert (growth["threshold"], growth["plan"], growth["gap"]) == ("11", "9.05", "0.15")
    site = tmp_path / "site"
    assert cli("site", "--lang", "vi", report, "-o", str(site)).exit_code == 0
    page = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-label="Yêu cầu">≥\s9,05%<', page), page


def test_a_quarter_is_named_as_written_in_english(cli: CLI) -> None:
    """'plan for Q1', not 'plan for q1' (a sentence lowers 'Quý I' to 'quý I', not 'Q1')."""
    text = cli("check", "-f", "text", "samples/thai-nguyen-2026/2026-q1.yaml").stdout
    assert "plan for Q1: 9.05%" in text
    vietnamese = cli("check", "-f", "text", "--lang", "vi", "samples/thai-nguyen-2026/2026-q1.yaml")
    assert "kịch bản quý I: 9,05%" in vietnamese.stdout
