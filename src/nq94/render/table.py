"""The table for people: a table per report, grouped by section, with a summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from nq94.errors import Problem
from nq94.evaluate import Evaluation, Result
from nq94.i18n import t, tn
from nq94.model import Basis, Status, Target
from nq94.outcome import Invalid, Validated
from nq94.render.numbers import (
    actual_text,
    amended_text,
    comparison,
    counted,
    counts,
    display,
    figure_text,
    gap_text,
    judged_by,
    needed_text,
    notes,
    percent_text,
    plan_text,
    said,
    section_name,
    side,
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
    status_changes,
    year_end_text,
)
from nq94.render.terminal import SECTION, Cell, Column, Layout, Part, Row, draw, say, stacked

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Course, Difference, Trend

STATUS_STYLE = {
    Status.MET: "bold green",
    Status.AT_RISK: "bold yellow",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
    Status.NOT_ASSESSED: "dim",
}

WORDS_MIN_WIDTH = 24
"""The narrowest the resolution's words are folded to, when no id is longer."""

MARGIN = 5
"""Index of the margin column, shown only when a margin applies (not for final figures)."""

CHECK_NARROWER = (
    ((0,), (1,), (2, 5), (3,), (4,), (6,)),
    ((0,), (1, 2, 5), (3, 4), (6,)),
    ((0,), (1, 2, 3, 4, 5), (6,)),
    ((0,), (6, 1, 2, 3, 4, 5)),
)
"""The status table's columns stacked, for ever narrower terminals: the margin under what is
required, then the actual figure over both and the gap over the percent, then every figure in one
column, then the status over the figures (a status is never split over two lines). Indices are
those of check_columns()."""


def words_column(targets: Iterable[Target], words: dict[str, str | int]) -> Column:
    """The column of the resolution's words, each over its target's id: never narrower than the
    longest id, so that ids are never broken."""
    widest = max((len(target.id) for target in targets), default=0)
    return Column(t("column.target", **words), words=True, min_width=max(WORDS_MIN_WIDTH, widest))


def check_columns(targets: Iterable[Target], words: dict[str, str | int]) -> tuple[Column, ...]:
    """The columns of the status table, in the reader's language."""
    numbers = ("actual", "required", "gap", "percent", "margin")
    return (
        words_column(targets, words),
        *(Column(t(f"column.{name}"), right=True) for name in numbers),
        Column(t("column.status")),
    )


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool) -> None:
    """Print a table and a summary for each evaluated report, as each arrives; then the reports'
    warnings again, located, which stderr said before a long table scrolled them away."""
    printed = False
    warnings: list[Problem] = []
    for outcome in outcomes:
        if not isinstance(outcome, Evaluation):
            continue  # an invalid file's problems are on stderr
        if printed:
            out.write("\n")
        draw_report(outcome, out, color=color)
        warnings += outcome.warnings
        printed = True
    if warnings:
        out.write("\n" + "".join(f"{warning}\n" for warning in warnings))


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool) -> None:
    """One row per file: valid or not, what it covers, how many problems."""
    rows: list[Row] = []
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
        Column(t("column.file"), words=True, min_width=12),
        Column(t("column.result"), wraps=True),
        Column(t("column.period")),
        Column(t("column.basis"), wraps=True),
        Column(t("column.values"), right=True),
    )
    full = Layout(columns, rows)
    draw(
        [full, stacked(full, ((0,), (1,), (2, 3), (4,)))],
        out,
        color=color,
        title=t("validate.title"),
        after=[t("validate.summary", valid=valid, invalid=invalid)],
    )


def draw_report(evaluation: Evaluation, out: TextIO, *, color: bool) -> None:
    """The status table of one report, then its summary line."""
    report, targets = evaluation.report, evaluation.targets
    if report.is_final:
        basis = t("caption.final")
    else:
        what = t("caption.partial" if report.basis is Basis.OFFICIAL else f"caption.{report.basis}")
        # a whole year's estimate projects nothing: only a part of the year has flows to project
        basis = t(
            "caption.margin" if not report.period.is_year_end else "caption.margin_year", what=what
        )
    columns = check_columns((r.target for r in evaluation.results), words_of(evaluation.targets))
    keep = [i for i in range(len(columns)) if not (report.is_final and i == MARGIN)]
    rows: list[Row] = []
    section = None
    for result in evaluation.results:
        if result.target.section != section:
            section = result.target.section
            rows += [SECTION, [[Part(section_name(targets, section), "bold")]]]
        rows.append(_cells(result))
    full = Layout(columns, rows)
    layouts = []
    for groups in (tuple((i,) for i in range(len(columns))), *CHECK_NARROWER):
        kept = [tuple(i for i in group if i in keep) for group in groups]
        layouts.append(stacked(full, [group for group in kept if group]))
    draw(
        layouts,
        out,
        color=color,
        title=t(
            "check.title",
            document=targets.document.name,
            period=period_name(report.period),
            basis=t(f"basis.{report.basis.value}"),
            file=evaluation.file,
        ),
        caption=basis,
        expand=True,
        after=[summary_text(evaluation)],
    )


