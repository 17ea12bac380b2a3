"""The command line: parse, build, run, pick the exit code; only this module knows argv."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer._click.core import Context as ClickContext
from typer._click.exceptions import (
    BadOptionUsage,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
)
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup, TyperOption

from nq94 import __version__
from nq94.errors import InputError, Problem, escaped
from nq94.i18n import Lang, detect, detect_here, language, t, use
from nq94.model import Basis, Period, Status, TargetsFile
from nq94.read.yamldoc import MAX_BYTES
from nq94.render import Format

if TYPE_CHECKING:
    from nq94.outcome import Loaded
    from nq94.render.reviewfile import ReviewFile
    from nq94.review import Trend

EXIT_OK, EXIT_FAIL, EXIT_INVALID = 0, 1, 2
T = TypeVar("T")
use(detect_here())  # help texts below are written in the language asked for


class Refused(typer.BadParameter):
    """A usage error nq94 itself finds, said in the reader's language already."""


class _Usage:
    """Help and usage lines in the reader's language: typer's own words ("Usage:", "Show this
    message and exit.", "[OPTIONS]", the types <bool>, <file>, <list[str]>) are English only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:  # type: ignore[attr-defined]
            _speak_type(param)

    def get_help_option(self, ctx: ClickContext) -> TyperOption | None:
        option: TyperOption | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help.help")
            _speak_type(option)
        return option

    def format_usage(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        pieces = [t("help.options_metavar")]
        if isinstance(self, TyperGroup):
            pieces.append(t("help.command_metavar"))
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("help.usage") + " ")


class _Command(_Usage, TyperCommand):
    """A command of nq94."""


class _Group(_Usage, TyperGroup):
    """nq94 itself: its commands; a usage error is one line in the reader's language, where
    typer draws an English box."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as e:
            if not standalone_mode:
                raise
            if not isinstance(e, NoArgsIsHelpError):  # its help is shown already
                typer.echo(escaped(_usage_error(e)), err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            sys.exit(EXIT_FAIL)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _speak_type(param: Any) -> None:
    """Show a parameter's type in the help in the reader's words: the choices as they are, a
    file or a number named, a flag or an argument's Python type (<bool>, <list[str]>) not at
    all."""
    shown = param.display_type_rich
    if getattr(shown, "spoken", False):
        return

    def display(ctx: ClickContext) -> str | None:
        text: str | None = shown(ctx)
        if text is None or param.param_type_name == "argument":
            return None
        inner = text.strip("<>")
        if inner == "bool":
            return None
        if inner.startswith("int"):
            return t("help.metavar.number")
        if inner in ("file", "path", "directory"):
            return t("help.metavar.file")
        return inner.replace("|", " | ")  # the choices, spaced so as to wrap between them

    display.spoken = True  # type: ignore[attr-defined]
    param.display_type_rich = display


def _argument_name(param: Any) -> str:
    """An argument as its usage writes it: PATH..., REPORT."""
    name = str(param.metavar or param.name).upper()
    return f"{name}..." if param.nargs != 1 else name


app = typer.Typer(
    name="nq94",
    help=t("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=_Group,
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


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        help=t("help.targets_file"),
        show_default=False,
    ),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help=t("help.paths"),
        metavar=t("help.metavar.path"),
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help=t("help.format"),
    ),
]
RecursiveOption = Annotated[
    bool,
    typer.Option("--recursive", "-r", help=t("help.recursive")),
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", min=1, max=2**40, help=t("help.max_bytes")),
]
StrictOption = Annotated[bool, typer.Option("--strict", help=t("help.strict"))]
YearArgument = Annotated[
    list[str],
    typer.Argument(
        help=t("help.trend_reports"), metavar=t("help.metavar.report"), show_default=False
    ),
]
"""The reports of one year, for trend and site: files, folders or patterns."""


def _lang(value: str) -> Lang:
    """--lang (or NQ94_LANG) as locale names are written: vi, VI, vi_VN, vi-VN, en_US.UTF-8."""
    found = language(value)
    if found is None:
        raise Refused(t("usage.choice", value=value, choices="vi, en"))
    return found


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="NQ94_LANG",
        help=t("help.lang"),
        show_default=False,
        parser=_lang,
        metavar="vi|en",
    ),
]


