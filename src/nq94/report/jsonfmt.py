"""The JSON contract: stable keys in a fixed order, exact numbers, written as results arrive."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TextIO

from nq94 import __version__
from nq94.evaluate import Evaluation
from nq94.outcome import Invalid, Outcome
from nq94.report.data import SCHEMA_VERSION, problem_data, report_data


def check(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """``{"nq94", "schema_version", "reports": [...], "problems": [...]}``."""
    del color  # machine output is never coloured
    problems: list[dict[str, Any]] = []
    _open(out, "reports")
    written = False
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            problems.extend(problem_data(p) for p in outcome.problems)
        elif isinstance(outcome, Evaluation):
            out.write(",\n    " if written else "\n    ")
            out.write(dumps(report_data(outcome), level=2))
            written = True
    out.write("\n  ],\n" if written else "],\n")
    out.write(f'  "problems": {dumps(problems, level=1)}\n}}\n')


def validate(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """``{"nq94", "schema_version", "files": [{file, valid, period, basis, values, problems}]}``."""
    del color
    _open(out, "files")
    written = False
    for outcome in outcomes:
        out.write(",\n    " if written else "\n    ")
        out.write(dumps(file_data(outcome), level=2))
        written = True
    out.write("\n  ]\n}\n" if written else "]\n}\n")


def file_data(outcome: Outcome) -> dict[str, Any]:
    """Whether one file is valid, what it covers, and its problems."""
    if isinstance(outcome, Invalid):
        problems = [problem_data(p) for p in outcome.problems]
        return {
            "file": outcome.file,
            "valid": False,
            "period": None,
            "basis": None,
            "values": None,
            "problems": problems,
        }
    report = outcome.report
    return {
        "file": outcome.file,
        "valid": True,
        "period": str(report.period),
        "basis": report.basis.value,
        "values": len(report.values),
        "problems": [],
    }


def _open(out: TextIO, key: str) -> None:
    out.write(f'{{\n  "nq94": {json.dumps(__version__)},\n  "schema_version": {SCHEMA_VERSION},\n')
    out.write(f'  "{key}": [')


def dumps(data: Any, *, indent: int = 2, level: int = 0) -> str:
    """JSON text in which every Decimal is written as an exact JSON number."""
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(data, dict):
        if not data:
            return "{}"
        items = (
            f"{pad}{json.dumps(str(k), ensure_ascii=False)}: "
            + dumps(v, indent=indent, level=level + 1)
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
