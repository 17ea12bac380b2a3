"""The JSON contract of `nq94 check --format json`: stable keys in a fixed order, exact numbers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TextIO

from nq94 import __version__
from nq94.evaluate import Evaluation, Result
from nq94.model import Entry, plain

SCHEMA_VERSION = 1


def render(evaluations: Iterable[Evaluation], out: TextIO, *, color: bool = False) -> None:
    """Write ``{"nq94": ..., "reports": [...]}``, one report at a time as each is ready."""
    del color  # machine output is never coloured
    out.write(f'{{\n  "nq94": {json.dumps(__version__)},\n  "schema_version": {SCHEMA_VERSION},\n')
    out.write('  "reports": [')
    written = False
    for evaluation in evaluations:
        out.write(",\n    " if written else "\n    ")
        out.write(dumps(report_data(evaluation), indent=2, level=2))
        written = True
    out.write("\n  ]\n}\n" if written else "]\n}\n")


def report_data(evaluation: Evaluation) -> dict[str, Any]:
    """One report as plain data, with Decimals kept exact."""
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
        "results": [result_data(result) for result in evaluation.results],
    }


def result_data(result: Result) -> dict[str, Any]:
    """One target's result as plain data."""
    target = result.target
    percent = result.percent_of_target
    return {
        "id": target.id,
        "section": target.section,
        "status": result.status.value,
        "actual": _computed(result.actual),
        "obtained": result.obtained.value if result.obtained else None,
        "value": _computed(result.value),
        "threshold": target.threshold,
        "upper": target.band[1] if target.band else None,
        "lower": target.band[0] if target.band else None,
        "operator": target.operator.value,
        "gap": _computed(result.gap),
        "percent_of_target": (
            percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if percent is not None
            else None
        ),
        "margin": _computed(result.margin),
        "unit": target.unit.en,
        "words": target.words,
        "input": _input(result.entry),
    }


def _computed(number: Decimal | None) -> Decimal | None:
    return Decimal(plain(number)) if number is not None else None


def _input(entry: Entry | None) -> dict[str, Any] | None:
    """Everything the report gave for a target, exactly as written; absent keys left out."""
    if entry is None:
        return None
    return entry.model_dump(exclude_none=True)


def dumps(data: Any, *, indent: int = 2, level: int = 0) -> str:
    """JSON text in which every Decimal is written as an exact JSON number."""
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(data, dict):
        if not data:
            return "{}"
        items = (
            f"{pad}{json.dumps(str(k))}: {dumps(v, indent=indent, level=level + 1)}"
            for k, v in data.items()
        )
        return "{\n" + ",\n".join(items) + f"\n{end}}}"
    if isinstance(data, list):
        if not data:
            return "[]"
        items = (pad + dumps(v, indent=indent, level=level + 1) for v in data)
        return "[\n" + ",\n".join(items) + f"\n{end}]"
    if isinstance(data, Decimal):
        return format(data, "f")
    return json.dumps(data, ensure_ascii=False)
