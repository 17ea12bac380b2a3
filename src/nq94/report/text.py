"""Plain text, a line per finding in the FILE:LINE:COL: form editors and CI logs understand."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from nq94.evaluate import Evaluation
from nq94.outcome import Invalid, Outcome
from nq94.report.numbers import explain, summary_line


def check(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """``FILE:LINE:COL: status: id: why`` for every target, then the file's summary."""
    del color
    for outcome in outcomes:
        if not isinstance(outcome, Evaluation):
            continue  # an invalid file's problems are on stderr
        for result in outcome.results:
            where = outcome.position(result.target.id)
            out.write(
                f"{outcome.file}:{where.line}:{where.column}: {result.status.value}: "
                f"{result.target.id}: {explain(result)}\n"
            )
        report = outcome.report
        out.write(
            f"{outcome.file}: {report.period} ({report.basis.value}): "
            f"{summary_line(outcome.summary)}\n"
        )


def validate(outcomes: Iterable[Outcome], out: TextIO, *, color: bool = False) -> None:
    """``FILE: valid: ...`` for each valid file; invalid files' problems are on stderr."""
    del color
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            continue
        report = outcome.report
        out.write(
            f"{outcome.file}: valid: {report.period}, {report.basis.value}, "
            f"{len(report.values)} values\n"
        )
