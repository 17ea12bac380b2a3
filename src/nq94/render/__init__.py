"""Output formats: one module per format behind one small interface, and the registry of them.

A format module has two functions, each writing to an injected stream as outcomes arrive:
``check(outcomes, out, *, color)`` for evaluated reports and ``validate(outcomes, out, *, color)``
for validated ones. Invalid files reach both as :class:`nq94.outcome.Invalid`.

A format whose output for each report stands alone (PER_REPORT) is made of two more:
``report_text(evaluation)``, a pure function writing one report's piece of the output, and
``document(pieces, out)``, which writes the whole from those pieces as they arrive; its ``check``
is the one on the other. Whoever checks the reports (nq94.checker) may call ``report_text``
wherever it likes, in worker processes for many files; the format never knows.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TextIO, cast

if TYPE_CHECKING:  # the registry is imported by every command; these only by checking ones
    from nq94.evaluate import Evaluation
    from nq94.outcome import Invalid, Validated
    from nq94.render.outcomes import Checked, Piece
    from nq94.review import Comparison, Trend


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


class RenderChecked(Protocol):
    """Writes checked reports to a stream, one at a time, as they become ready."""

    def __call__(self, outcomes: Iterable[Checked], out: TextIO, *, color: bool) -> None: ...


class RenderValidated(Protocol):
    """Writes validated files to a stream, one at a time, as they become ready."""

    def __call__(self, outcomes: Iterable[Validated], out: TextIO, *, color: bool) -> None: ...


class FormatModule(Protocol):
    """What a format module provides."""

    check: RenderChecked
    validate: RenderValidated


class ReportText(Protocol):
    """One evaluated report's piece of a document, as text; pure, so it runs anywhere."""

    def __call__(self, evaluation: Evaluation, /) -> str: ...


class WriteDocument(Protocol):
    """Writes a document from its reports' pieces (and invalid files) as they arrive."""

    def __call__(self, pieces: Iterable[Piece | Invalid], out: TextIO, /) -> None: ...


class PerReportModule(FormatModule, Protocol):
    """What a format whose output for each report stands alone provides besides."""

    report_text: ReportText
    document: WriteDocument


class ReviewModule(Protocol):
    """What a format module provides for reviews across reports (`trend`, `diff`)."""

    def trend(self, trend: Trend, out: TextIO, *, color: bool) -> None: ...

    def diff(self, comparison: Comparison, out: TextIO, *, color: bool) -> None: ...


REVIEW_FORMATS = (Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN)
"""The formats of `trend` and `diff`."""

MODULE_BY_FORMAT: dict[Format, str] = {
    Format.TABLE: "nq94.render.table",
    Format.TEXT: "nq94.render.text",
    Format.JSON: "nq94.render.jsonfmt",
    Format.CSV: "nq94.render.csvfmt",
    Format.MARKDOWN: "nq94.render.markdown",
    Format.GITHUB: "nq94.render.github",
    Format.JUNIT: "nq94.render.junit",
}
"""Module of each concrete format, imported only when used."""

PER_REPORT = frozenset({Format.TEXT, Format.JSON, Format.CSV})
"""Formats whose output for each report stands alone: their modules are PerReportModules."""

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


def per_report(fmt: Format) -> PerReportModule | None:
    """The module of a format whose output for each report stands alone; None for the others."""
    return cast(PerReportModule, module(fmt)) if fmt in PER_REPORT else None


def review_module(fmt: Format) -> ReviewModule:
    """The module of a format that can show reviews across reports."""
    assert fmt in REVIEW_FORMATS, fmt
    return cast(ReviewModule, importlib.import_module(MODULE_BY_FORMAT[fmt]))
