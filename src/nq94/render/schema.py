"""The JSON Schema of a report file: the report model's own schema, named and dated.

Editors with a YAML language server use it to complete ids and flag mistakes while people type.
The schema adds nothing to the model's (``model_json_schema``) but ``$schema`` and ``title``;
the descriptions the models hold as catalogue keys are said in the reader's language.
"""

from __future__ import annotations

from typing import Any

from nq94.i18n import catalogue, current, t
from nq94.model import TargetsFile, report_model
from nq94.render.numbers import words_of

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def report_schema(targets: TargetsFile) -> dict[str, Any]:
    """The schema of a report checked against ``targets``."""
    schema = report_model(targets.throughout()).model_json_schema()
    schema.pop("title", None)
    for definition in schema.get("$defs", {}).values():
        if "enum" in definition:  # an enum's docstring, in English: its field says what it is
            definition.pop("description", None)
    return {
        "$schema": DRAFT,
        "title": t("schema.title", **words_of(targets)),
        **_said(schema),
    }


def targets_schema() -> dict[str, Any]:
    """The schema of a targets file, of either format (``format: 2`` picks the second)."""
    from pydantic import TypeAdapter

    from nq94.model import TargetsFile1, TargetsFile2

    either: Any = TargetsFile1 | TargetsFile2
    schema = TypeAdapter(either).json_schema(by_alias=True)
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)
        if "enum" in definition:
            definition.pop("description", None)
    return {"$schema": DRAFT, "title": t("schema.targets_title"), **_said(schema)}


def _said(node: Any) -> Any:
    """``node`` with every description that is a catalogue key said in the reader's language."""
    words = catalogue(current())
    if isinstance(node, dict):
        return {
            key: words[value]
            if key == "description" and isinstance(value, str) and value in words
            else _said(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_said(item) for item in node]
    return node