def _cells(result: Result) -> list[Cell]:
    target = result.target
    status = [Part(said(result), STATUS_STYLE[result.status])]
    words = _words(target)
    # a target that asks for less, or for a range, has no percent of target: what it has to
    # spare, or how far it is from the range, goes with the notes under its words
    for note in notes(result):
        words.append(Part(f" · {note}", "dim"))
    if result.actual is None:
        given = figure_text(result) if result.value is not None else "—"
        return [words, [Part(given, "dim")], comparison(target), "", "", "", status]
    percent = percent_text(result) if result.percent_of_target is not None else ""
    return [
        words,
        actual_text(result),
        judged_by(result),
        gap_text(result),
        percent,
        f"±{display(result.margin)}" if result.margin is not None else "",
        status,
    ]


def _words(target: Target) -> list[Part]:
    """The document's words (and, where the line holds several targets, this one's part), and
    the target's id on a line of its own."""
    part = [Part(f"\n› {target.part}", "italic")] if target.part else []
    return [Part(target.words), *part, Part(f"\n{target.id}", "dim")]


def summary_text(evaluation: Evaluation) -> list[Part]:
    """The summary line, each count in its status colour."""
    stage, total = evaluation.report.stage, sum(evaluation.summary.values())
    # the counts go where the catalogue puts {parts}, each in its own colour
    head, _, tail = tn("summary", total, parts="{parts}").partition("{parts}")
    parts = [Part(head)]
    for index, (status, count) in enumerate(counts(evaluation)):
        if index:
            parts.append(Part(", "))
        parts.append(Part(counted(status, count, stage), STATUS_STYLE[status]))
    parts.append(Part(tail))
    if count := len(evaluation.warnings):  # as summary_line counts them
        said = t("summary.warned", summary="{summary}", warnings=tn("warnings", count))
        before, _, after = said.partition("{summary}")
        parts = [Part(before), *parts, Part(after, "bold yellow")]
    return parts


def trend(trend: Trend, out: TextIO, *, color: bool) -> None:
    """A row per target: its figure and status in each period, its course, where it is heading.

    Where the periods do not fit side by side, each period is a line under the target's words,
    and then its course too.
    """
    first = trend.evaluations[0]
    headings = [
        (short_name(e.report.period), t("basis." + e.report.basis.value)) for e in trend.evaluations
    ]
    columns = [
        words_column((c.target for c in trend.courses), words_of(trend.evaluations[-1].targets))
    ]
    columns += [Column(f"{name}\n({basis})", right=True) for name, basis in headings]
    columns += [
        Column(t("column.course")),
        Column(t("column.year_end"), right=True),
        Column(t("column.status")),
    ]
    periods = len(headings)
    longest = 0  # the longest line of a period under the words, which had better not wrap
    wide: list[Row] = []
    merged: list[Row] = []
    narrow: list[Row] = []
    section = None
    for course in trend.courses:
        target = course.target
        if target.section != section and first.targets.sections:
            section = target.section
            heading: Row = [[Part(section_name(first.targets, section), "bold")]]
            wide += [SECTION, heading]
            merged += [SECTION, heading]
            narrow += [SECTION, heading]
        words = _words(target)
        latest = course.results[-1]
        for note in (pace_text(course), needed_text(latest), amended_text(latest)):
            if note:
                words.append(Part(f" · {note}", "dim"))
        points: list[Cell] = [
            [
                Part(figure_text(result)),
                Part(f"\n{said(result)}", STATUS_STYLE[result.status]),
                *([Part(f"\n{_planned(result)}", "dim")] if result.plan else []),
            ]
            for result in course.results
        ]
        lines = list(words)
        for (name, basis), result in zip(headings, course.results, strict=True):
            # the status starts the line, where folding the words never splits it
            period = [
                Part("\n"),
                Part(said(result), STATUS_STYLE[result.status]),
                Part(f" · {name} ({basis}): ", "dim"),
                Part(figure_text(result)),
                *([Part(f" · {_planned(result)}", "dim")] if result.plan else []),
            ]
            longest = max(longest, sum(len(part.text) for part in period) - 1)
            lines += period
        status = [Part(said(course.results[-1]), STATUS_STYLE[course.final])]
        moved, year_end = _course(course), year_end_text(course)
        wide.append([words, *points, moved, year_end, status])
        merged.append([lines, moved, year_end, status])
        # the statuses are each on their period's line above
        course_line = course_text(course, changes=False)
        sparkline_part = Part(f"\n{t('column.course')}: {course_line}", "dim")
        narrow.append([[*lines, sparkline_part], year_end, status])
    names = " → ".join(
        f"{period_name(e.report.period)} ({t('basis.' + e.report.basis.value)})"
        for e in trend.evaluations
    )
    draw(
        [
            Layout(columns, wide),
            Layout([columns[0], *columns[periods + 1 :]], merged, comfortable=longest),
            narrowest := Layout([columns[0], *columns[periods + 2 :]], narrow, comfortable=longest),
            stacked(narrowest, ((0,), (2, 1))),  # the status over the year's end
        ],
        out,
        color=color,
        title=t("trend.title", **words_of(first.targets)),
        caption=t("trend.caption", periods=names),
        expand=True,
    )


