"""From files to models: YAML parsed, its shape read and checked, every problem located."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from nq94 import reader
from nq94.errors import InputError, Problem
from nq94.model import Finding, Period, Report, TargetsFile, check_period, check_values
from nq94.numtext import NumberError, read_number
from nq94.yamldoc import FAST_FROM, MAX_BYTES, Document, Mark, parse, read_text

BUILTIN_TARGETS = "targets.yaml"
"""The targets file shipped inside the package: Resolution 94/NQ-HĐND for 2024."""


def load_targets(path: str | None = None) -> TargetsFile:
    """The targets file at ``path``, or the one shipped with nq94."""
    if path is None:
        return _builtin_targets()
    return _targets_from(path, read_text(path, max_bytes=None))  # a file the user chose


@cache
def _builtin_targets() -> TargetsFile:
    path = Path(__file__).with_name(BUILTIN_TARGETS)  # package data, installed beside this module
    return _targets_from(str(path), path.read_text(encoding="utf-8"))


def _targets_from(name: str, text: str, *, fast_from: int | None = FAST_FROM) -> TargetsFile:
    # A targets file is configuration the user chose, and may hold 100,000 targets: large ones
    # take the fast path. Reports, submitted by anyone, are always read by PyYAML, which also
    # refuses malformed YAML that rapidyaml would let through.
    doc = parse(name, text, fast_from=fast_from)
    targets, findings = reader.read_targets(doc.data)
    findings += targets.check() if targets else []
    if findings and doc.fast:  # report problems exactly as the PyYAML path finds them
        return _targets_from(name, text, fast_from=None)
    _raise_all(doc, findings)
    assert targets is not None  # _raise_all raised if reading failed
    return targets


class Loaded(NamedTuple):
    """A valid report, with where each of its values stands in the file."""

    file: str
    report: Report
    positions: Positions
    """Target id -> where its value starts; "values" -> where the values mapping starts."""
    written: Mapping[str, Any]
    """Target id -> the figure exactly as the file wrote it (text stays text)."""


def read_report(path: str, targets: TargetsFile, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """The report at ``path`` with its positions; InputError lists every problem."""
    return loaded_from(path, read_text(path, max_bytes=max_bytes), targets)


def period_of(path: str, *, max_bytes: int = MAX_BYTES) -> tuple[Period, Mark] | None:
    """The period a report file states, and where, even when the report is invalid; None when
    the file states none that can be read."""
    try:
        doc = parse(path, read_text(path, max_bytes=max_bytes), fast_from=None)
    except InputError:
        return None
    parts, _ = reader.read_report(doc.data)
    return (parts.period, doc.mark(("period",))) if parts.period is not None else None


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
    doc = parse(name, text, fast_from=None)
    written = _read_numbers(doc, targets)
    parts, findings = reader.read_report(doc.data)
    if parts.period is not None:
        findings += check_period(parts.period, targets)
    findings += check_values(parts.values, targets)
    _raise_all(doc, findings)
    return Loaded(name, parts.report(), Positions(doc), written)


class Positions(Mapping[str, Mark]):
    """Where each value of a report stands, by target id ("values": the values mapping).

    Looked up on first use: only the text and github formats need positions.
    """

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._marks: dict[str, Mark] | None = None

    def _all(self) -> dict[str, Mark]:
        if self._marks is None:
            self._marks = self._doc.marks(("values",))
            self._marks["values"] = self._doc.mark(("values",), key=True)
        return self._marks

    def __getitem__(self, key: str) -> Mark:
        return self._all()[key]

    def of_key(self, key: str) -> Mark:
        """Where a top-level key's value stands: 'period', 'basis'."""
        return self._doc.mark((key,))

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


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


def _raise_all(doc: Document, findings: list[Finding]) -> None:
    """Raise every problem of the document, in file order, one per position."""
    located = (locate(doc, f.path, f.message, at_key=f.at_key) for f in findings)
    problems: dict[tuple[int, int], Problem] = {}
    for problem in [*doc.problems, *located]:
        # a part the reader rejected reaches validation as null: report it once, as read
        problems.setdefault((problem.line, problem.column), problem)
    if problems:
        raise InputError(sorted(problems.values(), key=lambda p: (p.line, p.column)))


def locate(doc: Document, loc: tuple[str, ...], message: str, *, at_key: bool = False) -> Problem:
    """A problem at the deepest part of ``loc`` present in the file, prefixed with that path."""
    path = _present(doc.data, loc)
    prefix = ".".join(path)
    return doc.problem(path, f"{prefix}: {message}" if prefix else message, key=at_key)


def _present(data: Any, loc: tuple[str, ...]) -> tuple[str, ...]:
    """The leading part of ``loc`` that exists in ``data``."""
    path: list[str] = []
    for key in loc:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        else:
            break
        path.append(key)
    return tuple(path)
