"""From files to models: YAML composed by yamldoc, validated by the pydantic models, and every
problem located at its line and column and said in the reader's language."""

from __future__ import annotations

import datetime
import types
import typing
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeVar

from pydantic import BaseModel, ValidationError

from nq94.errors import InputError, Mark, Problem
from nq94.i18n import day, number, t, writing_in
from nq94.model import (
    Basis,
    Period,
    Report,
    TargetsFile,
    Values,
    as_text,
    closest,
    describe,
    looks_like_fraction,
    parse_period,
    report_model,
    targets_model,
)
from nq94.model.spoken import spoken_basis
from nq94.outcome import Loaded
from nq94.read.files import TARGETS_KEYS, is_workbook
from nq94.read.yamldoc import (
    MAX_BYTES,
    Document,
    decode,
    named,
    parse,
    read_bytes,
    read_text,
)

if TYPE_CHECKING:
    from nq94.read.workbook import Workbook

BUILTIN_TARGETS = "targets.yaml"
"""The targets file shipped inside the package: Resolution 94/NQ-HĐND for 2024."""

TARGETS_MAX_BYTES = 4 * MAX_BYTES
"""A targets file larger than this is refused before parsing (2,000 targets take 0.6 MB)."""

MAX_NODES = 50_000
"""Values (keys, figures, mappings and lists) a report may hold: a report needs a few hundred,
and 50,000 keep a refused file under 150 MB."""

MAX_PROBLEMS = 100
"""Problems said of one file; beyond them, one line says how many more there are."""

EXAMPLES = {"period": "err.example.period", "values": "err.example.values"}
"""Keys whose absence is explained with an example of what to write."""


def load_targets(path: str | None = None) -> TargetsFile:
    """The targets file at ``path``, or the one shipped with nq94."""
    if path is None:
        return builtin_targets()
    return targets_from(path, read_text(path, max_bytes=TARGETS_MAX_BYTES)).read_from(path)


@cache
def builtin_targets() -> TargetsFile:
    """The targets file shipped with nq94, read once."""
    path = Path(__file__).parent.parent / BUILTIN_TARGETS  # package data, in the package folder
    return targets_from(str(path), path.read_text(encoding="utf-8")).read_from(None)


def targets_from(name: str, text: str) -> TargetsFile:
    """The targets file in ``text`` (named ``name`` in messages); InputError lists its problems."""
    doc = parse(name, text)
    return validated(doc, targets_model(doc.data))


Source: TypeAlias = "Document | Workbook"
"""A report's data with where each part stands: from YAML, or from a workbook."""


class Chooser(Protocol):
    """Which targets a report is checked against, from what it states (nq94.read.targets)."""

    def for_report(self, report: str, stated: Any, where: Mark | None = None) -> TargetsFile:
        """The targets of the report named ``report``, which states ``stated``."""
        ...

    def default(self) -> TargetsFile:
        """The targets of a report that names none."""
        ...


def read_report(
    path: str,
    targets: TargetsFile | Chooser,
    *,
    max_bytes: int = MAX_BYTES,
    strict: bool = False,
    as_of: datetime.date | None = None,
) -> Loaded:
    """The report at ``path`` (YAML, or an .xlsx workbook) with its positions, checked against
    ``targets``, or against those its ``targets:`` line names as ``targets`` chooses; judged by
    the version of the targets in force on the last day of its period (or on ``as_of``).
    InputError lists every problem (and, when ``strict``, every warning as a problem)."""
    given = targets if isinstance(targets, TargetsFile) else None
    doc = read_document(path, given, max_bytes=max_bytes)
    if _targets_file(doc.data):
        raise InputError([Problem(doc.name, 1, 1, t("err.a_targets_file", file=doc.name))])
    if given is None:
        assert not isinstance(targets, TargetsFile)
        stated = doc.data.get("targets") if isinstance(doc.data, dict) else None
        where = doc.mark(("targets",)) if stated is not None else None
        given = targets.for_report(doc.name, stated, where)
        if not isinstance(doc, Document):
            doc.settle(given)
    return _loaded(doc, given, strict=strict, as_of=as_of)


