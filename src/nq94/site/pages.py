"""The site's pages, in the language spoken now: the overview of the latest report with a small
chart per target, and a page per target with its course through the year.

Plain HTML: the style sheet inline, no script, nothing fetched (a page opened from a folder, or
a USB stick, looks as it does on a server). Every word comes from the catalogue, every figure
from nq94.render.numbers, everything taken from a report is escaped. A status is a word and an
icon, never a colour alone; the colours of text meet WCAG 2.1 AA (nq94.render.palette).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from string import Template
from typing import TYPE_CHECKING

from nq94 import __version__
from nq94.evaluate import Evaluation, Result
from nq94.i18n import Lang, current, pick, t, tn
from nq94.model import Kind, Status
from nq94.render.html import (
    SCORECARD_STYLE,
    STATUS_CLASS,
    escape,
    figure_html,
    labelled,
    quoted_words,
    scorecard,
    status_badge,
    status_words,
)
from nq94.render.numbers import (
    actual_text,
    direction_text,
    explain,
    figure_text,
    first_upper,
    gap_text,
    margin_text,
    measured,
    pace_text,
    period_heading,
    period_words,
    requirement,
    summary_line,
    year_end_text,
)
from nq94.render.palette import PALETTE

if TYPE_CHECKING:
    from nq94.review import Course, Trend

LANGUAGE_NAMES = {Lang.VI: "Tiếng Việt", Lang.EN: "English"}
"""Each language named in itself, as a language switch names it."""

MARK = {Status.MET: "●", Status.AT_RISK: "▲", Status.MISSED: "✖"}
"""The chart's markers of each status (nq94.site.charts.MARK), as the key shows them."""

