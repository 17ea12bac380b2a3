"""The targets file: `targets` (check one and list it, or explain one target), `schema` (a
report's JSON Schema, or a targets file's) and `init` (a starter to fill in)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nq94.cli.common import EXIT_INVALID, color, fail, load_targets, write
from nq94.cli.options import AsOfOption, ForceOption, LangOption, TargetsOption
from nq94.cli.typer_adapter import Refused
from nq94.errors import InputError, escaped
from nq94.i18n import t

TARGETS_SUFFIXES = (".yaml", ".yml")


def list_targets(
    subject: Annotated[
        str | None,
        typer.Argument(
            help="help.target_id", metavar="help.metavar.id_or_file", show_default=False
        ),
    ] = None,
    *,
    targets: TargetsOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Check a targets file and list its targets with the document's words (and each
    amendment), or explain one target."""
    from nq94.render.targets import explain, listing

    target_id = subject
    if subject is not None and _names_a_file(subject):
        targets, target_id = Path(subject), None
    target_set = load_targets(targets)
    shown = target_set.at(as_of) if as_of is not None else target_set
    colored = color(sys.stdout)
    if target_id is None:
        listing(shown, sys.stdout, color=colored, versions=as_of is None, as_of=as_of)
        return
    target = shown.target(target_id)
    if target is None:
        from nq94.model import closest

        close = closest(target_id, shown.by_id)
        hint = t("err.did_you_mean", name=close) if close else t("err.see_targets")
        typer.echo(escaped(t("cli.unknown_target", id=target_id, hint=hint)), err=True)
        raise typer.Exit(EXIT_INVALID)
    explain(shown, target, sys.stdout, color=colored)


def _names_a_file(subject: str) -> bool:
    """Whether `nq94 targets SUBJECT` names a targets file rather than a target's id."""
    return Path(subject).suffix.lower() in TARGETS_SUFFIXES or Path(subject).is_file()


def schema(
    *,
    targets_file: Annotated[
        bool, typer.Option("--targets-file", help="help.schema_targets_file")
    ] = False,
    targets: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of a report file (or of a targets file), for editors and schema
    validators."""
    from nq94.render.schema import report_schema, targets_schema

    made = targets_schema() if targets_file else report_schema(load_targets(targets))
    typer.echo(json.dumps(made, ensure_ascii=False, indent=2))


def init(
    *,
    year: Annotated[int, typer.Option(help="help.init_year", min=1900, max=2200)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="help.init_output", show_default=False),
    ],
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Write a targets file to fill in: a document and one example of each way a document words
    a target, commented."""
    from nq94.read.loading import targets_from
    from nq94.render.starter import starter

    if output.suffix.lower() not in TARGETS_SUFFIXES:
        known = " ".join(TARGETS_SUFFIXES)
        raise Refused(t("cli.unknown_extension", suffix=output.suffix, known=known))
    text = starter(year)
    try:  # what nq94 writes, nq94 reads: a starter is always a valid targets file
        targets_from(str(output), text)
    except InputError as e:  # pragma: no cover - a test checks every language's starter
        fail(e.problems)
    write(output, text.encode("utf-8"), replace=force)
