"""The reader's language: every word nq94 shows comes from one catalogue per language, and every
number is written the way that language writes numbers, with CLDR's symbols (nq94.i18n.cldr,
checked against Babel in the tests).

The language is chosen once per run (`--lang`, else NQ94_LANG, else the locale) and held here;
worker processes inherit it. Catalogues are plain modules, ``en`` and ``vi``, with the same keys.
"""

from __future__ import annotations

import datetime
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
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


def language(text: str) -> Lang | None:
    """The language a name or locale means, as locale names are normalised: 'vi', 'VI',
    'vi_VN', 'vi-VN', 'vi_VN.UTF-8', 'vn' and Windows' 'Vietnamese_Vietnam' are Vietnamese;
    'en...' English; None for anything else."""
    head = re.split(r"[-_.@ ]", text.strip().lower(), maxsplit=1)[0]
    return _LANGUAGES.get(head)


_LANGUAGES = {"vi": Lang.VI, "vn": Lang.VI, "vietnamese": Lang.VI, "tiếng việt": Lang.VI,
              "en": Lang.EN, "english": Lang.EN}  # fmt: skip
"""Names of the languages as people write them: vn is the country's code, often written for
the language."""


def detect(
    argv: Sequence[str], environ: Mapping[str, str], system: Callable[[], str] | None = None
) -> Lang:
    """The language asked for: ``--lang`` in ``argv``, else NQ94_LANG, else the locale
    (LC_ALL, LC_MESSAGES, LANG, the first one set: Vietnamese for vi_*, else English), else,
    where none is set (Windows sets none), the system's: its locale or its display language."""
    for index, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else ""
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if (found := language(value)) is not None:
            return found
    if (found := language(environ.get("NQ94_LANG", ""))) is not None:
        return found
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if locale := environ.get(name):
            return Lang.VI if language(locale) is Lang.VI else Lang.EN
    return Lang.VI if language((system or _system_language)()) is Lang.VI else Lang.EN


def _system_language() -> str:
    """The system's language where no environment variable names one: Windows' display
    language, else the locale Python started in."""
    import locale

    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        if ctypes.windll.kernel32.GetUserDefaultUILanguage() & 0x3FF == 0x2A:  # type: ignore[attr-defined]
            return "vi"
    return locale.getlocale()[0] or ""


def detect_here() -> Lang:
    """The language this process was asked for."""
    return detect(sys.argv[1:], os.environ)


@cache
def catalogue(lang: Lang) -> Mapping[str, str]:
    """Every message of ``lang``, by key."""
    module = importlib.import_module(f"nq94.i18n.{lang.value}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


_medium = ""
"""What the reader is writing in, when a message's advice depends on it: "" for YAML, "xlsx"
for a workbook (type 7,5 in a cell, where YAML wants "7,5" in quotes)."""


@contextmanager
def writing_in(medium: str) -> Iterator[None]:
    """Messages said meanwhile give the advice for ``medium`` where the catalogue has one
    (a key ending @xlsx)."""
    global _medium
    before, _medium = _medium, medium
    try:
        yield
    finally:
        _medium = before


def t(key: str, /, **values: Any) -> str:
    """The message ``key`` in the current language, with ``values`` filled in (a literal brace
    is written twice in a catalogue); its variant for the medium being read, if any."""
    messages = catalogue(_current)
    if _medium:
        key = f"{key}@{_medium}" if f"{key}@{_medium}" in messages else key
    return messages[key].format(**values)


def said(lang: Lang, key: str, /, **values: Any) -> str:
    """The message ``key`` in ``lang``, whatever language is spoken now."""
    return catalogue(lang)[key].format(**values)


def tn(key: str, count: int, /, **values: Any) -> str:
    """The message ``key`` for ``count`` things: ``key.one`` for one, else ``key.other``."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def pick(names: Any) -> str:
    """The current language's form of something named in both (``.vi`` and ``.en``); the
    Vietnamese where the English is not given."""
    english = names.en if _current is Lang.EN else None
    return str(names.vi if english is None else english)


def day(date: datetime.date) -> str:
    """A day as Vietnamese documents write it, in either language: 25/02/2025."""
    return date.strftime("%d/%m/%Y")


def number(
    value: Decimal,
    *,
    places: int = 2,
    fixed: bool = False,
    sign: bool = False,
    grouped: bool = True,
) -> str:
    """``value`` rounded half up to ``places`` decimals, grouped and pointed as the current
    language writes it (CLDR, see nq94.i18n.cldr): 19,515.5 in English, 19.515,5 in Vietnamese.

    Trailing zeros are dropped unless ``fixed``; ``sign`` writes + before positive numbers;
    without ``grouped``, no separator between thousands (14250, where 14.250 could be misread).
    """
    try:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: show it as it is
        return str(value)
    symbols = NUMBERS[_current.value]
    whole, _, fraction = format(abs(rounded), "f").partition(".")
    if not fixed:
        fraction = fraction.rstrip("0")
    size = symbols.grouping if grouped else len(whole) or 1
    groups = [whole[max(0, end - size) : end] for end in range(len(whole), 0, -size)]
    text = symbols.group.join(reversed(groups))
    if fraction:
        text += symbols.decimal + fraction
    prefix = symbols.minus if rounded < 0 else symbols.plus if sign and rounded > 0 else ""
    return prefix + text
