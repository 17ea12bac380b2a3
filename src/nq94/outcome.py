"""What reading one report file can come to: a valid report with where each of its values
stands (Loaded), or an invalid file with every problem found in it (Invalid)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from nq94.errors import Mark, Problem
from nq94.model import Report, TargetsFile


class Invalid(NamedTuple):
    """A file that could not be read as a valid report, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]


class Loaded(NamedTuple):
    """A valid report, with where each of its values stands in the file."""

    file: str
    report: Report
    positions: Mapping[str, Mark]
    """Target id -> where its value starts; "values" -> where the values mapping starts."""
    written: Mapping[str, Any]
    """Target id -> the figure exactly as the file wrote it (text stays text)."""
    warnings: tuple[Problem, ...] = ()
    """Figures that are valid but look wrong, located."""
    period_at: Mark = Mark(1, 1)
    """Where the period stands in the file."""
    targets: TargetsFile | None = None
    """The targets the report was checked against: the version in force for its period."""
    notices: tuple[str, ...] = ()
    """What the reader needs told of how the file was read (a workbook's figures read from a
    copy of its report sheet)."""


Validated = Loaded | Invalid
"""One file's outcome in `validate`: valid, or invalid."""
