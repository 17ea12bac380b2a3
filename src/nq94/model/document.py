"""A targets file as pydantic models: the document that sets the targets (a resolution, a plan,
the Government's assignment...), its sections, its targets and the rules across them; pure, no
I/O.

Two formats are read. Format 1 (no ``format`` key) names a resolution under ``resolution``, and
every target has its clause and plausible range. Format 2 (``format: 2``) names any document
under ``document``, and lets sections, clauses and plausible ranges be left out.
"""

import calendar
import datetime
import itertools
import re
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from nq94.i18n import Lang, pick, t
from nq94.model.rules import Rule
from nq94.model.targets import Operator, Target
from nq94.model.values import Frozen, Label, Names, YamlDate, closest, describe, invalid

UNKNOWN_NUMBER = "unknown"
"""A document's number where the press gives none."""


def _year(value: Any) -> int:
    whole = isinstance(value, Decimal | int) and not isinstance(value, bool) and value == int(value)
    if whole and 1900 <= value <= 2200:
        return int(value)
    raise invalid("err.expected_year", got=describe(value))


def _date(value: Any) -> Any:
    """A date as YAML writes it (2026-12-10, quoted or not); one written so that is no day of
    the calendar (2025-02-30) is said to be none."""
    text = value.text if isinstance(value, YamlDate) else value
    if isinstance(text, str):
        try:
            return datetime.date.fromisoformat(text.strip())
        except ValueError:
            _no_such_day(text.strip())
    if isinstance(value, datetime.date):
        return value
    raise invalid("err.expected_date", got=describe(value))


def _no_such_day(text: str) -> None:
    """Refuses ``text`` written as a date, YYYY-MM-DD, that no calendar holds: month 13, the
    30th of February; returns for text of any other form."""
    written = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if written is None:
        return
    year, month, _ = (int(part) for part in written.groups())
    if not 1 <= month <= 12:
        raise invalid("err.no_such_month", text=text)
    days = calendar.monthrange(year, month)[1]
    raise invalid("err.no_such_day", text=text, year=year, month=month, days=days)


Date = Annotated[
    datetime.date,
    BeforeValidator(
        _date, json_schema_input_type=Annotated[str, Field(json_schema_extra={"format": "date"})]
    ),
]
"""A day, written as YAML writes a date: 2025-02-25."""

Year = Annotated[int, BeforeValidator(_year), Field(ge=1900, le=2200)]


class Resolution(Frozen):
    """The resolution a format 1 targets file encodes."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.targets.resolution"})

    number: str = Field(description="schema.targets.number")
    title: Names = Field(description="schema.targets.title")
    issuer: str = Field(description="schema.targets.issuer")
    adopted: str = Field(description="schema.targets.adopted")
    year: Year = Field(description="schema.targets.year")


class Document(Frozen):
    """The document that sets the targets: its kind (Nghị quyết, Kế hoạch, ...), its number as
    written without the kind ("58/NQ-HĐND", or "unknown"), title, issuer, the day it was adopted
    and the year its targets are for."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.targets.document"})

    kind: Label | None = Field(None, description="schema.targets.document_kind")
    number: str = Field(description="schema.targets.number")
    title: Label = Field(description="schema.targets.title")
    issuer: str = Field(description="schema.targets.issuer")
    adopted: Date | None = Field(None, description="schema.targets.adopted")
    year: Year = Field(description="schema.targets.year")

    @property
    def known_number(self) -> str | None:
        """The number, or None where the document's number is not known."""
        return None if self.number.strip().lower() == UNKNOWN_NUMBER else self.number

    @property
    def name(self) -> str:
        """The document as people cite it, in the language spoken now: 'Nghị quyết
        58/NQ-HĐND', 'Kế hoạch (số hiệu chưa rõ)'."""
        kind = pick(self.kind) if self.kind is not None else t("document.resolution")
        number = self.known_number or t("document.number_unknown")
        return t("document.name", kind=kind, number=number)


