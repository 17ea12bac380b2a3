"""The command line: the app, its commands, and the entry point; only this package knows argv,
exit codes and the terminal.

Each command lives with its kin (checking, reviews, documents) and is thin: parse, build, run,
exit code. Typer's insides are in typer_adapter alone. Help texts are catalogue keys, said in
the reader's language when they are shown, so that importing this package speaks no language.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import Annotated

import typer

from nq94 import __version__
from nq94.cli import checking, documents, reviews
from nq94.cli.common import EXIT_INVALID
from nq94.cli.options import LangOption
from nq94.cli.typer_adapter import Command, Group, alone
from nq94.i18n import t

app = typer.Typer(
    name="nq94",
    help="help.app",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=Group,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nq94 {__version__}")
        raise typer.Exit()


@app.callback(help="help.app")
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="help.version"),
    ] = False,
    lang: LangOption = None,
) -> None:
    """The commands below; their help comes from the reader's catalogue (nq94.i18n). --lang
    may come before the command too."""


command = partial(app.command, cls=Command)
command(help="help.check", epilog="help.check_exit")(checking.check)
command(help="help.validate", epilog="help.validate_exit")(checking.validate)
command(help="help.trend", epilog="help.trend_exit")(reviews.trend)
command(help="help.site", epilog="help.site_exit")(reviews.site)
command(help="help.diff", epilog="help.diff_exit")(reviews.diff)
command(help="help.export")(documents.export)
command(help="help.schema")(documents.schema)
command(help="help.template")(documents.template)
command(help="help.convert")(documents.convert)
command(name="targets", help="help.targets")(documents.list_targets)


def main() -> None:
    """Console-script entry point.

    Typer builds a click command for every command of the app on each run, reading every
    signature; a run names one command, so only that one is built (about 25 ms less start-up).
    Help for the whole app, the version and unknown commands go through the full app.

    A worker process that dies, or memory that runs out, ends the run with one line and exit 2;
    a run ended in any way leaves no worker behind.
    """
    from nq94 import workers

    try:
        alone(app, sys.argv[1] if len(sys.argv) > 1 else "")()
    except workers.WorkerLost:
        typer.echo(t("cli.worker_lost"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except MemoryError:
        workers.stop()  # first, to give back what they hold
        typer.echo(t("cli.out_of_memory"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    finally:
        workers.stop()
