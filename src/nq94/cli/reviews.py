"""Reviews across reports: `trend` (one year's reports lined up), `diff` (what changed between
two) and `site` (the Council's site from one year's reports)."""

from __future__ import annotations

import datetime
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nq94.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    color,
    fail,
    finder,
    may_write,
    note,
    read_all,
    write,
    writing,
)
from nq94.cli.options import (
    AsOfOption,
    ForceOption,
    LangOption,
    MaxBytesOption,
    TargetsOption,
    YearArgument,
)
from nq94.cli.typer_adapter import Refused
from nq94.errors import InputError, Problem, escaped
from nq94.i18n import t
from nq94.read.yamldoc import MAX_BYTES
from nq94.render import Format

if TYPE_CHECKING:
    from nq94.outcome import Loaded
    from nq94.render.reviewfile import ReviewFile
    from nq94.review import Trend


class ReviewFormat(StrEnum):
    """The output formats of `trend` and `diff`; `auto` is the table."""

    AUTO = "auto"
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


ReviewFormatOption = Annotated[
    ReviewFormat, typer.Option("--format", "-f", help="help.review_format")
]


class FailOnDiff(StrEnum):
    """The change from which `diff` exits 1."""

    REGRESSED = "regressed"


def trend(
    reports: YearArgument,
    *,
    targets: TargetsOption = None,
    output_format: ReviewFormatOption = ReviewFormat.AUTO,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="help.trend_output"),
    ] = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Show each target across the periods of a year: status in each, course, year end, pace."""
    from nq94.read.files import expand
    from nq94.render import review_module

    kind = _review_file(output)
    found = expand(reports)  # folders and globs, which a Windows prompt leaves as typed
    if output is not None:
        may_write(output, replace=force, reports=found[0])
    formatter = review_module(_review_format(output_format))
    year = _year(found, targets, max_bytes, as_of)
    formatter.trend(year, sys.stdout, color=color(sys.stdout))
    if output is not None:
        from nq94.render.reviewfile import ReviewFile, trend_html, trend_xlsx

        write(output, (trend_html if kind is ReviewFile.HTML else trend_xlsx)(year), replace=force)


def site(
    reports: YearArgument,
    *,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="help.site_output", show_default=False),
    ],
    targets: TargetsOption = None,
    as_of: AsOfOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """Build a static site from one year's reports: an overview and a page per target, in
    Vietnamese and English, with charts and each target's figures to download."""
    from nq94.read.files import expand
    from nq94.site import build
    from nq94.site.publish import check_output

    with writing():
        check_output(output)  # said at once, before the reports are read
    year = _year(expand(reports), targets, max_bytes, as_of)  # read, refused, as trend does
    with writing():
        pages = build(year, output)
    index = escaped(str(output / "index.html"))
    typer.echo(t("cli.site_wrote", output=escaped(str(output)), pages=pages, index=index), err=True)


def diff(
    old: Annotated[
        Path,
        typer.Argument(help="help.diff_old", metavar="help.metavar.old", show_default=False),
    ],
    new: Annotated[
        Path,
        typer.Argument(help="help.diff_new", metavar="help.metavar.new", show_default=False),
    ],
    *,
    targets: TargetsOption = None,
    output_format: ReviewFormatOption = ReviewFormat.AUTO,
    fail_on: Annotated[
        FailOnDiff | None,
        typer.Option("--fail-on", help="help.fail_on_regressed", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="help.diff_output"),
    ] = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_bytes: MaxBytesOption = MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """List what changed between two reports: figures, and statuses, worst first."""
    from nq94.evaluate import evaluated
    from nq94.render import review_module
    from nq94.review import compare

    kind = _review_file(output)
    names = [_one(str(old)), _one(str(new))]
    if output is not None:
        may_write(output, replace=force, reports=names)
    found = finder(targets)
    before, after = read_all(names, found, max_bytes, as_of=as_of)
    if problems := _one_targets_file([before, after]):  # another document is no amendment
        fail(problems)
    comparison = compare(evaluated(found.default(), before), evaluated(found.default(), after))
    formatter = review_module(_review_format(output_format))
    formatter.diff(comparison, sys.stdout, color=color(sys.stdout))
    sys.stdout.flush()
    if output is not None:
        from nq94.render.reviewfile import ReviewFile, diff_html, diff_xlsx

        made = (diff_html if kind is ReviewFile.HTML else diff_xlsx)(comparison)
        write(output, made, replace=force)
    raise typer.Exit(EXIT_FAIL if fail_on and comparison.regressed else EXIT_OK)


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


def _review_format(output_format: ReviewFormat) -> Format:
    return Format.TABLE if output_format is ReviewFormat.AUTO else Format(output_format.value)


def _year(
    named: tuple[list[str], list[Problem]],
    targets: Path | None,
    max_bytes: int,
    as_of: datetime.date | None = None,
) -> Trend:
    """The reports of one year lined up (``trend`` and ``site``), each judged by the version of
    its targets in force for its period (or on ``as_of``), or exit 2 with every problem: of each
    report, reports of other years or of one stretch of the year twice, and reports checked
    against different targets files. ``named``: the reports named and the names that match
    none (files.expand)."""
    from nq94.evaluate import evaluated
    from nq94.read.loading import period_of, read_report
    from nq94.review import Stated, same_year
    from nq94.review import trend as line_up

    target_set = finder(targets)
    loaded: list[Loaded] = []
    stated: list[Stated] = []
    names, missing = named
    problems: list[Problem] = list(missing)
    for name in names:
        try:
            each = read_report(name, target_set, max_bytes=max_bytes, as_of=as_of)
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
    problems += _one_targets_file(loaded)
    if problems:
        fail(problems)
    from nq94.render.periods import reading_notes

    for each in loaded:
        note(reading_notes(each))
    return line_up([evaluated(target_set.default(), each) for each in loaded])


def _one_targets_file(loaded: list[Loaded]) -> list[Problem]:
    """A problem for each report checked against another targets file than the first report:
    a year's review judges every report by one document and its amendments."""
    if not loaded:
        return []
    first = loaded[0]
    origin = first.targets.origin if first.targets else None
    builtin = t("targets.builtin")
    return [
        Problem(
            each.file,
            *each.period_at,
            t(
                "err.other_targets",
                targets=(each.targets.origin if each.targets else None) or builtin,
                first=first.file,
                first_targets=origin or builtin,
            ),
        )
        for each in loaded[1:]
        if (each.targets.origin if each.targets else None) != origin
    ]


def _one(path: str) -> str:
    """The report a pattern names (a Windows prompt leaves 'reports/2026-9m*' as typed), which
    must be one; a plain path as it is."""
    from nq94.read.files import expand

    if os.path.isdir(path) or not set("*?[") & set(path):
        return path
    found, _ = expand([path])
    if len(found) != 1:
        raise Refused(t("cli.one_report", pattern=path, count=len(found)))
    return found[0]
