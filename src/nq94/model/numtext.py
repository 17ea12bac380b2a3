"""Numbers as people write them in reports: '7,5', '7,5%', '19.515', '1.234,5'.

Vietnamese writes a comma for the decimal point and a dot between thousands; YAML and English
the other way round. A text is read the one way it can be read. Where a single separator
followed by three digits could be either ('19.515', '12,345'), the target's plausible range
decides; where it cannot, the text is refused with both readings, so nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from nq94.i18n import number as said
from nq94.i18n import t

NUMBER_TEXT = (
    r"^\s*[-+]?\s*"
    r"([0-9]+([.,][0-9]*)?|[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?|[0-9]{1,3}(,[0-9]{3})+)"
    r"\s*%?\s*$"
)
"""The forms of a number written as text that can be read (the pattern of the JSON Schema):
digits with one decimal separator, or grouped by thousands, the Vietnamese way or with commas."""

_SHAPE = re.compile(r"\s*([-+]?)\s*([0-9][0-9.,]*)\s*%?\s*")
_GROUPED = {
    ".": re.compile(r"[0-9]{1,3}(\.[0-9]{3})+"),
    ",": re.compile(r"[0-9]{1,3}(,[0-9]{3})+"),
}
_VIETNAMESE = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+,[0-9]+")
_ENGLISH = re.compile(r"[0-9]{1,3}(,[0-9]{3})+\.[0-9]+")


class NumberError(ValueError):
    """A text that is not a number, or not unambiguously one; the message says what to write."""


_SPACES = " \u00a0\u202f\u2009"
"""Spaces people group thousands with, pasting from Word or Excel: a space, a no-break space,
a narrow no-break space, a thin space."""
_SPACE_GROUPED = re.compile(
    rf"\s*[-+]?\s*[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+(?:[.,][0-9]+)?\s*%?\s*"
)
_MINUS = "\u2212"
"""The minus sign (−) of word processors, for the hyphen-minus a keyboard types."""
_UNIT = re.compile(rf"\s*([-+{_MINUS}]?\s*[0-9][0-9.,{_SPACES}]*?)\s*(%?)\s*([^\W\d_]\D*)", re.S)
"""A number followed by a unit, which holds no digit: '20.403 tỷ đồng' (not '0x1A')."""


def _pasted(text: str) -> str:
    """``text`` as a number's characters, pasted from Word or Excel: the minus sign as '-',
    spaces between thousands dropped; NumberError naming an invisible character."""
    for character in text:
        if unicodedata.category(character) == "Cf":  # zero-width space, soft hyphen, marks
            name = unicodedata.name(character, "")
            code = f"U+{ord(character):04X}"
            raise NumberError(t("err.invisible", text=text.strip(), name=name, code=code))
    text = text.replace(_MINUS, "-")
    if _SPACE_GROUPED.fullmatch(text):
        stripped = text.strip()
        text = stripped[0] + "".join(c for c in stripped[1:] if c not in _SPACES)
    return text


def readings(text: str) -> list[Decimal]:
    """Every number ``text`` can mean (one, or two when a separator is ambiguous).

    Raises NumberError for text that is no number at all or that mixes separators.
    """
    text = _pasted(text)
    match = _SHAPE.fullmatch(text)
    if not match:
        raise NumberError(t("err.not_number_text", text=text))
    sign, body = match.groups()
    dots, commas = body.count("."), body.count(",")
    if not dots and not commas:
        found = [body]
    elif dots and commas:
        if _VIETNAMESE.fullmatch(body):
            found = [body.replace(".", "").replace(",", ".")]
        elif _ENGLISH.fullmatch(body):
            plain = body.replace(",", "")
            vietnamese = body.replace(",", "_").replace(".", ",").replace("_", ".")
            written = {"text": text.strip(), "plain": sign + plain, "vi": sign + vietnamese}
            raise NumberError(t("err.english_separators", **written))
        else:
            raise NumberError(t("err.not_a_number", text=text.strip()))
    else:
        separator = "." if dots else ","
        whole, _, fraction = body.partition(separator)
        if (dots or commas) > 1:
            if not _GROUPED[separator].fullmatch(body):
                raise NumberError(t("err.not_a_number", text=text.strip()))
            found = [body.replace(separator, "")]
        elif len(fraction) == 3:  # 19.515: a decimal point, or thousands?
            found = [f"{whole}.{fraction}", f"{whole}{fraction}"]
        else:
            found = [f"{whole}.{fraction}"]
    return [Decimal(sign + number) for number in found]


def read_number(
    text: str, plausible: tuple[Decimal, Decimal] | None = None, *, percent: bool = True
) -> Decimal:
    """The number ``text`` means; an ambiguous one is settled by the plausible range, if given.

    A unit after the number is refused, saying the number to write; so is a '%' unless
    ``percent`` (the figure is a percentage).
    """
    unit = _UNIT.fullmatch(text)
    if unit and not _SHAPE.fullmatch(_pasted(text)):
        number = read_number(unit.group(1), plausible)
        raise NumberError(t("err.unit", text=text.strip(), number=typed(number)))
    if not percent and "%" in text:
        number = read_number(text.replace("%", ""), plausible)
        raise NumberError(t("err.percent_sign", text=text.strip(), number=typed(number)))
    found = readings(text)
    if len(found) == 1:
        return found[0]
    if plausible is not None:
        low, high = plausible
        fitting = [number for number in found if low <= number <= high]
        if len(fitting) == 1:
            return fitting[0]
        if not fitting:
            return found[0]  # refused by the range check, which names the range
    small, large = found
    raise NumberError(
        t(
            "err.ambiguous",
            text=text.strip(),
            small=plain(small),
            large=plain(large),
            small_said=said(small, places=20, grouped=False),
        )
    )


def typed(number: Decimal) -> str:
    """A number as a message asks the reader to type it: every decimal it has, pointed as the
    reader writes numbers and not grouped (0,85 and 14820 in Vietnamese; 0.85 in English)."""
    exponent = number.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return said(number, places=decimals, grouped=False)


def plain(number: Decimal) -> str:
    """A Decimal in plain notation, as a YAML report writes it: without exponent or needless
    trailing zeros (7.50 -> 7.5, 30950)."""
    if number == number.to_integral_value():
        try:
            return str(number.quantize(Decimal(1)))
        except InvalidOperation:  # more digits than decimal arithmetic holds: 1E+400
            return str(number.normalize())
    return format(number.normalize(), "f")
