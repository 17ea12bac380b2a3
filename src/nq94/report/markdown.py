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
    status_change_text,
    summary_line,
    year_end_text,
)
from nq94.review import Change, Comparison, Trend

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


def trend(trend: Trend, out: TextIO, *, color: bool = False) -> None:
    """The periods reviewed, then a row per target: its status in each, its course, year end."""
    del color
    first = trend.evaluations[0]
    lines = [
        f"### Resolution {escape(first.targets.resolution.number)}: {trend.year}, period by period",
        "",
    ]
    for evaluation in trend.evaluations:
        report = evaluation.report
        names = report.period.names
        lines.append(
            f"- **{report.period}**: {escape(names.vi)} ({escape(names.en)}), "
            f"{report.basis.value}, {escape(evaluation.file)}"
        )
    periods = " | ".join(str(e.report.period) for e in trend.evaluations)
    lines += [
        "",
        f"| Target | {periods} | Course | Year end | Status |",
        "|---|" + "---|" * len(trend.evaluations) + "---|--:|---|",
    ]
    for course in trend.courses:
        target = course.target
        words = f"{escape(target.words)} `{target.id}`"
        if pace := pace_text(course):
            words += f"<br>{escape(pace)}"
        points = " | ".join(
            f"{figure_text(result)} {STATUS_MARK[result.status]}" for result in course.results
        )
        status = f"{STATUS_MARK[course.final]} {STATUS_LABEL[course.final]}"
        lines.append(
            f"| {words} | {points} | {course_text(course)} | {year_end_text(course)} | {status} |"
        )
    out.write("\n".join(lines) + "\n")


def diff(comparison: Comparison, out: TextIO, *, color: bool = False) -> None:
    """What changed from one report to another, worst first, for a pull request."""
    del color
    old, new = comparison.old, comparison.new
    lines = [
        f"### Changes from {escape(old.file)} ({old.report.period}, {old.report.basis.value}) "
        f"to {escape(new.file)} ({new.report.period}, {new.report.basis.value})",
        "",
        f"{diff_summary(comparison)}.",
        "",
    ]
    if comparison.differences:
        lines += [
            "| Target | Change | Before | After | Difference | Status |",
            "|---|---|--:|--:|--:|---|",
        ]
    for d in comparison.differences:
        difference = display(d.difference, sign=True) if d.difference is not None else ""
        lines.append(
            f"| {escape(d.target.words)} `{d.target.id}` | {CHANGE_MARK[d.change]} "
            f"{CHANGE_LABEL[d.change]} | {figure_text(d.old)} | {figure_text(d.new)} "
            f"| {difference} | {escape(status_change_text(d))} |"
        )
    out.write("\n".join(lines) + "\n")


CHANGE_MARK = {
    Change.WORSENED: "🔻",
    Change.REMOVED: "➖",
    Change.CHANGED: "✏️",
    Change.ADDED: "➕",
    Change.IMPROVED: "🔺",
}
