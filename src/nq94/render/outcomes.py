"""What a check format is given: evaluated reports and invalid files; and, for a format whose
output for each report stands alone, each report's piece of the document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from nq94.errors import Problem
from nq94.evaluate import Evaluation
from nq94.outcome import Invalid

Checked = Evaluation | Invalid
"""One file's outcome in `check`: evaluated, or invalid."""


class Piece(NamedTuple):
    """One evaluated report as its format's ``report_text`` wrote it, for the format's
    ``document``: the text, and the warnings found in reading the report."""

    text: str
    warnings: tuple[Problem, ...] = ()


def pieces_of(
    outcomes: Iterable[Checked], report_text: Callable[[Evaluation], str]
) -> Iterator[Piece | Invalid]:
    """Each evaluated report written by ``report_text``, in order; invalid files as they are."""
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            yield outcome
        else:
            yield Piece(report_text(outcome), outcome.warnings)
