"""The stretch of a year a report covers, and how it may be written; pure, no I/O."""

import re
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from nq94.model.values import Names


class PeriodKind(StrEnum):
    """The kinds of period a report may cover; all are year to date."""

    YEAR = "year"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    MONTH = "month"


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
        from nq94.model.spoken import spoken_period

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


def period_pattern(year: int) -> str:
    """The JSON Schema pattern of a period of ``year`` as text, in any case: 2024-9M, 2024-9m,
    or in words, as nq94 reads them ('9 tháng đầu năm 2024')."""
    from nq94.model.spoken import schema_pattern

    return schema_pattern(rf"{year}(-([Qq][1-4]|[Hh]1|9[Mm]|[Mm](0[1-9]|1[0-2])))?", year)
