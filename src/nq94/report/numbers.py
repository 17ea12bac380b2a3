"""How numbers, comparisons and statuses are written for people; rounding is for display only."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

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
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
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
