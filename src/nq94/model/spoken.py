"""Periods and bases as the province writes them in its reports ("9 tháng đầu năm 2026",
"Quý III/2026", "ước tính") and as nq94 itself prints them in English ("first nine months of
2026"), read as the codes they mean (2026-9M, estimate); and, for a period that is none of
them, the closest code to suggest.

Each form is one regular expression, used with Python's ``re`` (any case) and, spelt out
letter by letter in either case, as the JSON Schema's pattern, so that an editor accepts what
nq94 accepts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

YEAR = r"([0-9]{4})"
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
_MONTH = "(" + "|".join(_MONTHS) + ")"

Code = str
"""A period's code: 2026-9M, 2026-Q3, 2026-M09."""

_THANG, _NAM, _QUY = "(?:tháng|thang)", "(?:năm|nam)", "(?:quý|quy)"
"""Words also typed without their accents, on a keyboard with no Vietnamese input."""
_DAU, _CUOI = "(?:đầu|dau)", "(?:cuối|cuoi)"


def _to_date(year: str, months: str | int) -> Code:
    """The first ``months`` months of ``year``, as a code."""
    count = int(months)
    named = {6: "-H1", 9: "-9M", 12: ""}
    return f"{year}{named.get(count, f'-{count}M')}" if 1 <= count <= 12 else ""


def _month(year: str, month: str | int) -> Code:
    return f"{year}-M{int(month):02d}" if 1 <= int(month) <= 12 else ""


def _english_month(name: str) -> int:
    return _MONTHS.index(name.lower()) + 1


_FORMS: tuple[tuple[str, Callable[[re.Match[str]], Code]], ...] = (
    # "Năm 2026", "cả năm 2026", "full year 2026"
    (rf"(?:{_NAM}|(?:cả|ca) {_NAM}|full year)\s+{YEAR}", lambda m: m[1]),
    # "6 tháng cuối năm 2026", "second half of 2026": the second half alone
    (rf"6\s+{_THANG}\s+{_CUOI}\s+(?:{_NAM}\s+)?{YEAR}", lambda m: f"{m[1]}-H2"),
    (rf"second half of\s+{YEAR}", lambda m: f"{m[1]}-H2"),
    # "9 tháng 2026", "9 tháng đầu năm 2026", "6 tháng năm 2026": to date
    (
        rf"([0-9]{{1,2}})\s+{_THANG}\s+(?:{_DAU}\s+)?(?:{_NAM}\s+)?{YEAR}",
        lambda m: _to_date(m[2], m[1]),
    ),
    # "quý III năm 2026 (lũy kế từ đầu năm)": nq94's earlier name of the first nine months
    (
        rf"{_QUY}\s+(iv|iii|ii|i|[1-4])\s*(?:/|{_NAM})\s*{YEAR}\s*\(lũy kế từ đầu năm\)",
        lambda m: _to_date(m[2], 3 * _QUARTER[m[1].lower()]),
    ),
    # "Quý III/2026", "quý 3/2026", "quý III năm 2026": the quarter alone
    (
        rf"{_QUY}\s+(iv|iii|ii|i|[1-4])\s*(?:/|{_NAM})\s*{YEAR}",
        lambda m: f"{m[2]}-Q{_QUARTER[m[1].lower()]}",
    ),
    # "9T/2026", "9 tháng/2026", "6T-2026": the months so far, as tables abbreviate them
    (
        rf"([0-9]{{1,2}})\s*(?:t|{_THANG})\s*[/-]\s*{YEAR}",
        lambda m: _to_date(m[2], m[1]),
    ),
    # "Q3/2026", "III/2026", "Q3-2026": the quarter alone
    (
        rf"(?:q\s*([1-4])|(iv|iii|ii|i))\s*[/-]\s*{YEAR}",
        lambda m: f"{m[3]}-Q{_QUARTER[(m[1] or m[2]).lower()]}",
    ),
    # "tháng 9/2026", "tháng 9 năm 2026": the month alone
    (
        rf"{_THANG}\s+([0-9]{{1,2}})\s*(?:/|{_NAM})\s*{YEAR}",
        lambda m: _month(m[2], m[1]),
    ),
    # nq94's English names: "first half of 2026", "first nine months of 2026", "third quarter of
    # 2026", "2026 Q3" (the quarter alone), "2026 Q3, year to date" (an earlier name of 9M)
    (rf"first half of\s+{YEAR}", lambda m: f"{m[1]}-H1"),
    (rf"first nine months of\s+{YEAR}", lambda m: f"{m[1]}-9M"),
    (
        rf"(first|second|third|fourth) quarter of\s+{YEAR}",
        lambda m: f"{m[2]}-Q{('first', 'second', 'third', 'fourth').index(m[1].lower()) + 1}",
    ),
    (rf"{YEAR}\s+q([1-4]),\s*year to date", lambda m: _to_date(m[1], 3 * int(m[2]))),
    (rf"(?:{YEAR}\s+q([1-4])|q([1-4])\s+{YEAR})", lambda m: f"{m[1] or m[4]}-Q{m[2] or m[3]}"),
    # "January to September 2026": to date; "September 2026": the month alone
    (
        rf"january to\s+{_MONTH}\s+{YEAR}",
        lambda m: _to_date(m[2], _english_month(m[1])),
    ),
    (rf"{_MONTH}\s+{YEAR}", lambda m: _month(m[2], _english_month(m[1]))),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Any]], ...]:
    """The forms compiled, once, when a period is first not a code."""
    return tuple((re.compile(form, re.IGNORECASE), read) for form, read in _FORMS)


