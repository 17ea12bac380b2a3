"""Plain text, a line per finding in the FILE:LINE:COL: form editors and CI logs understand."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from nq94.errors import escaped, named
from nq94.evaluate import Evaluation
from nq94.i18n import t, tn
from nq94.outcome import Invalid, Validated
from nq94.render.numbers import explain, said, side, summary_line
from nq94.render.outcomes import Checked, Piece, pieces_of


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool = False) -> None:
    """``FILE:LINE:COL: status: id: why`` for every target, then the file's summary."""
    del color
    document(pieces_of(outcomes, report_text), out)


def document(pieces: Iterable[Piece | Invalid], out: TextIO) -> None:
    """Each report's lines, one report after another."""
    for piece in pieces:
        if not isinstance(piece, Invalid):  # an invalid file's problems are on stderr
            out.write(piece.text)


def report_text(evaluation: Evaluation) -> str:
    """One report's lines: a line per target, then its summary."""
    lines = []
    for result in evaluation.results:
        where = evaluation.position(result.target.id)
        lines.append(
            f"{named(evaluation.file)}:{where.line}:{where.column}: "
            f"{said(result)}: {result.target.id}: {escaped(explain(result))}\n"
        )
    lines.append(f"{side(evaluation)}: {summary_line(evaluation)}\n")
    return "".join(lines)


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """``FILE: valid: ...`` for each valid file; invalid files' problems are on stderr."""
    del color
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            continue
        report = outcome.report
        what = t(
            "validate.line",
            period=report.period,
            basis=t("basis." + report.basis.value),
            values=tn("values", len(report.values)),
        )
        out.write(f"{named(outcome.file)}: {what}\n")
