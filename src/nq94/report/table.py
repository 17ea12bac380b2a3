"""The table for people: a table per report, grouped by section, with a summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from nq94.evaluate import Evaluation, Obtained, Result
from nq94.model import Basis, Status
from nq94.outcome import Checked, Invalid, Validated
from nq94.report.grid import SECTION, Cell, Column, Part, draw, styled
from nq94.report.numbers import (
    CHANGE_LABEL,
    STATUS_LABEL,
    comparison,
    course_text,
    diff_summary,
    display,
    figure_text,
    gap_text,
    pace_text,
    percent_text,
    reading,
    status_change_text,
    year_end_text,
)
from nq94.review import Change, Comparison, Trend

STATUS_STYLE = {
    Status.MET: "bold green",
    Status.AT_RISK: "bold yellow",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
}

CHECK_COLUMNS = (
    Column("Target (the resolution's words)", wrap=True, min_width=24),
    *(Column(name, right=True) for name in ("Actual", "Required", "Gap", "% of target", "Margin")),
    Column("Status"),
)
MARGIN = 5
"""Index of the margin column, shown only when a margin applies (not for final figures)."""


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
            result = [Part(f"{count} problem{'s' if count != 1 else ''}", "bold red")]
            rows.append([outcome.file, result, "", "", ""])
        else:
            valid += 1
            report = outcome.report
            rows.append(
                [
                    outcome.file,
                    [Part("valid", "bold green")],
                    str(report.period),
                    report.basis.value,
                    str(len(report.values)),
                ]
            )
    columns = (
        Column("File", wrap=True),
        Column("Result"),
        Column("Period"),
        Column("Basis"),
        Column("Values", right=True),
    )
    draw(columns, rows, out, color=color, title="nq94 validate")
    out.write(f"{valid} valid, {invalid} invalid\n")


def draw_report(evaluation: Evaluation, out: TextIO, *, color: bool) -> None:
    """The status table of one report."""
    report, targets = evaluation.report, evaluation.targets
    if report.is_final:
        basis = "Official full-year figures: each value is compared strictly with its threshold."
    else:
        what = "Estimate" if report.basis is Basis.ESTIMATE else "Figures for part of the year"
        basis = (
            f"{what}: a value within the margin of its threshold is at risk; "
            "flows are projected to the year end."
        )
    keep = [i for i in range(len(CHECK_COLUMNS)) if not (report.is_final and i == MARGIN)]
    rows: list[list[Cell] | None] = []
    section = None
    for result in evaluation.results:
        if result.target.section != section:
            section = result.target.section
            names = targets.sections[section]
            rows += [SECTION, [[Part(f"{names.vi} ({names.en})", "bold")]]]
        cells = _cells(result)
        rows.append([cells[i] for i in keep])
    draw(
        [CHECK_COLUMNS[i] for i in keep],
        rows,
        out,
        color=color,
        title=f"Resolution {targets.resolution.number}, {report.period}: {evaluation.file}",
        caption=basis,
        expand=True,
    )


def _cells(result: Result) -> list[Cell]:
    target = result.target
    status = [Part(STATUS_LABEL[result.status], STATUS_STYLE[result.status])]
    words = [Part(target.words), Part(f"\n{target.id}", "dim")]
    if result.actual is None:
        return [words, [Part("—", "dim")], comparison(target), "", "", "", status]
    if note := reading(result):
        words.append(Part(f" · {note}", "dim"))
    if result.obtained is Obtained.PROJECTED and result.value is not None:
        words.append(Part(f" · projected to year end from {display(result.value)}", "dim"))
    elif result.obtained is Obtained.DERIVED and result.entry is not None:
        entry = result.entry
        assert entry.baseline is not None
        assert entry.current is not None
        how = "growth" if result.target.kind.value == "growth" else "change"
        baseline, current = display(entry.baseline), display(entry.current)
        words.append(Part(f" · {how} derived from {baseline} → {current}", "dim"))
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
        styled(f"{count} {STATUS_LABEL[status]}", STATUS_STYLE[status], color=color)
        for status, count in summary.items()
    ]
    return f"{sum(summary.values())} targets: " + ", ".join(counts)


def trend(trend: Trend, out: TextIO, *, color: bool) -> None:
    """A row per target: its figure and status in each period, its course, where it is heading."""
    first = trend.evaluations[0]
    columns = [Column("Target (the resolution's words)", wrap=True, min_width=24)]
    for evaluation in trend.evaluations:
        report = evaluation.report
        columns.append(Column(f"{report.period}\n{report.basis.value}", right=True))
    columns += [Column("Course"), Column("Year end", right=True), Column("Status")]
    rows: list[list[Cell] | None] = []
    section = None
    for course in trend.courses:
        target = course.target
        if target.section != section:
            section = target.section
            names = first.targets.sections[section]
            rows += [SECTION, [[Part(f"{names.vi} ({names.en})", "bold")]]]
        words = [Part(target.words), Part(f"\n{target.id}", "dim")]
        if pace := pace_text(course):
            words.append(Part(f" · {pace}", "dim"))
        points: list[Cell] = [
            [
                Part(figure_text(result)),
                Part(f"\n{STATUS_LABEL[result.status]}", STATUS_STYLE[result.status]),
            ]
            for result in course.results
        ]
        rows.append(
            [
                words,
                *points,
                course_text(course),
                year_end_text(course),
                [Part(STATUS_LABEL[course.final], STATUS_STYLE[course.final])],
            ]
        )
    periods = " → ".join(
        f"{e.report.period.names.vi} ({e.report.period.names.en})" for e in trend.evaluations
    )
    draw(
        columns,
        rows,
        out,
        color=color,
        title=f"Resolution {first.targets.resolution.number}: {trend.year}, period by period",
        caption=f"{periods}. Flows are projected to the year end; status is the latest report's.",
        expand=True,
    )


def diff(comparison: Comparison, out: TextIO, *, color: bool) -> None:
    """Every target whose figure or status changed, worst first, then a one-line verdict."""
    old, new = comparison.old, comparison.new
    columns = (
        Column("Target (the resolution's words)", wrap=True, min_width=24),
        Column("Change"),
        Column("Before", right=True),
        Column("After", right=True),
        Column("Difference", right=True),
        Column("Status"),
    )
    rows: list[list[Cell] | None] = []
    for d in comparison.differences:
        style = CHANGE_STYLE[d.change]
        difference = display(d.difference, sign=True) if d.difference is not None else ""
        rows.append(
            [
                [Part(d.target.words), Part(f"\n{d.target.id}", "dim")],
                [Part(CHANGE_LABEL[d.change], style)],
                figure_text(d.old),
                figure_text(d.new),
                difference,
                [Part(status_change_text(d), STATUS_STYLE[d.new.status])],
            ]
        )
    title = (
        f"{old.file} ({old.report.period}, {old.report.basis.value}) → "
        f"{new.file} ({new.report.period}, {new.report.basis.value})"
    )
    if rows:
        draw(columns, rows, out, color=color, title=title, expand=True)
    else:
        out.write(title + "\n")
    verdict = diff_summary(comparison)
    out.write(styled(verdict, "bold red" if comparison.regressed else "", color=color) + "\n")


CHANGE_STYLE = {
    Change.WORSENED: "bold red",
    Change.REMOVED: "bold yellow",
    Change.CHANGED: "",
    Change.ADDED: "",
    Change.IMPROVED: "bold green",
}
