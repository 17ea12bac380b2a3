"""The Rich table for people: a table per report, grouped by section, with a summary line."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nq94.evaluate import Evaluation, Obtained, Result
from nq94.model import Basis, Status
from nq94.outcome import Checked, Invalid, Validated
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


def console_for(out: TextIO, *, color: bool) -> Console:
    """A Rich console on ``out``: coloured only when asked, 120 columns when not a terminal."""
    wide = out.isatty() or "COLUMNS" in os.environ
    return Console(
        file=out,
        no_color=not color,
        color_system="auto" if color else None,
        force_terminal=True if color else None,
        highlight=False,
        markup=False,  # file names and words are shown as written, never read as markup
        width=None if wide else 120,
    )


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool) -> None:
    """Print a table and a summary for each evaluated report, as each arrives."""
    console = console_for(out, color=color)
    printed = False
    for outcome in outcomes:
        if not isinstance(outcome, Evaluation):
            continue  # an invalid file's problems are on stderr
        if printed:
            console.print()
        console.print(build_table(outcome))
        console.print(summary_text(outcome))
        printed = True


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool) -> None:
    """One row per file: valid or not, what it covers, how many problems."""
    table = Table(box=box.SIMPLE_HEAD, title="nq94 validate")
    for name in ("File", "Result", "Period", "Basis", "Values"):
        table.add_column(name, justify="right" if name == "Values" else "left")
    valid = invalid = 0
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            invalid += 1
            count = len(outcome.problems)
            result = Text(f"{count} problem{'s' if count != 1 else ''}", style="bold red")
            table.add_row(outcome.file, result, "", "", "")
        else:
            valid += 1
            report = outcome.report
            table.add_row(
                outcome.file,
                Text("valid", style="bold green"),
                str(report.period),
                report.basis.value,
                str(len(report.values)),
            )
    console = console_for(out, color=color)
    console.print(table)
    console.print(f"{valid} valid, {invalid} invalid")


def build_table(evaluation: Evaluation) -> Table:
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
    table = Table(
        title=f"Resolution {targets.resolution.number}, {report.period}: {evaluation.file}",
        caption=basis,
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    table.add_column("Target (the resolution's words)", overflow="fold", min_width=24, ratio=1)
    table.add_column("Actual", justify="right", no_wrap=True)
    table.add_column("Required", justify="right", no_wrap=True)
    table.add_column("Gap", justify="right", no_wrap=True)
    table.add_column("% of target", justify="right", no_wrap=True)
    if not report.is_final:
        table.add_column("Margin", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    section = None
    for result in evaluation.results:
        if result.target.section != section:
            section = result.target.section
            if table.row_count:
                table.add_section()
            names = targets.sections[section]
            table.add_row(Text(f"{names.vi} ({names.en})", style="bold"))
        cells = _cells(result)
        table.add_row(*(cells if not report.is_final else cells[:5] + cells[6:]))
    return table


def _cells(result: Result) -> list[str | Text]:
    target = result.target
    status = Text(STATUS_LABEL[result.status], style=STATUS_STYLE[result.status])
    words = Text(target.words)
    words.append(f"\n{target.id}", style="dim")
    if result.actual is None:
        return [words, Text("—", style="dim"), comparison(target), "", "", "", status]
    if note := reading(result):
        words.append(f" · {note}", style="dim")
    if result.obtained is Obtained.PROJECTED and result.value is not None:
        words.append(f" · projected to year end from {display(result.value)}", style="dim")
    elif result.obtained is Obtained.DERIVED and result.entry is not None:
        entry = result.entry
        assert entry.baseline is not None
        assert entry.current is not None
        how = "growth" if result.target.kind.value == "growth" else "change"
        baseline, current = display(entry.baseline), display(entry.current)
        words.append(f" · {how} derived from {baseline} → {current}", style="dim")
    return [
        words,
        display(result.actual),
        comparison(target),
        gap_text(result),
        percent_text(result),
        f"±{display(result.margin)}" if result.margin is not None else "",
        status,
    ]


def summary_text(evaluation: Evaluation) -> Text:
    """The summary line, each count in its status colour."""
    summary = evaluation.summary
    text = Text(f"{sum(summary.values())} targets: ")
    for index, (status, count) in enumerate(summary.items()):
        if index:
            text.append(", ")
        text.append(f"{count} {STATUS_LABEL[status]}", style=STATUS_STYLE[status])
    return text
