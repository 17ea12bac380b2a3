"""The run of `check` and `validate` as a plain object: each file's outcome handed to the format
in order, problems said as files are done, and what the run came to."""

from __future__ import annotations

import io
import json

from nq94.checker import Checker, CheckResult
from nq94.errors import Problem
from nq94.model import Status, TargetsFile
from nq94.read.yamldoc import MAX_BYTES
from nq94.render import Format

from .conftest import SAMPLES

OFFICIAL = str(SAMPLES / "2024-official.yaml")
NINE_MONTHS = str(SAMPLES / "2024-9m.yaml")
BROKEN = str(SAMPLES / "invalid" / "2024-broken.yaml")


def _checker(
    targets: TargetsFile,
    fmt: Format,
    said: list[Problem],
    failing: frozenset[Status] = frozenset(),
) -> Checker:
    say = said.extend
    return Checker(targets, fmt, strict=False, max_bytes=MAX_BYTES, failing=failing, say=say)


def test_check_notes_invalid_files_and_failing_statuses(targets: TargetsFile) -> None:
    """A broken file makes the run invalid and its problems are said; a missed target fails it
    only when missed is among the failing statuses."""
    said: list[Problem] = []
    out = io.StringIO()
    failing = frozenset({Status.MISSED})
    result = _checker(targets, Format.JSON, said, failing=failing).check(
        [OFFICIAL, BROKEN], [], out, color=False
    )
    assert result == CheckResult(invalid=True, failed=True)
    document = json.loads(out.getvalue())
    assert [report["file"] for report in document["reports"]] == [OFFICIAL]
    assert len(document["problems"]) == len(said) == 4
    assert {problem.file for problem in said} == {BROKEN}
    calm = _checker(targets, Format.TABLE, []).check([OFFICIAL], [], io.StringIO(), color=False)
    assert calm == CheckResult(invalid=False, failed=False)


def test_names_that_match_no_file_come_first(targets: TargetsFile) -> None:
    """A name that matched no file is an invalid outcome, said before any file is read."""
    said: list[Problem] = []
    missing = Problem("nowhere.yaml", 1, 1, "no such file")
    out = io.StringIO()
    result = _checker(targets, Format.TEXT, said).check([NINE_MONTHS], [missing], out, color=False)
    assert result.invalid
    assert said == [missing]
    assert out.getvalue().startswith(f"{NINE_MONTHS}:")


def test_validate_evaluates_nothing(targets: TargetsFile) -> None:
    """validate writes each file's validity; statuses never fail it."""
    out = io.StringIO()
    failing = frozenset(Status)
    result = _checker(targets, Format.JSON, [], failing=failing).validate(
        [OFFICIAL, BROKEN], [], out, color=False
    )
    assert result == CheckResult(invalid=True, failed=False)
    assert [file["valid"] for file in json.loads(out.getvalue())["files"]] == [True, False]


def test_a_format_that_writes_problems_itself_is_not_echoed(targets: TargetsFile) -> None:
    """github writes each problem as an annotation, so none is said besides."""
    said: list[Problem] = []
    out = io.StringIO()
    _checker(targets, Format.GITHUB, said).check([BROKEN], [], out, color=False)
    assert said == []
    assert out.getvalue().count("::error ") == 4
