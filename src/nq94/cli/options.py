"""The options and arguments several commands share, as typer's Annotated parameters.

Help texts and metavars are catalogue keys: cli.typer_adapter says them in the reader's language
when they are shown.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from nq94.cli.typer_adapter import Refused, given
from nq94.i18n import Lang, language, t, use
from nq94.model import Basis
from nq94.render import Format

TargetsOption = Annotated[
    Path | None,
    typer.Option("--targets", help="help.targets_file", show_default=False),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(help="help.paths", metavar="help.metavar.path", show_default=False),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="help.format")]
RecursiveOption = Annotated[bool, typer.Option("--recursive", "-r", help="help.recursive")]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", min=1, max=2**40, help="help.max_bytes"),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="help.strict")]
ForceOption = Annotated[bool, typer.Option(help="help.force")]
YearArgument = Annotated[
    list[str],
    typer.Argument(help="help.trend_reports", metavar="help.metavar.report", show_default=False),
]
"""The reports of one year, for trend and site: files, folders or patterns."""


def _day(value: str) -> datetime.date:
    """--as-of: a day as 2025-02-25 (or 25/02/2025, as Vietnamese documents write it)."""
    text = value.strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise Refused(t("usage.date", value=value))


AsOfOption = Annotated[
    datetime.date | None,
    typer.Option(
        "--as-of", help="help.as_of", parser=_day, metavar="help.metavar.day", show_default=False
    ),
]
"""Judge by the targets in force on this day, rather than on the last day of each period."""


def _basis(value: str) -> Basis:
    """--basis as a report writes its basis: official, preliminary, estimate, or the officers'
    words (chính thức, sơ bộ, ước tính, ước thực hiện), in any case."""
    from nq94.model.spoken import spoken_basis

    found = spoken_basis(value)
    if found is None:
        raise Refused(t("usage.basis", value=value))
    return Basis(found)


BasisOption = Annotated[
    Basis,
    typer.Option(
        "--basis",
        help="help.template_basis",
        parser=_basis,
        metavar="help.metavar.basis",
    ),
]
"""Whether a report's figures are final, as a report's `basis:` takes it."""


def _lang(value: str) -> Lang:
    """--lang (or NQ94_LANG) as locale names are written: vi, VI, vi_VN, vi-VN, en_US.UTF-8."""
    found = language(value)
    if found is None:
        raise Refused(t("usage.choice", value=value, choices="vi, en"))
    return found


def _speak(ctx: typer.Context, param: typer.CallbackParam, value: Lang | None) -> Lang | None:
    """Speak the language of a --lang given on the command line from now on.

    The run starts in the first --lang given, else NQ94_LANG's, else the locale's
    (typer_adapter.Group.main), so that help and usage errors are in it too; a --lang after the
    command wins over one before it. NQ94_LANG, which click also reads for the option, changes
    nothing here: a --lang, wherever it stands, wins over it.
    """
    if value is not None and given(ctx, param):
        use(value)
    return value


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="NQ94_LANG",
        help="help.lang",
        show_default=False,
        parser=_lang,
        callback=_speak,
        metavar="vi|en",
    ),
]
"""--lang, which every command takes: its callback speaks the language, so that a command need
not use its value."""