_STYLE = Template("""
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: $ink; background: $paper; font: 16px/1.5 "Noto Sans", "Segoe UI",
  Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
a { color: $link; }
a:focus-visible { outline: 3px solid $link; outline-offset: 2px; }
.skip { position: absolute; left: -100vw; }
.skip:focus { left: 1rem; top: .5rem; background: $paper; padding: .25rem .5rem; }
.page { max-width: 68rem; margin: 0 auto; padding: 0 1rem 2rem; }
.bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
  gap: .5rem 1rem; padding: .75rem 0; border-bottom: 1px solid $rule; }
.bar .home { font-weight: 600; }
.lang-switch { font-weight: 600; }
h1 { font-size: 1.65rem; line-height: 1.25; margin: 1.25rem 0 .5rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.25rem 0 .75rem; padding-bottom: .3rem;
  border-bottom: 2px solid $rule; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.lead { margin: .25rem 0; color: $muted; }
.eyebrow { margin: 1.25rem 0 0; color: $muted; font-size: .9rem; }
.eyebrow + h1 { margin-top: .25rem; }
.status { display: inline-block; padding: 0 .45rem; border-radius: .3rem; font-weight: 600;
  white-space: nowrap; }
.met { color: $met; background: $met_bg; }
.at-risk { color: $at_risk; background: $at_risk_bg; }
.missed { color: $missed; background: $missed_bg; }
.no-data { color: $no_data; background: $no_data_bg; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { padding: .45rem .5rem; border-bottom: 1px solid $rule; text-align: left;
  vertical-align: top; }
thead th { font-size: .85rem; color: $muted; border-bottom: 2px solid $rule; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.targets .num, .targets .status { white-space: normal; }
.name { font-weight: 600; }
.words { display: block; font-size: .875rem; color: $muted; }
.targets { table-layout: fixed; }
.targets th:first-child { width: 44%; }
.targets th:nth-child(2) { width: 18%; }
.targets th:nth-child(n+3) { width: 12.6%; }
a.name { text-decoration-thickness: 1px; text-underline-offset: 2px; }
.key { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0;
  margin: .5rem 0; font-size: .875rem; }
.key li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 1.6rem; height: .8rem; flex: none; }
.swatch.line { height: 0; border-top: 3px solid $line; }
.swatch.target { height: 0; border-top: 2px dashed $target; }
.swatch.to-date { background: $to_date; }
.swatch.at-risk-band { background: $at_risk_band; }
.swatch.met-band { background: $met_band; }
.swatch.hollow { width: .8rem; height: .8rem; margin: 0 .4rem; border: 2px solid $line;
  border-radius: 50%; background: $paper; }
.mark { font-size: 1rem; line-height: 1; }
.mark.met { color: $mark_met; background: none; }
.mark.at-risk { color: $mark_at_risk; background: none; }
.mark.missed { color: $mark_missed; background: none; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14.5rem, 1fr)); gap: .75rem;
  list-style: none; padding: 0; margin: .5rem 0 0; }
.grid li { display: flex; }
.target-link { display: block; width: 100%; color: inherit; text-decoration: none;
  border: 1px solid $rule; border-radius: .5rem; padding: .6rem .7rem .4rem; background: $paper; }
.target-link:hover { border-color: $link; box-shadow: 0 1px 4px $shadow; }
.target-link:hover .name { color: $link; text-decoration: underline; }
figure.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart svg * { stroke-linejoin: round; stroke-linecap: butt; }
.grid figcaption { display: flex; flex-direction: column; gap: .15rem; font-size: .9rem;
  line-height: 1.35; }
.grid figcaption .status { align-self: flex-start; font-size: .8rem; }
.grid figcaption .figure { color: $muted; font-size: .8rem; }
.grid svg { margin-top: .35rem; }
figure.large { margin: 1rem 0; }
figure.large figcaption { font-weight: 600; margin-bottom: .5rem; }
figure.large svg { max-width: 30rem; }
.empty { color: $muted; font-style: italic; }
details { margin: 1.5rem 0; }
summary { cursor: pointer; font-weight: 600; color: $link; }
details table { margin: 1rem 0; }
blockquote.words-quoted { margin: .75rem 0 1rem; padding: .6rem 1rem; border-left: 4px solid $line;
  background: $tint; font-size: 1.1rem; }
blockquote.words-quoted .words { margin: 0; font-size: inherit; color: $ink; }
blockquote.words-quoted footer { margin-top: .35rem; font-size: .875rem; color: $muted; }
.verdict { margin: 1rem 0; padding: .75rem 1rem; border-radius: .5rem; background: $tint; }
.verdict p { margin: .2rem 0; }
.verdict .status { font-size: 1.1rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
  gap: .5rem 1.5rem; margin: 1rem 0; }
.facts div { border-top: 1px solid $rule; padding-top: .4rem; }
.facts dt { font-size: .85rem; color: $muted; }
.facts dd { margin: 0; }
.downloads { padding-left: 1.25rem; }
.downloads li { margin: .25rem 0; }
.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem;
  margin: 2.5rem 0 0; padding-top: .75rem; border-top: 1px solid $rule; }
.reports { padding-left: 1.25rem; }
footer.foot { max-width: 68rem; margin: 0 auto; padding: 1rem; border-top: 1px solid $rule;
  color: $muted; font-size: .85rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.35rem; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  .stack, .stack caption, .stack tbody, .stack tr, .stack th, .stack td { display: block; }
  .stack th:first-child, .stack th:nth-child(n) { width: auto; }
  .stack tr { display: grid; grid-template-columns: 1fr 1fr; gap: .25rem .75rem;
    padding: .6rem 0; border-bottom: 1px solid $rule; }
  .stack tbody th, .stack td.wide { grid-column: 1 / -1; }
  .stack th, .stack td { border: 0; padding: 0; text-align: left; }
  .stack td:empty { display: none; }
  .stack td::before { content: attr(data-label); display: block; font-size: .75rem;
    color: $muted; }
  .grid { grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .5rem; }
  .target-link { padding: .5rem; }
}
@page { size: A4; margin: 12mm 10mm; }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .bar, .skip, .pager, details { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, caption, figcaption { break-after: avoid; page-break-after: avoid; }
  tr, .scorecard, .facts div, .verdict { break-inside: avoid; page-break-inside: avoid; }
  .grid { grid-template-columns: repeat(4, 1fr); gap: 3mm; }
  .grid li, .target-link { break-inside: avoid; page-break-inside: avoid; }
  .target-link { border-color: $rule; box-shadow: none; }
  figure.large svg { max-width: 130mm; }
  .table-wrap { overflow: visible; }
  .status, .scorecard li, .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
""")

