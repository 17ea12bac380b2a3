"""Reviews across reports: each target's course through a year, and what changed between two.

Pure functions over evaluations, like nq94.evaluate: `trend` lines up reports of one year in
period order, with where each target is heading and, for flows, the monthly pace it needs;
`compare` lists what changed from one report to another, worst first.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from nq94.errors import Mark, Problem
from nq94.evaluate import Evaluation, Result
from nq94.i18n import t
from nq94.model import Basis, Kind, Operator, Period, Status, Target

JUDGED = frozenset({Status.MET, Status.AT_RISK, Status.MISSED})
"""The statuses a figure is judged to have, against the target."""

# --- trend ---------------------------------------------------------------------------------------


class Direction(StrEnum):
    """Which way a target's figures moved over the year, from the first to the latest, judged
    against its comparison."""

    TOWARD = "toward"
    """Closer to meeting the target, or further past it."""
    AWAY = "away"
    STEADY = "steady"
    """Every figure within the target's at-risk margin of every other (all equal for a count)."""
    WITHIN = "within"
    """Inside the target's range at first and last, having moved more than the margin."""
    BACK = "back"
    """As the first figure stood, having moved more than the margin on the way."""


class Pace(NamedTuple):
    """For a flow, as of its latest report before the year end: what each remaining month
    must add to reach the threshold, and what each month has added so far."""

    needed: Decimal
    """Per remaining month to reach the threshold by the year end (0 once reached)."""
    so_far: Decimal
    """Per month elapsed, on average."""
    months_left: int
    period: Period
    """The report it is worked out from."""
    latest: bool
    """Whether that is the latest report (else a later one covers the whole year)."""


class Course(NamedTuple):
    """One target through the reports of a year."""

    target: Target
    results: tuple[Result, ...]
    """One per report, in period order."""
    final: Status
    """The latest report's status."""
    projection: Decimal | None
    """Flows: the latest report's year-end figure (projected before the year end)."""
    direction: Direction | None
    """With figures in two reports or more, the latest among them: which way the figures moved
    from the first to the latest (None for flows, which have a pace)."""
    pace: Pace | None


class Trend(NamedTuple):
    """Reports of one year in period order, and each target's course through them."""

    evaluations: tuple[Evaluation, ...]
    courses: tuple[Course, ...]

    @property
    def year(self) -> int:
        return self.evaluations[0].report.period.year


class Stated(NamedTuple):
    """The period a report file states, on which basis, and where."""

    file: str
    period: Period
    basis: Basis
    mark: Mark


def same_year(reports: Sequence[Stated]) -> list[Problem]:
    """Problems with reviewing these reports together: another year than the first report's,
    or a period given twice on one basis (an estimate and official figures of one period are
    the reporting cycle). Each problem names both files."""
    problems = []
    first = reports[0]
    seen: dict[tuple[int, tuple[int, int], Basis], Stated] = {}  # 2026-Q1 and 2026-3M are one
    for report in reports:
        period, where = report.period, (report.file, report.mark.line, report.mark.column)
        if period.year != first.period.year:
            problems.append(
                Problem(
                    *where,
                    t(
                        "err.other_year",
                        period=period,
                        year=period.year,
                        first=first.file,
                        first_year=first.period.year,
                    ),
                )
            )
        elif (period.year, period.covered, report.basis) in seen:
            twice = f"{period} ({t('basis.' + report.basis.value)})"
            other = seen[period.year, period.covered, report.basis].file
            problems.append(Problem(*where, t("err.period_twice", period=twice, other=other)))
        else:
            seen[period.year, period.covered, report.basis] = report
    return problems


def cycle_order(evaluation: Evaluation) -> tuple[int, int, int]:
    """Where a report stands in the year's reporting cycle: by the end of its period (a part
    alone before the period to date that ends with it, which has the last word: the fourth
    quarter or December alone never overrides the year's figures), and within a period the
    estimate, then the preliminary figures, then the official ones."""
    report = evaluation.report
    return report.period.months, -report.period.first, report.basis.stage