def _declared_section(target: Target, info: ValidationInfo) -> Target:
    """A target's section is one the file declares; with sections declared, every target names
    one (each target is checked)."""
    sections = info.data.get("sections")
    if sections and target.section not in sections:
        if "section" not in target.model_fields_set:
            raise invalid("err.missing_key", key="section", example="")
        known = ", ".join(sections)
        raise invalid("err.unknown_section", at=("section",), section=target.section, known=known)
    if not sections and target.section:
        raise invalid("err.no_sections", at=("section",), section=target.section)
    return target


def _format_1(target: Target) -> Target:
    """Format 1 asks each target for its clause and plausible range."""
    if "clause" not in target.model_fields_set:
        raise invalid("err.missing_key", key="clause", example="")
    if target.given_plausible is None:
        raise invalid("err.missing_key", key="plausible", example="")
    return target


def _format_2(target: Target) -> Target:
    """Format 2 asks an "about" for its tolerance (format 1 took 1), here and in ``also``."""
    if target.operator is Operator.APPROX and target.tolerance is None:
        raise invalid("err.tolerance_required", at=("tolerance",))
    for index, other in enumerate(target.also):
        if other.operator is Operator.APPROX and other.tolerance is None:
            raise invalid("err.tolerance_required", at=("also", str(index), "tolerance"))
    return target


def _known_targets(rule: Any, info: ValidationInfo) -> Any:
    """A rule speaks only of targets the file defines."""
    targets = info.data.get("targets")
    known = {target.id for target in targets} if targets is not None else None
    for name in rule.names:
        if known is not None and name not in known:
            raise invalid("err.rule_unknown", rule=rule.id, name=name)
    return rule


def _some(targets: tuple[Target, ...]) -> tuple[Target, ...]:
    if not targets:
        raise invalid("err.no_targets")
    return targets


_ANNOTATED: Any = Annotated
"""Annotated, to annotate a type made at run time."""


def _change_fields() -> dict[str, Any]:
    """Target's fields, each optional but the id: what an amendment may give of a target."""
    fields: dict[str, Any] = {}
    for name, info in Target.model_fields.items():
        if name == "id":
            fields[name] = (info.annotation, info)
            continue
        given: Any = info.annotation  # a type made at run time
        optional: Any = given | None
        if info.metadata:
            optional = _ANNOTATED[(optional, *info.metadata)]
        fields[name] = (optional, Field(None, alias=info.alias, description=info.description))
    return fields


class _Change(Frozen):
    """The base of TargetChange, which describes it in the JSON Schema."""

    model_config = ConfigDict(
        json_schema_extra={"description": "schema.targets.change"}, defer_build=True
    )


TargetChange: Any = create_model(
    "TargetChange",
    __base__=_Change,
    __doc__="What an amendment says of a target: an existing id takes the keys given, a new id "
    "is a whole target.",
    **_change_fields(),
)


class Amendment(Frozen):
    """A document that changes the targets from a day (a supplementary resolution adopted
    mid-year): targets it changes or adds, and the ids it removes."""

    model_config = ConfigDict(
        json_schema_extra={"description": "schema.targets.amendment"}, defer_build=True
    )

    kind: Label | None = Field(None, description="schema.targets.document_kind")
    number: str = Field(description="schema.targets.number")
    title: Label | None = Field(None, description="schema.targets.title")
    issuer: str | None = Field(None, description="schema.targets.issuer")
    adopted: Date = Field(description="schema.targets.adopted")
    effective: Date | None = Field(None, description="schema.targets.effective")
    targets: tuple[TargetChange, ...] = Field((), description="schema.targets.changes")
    removed: tuple[str, ...] = Field((), description="schema.targets.removed")

    @property
    def since(self) -> datetime.date:
        """The day from which the amendment is in force."""
        return self.effective or self.adopted

    @property
    def document(self) -> Document:
        """The amending document, named as a document is."""
        return Document(
            kind=self.kind, number=self.number, title=self.title or Label(vi=""),
            issuer=self.issuer or "", adopted=self.adopted, year=self.adopted.year,
        )  # fmt: skip


class Amended(NamedTuple):
    """How a target came to be what it is in a version: by which amendment, from when, and what
    it required before (None for a target the amendment added)."""

    amendment: Amendment
    since: datetime.date
    was: Target | None


