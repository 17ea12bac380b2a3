"""The data of nq94 as pydantic models: targets files, periods, reports; pure, no I/O.

The models are the one definition of a targets file and of a report: they validate them, and
the JSON Schema (``nq94 schema``) and the Python API come from them. A report is validated by
the model built from its targets file (:func:`report_model`), which knows every target's id,
plausible range and kind, and the year of the resolution.

Every refusal is a ``PydanticCustomError`` whose type is the catalogue key of its message, with
the message's values as its context; ``at`` in the context, when present, is the path below the
error's location where the problem stands. :mod:`nq94.loading` turns errors into located lines.
"""

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from functools import cache, cached_property
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, Self, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    Tag,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from nq94.i18n import Lang, current, number, pick, t
from nq94.numtext import NUMBER_TEXT, NumberError, plain, read_number
from nq94.spoken import basis_pattern
from nq94.yamldoc import YamlDate


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


class Basis(StrEnum):
    """Whether a report's figures are final or not."""

    OFFICIAL = "official"
    ESTIMATE = "estimate"


class PeriodKind(StrEnum):
    """The kinds of period a report may cover; all are year to date."""

    YEAR = "year"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    MONTH = "month"


DERIVABLE = frozenset({Kind.GROWTH, Kind.CHANGE})
"""Kinds whose value may be given as a baseline and a current figure."""

DEFAULT_APPROX_TOLERANCE = Decimal("1.0")
MAX_MAGNITUDE = 30
"""Figures are refused beyond 1e30 or below 1e-30, so arithmetic on them never overflows."""
MAX_DIGITS = 20
"""Significant digits a figure may have: decimal arithmetic keeps 28, and a figure compared with
a threshold must keep every digit through a division (7.4999…9 is not 7.5)."""
MAX_DECIMALS = 2 * MAX_MAGNITUDE
"""Figures are refused with more decimals than this (as written: 0e-99 has 99)."""
_PERCENT_MARGIN = Decimal("0.5")
_AMOUNT_MARGIN_SHARE = Decimal("0.02")
_MARGIN_SHARE_AT_MOST = Decimal("0.1")

TARGET_ID = r"^[a-z][a-z0-9_]*$"
"""The form of a target id."""
OPERATOR_ALIASES = {"approx": Operator.APPROX, "~": Operator.APPROX}


def invalid(key: str, /, *, at: Iterable[str] = (), **values: Any) -> PydanticCustomError:
    """A refusal: its type is the catalogue key ``key``, its message that key's text in the
    reader's language, its context ``values`` and the path ``at`` below where it is raised."""
    return PydanticCustomError(key, t(key, **values), {**values, "at": tuple(at)})


# --- numbers -------------------------------------------------------------------------------------


def describe(value: Any) -> str:
    """A found value as a message names it: 'bảy' in quotes, nothing (null), a list."""
    if value is None:
        return t("describe.null")
    if isinstance(value, bool):
        return t("describe.bool", value=str(value).lower())
    if isinstance(value, YamlDate):
        return t("describe.date", text=value.text)
    if isinstance(value, dict):
        return t("describe.mapping")
    if isinstance(value, list):
        return t("describe.list")
    return repr(value) if isinstance(value, str) else str(value)


