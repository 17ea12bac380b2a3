"""The site's pages, in the language spoken now: the overview of the latest report with a small
chart per target, and a page per target with its course through the year; where each stands in
the site, and the links between them.

Plain HTML from templates/overview.html and templates/target.html (nq94.render.templating): the
style sheet inline, no script, nothing fetched (a page opened from a folder, or a USB stick,
looks as it does on a server). Every word comes from the catalogue, every figure from
nq94.render.numbers, everything taken from a report is escaped. A status is a word and an icon,
never a colour alone; the colours of text meet WCAG 2.1 AA (nq94.render.palette).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from nq94.i18n import Lang, current, pick, t
from nq94.model import Kind
from nq94.render.numbers import (
    also_text,
    amended_text,
    first_upper,
    margin_text,
    measured,
    needed_text,
    period_heading,
    plan_text,
    requirement,
    section_name,
    stretch_text,
    words_of,
)
from nq94.render.pages import overview_key, planned, sections
from nq94.render.reviewed import course_words, pace_text, year_end_text
from nq94.render.templating import write

if TYPE_CHECKING:
    from markupsafe import Markup

    from nq94.model import TargetsFile
    from nq94.review import Course, Trend

LANGUAGE_NAMES = {Lang.VI: "Tiếng Việt", Lang.EN: "English"}
"""Each language named in itself, as a language switch names it."""

CHART_IDS = ("chart-caption", "chart-data")
"""The ids of a target page's chart caption and of the table that holds its figures."""


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


class Bar(NamedTuple):
    """The bar at the top of a page: the way back to the overview (None on the overview
    itself), and the same page in the other language."""

    home: str | None
    other: str
    switch: str
    language: str


def _bar(here: str, same_page: Callable[[Lang], str], *, home_link: bool) -> Bar:
    other = Lang.EN if current() is Lang.VI else Lang.VI
    back = _link(here, home(current())) if home_link else None
    return Bar(back, other.value, _link(here, same_page(other)), LANGUAGE_NAMES[other])


def overview(trend: Trend, small: Mapping[str, Markup]) -> str:
    """The overview in the language spoken now: the latest report's scorecard, every target by
    section, and a small chart per target (``small``, by target id, from nq94.render.charts)."""
    here = home(current())
    latest = trend.evaluations[-1]
    document = latest.targets.document
    return write(
        "overview.html",
        doc=words_of(latest.targets),
        title=t("site.title", **words_of(latest.targets)),
        count=len(trend.evaluations),
        bar=_bar(here, home, home_link=False),
        document=document,
        latest=latest,
        evaluations=trend.evaluations,
        sections=sections(trend),
        names=latest.targets.sections,
        periods=" → ".join(period_heading(evaluation) for evaluation in trend.evaluations),
        overview_key=overview_key(plans=any(planned(course) for course in trend.courses)),
        small=small,
        target_href=lambda target_id: _link(here, target_path(current(), target_id)),
    )


class Link(NamedTuple):
    href: str
    text: str


def target_page(trend: Trend, index: int, svg: Markup) -> str:
    """The page of the ``index``th target in the language spoken now, with its chart ``svg``
    (from nq94.render.charts, labelled by CHART_IDS)."""
    lang = current()
    courses = trend.courses
    course = courses[index]
    target = course.target
    here = target_path(lang, target.id)
    latest = trend.evaluations[-1]
    name = pick(target.name)
    before = after = None
    if index > 0:
        previous = courses[index - 1].target
        text = t("site.previous", name=pick(previous.name))
        before = Link(_link(here, target_path(lang, previous.id)), text)
    if index + 1 < len(courses):
        following = courses[index + 1].target
        text = t("site.next", name=pick(following.name))
        after = Link(_link(here, target_path(lang, following.id)), text)
    caption_id, table_id = CHART_IDS
    return write(
        "target.html",
        doc=words_of(latest.targets),
        title=f"{name} — {t('site.title', **words_of(latest.targets))}",
        count=len(trend.evaluations),
        bar=_bar(here, lambda lang: target_path(lang, target.id), home_link=True),
        section=section_name(latest.targets, target.section),
        name=name,
        target=target,
        cite=_cite(latest.targets, course),
        result=course.results[-1],
        latest=latest,
        facts=_facts(course),
        trend=trend,
        course=course,
        svg=svg,
        caption_id=caption_id,
        table_id=table_id,
        downloads=[
            (suffix, _link(here, data_path(target.id, suffix))) for suffix in ("csv", "json")
        ],
        before=before,
        after=after,
    )


def _cite(targets: TargetsFile, course: Course) -> str:
    """Where a target's words come from: its document and clause, or the amendment that gave
    them."""
    amended = course.results[-1].amended
    if amended is not None:
        return amended.amendment.document.name
    if not course.target.clause:
        return targets.document.name
    return t("site.clause", **words_of(targets), clause=course.target.clause)


def _facts(course: Course) -> list[tuple[str, str]]:
    """What a target's page says of it under its verdict: each term and its text."""
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
    if direction := course_words(course):
        facts.append((t("column.course"), direction))
    if pace := pace_text(course):
        facts.append((t("site.fact.pace"), pace))
    latest = course.results[-1]
    for key, text in (
        ("plan", plan_text(latest)),
        ("needed", needed_text(latest)),
        ("stretch", stretch_text(latest)),
        ("amended", amended_text(latest)),
    ):
        if text:
            facts.append((t(f"site.fact.{key}"), first_upper(text)))
    facts += [(t("site.fact.also"), also_text(latest, each)) for each in latest.also]
    return facts
