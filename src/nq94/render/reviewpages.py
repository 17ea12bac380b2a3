"""`nq94 trend … -o FILE.html` and `nq94 diff … -o FILE.html`: a review as one printable page
(A4), in the language spoken now.

For each target (each that differs, for a diff) the page has the chart and the table of a
target's page of the site: the same templates (templates/pieces.html) and charts
(nq94.render.charts) write them. matplotlib and Jinja2 are imported only when such a page is
asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nq94.i18n import current, t
from nq94.model import Kind
from nq94.render import charts
from nq94.render.numbers import period_heading, period_words, words_of
from nq94.render.pages import chart_ids, sections
from nq94.render.reviewed import Sides, apart, sides
from nq94.render.templating import write

if TYPE_CHECKING:
    from markupsafe import Markup

    from nq94.review import Comparison, Trend


def trend_html(trend: Trend) -> bytes:
    """One page: every target at a glance, by section; then the course of every target, its
    chart and its table, under its section's heading."""
    latest = trend.evaluations[-1]
    document = latest.targets.document
    headings = [period_heading(evaluation) for evaluation in trend.evaluations]
    return write(
        "trend.html",
        doc=words_of(latest.targets),
        title=t("trendfile.title", **words_of(latest.targets)),
        count=len(trend.evaluations),
        document=document,
        periods=" → ".join(headings),
        labels=[t("trendfile.target"), *headings, t("column.year_end"), t("column.status")],
        trend=trend,
        sections=sections(trend),
        names=latest.targets.sections,
        flows=_has_flows(trend),
        charts=_charts(trend, None),
    ).encode("utf-8")


def diff_html(compared: Comparison) -> bytes:
    """One page: what changed, worst first, in a table (those whose figures settled apart);
    then each target that differs, its chart and its table over the two reports."""
    from nq94.review import paired

    pair = paired(compared)
    old, new = compared.old, compared.new
    named = sides(compared)
    changed, settled = apart(compared)
    tables = [
        (heading, differences)
        for heading, differences in ((None, changed), (t("diff.settled_heading"), settled))
        if differences
    ]
    return write(
        "diff.html",
        doc=words_of(new.targets),
        title=t("diff.title", old=period_words(old), new=period_words(new)),
        count=len(pair.evaluations),
        document=new.targets.document,
        old=old,
        new=new,
        compared=compared,
        tables=tables,
        trend=pair,
        headings=named.headings,
        flows=_has_flows(pair),
        charts=_charts(pair, named),
    ).encode("utf-8")


def _has_flows(trend: Trend) -> bool:
    """Whether a table of ``trend`` has a flow, whose figure there is its total to date while
    its status goes by the projection its chart draws (the page says so)."""
    return any(course.target.kind is Kind.FLOW for course in trend.courses)


def _charts(trend: Trend, sides: Sides | None) -> dict[str, Markup]:
    """Each course's chart, by target id, in the language spoken now (its reports' columns
    named by ``sides`` if given)."""
    drawn = {}
    for course in trend.courses:
        target_id = course.target.id
        caption_id, table_id = chart_ids(target_id)
        (drawn[target_id],) = charts.large_charts(
            course,
            trend.evaluations,
            [current()],
            scope=f"c-{target_id}",
            labelled_by=caption_id,
            described_by=table_id,
            columns=sides.columns if sides else None,
        ).values()
    return drawn