def parse_number(
    value: Any, plausible: tuple[Decimal, Decimal] | None = None, *, percent: bool = True
) -> Decimal:
    """A finite Decimal from a number, or from text such as '7.5', '7,5' or '7,5%' (a separator
    that could mean either is settled by ``plausible``; a '%' is refused unless ``percent``).

    Raises NumberError saying what was found and what to write.
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        number = read_number(value, plausible, percent=percent)
    else:
        raise NumberError(t("err.expected_number", got=describe(value)))
    if not number.is_finite():
        raise NumberError(t("err.expected_finite", got=number))
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite
    # the exponent is bounded too, so that no zero or tiny figure (0e-999999999) is ever
    # written out in full or scaled past what decimal arithmetic holds
    if (number and not -MAX_MAGNITUDE <= number.adjusted() <= MAX_MAGNITUDE) or not (
        -MAX_DECIMALS <= exponent <= MAX_MAGNITUDE
    ):
        raise NumberError(t("err.magnitude", limit=MAX_MAGNITUDE, got=_short(number)))
    if len(digits) > MAX_DIGITS:  # beyond what the arithmetic keeps exact
        raise NumberError(t("err.too_many_digits", most=MAX_DIGITS, got=_short(number)))
    return number


def _short(number: Decimal) -> str:
    """A figure as a message names it, cut short when it is very long."""
    text = str(number)
    return text if len(text) <= 40 else f"{text[:20]}…{text[-10:]}"


def _number(
    value: Any,
    plausible: tuple[Decimal, Decimal] | None = None,
    *,
    at: tuple[str, ...] = (),
    percent: bool = True,
) -> Decimal:
    try:
        return parse_number(value, plausible, percent=percent)
    except NumberError as e:
        raise PydanticCustomError("number", str(e), {"at": at}) from e


def _figure(value: Any) -> Decimal:
    return _number(value)


NumberText = Annotated[str, Field(pattern=NUMBER_TEXT, description="schema.number_text")]
"""A number written as text, as the JSON Schema describes it."""

Number = Annotated[
    Decimal,
    BeforeValidator(_figure, json_schema_input_type=Union[float, NumberText]),  # noqa: UP007
]
"""An exact figure: a number, or text such as "7,5" (refused beyond 1e30, NaN, infinities)."""


def _json_number(number: Decimal) -> int | float:
    """A bound in the JSON Schema (JSON Schema numbers are what JSON parsers make of them)."""
    return int(number) if number == number.to_integral_value() else float(number)


# --- targets -------------------------------------------------------------------------------------


class Frozen(BaseModel):
    """An immutable model that refuses keys it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Names(Frozen):
    """A label in Vietnamese and in English."""

    vi: str
    en: str


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
    _report_models: dict[Lang, type["Report"]] = PrivateAttr(default_factory=dict)

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

    @property
    def report_model(self) -> type["Report"]:
        """The model of a report on these targets (see :func:`report_model`), built once for
        each language its schema describes targets in."""
        lang = current()
        if lang not in self._report_models:
            self._report_models[lang] = report_model(self)
        return self._report_models[lang]


# --- periods -------------------------------------------------------------------------------------

PERIOD_TEXT = r"([0-9]{4})(?:-(?:Q([1-4])|(H1)|(9M)|M(0[1-9]|1[0-2])))?"
"""The forms of a period: 2024, 2024-Q1..Q4, 2024-H1, 2024-9M, 2024-M01..M12."""
_PERIOD = re.compile(PERIOD_TEXT, re.IGNORECASE)


_QUARTERS = ("I", "II", "III", "IV")
"""Quarters as Vietnamese reports number them."""
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


