"""Documents from one report or for one: `export`, `template` and `convert`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nq94.cli.common import (
    finder,
    load_targets,
    not_the_report,
    read_all,
    write,
)
from nq94.cli.options import (
    AsOfOption,
    BasisOption,
    ForceOption,
    LangOption,
    MaxBytesOption,
    TargetsOption,
)
from nq94.cli.typer_adapter import Refused
from nq94.errors import escaped
from nq94.i18n import t
from nq94.model import Basis, Period
from nq94.read.yamldoc import MAX_BYTES

if TYPE_CHECKING:
    from nq94.model import TargetsFile


def export(
    report: Annotated[
        Path,
        typer.Argument(
            help="help.export_report", metavar="help.metavar.report", show_default=False
        ),
    ],
    *,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="help.export_output", show_default=False),
    ],
    targets: TargetsOption = None,
    as_of: AsOfOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Write a report's status table to a file for people: CSV, JSON, Markdown, HTML or Excel."""
    from nq94.evaluate import evaluated
    from nq94.render.export import EXPORTER, ExportFormat, export_format

    fmt = export_format(output.suffix)
    if fmt is None:
        known = " ".join(f.value for f in ExportFormat)
        raise Refused(t("cli.unknown_extension", suffix=output.suffix, known=known))
    not_the_report(report, output)
    found = finder(targets)
    (loaded,) = read_all([str(report)], found, max_bytes, as_of=as_of)
    write(output, EXPORTER[fmt](evaluated(found.default(), loaded)), replace=True)


def template(
    *,
    period: Annotated[
        str | None, typer.Option(help="help.template_period", metavar="help.metavar.period")
    ] = None,
    basis: BasisOption = Basis.OFFICIAL,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="help.template_output"),
    ] = None,
    force: ForceOption = False,
    targets: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Write a blank report listing every target, with its name, unit and threshold."""
    from nq94.model import period_problem
    from nq94.render.template import template as blank

    target_set = load_targets(targets)
    try:
        # an empty --period is a mistake, not the whole year: only no --period means that
        chosen = Period.parse(period if period is not None else str(target_set.year))
    except ValueError:
        from nq94.model.periods import suggested

        close = suggested(period or "")  # as a report's period is suggested
        hint = "; " + t("err.did_you_mean", name=close) if close else ""
        raise Refused(
            escaped(t("cli.not_a_period", period=period, year=target_set.year, hint=hint)),
            param_hint="--period",
        ) from None
    if wrong := period_problem(chosen, target_set):
        raise Refused(wrong, param_hint="--period")
    named = _named(target_set, output)
    if output is not None and output.suffix.lower() == ".xlsx":
        from nq94.render.form import template as workbook

        made = workbook(target_set, period=chosen, basis=basis, targets_file=named)
        write(output, made, replace=force)
        return
    text = blank(target_set, period=chosen, basis=basis, targets_file=named)
    if output is None:
        sys.stdout.write(text)
        return
    write(output, text.encode("utf-8"), replace=force)


def convert(
    report: Annotated[
        Path,
        typer.Argument(
            help="help.convert_input", metavar="help.metavar.report", show_default=False
        ),
    ],
    *,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="help.convert_output", show_default=False),
    ],
    force: ForceOption = False,
    targets: TargetsOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Convert a report between YAML and an .xlsx workbook: every figure as written, its
    baseline and current, source and note, the period, the basis and the report's source."""
    to_workbook = output.suffix.lower() == ".xlsx"
    from_workbook = report.suffix.lower() == ".xlsx"
    if to_workbook == from_workbook or output.suffix.lower() not in (".xlsx", ".yaml", ".yml"):
        raise Refused(t("cli.convert_kinds"), param_hint="--output")
    not_the_report(report, output)
    found = finder(targets)
    (loaded,) = read_all([str(report)], found, max_bytes)
    target_set = loaded.targets or found.default()
    parsed = loaded.report
    if to_workbook:
        from nq94.render.form import template as workbook

        data = workbook(
            target_set,
            period=parsed.period,
            basis=parsed.basis,
            source=parsed.source,
            values=loaded.written,
            targets_file=_relative(parsed.targets_file, report, output),
        )
    else:
        from nq94.render.yamlout import dump_report

        data = dump_report(
            period=parsed.period,
            basis=parsed.basis,
            source=parsed.source,
            values=loaded.written,
            targets=_relative(parsed.targets_file, report, output),
        ).encode("utf-8")
    write(output, data, replace=force)


def _named(targets: TargetsFile, output: Path | None) -> str | None:
    """How a blank report names its targets file: relative to where the report is written
    (the working folder for standard output); None for the built-in targets."""
    if targets.origin is None:
        return None
    folder = output.parent if output is not None else Path()
    return Path(os.path.relpath(Path(targets.origin).resolve(), folder.resolve())).as_posix()


def _relative(stated: str | None, report: Path, output: Path) -> str | None:
    """A report's targets: line as its converted copy must write it: relative to the copy."""
    if stated is None:
        return None
    origin = (report.parent / stated).resolve()
    return Path(os.path.relpath(origin, output.parent.resolve())).as_posix()
