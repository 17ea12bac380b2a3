"""The JSON Schema of a report file: pydantic's schema of the Report dataclass, made precise.

pydantic generates the skeleton from the dataclasses; the targets' ids, the number forms the
reader accepts and the one-of forms of an entry are then spelled out.

Editors with a YAML language server use it to complete ids and flag mistakes while people type.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from nq94.i18n import pick, t
from nq94.model import DERIVABLE, PERIOD_TEXT, Entry, Report, TargetsFile, plain
from nq94.numtext import NUMBER_TEXT
from nq94.report.numbers import comparison, measured

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PERIOD_PATTERN = f"^{PERIOD_TEXT}$"
PERIOD_EXAMPLES = ["2024", "2024-Q3", "2024-H1", "2024-9M", "2024-M05"]


def _number() -> dict[str, Any]:
    """A figure: a number, or text such as "7,5" (described in the reader's language)."""
    text = {"type": "string", "pattern": NUMBER_TEXT, "description": t("schema.number_text")}
    return {"anyOf": [{"type": "number"}, text]}


def report_schema(targets: TargetsFile) -> dict[str, Any]:
    """The schema of a report checked against ``targets``."""
    from pydantic import TypeAdapter  # only this command needs pydantic

    schema = TypeAdapter(Report).json_schema()
    defs = schema["$defs"]
    defs["Entry"] = _entry_schema(derivable=True)
    defs["ValueEntry"] = _entry_schema(derivable=False)
    properties = schema["properties"]
    del defs["Period"]
    properties["period"] = {
        "description": t("schema.period"),
        "anyOf": [
            {"type": "string", "pattern": PERIOD_PATTERN, "examples": PERIOD_EXAMPLES},
            {"type": "integer", "minimum": 1900, "maximum": 2200},
        ],
    }
    properties["source"] = {
        "type": "string",
        "description": t("schema.report_source"),
    }
    properties["values"] = {
        "type": "object",
        "description": t("schema.values"),
        "properties": {target.id: _value_schema(target.id, targets) for target in targets.targets},
        "additionalProperties": False,
    }
    resolution = targets.resolution
    return {
        "$schema": DRAFT,
        "title": t("schema.title", number=resolution.number, year=resolution.year),
        **{key: value for key, value in schema.items() if key != "title"},
    }


def _value_schema(target_id: str, targets: TargetsFile) -> dict[str, Any]:
    target = targets.by_id[target_id]
    entry = "Entry" if target.kind in DERIVABLE else "ValueEntry"
    low, high = target.plausible
    number = {"type": "number", "minimum": _json_number(low), "maximum": _json_number(high)}
    return {
        "description": t(
            "schema.target",
            words=target.words,
            required=measured(comparison(target), pick(target.unit)),
            low=plain(low),
            high=plain(high),
        ),
        "anyOf": [number, _number()["anyOf"][1], {"$ref": f"#/$defs/{entry}"}],
    }


def _json_number(number: Decimal) -> int | float:
    """A bound for the schema (JSON Schema numbers are what JSON parsers make of them)."""
    return int(number) if number == number.to_integral_value() else float(number)


def _entry_schema(*, derivable: bool) -> dict[str, Any]:
    fields = {f.name for f in dataclasses.fields(Entry)}
    properties: dict[str, Any] = {
        "value": {**_number(), "description": t("schema.value")},
        "source": {"type": "string", "description": t("schema.source")},
        "note": {"type": "string", "description": t("schema.note")},
    }
    required: dict[str, Any] = {"required": ["value"]}
    if derivable:
        properties["baseline"] = {**_number(), "description": t("schema.baseline")}
        properties["current"] = {**_number(), "description": t("schema.current")}
        required = {
            "oneOf": [
                {
                    "required": ["value"],
                    "not": {"anyOf": [{"required": ["baseline"]}, {"required": ["current"]}]},
                },
                {"required": ["baseline", "current"], "not": {"required": ["value"]}},
            ]
        }
    assert set(properties) <= set(fields)  # the schema never names a key the model refuses
    return {
        "type": "object",
        "description": t("schema.entry"),
        "properties": properties,
        "additionalProperties": False,
        **required,
    }
