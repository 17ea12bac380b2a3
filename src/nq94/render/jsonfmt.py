"""The JSON contract: stable keys in a fixed order, exact numbers, written as results arrive."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from nq94 import __version__
from nq94.evaluate import Evaluation, Result
from nq94.model import Target
from nq94.outcome import Invalid, Validated
from nq94.render.data import (
    RESULT_KEYS,
    SCHEMA_VERSION,
    comparison_data,
    outcome_data,
    problem_data,
    report_data,
    result_data,
    target_data,
    trend_data,
)
from nq94.render.outcomes import Checked, Piece, pieces_of

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Trend


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool = False) -> None:
    """``{"nq94", "schema_version", "reports": [...], "problems": [...], "warnings": [...]}``."""
    del color  # machine output is never coloured
    document(pieces_of(outcomes, report_text), out)


def document(pieces: Iterable[Piece | Invalid], out: TextIO) -> None:
    """The document, each report's object written as it arrives; the problems of invalid files
    and the warnings of valid ones after the reports."""
    problems: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    _open(out, "reports")
    written = False
    for piece in pieces:
        if isinstance(piece, Invalid):
            problems.extend(problem_data(p) for p in piece.problems)
            continue
        warnings.extend(problem_data(p) for p in piece.warnings)
        out.write(",\n    " if written else "\n    ")
        out.write(piece.text)
        written = True
    out.write("\n  ],\n" if written else "],\n")
    out.write(f'  "problems": {dumps(problems, level=1, expand=1)},\n')
    out.write(f'  "warnings": {dumps(warnings, level=1, expand=1)}\n}}\n')


def report_text(evaluation: Evaluation) -> str:
    """One report's object in the ``reports`` list."""
    return dumps(report_data(evaluation, result_line), level=2)


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """``{"nq94", "schema_version", "files": [{file, valid, period, basis, values, problems}]}``."""
    del color
    _open(out, "files")
    written = False
    for outcome in outcomes:
        out.write(",\n    " if written else "\n    ")
        out.write(dumps(file_data(outcome), level=2))
        written = True
    out.write("\n  ]\n}\n" if written else "]\n}\n")


def trend(trend: Trend, out: TextIO, *, color: bool = False) -> None:
    """``{"nq94", "schema_version", "trend": {year, periods, targets: [...]}}``."""
    del color
    _whole(out, "trend", trend_data(trend))


def diff(comparison: Comparison, out: TextIO, *, color: bool = False) -> None:
    """``{"nq94", "schema_version", "diff": {old, new, regressed, changes: [...]}}``."""
    del color
    _whole(out, "diff", comparison_data(comparison))


def _whole(out: TextIO, key: str, data: dict[str, Any]) -> None:
    """One document: the version keys, then ``data`` with an item per line three levels down."""
    document = {"nq94": __version__, "schema_version": SCHEMA_VERSION, key: data}
    out.write(dumps(document, expand=3) + "\n")


def file_data(outcome: Validated) -> dict[str, Any]:
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
            "warnings": [],
        }
    report = outcome.report
    return {
        "file": outcome.file,
        "valid": True,
        "period": str(report.period),
        "basis": report.basis.value,
        "values": len(report.values),
        "problems": [],
        "warnings": [problem_data(p) for p in outcome.warnings],
    }


def _open(out: TextIO, key: str) -> None:
    out.write(f'{{\n  "nq94": {json.dumps(__version__)},\n  "schema_version": {SCHEMA_VERSION},\n')
    out.write(f'  "{key}": [')


_ENCODE_TEXT = json.JSONEncoder(ensure_ascii=False).encode
_encode_str: Callable[[str], str] = json.encoder.encode_basestring  # C, as _ENCODE_TEXT does


class Raw(str):
    """JSON text already encoded, written as it is."""

    __slots__ = ()


Template = tuple[tuple[tuple[str, str], ...], str]
_templates: dict[Target, Template] = {}
_seen: set[Target] = set()


def result_line(result: Result) -> Raw:
    """``compact(result_data(result))``; from a target's second report on, its own keys come
    from a template encoded once, so that thousands of reports are written quickly."""
    target = result.target
    template = _templates.get(target)
    if template is None:
        if target not in _seen:  # one report is the usual run: no template to build
            _seen.add(target)
            return Raw(compact(result_data(result)))
        template = _templates[target] = _template(target)
    pieces, end = template
    values = outcome_data(result)
    return Raw("".join([text + compact(values[key]) for text, key in pieces]) + end)


def _template(target: Target) -> Template:
    """A target's result line as (encoded text, then the report's value for key) pairs."""
    fixed = target_data(target)
    pieces: list[tuple[str, str]] = []
    text = "{"
    for key in RESULT_KEYS:
        text += f"{', ' if text != '{' else ''}{_encode_str(key)}: "
        if key in fixed:
            text += compact(fixed[key])
        else:
            pieces.append((text, key))
            text = ""
    return tuple(pieces), text + "}"


def compact(data: Any) -> str:
    """One line of JSON in which every Decimal is written as an exact JSON number."""
    kind = data.__class__
    if kind is Raw:
        return data  # type: ignore[no-any-return]
    if kind is str:
        return _encode_str(data)
    if kind is Decimal:
        return format(data, "f")
    if data is None:
        return "null"
    if kind is bool:
        return "true" if data else "false"
    if kind is dict:
        return "{" + ", ".join(f"{_encode_str(k)}: {compact(v)}" for k, v in data.items()) + "}"
    if kind is list:
        return "[" + ", ".join(compact(item) for item in data) + "]"
    return _ENCODE_TEXT(data)  # int


def dumps(data: Any, *, level: int = 0, expand: int = 2) -> str:
    """JSON with the outer ``expand`` levels one item per line, deeper ones on one line."""
    if expand <= 0 or not isinstance(data, (dict, list)) or not data:
        return compact(data)
    pad, end = "  " * (level + 1), "  " * level
    if isinstance(data, dict):
        items = (
            f"{pad}{_encode_str(str(key))}: {dumps(value, level=level + 1, expand=expand - 1)}"
            for key, value in data.items()
        )
        return "{\n" + ",\n".join(items) + f"\n{end}}}"
    items = (pad + dumps(value, level=level + 1, expand=expand - 1) for value in data)
    return "[\n" + ",\n".join(items) + f"\n{end}]"
