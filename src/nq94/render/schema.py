"""The JSON Schema of a report file: the report model's own schema, named and dated.

Editors with a YAML language server use it to complete ids and flag mistakes while people type.
The schema adds nothing to the model's (``model_json_schema``, whose descriptions the models'
own generator says in the reader's language) but ``$schema`` and ``title``.
"""

from __future__ import annotations

from typing import Any

from nq94.i18n import t
from nq94.model import TargetsFile, report_model
from nq94.render.numbers import words_of

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def report_schema(targets: TargetsFile) -> dict[str, Any]:
    """The schema of a report checked against ``targets``."""
    # described in words (model.values.Described); every version's targets
    schema = report_model(targets.throughout()).model_json_schema()
    schema.pop("title", None)
    return {"$schema": DRAFT, "title": t("schema.title", **words_of(targets)), **schema}


def targets_schema() -> dict[str, Any]:
    """The schema of a targets file, of either format (``format: 2`` picks the second)."""
    from pydantic import TypeAdapter

    from nq94.model import TargetsFile1, TargetsFile2
    from nq94.model.values import Described

    either: Any = TargetsFile1 | TargetsFile2
    schema = TypeAdapter(either).json_schema(by_alias=True, schema_generator=Described)
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)
    return {"$schema": DRAFT, "title": t("schema.targets_title"), **schema}
