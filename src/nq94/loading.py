"""From files to models: YAML parsed, validated by pydantic and checked, every problem located."""

from __future__ import annotations

import contextlib
import types
import typing
from functools import cache
from importlib.resources import files
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from nq94.errors import InputError, Problem
from nq94.model import (
    Entry,
    Finding,
    Period,
    Report,
    TargetsFile,
    check_period,
    check_report,
    check_values,
)
from nq94.yamldoc import MAX_BYTES, Document, YamlDate, parse, read_text

Model = TypeVar("Model", bound=BaseModel)

BUILTIN_TARGETS = "targets.yaml"
"""The targets file shipped inside the package: Resolution 94/NQ-HĐND for 2024."""


def load_targets(path: str | None = None) -> TargetsFile:
    """The targets file at ``path``, or the one shipped with nq94."""
    if path is None:
        return _builtin_targets()
    return _targets_from(path, read_text(path))


@cache
def _builtin_targets() -> TargetsFile:
    resource = files("nq94") / BUILTIN_TARGETS
    return _targets_from(str(resource), resource.read_text(encoding="utf-8"))


def _targets_from(name: str, text: str) -> TargetsFile:
    doc = parse(name, text)
    targets = validate(doc, TargetsFile, what="a targets file with resolution, sections, targets")
    raise_findings(doc, targets.check())
    return targets


def load_report(path: str, targets: TargetsFile, *, max_bytes: int = MAX_BYTES) -> Report:
    """The report at ``path``, validated against ``targets``; InputError lists every problem."""
    return report_from(path, read_text(path, max_bytes=max_bytes), targets)


def report_from(name: str, text: str, targets: TargetsFile) -> Report:
    """The report in ``text`` (named ``name`` in messages), validated against ``targets``.

    Every problem in the file is reported: when the report as a whole does not validate, its
    period and each entry that does validate are still checked against the targets.
    """
    doc = parse(name, text)
    try:
        report = validate(doc, Report, what="a report with period and values")
    except InputError as e:
        findings = _check_parts(doc.data, targets) if isinstance(doc.data, dict) else []
        problems = [
            *e.problems,
            *(locate(doc, f.path, f.message, at_key=f.at_key) for f in findings),
        ]
        raise InputError(sorted(problems, key=lambda p: (p.line, p.column))) from e
    raise_findings(doc, check_report(report, targets))
    return report


def _check_parts(data: dict[str, Any], targets: TargetsFile) -> list[Finding]:
    """Target checks on the parts of an invalid report that are valid on their own."""
    findings: list[Finding] = []
    # a missing or malformed period is already reported by validation
    with contextlib.suppress(ValueError):
        findings += check_period(Period.parse(str(data.get("period"))), targets)
    values = data.get("values")
    if isinstance(values, dict):
        entries = {}
        for target_id, raw in values.items():
            try:
                entries[target_id] = Entry.model_validate(raw)
            except ValidationError:
                continue  # already reported by validation
        findings += check_values(entries, targets)
    return findings


def validate(doc: Document, model: type[Model], *, what: str) -> Model:
    """Validate a document's data with a pydantic model; every error becomes a located problem."""
    if not isinstance(doc.data, dict):
        got = "an empty file" if doc.data is None else f"{_kind(doc.data)}"
        raise InputError([doc.problem((), f"expected {what}, got {got}")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as e:
        raise InputError(_problems(doc, model, e)) from e


def raise_findings(doc: Document, findings: list[Finding]) -> None:
    """Raise InputError for the findings, if there are any."""
    if findings:
        raise InputError(locate(doc, f.path, f.message, at_key=f.at_key) for f in findings)


def locate(doc: Document, loc: tuple[Any, ...], message: str, *, at_key: bool = False) -> Problem:
    """A problem at the deepest part of ``loc`` present in the file, prefixed with that path."""
    path = _present(doc.data, loc)
    prefix = ".".join(path)
    return doc.problem(path, f"{prefix}: {message}" if prefix else message, key=at_key)


def _present(data: Any, loc: tuple[Any, ...]) -> tuple[str, ...]:
    """The part of ``loc`` that exists in ``data``, skipping pydantic's union-tag segments."""
    path: list[str] = []
    for index, segment in enumerate(loc):
        key = str(segment)
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(segment, int) and 0 <= segment < len(data):
            data = data[segment]
        elif index + 1 < len(loc) and isinstance(data, dict):
            continue  # a union tag or validator name pydantic puts in the location
        else:
            break
        path.append(key)
    return tuple(path)


def _problems(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = item["loc"]
        kind = item["type"]
        if kind == "missing":
            message = f"missing required key '{loc[-1]}'"
            problems.append(locate(doc, loc[:-1], message))
        elif kind == "extra_forbidden":
            allowed = ", ".join(_fields_at(model, loc[:-1]))
            message = f"unknown key; expected one of: {allowed}"
            problems.append(locate(doc, loc, message, at_key=True))
        else:
            problems.append(locate(doc, loc, _message(item)))
    return problems


def _message(item: Any) -> str:
    kind, ctx, given = item["type"], item.get("ctx") or {}, item.get("input")
    if kind == "enum":
        return f"expected {ctx['expected']}, got {_kind(given)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping, got {_kind(given)}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {_kind(given)}"
    if kind == "string_pattern_mismatch":
        return f"expected text matching {ctx['pattern']}, got {_kind(given)}"
    text: str = item["msg"]
    return text[:1].lower() + text[1:]


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, YamlDate):
        return f"a date ('{value.text}')"
    if value is None:
        return "nothing (null)"
    return repr(value) if isinstance(value, str) else str(value)


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a model accepts at ``loc`` (walking into nested models, dicts and lists)."""
    current: Any = model
    for segment in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(segment))
            current = field.annotation if field else None
        else:
            current = _inner(current)
        current = _model_in(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    return args[-1] if args else None


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside Optional/Union/Annotated, else the annotation itself."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return annotation
