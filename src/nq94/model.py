"""The data of nq94: targets, periods, reports and the checks across them; pure, no I/O.

Immutable records (named tuples, which cost a tenth of a frozen dataclass to define at start-up;
Entry and Report stay dataclasses, from which pydantic generates the JSON Schema), built from
files by :mod:`nq94.reader`, which checks their shape and locates every problem. Kept free of
heavy imports: every command pays for this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, NamedTuple

from nq94.i18n import pick, t
from nq94.numtext import NumberError, read_number
from nq94.yamldoc import YamlDate

Path = tuple[str, ...]


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
_PERCENT_MARGIN = Decimal("0.5")
_AMOUNT_MARGIN_SHARE = Decimal("0.02")


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


def parse_number(value: Any) -> Decimal:
    """A finite Decimal from a YAML number, or from text such as '7.5', '7,5' or '7,5%'.

    Raises NumberError saying what was found and what to write.
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, str):
        number = read_number(value)
    else:
        raise NumberError(t("err.expected_number", got=describe(value)))
    if not number.is_finite():
        raise NumberError(t("err.expected_finite", got=number))
    if number and not -MAX_MAGNITUDE <= number.adjusted() <= MAX_MAGNITUDE:
        raise NumberError(t("err.magnitude", limit=MAX_MAGNITUDE, got=number))
    return number


class Finding(NamedTuple):
    """A problem found in a parsed file, at a path of keys; loading turns it into a location."""

    path: Path
    message: str
    at_key: bool = False


# --- targets -------------------------------------------------------------------------------------


class Names(NamedTuple):
    """A label in Vietnamese and in English."""

    vi: str
    en: str


class Target(NamedTuple):
    """One quantified aim of a resolution."""

    id: str
    section: str
    clause: str
    words: str
    name: Names
    unit: Names
    measure: Measure
    kind: Kind
    operator: Operator
    threshold: Decimal
    plausible: tuple[Decimal, Decimal]
    upper: Decimal | None = None
    tolerance: Decimal | None = None
    margin: Decimal | None = None

    def inconsistencies(self) -> list[str]:
        """What contradicts itself in this definition (empty when consistent)."""
        problems = []
        low, high = self.plausible
        if low >= high:
            problems.append(t("err.plausible_order"))
        if (self.operator is Operator.BETWEEN) != (self.upper is not None):
            problems.append(t("err.upper_between"))
        if self.upper is not None and self.upper <= self.threshold:
            problems.append(t("err.upper_above"))
        if self.tolerance is not None and self.operator is not Operator.APPROX:
            problems.append(t("err.tolerance_approx"))
        if self.margin is not None and self.margin < 0:
            problems.append(t("err.margin_negative"))
        return problems

    @property
    def at_risk_margin(self) -> Decimal:
        """The margin around the threshold within which a non-final value is at risk."""
        if self.margin is not None:
            return self.margin
        match self.measure:
            case Measure.PERCENT | Measure.POINTS:
                return _PERCENT_MARGIN
            case Measure.AMOUNT:
                return abs(self.threshold) * _AMOUNT_MARGIN_SHARE
            case Measure.COUNT:
                return Decimal(0)

    @property
    def band(self) -> tuple[Decimal, Decimal] | None:
        """The accepted interval of 'between' and '≈' targets; None for one-sided ones."""
        if self.operator is Operator.BETWEEN:
            assert self.upper is not None  # see inconsistencies()
            return self.threshold, self.upper
        if self.operator is Operator.APPROX:
            tolerance = self.tolerance if self.tolerance is not None else DEFAULT_APPROX_TOLERANCE
            return self.threshold - tolerance, self.threshold + tolerance
        return None


class SumRule(NamedTuple):
    """Several targets' values must add up to a total, within a tolerance."""

    id: str
    targets: tuple[str, ...]
    total: Decimal
    tolerance: Decimal
    description: Names


class AtMostRule(NamedTuple):
    """One target's value must not exceed another's."""

    id: str
    target: str
    limit: str
    description: Names


Rule = SumRule | AtMostRule


class Resolution(NamedTuple):
    """The resolution a targets file encodes."""

    number: str
    title: Names
    issuer: str
    adopted: str
    year: int


