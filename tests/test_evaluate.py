"""Evaluation: statuses by operator, basis and period, derived and projected values."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nq94.evaluate import Obtained, decide, evaluate, evaluate_target
from nq94.model import Entry, Period, Report, Status, TargetsFile

from .conftest import make_target

D = Decimal
HUNDREDTH = D("0.01")

# operator, threshold, value -> status for final figures (margin 0) and for estimates (margin 0.5)
BOUNDARIES = [
    # ">=": exactly at the threshold meets it
    (">=", D(10), D("9.99"), Status.MISSED, Status.AT_RISK),
    (">=", D(10), D(10), Status.MET, Status.AT_RISK),
    (">=", D(10), D("10.01"), Status.MET, Status.AT_RISK),
    (">=", D(10), D("10.5"), Status.MET, Status.MET),
    (">=", D(10), D("9.5"), Status.MISSED, Status.MISSED),
    (">=", D(10), D("9.49"), Status.MISSED, Status.MISSED),
    # ">": exactly at the threshold misses it
    (">", D(10), D("9.99"), Status.MISSED, Status.AT_RISK),
    (">", D(10), D(10), Status.MISSED, Status.AT_RISK),
    (">", D(10), D("10.01"), Status.MET, Status.AT_RISK),
    (">", D(10), D("10.51"), Status.MET, Status.MET),
    (">", D(10), D("10.5"), Status.MET, Status.MET),
    (">", D(10), D("9.5"), Status.MISSED, Status.MISSED),
    # "<=": exactly at the threshold meets it
    ("<=", D(10), D("9.99"), Status.MET, Status.AT_RISK),
    ("<=", D(10), D(10), Status.MET, Status.AT_RISK),
    ("<=", D(10), D("10.01"), Status.MISSED, Status.AT_RISK),
    ("<=", D(10), D("9.5"), Status.MET, Status.MET),
    ("<=", D(10), D("10.51"), Status.MISSED, Status.MISSED),
    ("<=", D(10), D("10.5"), Status.MISSED, Status.MISSED),
    # "<": exactly at the threshold misses it ("Dưới 3%": 3.0 misses)
    ("<", D(3), D("2.99"), Status.MET, Status.AT_RISK),
    ("<", D(3), D(3), Status.MISSED, Status.AT_RISK),
    ("<", D(3), D("3.01"), Status.MISSED, Status.AT_RISK),
    ("<", D(3), D("2.49"), Status.MET, Status.MET),
    ("<", D(3), D("2.5"), Status.MET, Status.MET),
    ("<", D(3), D("3.5"), Status.MISSED, Status.MISSED),
]


@pytest.mark.parametrize(("operator", "threshold", "value", "final", "estimate"), BOUNDARIES)
def test_one_sided_boundaries(
    operator: str, threshold: Decimal, value: Decimal, final: Status, estimate: Status
) -> None:
    """Final figures compare strictly; estimates are at risk within 0.5 of the threshold."""
    target = make_target(operator=operator, threshold=threshold)
    assert decide(target, value, D(0)) is final
    assert decide(target, value, D("0.5")) is estimate


# The margin's edge: "within the margin" is strictly less than the margin away from the edge
# that decides, so a figure exactly a margin away is clear of it, on either side. Each case:
# the requirement, then for figures a hundredth inside the margin, exactly at it and a hundredth
# beyond it, below and above the deciding edge, the status with a margin of 0.5.
MARGIN_EDGES = [
    # ">= 10": 9.49 9.5 9.51 | 10.49 10.5 10.51
    ({"operator": ">="}, D(10), ["missed", "missed", "at_risk", "at_risk", "met", "met"]),
    ({"operator": ">"}, D(10), ["missed", "missed", "at_risk", "at_risk", "met", "met"]),
    ({"operator": "<="}, D(10), ["met", "met", "at_risk", "at_risk", "missed", "missed"]),
    ({"operator": "<"}, D(10), ["met", "met", "at_risk", "at_risk", "missed", "missed"]),
    # a range meant one-sided is decided by its one edge: 10 for "10 to 12, or more"
    (
        {"operator": "between", "upper": D(12), "better": "higher"},
        D(10),
        ["missed", "missed", "at_risk", "at_risk", "met", "met"],
    ),
    # ... and 12 for "8 to 12, or less"
    (
        {"operator": "between", "threshold": D(8), "upper": D(12), "better": "lower"},
        D(12),
        ["met", "met", "at_risk", "at_risk", "missed", "missed"],
    ),
    # "about 11 ± 1, or more" is decided at 10; "about 9 ± 1, or less" at 10
    (
        {"operator": "≈", "threshold": D(11), "tolerance": D(1), "better": "higher"},
        D(10),
        ["missed", "missed", "at_risk", "at_risk", "met", "met"],
    ),
    (
        {"operator": "≈", "threshold": D(9), "tolerance": D(1), "better": "lower"},
        D(10),
        ["met", "met", "at_risk", "at_risk", "missed", "missed"],
    ),
    # two-sided bands, at their lower edge 10: "10 to 14" and "12 ± 2"
    (
        {"operator": "between", "upper": D(14)},
        D(10),
        ["missed", "missed", "at_risk", "at_risk", "met", "met"],
    ),
    (
        {"operator": "≈", "threshold": D(12), "tolerance": D(2)},
        D(10),
        ["missed", "missed", "at_risk", "at_risk", "met", "met"],
    ),
    # ... and at their upper edge 14
    (
        {"operator": "between", "threshold": D(10), "upper": D(14)},
        D(14),
        ["met", "met", "at_risk", "at_risk", "missed", "missed"],
    ),
    (
        {"operator": "≈", "threshold": D(12), "tolerance": D(2)},
        D(14),
        ["met", "met", "at_risk", "at_risk", "missed", "missed"],
    ),
]
"""Each requirement, the edge that decides it, and the statuses at edge - 0.51, - 0.5, - 0.49,
+ 0.49, + 0.5 and + 0.51."""

OFFSETS = [D("-0.51"), D("-0.5"), D("-0.49"), D("0.49"), D("0.5"), D("0.51")]


@pytest.mark.parametrize(("fields", "edge", "statuses"), MARGIN_EDGES)
def test_a_figure_exactly_a_margin_away_is_clear_of_it(
    fields: dict[str, object], edge: Decimal, statuses: list[str]
) -> None:
    """|actual - edge| < margin is at risk; exactly the margin away, and a hundredth beyond, is
    met on the good side and missed on the bad one, whatever the operator."""
    target = make_target(**{"threshold": edge, "kind": "share", **fields})
    found = [decide(target, edge + offset, D("0.5")).value for offset in OFFSETS]
    assert found == statuses


@pytest.mark.parametrize(
    ("value", "final", "estimate"),
    [
        (D("57.59"), Status.MISSED, Status.AT_RISK),
        (D("57.6"), Status.MET, Status.AT_RISK),
        (D("58.6"), Status.MET, Status.MET),
        (D("59.6"), Status.MET, Status.AT_RISK),
        (D("59.61"), Status.MISSED, Status.AT_RISK),
        (D("60.1"), Status.MISSED, Status.MISSED),
        (D("57.1"), Status.MISSED, Status.MISSED),
        (D("58.1"), Status.MET, Status.MET),
        (D("58.09"), Status.MET, Status.AT_RISK),
    ],
)
def test_approximately_within_tolerance(value: Decimal, final: Status, estimate: Status) -> None:
    """'≈ 58.6' is met within 1.0 point; estimates are at risk within 0.5 of either edge."""
    target = make_target(operator="≈", threshold=D("58.6"), kind="share")
    assert decide(target, value, D(0)) is final
    assert decide(target, value, D("0.5")) is estimate


@pytest.mark.parametrize(
    ("value", "final"),
    [
        (D("1.99"), Status.MISSED),
        (D(2), Status.MET),
        (D(4), Status.MET),
        (D("4.01"), Status.MISSED),
    ],
)
def test_between_includes_both_bounds(value: Decimal, final: Status) -> None:
    """'between 2 and 4' is met at 2 and at 4, missed a hundredth outside."""
    target = make_target(operator="between", threshold=D(2), upper=D(4))
    assert decide(target, value, D(0)) is final


def test_approximately_honours_a_target_tolerance() -> None:
    """A target may set its own tolerance for '≈'."""
    target = make_target(operator="≈", threshold=D(10), tolerance=D("0.2"))
    assert decide(target, D("10.2"), D(0)) is Status.MET
    assert decide(target, D("10.21"), D(0)) is Status.MISSED


def test_unemployment_of_exactly_three_misses_below_three(
    report: Callable[..., Report], targets: TargetsFile
) -> None:
    """'Dưới 3%': an official 3.0 is missed."""
    result = _result(
        targets,
        report('period: "2024"\nvalues: {urban_unemployment_rate: 3.0}'),
        "urban_unemployment_rate",
    )
    assert result.status is Status.MISSED
    assert result.gap == 0


def test_cultural_families_of_exactly_ninety_meets(
    report: Callable[..., Report], targets: TargetsFile
) -> None:
    """'Từ 90% trở lên': an official 90 is met."""
    result = _result(
        targets,
        report('period: "2024"\nvalues: {cultural_families_rate: 90}'),
        "cultural_families_rate",
    )
    assert result.status is Status.MET
    assert result.percent_of_target is None  # a rate: 90 % is not '100 % of the plan'


def test_poverty_reduction_is_derived_exactly(
    report: Callable[..., Report], targets: TargetsFile
) -> None:
    """1.15 -> 0.35 is a reduction of exactly 0.80 points, which meets 'from 0.8 upward'."""
    text = 'period: "2024"\nvalues: {poverty_rate_reduction: {baseline: 1.15, current: 0.35}}'
    result = _result(targets, report(text), "poverty_rate_reduction")
    assert result.value == D("0.80")
    assert result.obtained is Obtained.DERIVED
    assert result.status is Status.MET


def test_growth_is_derived_from_baseline_and_current(
    report: Callable[..., Report], targets: TargetsFile
) -> None:
    """Growth is (current / baseline - 1) * 100, exactly."""
    text = 'period: "2024"\nvalues: {export_growth: {baseline: 100, current: 108}}'
    result = _result(targets, report(text), "export_growth")
    assert result.value == 8
    assert result.status is Status.MET


@pytest.mark.parametrize(
    ("basis", "status"), [("estimate", Status.AT_RISK), ("official", Status.MISSED)]
)
def test_same_value_depends_on_basis(
    basis: str, status: Status, report: Callable[..., Report], targets: TargetsFile
) -> None:
    """7.3 % GRDP growth is at risk as an estimate and missed as an official figure."""
    text = f'period: "2024"\nbasis: {basis}\nvalues: {{grdp_growth: 7.3}}'
    assert _result(targets, report(text), "grdp_growth").status is status


def test_nine_month_flow_is_projected_to_year_end(
    report: Callable[..., Report], targets: TargetsFile
) -> None:
    """Budget revenue of 15,000 after 9 months projects 20,000 for the year: met."""
    text = 'period: "2024-9M"\nvalues: {budget_revenue: 15000}'
    result = _result(targets, report(text), "budget_revenue")
    assert result.value == 15000
    assert result.actual == 20000
    assert result.obtained is Obtained.PROJECTED
    assert result.status is Status.MET
    assert result.margin == D("390.30")


@pytest.mark.parametrize(
    ("period", "value", "status"),
    [
        ("2024-H1", "9000", Status.MISSED),
        ("2024-Q1", "5000", Status.MET),
        ("2024-Q1", "4900", Status.AT_RISK),
        ("2024-10M", "17000", Status.MET),
    ],
)
def test_partial_flows_use_the_elapsed_fraction(
    period: str, value: str, status: Status, report: Callable[..., Report], targets: TargetsFile
) -> None:
    """H1 doubles, Q1 quadruples, ten months multiply by 1.2; then the 2 % margin applies."""
    text = f'period: "{period}"\nvalues: {{budget_revenue: {value}}}'
    assert _result(targets, report(text), "budget_revenue").status is status


def test_rates_are_not_projected(report: Callable[..., Report], targets: TargetsFile) -> None:
    """A rate in a partial period is compared as it stands."""
    text = 'period: "2024-H1"\nvalues: {health_insurance_rate: 93}'
    result = _result(targets, report(text), "health_insurance_rate")
    assert result.actual == 93
    assert result.obtained is Obtained.REPORTED
    assert result.status is Status.MISSED


@pytest.mark.parametrize(
    ("period", "status"),
    [("2024-9M", Status.AT_RISK), ("2024", Status.MISSED), ("2024-11M", Status.AT_RISK)],
)
def test_counts_not_reached_are_at_risk_before_year_end(
    period: str, status: Status, report: Callable[..., Report], targets: TargetsFile
) -> None:
    """One commune of two is at risk after 9 months, missed at the year end."""
    text = f'period: "{period}"\nvalues: {{new_rural_communes: 1}}'
    assert _result(targets, report(text), "new_rural_communes").status is status


def test_missing_value_is_no_data(report: Callable[..., Report], targets: TargetsFile) -> None:
    """A target the report does not mention has no data and no numbers."""
    evaluation = evaluate(targets, report('period: "2024"\nvalues: {grdp_growth: 8}'))
    result = evaluation.results[1]
    assert result.status is Status.NO_DATA
    assert (result.actual, result.gap, result.percent_of_target, result.margin) == (
        None,
        None,
        None,
        None,
    )
    assert evaluation.summary[Status.NO_DATA] == 29
    assert sum(evaluation.summary.values()) == 30


def test_results_follow_the_targets_order(
    report: Callable[..., Report], targets: TargetsFile
) -> None:
    """Results come in targets.yaml order whatever the report's order."""
    text = 'period: "2024"\nvalues: {forest_cover_rate: 47, grdp_growth: 8}'
    evaluation = evaluate(targets, report(text))
    assert [r.target.id for r in evaluation.results] == [t.id for t in targets.targets]


