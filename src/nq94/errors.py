"""The exception hierarchy of nq94 and the located problem it reports to people."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable
from typing import NamedTuple

_BIDI = "\u202a-\u202e\u2066-\u2069"
"""The embeddings, overrides and isolates that reorder the text after them: 'txt.yaml' shown
as 'lmay.txt'."""
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_CONTROL_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")


def escaped(text: str, *, newlines: bool = False) -> str:
    """Text from an input made safe to print: control characters (a newline too, unless
    ``newlines``) and the characters that reorder text are written as escapes (\\x0a,
    \\u202e), so that a file name, key or value can neither move the cursor, show itself
    reversed, nor start a line of its own (a CI annotation such as ``::error``)."""
    pattern = _CONTROL_BUT_NEWLINE if newlines else _CONTROL
    return _COMMAND.sub(_escape, pattern.sub(_escape, text))


_COMMAND = re.compile(r"(?<=:):|(?<=##)\[")
"""The second colon of '::' and the bracket of '##[', which start a CI command (GitHub reads
'::error' at the start of a line, spaces before it allowed, and '##[error' anywhere): a table
that wraps a long name may put either at the start of a line."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def named(file: str) -> str:
    """A file name to start a line with: escaped, and never beginning with ``::``, which CI
    systems read as a command (``./::error.yaml`` names the same file)."""
    name = escaped(file)
    return f"./{name}" if name.startswith(":") else name


class Mark(NamedTuple):
    """A 1-based line and column in a file."""

    line: int
    column: int


class Problem(NamedTuple):
    """One thing wrong with an input file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str
    warning: bool = False
    """A figure that is valid but looks wrong: said, and not refused (unless --strict)."""
    cell: str = ""
    """In a workbook, the cell as people name it (Báo cáo!F12); the message names it too."""

    def __str__(self) -> str:
        where = f"{named(self.file)}:{self.line}:{self.column}"
        if self.warning:
            from nq94.i18n import t

            return f"{where}: {t('warning')}: {escaped(self.message)}"
        return f"{where}: {escaped(self.message)}"


class Nq94Error(Exception):
    """Base of every error nq94 raises on purpose."""


class InputError(Nq94Error):
    """One or more problems in an input file; the run exits 2 and names each one."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class WriteError(Nq94Error):
    """An output that could not be written (a full disk, a read-only folder, a name too long, a
    target that is not a regular file); the run exits 2 with one line naming it and the reason."""

    def __init__(self, output: str, reason: str) -> None:
        self.output = output
        self.reason = reason
        super().__init__(output, reason)

    @classmethod
    def of(cls, output: str, error: OSError) -> WriteError:
        """The error for ``error`` met writing ``output``: the system's reason, in the reader's
        words when the catalogue has them (Python gives them in English only)."""
        return cls(output, reason(error))

    def __str__(self) -> str:
        from nq94.i18n import t

        return t("err.cannot_write", output=escaped(self.output), reason=self.reason)


class OutputExists(WriteError):
    """The output file exists and was not to be replaced (no --force), perhaps created by
    another run meanwhile."""

    def __init__(self, output: str) -> None:
        super().__init__(output, "")

    def __str__(self) -> str:
        from nq94.i18n import t

        return t("cli.exists", output=escaped(self.output))


def reason(error: OSError) -> str:
    """Why the system refused: in the reader's words when the catalogue has them (Python gives
    them in English only), else the system's."""
    from nq94.i18n import t

    key = SYSTEM_REASONS.get(error.errno or 0)
    return t(key) if key else error.strerror or str(error)


SYSTEM_REASONS = {
    errno.ENOSPC: "os.no_space",
    errno.EDQUOT: "os.quota",
    errno.EFBIG: "os.too_big",
    errno.EROFS: "os.read_only",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.not_permitted",
    errno.ENOENT: "os.no_such_file",
    errno.ENOTDIR: "os.not_a_directory",
    errno.EISDIR: "os.is_a_directory",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ELOOP: "os.loop",
    errno.EIO: "os.io",
    errno.EBADF: "os.bad_descriptor",
}
"""Catalogue keys of the reasons a write fails for most often; others keep the system's words."""