def trend(evaluations: Sequence[Evaluation]) -> Trend:
    """Line up reports of one year (see `same_year`) in the order of the reporting cycle, each
    judged by the version of the targets in force for it: a target an amendment added or
    removed has no data in the reports its version does not hold."""
    ordered = tuple(sorted(evaluations, key=cycle_order))
    periods = [e.report.period for e in ordered]
    courses = []
    for target_id in _ids(ordered):
        results = _aligned(ordered, target_id)
        target = next(r.target for r in reversed(results) if r.target.id == target_id)
        courses.append(_course(target, results, periods))
    return Trend(ordered, tuple(courses))


def _ids(evaluations: Sequence[Evaluation]) -> list[str]:
    """Every target id of the reports' versions, in the order the versions list them."""
    seen: dict[str, None] = {}
    for evaluation in evaluations:
        seen.update((target.id, None) for target in evaluation.targets.targets)
    return list(seen)


def _aligned(evaluations: Sequence[Evaluation], target_id: str) -> tuple[Result, ...]:
    """A target's result in each report: no data where its version does not hold it."""
    found: list[Result | None] = []
    for evaluation in evaluations:
        found.append(next((r for r in evaluation.results if r.target.id == target_id), None))
    known = next(r.target for r in found if r is not None)
    return tuple(
        r if r is not None else Result(known, Status.NO_DATA, stage=e.report.stage)
        for r, e in zip(found, evaluations, strict=True)
    )


def _course(target: Target, results: tuple[Result, ...], periods: list[Period]) -> Course:
    last = results[-1]
    flow = target.kind is Kind.FLOW
    projection = last.actual if flow else None
    pace = _pace(target, results, periods) if flow else None
    direction = None if flow or last.actual is None else _direction(target, results)
    return Course(target, results, last.status, projection, direction, pace)


def _direction(target: Target, results: tuple[Result, ...]) -> Direction | None:
    """How the first figure of the year and the latest compare, with figures in two reports or
    more: steady only if every figure stayed within the margin of every other."""
    figures = [result.actual for result in results if result.actual is not None]
    if len(figures) < 2:
        return None
    spread = max(figures) - min(figures)
    if not spread or spread < target.margin_for(target.measure):
        return Direction.STEADY
    before, now = _standing(target, figures[0]), _standing(target, figures[-1])
    if now != before:
        return Direction.TOWARD if now > before else Direction.AWAY
    return Direction.WITHIN if target.band is not None and not now else Direction.BACK


def changes(course: Course) -> tuple[Result, ...]:
    """The results at which a target's status changed over the year: the latest result of each
    run of one status, judged statuses only (met, at risk, missed); one result if it never
    changed, none without a judged figure."""
    runs: list[Result] = []
    for result in course.results:
        if result.status not in JUDGED:
            continue
        if runs and runs[-1].status is result.status:
            runs[-1] = result
        else:
            runs.append(result)
    return tuple(runs)


def _pace(target: Target, results: tuple[Result, ...], periods: list[Period]) -> Pace | None:
    """The pace of an upward flow as of its latest figure before the year end."""
    if target.operator not in (Operator.GE, Operator.GT):
        return None
    for index in range(len(results) - 1, -1, -1):
        value, period = results[index].value, periods[index]
        if value is not None and not period.is_year_end and not period.alone:
            left = 12 - period.months
            short = max(results[index].target.threshold - value, Decimal(0))
            return Pace(
                short / left, value / period.months, left, period, index == len(results) - 1
            )
    return None


def _standing(target: Target, figure: Decimal) -> Decimal:
    """How well a figure stands against the target: higher is better."""
    band = target.band
    if band is not None:
        low, high = band
        return -(low - figure if figure < low else figure - high if figure > high else Decimal(0))
    return figure if target.operator in (Operator.GE, Operator.GT) else -figure


# --- compare -------------------------------------------------------------------------------------


class Change(StrEnum):
    """How one target's result changed from one report to another."""

    WORSENED = "worsened"
    REMOVED = "removed"
    SETTLED = "settled"
    """An estimate replaced by official figures of the same period: the status or the figure
    became final, which is neither better nor worse news than a changed figure."""
    CHANGED = "changed"
    """The figure changed, the status did not."""
    ADDED = "added"
    IMPROVED = "improved"


_RANK = {Status.MET: 0, Status.AT_RISK: 1, Status.MISSED: 2}
"""How bad a status is; no data is not ranked (it is neither better nor worse, only unknown)."""
_ORDER = list(Change)
"""Changes are listed worst first, in this order."""


