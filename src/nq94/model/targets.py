"""A target as pydantic models: what a document requires of one figure, how far from it a figure
that is not final is at risk, and the other documents' requirements on the same figure; pure,
no I/O."""

import re
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal, NamedTuple, Self, Union

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, model_validator

from nq94.i18n import Lang, current, number, pick, t
from nq94.model.values import Frozen, Label, Names, Number, describe, invalid


class Status(StrEnum):
    """How a target stands in a report, from best to worst."""

    MET = "met"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NO_DATA = "no_data"
    NOT_ASSESSED = "not_assessed"
    """A flow or a count in a report of a part of the year alone, which cannot be projected to
    the year: shown, never counted for or against the target."""


class Stage(StrEnum):
    """What a report can say of a target's year, which decides the words of its statuses:
    official figures of the whole year are final (met, missed); an estimate of the year says
    likely met, at risk or likely missed; a part of the year, on track, at risk or off track."""

    FINAL = "final"
    ESTIMATE = "estimate"
    PART = "part"


class Operator(StrEnum):
    """How an actual value is compared with a target's threshold."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    BETWEEN = "between"
    APPROX = "≈"


class Better(StrEnum):
    """Which side of a range or an "about" a plan means: a range of growth is a floor with room
    above it, a range of a share of farm labour a ceiling."""

    HIGHER = "higher"
    LOWER = "lower"


class Kind(StrEnum):
    """What sort of quantity a target measures; decides derivation and projection."""

    GROWTH = "growth"
    SHARE = "share"
    RATE = "rate"
    LEVEL = "level"
    FLOW = "flow"
    COUNT = "count"
    CHANGE = "change"
    INDEX = "index"


class Measure(StrEnum):
    """The nature of a target's unit; decides the default at-risk margin."""

    PERCENT = "percent"
    POINTS = "points"
    AMOUNT = "amount"
    COUNT = "count"
    RATIO = "ratio"


DERIVABLE = frozenset({Kind.GROWTH, Kind.CHANGE, Kind.INDEX})
"""Kinds whose value may be given as a baseline and a current figure."""
DIVIDED = frozenset({Kind.GROWTH, Kind.INDEX})
"""Kinds derived by dividing by the baseline, which cannot be 0."""

DEFAULT_APPROX_TOLERANCE = Decimal("1.0")
"""How far from an "about" figure still meets it, in a format 1 file that does not say."""
_PERCENT_MARGIN = Decimal("0.5")
_AMOUNT_MARGIN_SHARE = Decimal("0.02")
_MARGIN_SHARE_AT_MOST = Decimal("0.1")

TARGET_ID = r"^[a-z][a-z0-9_]*$"
"""The form of a target id."""
OPERATOR_ALIASES = {
    "approx": Operator.APPROX,
    "about": Operator.APPROX,
    "~": Operator.APPROX,
    "≥": Operator.GE,
    "≤": Operator.LE,
}
"""Other ways to write an operator: the signs as documents print them, and words."""

PLAUSIBLE = {
    Measure.PERCENT: (Decimal(0), Decimal(100)),
    Measure.POINTS: (Decimal(-100), Decimal(100)),
    Measure.AMOUNT: (Decimal(0), Decimal(10) ** 15),
    Measure.RATIO: (Decimal(0), Decimal(10) ** 15),
    Measure.COUNT: (Decimal(0), Decimal(10) ** 9),
}
"""The plausible range of a figure whose target does not give one, by its measure."""
PLAUSIBLE_PERCENT = {
    Kind.GROWTH: (Decimal(-100), Decimal(1000)),
    Kind.CHANGE: (Decimal(-100), Decimal(100)),
    Kind.INDEX: (Decimal(0), Decimal(1000)),
}
"""Percent figures that are not parts of a whole: a growth rate, a change, an index."""


