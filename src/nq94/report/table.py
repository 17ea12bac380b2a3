"""The table for people: a table per report, grouped by section, with a summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from nq94.evaluate import Evaluation, Result
from nq94.i18n import pick, t, tn
from nq94.model import Basis, Status
from nq94.outcome import Checked, Invalid, Validated
from nq94.report.grid import SECTION, Cell, Column, Part, draw, styled
from nq94.report.numbers import (
    change_label,
    comparison,
    course_text,
    diff_summary,
    display,
    figure_text,
    gap_text,
    obtained_text,
    pace_text,
    percent_text,
    reading,
    side,
    status_change_text,
    status_label,
    year_end_text,
)

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Trend

STATUS_STYLE = {
    Status.MET: "bold green",
    Status.AT_RISK: "bold yellow",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
}

MARGIN = 5
"""Index of the margin column, shown only when a margin applies (not for final figures)."""


def check_columns() -> tuple[Column, ...]:
    """The columns of the status table, in the reader's language."""
    numbers = ("actual", "required", "gap", "percent", "margin")
    return (
        Column(t("column.target"), wrap=True, min_width=24),
        *(Column(t(f"column.{name}"), right=True) for name in numbers),
        Column(t("column.status")),
    )


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool) -> None:
    """Print a table and a summary for each evaluated report, as each arrives."""
    printed = False
    for outcome in outcomes:
        if not isinstance(outcome, Evaluation):
            continue  # an invalid file's problems are on stderr
        if printed:
            out.write("\n")
        draw_report(outcome, out, color=color)
        out.write(summary_text(outcome, color=color) + "\n")
        printed = True


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool) -> None:
    """One row per file: valid or not, what it covers, how many problems."""
    rows: list[list[Cell]] = []
    valid = invalid = 0
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            invalid += 1
            count = len(outcome.problems)
            result = [Part(tn("problems", count), "bold red")]
            rows.append([outcome.file, result, "", "", ""])
        else:
            valid += 1
            report = outcome.report
            rows.append(
                [
                    outcome.file,
                    [Part(t("valid"), "bold green")],
                    str(report.period),
                    t(f"basis.{report.basis.value}"),
                    str(len(report.values)),
                ]
            )
    columns = (
        Column(t("column.file"), wrap=True),
        Column(t("column.result")),
        Column(t("column.period")),
        Column(t("column.basis")),
        Column(t("column.values"), right=True),
    )
    draw(columns, rows, out, color=color, title=t("validate.title"))
    out.write(t("validate.summary", valid=valid, invalid=invalid) + "\n")


def draw_report(evaluation: Evaluation, out: TextIO, *, color: bool) -> None:
    """The status table of one report."""
    report, targets = evaluation.report, evaluation.targets
    if report.is_final:
        basis = t("caption.final")
    else:
        what = t("caption.estimate" if report.basis is Basis.ESTIMATE else "caption.partial")
        basis = t("caption.margin", what=what)
    columns = check_columns()
    keep = [i for i in range(len(columns)) if not (report.is_final and i == MARGIN)]
    rows: list[list[Cell] | None] = []
    section = None
    for result in evaluation.results:
        if result.target.section != section:
            section = result.target.section
            names = targets.sections[section]
            rows += [SECTION, [[Part(pick(names), "bold")]]]
        cells = _cells(result)
        rows.append([cells[i] for i in keep])
    draw(
        [columns[i] for i in keep],
        rows,
        out,
        color=color,
        title=t(
            "check.title",
            number=targets.resolution.number,
            period=pick(report.period.names),
            basis=t(f"basis.{report.basis.value}"),
            file=evaluation.file,
        ),
        caption=basis,
        expand=True,
    )


