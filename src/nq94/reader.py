"""Reading the shape of a targets file and of a report: plain data in, dataclasses out.

Every problem becomes a Finding at the path of keys where it stands (the loader turns paths
into lines and columns), and reading goes on after a problem, so that a file's problems are all
reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

from nq94.i18n import t
from nq94.model import (
    AtMostRule,
    Basis,
    Entry,
    Finding,
    Kind,
    Measure,
    Names,
    Operator,
    Path,
    Period,
    Report,
    Resolution,
    Rule,
    SumRule,
    Target,
    TargetsFile,
    describe,
    parse_number,
    parse_period,
)
from nq94.numtext import NumberError

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

EXAMPLES = {
    "period": "err.example.period",
    "values": "err.example.values",
}
TARGET_ID = re.compile(r"^[a-z][a-z0-9_]*$")
OPERATOR_ALIASES = {"approx": Operator.APPROX, "~": Operator.APPROX}

REPORT_KEYS = ("period", "basis", "source", "values")
ENTRY_KEYS = ("value", "baseline", "current", "source", "note")
TARGET_KEYS = (
    "id", "section", "clause", "words", "name", "unit", "measure", "kind", "operator",
    "threshold", "upper", "tolerance", "margin", "plausible",
)  # fmt: skip
TARGET_OPTIONAL = ("upper", "tolerance", "margin")
TARGET_REQUIRED = tuple(key for key in TARGET_KEYS if key not in TARGET_OPTIONAL)


class Reader:
    """Collects findings while reading parts of a document."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def fail(self, path: Path, message: str, *, at_key: bool = False) -> None:
        self.findings.append(Finding(path, message, at_key))

    def clean(self, since: int) -> bool:
        """Whether nothing was found wrong since ``since`` findings."""
        return len(self.findings) == since

    def mapping(
        self,
        data: Any,
        path: Path,
        keys: tuple[str, ...] | None = None,
        required: tuple[str, ...] = (),
    ) -> dict[str, Any] | None:
        """``data`` if it is a mapping; keys not in ``keys`` (if given) and missing are findings."""
        if not isinstance(data, dict):
            self.fail(path, t("err.expected_mapping", got=describe(data)))
            return None
        if keys is not None and not data.keys() <= set(keys):
            for key in data:
                if key not in keys:
                    message = t("err.unknown_key", keys=", ".join(keys))
                    self.fail((*path, key), message, at_key=True)
        if not data.keys() >= set(required):
            for key in required:
                if key not in data:
                    example = t(EXAMPLES[key]) if key in EXAMPLES else ""
                    self.fail(path, t("err.missing_key", key=key, example=example))
        return data

    def number(self, data: Any, path: Path) -> Decimal | None:
        try:
            return parse_number(data)
        except NumberError as e:
            self.fail(path, str(e))
            return None

    def text(self, data: Any, path: Path) -> str | None:
        if isinstance(data, str):
            return data
        self.fail(path, t("err.expected_text", got=describe(data)))
        return None

    def choice(self, data: Any, path: Path, kind: type[E]) -> E | None:
        try:
            return kind._value2member_map_[data]  # type: ignore[return-value]  # = kind(data)
        except (KeyError, TypeError):
            options = [f"'{member.value}'" for member in kind]
            expected = t("err.or", first=", ".join(options[:-1]), last=options[-1])
            self.fail(path, t("err.expected_choice", expected=expected, got=describe(data)))
            return None

    def names(self, data: Any, path: Path) -> Names | None:
        if data.__class__ is dict and len(data) == 2:  # the usual {vi: ..., en: ...}, at once
            vi, en = data.get("vi"), data.get("en")
            if vi.__class__ is str and en.__class__ is str:
                return Names(vi, en)
        since = len(self.findings)
        found = self.mapping(data, path, ("vi", "en"), ("vi", "en"))
        if found is None:
            return None
        vi = self.text(found.get("vi"), (*path, "vi")) if "vi" in found else None
        en = self.text(found.get("en"), (*path, "en")) if "en" in found else None
        return Names(vi, en) if self.clean(since) and vi is not None and en is not None else None

    def each(self, data: Any, path: Path, read: Callable[[Any, Path], T | None]) -> list[T] | None:
        """Read every item of a list; None if it is not a list or an item is wrong."""
        if not isinstance(data, list):
            self.fail(path, t("err.expected_list", got=describe(data)))
            return None
        items = [read(item, (*path, str(index))) for index, item in enumerate(data)]
        return [item for item in items if item is not None] if None not in items else None


# --- reports -------------------------------------------------------------------------------------


