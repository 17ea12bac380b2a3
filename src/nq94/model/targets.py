"""The targets file as pydantic models: a resolution, its sections, its targets and the rules
across them; what each target requires; pure, no I/O."""

import re
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, Self, Union

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from nq94.i18n import Lang, current, number, pick, t
from nq94.model.numtext import plain
from nq94.model.values import Frozen, Names, Number, describe, invalid


class Status(StrEnum):
    """How a target stands in a report, from best to worst."""

    MET = "met"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NO_DATA = "no_data"


class Operator(StrEnum):
    """How an actual value is compared with a target's threshold."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    BETWEEN = "between"
    APPROX = "≈"


class Kind(StrEnum):
    """What sort of quantity a target measures; decides derivation and projection."""

    GROWTH = "growth"
    SHARE = "share"
    RATE = "rate"
    LEVEL = "level"
    FLOW = "flow"
    COUNT = "count"
    CHANGE = "change"


class Measure(StrEnum):
    """The nature of a target's unit; decides the default at-risk margin."""

    PERCENT = "percent"
    POINTS = "points"
    AMOUNT = "amount"
    COUNT = "count"


DERIVABLE = frozenset({Kind.GROWTH, Kind.CHANGE})
"""Kinds whose value may be given as a baseline and a current figure."""

DEFAULT_APPROX_TOLERANCE = Decimal("1.0")
_PERCENT_MARGIN = Decimal("0.5")
_AMOUNT_MARGIN_SHARE = Decimal("0.02")
_MARGIN_SHARE_AT_MOST = Decimal("0.1")

TARGET_ID = r"^[a-z][a-z0-9_]*$"
"""The form of a target id."""
OPERATOR_ALIASES = {"approx": Operator.APPROX, "~": Operator.APPROX}


