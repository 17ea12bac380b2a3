"""The run of `check` and `validate`: each file read, evaluated (check) and handed to its format
as soon as it is ready, and what the run came to.

A file's whole job (read, evaluate, and for a format whose output for each report stands alone,
write the report's piece) is one function of its name. Over many files that function runs in
worker processes (nq94.workers), which this module decides; the formats never know where their
``report_text`` ran.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, Protocol, TextIO, TypeVar

from nq94 import workers
from nq94.errors import InputError, Problem
from nq94.evaluate import Evaluation, evaluated
from nq94.model import Status, TargetsFile
from nq94.outcome import Invalid, Loaded
from nq94.read.loading import Chooser, read_report
from nq94.render import PROBLEMS_IN_OUTPUT, Format, ReportText, module, per_report
from nq94.render.outcomes import Piece
from nq94.render.periods import reading_notes

T = TypeVar("T")
Item = TypeVar("Item", Loaded, Evaluation, Piece)

WORKERS_VARIABLE = "NQ94_WORKERS"
"""Set to 0, every file's job is done in this process, however many files there are (the
benchmark compares the two ways)."""


class Track(Protocol):
    """Shows the progress of a run through its files' outcomes (or does not)."""

    def __call__(self, outcomes: Iterable[T], total: int, /) -> Iterator[T]: ...


def untracked(outcomes: Iterable[T], total: int, /) -> Iterator[T]:
    """The outcomes, with no progress shown."""
    del total
    yield from outcomes


@dataclass
class CheckResult:
    """What a run came to, from which the command line picks its exit code."""

    invalid: bool = False
    """Some file could not be read as a valid report (or was not found)."""
    failed: bool = False
    """Some report came to a status among those the run fails on."""


class Done(NamedTuple, Generic[Item]):
    """One valid file's job done: what goes to the format, the statuses it came to, and what
    its reading needs said (a period whose code changed meaning)."""

    item: Item
    statuses: frozenset[Status] = frozenset()
    notices: tuple[str, ...] = ()


class Checker:
    """Checks report files against one targets file, in one output format.

    ``say`` is given each problem and warning as its file is done, unless the format writes
    them itself (github); ``track`` wraps the files' outcomes, to show progress.
    """

    def __init__(
        self,
        targets: TargetsFile | Chooser,
        fmt: Format,
        *,
        strict: bool,
        max_bytes: int,
        failing: frozenset[Status] = frozenset(),
        say: Callable[[Iterable[Problem]], None],
        note: Callable[[Iterable[str]], None] = lambda notices: None,
        track: Track = untracked,
        as_of: datetime.date | None = None,
    ) -> None:
        self.targets = targets
        self.note = note
        self.as_of = as_of
        self.format = fmt
        self.strict = strict
        self.max_bytes = max_bytes
        self.failing = failing
        self.say = say if fmt not in PROBLEMS_IN_OUTPUT else _quiet
        self.track = track

    def check(
        self, files: Sequence[str], missing: Iterable[Problem], out: TextIO, *, color: bool
    ) -> CheckResult:
        """Evaluate every report and write them in the format as they are done."""
        result = CheckResult()
        per = per_report(self.format)
        if per is None:
            evaluations = self._outcomes(self._evaluate, files, missing, result, parallel=False)
            module(self.format).check(evaluations, out, color=color)
        else:
            job = _Written(self._evaluate, per.report_text)
            per.document(self._outcomes(job, files, missing, result, parallel=True), out)
        return result

    def validate(
        self, files: Sequence[str], missing: Iterable[Problem], out: TextIO, *, color: bool
    ) -> CheckResult:
        """Read every file and write, in the format, whether each is a valid report."""
        result = CheckResult()
        outcomes = self._outcomes(self._read, files, missing, result, parallel=False)
        module(self.format).validate(outcomes, out, color=color)
        return result

    def _read(self, name: str) -> Done[Loaded] | Invalid:
        """One file read and validated."""
        try:
            loaded = read_report(
                name, self.targets, max_bytes=self.max_bytes, strict=self.strict, as_of=self.as_of
            )
        except InputError as e:
            return Invalid(name, e.problems)
        return Done(loaded, notices=reading_notes(loaded))

    def _evaluate(self, name: str) -> Done[Evaluation] | Invalid:
        """One file read and evaluated, with the statuses its targets came to."""
        read = self._read(name)
        if isinstance(read, Invalid):
            return read
        loaded = read.item
        evaluation = evaluated(loaded.targets or _targets_of(self.targets), loaded)
        statuses = frozenset(result.status for result in evaluation.results)
        return Done(evaluation, statuses, read.notices)

    def _outcomes(
        self,
        job: Callable[[str], Done[Item] | Invalid],
        files: Sequence[str],
        missing: Iterable[Problem],
        result: CheckResult,
        *,
        parallel: bool,
    ) -> Iterator[Item | Invalid]:
        """Each file's outcome in order, for the format: names that match no file first, then
        every file's job (in workers when ``parallel`` and it pays); problems and warnings are
        said, and the result noted, as each is done."""
        for problem in missing:
            result.invalid = True
            self.say((problem,))
            yield Invalid(problem.file, (problem,))
        if files:  # built here once, so that forked workers inherit it rather than each build it
            _build(self.targets)
        parallel = parallel and os.environ.get(WORKERS_VARIABLE) != "0"
        for outcome in self.track(workers.each(job, files, parallel=parallel), len(files)):
            if isinstance(outcome, Invalid):
                result.invalid = True
                self.say(outcome.problems)
                yield outcome
                continue
            self.say(outcome.item.warnings)
            self.note(outcome.notices)
            if outcome.statuses & self.failing:
                result.failed = True
            yield outcome.item


class _Written:
    """A file's job for a format whose output for each report stands alone: the report
    evaluated and written as its piece of the document (in a worker, for many files)."""

    def __init__(
        self, evaluate: Callable[[str], Done[Evaluation] | Invalid], report_text: ReportText
    ) -> None:
        self.evaluate = evaluate
        self.report_text = report_text

    def __call__(self, name: str) -> Done[Piece] | Invalid:
        done = self.evaluate(name)
        if isinstance(done, Invalid):
            return done
        evaluation = done.item
        piece = Piece(self.report_text(evaluation), evaluation.warnings)
        return Done(piece, done.statuses, done.notices)


def _targets_of(targets: TargetsFile | Chooser) -> TargetsFile:
    """The targets a report without a version of its own is judged by (never the case for a
    report read: loading notes the version)."""
    return targets if isinstance(targets, TargetsFile) else targets.default()


def _build(targets: TargetsFile | Chooser) -> None:
    """The report models of the targets most reports are checked against (every version), built
    before workers fork; a targets file that cannot be read is said of each report."""
    from nq94.model import report_model

    try:
        chosen = _targets_of(targets)
    except InputError:
        return
    for version in chosen.versions:
        report_model(version.targets, described=False)


def _quiet(problems: Iterable[Problem]) -> None:
    """Says nothing: the format writes problems and warnings itself."""
    del problems
