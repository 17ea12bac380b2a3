"""Documents from one report or from the targets: `export`, `template`, `convert`, `schema` and
`targets`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from nq94.cli.common import (
    EXIT_INVALID,
    color,
    load_targets,
    not_the_report,
    read_all,
    write,
)
from nq94.cli.options import ForceOption, LangOption, MaxBytesOption, TargetsOption
from nq94.cli.typer_adapter import Refused
from nq94.errors import escaped
from nq94.i18n import t
from nq94.model import Basis, Period
from nq94.read.yamldoc import MAX_BYTES


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
    target_set = load_targets(targets)
    (loaded,) = read_all([str(report)], target_set, max_bytes)
    write(output, EXPORTER[fmt](evaluated(target_set, loaded)), replace=True)


def schema(*, targets: TargetsOption = None, lang: LangOption = None) -> None:
    """Print the JSON Schema of a report file, for editors and schema validators."""
    import json

    from nq94.render.schema import report_schema

    typer.echo(json.dumps(report_schema(load_targets(targets)), ensure_ascii=False, indent=2))


def template(
    *,
    period: Annotated[str | None, typer.Option(help="help.template_period")] = None,
    basis: Annotated[Basis, typer.Option(help="help.template_basis")] = Basis.OFFICIAL,
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
        chosen = Period.parse(period) if period else Period.parse(str(target_set.year))
    except ValueError:
        raise Refused(
            escaped(t("cli.not_a_period", period=period)),
            param_hint="--period",
        ) from None
    if wrong := period_problem(chosen, target_set):
        raise Refused(wrong, param_hint="--period")
    if output is not None and output.suffix.lower() == ".xlsx":
        from nq94.render.form import template as workbook

        write(output, workbook(target_set, period=chosen, basis=basis), replace=force)
        return
    text = blank(target_set, period=chosen, basis=basis)
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
    target_set = load_targets(targets)
    (loaded,) = read_all([str(report)], target_set, max_bytes)
    parsed = loaded.report
    if to_workbook:
        from nq94.render.form import template as workbook

        data = workbook(
            target_set,
            period=parsed.period,
            basis=parsed.basis,
            source=parsed.source,
            values=loaded.written,
        )
    else:
        from nq94.render.yamlout import dump_report

        data = dump_report(
            period=parsed.period,
            basis=parsed.basis,
            source=parsed.source,
            values=loaded.written,
        ).encode("utf-8")
    write(output, data, replace=force)


def list_targets(
    target_id: Annotated[
        str | None,
        typer.Argument(help="help.target_id", metavar="ID", show_default=False),
    ] = None,
    *,
    targets: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """List the targets with the resolution's words, or explain one target."""
    from nq94.render.targets import explain, listing

    target_set = load_targets(targets)
    colored = color(sys.stdout)
    if target_id is None:
        listing(target_set, sys.stdout, color=colored)
        return
    target = target_set.target(target_id)
    if target is None:
        from nq94.model import closest

        close = closest(target_id, target_set.by_id)
        hint = t("err.did_you_mean", name=close) if close else t("err.see_targets")
        typer.echo(escaped(t("cli.unknown_target", id=target_id, hint=hint)), err=True)
        raise typer.Exit(EXIT_INVALID)
    explain(target_set, target, sys.stdout, color=colored)
