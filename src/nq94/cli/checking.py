"""`check` and `validate`: the files named, a nq94.checker.Checker to run over them, and the exit
code from what it came to."""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from nq94.cli.common import EXIT_FAIL, EXIT_INVALID, EXIT_OK, color, finder, note, say
from nq94.cli.options import (
    AsOfOption,
    FormatOption,
    LangOption,
    MaxBytesOption,
    PathsArgument,
    RecursiveOption,
    StrictOption,
    TargetsOption,
)
from nq94.model import Status
from nq94.read.yamldoc import MAX_BYTES
from nq94.render import Format

if TYPE_CHECKING:
    from nq94.checker import Checker, CheckResult

T = TypeVar("T")


class FailOn(StrEnum):
    """The status from which `check` exits 1."""

    MISSED = "missed"
    AT_RISK = "at-risk"

    @property
    def statuses(self) -> frozenset[Status]:
        """Statuses at or beyond this level."""
        match self:
            case FailOn.MISSED:
                return frozenset({Status.MISSED})
            case FailOn.AT_RISK:
                return frozenset({Status.MISSED, Status.AT_RISK})


def check(
    paths: PathsArgument,
    *,
    targets: TargetsOption = None,
    output_format: FormatOption = Format.AUTO,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="help.fail_on", show_default=False),
    ] = None,
    recursive: RecursiveOption = False,
    strict: StrictOption = False,
    as_of: AsOfOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Validate each report and show, for every target, whether it is met, missed or at risk."""
    checker = _checker(targets, output_format, strict, max_bytes, fail_on, as_of)
    _exit(checker.check, paths, recursive=recursive)


def validate(
    paths: PathsArgument,
    *,
    targets: TargetsOption = None,
    output_format: FormatOption = Format.AUTO,
    recursive: RecursiveOption = False,
    strict: StrictOption = False,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Check that reports are well formed, plausible and consistent, without evaluating targets."""
    checker = _checker(targets, output_format, strict, max_bytes, fail_on=None, as_of=None)
    _exit(checker.validate, paths, recursive=recursive)


def _checker(
    targets: Path | None,
    output_format: Format,
    strict: bool,
    max_bytes: int,
    fail_on: FailOn | None,
    as_of: datetime.date | None,
) -> Checker:
    """The checker the options ask for, writing in the format they name (`auto` resolved)."""
    from nq94.checker import Checker
    from nq94.render import resolve

    return Checker(
        finder(targets),
        resolve(output_format, isatty=sys.stdout.isatty()),
        strict=strict,
        max_bytes=max_bytes,
        failing=fail_on.statuses if fail_on else frozenset(),
        say=say,
        note=note,
        track=tracked,
        as_of=as_of,
    )


def _exit(run: Callable[..., CheckResult], paths: list[str], *, recursive: bool) -> NoReturn:
    """``run`` (Checker.check or Checker.validate) over the files ``paths`` name, writing to
    stdout, and exit with what it came to."""
    from nq94.read.files import expand

    files, missing = expand(paths, recursive=recursive)
    result = run(files, missing, sys.stdout, color=color(sys.stdout))
    sys.stdout.flush()
    raise typer.Exit(exit_code(result))


def exit_code(result: CheckResult) -> int:
    """2 when a file was invalid, else 1 when a report failed, else 0."""
    return EXIT_INVALID if result.invalid else EXIT_FAIL if result.failed else EXIT_OK


PROGRESS_FROM = 50
"""More files than this get a progress bar, when it helps (see tracked)."""


def tracked(outcomes: Iterable[T], total: int) -> Iterator[T]:
    """The outcomes, with a progress bar on stderr while a person waits for redirected output.

    Only when stderr is a terminal and stdout is not (so the bar never mixes with the report),
    and never in CI, whose logs are not terminals anyway.
    """
    if (
        total <= PROGRESS_FROM
        or not sys.stderr.isatty()
        or sys.stdout.isatty()
        or os.environ.get("CI")
    ):
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("checking reports", total=total)
        for outcome in outcomes:
            yield outcome
            progress.advance(task)