def _course(course: Course) -> list[Part]:
    """A course's cell: the sparkline and the direction, then each status it changed to, a
    line each ('Khó đạt →', 'Có nguy cơ không đạt'), which the column never splits."""
    parts = [Part(course_text(course, changes=False))]
    changed = status_changes(course)
    for index, result in enumerate(changed):
        parts += [Part("\n"), Part(said(result), STATUS_STYLE[result.status])]
        if index + 1 < len(changed):
            parts.append(Part(" →"))
    return parts


def _planned(result: Result) -> str:
    """The plan a period's figure was judged by, in a review's cell: 'kịch bản 9,05%'."""
    return t("trend.plan", plan=plan_text(result))


def diff(comparison: Comparison, out: TextIO, *, color: bool) -> None:
    """Every target whose figure or status changed, worst first, then a one-line verdict.

    Where the columns do not fit, the figures are stacked, and then the change and the status
    are a line under the target's words.
    """
    old, new = comparison.old, comparison.new
    columns = (
        words_column((d.target for d in comparison.differences), words_of(comparison.new.targets)),
        Column(t("column.change"), wraps=True),
        Column(t("column.before"), right=True),
        Column(t("column.after"), right=True),
        Column(t("column.difference"), right=True),
        Column(t("column.status")),
    )
    rows: list[Row] = []
    narrow: list[Row] = []
    changed, settled = apart(comparison)
    for d in [*changed, *settled]:
        if settled and d is settled[0]:  # settled figures are listed apart, under a heading
            heading = [Part(t("diff.settled_heading"), "bold")]
            rows += [SECTION, [heading]]
            narrow += [SECTION, [heading]]
        # a settled figure that ends worse than the estimate said is marked as a worsening is
        style = CHANGE_STYLE["worsened" if d.regressed else d.change]
        change = Part(change_words(d), style)
        status = _status_change(d)
        difference = difference_text(d)
        figures = [figure_text(d.old), figure_text(d.new), difference]
        rows.append([_words(d.target), [change], *figures, status])
        # each status starts a line, where folding the words never splits it
        words = [*_words(d.target), Part("\n"), *status, Part(" · ", "dim"), change]
        narrow.append([words, *figures])
    verdict = [Part(diff_summary(comparison), "bold red" if comparison.regressed else "")]
    title = f"{side(old)} → {side(new)}"
    if not rows:
        say([title, verdict], out, color=color)
        return
    full = Layout(columns, rows)
    layouts = [
        full,
        stacked(full, ((0,), (1,), (2, 3, 4), (5,))),
        stacked(Layout([columns[0], *columns[2:5]], narrow), ((0,), (1, 2, 3))),
    ]
    draw(layouts, out, color=color, title=title, expand=True, after=[verdict])


def _status_change(difference: Difference) -> list[Part]:
    """The status in the new report, under the old one's where its words changed: each a line
    of its own, which a table never splits."""
    new = Part(said(difference.new), STATUS_STYLE[difference.new.status])
    if said(difference.old) == new.text:
        return [new]
    return [Part(said(difference.old), STATUS_STYLE[difference.old.status]), Part(" →\n"), new]


CHANGE_STYLE = {
    "worsened": "bold red",
    "removed": "bold yellow",
    "settled": "bold",
    "changed": "",
    "added": "",
    "improved": "bold green",
}
