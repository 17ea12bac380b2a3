"""Putting a built site in place whole, or not at all.

The site is written into a temporary folder beside the output (``.nq94-XXXXXXXX``), which then
takes the output's place: a build that fails, or is stopped, leaves the previous site as it was.
Only a folder nq94 built (it holds MARKER, which lists the files of the site, and no other file),
an empty folder or a new name is replaced; anything else (a file, a link, a folder of other
files, a site with a file added to it, such as the reports it was built from) is refused before
anything is written.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from nq94.errors import WriteError, escaped
from nq94.i18n import t

MARKER = ".nq94-site"
"""The file that marks a folder as a site nq94 built, which a later build may replace."""
MARKER_TEXT = (
    b"This folder is a site built by nq94 (nq94 site REPORTS... -o FOLDER).\n"
    b"nq94 replaces the whole folder when it builds the site again, and only while it holds\n"
    b"no file but those listed below: keep no other file here.\n\n"
)
MARKER_MOST = 1 << 20
"""The most of MARKER that is read: far more than the list of a site's files."""


def _marker(files: Mapping[str, bytes]) -> bytes:
    """MARKER's text: what it is, then the site's files, a line each."""
    return MARKER_TEXT + "".join(f"{name}\n" for name in sorted(files)).encode("utf-8")


def _listed(output: Path) -> set[str] | None:
    """The files MARKER in ``output`` lists, or None where there is no MARKER (a regular file)."""
    try:
        with open(output / MARKER, "rb") as marker:
            if not stat.S_ISREG(os.fstat(marker.fileno()).st_mode):
                return None
            text = marker.read(MARKER_MOST)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    _, _, names = text.partition(b"\n\n")
    return set(names.decode("utf-8", "replace").splitlines())


def _unlisted(output: Path, listed: set[str]) -> str | None:
    """The first file (or link) in ``output`` that is neither MARKER nor listed, or None."""
    for folder, folders, names in os.walk(output):
        here = Path(folder).relative_to(output)
        links = [name for name in folders if os.path.islink(os.path.join(folder, name))]
        for name in sorted([*names, *links]):
            relative = (here / name).as_posix()
            if relative != MARKER and relative not in listed:
                return relative
    return None


def check_output(output: Path) -> None:
    """Raise WriteError unless ``output`` may take a site: a new name, an empty folder, or a
    folder that holds MARKER."""
    try:
        found = os.lstat(output)
    except FileNotFoundError:
        return
    except OSError as e:
        raise WriteError.of(str(output), e) from e
    if stat.S_ISLNK(found.st_mode):  # replacing it would leave the folder behind it as it was
        raise WriteError(str(output), t("site.symlink"))
    if not stat.S_ISDIR(found.st_mode):
        raise WriteError(str(output), t("site.not_a_folder"))
    try:
        if os.path.islink(output / MARKER):
            raise WriteError(str(output), t("site.not_ours"))
        listed = _listed(output)
        extra = None if listed is None else _unlisted(output, listed)
    except OSError as e:
        raise WriteError.of(str(output), e) from e
    if extra is not None:
        raise WriteError(str(output), t("site.not_built", file=escaped(extra)))
    if listed is not None:
        return
    try:
        with os.scandir(output) as entries:
            empty = next(entries, None) is None
    except OSError as e:
        raise WriteError.of(str(output), e) from e
    if not empty:
        raise WriteError(str(output), t("site.not_ours"))


def publish(files: Mapping[str, bytes], output: Path) -> None:
    """Write ``files`` (by their path within the site, with /) and MARKER into a new folder
    beside ``output``, then put it in ``output``'s place; WriteError (naming ``output`` as
    given) when it cannot be done."""
    check_output(output)
    building = ""
    try:
        building = tempfile.mkdtemp(prefix=".nq94-", dir=Path(os.path.abspath(output)).parent)
        root = Path(building)
        for name, data in sorted({**files, MARKER: _marker(files)}.items()):
            path = root.joinpath(*name.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(building, 0o777 & ~umask)  # mkdtemp's folder is the owner's alone
        check_output(output)  # again: another program may have written there meanwhile
        building = _swap(building, output)
    except OSError as e:
        raise WriteError.of(str(output), e) from e
    finally:  # also when stopped (Ctrl-C, SIGTERM: nq94.main unwinds)
        if building:
            shutil.rmtree(building, ignore_errors=True)


def _swap(built: str, output: Path) -> str:
    """Put the folder ``built`` in ``output``'s place; what is left to remove ("" if nothing):
    the previous site, now beside it."""
    if not output.exists():
        os.rename(built, output)
        return ""
    if not any(output.iterdir()):
        os.rmdir(output)
        os.rename(built, output)
        return ""
    if _exchange(built, output):  # in one step: the output is never missing
        return built
    previous = f"{built}-previous"
    os.rename(output, previous)
    try:
        os.rename(built, output)
    except OSError:
        os.rename(previous, output)
        raise
    return previous


def _exchange(first: str, second: Path) -> bool:
    """Swap two folders at once where the system can (Linux's renameat2 RENAME_EXCHANGE);
    False where it cannot, and nothing was done."""
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # a C library without it (musl before 1.2.4, old glibc)
        return False
    at_cwd, exchange = -100, 2
    done = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange)
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # a file system without it
    raise OSError(error, os.strerror(error), str(second))
