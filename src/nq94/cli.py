"""The command line: parse, build, run, pick the exit code; only this module knows argv."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from nq94 import __version__
from nq94.errors import InputError, Problem
from nq94.model import Status, TargetsFile
from nq94.report import Format

if TYPE_CHECKING:
    from nq94.evaluate import Evaluation

EXIT_OK, EXIT_FAIL, EXIT_INVALID = 0, 1, 2

app = typer.Typer(
    name="nq94",
    help=(
        "Check reports against the 2024 targets of Resolution 94/NQ-HĐND of Thái Nguyên "
        "province: which targets are met, missed or at risk."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nq94 {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Check reports against the targets of Resolution 94/NQ-HĐND (Thái Nguyên, 2024)."""


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        help="Targets file to use instead of the built-in Resolution 94/NQ-HĐND targets.",
        dir_okay=False,
        show_default=False,
    ),
]


@app.command(
    epilog="Exit codes: 0 every file valid; 1 a status at or beyond --fail-on; 2 invalid input "
    "(one FILE:LINE:COL: line per problem on stderr)."
)
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Report files (YAML) to check.",
            metavar="REPORT",
            show_default=False,
            dir_okay=False,
        ),
    ],
    *,
    targets: TargetsOption = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.TABLE,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a target of any report is missed ('missed'), "
            "or missed or at risk ('at-risk').",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Validate each report and show, for every target, whether it is met, missed or at risk."""
    from nq94.evaluate import evaluate
    from nq94.loading import load_report
    from nq94.report import renderer

    target_set = _load_targets(targets)
    problems: list[Problem] = []
    failing = fail_on.statuses if fail_on else frozenset()
    failed = False

    def evaluations() -> Iterator[Evaluation]:
        nonlocal failed
        for path in files:
            name = str(path)
            try:
                report = load_report(name, target_set)
            except InputError as e:
                problems.extend(e.problems)
                continue
            evaluation = evaluate(target_set, report, file=name)
            failed = failed or any(r.status in failing for r in evaluation.results)
            yield evaluation

    render = renderer(output_format)
    render(evaluations(), sys.stdout, color=_color(sys.stdout))
    _exit(problems, failed)


@app.command(name="targets")
def list_targets(
    target_id: Annotated[
        str | None,
        typer.Argument(
            help="A target id to explain; all targets are listed without it.", show_default=False
        ),
    ] = None,
    *,
    targets: TargetsOption = None,
) -> None:
    """List the targets with the resolution's words, or explain one target."""
    from nq94.report.targets import explain, listing

    target_set = _load_targets(targets)
    color = _color(sys.stdout)
    if target_id is None:
        listing(target_set, sys.stdout, color=color)
        return
    target = target_set.target(target_id)
    if target is None:
        import difflib

        close = difflib.get_close_matches(target_id, target_set.by_id, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else "; run `nq94 targets` for the list"
        typer.echo(f"nq94: unknown target id '{target_id}'{hint}", err=True)
        raise typer.Exit(EXIT_INVALID)
    explain(target_set, target, sys.stdout, color=color)


def _load_targets(path: Path | None) -> TargetsFile:
    from nq94.loading import load_targets

    try:
        return load_targets(str(path) if path is not None else None)
    except InputError as e:
        _exit(list(e.problems), False)


def _exit(problems: list[Problem], failed: bool) -> NoReturn:
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_FAIL if failed else EXIT_OK)


def _color(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def main() -> None:
    """Console-script entry point."""
    app()
