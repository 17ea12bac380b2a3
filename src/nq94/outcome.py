"""What checking one file can come to: evaluated, valid (not evaluated) or invalid."""

from __future__ import annotations

from dataclasses import dataclass

from nq94.errors import Problem
from nq94.evaluate import Evaluation
from nq94.loading import Loaded


@dataclass(frozen=True, slots=True)
class Invalid:
    """A file that could not be read as a valid report, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]


Outcome = Evaluation | Loaded | Invalid
"""One file's outcome: evaluated (check), valid (validate) or invalid (either)."""
