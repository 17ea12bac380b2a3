"""A self-contained HTML page of one report, printable on A4; everything from the report escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from nq94 import __version__
from nq94.evaluate import Evaluation, Result
from nq94.i18n import Lang, current, pick, t
from nq94.model import Status, Target
from nq94.render.numbers import (
    actual_text,
    display,
    explain,
    first_upper,
    gap_text,
    percent_text,
    period_words,
    requirement,
    status_label,
)
from nq94.render.terminal import clean


def escape(text: str) -> str:
    """Text shown literally in the page, its control characters written as escapes (but for a
    line break or a tab, which a page shows as a space, as a terminal's table keeps them)."""
    return html.escape(clean(text))


def figure_html(text: str) -> str:
    """A figure with its unit or requirement, escaped, that may wrap between words and after a
    unit's slashes ('triệu đồng/người/năm') but never between a sign and its number
    ('≥ 19.515 tỷ đồng')."""
    return escape(_SIGNED.sub("\\1\u00a0", text)).replace("/", "/<wbr>")


_SIGNED = re.compile(r"([≥≤<>±]) ")


def quoted_words(target: Target, element: str) -> str:
    """The resolution's words, exactly, in ``element``, marked as Vietnamese on an English
    page."""
    lang = ' lang="vi"' if current() is not Lang.VI else ""
    return f'<{element} class="words"{lang}>{escape(target.words)}</{element}>'


def status_badge(status: Status) -> str:
    """A status as a word with its icon (the icon is not read out: the word says it)."""
    return (
        f'<span class="status {STATUS_CLASS[status]}"><span aria-hidden="true">{ICON[status]}'
        f"</span> {status_words(status)}</span>"
    )


def chart_ids(target_id: str) -> tuple[str, str]:
    """The ids of a target's chart caption and of the table that describes the chart, where
    several targets' charts share a page (the overview, trend and diff pages)."""
    return f"cap-{target_id}", f"data-{target_id}"


def labelled(cells: Iterable[tuple[str, str]], labels: Iterable[str]) -> str:
    """A row's cells (each its class attribute, and its content as HTML), each with the label
    of its column, which a phone's screen shows above it where a row stands as a card."""
    return "".join(
        f'<td{kind} data-label="{label}">{content}</td>'
        for (kind, content), label in zip(cells, labels, strict=True)
    )


STATUS_CLASS = {
    Status.MET: "met",
    Status.AT_RISK: "at-risk",
    Status.MISSED: "missed",
    Status.NO_DATA: "no-data",
}

ICON = {Status.MET: "✓", Status.AT_RISK: "⚠", Status.MISSED: "✗", Status.NO_DATA: "–"}
"""A status's icon, beside its word: never a colour alone."""

SCORECARD_STYLE = """
.scorecard { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
  gap: .75rem; list-style: none; padding: 0; margin: 1rem 0; }
.scorecard li { display: flex; flex-direction: column; padding: .7rem 1rem; border-radius: .5rem;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; break-inside: avoid; }
.scorecard .count { font-size: 2.1rem; font-weight: 700; line-height: 1.1; }
.scorecard .word { font-weight: 600; }
"""
"""The scorecard's layout (its colours are the status classes of the page that holds it)."""


def scorecard(summary: Mapping[Status, int]) -> str:
    """How many targets are met, at risk, missed and without data, a card each: the count, the
    status's icon and its word."""
    cards = "".join(
        f'<li class="{STATUS_CLASS[status]}"><span class="count">{count}</span>'
        f'<span class="word"><span aria-hidden="true">{ICON[status]}</span> '
        f"{status_words(status)}</span></li>"
        for status, count in summary.items()
    )
    return f'<ul class="scorecard">{cards}</ul>'


def status_words(status: Status) -> str:
    """A status's word as a heading or a card says it: 'Met', 'Đạt'."""
    return escape(first_upper(status_label(status)))


_STYLE = (
    SCORECARD_STYLE
    + """
@page { size: A4 portrait; margin: 14mm 12mm; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #1a1a1a;
       margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
p.meta { margin: 0 0 8pt; color: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #f0f0f0; font-size: 9pt; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.required { white-space: normal; min-width: 5em; }
tr.section td { background: #fafafa; font-weight: bold; padding-top: 8pt; }
tr { page-break-inside: avoid; }
.name { font-weight: bold; display: block; }
.words, .why { color: #595959; font-size: 8pt; display: block; }
.bar { background: #e6e6e6; height: 5pt; width: 60pt; margin-top: 2pt; }
.bar span { display: block; height: 100%; background: #4a7bd0; }
.status { font-weight: bold; white-space: nowrap; padding: 1pt 4pt; border-radius: 3pt; }
.met { background: #d7f0d9; color: #14592a; }
.at-risk { background: #fff0c2; color: #6b4e00; }
.missed { background: #f8d4d4; color: #8a1414; }
.no-data { background: #eee; color: #555; }
footer { margin-top: 10pt; color: #595959; font-size: 8pt; }
@media screen and (max-width: 40rem) {
  body { margin: 0 12px; font-size: 15px; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table, tbody, tr, td { display: block; }
  tr { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 12px; padding: 8px 0;
       border-bottom: 1px solid #ccc; }
  td { border: 0; padding: 0; text-align: left; }
  td.num { text-align: left; white-space: normal; }
  td.target, tr.section td { grid-column: 1 / -1; }
  td[data-label]::before { content: attr(data-label); display: block; font-size: 12px;
                           color: #595959; }
  .words, .why { font-size: 13px; }
}
"""
)


def render(evaluation: Evaluation) -> str:
    """The whole page."""
    report, targets = evaluation.report, evaluation.targets
    resolution = targets.document
    title = t("resolution", number=resolution.number) + f": {period_words(evaluation)}"
    columns = ("target", "actual", "required", "gap", "percent", "status")
    labels = {column: escape(t("column." + column)) for column in columns}
    rows: list[str] = []
    section = None
    for result in evaluation.results:
        if result.target.section != section:
            section = result.target.section
            names = targets.sections[section]
            heading = escape(pick(names))
            rows.append(f'<tr class="section"><td colspan="6">{heading}</td></tr>')
        rows.append(_row(result, labels))
    source = f"<br>{escape(report.source)}" if report.source else ""
    headings = "".join(f"<th>{label}</th>" for label in labels.values())
    return f"""<!DOCTYPE html>
<html lang="{current().value}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="meta">{escape(pick(resolution.title))}<br>{escape(evaluation.file)}{source}</p>
{scorecard(evaluation.summary)}
<table>
<thead><tr>{headings}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<footer>nq94 {escape(__version__)}</footer>
</body>
</html>
"""


CELL_CLASS = {"required": "num required", "status": "status-cell"}
"""The class of a figure's cell, where it is not "num"."""


def _row(result: Result, labels: Mapping[str, str]) -> str:
    """A target's row: its name, the resolution's words and why its status, then its figures
    (each cell labelled, for a phone's screen, where the row stands as a card)."""
    target = result.target
    why = escape(explain(result))
    words = (
        f'<span class="name">{escape(pick(target.name))}</span>'
        f'{quoted_words(target, "span")}<span class="why">{why}</span>'
    )
    entry = result.entry
    provenance = [text for text in (entry.source, entry.note) if text] if entry else []
    if provenance:
        words += f'<span class="why">{" · ".join(escape(text) for text in provenance)}</span>'
    actual = actual_text(result)
    gap, percent = gap_text(result), percent_text(result)
    if result.percent_of_target is not None:
        width = max(Decimal(0), min(Decimal(100), result.percent_of_target))
        percent += f'<div class="bar"><span style="width:{display(width, places=0)}%"></span></div>'
    required = escape(requirement(target)).replace("/", "/<wbr>")
    cells = {
        "actual": actual, "required": required, "gap": gap, "percent": percent,
        "status": status_badge(result.status),
    }  # fmt: skip
    figures = labelled(
        ((f' class="{CELL_CLASS.get(column, "num")}"', cells[column]) for column in cells),
        (labels[column] for column in cells),
    )
    return f'<tr><td class="target">{words}</td>{figures}</tr>'