STYLE = " ".join(
    line.strip() for line in (_STYLE.substitute(PALETTE) + SCORECARD_STYLE).strip().splitlines()
)
"""The style sheet, one line per rule's piece: every page holds it."""


def home(lang: Lang) -> str:
    """The path of the overview in ``lang`` within the site."""
    return "index.html" if lang is Lang.VI else "en/index.html"


def target_path(lang: Lang, target_id: str) -> str:
    """The path of a target's page in ``lang`` within the site."""
    return f"targets/{target_id}.html" if lang is Lang.VI else f"en/targets/{target_id}.html"


def data_path(target_id: str, suffix: str) -> str:
    """The path of a target's figures to download (the same for both languages)."""
    return f"data/{target_id}.{suffix}"


def _link(here: str, there: str) -> str:
    """The relative link from the page at ``here`` to ``there`` (paths within the site)."""
    return posixpath.relpath(there, posixpath.dirname(here) or ".")


def overview(trend: Trend, small: Mapping[str, str]) -> str:
    """The overview in the language spoken now: the latest report's scorecard, every target by
    section, and a small chart per target (``small``, by target id, from nq94.site.charts)."""
    lang = current()
    here = home(lang)
    latest = trend.evaluations[-1]
    targets = latest.targets
    resolution = targets.resolution
    title = t("site.title", number=resolution.number, year=trend.year)
    tables, grids, described = [], [], []
    for section, courses in sections(trend):
        heading = escape(pick(targets.sections[section]))
        rows = "".join(_overview_row(here, course) for course in courses)
        tables.append(
            f'<h3>{heading}</h3>\n<div class="table-wrap"><table class="targets stack">'
            f"{_overview_head()}<tbody>{rows}</tbody></table></div>"
        )
        cells = "".join(
            _small_multiple(here, course, small[course.target.id]) for course in courses
        )
        grids.append(f'<h3>{heading}</h3>\n<ul class="grid">{cells}</ul>')
        described += [_small_table(course, trend.evaluations) for course in courses]
    periods = " → ".join(escape(period_heading(e)) for e in trend.evaluations)
    body = f"""<header>
{_bar(here, home, home_link=False)}
<h1>{escape(title)}</h1>
<p class="lead">{escape(pick(resolution.title))}</p>
</header>
<main id="main">
<section aria-labelledby="at-a-glance">
<h2 id="at-a-glance">{escape(t("site.scorecard"))}</h2>
<p>{escape(t("site.latest", period=period_words(latest)))}. \
{escape(summary_line(latest.summary))}.</p>
{scorecard(latest.summary)}
</section>
<section aria-labelledby="every-target">
<h2 id="every-target">{escape(t("site.by_section"))}</h2>
{chr(10).join(tables)}
</section>
<section aria-labelledby="through-the-year">
<h2 id="through-the-year">{escape(t("site.course"))}</h2>
<p>{escape(t("site.course_note", periods=periods))}</p>
{_overview_key()}
{chr(10).join(grids)}
<details>
<summary>{escape(t("site.chart_tables"))}</summary>
{chr(10).join(described)}
</details>
</section>
<section aria-labelledby="reports">
<h2 id="reports">{escape(t("site.reports"))}</h2>
<ul class="reports">{"".join(_report_item(e) for e in trend.evaluations)}</ul>
</section>
</main>"""
    return page(title, body, trend)


def sections(trend: Trend) -> list[tuple[str, list[Course]]]:
    """The courses grouped by section, in the targets file's order."""
    grouped: dict[str, list[Course]] = {}
    for course in trend.courses:
        grouped.setdefault(course.target.section, []).append(course)
    return list(grouped.items())