class Period(NamedTuple):
    """The stretch of a year a report covers, always from 1 January."""

    year: int
    kind: PeriodKind
    months: int

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Parse '2024', '2024-Q3', '2024-H1', '2024-9M' or '2024-M05', or a period in words
        ('9 tháng đầu năm 2024', 'Quý III/2024', 'first half of 2024'); ValueError otherwise."""
        match = _PERIOD.fullmatch(text.strip())
        if not match:
            return cls._spoken(text)
        year, quarter, half, nine, month = match.groups()
        if quarter:
            return cls(int(year), PeriodKind.QUARTER, 3 * int(quarter))
        if half:
            return cls(int(year), PeriodKind.HALF, 6)
        if nine:
            return cls(int(year), PeriodKind.NINE_MONTHS, 9)
        if month:
            return cls(int(year), PeriodKind.MONTH, int(month))
        return cls(int(year), PeriodKind.YEAR, 12)

    @classmethod
    def _spoken(cls, text: str) -> "Period":
        from nq94.spoken import spoken_period

        found = spoken_period(text)
        if found is None:
            raise ValueError(text)
        year, months, kind = found
        if kind == "q" or (not kind and months == 3):
            return cls(year, PeriodKind.QUARTER, months)
        if kind == "m" or months not in (6, 9, 12):
            return cls(year, PeriodKind.MONTH, months)
        named = {6: PeriodKind.HALF, 9: PeriodKind.NINE_MONTHS, 12: PeriodKind.YEAR}
        return cls(year, named[months], months)

    @classmethod
    def all_of(cls, year: int) -> list["Period"]:
        """Every period a report of ``year`` may cover, the year first."""
        return [
            cls(year, PeriodKind.YEAR, 12),
            *(cls(year, PeriodKind.QUARTER, 3 * quarter) for quarter in range(1, 5)),
            cls(year, PeriodKind.HALF, 6),
            cls(year, PeriodKind.NINE_MONTHS, 9),
            *(cls(year, PeriodKind.MONTH, month) for month in range(1, 13)),
        ]

    def project(self, value: Decimal) -> Decimal:
        """A year-to-date flow projected linearly to the year end (value / elapsed fraction).

        Computed as value * 12 / months, so 15000 after 9 months is exactly 20000.
        """
        return value * 12 / self.months

    @property
    def is_year_end(self) -> bool:
        """Whether the period runs to the end of the year."""
        return self.months == 12

    @property
    def elapsed(self) -> Decimal:
        """The fraction of the year the period covers: 0.5 for H1, 0.75 for 9 months."""
        return Decimal(self.months) / 12

    @property
    def short_names(self) -> Names:
        """A column heading for the period: '6 tháng 2024' in Vietnamese, '6 months 2024' in
        English."""
        year, months = self.year, self.months
        match self.kind:
            case PeriodKind.YEAR:
                return Names(vi=f"Năm {year}", en=str(year))
            case PeriodKind.QUARTER:
                quarter = months // 3
                return Names(vi=f"Quý {_QUARTERS[quarter - 1]}/{year}", en=f"Q{quarter} {year}")
            case PeriodKind.MONTH if months == 1:
                return Names(vi=f"Tháng 1/{year}", en=f"January {year}")
            case _:
                return Names(vi=f"{months} tháng {year}", en=f"{months} months {year}")

    @property
    def part_names(self) -> Names:
        """The part of its year the period is, without the year, for a chart of one year:
        '9 tháng', 'Cả năm'."""
        months = self.months
        match self.kind:
            case PeriodKind.YEAR:
                return Names(vi="Cả năm", en="Full year")
            case PeriodKind.QUARTER:
                quarter = months // 3
                return Names(vi=f"Quý {_QUARTERS[quarter - 1]}", en=f"Q{quarter}")
            case PeriodKind.MONTH if months == 1:
                return Names(vi="Tháng 1", en="January")
            case _:
                return Names(vi=f"{months} tháng", en=f"{months} months")

    @property
    def names(self) -> Names:
        """What the period is called in Vietnamese and in English: 6 tháng đầu năm 2024."""
        year, months = self.year, self.months
        match self.kind:
            case PeriodKind.YEAR:
                return Names(vi=f"cả năm {year}", en=f"full year {year}")
            case PeriodKind.QUARTER:
                roman = _QUARTERS[months // 3 - 1]
                return Names(
                    vi=f"quý {roman} năm {year} (lũy kế từ đầu năm)",
                    en=f"{year} Q{months // 3}, year to date",
                )
            case PeriodKind.MONTH if months == 1:
                return Names(vi=f"tháng 1 năm {year}", en=f"January {year}")
            case PeriodKind.MONTH:
                return Names(
                    vi=f"{months} tháng đầu năm {year}",
                    en=f"January to {_MONTHS[months - 1]} {year}",
                )
            case _:  # the half year and the nine months
                english = "first half" if months == 6 else "first nine months"
                return Names(vi=f"{months} tháng đầu năm {year}", en=f"{english} of {year}")

    def __str__(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return str(self.year)
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.months // 3}"
            case PeriodKind.HALF:
                return f"{self.year}-H1"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.MONTH:
                return f"{self.year}-M{self.months:02d}"


def parse_period(value: Any) -> Period:
    """A period from text ('2024-9M') or a whole YAML number (2024); ValueError otherwise."""
    if (
        isinstance(value, Decimal)
        and value.is_finite()
        and 1000 <= value <= 9999
        and value == int(value)
    ):
        value = str(int(value))
    if isinstance(value, str):
        return Period.parse(value)
    raise ValueError(value)


BASIS_TEXT = basis_pattern()
"""How a basis may be written, as the JSON Schema says it: official, estimate, ước tính..."""


def as_text(value: Any) -> Any:
    """A source or a note YAML read as a number or a date (source: 263, note: 2024-11-12),
    as the text written: provenance, not a figure."""
    if isinstance(value, YamlDate):
        return value.text
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    return value


Provenance = Annotated[
    str,
    BeforeValidator(as_text, json_schema_input_type=Union[str, float]),  # noqa: UP007
]
"""Where a figure comes from, or a note on it: text, whatever YAML would make of it."""


# --- reports -------------------------------------------------------------------------------------


class Figure(Frozen):
    """A reported figure: its numbers, where it comes from (``source``) and a ``note``."""

    @field_validator("value", "baseline", "current", mode="before", check_fields=False)
    @classmethod
    def _given(cls, value: Any, info: ValidationInfo) -> Any:
        """A key given with nothing after it is a figure forgotten, not a figure of none."""
        if value is None:
            raise invalid("err.empty_key", key=info.field_name)
        return value


class ValueEntry(Figure):
    """A reported figure of a target whose value is not derived: the value itself."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.entry"})

    value: Number = Field(description="schema.value")
    source: Provenance | None = Field(None, description="schema.source")
    note: Provenance | None = Field(None, description="schema.note")
    baseline: ClassVar[None] = None
    current: ClassVar[None] = None
    derived: ClassVar[bool] = False


