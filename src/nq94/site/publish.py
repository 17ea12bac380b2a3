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

from nq94.errors import WriteError, escaped, reason
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
    """The files MARKER in ``output`` lists, or None where there is no MARKER that is a regular
    file (a FIFO of that name is looked at, never opened: opening it would wait for a writer)."""
    path = output / MARKER
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with open(descriptor, "rb") as marker:
            if not stat.S_ISREG(os.fstat(marker.fileno()).st_mode):
                return None
            text = marker.read(MARKER_MOST)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    _, _, names = text.partition(b"\n\n")
    return set(names.decode("utf-8", "replace").splitlines())


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class _Unreadable(OSError):
    """A folder of the site that cannot be listed: the files it holds cannot be known."""


class _Protected(OSError):
    """A folder of the site whose files cannot be removed: it was made read-only."""


def _unlisted(output: Path, listed: set[str]) -> str | None:
    """The first file (or link) in ``output`` that is neither MARKER nor listed, or None;
    _Unreadable for a folder in it that cannot be listed (its files cannot be known), and
    _Protected for one whose files cannot be removed (a site made read-only stays as it is)."""

    def unreadable(error: OSError) -> None:
        raise _Unreadable(error.errno, error.strerror, error.filename) from error

    for folder, folders, names in os.walk(output, onerror=unreadable):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise _Protected(errno.EACCES, os.strerror(errno.EACCES), folder)
        here = Path(folder).relative_to(output)
        links = [name for name in folders if os.path.islink(os.path.join(folder, name))]
        for name in sorted([*names, *links]):
            relative = (here / name).as_posix()
            if relative != MARKER and relative not in listed:
                return relative
    return None


def _within(output: Path) -> str | None:
    """The catalogue key of why ``output`` can never be replaced whole: it is the current
    folder or holds it (the shell would be left in a deleted folder; the system refuses to
    rename it), or it is a mount point; None otherwise."""
    real = os.path.realpath(output)
    try:
        here = os.getcwd()
    except OSError:  # the current folder was deleted: it cannot be the output
        here = ""
    if here and (here == real or here.startswith(real.rstrip(os.sep) + os.sep)):
        return "site.current_folder"
    if os.path.ismount(real):
        return "site.mount_point"
    return None


def check_output(output: Path) -> None:
    """Raise WriteError unless ``output`` may take a site: a new name, an empty folder, or a
    folder that holds MARKER, all of whose folders can be read and have their files removed."""
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
    if (why := _within(output)) is not None:
        raise WriteError(str(output), t(why))
    try:
        if os.path.islink(output / MARKER):
            raise WriteError(str(output), t("site.not_ours"))
        listed = _listed(output)
        extra = None if listed is None else _unlisted(output, listed)
        if listed is None:  # only an empty folder may be replaced: it is never walked
            with os.scandir(output) as entries:
                if next(entries, None) is not None:
                    raise WriteError(str(output), t("site.not_ours"))
            if not os.access(output, os.W_OK | os.X_OK):
                raise _Protected(errno.EACCES, os.strerror(errno.EACCES), str(output))
    except (_Unreadable, _Protected) as e:
        key = "site.unreadable" if isinstance(e, _Unreadable) else "site.protected"
        folder = escaped(str(e.filename or output))
        raise WriteError(str(output), t(key, folder=folder, reason=reason(e))) from e
    except OSError as e:
        raise WriteError.of(str(output), e) from e
    if extra is not None:
        raise WriteError(str(output), t("site.not_built", file=escaped(extra)))


def publish(files: Mapping[str, bytes], output: Path) -> None:
    """Write ``files`` (by their path within the site, with /) and MARKER into a new folder
    beside ``output``, with the mode and group of the folder it replaces (or, for a new one,
    the mode the umask gives), then put it in ``output``'s place; WriteError (naming
    ``output`` as given) when it cannot be done, or when the previous site could not be
    removed whole."""
    check_output(output)
    building = ""
    try:
        building = tempfile.mkdtemp(prefix=".nq94-", dir=Path(os.path.abspath(output)).parent)
        mode = _like(building, output)
        root = Path(building)
        for name, data in sorted({**files, MARKER: _marker(files)}.items()):
            path = root.joinpath(*name.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        os.chmod(building, mode)
        check_output(output)  # again: another program may have written there meanwhile
        previous = _swap(building, output)
        building = ""
    except OSError as e:
        raise WriteError.of(str(output), e) from e
    finally:  # also when stopped (Ctrl-C, SIGTERM, SIGHUP: nq94.main unwinds)
        if building:
            shutil.rmtree(building, ignore_errors=True)
    if previous:
        _remove(previous, output)


def _like(building: str, output: Path) -> int:
    """Give the folder ``building`` the group of ``output`` and its setgid bit, before anything
    is written in it, so that what is written takes the group; the mode to give it once written:
    ``output``'s (a 0700 site stays the owner's, a 2750 one keeps its group), or for a new site
    the mode the umask gives (mkdtemp's folder is the owner's alone)."""
    try:
        before = os.stat(output)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask
    if os.stat(building).st_gid != before.st_gid:
        os.chown(building, -1, before.st_gid)
    mode = stat.S_IMODE(before.st_mode)
    os.chmod(building, stat.S_IRWXU | (mode & stat.S_ISGID))
    return mode


def _remove(previous: str, output: Path) -> None:
    """Remove the previous site, now beside the new one; WriteError naming what is left when
    some of it cannot be removed."""
    failed: list[str] = []

    def note(function: object, path: str, error: object) -> None:
        failed.append(path)

    if sys.version_info >= (3, 12):
        shutil.rmtree(previous, onexc=note)
    else:  # onerror, deprecated since 3.12
        shutil.rmtree(previous, onerror=note)
    if failed:
        left = escaped(os.path.relpath(previous))
        raise WriteError(str(output), t("site.previous_left", folder=left))


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