class Difference(NamedTuple):
    """One target whose figure or status differs between two reports."""

    target: Target
    change: Change
    old: Result
    new: Result
    difference: Decimal | None
    """New figure minus old, when both reports have one."""

    @property
    def target_changed(self) -> bool:
        """Whether the two reports were judged against different requirements (an amendment
        took effect between them): the change comes from the target, not only the figure."""
        return self.old.target.asks != self.new.target.asks

    @property
    def worse(self) -> bool:
        """Whether the status got worse: met to at risk or missed, at risk to missed."""
        old, new = _RANK.get(self.old.status), _RANK.get(self.new.status)
        return old is not None and new is not None and new > old

    @property
    def regressed(self) -> bool:
        """Whether the status got worse; for a figure that settled, only when the estimate said
        met and the official figures say missed or at risk."""
        if self.change is Change.SETTLED:
            return self.old.status is Status.MET and self.new.status in _WORSE
        return self.change is Change.WORSENED


class Comparison(NamedTuple):
    """What changed from an old report to a new one, worst first."""

    old: Evaluation
    new: Evaluation
    differences: tuple[Difference, ...]

    @property
    def settling(self) -> bool:
        """Whether the new report gives the official figures of the old one's estimate."""
        return settles(self.old, self.new)

    @property
    def regressed(self) -> bool:
        """Whether any status got worse: for figures that settled, only a target the estimate
        said was met that ends missed or at risk."""
        return any(d.regressed for d in self.differences)


_WORSE = (Status.MISSED, Status.AT_RISK)


def settles(old: Evaluation, new: Evaluation) -> bool:
    """Whether ``new`` gives the official figures of the period ``old`` estimated (or gave
    preliminary figures of)."""
    before, after = old.report, new.report
    return (
        before.period == after.period
        and before.basis is not Basis.OFFICIAL
        and after.basis is Basis.OFFICIAL
    )


def compare(old: Evaluation, new: Evaluation) -> Comparison:
    """Every target whose figure or status differs, worst first; unchanged ones are left out.

    Worst first: statuses that worsened (most first), figures removed, figures that settled
    (from an estimate to the official figures of its period), figures changed with the same
    status, figures added, statuses that improved; the targets file's order within each.
    """
    differences = []
    settling = settles(old, new)
    for target_id in _ids((old, new)):
        before, after = _aligned((old, new), target_id)
        change = _change(before, after)
        if settling and change in (Change.WORSENED, Change.IMPROVED, Change.CHANGED):
            change = Change.SETTLED
        if change is None:
            continue
        difference = (
            after.value - before.value
            if after.value is not None and before.value is not None
            else None
        )
        differences.append(Difference(after.target, change, before, after, difference))
    differences.sort(key=_severity)
    return Comparison(old, new, tuple(differences))


def paired(comparison: Comparison) -> Trend:
    """The two reports of a comparison, old then new as given, and the course through them of
    each target that differs, worst first: what a diff draws."""
    evaluations = (comparison.old, comparison.new)
    periods = [evaluation.report.period for evaluation in evaluations]
    courses = (_course(d.target, (d.old, d.new), periods) for d in comparison.differences)
    return Trend(evaluations, tuple(courses))


def _change(before: Result, after: Result) -> Change | None:
    if before.value is None:
        return None if after.value is None else Change.ADDED
    if after.value is None:
        return Change.REMOVED
    was, now = _RANK.get(before.status), _RANK.get(after.status)
    if was is not None and now is not None and now != was:
        return Change.WORSENED if now > was else Change.IMPROVED
    moved = after.value != before.value or after.actual != before.actual
    amended = before.target.asks != after.target.asks
    return Change.CHANGED if moved or amended or before.status != after.status else None


def _severity(difference: Difference) -> tuple[int, bool, int]:
    """Worst first: by the kind of change, then (among figures that settled) those that ended
    worse than the estimate said, then by how far the status moved."""
    step = 0
    old, new = _RANK.get(difference.old.status), _RANK.get(difference.new.status)
    if difference.change in (Change.WORSENED, Change.IMPROVED, Change.SETTLED) and (
        old is not None and new is not None
    ):
        step = -abs(new - old)
    return _ORDER.index(difference.change), not difference.worse, step
