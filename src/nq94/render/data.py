"""Results and problems as plain data with exact Decimals: the shape every machine format shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext
from typing import TYPE_CHECKING, Any

from nq94.errors import Problem
from nq94.evaluate import Evaluation, Result
from nq94.model import Target
from nq94.render.numbers import decisive

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Course, Trend

_ONE = Decimal(1)
_HUNDREDTH = Decimal("0.01")
_TEN_THOUSANDTH = Decimal("0.0001")
SCHEMA_VERSION = 2
"""Version of the JSON contract; raised only when a key changes meaning or disappears.

2: ``percent_of_target`` is null for targets that do not ask for at least a figure (<, <=, ≈,
between), and is given with the decimals that keep a missed target below 100."""


def report_data(
    evaluation: Evaluation, result: Callable[[Result], Any] | None = None
) -> dict[str, Any]:
    """One report as plain data, with Decimals kept exact; ``result`` turns each result to data."""
    report = evaluation.report
    summary: dict[str, Any] = {status.value: count for status, count in evaluation.summary.items()}
    summary["total"] = len(evaluation.results)
    return {
        "file": evaluation.file,
        "resolution": evaluation.targets.document.number,
        "period": str(report.period),
        "basis": report.basis.value,
        "final": report.is_final,
        "source": report.source,
        "summary": summary,
        "results": [(result or result_data)(each) for each in evaluation.results],
    }


RESULT_KEYS = (
    "id", "section", "status", "actual", "obtained", "value", "threshold", "upper", "lower",
    "operator", "gap", "percent_of_target", "margin", "unit", "words", "input",
)  # fmt: skip
"""The keys of one result, in the order the JSON contract writes them."""


def result_data(result: Result) -> dict[str, Any]:
    """One target's result as plain data."""
    data = {**target_data(result.target), **outcome_data(result)}
    return {key: data[key] for key in RESULT_KEYS}


def target_data(target: Target) -> dict[str, Any]:
    """The part of a result that depends on its target alone."""
    low, high = target.band or (None, None)
    return {
        "id": target.id,
        "section": target.section,
        "threshold": target.threshold,
        "upper": high,
        "lower": low,
        "operator": target.operator.value,
        "unit": target.unit.en,
        "words": target.words,
    }


def outcome_data(result: Result) -> dict[str, Any]:
    """The part of a result that depends on the report."""
    percent = result.percent_of_target
    return {
        "status": result.status.value,
        "actual": _computed(result.actual),
        "obtained": result.obtained.value if result.obtained else None,
        "value": _computed(result.value),
        "gap": _computed(result.gap),
        "percent_of_target": _percent(percent) if percent is not None else None,
        "margin": _computed(result.margin),
        "input": _input(result),
    }


def _percent(percent: Decimal) -> Decimal:
    """A percent of target to hundredths, or more where 100 would misstate it (99.999 → 99.999)."""
    decimals = decisive(percent, (Decimal(100),))
    return percent.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _computed(number: Decimal | None) -> Decimal | None:
    """A computed value without exponent or needless zeros: 2E+4 -> 20000, 0.80 -> 0.8."""
    if number is None:
        return None
    if number == number.to_integral_value():
        try:
            return number.quantize(_ONE)
        except InvalidOperation:  # too many digits to write out
            return number.normalize()
    return number.normalize()


def _input(result: Result) -> Any:
    """Everything the report gave for a target, exactly as written; absent keys left out."""
    if result.written is not None:
        return result.written
    if result.entry is None:
        return None
    return result.entry.model_dump(exclude_none=True)


def problem_data(problem: Problem) -> dict[str, Any]:
    """One located problem as plain data; in a workbook, with its ``cell`` (Báo cáo!F12)."""
    data = {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
    }
    if problem.cell:
        data["cell"] = problem.cell
    return data


def trend_data(trend: Trend) -> dict[str, Any]:
    """Reports of one year side by side, as plain data."""
    return {
        "year": trend.year,
        "periods": [
            {
                "period": str(evaluation.report.period),
                "name": evaluation.report.period.names.model_dump(),
                "months": evaluation.report.period.months,
                "elapsed": evaluation.report.period.elapsed.quantize(_TEN_THOUSANDTH),
                "basis": evaluation.report.basis.value,
                "final": evaluation.report.is_final,
                "file": evaluation.file,
            }
            for evaluation in trend.evaluations
        ],
        "targets": [course_data(course, trend.evaluations) for course in trend.courses],
    }


def course_data(course: Course, evaluations: Sequence[Evaluation]) -> dict[str, Any]:
    """One target through the year: a point per report, where it is heading, its pace."""
    target, pace = course.target, course.pace
    return {
        "id": target.id,
        "section": target.section,
        "words": target.words,
        "unit": target.unit.en,
        "kind": target.kind.value,
        "operator": target.operator.value,
        "threshold": target.threshold,
        "points": [
            {
                "period": str(evaluation.report.period),
                "basis": evaluation.report.basis.value,
                "status": result.status.value,
                "value": _computed(result.value),
                "actual": _computed(result.actual),
                "obtained": result.obtained.value if result.obtained else None,
            }
            for evaluation, result in zip(evaluations, course.results, strict=True)
        ],
        "final_status": course.final.value,
        "projection": _computed(course.projection),
        "direction": course.direction.value if course.direction else None,
        "pace": (
            {
                "needed_per_month": _rounded(pace.needed),
                "so_far_per_month": _rounded(pace.so_far),
                "months_left": pace.months_left,
                "as_of": str(pace.period),
            }
            if pace
            else None
        ),
    }


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """What changed between two reports, worst first, as plain data."""

    def side(evaluation: Evaluation) -> dict[str, Any]:
        report = evaluation.report
        return {"file": evaluation.file, "period": str(report.period), "basis": report.basis.value}

    return {
        "old": side(comparison.old),
        "new": side(comparison.new),
        "settling": comparison.settling,
        "regressed": comparison.regressed,
        "changes": [
            {
                "id": d.target.id,
                "words": d.target.words,
                "change": d.change.value,
                "old_status": d.old.status.value,
                "new_status": d.new.status.value,
                "old_value": _computed(d.old.value),
                "new_value": _computed(d.new.value),
                "difference": _computed(d.difference),
                "unit": d.target.unit.en,
            }
            for d in comparison.differences
        ],
    }


def _rounded(number: Decimal) -> Decimal:
    """A derived rate (a pace) to two decimals, half up: it is a guide, not a reported figure."""
    wide = Context(prec=max(getcontext().prec, number.adjusted() + 3))  # 1e27 to cents too
    return _computed(number.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP, context=wide)) or Decimal(
        0
    )
