"""The pages' Jinja2 environment, set up once, and the one function that writes a page with it.

The templates are the package's ``templates/`` folder: ``base.html`` is every page's shell,
``pieces.html`` the macros the pages share, ``style/*.css`` the style sheets (written into each
page, which fetches nothing, with the colours of nq94.render.palette). Autoescaping is on, so
that a missed escape cannot let a report's words into the markup; an undefined name is an
error, not an empty string.

Jinja2 is imported here, and this module only by the commands that write a page (`site`,
`export -o FILE.html`, `trend` and `diff` ``-o FILE.html``): `check` and `validate` never load
it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from nq94 import __version__
from nq94.i18n import current, pick, t, tn
from nq94.render import numbers, pages, reviewed
from nq94.render.palette import PALETTE
from nq94.render.terminal import clean

TEMPLATES = Path(__file__).with_name("templates")


def shown(value: Any) -> Any:
    """What a template writes of a value: text with its control characters shown as escapes
    (as a terminal's table shows them: a file name or a note cannot hide text), escaped."""
    if isinstance(value, str) and not isinstance(value, Markup):
        # Escaped here rather than by autoescape's escape(), so that quotes are written as
        # html.escape writes them (&#x27;), as the pages always had them; Markup tells
        # autoescape that it is done.
        return Markup(html.escape(clean(value)))
    return value


def signed(text: str) -> str:
    """A figure or requirement that never wraps between a sign and its number ('≥ 19.515 tỷ
    đồng')."""
    return _SIGNED.sub("\\1\u00a0", text)


_SIGNED = re.compile(r"([≥≤<>±]) ")


def one_line(css: Markup) -> Markup:
    """A style sheet on one line, each line's piece after the last, a space apart."""
    # Markup in, Markup out: the style sheet is a template's own text, not a reader's, and
    # must not be escaped again (its quotes are CSS's); Markup's strip and splitlines keep it so.
    return Markup(" ").join(line.strip() for line in css.strip().splitlines())


FROM_NUMBERS = (
    "actual_text", "at_risk_text", "counts", "document_line", "explain", "figure_text",
    "first_upper", "gap_text", "inputs_text", "judged_by", "measured", "percent_text",
    "period_heading", "period_words", "requirement", "section_name", "side", "summary_line",
)  # fmt: skip
FROM_REVIEWED = (
    "change_label", "change_words", "diff_summary", "difference_text", "step_caption",
    "year_end_text",
)  # fmt: skip
"""What the templates may call of nq94.render.numbers and nq94.render.reviewed: the words and
figures as every other output says them."""


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=shown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters.update(signed=signed, one_line=one_line)
    environment.globals.update(
        version=__version__,
        palette=PALETTE,
        t=t,
        tn=tn,
        pick=pick,
        STATUS_CLASS=pages.STATUS_CLASS,
        ICON=pages.ICON,
        marks=pages.marks,
        status_words=pages.status_words,
        chart_ids=pages.chart_ids,
        chart_key=pages.chart_key,
        course_rows=pages.course_rows,
        planned=pages.planned,
        **{name: getattr(numbers, name) for name in FROM_NUMBERS},
        **{name: getattr(reviewed, name) for name in FROM_REVIEWED},
    )
    return environment


ENVIRONMENT = _environment()
"""The one environment: its templates are compiled once, when first used, and kept."""


def write(template: str, **context: Any) -> str:
    """The page ``template`` makes of ``context``, in the language spoken now."""
    return ENVIRONMENT.get_template(template).render(lang=current().value, **context)