class Entry(Figure):
    """A reported figure of a growth or change target: a value, or a baseline and a current
    figure to derive it from."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "schema.entry",
            "oneOf": [
                {
                    "required": ["value"],
                    "not": {"anyOf": [{"required": ["baseline"]}, {"required": ["current"]}]},
                },
                {"required": ["baseline", "current"], "not": {"required": ["value"]}},
            ],
        }
    )

    value: Number | None = Field(None, description="schema.value")
    baseline: Number | None = Field(None, description="schema.baseline")
    current: Number | None = Field(None, description="schema.current")
    source: Provenance | None = Field(None, description="schema.source")
    note: Provenance | None = Field(None, description="schema.note")

    @model_validator(mode="after")
    def _value_or_derived(self) -> Self:
        """A value, or both a baseline and a current figure: never both, never half."""
        if self.value is not None and (self.baseline is not None or self.current is not None):
            raise invalid("err.value_and_derived")
        if self.value is None and (self.baseline is None or self.current is None):
            raise invalid("err.value_or_derived")
        return self

    @property
    def derived(self) -> bool:
        """Whether the value is to be derived from a baseline and a current figure."""
        return self.value is None


def _growth_baseline(baseline: Decimal | None) -> Decimal | None:
    if baseline == 0:
        raise invalid("err.zero_baseline")
    return baseline


class GrowthEntry(Entry):
    """A reported figure of a growth target, whose baseline divides."""

    baseline: Annotated[
        Number | None,
        AfterValidator(_growth_baseline),
        Field(json_schema_extra={"not": {"const": 0}}),
    ] = Field(None, description="schema.baseline")


AnyEntry = Entry | ValueEntry
"""A reported figure, as the target it is for allows it."""


def derive(target: Target, entry: AnyEntry) -> Decimal:
    """The value of an entry: as given, or derived from baseline and current for its kind."""
    if entry.value is not None:
        return entry.value
    assert entry.baseline is not None
    assert entry.current is not None
    if target.kind is Kind.GROWTH:
        return (entry.current / entry.baseline - 1) * 100
    return entry.baseline - entry.current


def _basis(value: Any) -> Any:
    """A basis as reports write it, in any case: 'Official', 'ước tính', 'chính thức'."""
    if isinstance(value, str):
        from nq94.spoken import spoken_basis

        return spoken_basis(value) or value
    return value


def _parse_period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except ValueError:
        hint = ""
        if isinstance(value, str):
            from nq94.spoken import suggestion

            year = re.search(r"[0-9]{4}", value)
            codes = [str(p) for p in Period.all_of(int(year[0]))] if year else []
            if close := suggestion(value, codes):
                hint = "; " + t("err.did_you_mean", name=close)
        raise invalid("err.expected_period", got=describe(value), hint=hint) from None


class Report(Frozen):
    """The figures of one period, as an actuals file gives them.

    This model checks a report's shape alone; :func:`report_model` builds the model that checks
    it against a targets file (``nq94.Report`` is the one for the built-in targets).
    """

    model_config = ConfigDict(json_schema_extra={"description": "schema.report"})

    expected: ClassVar[str] = "err.expected_report"
    """What a document that is not a mapping was expected to be."""
    targets: ClassVar[TargetsFile | None] = None
    """The targets file the model checks reports against."""

    period: Annotated[Period, PlainValidator(_parse_period), PlainSerializer(str)]
    basis: Annotated[
        Basis,
        BeforeValidator(_basis, json_schema_input_type=Annotated[str, Field(pattern=BASIS_TEXT)]),
    ] = Field(Basis.OFFICIAL, description="schema.basis")
    source: Provenance | None = Field(None, description="schema.report_source")
    values: dict[str, AnyEntry] = Field(description="schema.values")

    @property
    def is_final(self) -> bool:
        """Official figures for a whole year: compared strictly, without an at-risk margin."""
        return self.basis is Basis.OFFICIAL and self.period.is_year_end


class Values(Frozen):
    """The figures of a report by target id; the base of each targets file's own model."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.values"})

    targets: ClassVar[TargetsFile]

    def entries(self) -> dict[str, AnyEntry]:
        """The figures given, by target id, in the targets file's order."""
        found: dict[str, AnyEntry] = {}
        for target in self.targets.targets:
            entry = getattr(self, _field_name(target.id))
            if entry is not None:
                found[target.id] = entry
        return found


