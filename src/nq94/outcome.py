"""What checking one file can come to: evaluated, valid (not evaluated) or invalid."""

from __future__ import annotations

from typing import NamedTuple

from nq94.errors import Problem
from nq94.evaluate import Evaluation, evaluate
from nq94.loading import Loaded
from nq94.model import TargetsFile


class Invalid(NamedTuple):
    """A file that could not be read as a valid report, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]


Outcome = Evaluation | Loaded | Invalid
"""One file's outcome: evaluated (check), valid (validate) or invalid (either)."""


def evaluated(targets: TargetsFile, loaded: Loaded) -> Evaluation:
    """Evaluate a loaded report, carrying where and how each value was written."""
    return evaluate(
        targets,
        loaded.report,
        file=loaded.file,
        positions=loaded.positions,
        written=loaded.written,
    )
