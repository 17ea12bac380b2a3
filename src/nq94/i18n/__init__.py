"""The reader's language: every word nq94 shows comes from one catalogue per language, and every
number is written the way that language writes numbers, with CLDR's symbols (nq94.i18n.cldr,
checked against Babel in the tests).

The language is chosen once per run (`--lang`, else NQ94_LANG, else the locale) and held here;
worker processes inherit it. Catalogues are plain modules, ``en`` and ``vi``, with the same keys.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Any

from nq94.i18n.cldr import NUMBERS


class Lang(StrEnum):
    """The languages nq94 speaks."""

    VI = "vi"
    EN = "en"


_current = Lang.EN


def use(lang: Lang) -> None:
    """Speak ``lang`` from now on."""
    global _current
    _current = lang


def current() -> Lang:
    """The language spoken now."""
    return _current


def detect(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language asked for: ``--lang`` in ``argv``, else NQ94_LANG, else the locale
    (LC_ALL, LC_MESSAGES, LANG, the first one set): Vietnamese for vi_*, else English."""
    known = {lang.value for lang in Lang}
    for index, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else ""
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in known:
            return Lang(value)
    if environ.get("NQ94_LANG", "") in known:
        return Lang(environ["NQ94_LANG"])
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if locale := environ.get(name):
            return Lang.VI if locale.lower().startswith("vi") else Lang.EN
    return Lang.EN


def detect_here() -> Lang:
    """The language this process was asked for."""
    import sys

    return detect(sys.argv[1:], os.environ)


@cache
def catalogue(lang: Lang) -> Mapping[str, str]:
    """Every message of ``lang``, by key."""
    module = importlib.import_module(f"nq94.i18n.{lang.value}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


def t(key: str, /, **values: Any) -> str:
    """The message ``key`` in the current language, with ``values`` filled in (a literal brace
    is written twice in a catalogue)."""
    return catalogue(_current)[key].format(**values)


def tn(key: str, count: int, /, **values: Any) -> str:
    """The message ``key`` for ``count`` things: ``key.one`` for one, else ``key.other``."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def pick(names: Any) -> str:
    """The current language's form of something named in both (``.vi`` and ``.en``)."""
    return str(names.vi if _current is Lang.VI else names.en)


def number(value: Decimal, *, places: int = 2, fixed: bool = False, sign: bool = False) -> str:
    """``value`` rounded half up to ``places`` decimals, grouped and pointed as the current
    language writes it (CLDR, see nq94.i18n.cldr): 19,515.5 in English, 19.515,5 in Vietnamese.

    Trailing zeros are dropped unless ``fixed``; ``sign`` writes + before positive numbers.
    """
    try:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: show it as it is
        return str(value)
    symbols = NUMBERS[_current.value]
    whole, _, fraction = format(abs(rounded), "f").partition(".")
    if not fixed:
        fraction = fraction.rstrip("0")
    size = symbols.grouping
    groups = [whole[max(0, end - size) : end] for end in range(len(whole), 0, -size)]
    text = symbols.group.join(reversed(groups))
    if fraction:
        text += symbols.decimal + fraction
    prefix = symbols.minus if rounded < 0 else symbols.plus if sign and rounded > 0 else ""
    return prefix + text