def _targets_file(data: Any) -> bool:
    """Whether a document read as a report is a targets file: its list of targets, and the
    document (or format) that sets them."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("targets"), list)
        and any(key in data for key in TARGETS_KEYS)
    )


def read_document(
    path: str, targets: TargetsFile | None = None, *, max_bytes: int = MAX_BYTES
) -> Source:
    """The data of the report at ``path``, with where each part stands: YAML composed by
    yamldoc, or a workbook read by nq94.read.workbook (imported only for one)."""
    raw = read_bytes(path, max_bytes=max_bytes)
    name = named(path)
    if is_workbook(path, raw):
        from nq94.read.workbook import read

        return read(name, raw, targets=targets, max_bytes=max_bytes)
    return parse(name, decode(name, raw), max_nodes=MAX_NODES)


def period_of(path: str, *, max_bytes: int = MAX_BYTES) -> tuple[Period, Basis, Mark] | None:
    """The period a report file states, its basis (official unless it says otherwise), and where
    the period stands, even when the report is invalid; None when the file states no period
    that can be read."""
    try:
        doc = read_document(path, max_bytes=max_bytes)
        period = parse_period(doc.data["period"])
    except (InputError, TypeError, KeyError, ValueError):
        return None
    stated = doc.data.get("basis")
    spoken = spoken_basis(stated) if isinstance(stated, str) else None
    basis = Basis(spoken) if spoken is not None else Basis.OFFICIAL
    return period, basis, doc.mark(("period",))


def load_report(path: str, targets: TargetsFile, *, max_bytes: int = MAX_BYTES) -> Report:
    """The report at ``path``, validated against ``targets``; InputError lists every problem."""
    return read_report(path, targets, max_bytes=max_bytes).report


def report_from(name: str, text: str, targets: TargetsFile) -> Report:
    """The report in ``text`` (named ``name`` in messages), validated against ``targets``."""
    return loaded_from(name, text, targets).report


def loaded_from(name: str, text: str, targets: TargetsFile, *, strict: bool = False) -> Loaded:
    """The report in ``text`` (named ``name`` in messages), validated against ``targets``."""
    return _loaded(parse(name, text, max_nodes=MAX_NODES), targets, strict=strict)


def _loaded(
    doc: Source, targets: TargetsFile, *, strict: bool, as_of: datetime.date | None = None
) -> Loaded:
    targets = _version(doc, targets, as_of)
    values = doc.data.get("values") if isinstance(doc.data, dict) else None
    written = (
        {key: _written(raw) for key, raw in values.items()} if isinstance(values, dict) else {}
    )
    with writing_in("xlsx" if not isinstance(doc, Document) else ""):
        report = validated(doc, report_model(targets, described=False))
    warnings = tuple(
        locate(doc, ("values", key, "value"), _fraction(entry.value), warning=True)
        for key, entry in report.values.items()
        if entry.value is not None and looks_like_fraction(targets.by_id[key], entry)
    )
    if strict and warnings:
        raise InputError(warning._replace(warning=False) for warning in warnings)
    notices = tuple(doc.notices) if not isinstance(doc, Document) else ()
    return Loaded(
        doc.name,
        report,
        Positions(doc),
        written,
        warnings,
        doc.mark(("period",)),
        targets,
        notices,
    )


def _version(doc: Source, targets: TargetsFile, as_of: datetime.date | None) -> TargetsFile:
    """The version of ``targets`` that judges the report: in force on ``as_of``, else on the
    last day of the report's period (its file's own where the period cannot be read)."""
    if len(targets.versions) == 1:
        return targets
    if as_of is not None:
        return targets.at(as_of)
    try:
        period = parse_period(doc.data.get("period") if isinstance(doc.data, dict) else None)
    except ValueError:
        return targets
    return targets.at(period.end)


def _written(raw: Any) -> Any:
    """A figure as the file wrote it, its source and note as the text they are taken as."""
    if not isinstance(raw, dict):
        return raw
    return {key: as_text(part) if key in ("source", "note") else part for key, part in raw.items()}


def _fraction(value: Decimal) -> str:
    return t(  # in the reader's numbers, ungrouped: 0,939 and 93,9 to a Vietnamese reader
        "warn.fraction",
        value=number(value, places=20, grouped=False),
        meant=number(value * 100, places=20, grouped=False),
    )


M = TypeVar("M", bound=BaseModel)


def validated(doc: Source, model: type[M]) -> M:
    """``doc`` validated by ``model``; InputError lists every problem of the file, located."""
    try:
        found = model.model_validate(doc.data)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        # a message is worked out only for problems that will be shown (an unknown id looks
        # for the closest known one): a file of 100,000 unknown keys costs no more than 100
        said = [problem(doc, model, error) for error in errors[: 2 * MAX_PROBLEMS]]
        raise_all(doc, said, more=max(0, len(errors) - len(said)))
    raise_all(doc, [])
    return found


class Positions(Mapping[str, Mark]):
    """Where each value of a report stands, by target id ("values": the values mapping).

    Looked up on first use: only the text and github formats need positions.
    """

    def __init__(self, doc: Source) -> None:
        self._doc = doc
        self._marks: dict[str, Mark] | None = None

    def _all(self) -> dict[str, Mark]:
        if self._marks is None:
            self._marks = self._doc.marks(("values",))
            self._marks["values"] = self._doc.mark(("values",), key=True)
        return self._marks

    def __getitem__(self, key: str) -> Mark:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def raise_all(doc: Source, found: list[Problem], *, more: int = 0) -> None:
    """Raise every problem of the document, in file order, one per position; past
    MAX_PROBLEMS (and ``more`` not worked out), one line says how many more there are."""
    problems: dict[tuple[int, int], Problem] = {}
    for each in [*doc.problems, *found]:
        # a part the YAML reader dropped reaches validation as null: report it once, as read
        problems.setdefault((each.line, each.column), each)
    if not problems:
        return
    ordered = sorted(problems.values(), key=lambda p: (p.line, p.column))
    more += max(0, len(ordered) - MAX_PROBLEMS)
    if more:
        last = ordered[min(len(ordered), MAX_PROBLEMS) - 1]
        ordered = [*ordered[:MAX_PROBLEMS], last._replace(message=t("err.more", count=more))]
    raise InputError(ordered)


# --- pydantic's errors, located and said in the reader's language ---------------------------------


def problem(doc: Source, model: type[BaseModel], error: Any) -> Problem:
    """One validation error of ``model`` as a located problem of ``doc``."""
    loc, message, at_key = explained(model, error, doc.data)
    return locate(doc, loc, message, at_key=at_key)


def explained(model: type[BaseModel], error: Any, data: Any) -> tuple[tuple[str, ...], str, bool]:
    """Where one validation error of ``model`` on ``data`` stands (the path of keys), what it
    says in the reader's language, and whether it is the key that is wrong.

    Errors nq94 raises carry their message in the reader's language and, in ``at``, the path
    below the error's location where the problem stands. pydantic's own errors are said again
    from nq94's catalogue, by their type.
    """
    where = tuple(str(part) for part in error["loc"])
    # a mapping's key is wrong (Q5 in a path), not its value
    of_key = where[-1:] == ("[key]",)
    loc, tags = _walk(model, where[:-1] if of_key else where)
    context = error.get("ctx") or {}
    kind = error["type"]
    if "at" in context:
        return (*loc, *context["at"]), error["msg"], of_key
    if kind == "missing":
        key = loc[-1]
        if same := _cased(data, loc):  # Period: for period
            hint = t("err.did_you_mean", name=key)
            return (*loc[:-1], same), t("err.unknown_key_hint", hint=hint), True
        year = getattr(getattr(model, "targets", None), "year", None) or datetime.date.today().year
        example = t(EXAMPLES[key], year=year) if key in EXAMPLES and len(loc) == 1 else ""
        return loc[:-1], t("err.missing_key", key=key, example=example), False
    if kind == "extra_forbidden":
        return loc, _unknown_key(tags[-2] if len(tags) > 1 else model, loc[-1]), True
    return loc, _message(kind, error, tags[-1], root=not loc, model=model), of_key


def in_words(model: type[BaseModel], error: ValidationError, data: Any) -> ValidationError:
    """``error`` with each of its errors said as the command line says it, in the reader's
    language, at the same place: what the Python API raises."""
    from pydantic_core import InitErrorDetails, PydanticCustomError

    details = [
        InitErrorDetails(
            type=PydanticCustomError(each["type"], explained(model, each, data)[1]),
            loc=each["loc"],
            input=each.get("input"),
        )
        for each in error.errors()
    ]
    return ValidationError.from_exception_data(error.title, details)


def _cased(data: Any, loc: tuple[str, ...]) -> str | None:
    """A key beside the one missing at ``loc`` that is the same but for its case, if any."""
    for part in loc[:-1]:
        data = data.get(part) if isinstance(data, dict) else None
    if not isinstance(data, dict):
        return None
    wanted = loc[-1].lower()
    return next((k for k in data if isinstance(k, str) and k.strip().lower() == wanted), None)


def _unknown_key(parent: Any, key: str) -> str:
    if isinstance(parent, type) and issubclass(parent, Values):
        if (other := parent.targets.elsewhere(key)) is not None:
            amendment, since, added = other
            return t(
                "err.added_later" if added else "err.removed_before",
                document=amendment.document.name,
                since=day(since),
            )
        ids = parent.targets.by_id
        wanted = key.strip().lower()
        close = next((known for known in ids if known.lower() == wanted), None)
        close = close or closest(key, ids) or closest(wanted, ids)
        hint = t("err.did_you_mean", name=close) if close else t("err.see_targets")
        odd = _odd_character(key)
        if odd is None:
            return t("err.unknown_id", hint=hint)
        code, name = f"U+{ord(odd):04X}", unicodedata.name(odd, "")
        if not odd.isprintable() or odd.isspace():  # a zero-width or no-break space, a mark
            return t("err.unknown_id_invisible", code=code, name=name, hint=hint)
        return t("err.unknown_id_character", character=odd, code=code, name=name, hint=hint)
    keys = [field.alias or name for name, field in getattr(parent, "model_fields", {}).items()]
    same = next((known for known in keys if known.lower() == key.strip().lower()), None)
    if same is None and not _in_report(parent):  # a targets file's keys: threshhold, thresold
        same = closest(key.strip().lower(), keys)
    if same is not None:  # Period: for period
        return t("err.unknown_key_hint", hint=t("err.did_you_mean", name=same))
    return t("err.unknown_key", keys=", ".join(keys))


def _odd_character(key: str) -> str | None:
    """The first character of an id that no id is written with (ids are ASCII letters, digits
    and '_'): one that cannot be seen (U+200B, U+00A0), or one that looks like a Latin letter
    and is not (a Cyrillic 'р'); None when there is none, or when the id is all ASCII."""
    if key.isascii() and key.isprintable() and " " not in key:
        return None
    return next(
        (c for c in key if not (c.isascii() and c.isprintable()) or c.isspace()),
        None,
    )


def _in_report(parent: Any) -> bool:
    """Whether ``parent`` is a part of a report, whose unknown keys list the keys it takes."""
    from nq94.model import Figure

    return isinstance(parent, type) and issubclass(parent, Report | Figure)


def _message(kind: str, error: Any, expected: Any, *, root: bool, model: Any) -> str:
    got = describe(error["input"])
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if root:  # a whole file that is no mapping: said by its kind, never echoed (a report's
            # `targets:` may name any file, whose text would go into a CI log)
            given = error["input"]
            if given is None:
                got = t("err.empty_file")
            elif isinstance(given, str):
                got = t("describe.text")
            return t(model.expected, got=got)
        return t("err.expected_mapping", got=got)
    if kind in ("tuple_type", "list_type"):
        return t("err.expected_list", got=got)
    if kind == "string_type":
        return t("err.expected_text", got=got)
    if kind == "enum" and isinstance(expected, type) and issubclass(expected, Enum):
        options = [f"'{member.value}'" for member in expected]
        said = t(
            "err.expected_choice",
            expected=t("err.or", first=", ".join(options[:-1]), last=options[-1]),
            got=got,
        )
        return said + t("err.basis_words") if expected is Basis else said
    if kind == "union_tag_invalid":
        return t("err.expected_rule", got=describe(error["ctx"]["tag"]))
    if kind == "union_tag_not_found" and isinstance(error["input"], dict):
        return t("err.missing_key", key="rule", example="")
    if kind == "union_tag_not_found":
        return t("err.expected_mapping", got=got)
    return str(error["msg"])


def _walk(model: type[BaseModel], loc: tuple[str, ...]) -> tuple[tuple[str, ...], list[Any]]:
    """``loc`` without the tags pydantic adds for a member of a union, and the type expected
    at each step (the model, then each part's annotation)."""
    path: list[str] = []
    types_: list[Any] = [model]
    current: Any = model
    for part in loc:
        current = _bare(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next(
                (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
            )
            current = field.annotation if field is not None else None
        elif typing.get_origin(current) in (typing.Union, types.UnionType):
            current = next(
                (m for m in typing.get_args(current) if part in _tags(m) or _name(m) == part), None
            )
            types_[-1] = current
            continue  # the tag of a union's member is not in the file
        elif typing.get_origin(current) in (tuple, list, dict):
            current = typing.get_args(current)[-1 if typing.get_origin(current) is dict else 0]
        else:
            current = None
        path.append(part)
        types_.append(_bare(current))
    return tuple(path), types_


def _bare(annotation: Any) -> Any:
    """An annotation without Annotated's metadata and without None beside it."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        if len(members) == 1:
            return _bare(members[0])
    return annotation


def _tags(annotation: Any) -> list[str]:
    """The values a union member's discriminating ``rule`` field takes (its Literal)."""
    annotation = _bare(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [tag for member in typing.get_args(annotation) for tag in _tags(member)]
    fields = getattr(annotation, "model_fields", {})
    return list(typing.get_args(fields["rule"].annotation)) if "rule" in fields else []


def _name(annotation: Any) -> str:
    return getattr(annotation, "__name__", "")


def locate(
    doc: Source,
    loc: tuple[str, ...],
    message: str,
    *,
    at_key: bool = False,
    warning: bool = False,
) -> Problem:
    """A problem at the deepest part of ``loc`` present in the file, prefixed with that path."""
    path = _present(doc.data, loc)
    prefix = ".".join(path)
    found = doc.problem(path, f"{prefix}: {message}" if prefix else message, key=at_key)
    return found._replace(warning=warning)


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
