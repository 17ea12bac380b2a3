"""What a plain (unquoted) YAML scalar reads as in nq94: null, a boolean, an exact number, a date,
or text. Below both the reader (nq94.read.yamldoc), which types plain scalars by these rules, and
the writer (nq94.render.yamlout), which quotes every text these rules would read as something
else; pure, no I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from nq94.model.values import YamlDate

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
BOOLS = {
    word: value
    for value, words in ((True, "y Y yes Yes YES true True TRUE on On ON"),
                         (False, "n N no No NO false False FALSE off Off OFF"))
    for word in words.split()
}  # fmt: skip
_SPECIAL_FLOATS = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}
_DATE = re.compile(r"[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt ].*)?")
_NUMBER_START = frozenset("0123456789+-.")
_PLAIN_DECIMAL = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def scalar(text: str) -> Any:
    """A plain (unquoted) scalar as YAML 1.1 means it, numbers as exact Decimals.

    Unlike YAML 1.1, a leading zero is decimal (02 is 2, as people write "02 xã"), and forms
    people do not mean as numbers (hexadecimal, sexagesimal 1:30) stay text.
    """
    if text in NULLS:
        return None
    if text in BOOLS:
        return BOOLS[text]
    if text and text[0] in _NUMBER_START:
        special = _SPECIAL_FLOATS.get(text.lower())
        if special is not None:
            return Decimal(special)
        number = to_decimal(text)
        if number is not None:
            return number
        if _DATE.fullmatch(text):
            return YamlDate(text)
    return text


def to_decimal(text: str) -> Decimal | None:
    """Decimal digits, point, exponent and sign as an exact Decimal; None for anything else."""
    if _PLAIN_DECIMAL.fullmatch(text):  # the usual form, at once
        return Decimal(text)
    if not text.isascii():  # Decimal reads other scripts' digits ('٧'); a report writes 0-9
        return None
    if not any(c.isdigit() for c in text) or any(c.isalpha() and c not in "eE" for c in text):
        return None
    if "_" in text:  # YAML 1.1 reads 1_9515 as 19515; nobody writes a figure so: refused as text
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
