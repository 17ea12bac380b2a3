"""GitHub Actions workflow commands: errors for problems, warnings for missed and at-risk ones."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from nq94.errors import Problem, escaped
from nq94.model import Status
from nq94.outcome import Invalid, Validated
from nq94.render.numbers import explain, said, side, summary_line
from nq94.render.outcomes import Checked


def _data(text: str) -> str:
    escaped_text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped(escaped_text)  # what GitHub does not escape: other control characters


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, *, file: str, line: int, col: int, title: str = "") -> str:
    """One workflow command line, escaped as GitHub requires."""
    props = f"file={_property(file)},line={line},col={col}"
    if title:
        props += f",title={_property(title)}"
    return f"::{kind} {props}::{_data(message)}\n"


def _errors(problems: Iterable[Problem], out: TextIO) -> None:
    for p in problems:
        kind = "warning" if p.warning else "error"
        out.write(command(kind, p.message, file=p.file, line=p.line, col=p.column))


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool = False) -> None:
    """An ::error per problem; a ::warning per missed or at-risk target; a ::notice per report."""
    del color
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            _errors(outcome.problems, out)
            continue
        _errors(outcome.warnings, out)
        for result in outcome.results:
            if result.status not in (Status.MISSED, Status.AT_RISK):
                continue
            where = outcome.position(result.target.id)
            title = f"{result.target.id} {said(result)}"
            message = f"{result.target.words}: {explain(result)}"
            out.write(
                command(
                    "warning",
                    message,
                    file=outcome.file,
                    line=where.line,
                    col=where.column,
                    title=title,
                )
            )
        summary = f"{side(outcome)}: {summary_line(outcome)}"
        out.write(f"::notice file={_property(outcome.file)}::{_data(summary)}\n")


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """An ::error per problem; nothing for valid files."""
    del color
    for outcome in outcomes:
        _errors(outcome.problems if isinstance(outcome, Invalid) else outcome.warnings, out)
