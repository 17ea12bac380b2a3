"""What every command does the same way: exit codes, reading the targets and reports, failing
with located problems, colour, and writing output files."""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from nq94.cli.typer_adapter import Refused
from nq94.errors import InputError, Problem, escaped
from nq94.i18n import t

if TYPE_CHECKING:
    from nq94.model import TargetsFile
    from nq94.outcome import Loaded
    from nq94.read.targets import Finder

EXIT_OK, EXIT_FAIL, EXIT_INVALID = 0, 1, 2


def finder(path: Path | None) -> Finder:
    """What finds each report's targets file: ``--targets`` (``path``) when given, else the
    report's own ``targets:`` line, NQ94_TARGETS, an nq94.toml, or the built-in targets."""
    from nq94.read.targets import Finder

    return Finder(str(path) if path is not None else None)


def load_targets(path: Path | None) -> TargetsFile:
    """The targets of a command that reads no report: ``--targets`` (``path``), else
    NQ94_TARGETS, an nq94.toml, or the built-in ones; or exit 2 with their problems."""
    try:
        return finder(path).default()
    except InputError as e:
        fail(e.problems)


def read_all(
    names: list[str], targets: Finder, max_bytes: int, *, as_of: datetime.date | None = None
) -> list[Loaded]:
    """Every report read against the targets each names (judged by the version in force for
    its period, or on ``as_of``), or exit 2 with the problems of all of them."""
    from nq94.read.loading import read_report

    loaded: list[Loaded] = []
    problems: list[Problem] = []
    for name in names:
        try:
            loaded.append(read_report(name, targets, max_bytes=max_bytes, as_of=as_of))
        except InputError as e:
            problems += e.problems
    if problems:
        fail(tuple(problems))
    from nq94.render.periods import reading_notes

    for each in loaded:
        say(each.warnings)
        note(reading_notes(each))
    return loaded


_noted: set[str] = set()
"""The notices said so far in this run: each is said once."""


def note(notices: Iterable[str]) -> None:
    """Say each notice on stderr, once a run."""
    for notice in notices:
        if notice not in _noted:
            _noted.add(notice)
            typer.echo(escaped(notice), err=True)


def fail(problems: Iterable[Problem]) -> NoReturn:
    """Say every problem on stderr, located, and exit 2."""
    say(problems)
    raise typer.Exit(EXIT_INVALID)


def say(problems: Iterable[Problem]) -> None:
    """Say each problem or warning on stderr, located, one a line."""
    for problem in problems:
        typer.echo(str(problem), err=True)


def color(stream: object) -> bool:
    """Colour only on a terminal, never on a dumb one (TERM=dumb) and never when NO_COLOR is set
    (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write(output: Path, data: bytes, *, replace: bool) -> None:
    """Write an output file whole and say so; an output that exists (without ``replace``, even
    one another run created meanwhile) is a usage error, any other failure one line, exit 2."""
    from nq94.render.write import write_atomic

    with writing():
        write_atomic(output, data, replace=replace)
    typer.echo(t("cli.wrote", output=escaped(str(output))), err=True)


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """An output that exists (and is not to be replaced) is a usage error; any other failure to
    write is one line and exit 2."""
    from nq94.errors import OutputExists, WriteError

    try:
        yield
    except OutputExists as e:
        raise Refused(str(e)) from None
    except WriteError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(EXIT_INVALID) from None


def may_write(output: Path, *, replace: bool, reports: Iterable[str]) -> None:
    """Refuse at once, before a report is read or a line printed, an output that is one of the
    reports, exists (without ``replace``) or is not a regular file (trend, diff)."""
    from nq94.render.write import check_output

    for report in reports:
        not_the_report(Path(report), output)
    with writing():
        check_output(output, replace=replace)


def not_the_report(report: Path, output: Path) -> None:
    """Refuse an output that is the report being read (export, convert)."""
    if output.exists() and report.exists() and output.resolve() == report.resolve():
        raise Refused(t("cli.overwrite_report"))
