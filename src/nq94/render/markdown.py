"""GitHub-flavoured Markdown a bot can post on a pull request; everything from a report escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from nq94.errors import escaped
from nq94.evaluate import Evaluation
from nq94.i18n import t, tn
from nq94.model import Status
from nq94.outcome import Invalid, Validated
from nq94.render.numbers import (
    actual_text,
    context_notes,
    figure_text,
    gap_text,
    judged_by,
    percent_text,
    period_heading,
    said,
    side,
    summary_line,
    words_of,
)
from nq94.render.outcomes import Checked
from nq94.render.periods import period_name, short_name
from nq94.render.reviewed import (
    apart,
    change_words,
    course_text,
    diff_summary,
    difference_text,
    pace_text,
    status_change_text,
    year_end_text,
)

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Trend

STATUS_MARK = {
    Status.MET: "✅",
    Status.AT_RISK: "⚠️",
    Status.MISSED: "❌",
    Status.NO_DATA: "➖",
    Status.NOT_ASSESSED: "⚪",
}

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape(text: str) -> str:
    """Text shown literally in Markdown: HTML and Markdown syntax neutralised, one line."""
    flat = escaped(" ".join(text.split()))
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
    targets = evaluation.targets
    lines = [
        f"### {escape(side(evaluation))}",
        "",
        escape(targets.document.name) + f": {summary_line(evaluation)}.",
        "",
        _header(("target", "actual", "required", "gap", "percent", "status"), words_of(targets)),
        "|---|--:|--:|--:|--:|---|",
    ]
    for result in evaluation.results:
        target = result.target
        actual = actual_text(result)
        gap, share = gap_text(result), percent_text(result)
        status = f"{STATUS_MARK[result.status]} {said(result)}"
        words = f"{escape(target.words)} `{target.id}`"
        if target.part:
            words += f"<br>› {escape(target.part)}"
        for note in context_notes(result):
            words += f"<br>{escape(note)}"
        required = escape(judged_by(result))
        lines.append(f"| {words} | {actual} | {required} | {gap} | {share} | {status} |")
    return "\n".join(lines) + "\n\n"


def problems_markdown(invalid: list[Invalid]) -> str:
    """The invalid files, each problem with its location."""
    lines = [f"### {t('invalid_files')}", ""]
    for outcome in invalid:
        for problem in outcome.problems:
            where = f"{escape(outcome.file)}:{problem.line}:{problem.column}"
            lines.append(f"- ❌ {where}: {escape(problem.message)}")
    return "\n".join(lines) + "\n"


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """A table of files, then the problems of invalid ones."""
    del color
    lines = [_header(("file", "result", "period", "basis", "values")), "|---|---|---|---|--:|"]
    invalid: list[Invalid] = []
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            invalid.append(outcome)
            count = len(outcome.problems)
            lines.append(f"| {escape(outcome.file)} | ❌ {tn('problems', count)} | | | |")
        else:
            report = outcome.report
            lines.append(
                f"| {escape(outcome.file)} | ✅ {t('valid')} | {period_name(report.period)} "
                f"| {t('basis.' + report.basis.value)} "
                f"| {len(report.values)} |"
            )
    out.write("\n".join(lines) + "\n\n")
    if invalid:
        out.write(problems_markdown(invalid))


def trend(trend: Trend, out: TextIO, *, color: bool = False) -> None:
    """The periods reviewed, then a row per target: its status in each, its course, year end."""
    del color
    first = trend.evaluations[0]
    heading = words_of(first.targets)
    lines = [
        "### " + t("trend.title", **{**heading, "document": escape(str(heading["document"]))}),
        "",
    ]
    for evaluation in trend.evaluations:
        report = evaluation.report
        lines.append(
            f"- **{short_name(report.period)}**: {escape(period_name(report.period))}, "
            f"{t('basis.' + report.basis.value)}, {escape(evaluation.file)}"
        )
    periods = " | ".join(period_heading(e) for e in trend.evaluations)
    lines += [
        "",
        f"| {t('column.target', **heading)} | {periods} | {t('column.course')} "
        f"| {t('column.year_end')} | {t('column.status')} |",
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
        status = f"{STATUS_MARK[course.final]} {said(course.results[-1])}"
        lines.append(
            f"| {words} | {points} | {course_text(course)} | {year_end_text(course)} | {status} |"
        )
    out.write("\n".join(lines) + "\n")


def diff(comparison: Comparison, out: TextIO, *, color: bool = False) -> None:
    """What changed from one report to another, worst first, for a pull request."""
    del color
    old, new = comparison.old, comparison.new
    lines = [
        "### " + escape(t("diff.title", old=side(old), new=side(new))),
        "",
        f"{diff_summary(comparison)}.",
        "",
    ]
    changed, settled = apart(comparison)
    for heading, differences in ((None, changed), (t("diff.settled_heading"), settled)):
        if not differences:
            continue
        if heading:
            lines += [f"#### {escape(heading)}", ""]
        lines += [
            _header(
                ("target", "change", "before", "after", "difference", "status"),
                words_of(comparison.new.targets),
            ),
            "|---|---|--:|--:|--:|---|",
        ]
        for d in differences:
            difference = difference_text(d)
            mark = CHANGE_MARK["worsened" if d.regressed else d.change]  # ends worse: a worsening
            lines.append(
                f"| {escape(d.target.words)} `{d.target.id}` | {mark} "
                f"{change_words(d)} | {figure_text(d.old)} | {figure_text(d.new)} "
                f"| {difference} | {escape(status_change_text(d))} |"
            )
        lines.append("")
    out.write("\n".join(lines).rstrip("\n") + "\n")


CHANGE_MARK = {
    "worsened": "🔻",
    "removed": "➖",
    "settled": "☑️",
    "changed": "✏️",
    "added": "➕",
    "improved": "🔺",
}


def _header(columns: tuple[str, ...], words: dict[str, str | int] | None = None) -> str:
    """A table's header row, in the reader's language."""
    return "| " + " | ".join(t(f"column.{column}", **(words or {})) for column in columns) + " |"
