"""The command line: the app, its commands, and the entry point; only this package knows argv,
exit codes and the terminal.

Each command lives with its kin (checking, reviews, documents) and is thin: parse, build, run,
exit code. Typer's insides are in typer_adapter alone. Help texts are catalogue keys, said in
the reader's language when they are shown, so that importing this package speaks no language.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Annotated

import typer

from nq94 import __version__
from nq94.cli.common import EXIT_INVALID
from nq94.cli.options import LangOption
from nq94.cli.typer_adapter import Command, Group
from nq94.i18n import t

COMMANDS: dict[str, tuple[str, str, str | None]] = {
    "check": ("checking", "check", "help.check_exit"),
    "validate": ("checking", "validate", "help.validate_exit"),
    "trend": ("reviews", "trend", "help.trend_exit"),
    "site": ("reviews", "site", "help.site_exit"),
    "diff": ("reviews", "diff", "help.diff_exit"),
    "export": ("documents", "export", None),
    "schema": ("targets", "schema", None),
    "template": ("documents", "template", None),
    "convert": ("documents", "convert", None),
    "targets": ("targets", "list_targets", None),
    "init": ("targets", "init", None),
}
"""Each command, in the order help lists them: the module of nq94.cli and the function that
are the command, and the catalogue key of its epilog (its help is help.NAME)."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nq94 {__version__}")
        raise typer.Exit()


def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="help.version"),
    ] = False,
    lang: LangOption = None,
) -> None:
    """The commands below; their help comes from the reader's catalogue (nq94.i18n). --lang
    may come before the command too."""


def _wanted(argv: Sequence[str]) -> list[str]:
    """The commands a run of ``argv`` needs: the one it names, else all (for the app's help, the
    version, and a name that is no command)."""
    wanted = argv[1] if len(argv) > 1 else ""
    return [wanted] if wanted in COMMANDS else list(COMMANDS)


def load(argv: Sequence[str]) -> None:
    """Import the modules of the commands a run of ``argv`` needs, before it runs (nq94.main
    imports with the garbage collector paused)."""
    for name in _wanted(argv):
        importlib.import_module(f"nq94.cli.{COMMANDS[name][0]}")


def app_of(names: Iterable[str]) -> typer.Typer:
    """nq94 with the commands ``names`` alone: only the modules they live in are imported."""
    app = typer.Typer(
        name="nq94",
        help="help.app",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        cls=Group,
    )
    app.callback(help="help.app")(_main)
    for name in names:
        where, function, epilog = COMMANDS[name]
        callback = getattr(importlib.import_module(f"nq94.cli.{where}"), function)
        app.command(name, cls=Command, help=f"help.{name}", epilog=epilog)(callback)
    return app


@cache
def _whole() -> typer.Typer:
    return app_of(COMMANDS)


def __getattr__(name: str) -> typer.Typer:
    """``app``: nq94 with all its commands, built on first use."""
    if name == "app":
        return _whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point.

    Typer builds a click command for every command of the app on each run, reading every
    signature; a run names one command, so only that one is imported and built (about 25 ms
    less start-up). Help for the whole app, the version and unknown commands go through the
    whole app.

    A worker process that dies, or memory that runs out, ends the run with one line and exit 2;
    a run ended in any way leaves no worker behind.
    """
    from nq94 import workers

    try:
        app_of(_wanted(sys.argv))()
    except workers.WorkerLost:
        typer.echo(t("cli.worker_lost"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except MemoryError:
        workers.stop()  # first, to give back what they hold
        typer.echo(t("cli.out_of_memory"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    finally:
        workers.stop()