@app.callback(help=t("help.app"))
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.version")),
    ] = False,
    lang: LangOption = None,
) -> None:
    """The commands below; their help comes from the reader's catalogue (nq94.i18n). --lang
    may come before the command too."""
    if lang is not None:
        use(lang)


@app.command(cls=_Command, help=t("help.check"), epilog=t("help.check_exit"))
def check(
    paths: PathsArgument,
    *,
    targets: TargetsOption = None,
    output_format: FormatOption = Format.AUTO,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help=t("help.fail_on"),
            show_default=False,
        ),
    ] = None,
    recursive: RecursiveOption = False,
    strict: StrictOption = False,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Validate each report and show, for every target, whether it is met, missed or at risk."""
    _speak(lang)
    _run(
        paths,
        targets,
        output_format,
        recursive=recursive,
        fail_on=fail_on,
        evaluating=True,
        strict=strict,
        max_bytes=max_bytes,
    )


@app.command(cls=_Command, help=t("help.validate"), epilog=t("help.validate_exit"))
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
    _speak(lang)
    _run(
        paths,
        targets,
        output_format,
        recursive=recursive,
        fail_on=None,
        evaluating=False,
        strict=strict,
        max_bytes=max_bytes,
    )


def _run(
    paths: list[str],
    targets_path: Path | None,
    output_format: Format,
    *,
    recursive: bool,
    fail_on: FailOn | None,
    evaluating: bool,
    strict: bool,
    max_bytes: int,
) -> NoReturn:
    from nq94.checker import Checker
    from nq94.read.files import expand
    from nq94.render import resolve

    checker = Checker(
        _load_targets(targets_path),
        resolve(output_format, isatty=sys.stdout.isatty()),
        strict=strict,
        max_bytes=max_bytes,
        failing=fail_on.statuses if fail_on else frozenset(),
        say=_warn,
        track=_tracked,
    )
    files, missing = expand(paths, recursive=recursive)
    run = checker.check if evaluating else checker.validate
    result = run(files, missing, sys.stdout, color=_color(sys.stdout))
    sys.stdout.flush()
    raise typer.Exit(EXIT_INVALID if result.invalid else EXIT_FAIL if result.failed else EXIT_OK)


class ReviewFormat(StrEnum):
    """The output formats of `trend` and `diff`; `auto` is the table."""

    AUTO = "auto"
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


ReviewFormatOption = Annotated[
    ReviewFormat, typer.Option("--format", "-f", help=t("help.review_format"))
]


class FailOnDiff(StrEnum):
    """The change from which `diff` exits 1."""

    REGRESSED = "regressed"


@app.command(cls=_Command, help=t("help.trend"), epilog=t("help.trend_exit"))
def trend(
    reports: YearArgument,
    *,
    targets: TargetsOption = None,
    output_format: ReviewFormatOption = ReviewFormat.AUTO,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=t("help.trend_output")),
    ] = None,
    force: Annotated[bool, typer.Option(help=t("help.force"))] = False,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Show each target across the periods of a year: status in each, course, year end, pace."""
    _speak(lang)
    from nq94.read.files import expand
    from nq94.render import review_module

    kind = _review_file(output)
    found = expand(reports)  # folders and globs, which a Windows prompt leaves as typed
    if output is not None:
        _may_write(output, replace=force, reports=found[0])
    formatter = review_module(_review_format(output_format))
    year = _year(found, targets, max_bytes)
    formatter.trend(year, sys.stdout, color=_color(sys.stdout))
    if output is not None:
        from nq94.render.reviewfile import ReviewFile, trend_html, trend_xlsx

        _write(output, (trend_html if kind is ReviewFile.HTML else trend_xlsx)(year), replace=force)


def _review_file(output: Path | None) -> ReviewFile | None:
    """The kind of file ``-o`` asks ``trend`` or ``diff`` for, refused at once when unknown."""
    from nq94.render.reviewfile import ReviewFile, review_file

    if output is None:
        return None
    kind = review_file(output.suffix)
    if kind is None:
        known = " ".join(each.value for each in ReviewFile)
        raise Refused(t("cli.unknown_extension", suffix=output.suffix, known=known))
    return kind


