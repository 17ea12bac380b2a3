"""`nq94 trend … -o FILE.html` and `nq94 diff … -o FILE.html`: a review as one printable page
(A4), in the language spoken now.

For each target (each that differs, for a diff) the page has the chart and the table of a
target's page of the site (nq94.site: the same code draws and writes them). matplotlib is
imported only when such a page is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nq94.i18n import current, pick, t
from nq94.model import Kind
from nq94.render.html import (
    ICON,
    STATUS_CLASS,
    chart_ids,
    escape,
    labelled,
    status_badge,
    status_words,
)
from nq94.render.numbers import (
    apart,
    change_label,
    diff_summary,
    difference_text,
    figure_text,
    period_heading,
    period_words,
    side,
    year_end_text,
)
from nq94.render.reviewfile import Sides, sides

if TYPE_CHECKING:
    from nq94.review import Comparison, Course, Difference, Trend


PRINT_STYLE = (
    " .trend-target { break-inside: avoid; page-break-inside: avoid; }"
    " .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }"
    " .at-a-glance .status { padding: 0 .3rem; }"
    " @media print { .trend-target { break-before: auto; } figure.large svg { max-width: 150mm; } }"
)
"""What a page of charts adds to the site's style sheet (which already prints on A4)."""


def trend_html(trend: Trend) -> bytes:
    """One page: the course of every target, its chart and its table, in the language spoken
    now."""
    from nq94.site import pages

    resolution = trend.evaluations[-1].targets.resolution
    title = t("trendfile.title", number=resolution.number, year=trend.year)
    periods = " → ".join(period_heading(evaluation) for evaluation in trend.evaluations)
    body = f"""<header>
<h1>{escape(title)}</h1>
<p class="lead">{escape(pick(resolution.title))}</p>
<p>{escape(t("trendfile.periods", periods=periods))}</p>
</header>
<main id="main">
<section aria-labelledby="at-a-glance">
<h2 id="at-a-glance">{escape(t("trendfile.at_a_glance"))}</h2>
{_glance(trend)}
{_flows_note(trend)}
</section>
{_courses(trend, grouped=True)}
</main>"""
    return pages.page(title, body, trend, style=PRINT_STYLE).encode("utf-8")


def _flows_note(trend: Trend) -> str:
    """What a flow's figures in a table are, where the table has a flow: its total to date,
    while its status goes by the projection its chart draws."""
    if not any(course.target.kind is Kind.FLOW for course in trend.courses):
        return ""
    return f'<p class="note">{escape(t("trendfile.flows"))}</p>'