def _field_name(target_id: str) -> str:
    # ids are names people chose; as attribute names they could shadow pydantic's own
    return f"target_{target_id}"


def period_problem(period: Period, targets: TargetsFile) -> str | None:
    """Why ``period`` cannot be reported against ``targets``: a year other than theirs."""
    resolution = targets.resolution
    if period.year == resolution.year:
        return None
    return t("err.period_year", period=period, year=resolution.year, number=resolution.number)


def _period_of(targets: TargetsFile, value: Any) -> Period:
    period = _parse_period(value)
    if problem := period_problem(period, targets):
        raise PydanticCustomError("err.period_year", problem, {"at": ()})
    return period


def _entry_of(target: Target, raw: Any) -> Any:
    """A figure as the entry model takes it: a bare number becomes its value; text is read as a
    number the target's plausible range can settle ('19.515' billion VND is 19515)."""
    if raw is None:
        raise invalid("err.empty_value")
    if isinstance(raw, Figure):
        return raw
    percent = target.measure is Measure.PERCENT
    if not isinstance(raw, dict):
        return {"value": _number(raw, target.plausible, percent=percent)}
    if target.kind not in DERIVABLE and ("baseline" in raw or "current" in raw):
        raise invalid("err.not_derivable", kind=target.kind)
    if isinstance(raw.get("value"), str):
        value = _number(raw["value"], target.plausible, at=("value",), percent=percent)
        return {**raw, "value": value}
    return raw


def _plausible(target: Target, entry: AnyEntry) -> AnyEntry:
    """A figure is refused outside the target's plausible range, and a count must be whole."""
    value = derive(target, entry)
    at = () if entry.derived else ("value",)
    if target.measure is Measure.COUNT and value != value.to_integral_value():
        raise invalid("err.whole_count", at=at, value=plain(value))
    low, high = target.plausible
    if low <= value <= high:
        return entry
    key = "err.implausible_derived" if entry.derived else "err.implausible"
    words = {  # a figure as the file wrote it; a derived one and the range as the reader writes
        "value": _derived(value) if entry.derived else str(value),
        "low": number(low, places=20),
        "high": number(high, places=20),
        "unit": pick(target.unit),
    }
    message = t(key, **words)
    if not entry.derived and (meant := misread_thousands(value, target.plausible)):
        message += t("err.thousands_hint", value=f"'{value}'", meant=plain(meant))
    raise PydanticCustomError(key, message, {**words, "at": at})


def _derived(value: Decimal) -> str:
    """A derived figure as a message says it: to four decimals, not the 28 digits a division
    leaves (1E+52 as it is)."""
    return number(value, places=4) if abs(value) < 10**15 else str(value.normalize())


def _value_field(target: Target) -> tuple[Any, Any]:
    """The field of a target in a values model: what it accepts, and its JSON Schema."""
    model = (
        GrowthEntry
        if target.kind is Kind.GROWTH
        else Entry
        if target.kind in DERIVABLE
        else ValueEntry
    )
    low, high = target.plausible
    whole = target.measure is Measure.COUNT

    # closures, not functools.partial: pydantic names each validator by its repr, and a
    # partial's repr writes out the whole target, which costs a second for 2,000 targets
    def entry(raw: Any) -> Any:
        return _entry_of(target, raw)

    def plausible(figure: AnyEntry) -> AnyEntry:
        return _plausible(target, figure)

    field = Annotated[
        model,  # type: ignore[valid-type]  # absent: None, the default; null is refused
        BeforeValidator(entry, json_schema_input_type=_accepted(model, low, high, whole)),
        AfterValidator(plausible),
    ]
    return field, Field(None, alias=target.id, description=target_description(target))


