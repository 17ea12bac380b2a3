"""Figures and the pieces every model is made of: exact numbers as people write them, labels in
both languages, and the refusal every validator raises; pure, no I/O.

Every refusal is a ``PydanticCustomError`` whose type is the catalogue key of its message, with
the message's values as its context; ``at`` in the context, when present, is the path below the
error's location where the problem stands. :mod:`nq94.read.loading` turns errors into located
lines.
"""

import numbers
from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Any, NamedTuple, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.json_schema import (
    DEFAULT_REF_TEMPLATE,
    GenerateJsonSchema,
    JsonSchemaMode,
    JsonSchemaValue,
)
from pydantic_core import CoreSchema, PydanticCustomError

from nq94.i18n import catalogue, current, t
from nq94.model.numtext import NUMBER_TEXT, NumberError, read_number

MAX_MAGNITUDE = 30
"""Figures are refused beyond 1e30 or below 1e-30, so arithmetic on them never overflows."""
MAX_DIGITS = 20
"""Significant digits a figure may have: decimal arithmetic keeps 28, and a figure compared with
a threshold must keep every digit through a division (7.4999…9 is not 7.5)."""
MAX_DECIMALS = 2 * MAX_MAGNITUDE
"""Figures are refused with more decimals than this (as written: 0e-99 has 99)."""


class YamlDate(NamedTuple):
    """A scalar YAML would read as a date or time; kept as text so it can be reported."""

    text: str


def invalid(key: str, /, *, at: Iterable[str] = (), **values: Any) -> PydanticCustomError:
    """A refusal: its type is the catalogue key ``key``, its message that key's text in the
    reader's language, its context ``values`` and the path ``at`` below where it is raised."""
    return PydanticCustomError(key, t(key, **values), {**values, "at": tuple(at)})


def describe(value: Any) -> str:
    """A found value as a message names it: 'bảy' in quotes, nothing (null), a list."""
    if value is None:
        return t("describe.null")
    if isinstance(value, bool):
        return t("describe.bool", value=str(value).lower())
    if isinstance(value, YamlDate):
        return t("describe.date", text=value.text)
    if isinstance(value, dict):
        return t("describe.mapping")
    if isinstance(value, list):
        return t("describe.list")
    return repr(value) if isinstance(value, str) else str(value)


