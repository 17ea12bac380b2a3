"""The exception hierarchy of nq94 and the located problem it reports to people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an input file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str
    warning: bool = False
    """A figure that is valid but looks wrong: said, and not refused (unless --strict)."""

    def __str__(self) -> str:
        if self.warning:
            from nq94.i18n import t

            return f"{self.file}:{self.line}:{self.column}: {t('warning')}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class Nq94Error(Exception):
    """Base of every error nq94 raises on purpose."""


class InputError(Nq94Error):
    """One or more problems in an input file; the run exits 2 and names each one."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
