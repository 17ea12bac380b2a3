"""GitHub-flavoured Markdown a bot can post on a pull request; everything from a report escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TextIO

from nq94.evaluate import Evaluation
from nq94.model import Status
from nq94.outcome import Checked, Invalid, Validated
from nq94.report.numbers import (
    STATUS_LABEL,
    comparison,
    display,
    gap_text,
    percent_text,
    summary_line,
)

STATUS_MARK = {
    Status.MET: "✅",
    Status.AT_RISK: "⚠️",
    Status.MISSED: "❌",
    Status.NO_DATA: "➖",
}

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape(text: str) -> str:
    """Text shown literally in Markdown: HTML and Markdown syntax neutralised, one line."""
    flat = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool = False) -> None:
    """A heading, a summary and a table per report; then the problems of invalid files."""
    del color
    invalid: list[Invalid] = []
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            invalid.append(outcome)
        elif isinstance(outcome, Evaluation):
            out.write(report_markdown(outcome))
    if invalid:
        out.write(problems_markdown(invalid))


def report_markdown(evaluation: Evaluation) -> str:
    """One report: heading, summary line, and a row per target."""
    report, targets = evaluation.report, evaluation.targets
    lines = [
        f"### {escape(evaluation.file)}: {report.period} ({report.basis.value})",
        "",
        f"Resolution {escape(targets.resolution.number)}: {summary_line(evaluation.summary)}.",
        "",
        "| Target | Actual | Required | Gap | % of target | Status |",
        "|---|--:|--:|--:|--:|---|",
    ]
    for result in evaluation.results:
        target = result.target
        actual = display(result.actual) if result.actual is not None else "—"
        gap, share = gap_text(result), percent_text(result)
        status = f"{STATUS_MARK[result.status]} {STATUS_LABEL[result.status]}"
        words = f"{escape(target.words)} `{target.id}`"
        required = escape(comparison(target))
        lines.append(f"| {words} | {actual} | {required} | {gap} | {share} | {status} |")
    return "\n".join(lines) + "\n\n"


def problems_markdown(invalid: list[Invalid]) -> str:
    """The invalid files, each problem with its location."""
    lines = ["### Invalid files", ""]
    for outcome in invalid:
        for problem in outcome.problems:
            where = f"{escape(outcome.file)}:{problem.line}:{problem.column}"
            lines.append(f"- ❌ {where}: {escape(problem.message)}")
    return "\n".join(lines) + "\n"


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """A table of files, then the problems of invalid ones."""
    del color
    lines = ["| File | Result | Period | Basis | Values |", "|---|---|---|---|--:|"]
    invalid: list[Invalid] = []
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            invalid.append(outcome)
            count = len(outcome.problems)
            lines.append(
                f"| {escape(outcome.file)} | ❌ {count} problem{'s' if count != 1 else ''} | | | |"
            )
        else:
            report = outcome.report
            lines.append(
                f"| {escape(outcome.file)} | ✅ valid | {report.period} | {report.basis.value} "
                f"| {len(report.values)} |"
            )
    out.write("\n".join(lines) + "\n\n")
    if invalid:
        out.write(problems_markdown(invalid))