def _cells(result: Result) -> list[Cell]:
    target = result.target
    status = [Part(status_label(result.status), STATUS_STYLE[result.status])]
    words = [Part(target.words), Part(f"\n{target.id}", "dim")]
    if result.actual is None:
        return [words, [Part("—", "dim")], comparison(target), "", "", "", status]
    for note in (reading(result), obtained_text(result)):
        if note:
            words.append(Part(f" · {note}", "dim"))
    return [
        words,
        display(result.actual),
        comparison(target),
        gap_text(result),
        percent_text(result),
        f"±{display(result.margin)}" if result.margin is not None else "",
        status,
    ]


def summary_text(evaluation: Evaluation, *, color: bool) -> str:
    """The summary line, each count in its status colour."""
    summary = evaluation.summary
    counts = [
        styled(f"{count} {status_label(status)}", STATUS_STYLE[status], color=color)
        for status, count in summary.items()
    ]
    return t("summary", total=sum(summary.values()), parts=", ".join(counts))


def trend(trend: Trend, out: TextIO, *, color: bool) -> None:
    """A row per target: its figure and status in each period, its course, where it is heading."""
    first = trend.evaluations[0]
    columns = [Column(t("column.target"), wrap=True, min_width=24)]
    for evaluation in trend.evaluations:
        report = evaluation.report
        heading = f"{pick(report.period.short_names)}\n{t('basis.' + report.basis.value)}"
        columns.append(Column(heading, right=True))
    columns += [
        Column(t("column.course")),
        Column(t("column.year_end"), right=True),
        Column(t("column.status")),
    ]
    rows: list[list[Cell] | None] = []
    section = None
    for course in trend.courses:
        target = course.target
        if target.section != section:
            section = target.section
            rows += [SECTION, [[Part(pick(first.targets.sections[section]), "bold")]]]
        words = [Part(target.words), Part(f"\n{target.id}", "dim")]
        if pace := pace_text(course):
            words.append(Part(f" · {pace}", "dim"))
        points: list[Cell] = [
            [
                Part(figure_text(result)),
                Part(f"\n{status_label(result.status)}", STATUS_STYLE[result.status]),
            ]
            for result in course.results
        ]
        rows.append(
            [
                words,
                *points,
                course_text(course),
                year_end_text(course),
                [Part(status_label(course.final), STATUS_STYLE[course.final])],
            ]
        )
    periods = " → ".join(pick(e.report.period.names) for e in trend.evaluations)
    draw(
        columns,
        rows,
        out,
        color=color,
        title=t("trend.title", number=first.targets.resolution.number, year=trend.year),
        caption=t("trend.caption", periods=periods),
        expand=True,
    )


def diff(comparison: Comparison, out: TextIO, *, color: bool) -> None:
    """Every target whose figure or status changed, worst first, then a one-line verdict."""
    old, new = comparison.old, comparison.new
    columns = (
        Column(t("column.target"), wrap=True, min_width=24),
        Column(t("column.change")),
        Column(t("column.before"), right=True),
        Column(t("column.after"), right=True),
        Column(t("column.difference"), right=True),
        Column(t("column.status")),
    )
    rows: list[list[Cell] | None] = []
    for d in comparison.differences:
        style = CHANGE_STYLE[d.change]
        difference = display(d.difference, sign=True) if d.difference is not None else ""
        rows.append(
            [
                [Part(d.target.words), Part(f"\n{d.target.id}", "dim")],
                [Part(change_label(d.change), style)],
                figure_text(d.old),
                figure_text(d.new),
                difference,
                [Part(status_change_text(d), STATUS_STYLE[d.new.status])],
            ]
        )
    title = f"{side(old)} → {side(new)}"
    if rows:
        draw(columns, rows, out, color=color, title=title, expand=True)
    else:
        out.write(title + "\n")
    verdict = diff_summary(comparison)
    out.write(styled(verdict, "bold red" if comparison.regressed else "", color=color) + "\n")


CHANGE_STYLE = {
    "worsened": "bold red",
    "removed": "bold yellow",
    "changed": "",
    "added": "",
    "improved": "bold green",
}
