"""A report written as YAML (``nq94 convert``): exact numbers, with the places written."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper writing exact Decimals as YAML numbers, with the places written."""


def _decimal(dumper: yaml.SafeDumper, number: Decimal) -> yaml.ScalarNode:
    text = format(number, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _decimal)


def dump_report(
    *, period: object, basis: object, source: str | None, values: Mapping[str, Any]
) -> str:
    """A report as YAML text: period, basis, source, then each target's figure as it was
    written (a number, text, or a mapping of value, baseline, current, source and note)."""
    data: dict[str, Any] = {"period": str(period), "basis": str(basis)}
    if source is not None:
        data["source"] = source
    data["values"] = dict(values)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
