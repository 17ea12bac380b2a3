"""How numbers, comparisons and statuses are written for people; rounding is for display only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from nq94.evaluate import Obtained, Result
from nq94.model import DEFAULT_APPROX_TOLERANCE, Measure, Operator, Status, Target, plain
from nq94.review import Change, Comparison, Course, Difference

STATUS_LABEL = {
    Status.MET: "met",
    Status.AT_RISK: "at risk",
    Status.MISSED: "missed",
    Status.NO_DATA: "no data",
}

_SYMBOL = {Operator.GE: "≥", Operator.GT: ">", Operator.LE: "≤", Operator.LT: "<"}


def display(number: Decimal, *, places: int = 2, fixed: bool = False, sign: bool = False) -> str:
    """``number`` rounded to ``places`` decimals with thousands separators: 19,515.5.

    Trailing zeros are dropped unless ``fixed``; ``sign`` writes a + before positive numbers.
    """
    try:
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: show it as it is
        return str(number)
    text = format(abs(rounded), "f") if fixed else plain(abs(rounded))
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    prefix = "-" if rounded < 0 else "+" if sign and rounded > 0 else ""
    return prefix + grouped


def comparison(target: Target) -> str:
    """What a target requires, e.g. '≥ 7.5', '< 3', '58.6 ± 1', '2 to 4'."""
    if target.operator is Operator.APPROX:
        tolerance = target.tolerance if target.tolerance is not None else DEFAULT_APPROX_TOLERANCE
        return f"{display(target.threshold)} ± {display(tolerance)}"
    if target.operator is Operator.BETWEEN:
        assert target.upper is not None
        return f"{display(target.threshold)} to {display(target.upper)}"
    return f"{_SYMBOL[target.operator]} {display(target.threshold)}"


def gap_text(result: Result) -> str:
    """The gap with its sign, '+485' or '-1.6'; empty without data."""
    return display(result.gap, sign=True) if result.gap is not None else ""


def percent_text(result: Result) -> str:
    """The percent of target to one decimal, '102.5%'; empty without data."""
    percent = result.percent_of_target
    return f"{display(percent, places=1, fixed=True)}%" if percent is not None else ""


def explain(result: Result) -> str:
    """Why a result has its status, in one line: '6.18 vs ≥ 7.5: gap -1.32, 82.4% of target'."""
    target = result.target
    if result.actual is None:
        return f"no figure in the report; required {comparison(target)} {target.unit.en}"
    parts = [f"{display(result.actual)} vs {comparison(target)} {target.unit.en}"]
    if note := reading(result):
        parts.append(note)
    if result.obtained is Obtained.PROJECTED and result.value is not None:
        parts.append(f"projected to year end from {display(result.value)}")
    elif result.obtained is Obtained.DERIVED and result.entry is not None:
        baseline, current = result.entry.baseline, result.entry.current
        if baseline is not None and current is not None:
            parts.append(f"derived from {display(baseline)} → {display(current)}")
    if result.gap is not None:
        parts.append(f"gap {gap_text(result)}")
    if result.percent_of_target is not None:
        parts.append(f"{percent_text(result)} of target")
    if result.margin:
        parts.append(f"margin ±{display(result.margin)}")
    return "; ".join(parts)


def summary_line(summary: dict[Status, int]) -> str:
    """'30 targets: 18 met, 5 at risk, 4 missed, 3 no data'."""
    parts = ", ".join(f"{count} {STATUS_LABEL[status]}" for status, count in summary.items())
    return f"{sum(summary.values())} targets: {parts}"


def reading(result: Result) -> str | None:
    """How a figure written as text was read: "read '7,5' as 7.5"; None for plain numbers."""
    written = result.written
    if isinstance(written, dict):
        written = written.get("value")
    if isinstance(written, str) and result.value is not None:
        return f"read '{written.strip()}' as {plain(result.value)}"
    return None


# --- reviews across reports ----------------------------------------------------------------------

_BARS = "▁▂▃▄▅▆▇█"
_ARROW = {1: "↗", -1: "↘", 0: "→"}
CHANGE_LABEL = {
    Change.WORSENED: "worsened",
    Change.REMOVED: "removed",
    Change.CHANGED: "changed",
    Change.ADDED: "added",
    Change.IMPROVED: "improved",
}


def sparkline(figures: Sequence[Decimal | None]) -> str:
    """A bar per figure, scaled from the lowest to the highest; '·' where there is none."""
    known = [figure for figure in figures if figure is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    top = len(_BARS) - 1
    return "".join(
        "·"
        if figure is None
        else _BARS[int((figure - low) / (high - low) * top) if high > low else top // 2]
        for figure in figures
    )


def per_month(target: Target) -> str:
    """The unit of a monthly pace: 'billion VND a month', 'percentage points a month'."""
    unit = "percentage points" if target.measure is Measure.PERCENT else target.unit.en
    return f"{unit} a month"


def pace_text(course: Course) -> str:
    """'needs 1,505 billion VND a month, averaging 1,666.67 so far'; empty without a pace.

    Worked out at an earlier report when a later one covers the whole year:
    'at 2024-9M: needed 1,505 billion VND a month, averaging 1,666.67'.
    """
    pace = course.pace
    if pace is None:
        return ""
    unit = per_month(course.target)
    if not pace.needed:
        reached = f"reached, averaging {display(pace.so_far)} {unit}"
        return reached if pace.latest else f"at {pace.period}: {reached}"
    if pace.latest:
        return f"needs {display(pace.needed)} {unit}, averaging {display(pace.so_far)} so far"
    return (
        f"at {pace.period}: needed {display(pace.needed)} {unit}, averaging {display(pace.so_far)}"
    )


def direction_text(course: Course) -> str:
    """'↗ toward', '↘ away', '→ steady': how the latest two figures moved against the target."""
    if course.direction is None:
        return ""
    figures = [result.actual for result in course.results if result.actual is not None]
    moved = (figures[-1] > figures[-2]) - (figures[-1] < figures[-2])
    return f"{_ARROW[moved]} {course.direction.value}"


def course_text(course: Course) -> str:
    """A sparkline of the figures, then the direction of the latest move: '▁▃█ ↗ toward'."""
    spark = sparkline([result.actual for result in course.results])
    return f"{spark} {direction_text(course)}".strip()


def year_end_text(course: Course) -> str:
    """A flow's year-end figure (projected before the year end); empty for other kinds."""
    return display(course.projection) if course.projection is not None else ""


def status_change_text(difference: Difference) -> str:
    """'met → at risk', or the one status when it did not change."""
    old, new = STATUS_LABEL[difference.old.status], STATUS_LABEL[difference.new.status]
    return new if old == new else f"{old} → {new}"


def figure_text(result: Result) -> str:
    """A result's figure for people, or '—' without one."""
    return display(result.value) if result.value is not None else "—"


def diff_summary(comparison: Comparison) -> str:
    """'3 targets changed: 1 worsened, 2 changed; no status got worse'."""
    differences = comparison.differences
    if not differences:
        return "No figure or status changed"
    counts = Counter(d.change for d in differences)
    parts = ", ".join(f"{counts[c]} {CHANGE_LABEL[c]}" for c in Change if counts[c])
    worse = counts[Change.WORSENED]
    verdict = (
        f"{worse} status{'es' if worse != 1 else ''} got worse" if worse else "no status got worse"
    )
    noun = "target" if len(differences) == 1 else "targets"
    return f"{len(differences)} {noun} changed: {parts}; {verdict}"
