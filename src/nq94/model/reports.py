"""A report as pydantic models: its period, basis and figures, and the model built from a
targets file that checks a report against it; pure, no I/O."""

import datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, ClassVar, Self, Union

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, PydanticUndefined

from nq94.i18n import current, number, pick, t
from nq94.model.document import TargetsFile
from nq94.model.numtext import plain, typed
from nq94.model.periods import Period, parse_period, period_pattern, suggested, written_year
from nq94.model.spoken import basis_pattern
from nq94.model.targets import DERIVABLE, DIVIDED, Kind, Measure, Stage, Target, requirement
from nq94.model.values import (
    Frozen,
    Number,
    NumberText,
    YamlDate,
    _json_number,
    _number,
    describe,
    invalid,
    misread_thousands,
)


class Basis(StrEnum):
    """Whether a report's figures are final or not: official figures are; an estimate (ước
    tính, ước thực hiện) and preliminary figures (sơ bộ) are not, and are judged alike."""

    OFFICIAL = "official"
    ESTIMATE = "estimate"
    PRELIMINARY = "preliminary"

    @property
    def stage(self) -> int:
        """Where the basis stands in a period's reporting cycle: the estimate, then the
        preliminary figures, then the official ones."""
        match self:
            case Basis.ESTIMATE:
                return 0
            case Basis.PRELIMINARY:
                return 1
            case Basis.OFFICIAL:
                return 2


BASIS_TEXT = basis_pattern()
"""How a basis may be written, as the JSON Schema says it: official, estimate, sơ bộ..."""


def as_text(value: Any) -> Any:
    """A source or a note YAML read as a number or a date (source: 263, note: 2026-11-12),
    as the text written: provenance, not a figure. Python's numbers and dates too, as
    ``yaml.safe_load`` gives them to the API."""
    if isinstance(value, YamlDate):
        return value.text
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    if isinstance(value, int | float | datetime.date) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    return value


Provenance = Annotated[
    str,
    BeforeValidator(as_text, json_schema_input_type=Union[str, float]),  # noqa: UP007
]
"""Where a figure comes from, or a note on it: text, whatever YAML would make of it."""


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
    if target.kind is Kind.INDEX:
        return entry.current / entry.baseline * 100
    return entry.baseline - entry.current


def _basis(value: Any) -> Any:
    """A basis as reports write it, in any case: 'Official', 'ước tính', 'chính thức'."""
    if isinstance(value, str):
        from nq94.model.spoken import spoken_basis

        return spoken_basis(value) or value
    return value


def _parse_period(value: Any, year: int | None = None) -> Period:
    """A report's period; refused with the forms of a period of ``year`` (the targets' year,
    else the one the text gives, else this year) and the closest to what was written."""
    if isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except ValueError:
        written = written_year(value) if isinstance(value, str) else None
        close = suggested(value) if isinstance(value, str) else None
        hint = "; " + t("err.did_you_mean", name=close) if close else ""
        shown = year or written or datetime.date.today().year
        raise invalid("err.expected_period", got=describe(value), hint=hint, year=shown) from None


class Report(Frozen):
    """The figures of one period, as an actuals file gives them.

    This model checks a report's shape alone; :func:`report_model` builds the model that checks
    it against a targets file (``nq94.Report`` is the one for the built-in targets).
    """

    # a base: built only as the model of each targets file is (build_report_model)
    model_config = ConfigDict(json_schema_extra={"description": "schema.report"}, defer_build=True)

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
    targets_file: str | None = Field(None, alias="targets", description="schema.report_targets")
    values: dict[str, AnyEntry] = Field(description="schema.values")

    @property
    def is_final(self) -> bool:
        """Official figures for a whole year: compared strictly, without an at-risk margin."""
        return self.stage is Stage.FINAL

    @property
    def stage(self) -> Stage:
        """Final (official, the whole year), an estimate of the whole year, or a part of it."""
        if not self.period.is_year_end:
            return Stage.PART
        return Stage.FINAL if self.basis is Basis.OFFICIAL else Stage.ESTIMATE


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
    year = targets.year
    if period.year == year:
        return None
    source = targets.origin or t("targets.builtin")
    return t(
        "err.period_year", period=period, year=year, targets=source, document=targets.document.name
    )


