"""Evaluation: a pure function from targets and a report to immutable results."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from nq94.errors import Mark, Problem
from nq94.model import (
    QUARTERS,
    Also,
    Amended,
    AnyEntry,
    Kind,
    Measure,
    Operator,
    Period,
    PeriodKind,
    Report,
    Requirement,
    Stage,
    Status,
    Target,
    TargetsFile,
    derive,
    stretch_reached,
)
from nq94.outcome import Loaded

_NO_POSITIONS: Mapping[str, Mark] = {}


class Obtained(StrEnum):
    """How the compared value came about."""

    REPORTED = "reported"
    DERIVED = "derived"
    PROJECTED = "projected"


class AlsoResult(NamedTuple):
    """Another document's requirement on a target's figure, judged on the same figure by the same
    rules; it never changes the target's own status."""

    requirement: Also
    status: Status
    gap: Decimal | None = None
    margin: Decimal | None = None


class Plan(NamedTuple):
    """What a growth target's quarterly path plans for a period: the growth of a quarter
    alone, or the cumulative growth to date."""

    period: Period
    threshold: Decimal


class Result(NamedTuple):
    """The status of one target in one report, with everything that explains it."""

    target: Target
    status: Status
    entry: AnyEntry | None = None
    value: Decimal | None = None
    """The figure for the period: as reported, or derived from baseline and current."""
    actual: Decimal | None = None
    """The figure compared with the threshold: ``value``, or its year-end projection."""
    obtained: Obtained | None = None
    gap: Decimal | None = None
    """``actual`` minus the threshold (outside a band: minus the nearest bound)."""
    percent_of_target: Decimal | None = None
    margin: Decimal | None = None
    """The at-risk margin used: 0 for final figures, None without data."""
    written: Any = None
    """The figure exactly as the report wrote it, when known (text stays text)."""
    capped: bool = False
    """Whether a projection went past the plausible maximum and ``actual`` is that maximum."""
    stretch: bool | None = None
    """Whether ``actual`` reaches the target's stretch level; None without one (or a figure)."""
    also: tuple[AlsoResult, ...] = ()
    """Each other document's requirement on the figure, judged by the same rules."""
    plan: Plan | None = None
    """The plan for the report's period a growth target's path gives, which judged it."""
    needed: Decimal | None = None
    """For a growth target in a report of the year to date: the growth the rest of the year
    needs for the year to reach the annual threshold."""
    amended: Amended | None = None
    """How an amendment made the target what it is in the version that judged the report."""
    stage: Stage = Stage.FINAL
    """What the report can say of the year, which decides the words of the status."""
    alone: PeriodKind | None = None
    """For a result not assessed: the part of the year the report covers alone."""


class Evaluation(NamedTuple):
    """All results of one report, in the targets file's order."""

    file: str
    report: Report
    targets: TargetsFile
    results: tuple[Result, ...]
    positions: Mapping[str, Mark] = _NO_POSITIONS
    """Where each value stands in the file, by target id ("values": the values mapping)."""
    warnings: tuple[Problem, ...] = ()
    """Figures of the report that are valid but look wrong, located."""

    def position(self, target_id: str) -> Mark:
        """Where a target's value stands, or the values mapping for a target without one."""
        return self.positions.get(target_id) or self.positions.get("values") or Mark(1, 1)

    @property
    def summary(self) -> dict[Status, int]:
        """How many targets have each status, as people read it: every status listed, but the
        targets not assessed only in a report that leaves some so (a quarter alone)."""
        counts = self.counts
        if not counts[Status.NOT_ASSESSED]:
            del counts[Status.NOT_ASSESSED]
        return counts

    @property
    def counts(self) -> dict[Status, int]:
        """How many targets have each status, every status listed (the JSON's summary)."""
        counts = Counter(result.status for result in self.results)
        return {status: counts[status] for status in Status}


def evaluate(
    targets: TargetsFile,
    report: Report,
    *,
    file: str = "",
    positions: Mapping[str, Mark] | None = None,
    written: Mapping[str, Any] | None = None,
) -> Evaluation:
    """Evaluate every target of ``targets`` against ``report``.

    ``positions`` and ``written`` (by target id) say where each value stands in the file and
    how it was written there; they are carried into the results for the reader.
    """
    written = written or {}
    results = tuple(
        evaluate_target(
            target,
            report,
            report.values.get(target.id),
            written.get(target.id),
            amended=targets.amended(target.id),
        )
        for target in targets.targets
    )
    return Evaluation(file, report, targets, results, positions or {})


