"""What the pages share besides their templates: the language a page is written in, how a status
is shown (its class and icon), the targets by section, where a figure comes from, the ids that
tie a chart to its caption and table, and the items of a chart's key.

The pages are the site's (nq94.site), the export page (nq94.render.html) and the trend and diff
pages (nq94.render.reviewpages); their markup is in templates/ (pieces.html holds the parts they
share), written by nq94.render.templating.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from nq94.i18n import Lang, current, t, use
from nq94.model import Kind, Stage, Status
from nq94.render.numbers import (
    actual_text,
    figure_text,
    first_upper,
    inputs_text,
    margin_text,
    period_heading,
    plan_figure,
    requirement,
    status_label,
)

if TYPE_CHECKING:
    from nq94.evaluate import Evaluation, Result
    from nq94.review import Course, Trend


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Speak ``lang`` within the block, then the language spoken before."""
    before = current()
    use(lang)
    try:
        yield
    finally:
        use(before)


STATUS_CLASS = {
    Status.MET: "met",
    Status.AT_RISK: "at-risk",
    Status.MISSED: "missed",
    Status.NO_DATA: "no-data",
    Status.NOT_ASSESSED: "no-data",  # greyed as no data is: neither for nor against
}
"""A status's class on a page (the style sheets colour it)."""

ICON = {
    Status.MET: "✓", Status.AT_RISK: "⚠", Status.MISSED: "✗", Status.NO_DATA: "–",
    Status.NOT_ASSESSED: "○",
}  # fmt: skip
"""A status's icon, beside its word: never a colour alone."""

MARK = {Status.MET: "●", Status.AT_RISK: "▲", Status.MISSED: "✖"}
"""The chart's markers of each status (nq94.render.charts.MARK), as a key shows them."""


def status_words(status: Status, stage: Stage) -> str:
    """A status's words as a heading or a card says them, for a report of ``stage``: 'Met',
    'On track', 'Đạt', 'Có khả năng đạt'."""
    return first_upper(status_label(status, stage))


def marks(stages: Iterable[Stage]) -> list[tuple[Status, str, str]]:
    """Each chart marker, with its status and that status's words in the reports of ``stages``
    a chart shows, once each: (met, '●', 'On track / Met')."""
    stages = list(dict.fromkeys(stages)) or [Stage.FINAL]
    return [
        (status, mark, " / ".join(dict.fromkeys(status_words(status, s) for s in stages)))
        for status, mark in MARK.items()
    ]


def chart_ids(target_id: str) -> tuple[str, str]:
    """The ids of a target's chart caption and of the table that describes the chart, where
    several targets' charts share a page (the overview, trend and diff pages)."""
    return f"cap-{target_id}", f"data-{target_id}"


def sections(trend: Trend) -> list[tuple[str, list[Course]]]:
    """The courses grouped by section, in the targets file's order."""
    grouped: dict[str, list[Course]] = {}
    for course in trend.courses:
        grouped.setdefault(course.target.section, []).append(course)
    return list(grouped.items())


def source(evaluation: Evaluation, result: Result) -> str | None:
    """Where a figure comes from: its own source, else its report's."""
    entry = result.entry
    if entry is not None and entry.source:
        return entry.source
    return evaluation.report.source if entry is not None else None


def note(result: Result) -> str | None:
    """A figure's note, if the report gives one."""
    return result.entry.note if result.entry is not None else None


KeyItem = tuple[str, str]
"""A key's swatch (its class) and its words."""


def overview_key(*, plans: bool = False) -> list[KeyItem]:
    """The overview's key to its small charts: every kind of line and band they draw (the plan
    for the period where a target's quarterly path judged a report: ``plans``)."""
    return [
        ("line", t("site.key.figure")),
        ("target", t("site.key.target_line")),
        *([("plan", t("site.key.plan"))] if plans else []),
        ("at-risk-band", t("site.key.band")),
        ("met-band", t("site.key.range")),
        ("to-date", t("site.key.to_date")),
        ("hollow", t("site.key.hollow")),
    ]


def chart_key(course: Course) -> list[KeyItem]:
    """The key to a target's large chart: what its lines and bands are, for this target."""
    target = course.target
    flow = target.kind is Kind.FLOW
    required = requirement(target)
    items = [("line", t("site.key.projected" if flow else "site.key.figure"))]
    if flow:
        items.append(("to-date", t("site.key.to_date")))
    items.append(("target", t("site.key.target", required=required)))
    if planned(course):
        items.append(("plan", t("site.key.plan")))
    if target.band is not None:
        items.append(("met-band", t("site.key.range")))
    if target.at_risk_margin:
        items.append(("at-risk-band", t("site.key.at_risk", margin=margin_text(target))))
    return items


def planned(course: Course) -> bool:
    """Whether a target's quarterly path gave the plan that judged any of its reports."""
    return any(result.plan is not None for result in course.results)


class CourseRow(NamedTuple):
    """A report's row in the table of a target's figures, under its chart."""

    heading: str
    figure: str
    compared: str
    plan: str
    """The plan for the period that judged the figure (a growth target's quarterly path)."""
    status: Status
    stage: Stage
    source: str
    note: str


def course_rows(
    course: Course, evaluations: Sequence[Evaluation], headings: Sequence[str] | None = None
) -> list[CourseRow]:
    """The rows of the table of a course's figures, each report named by its period and basis
    or by ``headings``."""
    if headings is None:
        headings = [period_heading(evaluation) for evaluation in evaluations]
    return [
        CourseRow(
            heading,
            " ".join(filter(None, (figure_text(result), inputs_text(result)))),
            actual_text(result),
            plan_figure(result),
            result.status,
            result.stage,
            source(evaluation, result) or "",
            note(result) or "",
        )
        for evaluation, heading, result in zip(evaluations, headings, course.results, strict=True)
    ]