class TargetsFile(Frozen):
    """A whole targets file: the document, its sections, targets and cross-target rules.

    The base of both formats (TargetsFile1, TargetsFile2); :func:`targets_model` says which
    one reads a file.
    """

    model_config = ConfigDict(defer_build=True)  # a base: built only as each format is

    expected: ClassVar[str] = "err.expected_targets_file"
    """What a document that is not a mapping was expected to be."""

    format: int
    sections: dict[str, Names]
    targets: tuple[Target, ...]
    rules: tuple[Annotated[Rule, AfterValidator(_known_targets)], ...] = Field(
        (), description="schema.targets.rules"
    )
    _report_models: dict[Lang | None, type[Any]] = PrivateAttr(default_factory=dict)
    """The model of a report on these targets in each language it was described in, and (None)
    undescribed, for reading reports (model.reports)."""
    _origin: str | None = PrivateAttr(None)
    """The file the targets were read from; None for the targets built into nq94."""
    _versions: tuple["Version", ...] = PrivateAttr(())
    """The targets in force from each amendment on (TargetsFile2), the file's own first."""
    _amended: dict[str, Amended] = PrivateAttr(default_factory=dict)
    """In a version, each target an amendment changed or added, and how."""

    @field_validator("targets")
    @classmethod
    def _unique_ids(cls, targets: tuple[Target, ...]) -> tuple[Target, ...]:
        """No two targets have one id."""
        seen: set[str] = set()
        for index, target in enumerate(targets):
            if target.id in seen:
                raise invalid("err.duplicate_id", at=(str(index), "id"), id=target.id)
            seen.add(target.id)
        return targets

    @property
    def document(self) -> Document:
        """The document that sets the targets."""
        raise NotImplementedError

    @property
    def origin(self) -> str | None:
        """The file the targets were read from; None for the targets built into nq94."""
        return self._origin

    def read_from(self, origin: str | None) -> "TargetsFile":
        """The targets, noting the file they were read from (None: built into nq94)."""
        self._origin = origin
        for version in self._versions:
            version.targets._origin = origin  # its own versions
        return self

    @property
    def versions(self) -> tuple["Version", ...]:
        """The targets in force from each day they changed: the file's own, then after each
        amendment; one version for a file without amendments."""
        return self._versions or (Version(None, None, self),)

    def at(self, day: datetime.date) -> "TargetsFile":
        """The version in force on ``day``: the last whose amendment was in force by then."""
        chosen = self.versions[0].targets
        for version in self.versions[1:]:
            if version.since is not None and version.since <= day:
                chosen = version.targets
        return chosen

    def elsewhere(self, target_id: str) -> tuple[Amendment, datetime.date, bool] | None:
        """For a target this version does not hold: the first amendment that added it (True)
        or removed it (False), and from when; None for an id no version holds."""
        if self.target(target_id) is not None:
            return None
        versions = self.versions
        for before, after in itertools.pairwise(versions):
            had = before.targets.target(target_id) is not None
            has = after.targets.target(target_id) is not None
            if had != has and after.amendment is not None and after.since is not None:
                return after.amendment, after.since, has
        return None

    def throughout(self) -> "TargetsFile":
        """The targets any version holds (each as its latest version defines it): what a
        report's JSON Schema accepts, whatever its period."""
        if len(self.versions) == 1:
            return self
        held: dict[str, Target] = {}
        for version in self.versions:
            held.update((target.id, target) for target in version.targets.targets)
        every = self.model_copy(update={"targets": tuple(held.values())})
        every._report_models = {}  # its own report models, not this file's
        return every

    def amended(self, target_id: str) -> Amended | None:
        """How an amendment made the target what it is in this version, if one did."""
        return self._amended.get(target_id)

    @property
    def year(self) -> int:
        """The year the targets are for."""
        return self.document.year

    @cached_property
    def by_id(self) -> dict[str, Target]:
        """The targets by id."""
        return {target.id: target for target in self.targets}

    def target(self, target_id: str) -> Target | None:
        """The target with this id, if any."""
        return self.by_id.get(target_id)