def _glance(trend: Trend) -> str:
    """Every target in a table, by section: its figure and status in each report (the status
    an icon, with its word for screen readers and as a tooltip), its year end for a flow and
    its latest status; each name leads to its chart below."""
    from nq94.site.pages import sections

    headings = [period_heading(evaluation) for evaluation in trend.evaluations]
    labels = [escape(t("trendfile.target")), *map(escape, headings)]
    labels += [escape(t("column.year_end")), escape(t("column.status"))]
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    targets = trend.evaluations[-1].targets
    groups = []
    for section, courses in sections(trend):
        rows = []
        for course in courses:
            cells = []
            for result in course.results:
                word = status_words(result.status)
                icon = (
                    f'<span class="status {STATUS_CLASS[result.status]}" title="{word}">'
                    f'<span aria-hidden="true">{ICON[result.status]}</span>'
                    f'<span class="sr">{word}</span></span>'
                )
                cells.append((' class="num"', f"{escape(figure_text(result))} {icon}"))
            cells.append((' class="num"', escape(year_end_text(course)) or "—"))
            cells.append(("", status_badge(course.final)))
            row = labelled(cells, labels[1:])
            target = course.target
            name = f'<a class="name" href="#{escape(target.id)}">{escape(pick(target.name))}</a>'
            rows.append(f'<tr><th scope="row">{name}</th>{row}</tr>')
        caption = escape(pick(targets.sections[section]))
        groups.append(
            f'<div class="table-wrap"><table class="stack at-a-glance"><caption>{caption}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    return "\n".join(groups)


def diff_html(compared: Comparison) -> bytes:
    """One page: what changed, worst first, in a table; then each target that differs, its
    chart and its table over the two reports."""
    from nq94.review import paired
    from nq94.site import pages

    pair = paired(compared)
    old, new = compared.old, compared.new
    named = sides(compared)
    title = t("diff.title", old=period_words(old), new=period_words(new))
    tables = []
    changed, settled = apart(compared)
    for heading, differences in ((None, changed), (t("diff.settled_heading"), settled)):
        if differences:
            above = f"<h2>{escape(heading)}</h2>\n" if heading else ""
            tables.append(above + _differences(differences))
    body = f"""<header>
<h1>{escape(title)}</h1>
<p class="lead">{escape(pick(new.targets.resolution.title))}</p>
<p>{escape(t("difffile.reports", old=side(old), new=side(new)))}</p>
<p class="verdict">{escape(diff_summary(compared))}.</p>
</header>
<main id="main">
{chr(10).join(tables)}
{_flows_note(pair)}
{_courses(pair, named)}
</main>"""
    return pages.page(title, body, pair, style=PRINT_STYLE).encode("utf-8")


def _differences(differences: list[Difference]) -> str:
    """The table of what changed: the target, the change, the figures before and after, their
    difference and the statuses."""
    keys = ("target", "change", "before", "after", "difference", "status")
    labels = [escape(t(f"column.{key}")) for key in keys]
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    rows = []
    for d in differences:
        status = status_badge(d.new.status)
        if d.old.status is not d.new.status:
            status = f"{status_badge(d.old.status)} → {status}"
        cells = (
            ("", escape(change_label(d.change))),
            (' class="num"', escape(figure_text(d.old))),
            (' class="num"', escape(figure_text(d.new))),
            (' class="num"', escape(difference_text(d))),
            ("", status),
        )
        row = labelled(cells, labels[1:])
        name = f'<a class="name" href="#{escape(d.target.id)}">{escape(pick(d.target.name))}</a>'
        words = f'<span class="words" lang="vi">{escape(d.target.words)}</span>'
        rows.append(f'<tr><th scope="row">{name}{words}</th>{row}</tr>')
    return (
        f'<div class="table-wrap"><table class="stack differences">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _courses(trend: Trend, sides: Sides | None = None, *, grouped: bool = False) -> str:
    """A section per course of ``trend``: its name, its latest status, its chart and table
    (its reports named by ``sides`` if given); under a heading per section of the targets if
    ``grouped``."""
    from nq94.site.pages import sections

    if not grouped:
        return "\n".join(_course(trend, course, sides, heading="h2") for course in trend.courses)
    names = trend.evaluations[-1].targets.sections
    return "\n".join(
        f'<h2 class="section">{escape(pick(names[section]))}</h2>\n'
        + "\n".join(_course(trend, course, sides, heading="h3") for course in courses)
        for section, courses in sections(trend)
    )


def _course(trend: Trend, course: Course, sides: Sides | None, *, heading: str) -> str:
    from nq94.site import charts, pages

    target_id = course.target.id
    caption_id, table_id = chart_ids(target_id)
    (svg,) = charts.large_charts(
        course,
        trend.evaluations,
        [current()],
        scope=f"c-{target_id}",
        labelled_by=caption_id,
        described_by=table_id,
        columns=sides.columns if sides else None,
    ).values()
    figure = pages.chart_figure(
        trend,
        course,
        svg,
        caption_id=caption_id,
        table_id=table_id,
        headings=sides.headings if sides else None,
    )
    return (
        f'<section class="trend-target" aria-labelledby="{escape(target_id)}">\n'
        f'<{heading} id="{escape(target_id)}">{escape(pick(course.target.name))}</{heading}>\n'
        f"<p>{status_badge(course.final)}</p>\n{figure}\n</section>"
    )