def _year(named: tuple[list[str], list[Problem]], targets: Path | None, max_bytes: int) -> Trend:
    """The reports of one year lined up (``trend`` and ``site``), or exit 2 with every problem:
    of each report, and reports of other years or of one stretch of the year twice. ``named``:
    the reports named and the names that match none (files.expand)."""
    from nq94.evaluate import evaluated
    from nq94.read.loading import period_of, read_report
    from nq94.review import Stated, same_year
    from nq94.review import trend as line_up

    target_set = _load_targets(targets)
    loaded: list[Loaded] = []
    stated: list[Stated] = []
    names, missing = named
    problems: list[Problem] = list(missing)
    for name in names:
        try:
            each = read_report(name, target_set, max_bytes=max_bytes)
        except InputError as e:
            problems += e.problems
            found = period_of(name, max_bytes=max_bytes)  # so that years can still be compared
            if found is not None:
                stated.append(Stated(name, *found))
            continue
        loaded.append(each)
        report = each.report
        stated.append(Stated(name, report.period, report.basis, each.period_at))
    problems += same_year(stated) if stated else []
    if problems:
        _fail(tuple(problems))
    return line_up([evaluated(target_set, each) for each in loaded])


@app.command(cls=_Command, help=t("help.site"), epilog=t("help.site_exit"))
def site(
    reports: YearArgument,
    *,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=t("help.site_output"), show_default=False),
    ],
    targets: TargetsOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Build a static site from one year's reports: an overview and a page per target, in
    Vietnamese and English, with charts and each target's figures to download."""
    _speak(lang)
    from nq94.read.files import expand
    from nq94.site import build
    from nq94.site.publish import check_output

    with _writing():
        check_output(output)  # said at once, before the reports are read
    year = _year(expand(reports), targets, max_bytes)  # read, and refused, as trend does
    with _writing():
        pages = build(year, output)
    index = escaped(str(output / "index.html"))
    typer.echo(t("cli.site_wrote", output=escaped(str(output)), pages=pages, index=index), err=True)


