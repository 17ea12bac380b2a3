"""The stretch of a year a report covers, and how it may be written; pure, no I/O.

A period is either the year to date, from 1 January (the year, the first n months, the half
year, the nine months), or a part of the year alone (a quarter, the second half, a month), as
statistical usage reads "quý II/2026" (the second quarter) and "6 tháng" (the half year to
date).
"""

import calendar
import datetime
import re
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple


class PeriodKind(StrEnum):
    """The kinds of period a report may cover."""

    YEAR = "year"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    MONTHS = "months"
    """The first n months, to date (n = 1..11, but for the half and the nine months)."""
    QUARTER = "quarter"
    """A quarter alone."""
    SECOND_HALF = "second_half"
    """The second half of the year alone."""
    MONTH = "month"
    """A month alone."""


TO_DATE = frozenset({PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.NINE_MONTHS, PeriodKind.MONTHS})
"""Kinds of period that run from 1 January."""

PERIOD_TEXT = r"([0-9]{4})(?:-(?:Q([1-4])|H([12])|([1-9]|1[01])M|M(0[1-9]|1[0-2])))?"
"""The codes of a period: 2026; 2026-H1, 2026-9M, 2026-nM (n = 1..11) to date; 2026-Q1..Q4,
2026-H2, 2026-M01..M12 alone."""
_PERIOD = re.compile(PERIOD_TEXT, re.IGNORECASE)

CHANGED_MEANING = "2025-Q2"
"""Before schema version 3, Q2..Q4 and M02..M12 meant the year to date (see README)."""


class Period(NamedTuple):
    """The stretch of a year a report covers: months ``first`` to ``months`` of ``year``."""

    year: int
    kind: PeriodKind
    months: int
    """The last month the period covers (1 to 12)."""
    first: int = 1
    """The first month the period covers: 1 for a period to date."""

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Parse a code ('2026', '2026-H1', '2026-9M', '2026-5M', '2026-Q2', '2026-H2',
        '2026-M05') or a period in words ('9 tháng đầu năm 2026', 'quý II/2026', 'first half
        of 2026'); ValueError otherwise."""
        match = _PERIOD.fullmatch(text.strip())
        if not match:
            return cls._spoken(text)
        year, quarter, half, months, month = match.groups()
        if quarter:
            return cls.quarter(int(year), int(quarter))
        if half == "2":
            return cls(int(year), PeriodKind.SECOND_HALF, 12, 7)
        if half == "1":
            return cls.to_date(int(year), 6)
        if months:
            return cls.to_date(int(year), int(months))
        if month:
            return cls(int(year), PeriodKind.MONTH, int(month), int(month))
        return cls.to_date(int(year), 12)

    @classmethod
    def to_date(cls, year: int, months: int) -> "Period":
        """The first ``months`` months of ``year``: the half year, the nine months, the year."""
        named = {6: PeriodKind.HALF, 9: PeriodKind.NINE_MONTHS, 12: PeriodKind.YEAR}
        return cls(year, named.get(months, PeriodKind.MONTHS), months)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        """The ``quarter``-th quarter of ``year`` alone."""
        return cls(year, PeriodKind.QUARTER, 3 * quarter, 3 * quarter - 2)

    @classmethod
    def _spoken(cls, text: str) -> "Period":
        from nq94.model.spoken import spoken_period

        found = spoken_period(text)
        if found is None:
            raise ValueError(text)
        return cls.parse(found)

    @classmethod
    def all_of(cls, year: int) -> list["Period"]:
        """Every period a report of ``year`` may cover: the year, the periods to date, then the
        parts alone."""
        to_date = [cls.to_date(year, months) for months in (6, 9, *range(1, 6), 7, 8, 10, 11)]
        return [
            cls.to_date(year, 12),
            *to_date,
            *(cls.quarter(year, quarter) for quarter in range(1, 5)),
            cls(year, PeriodKind.SECOND_HALF, 12, 7),
            *(cls(year, PeriodKind.MONTH, month, month) for month in range(1, 13)),
        ]

    @property
    def to_date_(self) -> bool:
        """Whether the period runs from 1 January."""
        return self.first == 1

    @property
    def alone(self) -> bool:
        """Whether the period is a part of the year alone, not from 1 January (Q1 and M01 run
        from 1 January, and count as the year to date)."""
        return self.first != 1

    @property
    def covered(self) -> tuple[int, int]:
        """The first and last month covered: what two periods of one stretch share."""
        return self.first, self.months

    def project(self, value: Decimal) -> Decimal:
        """A year-to-date flow projected linearly to the year end (value / elapsed fraction).

        Computed as value * 12 / months, so 15000 after 9 months is exactly 20000.
        """
        return value * 12 / self.months

    @property
    def is_year_end(self) -> bool:
        """Whether the period is the whole year."""
        return self.first == 1 and self.months == 12

    @property
    def elapsed(self) -> Decimal:
        """The fraction of the year from 1 January to the period's end: 0.5 for H1, 0.75 for 9
        months (and for the third quarter alone)."""
        return Decimal(self.months) / 12

    @property
    def end(self) -> datetime.date:
        """The last day of the period."""
        return datetime.date(self.year, self.months, calendar.monthrange(self.year, self.months)[1])

    @property
    def quarters(self) -> tuple[int, int] | None:
        """The first and last quarter the period covers, when it starts and ends with
        quarters (Q2 alone: (2, 2); H1: (1, 2); H2: (3, 4)); None otherwise (5 months, May)."""
        if (self.first - 1) % 3 or self.months % 3:
            return None
        return (self.first - 1) // 3 + 1, self.months // 3

    @property
    def changed_meaning(self) -> bool:
        """Whether the period is one whose code meant the year to date before schema version 3
        (2026-Q2..Q4, 2026-M02..M12)."""
        return self.alone and self.kind in (PeriodKind.QUARTER, PeriodKind.MONTH)

    def __str__(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return str(self.year)
            case PeriodKind.HALF:
                return f"{self.year}-H1"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.MONTHS:
                return f"{self.year}-{self.months}M"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.months // 3}"
            case PeriodKind.SECOND_HALF:
                return f"{self.year}-H2"
            case PeriodKind.MONTH:
                return f"{self.year}-M{self.months:02d}"


def parse_period(value: Any) -> Period:
    """A period from text ('2026-9M') or a whole number (2026, as YAML or Python has it);
    ValueError otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
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


def written_year(text: str) -> int | None:
    """The year ``text`` names: its first run of digits that is one ('02026' is 2026, not 202)."""
    return next((int(run) for run in re.findall(r"[0-9]+", text) if 1000 <= int(run) <= 9999), None)


def suggested(text: str) -> str | None:
    """The code of a period ``text`` most likely meant (2026-M9: 2026-M09; 2026-9T: 2026-9M),
    among the periods of the year it names; None when there is none close."""
    from nq94.model.spoken import suggestion

    year = written_year(text)
    codes = [str(period) for period in Period.all_of(year)] if year else []
    return suggestion(text, codes)


def period_pattern(year: int) -> str:
    """The JSON Schema pattern of a period of ``year`` as text, in any case: 2026-9M, 2026-9m,
    or in words, as nq94 reads them ('9 tháng đầu năm 2026')."""
    from nq94.model.spoken import schema_pattern

    codes = rf"{year}(-([Qq][1-4]|[Hh][12]|([1-9]|1[01])[Mm]|[Mm](0[1-9]|1[0-2])))?"
    return schema_pattern(codes, year)
