"""Results and problems as plain data with exact Decimals: the shape every machine format shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from nq94.errors import Problem
from nq94.evaluate import Evaluation, Result
from nq94.model import Target

_ONE = Decimal(1)
_HUNDREDTH = Decimal("0.01")
SCHEMA_VERSION = 1
"""Version of the JSON contract; raised only when a key changes meaning or disappears."""


def report_data(
    evaluation: Evaluation, result: Callable[[Result], Any] | None = None
) -> dict[str, Any]:
    """One report as plain data, with Decimals kept exact; ``result`` turns each result to data."""
    report = evaluation.report
    summary: dict[str, Any] = {status.value: count for status, count in evaluation.summary.items()}
    summary["total"] = len(evaluation.results)
    return {
        "file": evaluation.file,
        "resolution": evaluation.targets.resolution.number,
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
        "percent_of_target": (
            percent.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP) if percent is not None else None
        ),
        "margin": _computed(result.margin),
        "input": _input(result),
    }


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
    return {key: value for key, value in asdict(result.entry).items() if value is not None}


def problem_data(problem: Problem) -> dict[str, Any]:
    """One located problem as plain data."""
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
    }