def _period_of(targets: TargetsFile, value: Any) -> Period:
    period = _parse_period(value, targets.year)
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
        "value": _derived(value) if entry.derived else format(value, "f"),  # 760, not 7.6E+2
        "low": number(low, places=20),
        "high": number(high, places=20),
        "unit": pick(target.unit),
    }
    message = t(key, **words)
    if not entry.derived and (meant := misread_thousands(value, target.plausible)):
        message += t("err.thousands_hint", value=f"'{value}'", meant=plain(meant))
    elif target.kind is Kind.GROWTH and 100 < value <= 100 + high:  # 106,05 "so với cùng kỳ"
        message += t("err.index_hint", value=typed(value), growth=typed(value - 100))
    raise PydanticCustomError(key, message, {**words, "at": at})


def _derived(value: Decimal) -> str:
    """A derived figure as a message says it: to four decimals, not the 28 digits a division
    leaves (1E+52 as it is)."""
    return number(value, places=4) if abs(value) < 10**15 else str(value.normalize())


def _value_field(target: Target, *, described: bool) -> tuple[Any, Any]:
    """The field of a target in a values model: what it accepts, and, when ``described``, its
    JSON Schema (the forms a figure may take, and the target in words)."""
    model = (
        GrowthEntry if target.kind in DIVIDED else Entry if target.kind in DERIVABLE else ValueEntry
    )
    low, high = target.plausible
    whole = target.measure is Measure.COUNT

    # closures, not functools.partial: pydantic names each validator by its repr, and a
    # partial's repr writes out the whole target, which costs a second for 2,000 targets
    def entry(raw: Any) -> Any:
        return _entry_of(target, raw)

    def plausible(figure: AnyEntry) -> AnyEntry:
        return _plausible(target, figure)

    # undescribed: the same validation, without a schema of the forms a figure may take
    accepted = _accepted(model, low, high, whole) if described else PydanticUndefined
    field = Annotated[
        model,  # type: ignore[valid-type]  # absent: None, the default; null is refused
        BeforeValidator(entry, json_schema_input_type=accepted),
        AfterValidator(plausible),
    ]
    description = target_description(target) if described else None
    return field, Field(None, alias=target.id, description=description)


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


def _values(model: Values) -> dict[str, AnyEntry]:
    """The figures given, by target id, once the rules across targets hold among them."""
    entries = model.entries()
    by_id = model.targets.by_id
    figures = {key: derive(by_id[key], entry) for key, entry in entries.items()}
    for rule in model.targets.rules:
        if broken := rule.broken(figures):
            raise broken
    return entries


def report_model(targets: TargetsFile, *, described: bool = True) -> type[Report]:
    """The model of a report on ``targets``, built once for each.

    ``described``: with its JSON Schema in the language spoken now (each target in words, the
    forms its figure may take); without, the same validation, built in about half the time, for
    reading reports.
    """
    key = current() if described else None
    models = targets._report_models  # the targets file holds its models
    if key not in models:
        models[key] = build_report_model(targets, described=described)
    built: type[Report] = models[key]
    return built


def build_report_model(targets: TargetsFile, *, described: bool = True) -> type[Report]:
    """The model of a report on ``targets``: each target an optional field of ``values``, with
    its plausible range and the forms its figure may take; the period in their year.

    Built once per targets file and language, and once undescribed (:func:`report_model`).
    """
    year = targets.year
    values: type[Values] = create_model(  # type: ignore[call-overload]
        "Values",
        __base__=Values,
        __doc__=Values.__doc__,
        **{
            _field_name(target.id): _value_field(target, described=described)
            for target in targets.targets
        },
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
        __cls_kwargs__={"defer_build": False},
        period=(
            Annotated[
                Period,
                PlainValidator(period, json_schema_input_type=accepted if described else Any),
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


def looks_like_fraction(target: Target, entry: AnyEntry) -> bool:
    """Whether a reported figure looks typed as a fraction, as a spreadsheet's percent cell holds
    it: 0.95 for a target of 95 %, or 0.0085 ("0,85%" reformatted as a number) for a target of
    0.8 percentage points.

    A percent: for targets of 10 % or more, where no figure in (0, 1.5] is likely. Points: for
    a target above 0, a figure a hundred times which is within a factor of 3 of the target (and
    so itself at most 3 % of it), where a figure as small is no likelier than a slip.
    """
    value = entry.value
    if value is None or value <= 0:
        return False
    if target.measure is Measure.PERCENT:
        return target.threshold >= _FRACTION_FROM and value <= _FRACTION_AT_MOST
    if target.measure is Measure.POINTS and target.threshold > 0:
        meant = value * 100
        return target.threshold / _POINTS_FACTOR <= meant <= target.threshold * _POINTS_FACTOR
    return False


_FRACTION_FROM = Decimal(10)
_FRACTION_AT_MOST = Decimal("1.5")
_POINTS_FACTOR = 3
