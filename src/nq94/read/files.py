"""Finding report files among paths, directories and globs."""

from __future__ import annotations

import os
import re
from pathlib import Path

from nq94.errors import Problem, reason
from nq94.i18n import t

WORKBOOK_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".xlsb", ".ods")
"""Spreadsheets: read by nq94.read.workbook (which refuses all but .xlsx, saying what to do)."""
REPORT_SUFFIXES = (".yaml", ".yml", *WORKBOOK_SUFFIXES)
"""Files a directory gives: reports, and spreadsheets nq94 refuses saying to save them as .xlsx
(rather than pass over an officer's report in silence)."""
ZIP_MAGIC = b"PK"
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
"""The start of an Excel 97-2003 workbook, and of any workbook saved with a password."""
LOCK_PREFIX = "~$"
"""Excel's lock file beside a workbook open in it (~$report.xlsx): not a report."""
_GLOB_CHARS = frozenset("*?[")


def is_workbook(name: str, raw: bytes) -> bool:
    """Whether a file is a spreadsheet (by its first bytes, or by its name) rather than YAML."""
    return raw.startswith((ZIP_MAGIC, OLE_MAGIC)) or name.lower().endswith(WORKBOOK_SUFFIXES)


def expand(paths: list[str], *, recursive: bool = False) -> tuple[list[str], list[Problem]]:
    """The report files named by ``paths``, in order and without repeats, and what was not found.

    A file is taken as it is (but a targets file among several names); a directory gives the
    YAML and .xlsx files in it (below it with ``recursive``); a glob (``reports/*.yaml``,
    ``reports/**/*.yaml``) gives what it matches.
    Links to directories are not followed below the paths given, so a link loop is never
    entered, and a file reached twice (through a link) is read once. A directory that cannot
    be read is a problem, as in ``grep -r``: it may hold reports.
    """
    found: dict[str, None] = {}
    real: set[str] = set()
    problems: list[Problem] = []

    def take(matches: list[str]) -> None:
        for match in matches:
            target = os.path.realpath(match)
            if target not in real:
                real.add(target)
                found[match] = None

    for path in paths:
        if os.path.isfile(path):
            # among several names, a targets file is what a shell's reports/*.yaml gives beside
            # the reports that name it: left out, as a folder or nq94's own glob leaves it out
            if len(paths) == 1 or not is_targets_file(Path(path)):
                take([path])
        elif os.path.isdir(path):
            matches = _reports(path, "**/*" if recursive else "*")
            problems += _unreadable(path, recursive=recursive)
            if not matches:
                key = "err.empty_directory_below" if recursive else "err.empty_directory"
                problems.append(Problem(path, 1, 1, t(key)))
            take(matches)
        elif _GLOB_CHARS & set(path):
            base, pattern = _split(path)
            matches = _reports(base, pattern, suffixes=()) if os.path.isdir(base) else []
            problems += _unreadable(base, recursive="**" in pattern) if matches else []
            if not matches:
                problems.append(Problem(path, 1, 1, t("err.no_match")))
            take(matches)
        else:
            found[path] = None  # a missing file is reported when it is read
    return list(found), problems


def _reports(base: str, pattern: str, *, suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> list[str]:
    """The files under ``base`` matching ``pattern`` (pathlib's glob, which does not go into
    links to directories below ``base``), with one of ``suffixes`` (any, when empty), and never
    a hidden, AppleDouble or lock file, as a shell's * would not give them."""
    if Path(pattern).name == "**":  # pathlib's ** gives folders alone; a shell's, every file
        pattern = f"{pattern}/*"
    paths = Path(base).glob(pattern)
    matches = (
        str(p)
        for p in paths
        if p.is_file() and _is_report(p.relative_to(base), suffixes) and not is_targets_file(p)
    )
    if base == os.curdir:  # written as the user wrote the pattern: "*.yaml", not "./*.yaml"
        return sorted(os.path.normpath(match) for match in matches)
    return sorted(matches)


def _is_report(relative: Path, suffixes: tuple[str, ...]) -> bool:
    """Whether a file a directory holds is taken as a report: a report's suffix in any case
    (.YAML), and not hidden (.git/, .DS_Store), not a macOS AppleDouble file (._report.yaml)
    nor Excel's lock file (~$report.xlsx)."""
    name = relative.name
    if any(part.startswith(".") for part in relative.parts) or name.startswith(LOCK_PREFIX):
        return False
    return not suffixes or relative.suffix.lower() in suffixes


TARGETS_KEYS = ("format", "document", "resolution")
"""Top-level keys only a targets file has, beside its list of targets: a folder of reports may
hold its targets file."""
TARGETS_SIGNS = re.compile(rb"^(?:" + "|".join(TARGETS_KEYS).encode() + rb")\s*:", re.M)
TARGETS_LIST = re.compile(rb"^targets\s*:\s*(?:#.*)?(?:\r?\n|\[)", re.M)
"""A top-level ``targets:`` that opens a list (a report's names a file on the same line)."""
SNIFFED = 4096


def is_targets_file(path: Path) -> bool:
    """Whether a YAML file a folder holds is a targets file rather than a report, by its first
    few kilobytes: a folder of a year's reports may hold the targets file they name."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFFED)
    except OSError:  # said when it is read as a report
        return False
    return bool(TARGETS_SIGNS.search(head) and TARGETS_LIST.search(head))


def _split(pattern: str) -> tuple[str, str]:
    """A glob as the directory before its first wildcard, and the rest."""
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    base = str(Path(*parts[:first])) if first else os.curdir
    return base, str(Path(*parts[first:]))


def _unreadable(directory: str, *, recursive: bool) -> list[Problem]:
    """A problem for each directory at or (with ``recursive``) below ``directory`` that cannot
    be listed."""
    problems: list[Problem] = []

    def note(error: OSError) -> None:
        name = str(error.filename or directory)
        problems.append(Problem(name, 1, 1, t("err.cannot_read_directory", reason=reason(error))))

    for _, folders, _ in os.walk(directory, onerror=note, followlinks=False):
        if not recursive:
            folders.clear()
    return problems