@dataclass
class ReportParts:
    """What could be read of a report: a period, its basis and the entries that are valid."""

    period: Period | None = None
    basis: Basis | None = Basis.OFFICIAL
    source: str | None = None
    values: dict[str, Entry] = field(default_factory=dict)
    complete: bool = False

    def report(self) -> Report:
        """The report, once reading found nothing wrong."""
        assert self.complete and self.period is not None and self.basis is not None
        return Report(self.period, self.values, self.basis, self.source)


def read_report(data: Any) -> tuple[ReportParts, list[Finding]]:
    """The parts of a report in ``data``, and what is wrong with its shape."""
    reader = Reader()
    parts = ReportParts()
    if not isinstance(data, dict):
        got = t("err.empty_file") if data is None else describe(data)
        reader.fail((), t("err.expected_report", got=got))
        return parts, reader.findings
    reader.mapping(data, (), REPORT_KEYS, ("period", "values"))
    if "period" in data:
        try:
            parts.period = parse_period(data["period"])
        except ValueError:
            reader.fail(("period",), t("err.expected_period", got=describe(data["period"])))
    if "basis" in data:
        parts.basis = reader.choice(data["basis"], ("basis",), Basis)
    if data.get("source") is not None:
        parts.source = reader.text(data["source"], ("source",))
    values = data.get("values")
    if "values" in data and reader.mapping(values, ("values",)) is not None:
        assert isinstance(values, dict)
        for key, raw in values.items():
            entry = read_entry(reader, raw, ("values", str(key)))
            if entry is not None:
                parts.values[str(key)] = entry
    parts.complete = not reader.findings
    return parts, reader.findings


def read_entry(reader: Reader, raw: Any, path: Path) -> Entry | None:
    """One figure: a number, or a mapping with value (or baseline and current), source, note."""
    if raw is None:
        reader.fail(path, t("err.empty_value"))
        return None
    if not isinstance(raw, dict):
        value = reader.number(raw, path)
        return Entry(value=value) if value is not None else None
    since = len(reader.findings)
    reader.mapping(raw, path, ENTRY_KEYS)
    numbers: dict[str, Decimal | None] = {}
    for key in ("value", "baseline", "current"):
        if key in raw and raw[key] is None:
            reader.fail(path, t("err.empty_key", key=key))
        elif key in raw:
            numbers[key] = reader.number(raw[key], (*path, key))
    texts = {
        key: reader.text(raw[key], (*path, key))
        for key in ("source", "note")
        if raw.get(key) is not None
    }
    if not reader.clean(since):
        return None
    given = set(numbers)
    if "value" in given and given & {"baseline", "current"}:
        reader.fail(path, t("err.value_and_derived"))
        return None
    if "value" not in given and given != {"baseline", "current"}:
        reader.fail(path, t("err.value_or_derived"))
        return None
    return Entry(
        value=numbers.get("value"),
        baseline=numbers.get("baseline"),
        current=numbers.get("current"),
        source=texts.get("source"),
        note=texts.get("note"),
    )


# --- targets files -------------------------------------------------------------------------------


def read_targets(data: Any) -> tuple[TargetsFile | None, list[Finding]]:
    """The targets file in ``data``, and what is wrong with its shape."""
    reader = Reader()
    if not isinstance(data, dict):
        got = t("err.empty_file") if data is None else describe(data)
        reader.fail((), t("err.expected_targets_file", got=got))
        return None, reader.findings
    keys = ("resolution", "sections", "targets", "rules")
    reader.mapping(data, (), keys, keys[:3])
    resolution = _resolution(reader, data.get("resolution")) if "resolution" in data else None
    sections = _sections(reader, data.get("sections")) if "sections" in data else None
    targets = (
        reader.each(data["targets"], ("targets",), partial(_target, reader))
        if "targets" in data
        else None
    )
    rules: list[Rule] | None = reader.each(
        data.get("rules", []), ("rules",), partial(_rule, reader)
    )
    if (
        reader.findings
        or resolution is None
        or sections is None
        or targets is None
        or rules is None
    ):
        return None, reader.findings
    return TargetsFile(resolution, sections, tuple(targets), tuple(rules)), []


def _resolution(reader: Reader, data: Any) -> Resolution | None:
    path = ("resolution",)
    since = len(reader.findings)
    keys = ("number", "title", "issuer", "adopted", "year")
    found = reader.mapping(data, path, keys, keys)
    if found is None or not reader.clean(since):
        return None
    number = reader.text(found["number"], (*path, "number"))
    title = reader.names(found["title"], (*path, "title"))
    issuer = reader.text(found["issuer"], (*path, "issuer"))
    adopted = reader.text(found["adopted"], (*path, "adopted"))
    year = found["year"]
    if not (
        isinstance(year, Decimal) and year == year.to_integral_value() and 1900 <= year <= 2200
    ):
        reader.fail((*path, "year"), t("err.expected_year", got=describe(year)))
        return None
    if not reader.clean(since) or None in (number, title, issuer, adopted):
        return None
    assert number is not None and title is not None and issuer is not None and adopted is not None
    return Resolution(number, title, issuer, adopted, int(year))


