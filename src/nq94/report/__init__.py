"""Output formats: one module per format behind one small interface, and the registry of them.

A format module has two functions, each writing to an injected stream as outcomes arrive:
``check(outcomes, out, *, color)`` for evaluated reports and ``validate(outcomes, out, *, color)``
for validated ones. Invalid files reach both as :class:`nq94.outcome.Invalid`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TextIO, cast

from nq94.outcome import Outcome


class Format(StrEnum):
    """The output formats of `check` and `validate`; `auto` picks one for the environment."""

    AUTO = "auto"
    TABLE = "table"
    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    GITHUB = "github"
    JUNIT = "junit"


class Render(Protocol):
    """Writes outcomes to a stream, one at a time, as they become ready."""

    def __call__(self, outcomes: Iterable[Outcome], out: TextIO, *, color: bool) -> None: ...


class FormatModule(Protocol):
    """What a format module provides."""

    check: Render
    validate: Render


MODULE_BY_FORMAT: dict[Format, str] = {
    Format.TABLE: "nq94.report.table",
    Format.TEXT: "nq94.report.text",
    Format.JSON: "nq94.report.jsonfmt",
    Format.CSV: "nq94.report.csvfmt",
    Format.MARKDOWN: "nq94.report.markdown",
    Format.GITHUB: "nq94.report.github",
    Format.JUNIT: "nq94.report.junit",
}
"""Module of each concrete format; imported only when used, so text and JSON never load rich."""

PROBLEMS_IN_OUTPUT = frozenset({Format.GITHUB})
"""Formats whose output carries the located problems itself, so they are not repeated on stderr."""


def resolve(fmt: Format, *, isatty: bool) -> Format:
    """The concrete format for `auto`: github in GitHub Actions, table on a terminal, else text."""
    if fmt is not Format.AUTO:
        return fmt
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return Format.GITHUB
    return Format.TABLE if isatty else Format.TEXT


def module(fmt: Format) -> FormatModule:
    """The module of a concrete format."""
    return cast(FormatModule, importlib.import_module(MODULE_BY_FORMAT[fmt]))