class TargetsFile1(TargetsFile):
    """A targets file of format 1: a resolution, its sections, and each target with its clause
    and plausible range."""

    model_config = ConfigDict(
        json_schema_extra={"description": "schema.targets.file1"}, defer_build=False
    )

    format: Literal[1] = Field(1, description="schema.targets.format")
    resolution: Resolution = Field(description="schema.targets.resolution")
    sections: dict[str, Names] = Field(description="schema.targets.sections")
    targets: Annotated[
        tuple[Annotated[Target, AfterValidator(_declared_section), AfterValidator(_format_1)], ...],
        AfterValidator(_some),
    ] = Field(description="schema.targets.targets")

    @cached_property
    def document(self) -> Document:
        """The resolution, as format 2 names a document (a Nghị quyết, whose kind the catalogue
        says)."""
        resolution = self.resolution
        try:
            adopted: datetime.date | None = datetime.date.fromisoformat(resolution.adopted)
        except ValueError:
            adopted = None
        return Document(
            kind=None,
            number=resolution.number,
            title=Label(vi=resolution.title.vi, en=resolution.title.en),
            issuer=resolution.issuer,
            adopted=adopted,
            year=resolution.year,
        )


_WHAT_IS_MEASURED = ("kind", "measure", "unit")
"""What makes a target's figure what it is: an amendment changes what is required of a figure,
never which figure it is (a growth rate judged as a flow would be projected)."""


def _same_figure(before: Target, given: dict[str, Any], at: tuple[str, ...]) -> None:
    """Refuse an amendment that changes what a target measures, which is another target."""
    was = _dump(before)
    for key in _WHAT_IS_MEASURED:
        if key in given and given[key] != was.get(key):
            raise invalid("err.amended_measure", at=(*at, key), key=key, id=before.id)