BASES = {"official": "official", "chính thức": "official", "chinh thuc": "official",
         "estimate": "estimate", "ước tính": "estimate", "ước thực hiện": "estimate",
         "ước": "estimate", "uoc tinh": "estimate", "uoc thuc hien": "estimate", "uoc": "estimate",
         "preliminary": "preliminary", "sơ bộ": "preliminary", "so bo": "preliminary"}  # fmt: skip
"""How a report may write its basis, any case, and the basis meant: the officers' words (the
November estimate of the year is "ước thực hiện"; figures before the official ones "sơ bộ")
and, without accents, as typed on a keyboard with no Vietnamese input."""


def normal(text: str) -> str:
    """Text as written, composed (NFC, as Vietnamese is typed on most keyboards), with single
    spaces, without the spaces around it."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def spoken_period(text: str) -> Code | None:
    """The code of a period written in words, or None."""
    text = normal(text)
    for pattern, read in _compiled():
        match = pattern.fullmatch(text)
        if match:
            return read(match) or None
    return None


def spoken_basis(text: str) -> str | None:
    """The basis ('official', 'estimate' or 'preliminary') a text means, in any case, or
    None."""
    return BASES.get(normal(text).lower())


def suggestion(text: str, codes: list[str]) -> str | None:
    """The code a period's text most likely meant: 2026-6M is 2026-H1, 2026-M9 is 2026-M09;
    else the closest of ``codes``."""
    import difflib  # only when a period cannot be read

    text = normal(text).upper()
    months = re.fullmatch(r"([0-9]{4})-?([0-9]{1,2})M", text)
    if months and 1 <= int(months[2]) <= 12:
        return _to_date(months[1], months[2])
    month = re.fullmatch(r"([0-9]{4})-?M([1-9])", text)
    if month:
        return f"{month[1]}-M0{month[2]}"
    close = difflib.get_close_matches(text, codes, n=1, cutoff=0.6)
    # never the whole year for a text that says more than a year: its figures would be
    # judged as final
    if not close or (close[0].isdigit() and not text.strip().isdigit()):
        return None
    return close[0]


def any_case(pattern: str) -> str:
    """``pattern`` matching its letters in either case, for a JSON Schema (whose regular
    expressions have no flag for it): 'quý' becomes '[qQ][uU][ýÝ]'."""
    out: list[str] = []
    escaped = False
    for character in pattern:
        if escaped:
            out.append(character)
            escaped = False
        elif character == "\\":
            out.append(character)
            escaped = True
        elif character.isalpha() and character.lower() != character.upper():
            out.append(f"[{character.lower()}{character.upper()}]")
        else:
            out.append(character)
    return "".join(out)


def schema_pattern(codes: str, year: int) -> str:
    """The JSON Schema pattern of a period of ``year``: ``codes`` (the codes' own pattern) or a
    form in words, with spaces around it."""
    forms = "|".join(any_case(form.replace(YEAR, str(year))) for form, _ in _FORMS)
    return rf"^\s*(?:{codes}|{forms})\s*$"


def basis_pattern() -> str:
    """The JSON Schema pattern of a basis, any case, with spaces around it."""
    return r"^\s*(?:" + "|".join(any_case(literal(word)) for word in BASES) + r")\s*$"


def literal(text: str) -> str:
    """``text`` as a regular expression matching it alone, that every ECMA-262 engine reads:
    only the characters that mean something are escaped (Python's ``re.escape`` escapes a space
    too, as ``\\ ``, which ECMA-262's Unicode mode, that JSON Schema validators use, refuses)."""
    return "".join(f"\\{c}" if c in _MEANING else c for c in text)


_MEANING = frozenset("\\^$.|?*+()[]{}/")
"""The characters that mean something in an ECMA-262 regular expression."""