@app.command(cls=_Command, help=t("help.diff"), epilog=t("help.diff_exit"))
def diff(
    old: Annotated[
        Path,
        typer.Argument(help=t("help.diff_old"), metavar=t("help.metavar.old"), show_default=False),
    ],
    new: Annotated[
        Path,
        typer.Argument(help=t("help.diff_new"), metavar=t("help.metavar.new"), show_default=False),
    ],
    *,
    targets: TargetsOption = None,
    output_format: ReviewFormatOption = ReviewFormat.AUTO,
    fail_on: Annotated[
        FailOnDiff | None,
        typer.Option(
            "--fail-on",
            help=t("help.fail_on_regressed"),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=t("help.diff_output")),
    ] = None,
    force: Annotated[bool, typer.Option(help=t("help.force"))] = False,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """List what changed between two reports: figures, and statuses, worst first."""
    _speak(lang)
    from nq94.evaluate import evaluated
    from nq94.render import review_module
    from nq94.review import compare

    kind = _review_file(output)
    names = [_one(str(old)), _one(str(new))]
    if output is not None:
        _may_write(output, replace=force, reports=names)
    target_set = _load_targets(targets)
    before, after = _read_all(names, target_set, max_bytes)
    comparison = compare(evaluated(target_set, before), evaluated(target_set, after))
    formatter = review_module(_review_format(output_format))
    formatter.diff(comparison, sys.stdout, color=_color(sys.stdout))
    sys.stdout.flush()
    if output is not None:
        from nq94.render.reviewfile import ReviewFile, diff_html, diff_xlsx

        made = (diff_html if kind is ReviewFile.HTML else diff_xlsx)(comparison)
        _write(output, made, replace=force)
    raise typer.Exit(EXIT_FAIL if fail_on and comparison.regressed else EXIT_OK)


def _one(path: str) -> str:
    """The report a pattern names (a Windows prompt leaves 'reports/2024-9m*' as typed), which
    must be one; a plain path as it is."""
    from nq94.read.files import expand

    if os.path.isdir(path) or not set("*?[") & set(path):
        return path
    found, _ = expand([path])
    if len(found) != 1:
        raise Refused(t("cli.one_report", pattern=path, count=len(found)))
    return found[0]


def _read_all(names: list[str], targets: TargetsFile, max_bytes: int) -> list[Loaded]:
    """Every report read, or exit 2 with the problems of all of them."""
    from nq94.read.loading import read_report

    loaded: list[Loaded] = []
    problems: list[Problem] = []
    for name in names:
        try:
            loaded.append(read_report(name, targets, max_bytes=max_bytes))
        except InputError as e:
            problems += e.problems
    if problems:
        _fail(tuple(problems))
    for each in loaded:
        _warn(each.warnings)
    return loaded


def _warn(warnings: Iterable[Problem]) -> None:
    """Say each warning (or problem) on stderr, located, one a line."""
    for warning in warnings:
        typer.echo(str(warning), err=True)


def _write(output: Path, data: bytes, *, replace: bool) -> None:
    """Write an output file whole and say so; an output that exists (without ``replace``, even
    one another run created meanwhile) is a usage error, any other failure one line, exit 2."""
    from nq94.render.write import write_atomic

    with _writing():
        write_atomic(output, data, replace=replace)
    typer.echo(t("cli.wrote", output=escaped(str(output))), err=True)


@contextlib.contextmanager
def _writing() -> Iterator[None]:
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


def _may_write(output: Path, *, replace: bool, reports: Iterable[str]) -> None:
    """Refuse at once, before a report is read or a line printed, an output that is one of the
    reports, exists (without ``replace``) or is not a regular file (trend, diff)."""
    from nq94.render.write import check_output

    for report in reports:
        _not_the_report(Path(report), output)
    with _writing():
        check_output(output, replace=replace)


def _not_the_report(report: Path, output: Path) -> None:
    """Refuse an output that is the report being read (export, convert)."""
    if output.exists() and report.exists() and output.resolve() == report.resolve():
        raise Refused(t("cli.overwrite_report"))


def _review_format(output_format: ReviewFormat) -> Format:
    return Format.TABLE if output_format is ReviewFormat.AUTO else Format(output_format.value)


@app.command(cls=_Command, help=t("help.export"))
def export(
    report: Annotated[
        Path,
        typer.Argument(
            help=t("help.export_report"), metavar=t("help.metavar.report"), show_default=False
        ),
    ],
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help=t("help.export_output"),
            show_default=False,
        ),
    ],
    targets: TargetsOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Write a report's status table to a file for people: CSV, JSON, Markdown, HTML or Excel."""
    _speak(lang)
    from nq94.evaluate import evaluated
    from nq94.render.export import EXPORTER, ExportFormat, export_format

    fmt = export_format(output.suffix)
    if fmt is None:
        known = " ".join(f.value for f in ExportFormat)
        raise Refused(t("cli.unknown_extension", suffix=output.suffix, known=known))
    _not_the_report(report, output)
    target_set = _load_targets(targets)
    (loaded,) = _read_all([str(report)], target_set, max_bytes)
    _write(output, EXPORTER[fmt](evaluated(target_set, loaded)), replace=True)


@app.command(cls=_Command, help=t("help.schema"))
def schema(*, targets: TargetsOption = None, lang: LangOption = None) -> None:
    """Print the JSON Schema of a report file, for editors and schema validators."""
    _speak(lang)
    import json

    from nq94.render.schema import report_schema

    typer.echo(json.dumps(report_schema(_load_targets(targets)), ensure_ascii=False, indent=2))


