"""A workbook's cells as people filled them: a number as the decimal its cell shows, with the
decimals its format shows; a date or time as ISO 8601 writes it; and a text too long for one
cell going on in the cells below. Used by nq94.read.workbook; no openpyxl here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from nq94.i18n import pick, t
from nq94.model import Measure, Target
from nq94.model.numtext import typed

SHOWN_DIGITS = 15
"""Significant digits a spreadsheet shows of a number: Excel saves =1.15-0.35 as
0.79999999999999993 and shows 0.8, and 0.8 is the figure the officer reports."""

CELL_LIMIT = 32_767
"""The most characters (UTF-16 units) an Excel cell holds: a source or note longer than that goes
on in the cells below it, in rows that hold nothing else (nq94.render.form writes it so)."""
FULL_CELL = CELL_LIMIT - 2 * 64
"""A text cell at least this full goes on in the cell below, when the row below holds nothing
else: a writer cuts a long text a little before the limit (up to 64 characters, each at most two
units) so that no piece starts with '=' or a combining mark."""


NUMBER_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
"""Quoted text, [colours and conditions], and escaped, padding and fill characters in a number
format: none of them says how a number is shown."""


def date_text(value: datetime.date | datetime.time | datetime.timedelta) -> str:
    """A date or time as ISO 8601 writes it; a date without its midnight."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value) if isinstance(value, datetime.timedelta) else value.isoformat()


def decimal(value: int | float) -> Decimal:
    """A spreadsheet's number as it shows it: to SHOWN_DIGITS significant digits (0.1, not
    0.1000000000000000055511151231257827; 0.8 where Excel saved 0.79999999999999993)."""
    number = Decimal(value)
    if not number.is_finite() or len(number.as_tuple().digits) <= SHOWN_DIGITS:
        return number
    shown = Context(prec=SHOWN_DIGITS, rounding=ROUND_HALF_UP).plus(number)
    if shown == shown.to_integral_value() and shown.adjusted() < 28:
        return shown.quantize(Decimal(1))  # a whole number, written whole: 1e20 as 100…0
    return shown.normalize()  # without the zeros rounding leaves after the point


def padded(figure: Decimal, shown: str) -> Decimal:
    """``figure`` with the decimals its cell's format shows, when the format shows more than it
    has (7.5 shown as 7.50 is 7.50, as written)."""
    _, point, after = shown.partition(".")
    decimals = len(after) - len(after.lstrip("0")) if point else 0
    if figure.is_finite() and decimals > max(0, -int(figure.as_tuple().exponent)):
        return figure.quantize(Decimal(1).scaleb(-decimals))
    return figure


@dataclass(slots=True)
class RowState:
    """What one pass down the report sheet remembers from the rows above."""

    seen: dict[str, int] = field(default_factory=dict)
    """The row of each target id met."""
    last: str | None = None
    """The target of the row just above, while its text may go on below."""
    tail: dict[str, str] = field(default_factory=dict)
    """The last piece of that target's source and note."""

    def goes_on(self, given: Mapping[str, Any], values: dict[str, Any]) -> bool:
        """Whether ``given``, a row without an id, goes on with the source or note of the target
        above, whose cell is full (FULL_CELL: nq94 writes a longer text so); if so, the pieces
        are joined."""
        entry = values.get(self.last) if self.last is not None else None
        if not isinstance(entry, dict) or not given or not set(given) <= set(self.tail):
            return False
        if any(
            not isinstance(given[key], str) or units(self.tail[key]) < FULL_CELL for key in given
        ):
            return False
        for key, piece in given.items():
            entry[key] += piece
            self.tail[key] = piece
        return True


def units(text: str) -> int:
    """The length of ``text`` as Excel counts it: in UTF-16 units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def percent_cell(target: Target, key: str) -> bool:
    """Whether a cell of ``target`` may be a percent cell: a value in %, or the two rates a
    change in percentage points comes from."""
    if key == "value":
        return target.measure is Measure.PERCENT
    return target.measure is Measure.POINTS


def quoted(text: Any, most: int = 60) -> str:
    """A defined name's formula as a message quotes it, cut short when long."""
    said = str(text or "")
    return said if len(said) <= most else said[: most - 1] + "…"


def percent_refused(target: Target, shown: Any) -> str:
    """Why a percent cell is refused where the target is not in %, and for a target in points,
    the figure to type instead: '0,85%' is 0.0085 in the cell, which was meant as 0,85 points."""
    unit = pick(target.unit)
    if target.measure is Measure.POINTS and isinstance(shown, Decimal):
        return t("err.xlsx.percent_cell_typed", unit=unit, number=typed(shown))
    return t("err.xlsx.percent_cell", unit=unit)
