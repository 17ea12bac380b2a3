"""A period in the reader's words, from the catalogues: its name in a sentence ("9 tháng đầu
năm 2026", "third quarter of 2026"), its column heading ("Quý III/2026") and, on a chart of one
year, its part of the year without the year ("9 tháng", "Q3")."""

from __future__ import annotations

from nq94.errors import named
from nq94.i18n import Lang, current, said
from nq94.model import Names, Period, PeriodKind
from nq94.outcome import Loaded


def _words(period: Period, lang: Lang) -> dict[str, object]:
    """What the catalogue's period messages are filled with: a quarter as the language numbers
    it (3 in English, III in Vietnamese), a month as it names it."""
    quarter = period.months // 3
    return {
        "year": period.year,
        "months": period.months,
        "quarter": said(lang, f"quarter.{quarter}") if period.months % 3 == 0 else "",
        "month": said(lang, f"month.{period.months}"),
    }


def _key(period: Period, family: str) -> str:
    """The catalogue key of ``period`` in ``family`` (period, short or part)."""
    match period.kind:
        case PeriodKind.YEAR:
            return f"{family}.year"
        case PeriodKind.QUARTER if family == "period":
            return f"period.quarter.{period.months // 3}"
        case PeriodKind.QUARTER:
            return f"{family}.quarter"
        case PeriodKind.SECOND_HALF:
            return f"{family}.second_half"
        case PeriodKind.MONTH if period.months > 1:
            return f"{family}.month"
        case PeriodKind.MONTH | PeriodKind.MONTHS if period.months == 1:
            return f"{family}.months_one"
        case PeriodKind.HALF | PeriodKind.NINE_MONTHS if family == "period":
            return f"period.{period.kind.value}"
        case _:
            return "period.months" if family == "period" else f"{family}.to_date"


def _said(period: Period, family: str, lang: Lang | None = None) -> str:
    lang = lang or current()
    return said(lang, _key(period, family), **_words(period, lang))


def period_name(period: Period) -> str:
    """What the period is called in a sentence: '6 tháng đầu năm 2026', 'first half of 2026'."""
    return _said(period, "period")


def period_names(period: Period) -> Names:
    """The period's name in Vietnamese and in English (the JSON of ``trend``)."""
    return Names(vi=_said(period, "period", Lang.VI), en=_said(period, "period", Lang.EN))


def short_name(period: Period) -> str:
    """A column heading for the period: '6 tháng 2026', '6 months 2026'."""
    return _said(period, "short")


def part_name(period: Period) -> str:
    """The part of its year the period is, without the year, for a chart of one year: '9
    tháng', 'Cả năm'."""
    return _said(period, "part")


def reading_notes(loaded: Loaded) -> tuple[str, ...]:
    """What a report's reading needs said: a workbook's figures read from a copy of its sheet,
    and a period whose code meant the year to date before schema version 3 (2026-Q3, 2026-M05),
    what it means now and the code of the months to date, naming the file."""
    period = loaded.report.period
    if not period.changed_meaning:
        return loaded.notices
    to_date = Period.to_date(period.year, period.months)
    return *loaded.notices, said(
        current(),
        "notice.period_meaning",
        file=named(loaded.file),
        period=str(period),
        name=period_name(period),
        months=period.months,
        to_date=str(to_date),
    )
