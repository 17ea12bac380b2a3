"""Hostile workbooks through the real command, each in its own process: zip bombs, lying zip
headers, entity expansion, links, macros, other formats and damage are refused with exit 2 and
the located lines their .expected files hold, in under 2 s and 200 MB, with no traceback.

The files are made by tests/example-files/make_workbooks.py; the cases that would take minutes
or gigabytes before a fix (a row numbered a thousand million) are made here, so that the
in-process corpus tests cannot hang on them.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT

NEGATIVE = ROOT / "tests/example-files/negative"
WORKBOOKS = sorted(NEGATIVE.glob("*.xlsx"))
LOCATED = re.compile(r"^[^:\n]+:\d+:\d+: .+$")

SECONDS = 2.0
"""The longest a refusal may take, the interpreter's start included (about 0.3 s)."""
PEAK_MB = 200
"""The most memory a refusal may take (about 45 MB)."""
GUARD_MB = 1536
"""The address space the command is given, so that a bomb that goes off cannot take the
machine down with it; far above PEAK_MB, it only turns a failure into a quicker one."""
TIMEOUT = 10.0
"""When a run that hangs is stopped (and fails)."""

MEASURE = """
import json, resource, subprocess, sys, time

def guard():
    limit = int(sys.argv[2]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

start = time.perf_counter()
try:
    done = subprocess.run(
        [sys.executable, "-m", "nq94", "check", sys.argv[1]],
        capture_output=True, text=True, timeout=float(sys.argv[3]), preexec_fn=guard,
    )
    code, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as e:
    code, out, err = None, str(e.stdout or ""), str(e.stderr or "")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "stdout": out, "stderr": err, "seconds": seconds, "peak": peak}))
"""
"""Runs `nq94 check FILE` in a child of its own, so that the peak memory of the children is
that command's alone."""


@dataclass
class Measured:
    """One run of the real command, with its time and peak memory."""

    code: int | None
    """The exit code; None when the run was stopped after TIMEOUT."""
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    def __str__(self) -> str:  # shown by pytest when an assertion fails
        return (
            f"exit {self.code}, {self.seconds:.2f} s, {self.peak_mb:.0f} MB"
            f"\n--- stderr\n{self.stderr[-3000:]}\n--- stdout\n{self.stdout[-1000:]}"
        )


def check(path: Path) -> Measured:
    """`nq94 check PATH` as a user runs it, measured."""
    # not the `script` fixture: MEASURE's own child is the run, its peak memory that run's alone
    found = json.loads(
        subprocess.check_output(
            [sys.executable, "-c", MEASURE, str(path), str(GUARD_MB), str(TIMEOUT)],
            text=True,
            cwd=ROOT,
        )
    )
    return Measured(
        found["code"], found["stdout"], found["stderr"], found["seconds"], found["peak"] / 1024
    )


def assert_refused(run: Measured, path: Path, expected: list[str]) -> None:
    """Exit 2 and exactly the expected located lines, no traceback, quickly, in little memory."""
    said = str(run)
    assert run.code == 2, said
    assert "Traceback" not in run.stdout + run.stderr, said
    assert run.stdout == "", said  # a refused file has no report; nothing else may print one
    lines = run.stderr.splitlines()
    assert all(LOCATED.match(line) for line in lines), said
    assert lines == [f"{path}:{line}" for line in expected], said
    assert run.seconds < SECONDS, said
    assert run.peak_mb < PEAK_MB, said


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_each_bad_workbook_is_refused_quickly_in_bounded_memory(path: Path) -> None:
    """Every workbook of the corpus, hostile or only wrong, is refused by the real command
    with its expected lines, in under 2 s and 200 MB."""
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert_refused(check(path), path, expected)


@pytest.mark.parametrize(
    "path", [p for p in WORKBOOKS if "zip-lying" not in p.stem], ids=lambda p: p.stem
)
def test_json_output_stays_json_whatever_a_workbook_holds(cli: CLI, path: Path) -> None:
    """`check -f json` on a bad workbook prints JSON holding its problems, and nothing else on
    stdout (the lying zips, slow in-process until they are read in bounds, are left out)."""
    run = cli("check", "-f", "json", str(path))
    assert run.exit_code == 2, run
    problems = json.loads(run.stdout)["problems"]
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert [f"{p['line']}:{p['column']}: {p['message']}" for p in problems] == expected


def test_the_corpus_holds_every_hostile_kind() -> None:
    """The parametrized tests above cannot pass by collecting nothing (or losing a kind)."""
    stems = {path.stem for path in WORKBOOKS}
    for kind in ("zip-bomb", "zip-lying", "entities", "external", "macros", "ole", "ods"):
        assert any(kind in stem for stem in stems), kind
    for path in WORKBOOKS:
        assert path.with_suffix(".expected").is_file(), path