@app.command(cls=_Command, help=t("help.template"))
def template(
    *,
    period: Annotated[
        str | None,
        typer.Option(help=t("help.template_period")),
    ] = None,
    basis: Annotated[Basis, typer.Option(help=t("help.template_basis"))] = Basis.OFFICIAL,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=t("help.template_output")),
    ] = None,
    force: Annotated[bool, typer.Option(help=t("help.force"))] = False,
    targets: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Write a blank report listing every target, with its name, unit and threshold."""
    _speak(lang)
    from nq94.model import period_problem
    from nq94.render.template import template as blank

    target_set = _load_targets(targets)
    try:
        chosen = Period.parse(period) if period else Period.parse(str(target_set.resolution.year))
    except ValueError:
        raise Refused(
            escaped(t("cli.not_a_period", period=period)),
            param_hint="--period",
        ) from None
    if wrong := period_problem(chosen, target_set):
        raise Refused(wrong, param_hint="--period")
    if output is not None and output.suffix.lower() == ".xlsx":
        from nq94.render.form import template as workbook

        _write(output, workbook(target_set, period=chosen, basis=basis), replace=force)
        return
    text = blank(target_set, period=chosen, basis=basis)
    if output is None:
        sys.stdout.write(text)
        return
    _write(output, text.encode("utf-8"), replace=force)


@app.command(cls=_Command, help=t("help.convert"))
def convert(
    report: Annotated[
        Path,
        typer.Argument(
            help=t("help.convert_input"), metavar=t("help.metavar.report"), show_default=False
        ),
    ],
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help=t("help.convert_output"),
            show_default=False,
        ),
    ],
    force: Annotated[bool, typer.Option(help=t("help.force"))] = False,
    targets: TargetsOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Convert a report between YAML and an .xlsx workbook: every figure as written, its
    baseline and current, source and note, the period, the basis and the report's source."""
    _speak(lang)
    to_workbook = output.suffix.lower() == ".xlsx"
    from_workbook = report.suffix.lower() == ".xlsx"
    if to_workbook == from_workbook or output.suffix.lower() not in (".xlsx", ".yaml", ".yml"):
        raise Refused(t("cli.convert_kinds"), param_hint="--output")
    _not_the_report(report, output)
    target_set = _load_targets(targets)
    (loaded,) = _read_all([str(report)], target_set, max_bytes)
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
    _write(output, data, replace=force)