def evaluate_target(
    target: Target,
    report: Report,
    entry: AnyEntry | None,
    written: Any = None,
    *,
    amended: Amended | None = None,
) -> Result:
    """The status of one target given its entry (None when the report has no figure for it)."""
    if entry is None:
        return Result(target, Status.NO_DATA, amended=amended, stage=report.stage)
    value = derive(target, entry)
    obtained = Obtained.DERIVED if entry.derived else Obtained.REPORTED
    period = report.period
    if period.alone and target.kind in (Kind.FLOW, Kind.COUNT):
        # a quarter alone says nothing of the year's total: nothing to project
        return Result(
            target, Status.NOT_ASSESSED, entry, value, obtained=obtained, written=written,
            amended=amended, alone=period.kind, stage=report.stage,
        )  # fmt: skip
    actual, capped = value, False
    if target.kind is Kind.FLOW and not period.is_year_end:
        share = target.season_share(period.months)
        actual = value / share if share is not None else period.project(value)
        obtained = Obtained.PROJECTED
        high = target.plausible[1]
        if actual > high:  # no projection goes past what is possible: 101 % of plan stays 120
            actual, capped = high, True
    plan = planned(target, period)
    requirement: Requirement = target
    if plan is not None:
        side = target.side
        operator = side.operator if side is not None else Operator.GE
        requirement = Requirement.model_construct(
            operator=operator, threshold=plan.threshold, margin=target.margin
        )
    status, margin = judge(target, requirement, actual, report)
    also = tuple(_also(target, other, actual, report) for other in target.also)
    return Result(
        target,
        status,
        entry=entry,
        value=value,
        actual=actual,
        obtained=obtained,
        gap=gap(requirement, actual),
        percent_of_target=percent_of_target(target, requirement, actual),
        margin=margin,
        written=written,
        capped=capped,
        stretch=stretch_reached(target, actual),
        also=also,
        plan=plan,
        needed=needed_rest_of_year(target, period, actual),
        amended=amended,
        stage=report.stage,
    )


def planned(target: Target, period: Period) -> Plan | None:
    """The plan a growth target's quarterly path gives for ``period``: the growth of a quarter
    alone, or over several quarters (to date, or the second half) the growth of their total,
    each quarter weighted by ``weights`` (equal if none):
    Σ w_q (1 + g_q/100) / Σ w_q − 1. None without a path, for the year, and for a period that
    does not start and end with quarters (5 months, May)."""
    if target.path is None or period.is_year_end or period.quarters is None:
        return None
    first, last = period.quarters
    quarters = QUARTERS[first - 1 : last]
    weights = target.weights or dict.fromkeys(QUARTERS, Decimal(1))
    total = sum((weights[q] * (1 + target.path[q] / 100) for q in quarters), Decimal(0))
    weight = sum((weights[q] for q in quarters), Decimal(0))
    return Plan(period, (total / weight - 1) * 100)


def needed_rest_of_year(target: Target, period: Period, actual: Decimal) -> Decimal | None:
    """For a growth target in a report of part of the year to date, the growth the rest of the
    year needs for the year to reach the annual threshold:
    ((1 + G/100) − W·(1 + g/100)) / (1 − W) − 1, where W is the share of the year reported:
    its quarters' weights (equal months where the target has none)."""
    side = target.side
    if target.kind is not Kind.GROWTH or side is None or period.alone or period.is_year_end:
        return None
    share = reported_share(target, period.months)
    whole = 1 + side.edge / 100
    return ((whole - share * (1 + actual / 100)) / (1 - share) - 1) * 100


def reported_share(target: Target, months: int) -> Decimal:
    """The share of the year's total the first ``months`` months stand for: from the target's
    quarterly weights (a part of a quarter by its months), else equal months."""
    if target.weights is None:
        return Decimal(months) / 12
    weights = [target.weights[q] for q in QUARTERS]
    whole, part = divmod(months, 3)
    done = sum(weights[:whole], Decimal(0))
    if part:
        done += weights[whole] * part / 3
    return done / sum(weights, Decimal(0))


def _also(target: Target, other: Also, actual: Decimal, report: Report) -> AlsoResult:
    status, margin = judge(target, other, actual, report)
    return AlsoResult(other, status, gap=gap(other, actual), margin=margin)


