"""`nq94 trend … -o FILE` and `nq94 diff … -o FILE`: a review as a file for people, in the
language spoken now.

``.html`` is one printable page (A4) with, for each target (each that differs, for a diff), the
chart and the table of a target's page of the site (nq94.render.reviewpages); ``.xlsx`` is the
review's table with typed figures and coloured statuses, and a line chart per target drawn by
Excel itself on a second sheet (nq94.render.reviewbooks). This module names the kinds of file;
the libraries each kind needs (Jinja2 and matplotlib, XlsxWriter) are imported only when it is
asked for.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nq94.review import Comparison, Trend


class ReviewFile(StrEnum):
    HTML = ".html"
    XLSX = ".xlsx"


def review_file(suffix: str) -> ReviewFile | None:
    """The kind of file a suffix asks for (any case), or None."""
    try:
        return ReviewFile(suffix.lower())
    except ValueError:
        return None


def trend_html(trend: Trend) -> bytes:
    """The trend's page (nq94.render.reviewpages.trend_html)."""
    from nq94.render import reviewpages

    return reviewpages.trend_html(trend)


def diff_html(compared: Comparison) -> bytes:
    """The diff's page (nq94.render.reviewpages.diff_html)."""
    from nq94.render import reviewpages

    return reviewpages.diff_html(compared)


def trend_xlsx(trend: Trend) -> bytes:
    """The trend's workbook (nq94.render.reviewbooks.trend_xlsx)."""
    from nq94.render import reviewbooks

    return reviewbooks.trend_xlsx(trend)


def diff_xlsx(compared: Comparison) -> bytes:
    """The diff's workbook (nq94.render.reviewbooks.diff_xlsx)."""
    from nq94.render import reviewbooks

    return reviewbooks.diff_xlsx(compared)
