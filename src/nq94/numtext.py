"""Numbers as people write them in reports: '7,5', '7,5%', '19.515', '1.234,5'.

Vietnamese writes a comma for the decimal point and a dot between thousands; YAML and English
the other way round. A text is read the one way it can be read. Where a single separator
followed by three digits could be either ('19.515', '12,345'), the target's plausible range
decides; where it cannot, the text is refused with both readings, so nothing is guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal

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


def readings(text: str) -> list[Decimal]:
    """Every number ``text`` can mean (one, or two when a separator is ambiguous).

    Raises NumberError for text that is no number at all or that mixes separators.
    """
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


def read_number(text: str, plausible: tuple[Decimal, Decimal] | None = None) -> Decimal:
    """The number ``text`` means; an ambiguous one is settled by the plausible range, if given."""
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
    small, large = (_plain(number) for number in found)
    raise NumberError(t("err.ambiguous", text=text.strip(), small=small, large=large))


def _plain(number: Decimal) -> str:
    return str(int(number)) if number == number.to_integral_value() else str(number)
