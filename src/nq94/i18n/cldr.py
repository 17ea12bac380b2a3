"""How each of nq94's languages writes numbers, as CLDR (the Unicode locale data) says.

The table is CLDR's, read through Babel: ``python -m nq94.i18n.cldr`` prints it from the Babel
installed, and a test compares it with Babel, and nq94's formatting with Babel's, so it cannot
drift. It is kept here rather than read from Babel on each run because loading Babel's locale
data costs more than the rest of a `check` (about 90 ms on the benchmark machine).
"""

from __future__ import annotations

from typing import NamedTuple


class Symbols(NamedTuple):
    """Decimal and group symbols, signs, and the group size of the standard decimal pattern."""

    decimal: str
    group: str
    minus: str
    plus: str
    grouping: int


NUMBERS = {
    "en": Symbols(decimal=".", group=",", minus="-", plus="+", grouping=3),
    "vi": Symbols(decimal=",", group=".", minus="-", plus="+", grouping=3),
}


def from_babel(lang: str) -> Symbols:
    """The entry of ``lang`` in NUMBERS, as the installed Babel's CLDR data gives it."""
    from babel import Locale
    from babel.numbers import parse_pattern

    locale = Locale.parse(lang)
    symbols = locale.number_symbols["latn"]
    pattern = parse_pattern(locale.decimal_formats[None].pattern)
    return Symbols(
        decimal=symbols["decimal"],
        group=symbols["group"],
        minus=symbols["minusSign"],
        plus=symbols["plusSign"],
        grouping=pattern.grouping[0],
    )


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    print({lang: from_babel(lang) for lang in NUMBERS})
