"""From files to models: YAML parsed, validated by pydantic and checked, every problem located."""

from __future__ import annotations

import contextlib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
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
from nq94.numtext import NumberError, read_number
from nq94.yamldoc import MAX_BYTES, Document, Mark, YamlDate, parse, read_text

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
    targets = _validated(doc, TargetsFile, "a targets file with resolution, sections, targets")
    _raise_all(doc, targets.check() if targets else [])
    assert targets is not None  # _raise_all raised if validation failed
    return targets


@dataclass(frozen=True, slots=True)
class Loaded:
    """A valid report, with where each of its values stands in the file."""

    file: str
    report: Report
    positions: Mapping[str, Mark]
    """Target id -> where its value starts; "values" -> where the values mapping starts."""
    written: Mapping[str, Any]
    """Target id -> the figure exactly as the file wrote it (text stays text)."""


def read_report(path: str, targets: TargetsFile, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """The report at ``path`` with its positions; InputError lists every problem."""
    return loaded_from(path, read_text(path, max_bytes=max_bytes), targets)


def load_report(path: str, targets: TargetsFile, *, max_bytes: int = MAX_BYTES) -> Report:
    """The report at ``path``, validated against ``targets``; InputError lists every problem."""
    return read_report(path, targets, max_bytes=max_bytes).report


def report_from(name: str, text: str, targets: TargetsFile) -> Report:
    """The report in ``text`` (named ``name`` in messages), validated against ``targets``."""
    return loaded_from(name, text, targets).report


def loaded_from(name: str, text: str, targets: TargetsFile) -> Loaded:
    """The report in ``text`` (named ``name`` in messages), validated against ``targets``.

    Every problem in the file is reported: when the report as a whole does not validate, its
    period and each entry that does validate are still checked against the targets.
    """
    doc = parse(name, text)
    written = _read_numbers(doc, targets)
    report = _validated(doc, Report, "a report with period and values")
    if report is not None:
        findings = check_report(report, targets)
    else:
        findings = _check_parts(doc.data, targets) if isinstance(doc.data, dict) else []
    _raise_all(doc, findings)
    assert report is not None  # _raise_all raised if validation failed
    positions = {key: doc.mark(("values", key)) for key in report.values}
    positions["values"] = doc.mark(("values",), key=True)
    return Loaded(name, report, positions, written)


def _read_numbers(doc: Document, targets: TargetsFile) -> dict[str, Any]:
    """Read numbers written as text ('7,5', '19.515') for known targets, in place.

    Returns the values as written, before reading. A thousands separator that could also be a
    decimal point is settled by the target's plausible range; text that cannot be settled is
    a located problem.
    """
    values = doc.data.get("values") if isinstance(doc.data, dict) else None
    if not isinstance(values, dict):
        return {}
    written = {key: dict(raw) if isinstance(raw, dict) else raw for key, raw in values.items()}
    for key, raw in values.items():
        target = targets.target(key)
        if target is None:
            continue
        if isinstance(raw, str):
            values[key] = _read(doc, ("values", key), raw, target.plausible)
        elif isinstance(raw, dict):
            for field in ("value", "baseline", "current"):
                if isinstance(raw.get(field), str):
                    plausible = target.plausible if field == "value" else None
                    raw[field] = _read(doc, ("values", key, field), raw[field], plausible)
    return written


def _read(doc: Document, path: tuple[str, ...], text: str, plausible: Any) -> Any:
    try:
        return read_number(text, plausible)
    except NumberError as e:
        doc.problems.append(locate(doc, path, str(e)))
        return text  # validation finds it again at the same place; that repeat is dropped


def _validated(doc: Document, model: type[Model], what: str) -> Model | None:
    """The validated model, or None with the problems added to ``doc.problems``."""
    try:
        return validate(doc, model, what=what)
    except InputError as e:
        doc.problems.extend(e.problems)
        return None


def _raise_all(doc: Document, findings: list[Finding]) -> None:
    """Raise every problem of the document, in file order, one per position."""
    located = (locate(doc, f.path, f.message, at_key=f.at_key) for f in findings)
    problems: dict[tuple[int, int], Problem] = {}
    for problem in [*doc.problems, *located]:
        # a part the reader rejected reaches validation as null: report it once, as read
        problems.setdefault((problem.line, problem.column), problem)
    if problems:
        raise InputError(sorted(problems.values(), key=lambda p: (p.line, p.column)))


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
        elif isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
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
            message = f"missing required key '{loc[-1]}'{_EXAMPLE.get(str(loc[-1]), '')}"
            problems.append(locate(doc, loc[:-1], message))
        elif kind == "extra_forbidden":
            allowed = ", ".join(_fields_at(model, loc[:-1]))
            message = f"unknown key; expected one of: {allowed}"
            problems.append(locate(doc, loc, message, at_key=True))
        else:
            problems.append(locate(doc, loc, _message(item)))
    return problems


_EXAMPLE = {
    "period": ' (e.g. period: "2024" or "2024-9M")',
    "values": " (a mapping of target id to value, e.g. values: {grdp_growth: 7.5})",
}


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
