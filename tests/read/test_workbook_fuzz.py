"""Fuzzing workbooks: a filled-in report's parts mangled byte by byte and tag by tag, zipped
again, are either read or refused with located problems; nothing else ever escapes the reader,
nothing hangs, and nothing is printed on the way.

Runs 1,000 cases in the suite, the same ones every time (about 30 s in all);
NQ94_WORKBOOK_FUZZ_EXAMPLES=10000 runs that many new ones. Each case is read in-process
(nq94.read.loading.read_report, as every command reads a report) and stopped after CASE_SECONDS: a
case that takes longer is a failure, not a hung suite. A failing case is shown as the steps
that made it, and written to the folder NQ94_WORKBOOK_FUZZ_KEEP when that is set.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import signal
import tempfile
import warnings
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nq94.errors import InputError, Problem
from nq94.i18n import Lang, use
from nq94.model import Basis, parse_period
from nq94.outcome import Loaded
from nq94.read.loading import builtin_targets, read_report
from nq94.render.form import template

from ..conftest import ROOT

CASE_SECONDS = 5
"""The longest one case may take: a filled-in template is read in about 0.03 s."""

PARTS = [
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "_rels/.rels",
]
"""The parts mutated, when a seed has them (openpyxl writes no shared strings)."""
SHEET = "xl/worksheets/sheet1.xml"
DROPPED = [False] * 19 + [True]
"""One part in twenty chosen is dropped from the zip rather than mutated."""

SNIPPETS = [
    b'<c r="F9" t="e"><v>#N/A</v></c>', b'<c r="F9" t="d"><v>2024-13-45</v></c>',
    b'<c r="F9" t="b"><v>2</v></c>', b'<c r="F9"><v>nan</v></c>', b'<c r="F9"><v>1e400</v></c>',
    b'<c r="F9" s="9999"><v>1</v></c>', b'<c r="F9" t="s"><v>99999</v></c>',
    b'<c r="F9" t="s"><v>-1</v></c>', b'<c r="F9" t="inlineStr"><is><t>b\xe1\xba\xa3y</t></is></c>',
    b'<c r="F9"><f>1/0</f></c>', b"<c/>", b'<c r="A0"/>', b'<c r="F9" t="x"><v>1</v></c>',
    b"<f>SUM(F9:F10)</f>", b'<row r="0">', b'<row r="-1">', b'<row r="12">', b"</row>",
    b"<v>7,5</v>", b"<t>2024-9M</t>", b"<t></t>", b"<si><t>x</t></si>", b"<si/>",
    b'<definedName name="period">Report!$ZZZ$99999999</definedName>',
    b'<definedName name="period">#REF!</definedName>', b'<definedName name="period"/>',
    b'<numFmt numFmtId="164" formatCode="0.00%"/>', b'<numFmt numFmtId="165" formatCode=""/>',
    b'<xf numFmtId="10" fontId="99" fillId="0" borderId="0" xfId="0"/>',
    b'<sheet name="Report" sheetId="1" r:id="rId99"/>', b'<sheet name="" sheetId="0"/>',
    b'<Relationship Id="rId1" Type="x" Target="../../../etc/passwd"/>',
    b'<Override PartName="/xl/workbook.xml" ContentType="text/plain"/>',
    b"&amp;", b"&#0;", b"&#xD800;", b"&unknown;", b"<![CDATA[<c>]]>", b"<!-- -->", b"<?pi x?>",
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b'xmlns="urn:x"', b't="inlineStr"', b't="n"',
]  # fmt: skip
"""Pieces of SpreadsheetML, well or badly formed, to put between two tags."""

NUMBERS = [b"0", b"-1", b"1", b"2", b"7", b"9", b"39", b"40", b"10001", b"16385", b"1048576",
           b"1048577", b"2147483648", b"9" * 20, b"1.5", b"1e3", b"", b"x"]  # fmt: skip
"""What a run of digits (a row, a column, a style, a string's index, a figure) may become."""

ATTRIBUTES = [b'""', b'"1"', b'"0"', b'"Report"', b'"A1"', b'"XFD1048576"', b'"e"', b'"s"',
              b'"str"', b'"inlineStr"', b'"b"', b'"d"', b'"n"', b'"f"', b'"hidden"', b'"rId1"',
              b'"rId99"', b'"/xl/nothing.xml"', b'"0%"', b'"#,##0.00"', b'"@"']  # fmt: skip
"""What an attribute's value may become."""

COLUMNS = [b"", b"A", b"F", b"Z", b"XFD", b"XFE", b"ZZZ"]
ROWS = [b"", b"0", b"1", b"8", b"9", b"39", b"1048576", b"1048577", b"1000000000"]
"""What a cell's or a row's reference (r="F9", r="9") may become: a row far below Excel's
last (1,048,576) among them."""

TAG = re.compile(rb"<[^<>]*>")
DIGITS = re.compile(rb"[0-9]+")
VALUE = re.compile(rb'="[^"]*"')
REFERENCE = re.compile(rb'\br="[A-Z]*[0-9]*"')
ROW = re.compile(rb'<row r="[0-9]*"')
ELEMENTS = re.compile(
    rb"<(c|row|si|definedName|sheet|xf|numFmt|font|fill|border|Relationship|Override|Default)"
    rb"\b(?:[^<>]*/>|[^<>]*>.*?</\1>)",
    re.S,
)
"""Whole elements, to duplicate, drop or move while the part stays well-formed XML."""
FOUND = {"tag": TAG, "element": ELEMENTS, "number": DIGITS, "reference": REFERENCE,
         "row": ROW, "attribute": VALUE}  # fmt: skip

ACTIONS = ["number", "number", "reference", "row", "attribute", "attribute", "element", "element",
           "element", "snippet", "snippet", "flip", "insert", "delete", "truncate",
           "tag"]  # fmt: skip
"""Two thirds keep the part well-formed XML, so that the reader gets past the parser."""


# --- the seeds -------------------------------------------------------------------------------


def _filled() -> bytes:
    """The template for 2024-9M, filled with a few figures of each kind, some as text."""
    use(Lang.EN)
    values = {
        "grdp_growth": Decimal("7.5"),
        "export_growth": {"baseline": Decimal(30950), "current": Decimal(33380)},
        "budget_revenue": {"value": Decimal(15000), "source": "Sở Tài chính", "note": "ước"},
        "health_insurance_rate": Decimal("94.20"),
        "new_rural_communes": Decimal(2),
        "poverty_rate_reduction": "1,2",
    }
    return template(
        builtin_targets(),
        period=parse_period("2024-9M"),
        basis=Basis.ESTIMATE,
        source="Cục Thống kê tỉnh",
        values=values,
    )


def _resaved(raw: bytes) -> bytes:
    """``raw`` as openpyxl saves it: strings in the cells, formulas without results."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(raw))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _parts(raw: bytes) -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return tuple((info.filename, archive.read(info)) for info in archive.infolist())


@cache
def seeds() -> tuple[tuple[str, tuple[tuple[str, bytes], ...]], ...]:
    """Each seed workbook's name and parts: the filled-in template, as nq94 writes it and as
    openpyxl saves it, and the workbooks LibreOffice saved in tests/example-files."""
    filled = _filled()
    found = [("template", filled), ("openpyxl", _resaved(filled))]
    for path in sorted(ROOT.glob("tests/example-files/*/*.xlsx")):
        if "negative" not in path.parts and path.stat().st_size < 100_000:
            found.append((path.name, path.read_bytes()))
    return tuple((name, _parts(raw)) for name, raw in found)


# --- the mutations ---------------------------------------------------------------------------


class Mangled:
    """A mangled workbook, shown as the steps that made it (its bytes are too long to show)."""

    def __init__(self, content: bytes, steps: list[str]) -> None:
        self.content = content
        self.steps = steps

    def __repr__(self) -> str:
        return "Mangled(\n    " + "\n    ".join(self.steps) + "\n)"


def _show(data: bytes) -> str:
    return repr(data if len(data) <= 60 else data[:57] + b"...")


def _mutated(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    """``data`` with one mutation, and what it was: a number, reference or attribute value
    changed, a whole element duplicated, dropped or moved, a snippet put between two tags (all
    keeping the part well-formed); a byte flipped, bytes inserted, a range deleted, the part cut
    short, a tag duplicated, dropped or moved (all damaging it)."""
    action = draw(st.sampled_from(ACTIONS))
    at = draw(st.integers(0, max(0, len(data) - 1)))
    if action == "flip" and data:
        mask = draw(st.integers(1, 255))
        return data[:at] + bytes([data[at] ^ mask]) + data[at + 1 :], f"flip {at} ^ {mask}"
    if action == "insert":
        noise = draw(st.binary(min_size=1, max_size=8))
        return data[:at] + noise + data[at:], f"insert {_show(noise)} at {at}"
    if action == "delete":
        length = draw(st.integers(1, 64))
        return data[:at] + data[at + length :], f"delete {length} at {at}"
    if action == "truncate":
        return data[:at], f"truncate at {at}"
    if action == "snippet":
        between = [match.end() for match in TAG.finditer(data)] or [at]
        where = between[draw(st.integers(0, len(between) - 1))]
        snippet = draw(st.sampled_from(SNIPPETS))
        return data[:where] + snippet + data[where:], f"put {_show(snippet)} at {where}"
    found = list(FOUND.get(action, TAG).finditer(data))
    if not found:
        return data, f"{action}: none"
    match = found[draw(st.integers(0, len(found) - 1))]
    start, end, old = match.start(), match.end(), match.group()
    if action in ("number", "reference", "row", "attribute"):
        if action == "number":
            new = draw(st.sampled_from(NUMBERS))
        elif action == "reference":
            new = b'r="' + draw(st.sampled_from(COLUMNS)) + draw(st.sampled_from(ROWS)) + b'"'
        elif action == "row":
            new = b'<row r="' + draw(st.sampled_from(ROWS)) + b'"'
        else:
            new = b"=" + draw(st.sampled_from(ATTRIBUTES))
        return data[:start] + new + data[end:], f"{_show(old)} -> {_show(new)} at {start}"
    how = draw(st.sampled_from(["duplicate", "drop", "move"]))
    if how == "duplicate":
        return data[:end] + old + data[end:], f"duplicate {_show(old)} at {start}"
    rest = data[:start] + data[end:]
    if how == "drop":
        return rest, f"drop {_show(old)} at {start}"
    between = [m.end() for m in TAG.finditer(rest)] if action == "element" else []
    where = between[draw(st.integers(0, len(between) - 1))] if between else at
    return rest[:where] + old + rest[where:], f"move {_show(old)} from {start} to {where}"


@st.composite
def mangled(draw: st.DrawFn) -> Mangled:
    """A seed workbook with one to three of its parts mutated one to four times, or dropped,
    zipped again."""
    seed, stored = draw(st.sampled_from(seeds()))
    parts = dict(stored)
    steps = [f"seed {seed}"]
    # the report's sheet, where most of what is read stands, is chosen three times as often
    present = [name for name in PARTS if name in parts] + [SHEET, SHEET]
    for name in draw(st.lists(st.sampled_from(present), min_size=1, max_size=3, unique=True)):
        if draw(st.sampled_from(DROPPED)):
            del parts[name]
            steps.append(f"{name}: dropped")
            continue
        for _ in range(draw(st.integers(1, 4))):
            parts[name], step = _mutated(draw, parts[name])
            steps.append(f"{name}: {step}")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    return Mangled(out.getvalue(), steps)


# --- the test --------------------------------------------------------------------------------


class TooSlow(BaseException):
    """A case that took more than CASE_SECONDS: a BaseException, as KeyboardInterrupt is, so
    that no ``except Exception`` of the reader turns it into a refusal."""


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Stop the block with TooSlow after ``seconds`` (a case that would hang fails instead)."""

    def stop(signum: int, frame: object) -> None:
        raise TooSlow(f"reading took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def kept_when_failing(case: Mangled) -> Iterator[None]:
    """On a failure, the case written to the folder NQ94_WORKBOOK_FUZZ_KEEP, when it is set."""
    try:
        yield
    except BaseException:
        keep = os.environ.get("NQ94_WORKBOOK_FUZZ_KEEP")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            name = f"case-{hashlib.sha256(case.content).hexdigest()[:12]}.xlsx"
            (Path(keep) / name).write_bytes(case.content)
        raise


def read(case: Mangled) -> tuple[str, tuple[Problem, ...], str, list[str]]:
    """``case`` read as every command reads a report, as the command runs (a warning does not
    stop it): the file's path, its problems (none when it was read), what was printed on
    stdout, and the warnings given."""
    use(Lang.EN)
    problems: tuple[Problem, ...] = ()
    printed = io.StringIO()
    with (
        tempfile.TemporaryDirectory() as folder,
        warnings.catch_warnings(record=True) as warned,
        contextlib.redirect_stdout(printed),
    ):
        warnings.simplefilter("always")
        path = Path(folder) / "report.xlsx"
        path.write_bytes(case.content)
        try:
            with deadline(CASE_SECONDS):
                loaded = read_report(str(path), builtin_targets())
        except TooSlow as e:  # out of the reader: failed as any assertion, the case shown
            raise AssertionError(str(e)) from None
        except InputError as e:
            problems = e.problems
            assert problems
        else:
            assert isinstance(loaded, Loaded)
            assert str(loaded.report.period).startswith("20")
    return str(path), problems, printed.getvalue(), [str(each.message) for each in warned]


def known(name: str, part: str, old: bytes, new: bytes) -> Mangled:
    """A case found by this fuzzing: the corpus workbook
    tests/example-files/negative/``name``.xlsx with ``old`` replaced by ``new`` in ``part``."""
    source = ROOT / "tests/example-files/negative" / f"{name}.xlsx"
    parts = dict(_parts(source.read_bytes()))
    assert old in parts[part], (name, part, old)
    parts[part] = parts[part].replace(old, new, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for each, data in parts.items():
            archive.writestr(each, data)
    return Mangled(out.getvalue(), [f"seed {name}.xlsx", f"{part}: {_show(old)} -> {_show(new)}"])


KNOWN = {
    # every row before it is walked, a thousand million of them: minutes
    "far-row": ("xlsx-empty-period", SHEET, b'<row r="9"', b'<row r="1000000000"'),
    # a named style past the styles there are: openpyxl prints "19 is out of range" on stdout
    "style-out-of-range": ("xlsx-style-out-of-range", SHEET, b"<sheetData>", b"<sheetData>"),
    # the sheets' relationship ids in another namespace: openpyxl warns, twice
    "relationships-namespace": (
        "xlsx-empty-period",
        "xl/workbook.xml",
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/7/relationships"',
    ),
}
"""Cases found by this fuzzing, kept as tests of their own (so that while they fail, the
fuzzing below still runs every case)."""


def assert_read_or_located(path: str, problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        assert problem.file == path, problem
        assert problem.line >= 1, problem
        assert problem.column >= 1, problem
        assert problem.message.strip(), problem
        assert "\n" not in str(problem), problem


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_known_cases_are_read_or_refused_quickly_and_quietly(name: str) -> None:
    """Each case found before is read or refused with located problems, in CASE_SECONDS,
    printing nothing and giving no warning."""
    case = known(*KNOWN[name])
    path, problems, printed, warned = read(case)
    assert_read_or_located(path, problems)
    assert printed == ""
    assert warned == []


EXAMPLES = int(os.environ.get("NQ94_WORKBOOK_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # a case that hangs is stopped after CASE_SECONDS; shrinking it would take minutes more
    phases=[Phase.explicit, Phase.generate],
    # the suite runs the same cases every time, so that what fails fails every time; a run
    # asking for more cases draws new ones
    derandomize="NQ94_WORKBOOK_FUZZ_EXAMPLES" not in os.environ,
    database=None,
)


@settings(FUZZ, max_examples=EXAMPLES)
@given(case=mangled())
def test_mangled_workbooks_are_read_or_refused_with_located_problems(case: Mangled) -> None:
    """read_report returns a report, or raises InputError with problems, each located at a
    line and column of the file and said in one line: never any other exception, never a
    hang."""
    with kept_when_failing(case):
        assert_read_or_located(*read(case)[:2])


@settings(FUZZ, max_examples=max(1, EXAMPLES // 4))
@given(case=mangled())
def test_reading_a_mangled_workbook_prints_nothing(case: Mangled) -> None:
    """Nothing is printed on the way, whatever the file holds: no line on stdout (where the
    command writes its report, JSON among them) and no Python warning (which the command
    prints on stderr, among its located lines, unlocated)."""
    with kept_when_failing(case):
        _, _, printed, warned = read(case)
        assert printed == ""
        assert warned == []