@dataclass(frozen=True)
class TargetsFile:
    """A whole targets file: the resolution, its sections, targets and cross-target rules."""

    resolution: Resolution
    sections: dict[str, Names]
    targets: tuple[Target, ...]
    rules: tuple[Rule, ...] = ()
    by_id: dict[str, Target] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {target.id: target for target in self.targets})

    def check(self) -> list[Finding]:
        """Problems across the file: duplicate ids, unknown sections and rule references."""
        findings: list[Finding] = []
        seen: set[str] = set()
        for index, target in enumerate(self.targets):
            where = ("targets", str(index))
            if target.id in seen:
                findings.append(Finding((*where, "id"), t("err.duplicate_id", id=target.id)))
            seen.add(target.id)
            if target.section not in self.sections:
                known = ", ".join(self.sections)
                message = t("err.unknown_section", section=target.section, known=known)
                findings.append(Finding((*where, "section"), message))
            low, high = target.plausible
            if not low <= target.threshold <= high:
                message = t("err.threshold_plausible")
                findings.append(Finding((*where, "threshold"), message))
        for index, rule in enumerate(self.rules):
            names = rule.targets if isinstance(rule, SumRule) else (rule.target, rule.limit)
            for name in names:
                if name not in seen:
                    message = t("err.rule_unknown", rule=rule.id, name=name)
                    findings.append(Finding(("rules", str(index)), message))
        return findings

    def target(self, target_id: str) -> Target | None:
        """The target with this id, if any."""
        return self.by_id.get(target_id)


# --- periods -------------------------------------------------------------------------------------

