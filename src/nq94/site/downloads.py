"""A target's figures across the year's reports, to download: CSV and JSON.

Machine formats, the same for both languages of the site: codes (``2026-9M``, ``official``,
``at_risk``) and exact plain decimals, as the JSON and CSV of `trend` write them. The CSV
starts with a byte order mark (Excel then reads Vietnamese sources and notes correctly), and a
cell that a spreadsheet would run as a formula is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from nq94 import __version__
from nq94.evaluate import Evaluation
from nq94.render.cells import safe
from nq94.render.data import SCHEMA_VERSION, course_data
from nq94.render.jsonfmt import dumps
from nq94.render.pages import note, source

if TYPE_CHECKING:
    from nq94.review import Course

COLUMNS = ("period", "basis", "value", "actual", "status", "source", "note")
"""One row per report: the figure given (``value``), the figure compared with the threshold
(``actual``: a flow's projection to the year end before it), the status, where it comes from."""


def rows(course: Course, evaluations: Sequence[Evaluation]) -> list[dict[str, Any]]:
    """A target's figures in each report, in the order of the reporting cycle."""
    points = course_data(course, evaluations)["points"]
    return [
        {
            "period": point["period"],
            "basis": point["basis"],
            "value": point["value"],
            "actual": point["actual"],
            "status": point["status"],
            "source": source(evaluation, result),
            "note": note(result),
        }
        for point, evaluation, result in zip(points, evaluations, course.results, strict=True)
    ]


def as_csv(course: Course, evaluations: Sequence[Evaluation]) -> bytes:
    """The figures as CSV: a header of COLUMNS, then a row per report."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(course, evaluations):
        writer.writerow([safe(row[column]) for column in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def as_json(course: Course, evaluations: Sequence[Evaluation]) -> bytes:
    """The figures as JSON: the target (id, the resolution's words, unit, comparison), then
    ``points``, an object per report with the keys of COLUMNS."""
    target = course.target
    low, high = target.band or (None, None)
    document = {
        "nq94": __version__,
        "schema_version": SCHEMA_VERSION,
        "id": target.id,
        "words": target.words,
        "unit": target.unit.en,
        "operator": target.operator.value,
        "threshold": target.threshold,
        "lower": low,
        "upper": high,
        "at_risk_margin": target.at_risk_margin,
        "points": rows(course, evaluations),
    }
    return (dumps(document, expand=2) + "\n").encode("utf-8")
