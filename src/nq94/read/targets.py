"""Which targets file a report is checked against, the first that names one: ``--targets FILE``;
the report's own ``targets: FILE`` (relative to the report); the ``NQ94_TARGETS`` environment
variable; ``targets = "FILE"`` in an ``nq94.toml`` in the working folder or a folder above it
(relative to that folder); else the targets built into nq94.

Each file is read once however many reports name it, so that its report model is built once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from nq94.errors import InputError, Mark, Problem
from nq94.i18n import t
from nq94.model import TargetsFile
from nq94.read.loading import builtin_targets, load_targets

ENVIRONMENT = "NQ94_TARGETS"
"""The environment variable that names a targets file."""
CONFIG = "nq94.toml"
"""The file, in the working folder or one above it, whose ``targets`` names a targets file."""
CONFIG_MAX_BYTES = 64 * 1024


class Finder:
    """Finds, and reads once, the targets file of each report."""

    def __init__(
        self,
        given: str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        folder: str | None = None,
    ) -> None:
        self.given = given
        self.environ = os.environ if environ is None else environ
        self.folder = Path(folder) if folder is not None else None
        self._read: dict[str | None, TargetsFile] = {}
        self._fallback: tuple[str | None] | None = None

    def default(self) -> TargetsFile:
        """The targets of a command that reads no report (template, schema), or of a report
        that names none: ``--targets``, else NQ94_TARGETS, else nq94.toml, else nq94's own."""
        if self.given is not None:
            return self._load(self.given)
        return self._load(self._configured())

    def for_report(self, report: str, stated: Any, where: Mark | None = None) -> TargetsFile:
        """The targets of the report at ``report``, which states ``stated`` under ``targets:``
        (located at ``where``); InputError when that file cannot be read."""
        if self.given is not None:
            return self._load(self.given)
        if stated is None:
            return self.default()
        if not isinstance(stated, str) or not stated.strip():
            mark = where or Mark(1, 1)
            message = t("err.targets_line", got=repr(stated))
            raise InputError([Problem(report, mark.line, mark.column, f"targets: {message}")])
        base = Path(report).parent if report != "-" else Path.cwd()
        path = base / stated.strip()
        if not path.is_file():
            mark = where or Mark(1, 1)
            message = _not_a_targets_file(path, stated, str(base.resolve()))
            raise InputError([Problem(report, mark.line, mark.column, f"targets: {message}")])
        return self._load(os.path.normpath(path))

    def _configured(self) -> str | None:
        """The targets file NQ94_TARGETS or an nq94.toml names, once looked up."""
        if self._fallback is None:
            named = self.environ.get(ENVIRONMENT, "").strip() or None
            self._fallback = (named if named is not None else _from_config(self.folder),)
        return self._fallback[0]

    def _load(self, path: str | None) -> TargetsFile:
        key = os.path.realpath(path) if path is not None else None
        if key not in self._read:
            self._read[key] = load_targets(path) if path is not None else builtin_targets()
        return self._read[key]


def _from_config(folder: Path | None) -> str | None:
    """``targets`` of the nearest nq94.toml at or above ``folder`` (the working folder),
    relative to the folder that holds it; InputError when it cannot be read."""
    start = (folder or Path.cwd()).resolve()
    for place in (start, *start.parents):
        config = place / CONFIG
        if config.is_file():
            return _targets_in(config)
    return None


def _targets_in(config: Path) -> str | None:
    import tomllib

    from nq94.read.yamldoc import read_text

    name = str(config)
    text = read_text(name, max_bytes=CONFIG_MAX_BYTES)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line, column = _toml_place(str(e))
        raise InputError([Problem(name, line, column, t("err.toml", reason=str(e)))]) from None
    found = data.get("targets")
    if found is None:
        return None
    if not isinstance(found, str) or not found.strip():
        line = _key_line(text, "targets")
        raise InputError([Problem(name, line, 1, t("err.targets_line", got=repr(found)))])
    path = config.parent / found.strip()
    if not path.is_file():
        line = _key_line(text, "targets")
        where = str(config.parent)
        raise InputError([Problem(name, line, 1, _not_a_targets_file(path, found, where))])
    return os.path.normpath(path)


def _not_a_targets_file(path: Path, named: str, folder: str) -> str:
    """Why the targets file named is not read: not there (in the folder looked in), or there but
    not a regular file (a folder, a FIFO, a device), which is never opened."""
    if path.exists():
        return t("err.targets_not_a_file", path=named)
    return t("err.targets_missing", path=named, folder=folder)


def _toml_place(message: str) -> tuple[int, int]:
    import re

    found = re.search(r"line (\d+), column (\d+)", message)
    return (int(found[1]), int(found[2])) if found else (1, 1)


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(key):
            return number
    return 1