class TargetsFile2(TargetsFile):
    """A targets file of format 2: any document, sections optional, and targets that may say
    which side of a range a plan means, a stretch level, and other documents' requirements."""

    model_config = ConfigDict(
        json_schema_extra={"description": "schema.targets.file2"}, defer_build=True
    )

    format: Literal[2] = Field(description="schema.targets.format")
    given_document: Document = Field(alias="document", description="schema.targets.document")
    sections: dict[str, Names] = Field(default_factory=dict, description="schema.targets.sections")
    targets: Annotated[
        tuple[Annotated[Target, AfterValidator(_declared_section), AfterValidator(_format_2)], ...],
        AfterValidator(_some),
    ] = Field(description="schema.targets.targets")

    amendments: tuple[Amendment, ...] = Field((), description="schema.targets.amendments")

    @property
    def document(self) -> Document:
        """The document that sets the targets."""
        return self.given_document

    @model_validator(mode="after")
    def _versions_hold(self) -> Self:
        """Each amendment applied in turn makes a version: a changed target must still be a
        target, a removed one must exist, and amendments come in the order they take effect."""
        current = {target.id: target for target in self.targets}
        amended: dict[str, Amended] = {}
        versions = [Version(None, None, self)]
        for index, amendment in enumerate(self.amendments):
            at = ("amendments", str(index))
            self._dated(amendment, at)
            if index and amendment.since < self.amendments[index - 1].since:
                raise invalid("err.amendment_order", at=(*at, "adopted"))
            changed: set[str] = set()
            for number, change in enumerate(amendment.targets):
                given = change.model_dump(by_alias=True, exclude_unset=True)
                here = (*at, "targets", str(number))
                if given["id"] in changed:  # the last would win in silence
                    raise invalid("err.duplicate_id", at=(*here, "id"), id=given["id"])
                changed.add(given["id"])
                before = current.get(given["id"])
                if before is None:
                    _new(given, current, (*here, "id"))
                else:
                    _same_figure(before, given, here)
                merged = given if before is None else _dump(before) | given
                target = self._changed(merged, here)
                current[target.id] = target
                amended[target.id] = Amended(amendment, amendment.since, before)
            for number, removed in enumerate(amendment.removed):
                if current.pop(removed, None) is None:
                    raise invalid(
                        "err.removed_unknown", at=(*at, "removed", str(number)), id=removed,
                        hint=_close(removed, current),
                    )  # fmt: skip
                amended.pop(removed, None)
            version = self._version(tuple(current.values()), dict(amended))
            versions.append(Version(amendment.since, amendment, version))
        self._versions = tuple(versions)
        for each in versions[1:]:
            each.targets._versions = self._versions  # a version knows the others
        return self

    def _dated(self, amendment: Amendment, at: tuple[str, ...]) -> None:
        """An amendment is adopted no earlier than the document it amends, and takes effect
        within the year of the targets (an amendment in force from another year would judge
        every report, or none)."""
        adopted, year = self.given_document.adopted, self.given_document.year
        if adopted is not None and amendment.adopted < adopted:
            raise invalid(
                "err.amendment_before", at=(*at, "adopted"), adopted=adopted.isoformat(),
                document=self.given_document.name,
            )  # fmt: skip
        if amendment.since.year != year:
            given = amendment.effective is not None
            raise invalid(
                "err.effective_year" if given else "err.adopted_year",
                at=(*at, "effective" if given else "adopted"),
                day=amendment.since.isoformat(),
                year=year,
            )

    def _changed(self, merged: dict[str, Any], at: tuple[str, ...]) -> Target:
        """A target as an amendment leaves it, checked as the file's own targets are."""
        try:
            target = Target.model_validate(merged)
            if self.sections and target.section not in self.sections:
                raise invalid("err.unknown_section", at=("section",), section=target.section,
                              known=", ".join(self.sections))  # fmt: skip
            return _format_2(target)
        except PydanticCustomError as e:
            context = e.context or {}
            raise invalid(
                "err.amended", at=(*at, *context.get("at", ())), said=e.message()
            ) from None
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            loc = tuple(str(part) for part in first["loc"])
            said = (
                t("err.missing_key", key=loc[-1], example="")
                if first["type"] == "missing"
                else first["msg"]
            )
            context = first.get("ctx") or {}
            where = (*loc[:-1],) if first["type"] == "missing" else (*loc, *context.get("at", ()))
            raise invalid("err.amended", at=(*at, *where), said=said) from None

    def _version(self, targets: tuple[Target, ...], amended: dict[str, Amended]) -> "TargetsFile2":
        """This file with ``targets`` in force, as an amendment leaves it."""
        names = {target.id for target in targets}
        version = TargetsFile2.model_construct(
            format=2,
            given_document=self.given_document,
            sections=self.sections,
            targets=targets,
            rules=tuple(rule for rule in self.rules if set(rule.names) <= names),
            amendments=(),
        )
        version._amended = amended
        return version


class Version(NamedTuple):
    """The targets in force from a day: the file's own (since None), or as an amendment left
    them."""

    since: datetime.date | None
    amendment: Amendment | None
    targets: TargetsFile


def _new(given: dict[str, Any], current: dict[str, Target], at: tuple[str, ...]) -> None:
    """An id an amendment gives that no target in force holds is a new target, which gives
    every key a target needs; one that does not is taken for a mistyped id."""
    keys = [field.alias or name for name, field in Target.model_fields.items()
            if field.is_required()]  # fmt: skip
    missing = [key for key in keys if key not in given]
    if not missing:
        return
    hint = _close(given["id"], current).removeprefix("; ")
    hint = hint or t("err.amend_new", missing=", ".join(missing))
    raise invalid("err.amend_unknown", at=at, id=given["id"], hint=hint)


def _close(name: str, current: dict[str, Target]) -> str:
    """'; did you mean ...?' with the id in force most like ``name``, or nothing."""
    close = closest(name, current)
    return "; " + t("err.did_you_mean", name=close) if close else ""


def _dump(target: Target) -> dict[str, Any]:
    """A target as its file gave it: an amendment's keys then replace some of them."""
    return target.model_dump(by_alias=True, exclude_unset=True)


def targets_model(data: Any) -> type[TargetsFile]:
    """The model that reads a targets file's data: format 2 where it says ``format: 2``."""
    if isinstance(data, dict) and data.get("format") == 2:
        return TargetsFile2
    return TargetsFile1