PERIOD_TEXT = r"(\d{4})(?:-(?:Q([1-4])|(H1)|(9M)|M(0[1-9]|1[0-2])))?"
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
    def parse(cls, text: str) -> Period:
        """Parse '2024', '2024-Q3', '2024-H1', '2024-9M' or '2024-M05'; ValueError otherwise."""
        match = _PERIOD.fullmatch(text.strip())
        if not match:
            raise ValueError(text)
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
        """A column heading for the period: '6 tháng 2024' in Vietnamese, '2024-H1' in English."""
        year, months = self.year, self.months
        match self.kind:
            case PeriodKind.YEAR:
                vi = f"Năm {year}"
            case PeriodKind.QUARTER:
                vi = f"Quý {_QUARTERS[months // 3 - 1]}/{year}"
            case PeriodKind.MONTH if months == 1:
                vi = f"Tháng 1/{year}"
            case _:
                vi = f"{months} tháng {year}"
        return Names(vi, str(self))

    @property
    def names(self) -> Names:
        """What the period is called in Vietnamese and in English: 6 tháng đầu năm 2024."""
        year, months = self.year, self.months
        match self.kind:
            case PeriodKind.YEAR:
                return Names(f"cả năm {year}", f"full year {year}")
            case PeriodKind.QUARTER:
                roman = _QUARTERS[months // 3 - 1]
                return Names(
                    f"quý {roman} năm {year} (lũy kế từ đầu năm)",
                    f"{year} Q{months // 3}, year to date",
                )
            case PeriodKind.MONTH if months == 1:
                return Names(f"tháng 1 năm {year}", f"January {year}")
            case PeriodKind.MONTH:
                return Names(
                    f"{months} tháng đầu năm {year}", f"January to {_MONTHS[months - 1]} {year}"
                )
            case _:  # the half year and the nine months
                english = "first half" if months == 6 else "first nine months"
                return Names(f"{months} tháng đầu năm {year}", f"{english} of {year}")

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
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        value = str(int(value))
    if isinstance(value, str):
        return Period.parse(value)
    raise ValueError(value)


# --- reports -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """A reported figure: a value, or a baseline and current figure to derive it from."""

    value: Decimal | None = None
    baseline: Decimal | None = None
    current: Decimal | None = None
    source: str | None = None
    note: str | None = None

    @property
    def derived(self) -> bool:
        """Whether the value is to be derived from a baseline and a current figure."""
        return self.value is None


@dataclass(frozen=True, slots=True)
class Report:
    """The figures of one period, as an actuals file gives them."""

    period: Period
    values: dict[str, Entry]
    basis: Basis = Basis.OFFICIAL
    source: str | None = None

    @property
    def is_final(self) -> bool:
        """Official figures for a whole year: compared strictly, without an at-risk margin."""
        return self.basis is Basis.OFFICIAL and self.period.is_year_end


def derive(target: Target, entry: Entry) -> Decimal:
    """The value of an entry: as given, or derived from baseline and current for its kind."""
    if entry.value is not None:
        return entry.value
    assert entry.baseline is not None
    assert entry.current is not None
    if target.kind is Kind.GROWTH:
        return (entry.current / entry.baseline - 1) * 100
    return entry.baseline - entry.current


def check_period(period: Period, targets: TargetsFile) -> list[Finding]:
    """A report must be for the year the targets are for."""
    if period.year == targets.resolution.year:
        return []
    message = t(
        "err.period_year",
        period=period,
        year=targets.resolution.year,
        number=targets.resolution.number,
    )
    return [Finding(("period",), message)]


def closest(name: str, names: Iterable[str]) -> str | None:
    """The known name most like a mistyped one, if any is close."""
    import difflib  # only when a name is unknown

    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def check_values(values: dict[str, Entry], targets: TargetsFile) -> list[Finding]:
    """Unknown ids (with the closest real one), misplaced baselines, implausible values, rules."""
    findings: list[Finding] = []
    accepted: dict[str, Decimal] = {}
    for target_id, entry in values.items():
        path = ("values", target_id)
        target = targets.target(target_id)
        if target is None:
            close = closest(target_id, targets.by_id)
            hint = t("err.did_you_mean", name=close) if close else t("err.see_targets")
            findings.append(Finding(path, t("err.unknown_id", hint=hint), at_key=True))
            continue
        if entry.derived and target.kind not in DERIVABLE:
            message = t("err.not_derivable", kind=target.kind)
            findings.append(Finding(path, message))
            continue
        if entry.derived and target.kind is Kind.GROWTH and entry.baseline == 0:
            findings.append(Finding((*path, "baseline"), t("err.zero_baseline")))
            continue
        value = derive(target, entry)
        if target.measure is Measure.COUNT and value != value.to_integral_value():
            message = t("err.whole_count", value=plain(value))
            findings.append(Finding(path if entry.derived else (*path, "value"), message))
            continue
        low, high = target.plausible
        if not low <= value <= high:
            message = t(
                "err.implausible_derived" if entry.derived else "err.implausible",
                value=plain(value),
                low=plain(low),
                high=plain(high),
                unit=pick(target.unit),
            )
            if not entry.derived and (meant := misread_thousands(value, target.plausible)):
                message += t("err.thousands_hint", value=value, meant=plain(meant))
            findings.append(Finding(path if entry.derived else (*path, "value"), message))
            continue
        accepted[target_id] = value
    findings.extend(_check_rules(targets, accepted))
    return findings


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


def _check_rules(targets: TargetsFile, values: dict[str, Decimal]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in targets.rules:
        if isinstance(rule, SumRule):
            if not all(name in values for name in rule.targets):
                continue
            total = sum((values[name] for name in rule.targets), Decimal(0))
            if abs(total - rule.total) > rule.tolerance:
                terms = " + ".join(rule.targets)
                findings.append(
                    Finding(
                        ("values", rule.targets[0]),
                        t(
                            "err.rule_sum",
                            terms=terms,
                            total=plain(total),
                            expected=plain(rule.total),
                            tolerance=plain(rule.tolerance),
                            description=pick(rule.description),
                        ),
                    )
                )
        elif (
            rule.target in values
            and rule.limit in values
            and values[rule.target] > values[rule.limit]
        ):
            findings.append(
                Finding(
                    ("values", rule.target),
                    t(
                        "err.rule_at_most",
                        value=plain(values[rule.target]),
                        limit=rule.limit,
                        limit_value=plain(values[rule.limit]),
                        description=pick(rule.description),
                    ),
                )
            )
    return findings


def plain(number: Decimal) -> str:
    """A Decimal in plain notation, without exponent or needless trailing zeros (7.50 -> 7.5)."""
    if number == number.to_integral_value():
        try:
            return str(number.quantize(Decimal(1)))
        except InvalidOperation:  # more digits than decimal arithmetic holds: 1E+400
            return str(number.normalize())
    return format(number.normalize(), "f")
