"""Results and problems as plain data with exact Decimals: the shape every machine format shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext
from typing import TYPE_CHECKING, Any

from nq94.errors import Problem
from nq94.evaluate import AlsoResult, Evaluation, Result
from nq94.model import Requirement, Target, TargetsFile
from nq94.render.numbers import bounds, decisive
from nq94.render.periods import period_names

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Course, Trend

_ONE = Decimal(1)
_HUNDREDTH = Decimal("0.01")
_TEN_THOUSANDTH = Decimal("0.0001")
SCHEMA_VERSION = 3
"""Version of the JSON contract; raised only when a key changes meaning or disappears.

2: ``percent_of_target`` is null for targets that do not ask for at least a figure (<, <=, ≈,
between), and is given with the decimals that keep a missed target below 100.
3: a period's code says what it covers (2026-Q3 is the third quarter alone, 2026-9M the first
nine months); ``not_assessed`` is a status; each report names its ``document`` and ``targets``
file; each result gives ``part``, ``better``, ``stretch``, ``also``, ``plan``,
``needed_rest_of_year`` and ``amended``; ``percent_of_target`` is null for rates, shares, growth
and points too, and for a figure exactly at a "more than" threshold; a trend's ``direction``
compares the first figure with the last, and may be ``within`` or ``back`` (README, "JSON
output")."""
_MOST_DECIMALS = Decimal("0.000001")
"""A figure nq94 works out (a plan, the growth still needed) is given to six decimals at most."""


def report_data(
    evaluation: Evaluation, result: Callable[[Result], Any] | None = None
) -> dict[str, Any]:
    """One report as plain data, with Decimals kept exact; ``result`` turns each result to data."""
    report = evaluation.report
    summary: dict[str, Any] = {status.value: count for status, count in evaluation.counts.items()}
    summary["total"] = len(evaluation.results)
    targets = evaluation.targets
    return {
        "file": evaluation.file,
        "resolution": targets.document.number,
        "document": document_data(targets),
        "targets": targets.origin,
        "period": str(report.period),
        "basis": report.basis.value,
        "final": report.is_final,
        "source": report.source,
        "summary": summary,
        "results": [(result or result_data)(each) for each in evaluation.results],
    }


RESULT_KEYS = (
    "id", "section", "status", "actual", "obtained", "value", "threshold", "upper", "lower",
    "operator", "better", "gap", "percent_of_target", "margin", "unit", "words", "part", "input",
    "stretch", "also", "plan", "needed_rest_of_year", "amended",
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
        "better": target.better.value if target.better else None,
        "unit": target.unit.en,
        "words": target.words,
        "part": target.part,
    }


def outcome_data(result: Result) -> dict[str, Any]:
    """The part of a result that depends on the report."""
    percent = result.percent_of_target
    edges = bounds(result)
    return {
        "status": result.status.value,
        "actual": _shown(result.actual, edges),
        "obtained": result.obtained.value if result.obtained else None,
        "value": _shown(result.value, edges),
        "gap": _shown(result.gap, _around(result.margin or Decimal(0))),
        "percent_of_target": _percent(percent) if percent is not None else None,
        "margin": _computed(result.margin),
        "input": _input(result),
        "stretch": _stretch(result),
        "also": [_also(each) for each in result.also],
        "plan": (
            {"period": str(result.plan.period), "threshold": _worked_out(result.plan.threshold)}
            if result.plan
            else None
        ),
        "needed_rest_of_year": _worked_out(result.needed),
        "amended": _amended(result),
    }


def document_data(targets: TargetsFile) -> dict[str, Any]:
    """The document that set the targets a report was checked against."""
    document = targets.document
    return {
        "kind": document.kind.model_dump() if document.kind else None,
        "number": document.number,
        "title": document.title.model_dump(),
        "issuer": document.issuer,
        "adopted": document.adopted.isoformat() if document.adopted else None,
        "year": document.year,
    }


def requirement_data(requirement: Requirement) -> dict[str, Any]:
    """What a requirement asks: its operator, threshold, range and side."""
    return {
        "operator": requirement.operator.value,
        "threshold": requirement.threshold,
        "upper": requirement.upper,
        "better": requirement.better.value if requirement.better else None,
        "tolerance": requirement.tolerance,
    }


def _stretch(result: Result) -> dict[str, Any] | None:
    stretch = result.target.stretch
    if stretch is None:
        return None
    level = list(stretch) if isinstance(stretch, tuple) else stretch
    return {"threshold": level, "reached": result.stretch}


def _also(also: AlsoResult) -> dict[str, Any]:
    other = also.requirement
    return {
        "by": other.by.model_dump(),
        "document": other.document,
        **requirement_data(other),
        "status": also.status.value,
        "gap": _computed(also.gap),
        "margin": _computed(also.margin),
    }


def _amended(result: Result) -> dict[str, Any] | None:
    amended = result.amended
    if amended is None:
        return None
    return {
        "document": amended.amendment.number,
        "effective": amended.since.isoformat(),
        "was": requirement_data(amended.was) if amended.was is not None else None,
    }


def _worked_out(number: Decimal | None) -> Decimal | None:
    """A figure nq94 works out, to six decimals at most (exact ones as they are)."""
    if number is None:
        return None
    return _computed(number.quantize(_MOST_DECIMALS, rounding=ROUND_HALF_UP))


def _percent(percent: Decimal) -> Decimal:
    """A percent of target to hundredths, or more where 100 would misstate it (99.999 → 99.999)."""
    decimals = decisive(percent, (Decimal(100),))
    return percent.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _shown(number: Decimal | None, edges: Sequence[Decimal]) -> Decimal | None:
    """A figure nq94 worked out (derived, projected, compared), to six decimals at most, or as
    many more as keep it on its side of each edge its status turns on (7.4999999 is never 7.5);
    a figure as reported keeps every decimal it was written with."""
    if number is None:
        return None
    exponent = number.as_tuple().exponent
    if not isinstance(exponent, int) or -exponent <= _MOST_PLACES:
        return _computed(number)
    decimals = decisive(number, edges, places=_MOST_PLACES)
    return _computed(number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


_MOST_PLACES = 6


def _around(margin: Decimal) -> list[Decimal]:
    """The edges a gap's status turns on: 0, and the at-risk margin either side."""
    return [Decimal(0), margin, -margin]


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
                "name": period_names(evaluation.report.period).model_dump(),
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
                "value": _shown(result.value, bounds(result)),
                "actual": _shown(result.actual, bounds(result)),
                "obtained": result.obtained.value if result.obtained else None,
            }
            for evaluation, result in zip(evaluations, course.results, strict=True)
        ],
        "final_status": course.final.value,
        "projection": _shown(course.projection, bounds(course.results[-1])),
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
                "old_value": _shown(d.old.value, bounds(d.old)),
                "new_value": _shown(d.new.value, bounds(d.new)),
                "difference": _shown(d.difference, (Decimal(0),)),
                "target_changed": d.target_changed,
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
