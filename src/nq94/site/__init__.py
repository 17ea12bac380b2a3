"""`nq94 site`: a static site for Council members from one year's reports, in both languages.

The layout of the site, a contract that other tools and tests rely on:

    index.html                  the overview, in Vietnamese
    en/index.html               the overview, in English
    targets/<id>.html           a target's page, in Vietnamese
    en/targets/<id>.html        a target's page, in English
    data/<id>.csv, <id>.json    a target's figures across the reports, for both
    .nq94-site                  marks the folder as built by nq94 (nq94.site.publish)

`render` makes every file from a Trend (nq94.review), on the templates, charts and palette of
nq94.render; `build` puts them in place whole. Two builds from the same reports give the same
bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nq94.i18n import Lang
from nq94.render.pages import speaking

if TYPE_CHECKING:
    from nq94.review import Trend

LANGUAGES = (Lang.VI, Lang.EN)


def render(trend: Trend) -> dict[str, bytes]:
    """Every file of the site, by its path within it (with /)."""
    from nq94.render import charts
    from nq94.render.pages import chart_ids
    from nq94.site import downloads, pages

    evaluations = trend.evaluations
    small, large = {}, {}
    for course in trend.courses:
        target_id = course.target.id
        caption, table = chart_ids(target_id)
        small[target_id] = charts.small_chart(
            course, scope=f"s-{target_id}", labelled_by=caption, described_by=table
        )
        caption, table = pages.CHART_IDS
        large[target_id] = charts.large_charts(
            course, evaluations, LANGUAGES, scope="c", labelled_by=caption, described_by=table
        )
    files: dict[str, bytes] = {}
    for lang in LANGUAGES:
        with speaking(lang):
            files[pages.home(lang)] = pages.overview(trend, small).encode("utf-8")
            for index, course in enumerate(trend.courses):
                page = pages.target_page(trend, index, large[course.target.id][lang])
                files[pages.target_path(lang, course.target.id)] = page.encode("utf-8")
    for course in trend.courses:
        target_id = course.target.id
        files[pages.data_path(target_id, "csv")] = downloads.as_csv(course, evaluations)
        files[pages.data_path(target_id, "json")] = downloads.as_json(course, evaluations)
    return files


def build(trend: Trend, output: Path) -> int:
    """Build the site of ``trend`` in the folder ``output``, replacing the site built there
    before; the number of pages. WriteError (nothing written) when ``output`` is a file, a link
    or a folder nq94 did not build, or cannot be written."""
    from nq94.site.publish import check_output, publish

    check_output(output)  # before the work, which takes a while
    files = render(trend)
    publish(files, output)
    return sum(name.endswith(".html") for name in files)