def judge(
    target: Target, requirement: Requirement, actual: Decimal, report: Report
) -> tuple[Status, Decimal]:
    """The status of ``actual`` against ``requirement`` (the target's own, or another
    document's on its figure), and the at-risk margin used: none for final figures."""
    margin = Decimal(0) if report.is_final else requirement.margin_for(target.measure)
    status = decide(requirement, actual, margin)
    if (
        requirement.operator is Operator.GE
        and requirement.threshold == target.plausible[1]
        and actual >= requirement.threshold
    ):
        status = Status.MET  # "Duy trì 100%": nothing can do better than the top of the range
    if status is Status.MISSED and target.kind is Kind.COUNT and not report.period.is_year_end:
        status = Status.AT_RISK  # a count can still be reached before the year ends
    return status, margin


PERCENT_OF = frozenset({Measure.AMOUNT, Measure.COUNT, Measure.RATIO})
"""Measures whose figure may be read as a percent of its threshold: amounts, counts, ratios."""


def percent_of_target(target: Target, requirement: Requirement, actual: Decimal) -> Decimal | None:
    """``actual`` as a percent of the threshold, for amounts, counts and ratios that ask for at
    least a figure. None for rates, shares, growth and points ("8 %" is not 23 % achieved by a
    growth of 1.85: the gap in points says it), for the other comparisons ("below 3 %" is not
    93 % achieved by 2.8), for a threshold of 0, and for a figure exactly at a "more than"
    threshold, which misses it and is not 100 % of anything."""
    if target.measure not in PERCENT_OF:
        return None
    if requirement.operator not in (Operator.GE, Operator.GT) or not requirement.threshold:
        return None
    if requirement.operator is Operator.GT and actual == requirement.threshold:
        return None
    return actual / requirement.threshold * 100


def decide(requirement: Requirement, actual: Decimal, margin: Decimal) -> Status:
    """At risk within the margin of an edge that decides (strictly less than the margin away
    from it, on either side); clear of it, met on the good side and missed on the bad one.

    A figure exactly a margin away is clear of it: 89.5 misses an estimated ">= 90" with margin
    0.5, 2.7 meets an estimated "< 3" with margin 0.3. With a margin of 0 this is the plain
    comparison: exactly 3.0 misses "< 3", exactly 90 meets ">= 90". A range or an "about" that a
    plan means one-sided is decided by its one edge; a two-sided band by both.
    """
    side = requirement.side
    if side is None:
        band = requirement.band
        assert band is not None  # a requirement without a deciding side is a two-sided band
        low, high = band
        if _within(actual, low, margin) or _within(actual, high, margin):
            return Status.AT_RISK
        return Status.MET if low <= actual <= high else Status.MISSED
    operator, edge = side
    if _within(actual, edge, margin):
        return Status.AT_RISK
    return Status.MET if holds(operator, actual, edge) else Status.MISSED


def _within(actual: Decimal, edge: Decimal, margin: Decimal) -> bool:
    """Whether ``actual`` is within the at-risk margin of ``edge``: |actual - edge| < margin."""
    return abs(actual - edge) < margin


def holds(operator: Operator, actual: Decimal, threshold: Decimal) -> bool:
    """Whether ``actual operator threshold`` is true, for the one-sided operators."""
    match operator:
        case Operator.GE:
            return actual >= threshold
        case Operator.GT:
            return actual > threshold
        case Operator.LE:
            return actual <= threshold
        case Operator.LT:
            return actual < threshold
        case Operator.BETWEEN | Operator.APPROX:
            raise ValueError(f"{operator} compares with a band, not a single threshold")


def gap(target: Requirement, actual: Decimal) -> Decimal:
    """How far ``actual`` is from what is required, in the target's unit: from the threshold, or
    from the edge that decides a range meant one-sided; outside a two-sided range, from its
    nearer end (0 inside it); from an "about" figure itself."""
    side = target.side
    if target.operator is Operator.BETWEEN and side is None:
        low, high = target.band or (target.threshold, target.threshold)
        return actual - low if actual < low else actual - high if actual > high else Decimal(0)
    if side is not None and target.operator in (Operator.BETWEEN, Operator.APPROX):
        return actual - side.edge
    return actual - target.threshold


def evaluated(targets: TargetsFile, loaded: Loaded) -> Evaluation:
    """Evaluate a loaded report, carrying where and how each value was written, and its
    warnings; by the version of the targets it was checked against."""
    evaluation = evaluate(
        loaded.targets or targets,
        loaded.report,
        file=loaded.file,
        positions=loaded.positions,
        written=loaded.written,
    )
    return evaluation._replace(warnings=loaded.warnings)