def _sections(reader: Reader, data: Any) -> dict[str, Names] | None:
    since = len(reader.findings)
    found = reader.mapping(data, ("sections",))
    if found is None:
        return None
    sections = {
        str(key): reader.names(value, ("sections", str(key))) for key, value in found.items()
    }
    if not reader.clean(since):
        return None
    return {key: names for key, names in sections.items() if names is not None}


def target_from(data: Any) -> Target:
    """One target definition from plain data; ValueError naming every problem otherwise."""
    reader = Reader()
    target = _target(reader, data, ())
    if target is None:
        raise ValueError("; ".join(finding.message for finding in reader.findings))
    return target


def _target(reader: Reader, data: Any, path: Path) -> Target | None:
    since = len(reader.findings)
    found = reader.mapping(data, path, TARGET_KEYS, TARGET_REQUIRED)
    if found is None or not reader.clean(since):
        return None
    target_id = reader.text(found["id"], (*path, "id"))
    if target_id is not None and not TARGET_ID.match(target_id):
        reader.fail(
            (*path, "id"), t("err.expected_id", pattern=TARGET_ID.pattern, got=describe(target_id))
        )
    texts = {key: reader.text(found[key], (*path, key)) for key in ("section", "clause", "words")}
    name = reader.names(found["name"], (*path, "name"))
    unit = reader.names(found["unit"], (*path, "unit"))
    measure = reader.choice(found["measure"], (*path, "measure"), Measure)
    kind = reader.choice(found["kind"], (*path, "kind"), Kind)
    raw_operator = found["operator"]
    operator = OPERATOR_ALIASES.get(raw_operator) if isinstance(raw_operator, str) else None
    operator = operator or reader.choice(raw_operator, (*path, "operator"), Operator)
    threshold = reader.number(found["threshold"], (*path, "threshold"))
    optional = {
        key: reader.number(found[key], (*path, key))
        for key in TARGET_OPTIONAL
        if found.get(key) is not None
    }
    plausible = _pair(reader, found["plausible"], (*path, "plausible"))
    if not reader.clean(since):
        return None
    assert target_id and name and unit and measure and kind and operator and threshold is not None
    assert plausible is not None
    target = Target(
        target_id, str(texts["section"]), str(texts["clause"]), str(texts["words"]), name, unit,
        measure, kind, operator, threshold, plausible, **optional,
    )  # fmt: skip
    for problem in target.inconsistencies():
        reader.fail(path, problem)
    return target if reader.clean(since) else None


def _pair(reader: Reader, data: Any, path: Path) -> tuple[Decimal, Decimal] | None:
    if not (isinstance(data, list) and len(data) == 2):
        reader.fail(path, t("err.expected_pair", got=describe(data)))
        return None
    low, high = (reader.number(item, (*path, str(i))) for i, item in enumerate(data))
    return (low, high) if low is not None and high is not None else None


def _rule(reader: Reader, data: Any, path: Path) -> Rule | None:
    since = len(reader.findings)
    if not isinstance(data, dict) or "rule" not in data:
        reader.mapping(data, path, ("rule",), ("rule",))
        return None
    kind = data["rule"]
    if kind == "sum":
        sum_keys = ("id", "rule", "targets", "total", "tolerance", "description")
        found = reader.mapping(data, path, sum_keys, sum_keys)
        if found is None or not reader.clean(since):
            return None
        names = reader.each(found["targets"], (*path, "targets"), reader.text)
        if names is not None and len(names) < 2:
            reader.fail((*path, "targets"), t("err.rule_targets"))
        rule_id = reader.text(found["id"], (*path, "id"))
        total = reader.number(found["total"], (*path, "total"))
        tolerance = reader.number(found["tolerance"], (*path, "tolerance"))
        description = reader.names(found["description"], (*path, "description"))
        if not reader.clean(since):
            return None
        assert rule_id and names and total is not None and tolerance is not None and description
        return SumRule(rule_id, tuple(names), total, tolerance, description)
    if kind == "at_most":
        at_most_keys = ("id", "rule", "target", "limit", "description")
        found = reader.mapping(data, path, at_most_keys, at_most_keys)
        if found is None or not reader.clean(since):
            return None
        rule_id = reader.text(found["id"], (*path, "id"))
        target = reader.text(found["target"], (*path, "target"))
        limit = reader.text(found["limit"], (*path, "limit"))
        description = reader.names(found["description"], (*path, "description"))
        if not reader.clean(since):
            return None
        assert rule_id and target and limit and description
        return AtMostRule(rule_id, target, limit, description)
    reader.fail((*path, "rule"), t("err.expected_rule", got=describe(kind)))
    return None