def test_bombs_are_small_files_that_unpack_to_hundreds_of_megabytes() -> None:
    """The bombs are what they say: a few hundred KB that declare or hold 256 MB or more."""
    for path in NEGATIVE.glob("xlsx-zip-*.xlsx"):
        assert path.stat().st_size < 300 * 1024, path
    with zipfile.ZipFile(NEGATIVE / "xlsx-zip-bomb-sheet.xlsx") as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size >= 1 << 30
    with zipfile.ZipFile(NEGATIVE / "xlsx-zip-lying-size-workbook.xlsx") as archive:
        info = archive.getinfo("xl/workbook.xml")
        assert info.file_size < 2000
        assert info.compress_size > 200 * 1024  # deflate holds at most about 1 KB per MB


RENAMED = {
    "legacy.xls": (
        "xlsx-ole-xls",
        "an Excel 97-2003 workbook (.xls); open it and save it as .xlsx",
    ),
    "sheet.ods": ("xlsx-ods", "an OpenDocument spreadsheet (.ods); open it and save it as .xlsx"),
    "macros.xlsm": (
        "xlsx-macros",
        "a workbook with macros (.xlsm), which nq94 does not open; save it as .xlsx (Excel "
        "Workbook)",
    ),
    "report.xlsm": (
        "xlsx-duplicate-id",
        "a workbook with macros (.xlsm), which nq94 does not open; save it as .xlsx (Excel "
        "Workbook)",
    ),
    "report.xlsb": (
        "xlsx-duplicate-id",
        "an Excel binary workbook (.xlsb); open it and save it as .xlsx",
    ),
}


@pytest.mark.parametrize("name", sorted(RENAMED))
def test_other_spreadsheet_formats_by_their_own_names(tmp_path: Path, name: str) -> None:
    """An .xls, .ods, .xlsm or .xlsb keeps its own name: refused by it, saying what to do (an
    .xlsm even when it holds no macros, as Excel would open it with them)."""
    source, message = RENAMED[name]
    path = tmp_path / name
    shutil.copy(NEGATIVE / f"{source}.xlsx", path)
    assert_refused(check(path), path, [f"1:1: {message}"])


# --- made here: cases that would hang or swell the in-process corpus tests before a fix ---------

EMPTY_PERIOD = (
    "3:2: (Report!B3) the period cell is empty; choose the period from the list (e.g. 2024-9M)"
)


def with_part(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """``source`` written to ``target`` with ``part`` passed through ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(out, "w") as written:
        for info in archive.infolist():
            data = archive.read(info)
            written.writestr(info, change(data) if info.filename == part else data)
    target.write_bytes(out.getvalue())


def rows_added(rows: bytes) -> Callable[[bytes], bytes]:
    """A change of a sheet part: ``rows`` added at the end of its data."""
    return lambda sheet: sheet.replace(b"</sheetData>", rows + b"</sheetData>", 1)


ROWS = {
    # a row numbered a thousand million: 12 KB, and every row before it is walked
    "far-row": b'<row r="1000000000"><c r="Z1000000000" t="inlineStr"><is><t>x</t></is></c></row>',
    # a stray cell in the last row Excel has, which a person may leave (Ctrl+Down, a space)
    "last-row": b'<row r="1048576"><c r="Z1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    # 9,000 rows with a cell in the last column: 60 KB, each row widened to 16,384 cells
    "wide-rows": b"".join(
        b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (row, row) for row in range(40, 9040)
    ),
}


@pytest.mark.parametrize("case", sorted(ROWS))
def test_far_and_wide_rows_are_read_in_bounded_time(tmp_path: Path, case: str) -> None:
    """Rows far down or far right in a small sheet are refused, or read, in under 2 s: the
    period cell of these workbooks is empty, and that is all there is to say."""
    path = tmp_path / f"{case}.xlsx"
    with_part(
        NEGATIVE / "xlsx-empty-period.xlsx",
        path,
        "xl/worksheets/sheet1.xml",
        rows_added(ROWS[case]),
    )
    assert_refused(check(path), path, [EMPTY_PERIOD])


def test_a_workbook_without_a_default_style_prints_no_python_warning(tmp_path: Path) -> None:
    """A styles part without <cellStyles> (as some programs write it) is read as any other: no
    'UserWarning' line from openpyxl on stderr, which holds only located lines."""
    path = tmp_path / "no-default-style.xlsx"

    def without_cell_styles(styles: bytes) -> bytes:
        return re.sub(
            rb"<cellStyles\b.*?</cellStyles>|<cellStyles\b[^>]*/>", b"", styles, flags=re.S
        )

    source = NEGATIVE / "xlsx-empty-period.xlsx"
    with zipfile.ZipFile(source) as archive:
        styles = archive.read("xl/styles.xml")
    assert b"<cellStyles" in styles
    assert b"<cellStyles" not in without_cell_styles(styles)
    with_part(source, path, "xl/styles.xml", without_cell_styles)
    assert_refused(check(path), path, [EMPTY_PERIOD])
