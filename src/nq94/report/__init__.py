"""Output formats: one module per format behind one small interface, and the registry of them."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TextIO

from nq94.evaluate import Evaluation


class Format(StrEnum):
    """The output formats of `nq94 check`."""

    TABLE = "table"
    JSON = "json"


class Renderer(Protocol):
    """Writes evaluations to a stream, one at a time, as they become ready."""

    def __call__(self, evaluations: Iterable[Evaluation], out: TextIO, *, color: bool) -> None: ...


RENDERER_BY_FORMAT: dict[Format, str] = {
    Format.TABLE: "nq94.report.table",
    Format.JSON: "nq94.report.jsonfmt",
}
"""Module of each format; imported only when used, so JSON output never loads rich."""


def renderer(fmt: Format) -> Renderer:
    """The render function of a format."""
    module = importlib.import_module(RENDERER_BY_FORMAT[fmt])
    render: Renderer = module.render
    return render