def _overview_head() -> str:
    columns = ("column.target", "column.status", "column.actual", "column.required", "column.gap")
    numeric = ' class="num"'  # the figures' headings stand over them, on the right
    cells = "".join(
        f'<th scope="col"{numeric if index > 1 else ""}>{escape(t(key))}</th>'
        for index, key in enumerate(columns)
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _overview_row(here: str, course: Course) -> str:
    target, result = course.target, course.results[-1]
    unit = pick(target.unit)
    href = _link(here, target_path(current(), target.id))
    actual = measured(actual_text(result), unit) if result.actual is not None else "—"
    required = requirement(target)
    gap = gap_text(result) or "—"  # no figure, no gap: said as the missing figure is
    labels = (escape(t(key)) for key in ("column.status", "column.actual", "column.required",
                                         "column.gap"))  # fmt: skip
    cells = (
        ("", status_badge(result.status)),
        (' class="num"', figure_html(actual)),
        (' class="num"', figure_html(required)),
        (' class="num"', escape(gap)),
    )
    return (
        f'<tr><th scope="row"><a class="name" href="{href}">{escape(pick(target.name))}</a>'
        f"{quoted_words(target, 'span')}</th>{labelled(cells, labels)}</tr>"
    )


def _small_multiple(here: str, course: Course, svg: str) -> str:
    target, result = course.target, course.results[-1]
    href = _link(here, target_path(current(), target.id))
    figure = ""
    if result.actual is not None:
        unit = pick(target.unit)
        actual, required = measured(actual_text(result), unit), requirement(target)
        versus = t("explain.versus", actual=actual, required=required)
        figure = f'<span class="figure">{figure_html(versus)}</span>'
    return (
        f'<li><a class="target-link" href="{href}"><figure class="chart">'
        f'<figcaption id="cap-{target.id}"><span class="name">{escape(pick(target.name))}</span>'
        f"{status_badge(result.status)}{figure}</figcaption>{svg}</figure></a></li>"
    )


def _small_table(course: Course, evaluations: Iterable[Evaluation]) -> str:
    target = course.target
    heads = ("site.column.report", "site.column.compared", "column.status")
    head = "".join(f'<th scope="col">{escape(t(key))}</th>' for key in heads)
    rows = "".join(
        f'<tr><th scope="row">{escape(period_heading(evaluation))}</th>'
        f'<td class="num">{escape(actual_text(result))}</td>'
        f"<td>{status_badge(result.status)}</td></tr>"
        for evaluation, result in zip(evaluations, course.results, strict=True)
    )
    caption = f"{pick(target.name)} ({requirement(target)})"
    return (
        f'<div class="table-wrap"><table class="chart-data" id="data-{target.id}">'
        f"<caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _overview_key() -> str:
    items = [
        ("line", t("site.key.figure")),
        ("target", t("site.key.target_line")),
        ("at-risk-band", t("site.key.band")),
        ("met-band", t("site.key.range")),
        ("to-date", t("site.key.to_date")),
        ("hollow", t("site.key.hollow")),
    ]
    return _key(items)


def _key(items: list[tuple[str, str]]) -> str:
    swatches = "".join(
        f'<li><span class="swatch {kind}" aria-hidden="true"></span>{escape(text)}</li>'
        for kind, text in items
    )
    marks = "".join(
        f'<li><span class="mark {STATUS_CLASS[status]}" aria-hidden="true">{mark}</span>'
        f"{status_words(status)}</li>"
        for status, mark in MARK.items()
    )
    return f'<ul class="key">{swatches}{marks}</ul>'


def _report_item(evaluation: Evaluation) -> str:
    report = evaluation.report
    source = f": {escape(report.source)}" if report.source else ""
    return f"<li>{escape(first_upper(period_words(evaluation)))}{source}</li>"


def target_page(trend: Trend, index: int, svg: str) -> str:
    """The page of the ``index``th target in the language spoken now, with its chart ``svg``
    (from nq94.site.charts, labelled by CHART_IDS)."""
    lang = current()
    course = trend.courses[index]
    target, result = course.target, course.results[-1]
    here = target_path(lang, target.id)
    latest = trend.evaluations[-1]
    resolution = latest.targets.resolution
    name = pick(target.name)
    section = pick(latest.targets.sections[target.section])
    cite = t("site.clause", number=resolution.number, clause=target.clause)
    caption_id, table_id = CHART_IDS
    downloads = "".join(
        f'<li><a href="{_link(here, data_path(target.id, suffix))}" download>'
        f"{escape(f'{target.id}.{suffix}')}</a> ({escape(t('site.download.' + suffix))})</li>"
        for suffix in ("csv", "json")
    )
    body = f"""<header>
{_bar(here, lambda lang: target_path(lang, target.id), home_link=True)}
<p class="eyebrow">{escape(section)}</p>
<h1>{escape(name)}</h1>
<blockquote class="words-quoted">{quoted_words(target, "p")}<footer>{escape(t("column.words"))}, \
<cite>{escape(cite)}</cite></footer></blockquote>
</header>
<main id="main">
<div class="verdict">
<p>{status_badge(result.status)} {escape(t("site.as_of", period=period_words(latest)))}</p>
<p>{escape(explain(result))}</p>
</div>
<dl class="facts">{_facts(course)}</dl>
<section aria-labelledby="course">
<h2 id="course">{escape(t("site.course"))}</h2>
{chart_figure(trend, course, svg, caption_id=caption_id, table_id=table_id)}
</section>
<section aria-labelledby="downloads">
<h2 id="downloads">{escape(t("site.downloads"))}</h2>
<p>{escape(t("site.download_note"))}</p>
<ul class="downloads">{downloads}</ul>
</section>
{_pager(trend, index, here)}
</main>"""
    return page(
        f"{name} — {t('site.title', number=resolution.number, year=trend.year)}", body, trend
    )


CHART_IDS = ("chart-caption", "chart-data")
"""The ids of a target page's chart caption and of the table that holds its figures."""


def chart_figure(
    trend: Trend,
    course: Course,
    svg: str,
    *,
    caption_id: str,
    table_id: str,
    headings: Sequence[str] | None = None,
) -> str:
    """A target's chart ``svg`` (labelled by ``caption_id``, described by ``table_id``) in its
    figure, with its caption and key, and the table of its figures, each report named by its
    period and basis or by ``headings``: on a target's page, and in `nq94 trend` and `nq94 diff`
    ``-o FILE.html``."""
    target = course.target
    required = requirement(target)
    caption = t("site.chart_caption", name=pick(target.name), year=trend.year, required=required)
    empty = ""
    if all(each.actual is None for each in course.results):
        empty = f'<p class="empty">{escape(t("site.no_figures"))}</p>'
    return f"""<figure class="chart large">
<figcaption id="{caption_id}">{escape(caption)}</figcaption>
{svg}
{_chart_key(course)}
{empty}
</figure>
<div class="table-wrap">{_course_table(course, trend.evaluations, table_id, headings)}</div>"""


def _facts(course: Course) -> str:
    target = course.target
    unit = pick(target.unit)
    margin = target.at_risk_margin
    kind = target.kind.value
    facts = [
        (t("column.required"), requirement(target)),
        (
            t("site.fact.margin"),
            t("site.margin", margin=margin_text(target)) if margin else t("site.no_margin"),
        ),
    ]
    if target.kind in (Kind.FLOW, Kind.COUNT):  # judged differently in a part of the year
        facts.append((t("column.kind"), first_upper(t("kind_help." + kind))))
    if course.projection is not None:
        facts.append((t("column.year_end"), measured(year_end_text(course), unit)))
    if direction := direction_text(course):
        facts.append((t("column.course"), direction))
    if pace := pace_text(course):
        facts.append((t("site.fact.pace"), pace))
    return "".join(
        f"<div><dt>{escape(term)}</dt><dd>{figure_html(text)}</dd></div>" for term, text in facts
    )


def _chart_key(course: Course) -> str:
    target = course.target
    flow = target.kind is Kind.FLOW
    required = requirement(target)
    items = [("line", t("site.key.projected" if flow else "site.key.figure"))]
    if flow:
        items.append(("to-date", t("site.key.to_date")))
    items.append(("target", t("site.key.target", required=required)))
    if target.band is not None:
        items.append(("met-band", t("site.key.range")))
    if target.at_risk_margin:
        items.append(("at-risk-band", t("site.key.at_risk", margin=margin_text(target))))
    return _key(items)


def _course_table(
    course: Course,
    evaluations: Sequence[Evaluation],
    table_id: str,
    headings: Sequence[str] | None = None,
) -> str:
    heads = (
        "site.column.report", "site.column.figure", "site.column.compared", "column.status",
        "column.source", "column.note",
    )  # fmt: skip
    labels = [escape(t(key)) for key in heads]
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    rows = []
    if headings is None:
        headings = [period_heading(evaluation) for evaluation in evaluations]
    for evaluation, heading, result in zip(evaluations, headings, course.results, strict=True):
        cells = (  # each with its class, and its content as HTML
            (' class="num"', escape(figure_text(result))),
            (' class="num"', escape(actual_text(result))),
            ("", status_badge(result.status)),
            (' class="wide"', escape(source(evaluation, result) or "")),
            (' class="wide"', escape(note(result) or "")),
        )
        row = labelled(cells, labels[1:])
        rows.append(f'<tr><th scope="row">{escape(heading)}</th>{row}</tr>')
    caption = t("site.table_caption", unit=pick(course.target.unit))
    return (
        f'<table class="chart-data stack" id="{table_id}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def source(evaluation: Evaluation, result: Result) -> str | None:
    """Where a figure comes from: its own source, else its report's."""
    entry = result.entry
    if entry is not None and entry.source:
        return entry.source
    return evaluation.report.source if entry is not None else None


def note(result: Result) -> str | None:
    """A figure's note, if the report gives one."""
    return result.entry.note if result.entry is not None else None


def _pager(trend: Trend, index: int, here: str) -> str:
    courses, links = trend.courses, []
    if index > 0:
        before = courses[index - 1].target
        href = _link(here, target_path(current(), before.id))
        text = t("site.previous", name=pick(before.name))
        links.append(f'<a rel="prev" href="{href}">← {escape(text)}</a>')
    if index + 1 < len(courses):
        after = courses[index + 1].target
        href = _link(here, target_path(current(), after.id))
        text = t("site.next", name=pick(after.name))
        links.append(f'<a rel="next" href="{href}">{escape(text)} →</a>')
    return f'<nav class="pager" aria-label="{escape(t("site.targets_nav"))}">{"".join(links)}</nav>'


def _bar(here: str, same_page: Callable[[Lang], str], *, home_link: bool) -> str:
    """The bar at the top: the way back to the overview, and the same page in the other
    language (a plain link)."""
    other = Lang.EN if current() is Lang.VI else Lang.VI
    switch = (
        f'<a class="lang-switch" hreflang="{other.value}" href="{_link(here, same_page(other))}" '
        f'lang="{other.value}">{LANGUAGE_NAMES[other]}</a>'
    )
    overview = escape(t("site.overview"))
    back = f'<span class="home">{overview}</span>'  # on the overview itself
    if home_link:
        back = f'<a class="home" href="{_link(here, home(current()))}">← {overview}</a>'
    skip = f'<a class="skip" href="#main">{escape(t("site.skip"))}</a>'
    return f'{skip}\n<nav class="bar">{back}{switch}</nav>'


def page(title: str, body: str, trend: Trend, *, style: str = "") -> str:
    """A whole page around ``body``, with the site's style sheet and ``style`` after it."""
    count = len(trend.evaluations)
    return f"""<!DOCTYPE html>
<html lang="{current().value}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nq94 {escape(__version__)}">
<title>{escape(title)}</title>
<style>{STYLE}{style}</style>
</head>
<body>
<div class="page">
{body}
</div>
<footer class="foot">{escape(tn("site.footer", count, version=__version__))}</footer>
</body>
</html>
"""