def _target_id(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(TARGET_ID, value):
        raise invalid("err.expected_id", pattern=TARGET_ID, got=describe(value))
    return value


def _operator(value: Any) -> Any:
    return OPERATOR_ALIASES.get(value, value) if isinstance(value, str) else value


def _pair(value: Any) -> Any:
    if not (isinstance(value, list | tuple) and len(value) == 2):
        raise invalid("err.expected_pair", got=describe(value))
    return value


def _year(value: Any) -> int:
    whole = isinstance(value, Decimal | int) and not isinstance(value, bool) and value == int(value)
    if whole and 1900 <= value <= 2200:
        return int(value)
    raise invalid("err.expected_year", got=describe(value))


class Target(Frozen):
    """One quantified aim of a resolution."""

    id: Annotated[str, BeforeValidator(_target_id), Field(pattern=TARGET_ID)]
    section: str
    clause: str
    words: str
    name: Names
    unit: Names
    measure: Measure
    kind: Kind
    operator: Annotated[Operator, BeforeValidator(_operator)]
    threshold: Number
    upper: Number | None = None
    tolerance: Number | None = None
    margin: Number | None = None
    plausible: Annotated[tuple[Number, Number], BeforeValidator(_pair)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        """A definition that contradicts itself is refused, at its first contradiction."""
        low, high = self.plausible
        if low >= high:
            raise invalid("err.plausible_order")
        if (self.operator is Operator.BETWEEN) != (self.upper is not None):
            raise invalid("err.upper_between")
        if self.upper is not None and self.upper <= self.threshold:
            raise invalid("err.upper_above")
        if self.tolerance is not None and self.operator is not Operator.APPROX:
            raise invalid("err.tolerance_approx")
        if self.margin is not None and self.margin < 0:
            raise invalid("err.margin_negative")
        if not low <= self.threshold <= high:
            raise invalid("err.threshold_plausible", at=("threshold",))
        return self

    @property
    def at_risk_margin(self) -> Decimal:
        """The margin around the threshold within which a non-final value is at risk: the
        target's own, else its measure's default, never more than a tenth of the threshold (a
        margin of 0.5 points would swallow "from 0.8 points upward")."""
        if self.margin is not None:
            return self.margin
        match self.measure:
            case Measure.PERCENT | Measure.POINTS:
                default = _PERCENT_MARGIN
            case Measure.AMOUNT:
                default = abs(self.threshold) * _AMOUNT_MARGIN_SHARE
            case Measure.COUNT:
                default = Decimal(0)
        return min(default, abs(self.threshold) * _MARGIN_SHARE_AT_MOST)

    @property
    def ceiling(self) -> bool:
        """Whether the target asks for the most there can be ("Duy trì 100%"): a ">=" threshold
        at the top of the plausible range, met by a value at that top in any report."""
        return self.operator is Operator.GE and self.threshold == self.plausible[1]

    @property
    def band(self) -> tuple[Decimal, Decimal] | None:
        """The accepted interval of 'between' and '≈' targets; None for one-sided ones."""
        if self.operator is Operator.BETWEEN:
            assert self.upper is not None  # see _consistent()
            return self.threshold, self.upper
        if self.operator is Operator.APPROX:
            tolerance = self.tolerance if self.tolerance is not None else DEFAULT_APPROX_TOLERANCE
            return self.threshold - tolerance, self.threshold + tolerance
        return None


def _at_least_two(names: tuple[str, ...]) -> tuple[str, ...]:
    if len(names) < 2:
        raise invalid("err.rule_targets")
    return names


class SumRule(Frozen):
    """Several targets' values must add up to a total, within a tolerance."""

    id: str
    rule: Literal["sum"]
    targets: Annotated[tuple[str, ...], AfterValidator(_at_least_two)]
    total: Number
    tolerance: Number
    description: Names

    @property
    def names(self) -> tuple[str, ...]:
        """The targets the rule speaks of."""
        return self.targets

    def broken(self, values: Mapping[str, Decimal]) -> PydanticCustomError | None:
        """Why ``values`` (by target id) break the rule; None when they keep it or lack one."""
        if not all(name in values for name in self.targets):
            return None
        total = sum((values[name] for name in self.targets), Decimal(0))
        if abs(total - self.total) <= self.tolerance:
            return None
        return invalid(
            "err.rule_sum",
            at=self.targets[:1],
            terms=" + ".join(self.targets),
            total=plain(total),
            expected=plain(self.total),
            tolerance=plain(self.tolerance),
            description=pick(self.description),
        )


class AtMostRule(Frozen):
    """One target's value must not exceed another's."""

    id: str
    rule: Literal["at_most"]
    target: str
    limit: str
    description: Names

    @property
    def names(self) -> tuple[str, ...]:
        """The targets the rule speaks of."""
        return self.target, self.limit

    def broken(self, values: Mapping[str, Decimal]) -> PydanticCustomError | None:
        """Why ``values`` (by target id) break the rule; None when they keep it or lack one."""
        if not (self.target in values and self.limit in values):
            return None
        if values[self.target] <= values[self.limit]:
            return None
        return invalid(
            "err.rule_at_most",
            at=(self.target,),
            value=plain(values[self.target]),
            limit=self.limit,
            limit_value=plain(values[self.limit]),
            description=pick(self.description),
        )


def _rule_kind(data: Any) -> Any:
    return data.get("rule") if isinstance(data, dict) else getattr(data, "rule", None)


Rule = Annotated[
    Union[Annotated[SumRule, Tag("sum")], Annotated[AtMostRule, Tag("at_most")]],  # noqa: UP007
    Discriminator(_rule_kind),
]
"""A rule across targets, of the kind its ``rule`` key names."""


def _declared_section(target: Target, info: ValidationInfo) -> Target:
    """A target's section is one the file declares (each target is checked)."""
    sections = info.data.get("sections")
    if sections is not None and target.section not in sections:
        known = ", ".join(sections)
        raise invalid("err.unknown_section", at=("section",), section=target.section, known=known)
    return target


def _known_targets(rule: Any, info: ValidationInfo) -> Any:
    """A rule speaks only of targets the file defines."""
    targets = info.data.get("targets")
    known = {target.id for target in targets} if targets is not None else None
    for name in rule.names:
        if known is not None and name not in known:
            raise invalid("err.rule_unknown", rule=rule.id, name=name)
    return rule


class Resolution(Frozen):
    """The resolution a targets file encodes."""

    number: str
    title: Names
    issuer: str
    adopted: str
    year: Annotated[int, BeforeValidator(_year), Field(ge=1900, le=2200)]


class TargetsFile(Frozen):
    """A whole targets file: the resolution, its sections, targets and cross-target rules."""

    expected: ClassVar[str] = "err.expected_targets_file"
    """What a document that is not a mapping was expected to be."""

    resolution: Resolution
    sections: dict[str, Names]
    targets: tuple[Annotated[Target, AfterValidator(_declared_section)], ...]
    rules: tuple[Annotated[Rule, AfterValidator(_known_targets)], ...] = ()
    _report_models: dict[Lang, type[Any]] = PrivateAttr(default_factory=dict)
    """The model of a report on these targets in each language it was built in (model.reports)."""

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

    @cached_property
    def by_id(self) -> dict[str, Target]:
        """The targets by id."""
        return {target.id: target for target in self.targets}

    def target(self, target_id: str) -> Target | None:
        """The target with this id, if any."""
        return self.by_id.get(target_id)


def requirement(target: Target) -> str:
    """What a target requires, with its unit, in the language spoken now: '≥ 19,515 billion
    VND', '58.6 ± 1%'."""
    return measured(comparison(target), pick(target.unit))


_SYMBOL = {Operator.GE: "≥", Operator.GT: ">", Operator.LE: "≤", Operator.LT: "<"}


def comparison(target: Target) -> str:
    """What a target requires, e.g. '≥ 7.5', '< 3', '58.6 ± 1', '2 to 4'."""
    if target.operator is Operator.APPROX:
        tolerance = target.tolerance if target.tolerance is not None else DEFAULT_APPROX_TOLERANCE
        return f"{number(target.threshold)} ± {number(tolerance)}"
    if target.operator is Operator.BETWEEN:
        assert target.upper is not None
        return t("comparison.between", low=number(target.threshold), high=number(target.upper))
    return f"{_SYMBOL[target.operator]} {number(target.threshold)}"


def measured(text: str, unit: str) -> str:
    """A figure with its unit: '7.5%' and '100% of plan' close up, '19,515 billion VND' spaced;
    in English, one of a unit in the plural is singular ('1 district', '≥ 1 district')."""
    if unit.startswith("%"):
        return f"{text}{unit}"
    if current() is Lang.EN and unit.endswith("s") and _ONE.search(text):
        unit = unit[:-1]
    return f"{text} {unit}"


_ONE = re.compile(r"(?:^|[^0-9.,])[-+−]?1$")
"""A text ending in the number one (1, ≥ 1, -1), not 11 nor 0.1."""