def parse_number(
    value: Any, plausible: tuple[Decimal, Decimal] | None = None, *, percent: bool = True
) -> Decimal:
    """A finite Decimal from a number, or from text such as '7.5', '7,5' or '7,5%' (a separator
    that could mean either is settled by ``plausible``; a '%' is refused unless ``percent``).

    Raises NumberError saying what was found and what to write.
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool):
        raise NumberError(t("err.expected_number", got=describe(value)))
    elif isinstance(value, numbers.Integral):  # int, and numpy's integers, which are Integral
        number = Decimal(int(value))
    elif isinstance(value, numbers.Real):  # float, numpy's floats: as Python prints them
        number = Decimal(repr(float(value)))
    elif isinstance(value, str):
        number = read_number(value, plausible, percent=percent)
    else:
        raise NumberError(t("err.expected_number", got=describe(value)))
    if not number.is_finite():
        raise NumberError(t("err.expected_finite", got=number))
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite
    # the exponent is bounded too, so that no zero or tiny figure (0e-999999999) is ever
    # written out in full or scaled past what decimal arithmetic holds
    if (number and not -MAX_MAGNITUDE <= number.adjusted() <= MAX_MAGNITUDE) or not (
        -MAX_DECIMALS <= exponent <= MAX_MAGNITUDE
    ):
        raise NumberError(t("err.magnitude", limit=MAX_MAGNITUDE, got=_short(number)))
    significant = len(digits)
    if exponent >= 0:  # a whole number: its trailing zeros place it, they are not digits kept
        significant -= len(digits) - len("".join(map(str, digits)).rstrip("0") or "0")
    if significant > MAX_DIGITS:  # beyond what the arithmetic keeps exact
        raise NumberError(t("err.too_many_digits", most=MAX_DIGITS, got=_short(number)))
    return number


def _short(number: Decimal) -> str:
    """A figure as a message names it, cut short when it is very long."""
    text = str(number)
    return text if len(text) <= 40 else f"{text[:20]}…{text[-10:]}"


def _number(
    value: Any,
    plausible: tuple[Decimal, Decimal] | None = None,
    *,
    at: tuple[str, ...] = (),
    percent: bool = True,
) -> Decimal:
    try:
        return parse_number(value, plausible, percent=percent)
    except NumberError as e:
        raise PydanticCustomError("number", str(e), {"at": at}) from e


def _figure(value: Any) -> Decimal:
    return _number(value)


NumberText = Annotated[str, Field(pattern=NUMBER_TEXT, description="schema.number_text")]
"""A number written as text, as the JSON Schema describes it."""

Number = Annotated[
    Decimal,
    BeforeValidator(_figure, json_schema_input_type=Union[float, NumberText]),  # noqa: UP007
]
"""An exact figure: a number, or text such as "7,5" (refused beyond 1e30, NaN, infinities)."""


def _json_number(number: Decimal) -> int | float:
    """A bound in the JSON Schema (JSON Schema numbers are what JSON parsers make of them)."""
    return int(number) if number == number.to_integral_value() else float(number)


class Described(GenerateJsonSchema):
    """pydantic's JSON Schema generator, with each description that is a catalogue key
    (``schema.basis``: the models hold keys, so that one model serves both languages) said in
    the language spoken now, and without the descriptions of enums (their docstrings, written
    for programmers: the field that takes one says what it is)."""

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        made: JsonSchemaValue = said(super().generate(schema, mode))
        for definition in made.get("$defs", {}).values():
            if "enum" in definition:
                definition.pop("description", None)
        return made


def said(node: Any) -> Any:
    """``node`` (a JSON Schema, or a part of one) with every description that is a catalogue key
    said in the language spoken now."""
    words = catalogue(current())
    if isinstance(node, dict):
        return {
            key: words[value]
            if key == "description" and isinstance(value, str) and value in words
            else said(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [said(item) for item in node]
    return node


class Frozen(BaseModel):
    """An immutable model that refuses keys it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def model_json_schema(
        cls,
        by_alias: bool | None = None,
        ref_template: str = DEFAULT_REF_TEMPLATE,
        schema_generator: type[GenerateJsonSchema] = Described,
        mode: JsonSchemaMode = "validation",
        **more: Any,
    ) -> dict[str, Any]:
        """The model's JSON Schema, each field described in words in the language spoken now
        (English, unless NQ94_LANG or the locale says Vietnamese)."""
        return super().model_json_schema(by_alias, ref_template, schema_generator, mode, **more)


class Names(Frozen):
    """A label in Vietnamese and in English."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.targets.names"})

    vi: str = Field(description="schema.targets.vi")
    en: str = Field(description="schema.targets.en")


class Label(Frozen):
    """Words in Vietnamese, and in English where they are given (the Vietnamese stand in for
    them where they are not): a document's title, the body that set a requirement."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.targets.label"})

    vi: str = Field(description="schema.targets.vi")
    en: str | None = Field(default=None, description="schema.targets.en")


def closest(name: str, names: Iterable[str]) -> str | None:
    """The known name most like a mistyped one, if any is close."""
    import difflib  # only when a name is unknown

    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def misread_thousands(value: Decimal, plausible: tuple[Decimal, Decimal]) -> Decimal | None:
    """The plausible value meant when a '.' between thousands was read as a decimal point.

    19.515 (billion VND) is implausible for a budget; 19515 is what the resolution's
    "19.515 tỷ đồng" means.
    """
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent % 3 or exponent >= 0:
        return None
    meant = value.scaleb(-exponent)
    low, high = plausible
    return meant if low <= meant <= high else None