def _result(targets: TargetsFile, report: Report, target_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in evaluate(targets, report).results if r.target.id == target_id)


# --- properties ----------------------------------------------------------------------------------

decimals = st.decimals(
    min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False
)
margins = st.decimals(min_value=0, max_value=10, places=2)


@given(actual=decimals, threshold=decimals)
def test_final_ge_is_exactly_the_comparison(actual: Decimal, threshold: Decimal) -> None:
    """For '>=' with final figures, met iff actual >= threshold, else missed."""
    target = make_target(threshold=threshold)
    expected = Status.MET if actual >= threshold else Status.MISSED
    assert decide(target, actual, D(0)) is expected


@given(actual=decimals, threshold=decimals, small=margins, extra=margins)
def test_wider_margin_never_improves_or_worsens_into_the_other(
    actual: Decimal, threshold: Decimal, small: Decimal, extra: Decimal
) -> None:
    """Widening the margin only moves met or missed to at risk, never met to missed or back."""
    for operator in (">=", ">", "<=", "<", "≈"):
        target = make_target(operator=operator, threshold=threshold)
        narrow, wide = decide(target, actual, small), decide(target, actual, small + extra)
        assert wide is narrow or wide is Status.AT_RISK


@given(
    value=st.decimals(min_value=-100, max_value=100, places=2),
    step=st.decimals(min_value=0, max_value=5, places=2),
)
def test_status_is_monotonic_in_the_value(value: Decimal, step: Decimal) -> None:
    """For '>=', a larger value is never worse (missed < at risk < met)."""
    rank = {Status.MISSED: 0, Status.AT_RISK: 1, Status.MET: 2}
    target = make_target(threshold=D(10))
    assert rank[decide(target, value + step, D("0.5"))] >= rank[decide(target, value, D("0.5"))]


def test_evaluate_target_without_entry() -> None:
    """evaluate_target with no entry is no data whatever the report."""
    report = Report(period=Period.parse("2024"), values={})
    assert evaluate_target(make_target(), report, None).status is Status.NO_DATA
    entry = Entry(value=D(11))
    assert evaluate_target(make_target(), report, entry).status is Status.MET
