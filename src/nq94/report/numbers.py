"""How numbers, comparisons and statuses are written for people; rounding is for display only."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from nq94.evaluate import Obtained, Result
from nq94.model import DEFAULT_APPROX_TOLERANCE, Operator, Status, Target, plain

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
