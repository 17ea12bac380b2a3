"""Finding report files among paths, directories and globs; writing output files atomically."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from nq94.errors import Problem
from nq94.i18n import t

REPORT_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARS = frozenset("*?[")


def expand(paths: list[str], *, recursive: bool = False) -> tuple[list[str], list[Problem]]:
    """The report files named by ``paths``, in order and without repeats, and what was not found.

    A file is taken as it is; a directory gives the YAML files in it (and below it with
    ``recursive``); a glob (``reports/*.yaml``, ``reports/**/*.yaml``) gives what it matches.
    """
    found: dict[str, None] = {}
    problems: list[Problem] = []
    for path in paths:
        if os.path.isfile(path):
            found[path] = None
        elif os.path.isdir(path):
            pattern = "**/*" if recursive else "*"
            matches = sorted(
                str(p)
                for p in Path(path).glob(pattern)
                if p.is_file() and p.suffix in REPORT_SUFFIXES
            )
            if not matches:
                key = "err.empty_directory_below" if recursive else "err.empty_directory"
                problems.append(Problem(path, 1, 1, t(key)))
            found.update(dict.fromkeys(matches))
        elif _GLOB_CHARS & set(path):
            matches = sorted(m for m in glob.glob(path, recursive=True) if os.path.isfile(m))
            if not matches:
                problems.append(Problem(path, 1, 1, t("err.no_match")))
            found.update(dict.fromkeys(matches))
        else:
            found[path] = None  # a missing file is reported when it is read
    return list(found), problems


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    directory = path.parent if str(path.parent) else Path(".")
    import tempfile  # only commands that write files need it

    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or the usual ones for a new file under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