@cache
def _accepted(model: type[Figure], low: Decimal, high: Decimal, whole: bool) -> Any:
    """What a target's figure may be written as: a number in its plausible range (whole, for
    counts), text such as "7,5", or the entry mapping. Made once for targets that share it."""
    bounds = Field(ge=_json_number(low), le=_json_number(high), multiple_of=1 if whole else None)
    return Union[Annotated[float, bounds], NumberText, model]  # noqa: UP007


def target_description(target: Target) -> str:
    """A target as the JSON Schema describes it: the resolution's words, the range."""
    low, high = target.plausible
    return t(
        "schema.target",
        words=target.words,
        required=requirement(target),
        low=plain(low),
        high=plain(high),
    )


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


def _values(model: Values) -> dict[str, AnyEntry]:
    """The figures given, by target id, once the rules across targets hold among them."""
    entries = model.entries()
    by_id = model.targets.by_id
    figures = {key: derive(by_id[key], entry) for key, entry in entries.items()}
    for rule in model.targets.rules:
        if broken := rule.broken(figures):
            raise broken
    return entries


def report_model(targets: TargetsFile) -> type[Report]:
    """The model of a report on ``targets``: each target an optional field of ``values``, with
    its plausible range and the forms its figure may take; the period in their year.

    Built once per targets file (``targets.report_model``).
    """
    year = targets.resolution.year
    values: type[Values] = create_model(  # type: ignore[call-overload]
        "Values",
        __base__=Values,
        __doc__=Values.__doc__,
        **{_field_name(target.id): _value_field(target) for target in targets.targets},
    )
    values.targets = targets
    period_text = Annotated[str, Field(pattern=period_pattern(year))]
    period_year = Annotated[int, Field(ge=year, le=year)]
    accepted = Union[period_text, period_year]  # noqa: UP007

    def period(value: Any) -> Period:
        return _period_of(targets, value)

    values_type: Any = Annotated[values, AfterValidator(_values), PlainSerializer(_dump_values)]
    model: type[Report] = create_model(
        "Report",
        __base__=Report,
        __doc__=Report.__doc__,
        period=(
            Annotated[
                Period,
                PlainValidator(period, json_schema_input_type=accepted),
                PlainSerializer(str),
            ],
            Field(description="schema.period"),
        ),
        values=(values_type, Field(description="schema.values")),
    )
    model.targets = targets
    return model


def _dump_values(values: dict[str, AnyEntry]) -> dict[str, Any]:
    return {key: entry.model_dump(exclude_none=True) for key, entry in values.items()}


def period_pattern(year: int) -> str:
    """The JSON Schema pattern of a period of ``year`` as text, in any case: 2024-9M, 2024-9m,
    or in words, as nq94 reads them ('9 tháng đầu năm 2024')."""
    from nq94.spoken import schema_pattern

    return schema_pattern(rf"{year}(-([Qq][1-4]|[Hh]1|9[Mm]|[Mm](0[1-9]|1[0-2])))?", year)


def looks_like_fraction(target: Target, entry: AnyEntry) -> bool:
    """Whether a reported percent looks typed as a fraction: 0.95 for a target of 95 %, as a
    spreadsheet's percent cell holds it. Only for targets of 10 % or more, where no figure
    in (0, 1.5] is likely."""
    value = entry.value
    return (
        value is not None
        and target.measure is Measure.PERCENT
        and target.threshold >= _FRACTION_FROM
        and 0 < value <= _FRACTION_AT_MOST
    )


_FRACTION_FROM = Decimal(10)
_FRACTION_AT_MOST = Decimal("1.5")


def closest(name: str, names: Iterable[str]) -> str | None:
    """The known name most like a mistyped one, if any is close."""
    import difflib  # only when a name is unknown

    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def misread_thousands(value: Decimal, plausible: tuple[Decimal, Decimal]) -> Decimal | None:
    """The plausible value meant when a '.' between thousands was read as a decimal point.

    19.515 (billion VND) is implausible for a budget; 19515 is what the resolution's
    "19.515 tỷ đồng" means.
    """
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent % 3 or exponent >= 0:
        return None
    meant = value.scaleb(-exponent)
    low, high = plausible
    return meant if low <= meant <= high else None
