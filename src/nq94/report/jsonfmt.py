"""The JSON contract: stable keys in a fixed order, exact numbers, written as results arrive."""

from __future__ import annotations

import json
import re
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
    out.write(f'  "problems": {dumps(problems, level=1, expand=1)}\n}}\n')


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


_NUMBER = "\x00#"
_MARKED = re.compile(r'"\\u0000#([^"]*)\\u0000#"')


def _number(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{_NUMBER}{format(value, 'f')}{_NUMBER}"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_number)


def dumps(data: Any, *, level: int = 0, expand: int = 2) -> str:
    """JSON with the outer ``expand`` levels one item per line, deeper ones on one line.

    Every Decimal is written as an exact JSON number: Decimals pass through the C encoder as
    marked strings (a NUL cannot occur in a report, YAML forbids it) and the marks are then
    replaced by the bare number, once for the whole text.
    """
    return _MARKED.sub(r"\1", _pretty(data, level, expand))


def _pretty(data: Any, level: int, expand: int) -> str:
    if expand <= 0 or not isinstance(data, (dict, list)) or not data:
        return _ENCODER.encode(data)
    pad, end = "  " * (level + 1), "  " * level
    if isinstance(data, dict):
        items = (
            f"{pad}{_ENCODER.encode(str(key))}: {_pretty(value, level + 1, expand - 1)}"
            for key, value in data.items()
        )
        return "{\n" + ",\n".join(items) + f"\n{end}}}"
    items = (pad + _pretty(value, level + 1, expand - 1) for value in data)
    return "[\n" + ",\n".join(items) + f"\n{end}]"