@app.command(name="targets", cls=_Command, help=t("help.targets"))
def list_targets(
    target_id: Annotated[
        str | None,
        typer.Argument(help=t("help.target_id"), metavar="ID", show_default=False),
    ] = None,
    *,
    targets: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """List the targets with the resolution's words, or explain one target."""
    _speak(lang)
    from nq94.render.targets import explain, listing

    target_set = _load_targets(targets)
    color = _color(sys.stdout)
    if target_id is None:
        listing(target_set, sys.stdout, color=color)
        return
    target = target_set.target(target_id)
    if target is None:
        from nq94.model import closest

        close = closest(target_id, target_set.by_id)
        hint = t("err.did_you_mean", name=close) if close else t("err.see_targets")
        typer.echo(escaped(t("cli.unknown_target", id=target_id, hint=hint)), err=True)
        raise typer.Exit(EXIT_INVALID)
    explain(target_set, target, sys.stdout, color=color)


PROGRESS_FROM = 50
"""More files than this get a progress bar, when it helps (see _tracked)."""


def _tracked(outcomes: Iterable[T], total: int) -> Iterator[T]:
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


def _speak(lang: Lang | None) -> None:
    """Speak the language asked for with --lang (or NQ94_LANG), else the locale's."""
    use(lang if lang is not None else detect(sys.argv[1:], os.environ))


def _load_targets(path: Path | None) -> TargetsFile:
    from nq94.read.loading import load_targets

    try:
        return load_targets(str(path) if path is not None else None)
    except InputError as e:
        _fail(e.problems)


def _fail(problems: tuple[Problem, ...]) -> NoReturn:
    for problem in problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(EXIT_INVALID)


def _color(stream: object) -> bool:
    """Colour only on a terminal, never on a dumb one (TERM=dumb) and never when NO_COLOR is set
    (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def main() -> None:
    """Console-script entry point.

    Typer builds a click command for every command of the app on each run, reading every
    signature; a run names one command, so only that one is built (about 25 ms less start-up).
    Help for the whole app, the version and unknown commands go through the full app.

    A worker process that dies, or memory that runs out, ends the run with one line and exit 2;
    a run ended in any way leaves no worker behind.
    """
    from nq94 import workers

    if "--help" in sys.argv or len(sys.argv) < 2:
        _help_headings()
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    chosen = [info for info in app.registered_commands if _name(info) == wanted]
    command = app
    if chosen:
        command = typer.Typer(
            name=app.info.name,
            help=app.info.help,
            no_args_is_help=True,
            add_completion=False,
            pretty_exceptions_enable=False,
            cls=_Group,
        )
        command.registered_callback = app.registered_callback
        command.registered_commands = chosen
    try:
        command()
    except workers.WorkerLost:
        typer.echo(t("cli.worker_lost"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except MemoryError:
        workers.stop()  # first, to give back what they hold
        typer.echo(t("cli.out_of_memory"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    finally:
        workers.stop()


def _usage_error(error: ClickException) -> str:
    """A usage error as one line: the command, what is wrong, and where help is."""
    ctx = getattr(error, "ctx", None)
    where = ctx.command_path if ctx is not None else "nq94"
    message = _usage_message(error)
    if ctx is not None:
        message += t("usage.see_help", command=where)
    return f"{where}: {message}"


def _usage_message(error: ClickException) -> str:
    """What is wrong, from the catalogue: typer says it in English only."""
    param = getattr(error, "param", None)
    name = _param_name(param) if param is not None else ""
    if isinstance(error, Refused):
        return f"{name}: {error.message}" if name else error.message
    if isinstance(error, MissingParameter):
        argument = error.param_type == "argument" or getattr(param, "param_type_name", "") == (
            "argument"
        )
        kind = "argument" if argument else "option"
        return t(f"usage.missing_{kind}", name=name)
    if isinstance(error, NoSuchOption):
        close = sorted(error.possibilities or ())
        hint = "; " + t("err.did_you_mean", name=close[0]) if close else ""
        return t("usage.no_such_option", name=error.option_name, hint=hint)
    if isinstance(error, BadOptionUsage):
        return t("usage.needs_value", name=error.option_name)
    if isinstance(error, typer.BadParameter) and param is not None:
        return f"{name}: {_bad_value(param, error.message)}"
    command = re.match(r"No such command '(.*?)'\.(?: Did you mean '(.*?)')?", error.message)
    if command:
        hint = "; " + t("err.did_you_mean", name=command[2]) if command[2] else ""
        return t("usage.no_such_command", name=command[1], hint=hint)
    if error.message.startswith("Missing command"):
        return t("usage.missing_command")
    extra = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", error.message)
    if extra:
        return t("usage.extra_arguments", arguments=extra.group(1))
    return error.message


def _param_name(param: Any) -> str:
    if param.param_type_name == "argument":
        return _argument_name(param)
    return " / ".join(f"'{opt}'" for opt in param.opts)


def _bad_value(param: Any, message: str) -> str:
    """Why a value given for ``param`` was refused by typer, said again in the reader's words."""
    given = re.search(r"'(.*?)' is not one of", message)
    if given:
        choices = re.findall(r"'([^']*)'", message.partition(" is not one of ")[2])
        return t("usage.choice", value=given.group(1), choices=", ".join(choices))
    outside = re.match(r"(\S+) is not in the range", message)
    if outside and param.type is not None:
        return t(
            "usage.range",
            value=outside.group(1),
            low=getattr(param, "min", None),
            high=getattr(param, "max", None),
        )
    if "valid integer" in message:
        return t("usage.integer")
    bound = re.search(r"(greater|less) than or equal to (\S+)", message)
    if bound:
        return t(
            f"usage.{'at_least' if bound.group(1) == 'greater' else 'at_most'}",
            bound=bound.group(2),
        )
    return t("usage.bad_value", reason=message)


def _help_headings() -> None:
    """Typer's own headings of the help screen, in the reader's language (help only: they live
    in the module typer loads to draw help)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = t("help.heading.arguments")
    rich_utils.OPTIONS_PANEL_TITLE = t("help.heading.options")
    rich_utils.COMMANDS_PANEL_TITLE = t("help.heading.commands")
    rich_utils.DEFAULT_STRING = t("help.heading.default")
    rich_utils.REQUIRED_LONG_STRING = t("help.heading.required")
    rich_utils.ENVVAR_STRING = t("help.heading.envvar")


def _name(info: typer.models.CommandInfo) -> str:
    """A command's name as typer derives it: given, else the function's, with - for _."""
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.replace("_", "-") if callback is not None else ""
