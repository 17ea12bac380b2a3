"""What checking one file can come to: evaluated, valid (not evaluated) or invalid."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from nq94.errors import Problem
from nq94.evaluate import Evaluation, evaluate
from nq94.loading import Loaded
from nq94.model import Status, TargetsFile


class Invalid(NamedTuple):
    """A file that could not be read as a valid report, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]


class Rendered(NamedTuple):
    """An evaluated report already written out by its format's ``piece`` (in a worker)."""

    file: str
    text: str
    statuses: frozenset[Status]
    warnings: tuple[Problem, ...] = ()


Checked = Evaluation | Rendered | Invalid
"""One file's outcome in `check`: evaluated (or already rendered), or invalid."""

Validated = Loaded | Invalid
"""One file's outcome in `validate`: valid, or invalid."""


def pieces(outcomes: Iterable[Checked], piece: Callable[[Evaluation], str]) -> Iterator[str]:
    """The text of each checked report in order: written by a worker already, or now by
    ``piece``. Invalid files have none; their problems are reported on their own."""
    for outcome in outcomes:
        if isinstance(outcome, Rendered):
            yield outcome.text
        elif isinstance(outcome, Evaluation):
            yield piece(outcome)


def statuses(outcome: Evaluation | Rendered) -> frozenset[Status]:
    """The statuses an evaluated report came to."""
    if isinstance(outcome, Rendered):
        return outcome.statuses
    return frozenset(result.status for result in outcome.results)


def evaluated(targets: TargetsFile, loaded: Loaded) -> Evaluation:
    """Evaluate a loaded report, carrying where and how each value was written, and its
    warnings."""
    evaluation = evaluate(
        targets,
        loaded.report,
        file=loaded.file,
        positions=loaded.positions,
        written=loaded.written,
    )
    return evaluation._replace(warnings=loaded.warnings)
