"""A report written as YAML (``nq94 convert``): exact numbers, with the places written, and every
text as written, quoted wherever nq94's reader would read it as something else."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import yaml

from nq94.model.scalars import scalar
from nq94.model.values import YamlDate

_STR = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"

_BREAKS = frozenset("\x85\u2028\u2029")
"""Next line, line separator, paragraph separator: YAML reads them as line breaks, which a
quoted text that spans lines folds into a space or drops; only double quotes keep them (as \\N,
\\L, \\P)."""


def _tag(read: Any) -> str:
    """The tag of what nq94's reader makes of a plain scalar."""
    if read is None:
        return "tag:yaml.org,2002:null"
    if isinstance(read, bool):
        return "tag:yaml.org,2002:bool"
    if isinstance(read, Decimal):
        return _FLOAT
    if isinstance(read, YamlDate):
        return "tag:yaml.org,2002:timestamp"
    return _STR


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing exact Decimals as YAML numbers with the places written, and
    deciding what may go unquoted by nq94's own rules for a plain scalar (nq94.model.scalars),
    not YAML 1.1's: 'N', 'y' and '08' are quoted, since nq94 reads them as a boolean and a
    number."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            return _tag(scalar(value))
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


def _decimal(dumper: yaml.SafeDumper, number: Decimal) -> yaml.ScalarNode:
    return dumper.represent_scalar(_FLOAT, format(number, "f"))


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if _BREAKS.intersection(text) else None
    return dumper.represent_scalar(_STR, text, style=style)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)


def dump_report(
    *,
    period: object,
    basis: object,
    source: str | None,
    values: Mapping[str, Any],
    targets: str | None = None,
) -> str:
    """A report as YAML text: period, basis, source, then each target's figure as it was
    written (a number, text, or a mapping of value, baseline, current, source and note)."""
    data: dict[str, Any] = {"period": str(period), "basis": str(basis)}
    if targets is not None:
        data["targets"] = targets
    if source is not None:
        data["source"] = source
    data["values"] = dict(values)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
