"""CSV: one row per target per report (check) or per problem (validate), spreadsheet-safe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from nq94.errors import named
from nq94.evaluate import Evaluation
from nq94.i18n import pick, t
from nq94.outcome import Invalid, Validated
from nq94.render.cells import safe
from nq94.render.data import comparison_data, result_data, trend_data
from nq94.render.numbers import said, section_name
from nq94.render.outcomes import Checked, Piece, pieces_of
from nq94.render.periods import period_name

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Comparison, Trend

CHECK_COLUMNS = (
    "file", "period", "basis", "section", "id", "words", "status", "actual", "obtained", "value",
    "baseline", "current", "threshold", "operator", "plan", "gap", "percent_of_target", "margin",
    "unit",
    "source", "note",
)  # fmt: skip
TREND_COLUMNS = (
    "id", "words", "period", "basis", "file", "value", "actual", "status", "final_status",
    "projection", "direction", "pace_needed_per_month", "pace_so_far_per_month", "unit",
)  # fmt: skip
DIFF_COLUMNS = (
    "id", "words", "change", "old_status", "new_status", "old_value", "new_value", "difference",
    "unit",
)  # fmt: skip
VALIDATE_COLUMNS = ("file", "valid", "period", "basis", "line", "column", "message")


def check_rows(evaluation: Evaluation, *, for_people: bool = False) -> Iterable[list[str]]:
    """The rows of one evaluated report, in CHECK_COLUMNS order.

    Statuses, periods and bases are the JSON contract's codes, or ``for_people`` words in the
    reader's language (exports); a figure derived from a baseline and a current figure has them
    beside it; numbers are always plain decimals with a point, which every
    spreadsheet reads (the .xlsx export carries typed numbers for any locale).
    """
    report = evaluation.report
    for result in evaluation.results:
        data = result_data(result)
        entry = result.entry
        given = data["input"] if isinstance(data["input"], dict) else {}
        row = {
            **data,
            "baseline": given.get("baseline"),
            "current": given.get("current"),
            "plan": data["plan"]["threshold"] if data["plan"] else None,
            "file": named(evaluation.file),
            "period": str(report.period),
            "basis": report.basis.value,
            "source": entry.source if entry else None,
            "note": entry.note if entry else None,
        }
        if for_people:
            row |= {
                "period": period_name(report.period),
                "basis": t("basis." + report.basis.value),
                "section": section_name(evaluation.targets, result.target.section),
                "status": said(result),
                "obtained": t("obtained." + data["obtained"]) if data["obtained"] else None,
                "unit": pick(result.target.unit),
            }
        yield [safe(row[column]) for column in CHECK_COLUMNS]


def export(evaluation: Evaluation) -> str:
    """One report for people: headers and words in the reader's language."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([t(f"csv.{column}") for column in CHECK_COLUMNS])
    writer.writerows(check_rows(evaluation, for_people=True))
    return text.getvalue()


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool = False) -> None:
    """A header, then a row per target of each evaluated report."""
    del color
    document(pieces_of(outcomes, report_text), out)


def document(pieces: Iterable[Piece | Invalid], out: TextIO) -> None:
    """The header, then each report's rows; an invalid file's problems are on stderr."""
    csv.writer(out, lineterminator="\n").writerow(CHECK_COLUMNS)
    for piece in pieces:
        if not isinstance(piece, Invalid):
            out.write(piece.text)


def report_text(evaluation: Evaluation) -> str:
    """One report's rows."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(check_rows(evaluation))
    return text.getvalue()


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """A header, then a row per valid file and a row per problem of each invalid file."""
    del color
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VALIDATE_COLUMNS)
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            for problem in outcome.problems:
                row = [
                    named(outcome.file),
                    False,
                    None,
                    None,
                    problem.line,
                    problem.column,
                    problem.message,
                ]
                writer.writerow([safe(cell) for cell in row])
        else:
            report = outcome.report
            row = [named(outcome.file), True, str(report.period), report.basis.value]
            row += [None, None, None]
            writer.writerow([safe(cell) for cell in row])


def trend(trend: Trend, out: TextIO, *, color: bool = False) -> None:
    """A row per target per report, with the target's course repeated on each."""
    del color
    data = trend_data(trend)
    periods = {(period["period"], period["basis"]): period for period in data["periods"]}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TREND_COLUMNS)
    for target in data["targets"]:
        pace = target["pace"] or {}
        for point in target["points"]:
            period = periods[point["period"], point["basis"]]
            row = {
                **target,
                **point,
                "basis": period["basis"],
                "file": period["file"],
                "pace_needed_per_month": pace.get("needed_per_month"),
                "pace_so_far_per_month": pace.get("so_far_per_month"),
            }
            writer.writerow([safe(row[column]) for column in TREND_COLUMNS])


def diff(comparison: Comparison, out: TextIO, *, color: bool = False) -> None:
    """A row per target that changed, worst first."""
    del color
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DIFF_COLUMNS)
    for change in comparison_data(comparison)["changes"]:
        writer.writerow([safe(change[column]) for column in DIFF_COLUMNS])