def _target_id(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(TARGET_ID, value):
        raise invalid("err.expected_id", pattern=TARGET_ID, got=describe(value))
    return value


def _operator(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    spoken = value.strip()
    found = OPERATOR_ALIASES.get(spoken.lower()) or OPERATOR_ALIASES.get(spoken)
    if found is not None:
        return found
    if spoken not in set(Operator):
        from nq94.model.values import closest

        known = [*Operator, *OPERATOR_ALIASES]
        close = closest(spoken, known)
        hint = "; " + t("err.did_you_mean", name=close) if close else ""
        options = ", ".join(f"'{each}'" for each in Operator)
        raise invalid("err.expected_operator", got=describe(value), options=options, hint=hint)
    return spoken


def _pair(value: Any) -> Any:
    if not (isinstance(value, list | tuple) and len(value) == 2):
        raise invalid("err.expected_pair", got=describe(value))
    return value


QUARTERS: tuple["Quarter", ...] = ("Q1", "Q2", "Q3", "Q4")


def _quarter(value: Any) -> Any:
    """A path's or its weights' key is a quarter, written Q1..Q4."""
    if value in QUARTERS:
        return value
    from nq94.model.values import closest

    close = closest(value.strip().upper(), QUARTERS) if isinstance(value, str) else None
    hint = "; " + t("err.did_you_mean", name=close) if close else ""
    quarters = t("err.or", first=", ".join(f"'{q}'" for q in QUARTERS[:-1]), last="'Q4'")
    raise invalid("err.quarter_key", quarters=quarters, got=describe(value), hint=hint)


Quarter = Annotated[Literal["Q1", "Q2", "Q3", "Q4"], BeforeValidator(_quarter)]
"""A quarter, as a path's and its weights' keys name it."""


def _season_key(key: str) -> str:
    """A season's key is a period to date within the year: H1, 9M, 3M, 5M..."""
    from nq94.model.periods import Period

    try:
        period = Period.parse(f"2000-{key.strip()}")
    except ValueError:
        period = None
    if period is None or period.alone or period.is_year_end:
        raise invalid("err.season_key", key=key)
    return str(period).removeprefix("2000-")


class Side(NamedTuple):
    """A requirement that one side of a figure decides: at least (or above, at most, below)
    ``edge``."""

    operator: Operator
    edge: Decimal


class Requirement(Frozen):
    """What a document requires of a figure: a comparison with a threshold ("từ 8,5% trở lên"),
    a range ("6,5–7%") or an "about" ("khoảng 82.789 tỷ"), which a plan may mean one-sided."""

    model_config = ConfigDict(defer_build=True)  # a base: built only as Target and Also are

    operator: Annotated[Operator, BeforeValidator(_operator)] = Field(
        description="schema.targets.operator"
    )
    threshold: Number = Field(description="schema.targets.threshold")
    upper: Number | None = Field(None, description="schema.targets.upper")
    better: Better | None = Field(None, description="schema.targets.better")
    tolerance: Number | None = Field(None, description="schema.targets.tolerance")
    margin: Number | None = Field(None, description="schema.targets.margin")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        """A requirement that contradicts itself is refused, at its first contradiction."""
        if (self.operator is Operator.BETWEEN) != (self.upper is not None):
            raise invalid("err.upper_between")
        if self.upper is not None and self.upper <= self.threshold:
            raise invalid("err.upper_above")
        if self.tolerance is not None and self.operator is not Operator.APPROX:
            raise invalid("err.tolerance_approx")
        if self.tolerance is not None and self.tolerance < 0:
            raise invalid("err.tolerance_negative", at=("tolerance",))
        if self.better is not None and self.operator not in (Operator.BETWEEN, Operator.APPROX):
            raise invalid("err.better_range", at=("better",))
        if self.margin is not None and self.margin < 0:
            raise invalid("err.margin_negative")
        return self

    @property
    def asks(self) -> tuple[object, ...]:
        """What the requirement asks, to tell whether an amendment changed it."""
        return (self.operator, self.threshold, self.upper, self.better, self.tolerance)

    @property
    def within(self) -> Decimal:
        """How far from an "about" figure still meets it."""
        return self.tolerance if self.tolerance is not None else DEFAULT_APPROX_TOLERANCE

    @property
    def band(self) -> tuple[Decimal, Decimal] | None:
        """The range 'between' and '≈' name (the planned range, whatever side ``better``
        means); None for one-sided requirements."""
        if self.operator is Operator.BETWEEN:
            assert self.upper is not None  # see _consistent()
            return self.threshold, self.upper
        if self.operator is Operator.APPROX:
            return self.threshold - self.within, self.threshold + self.within
        return None

    @property
    def side(self) -> Side | None:
        """The one side that decides: a one-sided operator, or a range or "about" that
        ``better`` makes one-sided (met from its lower end up, or up to its upper end); None
        for a two-sided band."""
        band = self.band
        if band is None:
            return Side(self.operator, self.threshold)
        if self.better is Better.HIGHER:
            return Side(Operator.GE, band[0])
        if self.better is Better.LOWER:
            return Side(Operator.LE, band[1])
        return None

    @property
    def upward(self) -> bool:
        """Whether a higher figure is better (a floor), rather than a lower one (a ceiling); a
        two-sided band counts as upward."""
        side = self.side
        return side is None or side.operator in (Operator.GE, Operator.GT)

    def margin_for(self, measure: "Measure") -> Decimal:
        """The margin around the deciding edge within which a figure that is not final is at
        risk: the requirement's own, else the measure's default (0.5 for percent and points, 2 %
        of the edge for amounts and ratios, 0 for counts), never more than a tenth of the edge
        (a margin of 0.5 points would swallow "from 0.8 points upward"). A two-sided band
        measures it from its threshold."""
        if self.margin is not None:
            return self.margin
        side = self.side
        edge = abs(side.edge if side is not None else self.threshold)
        match measure:
            case Measure.PERCENT | Measure.POINTS:
                default = _PERCENT_MARGIN
            case Measure.AMOUNT | Measure.RATIO:
                default = edge * _AMOUNT_MARGIN_SHARE
            case Measure.COUNT:
                default = Decimal(0)
        return min(default, edge * _MARGIN_SHARE_AT_MOST)


class Also(Requirement):
    """Another document's requirement on the same figure: the Government's assigned 8.5 %
    beside the Council's 10.5 %."""

    model_config = ConfigDict(
        json_schema_extra={"description": "schema.targets.also_entry"}, defer_build=False
    )

    by: Label = Field(description="schema.targets.by")
    document: str = Field(description="schema.targets.also_document")


Stretch = Annotated[
    Union[Number, Annotated[tuple[Number, Number], BeforeValidator(_pair)]],  # noqa: UP007
    Field(description="schema.targets.stretch"),
]
"""A "phấn đấu" level: a number, or a range of which the lower end is reached."""


class Target(Requirement):
    """One quantified aim of a document, with the words that set it."""

    model_config = ConfigDict(
        json_schema_extra={"description": "schema.targets.target"}, defer_build=False
    )

    id: Annotated[str, BeforeValidator(_target_id), Field(pattern=TARGET_ID)] = Field(
        description="schema.targets.id"
    )
    section: str = Field("", description="schema.targets.section")
    clause: str = Field("", description="schema.targets.clause")
    words: str = Field(description="schema.targets.words")
    part: str | None = Field(None, description="schema.targets.part")
    name: Names = Field(description="schema.targets.name")
    unit: Names = Field(description="schema.targets.unit")
    measure: Measure = Field(description="schema.targets.measure")
    kind: Kind = Field(description="schema.targets.kind")
    stretch: Stretch | None = None
    also: tuple[Also, ...] = Field((), description="schema.targets.also")
    given_plausible: Annotated[tuple[Number, Number], BeforeValidator(_pair)] | None = Field(
        None, alias="plausible", description="schema.targets.plausible"
    )
    path: dict[Quarter, Number] | None = Field(None, description="schema.targets.path")
    weights: dict[Quarter, Number] | None = Field(None, description="schema.targets.weights")
    season: dict[Annotated[str, AfterValidator(_season_key)], Number] | None = Field(
        None, description="schema.targets.season"
    )

    @model_validator(mode="after")
    def _plausible_holds(self) -> Self:
        """The plausible range is a range, and holds the threshold."""
        low, high = self.plausible
        if low >= high:
            raise invalid("err.plausible_order")
        if not low <= self.threshold <= high:
            raise invalid("err.threshold_plausible", at=("threshold",))
        return self

    @model_validator(mode="after")
    def _through_the_year(self) -> Self:
        """A quarterly path and weights are a growth target's, each of the four quarters; a
        season is a flow's, each share of the year's total between 0 and 1."""
        for key in ("path", "weights"):
            given = getattr(self, key)
            if given is None:
                continue
            if self.kind is not Kind.GROWTH:
                raise invalid("err.path_growth", at=(key,), key=key)
            if set(given) != set(QUARTERS):
                raise invalid("err.path_quarters", at=(key,), key=key)
        if self.weights is not None and any(weight <= 0 for weight in self.weights.values()):
            raise invalid("err.weights_positive", at=("weights",))
        if self.season is not None:
            if self.kind is not Kind.FLOW:
                raise invalid("err.season_flow", at=("season",))
            for key, share in self.season.items():
                if not 0 < share <= 1:
                    raise invalid("err.season_share", at=("season", key), key=key)
        return self

    def __hash__(self) -> int:
        # its path, weights and season are mappings: hashed by what names and requires it
        return hash((self.id, self.operator, self.threshold, self.words))

    @cached_property
    def plausible(self) -> tuple[Decimal, Decimal]:
        """A figure outside this range is an input error (a rate above 100), not a missed target:
        the target's own, else its measure's."""
        if self.given_plausible is not None:
            return self.given_plausible
        if self.measure is Measure.PERCENT and self.kind in PLAUSIBLE_PERCENT:
            return PLAUSIBLE_PERCENT[self.kind]
        return PLAUSIBLE[self.measure]

    @property
    def at_risk_margin(self) -> Decimal:
        """The margin within which a figure that is not final is at risk (see margin_for)."""
        return self.margin_for(self.measure)

    @property
    def at_risk_bands(self) -> tuple[tuple[Decimal, Decimal], ...]:
        """Where a figure that is not final is at risk, as charts draw it: from a margin below
        to a margin above each edge that decides (the threshold; the one edge of a range or an
        "about" meant one-sided; both edges of a two-sided band), within the plausible range;
        none without a margin. ``>= 7.5`` with margin 0.5 is at risk from 7 to 8."""
        margin = self.at_risk_margin
        if not margin:
            return ()
        side = self.side
        edges = (side.edge,) if side is not None else self.band or (self.threshold,)
        floor, ceiling = self.plausible
        return tuple((max(edge - margin, floor), min(edge + margin, ceiling)) for edge in edges)

    @property
    def ceiling(self) -> bool:
        """Whether the target asks for the most there can be ("Duy trì 100%"): a ">=" threshold
        at the top of the plausible range, met by a value at that top in any report."""
        return self.operator is Operator.GE and self.threshold == self.plausible[1]

    def season_share(self, months: int) -> Decimal | None:
        """The share of the year's total a flow's season expects in its first ``months`` months;
        None where the season does not list that period."""
        if self.season is None:
            return None
        from nq94.model.periods import Period

        for key, share in self.season.items():
            if Period.parse(f"2000-{key}").months == months:
                return share
        return None

    @property
    def stretch_level(self) -> Decimal | None:
        """The figure at which the stretch level is reached: the level, or the end of its range
        nearer the target (its lower end where a higher figure is better)."""
        if self.stretch is None:
            return None
        if isinstance(self.stretch, tuple):
            low, high = self.stretch
            return low if self.upward else high
        return self.stretch


def requirement(target: Target, other: Requirement | None = None) -> str:
    """What a target requires (or ``other`` requires of its figure), with its unit, in the
    language spoken now: '≥ 19,515 billion VND', '58.6 ± 1%', '6.5 to 7%, or more'."""
    core, side = _compared(other or target)
    return measured(core, pick(target.unit)) + side


_SYMBOL = {Operator.GE: "≥", Operator.GT: ">", Operator.LE: "≤", Operator.LT: "<"}


def comparison(target: Requirement) -> str:
    """What a requirement asks, e.g. '≥ 7.5', '< 3', '58.6 ± 1', '2 to 4'; a range or an
    "about" meant one-sided says so ('6.5 to 7, or more')."""
    core, side = _compared(target)
    return core + side


def _compared(target: Requirement) -> tuple[str, str]:
    """What a requirement asks, and what a plan's one side adds after its unit (', or more')."""
    if target.operator is Operator.APPROX:
        core = f"{_said(target.threshold)} ± {_said(target.within)}"
    elif target.operator is Operator.BETWEEN:
        assert target.upper is not None
        core = t("comparison.between", low=_said(target.threshold), high=_said(target.upper))
    else:
        return f"{_SYMBOL[target.operator]} {_said(target.threshold)}", ""
    if target.better is not None:
        return core, t(f"comparison.{target.better.value}")
    return core, ""


def _said(figure: Decimal) -> str:
    """A figure a document sets, with every decimal it was written with (0.005 is never 0.01)."""
    exponent = figure.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return number(figure, places=max(2, min(places, 20)))


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


def stretch_reached(target: Target, actual: Decimal) -> bool | None:
    """Whether ``actual`` reaches the target's stretch level; None without one."""
    level = target.stretch_level
    if level is None:
        return None
    return actual >= level if target.upward else actual <= level
