"""The table for people: a table per report, grouped by section, with a summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from nq94.evaluate import Evaluation, Obtained, Result
from nq94.model import Basis, Status
from nq94.outcome import Checked, Invalid, Validated
from nq94.report.grid import SECTION, Cell, Column, Part, draw, styled
from nq94.report.numbers import (
    STATUS_LABEL,
    comparison,
    display,
    gap_text,
    percent_text,
    reading,
)

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
