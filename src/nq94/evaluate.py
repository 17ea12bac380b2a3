"""Evaluation: a pure function from targets and a report to immutable results."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from nq94.errors import Mark, Problem
from nq94.model import (
    Also,
    AnyEntry,
    Kind,
    Operator,
    Report,
    Requirement,
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
        """How many targets have each status, every status listed."""
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
        evaluate_target(target, report, report.values.get(target.id), written.get(target.id))
        for target in targets.targets
    )
    return Evaluation(file, report, targets, results, positions or {})


def evaluate_target(
    target: Target, report: Report, entry: AnyEntry | None, written: Any = None
) -> Result:
    """The status of one target given its entry (None when the report has no figure for it)."""
    if entry is None:
        return Result(target, Status.NO_DATA)
    value = derive(target, entry)
    actual, obtained = value, Obtained.DERIVED if entry.derived else Obtained.REPORTED
    period = report.period
    capped = False
    if target.kind is Kind.FLOW and not period.is_year_end:
        actual, obtained = period.project(value), Obtained.PROJECTED
        high = target.plausible[1]
        if actual > high:  # no projection goes past what is possible: 101 % of plan stays 120
            actual, capped = high, True
    status, margin = judge(target, target, actual, report)
    also = tuple(_also(target, other, actual, report) for other in target.also)
    return Result(
        target,
        status,
        entry=entry,
        value=value,
        actual=actual,
        obtained=obtained,
        gap=gap(target, actual),
        percent_of_target=percent_of_target(target, actual),
        margin=margin,
        written=written,
        capped=capped,
        stretch=stretch_reached(target, actual),
        also=also,
    )


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


def percent_of_target(target: Target, actual: Decimal) -> Decimal | None:
    """``actual`` as a percent of the threshold, for targets that ask for at least a figure;
    None for the others ("below 3 %" is not 93 % achieved by 2.8) and for a threshold of 0."""
    if target.operator not in (Operator.GE, Operator.GT) or not target.threshold:
        return None
    return actual / target.threshold * 100


def decide(requirement: Requirement, actual: Decimal, margin: Decimal) -> Status:
    """Met clear of the margin on the good side, missed beyond it on the bad side, else at risk.

    With a margin of 0 this is the plain comparison: exactly 3.0 misses "< 3", exactly 90 meets
    ">= 90". A range or an "about" that a plan means one-sided is decided by its one edge.
    """
    side = requirement.side
    if side is None:
        band = requirement.band
        assert band is not None  # a requirement without a deciding side is a two-sided band
        low, high = band
        if low + margin <= actual <= high - margin:
            return Status.MET
        if actual < low - margin or actual > high + margin:
            return Status.MISSED
        return Status.AT_RISK
    operator, threshold = side
    upward = operator in (Operator.GE, Operator.GT)
    good, bad = (
        (threshold + margin, threshold - margin)
        if upward
        else (threshold - margin, threshold + margin)
    )
    if holds(operator, actual, good):
        return Status.MET
    if not holds(operator, actual, bad):
        return Status.MISSED
    return Status.AT_RISK


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
    warnings."""
    evaluation = evaluate(
        targets,
        loaded.report,
        file=loaded.file,
        positions=loaded.positions,
        written=loaded.written,
    )
    return evaluation._replace(warnings=loaded.warnings)
