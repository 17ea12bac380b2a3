"""What a check format is given: evaluated reports (or reports a worker process has already
rendered with the format's ``piece``) and invalid files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from nq94.errors import Problem
from nq94.evaluate import Evaluation
from nq94.model import Status
from nq94.outcome import Invalid


class Rendered(NamedTuple):
    """An evaluated report already written out by its format's ``piece`` (in a worker)."""

    file: str
    text: str
    statuses: frozenset[Status]
    warnings: tuple[Problem, ...] = ()


Checked = Evaluation | Rendered | Invalid
"""One file's outcome in `check`: evaluated (or already rendered), or invalid."""


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
