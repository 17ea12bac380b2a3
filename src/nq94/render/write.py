"""Writing output files atomically: whole or not at all, never onto anything but a regular file."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import Any

from nq94.errors import OutputExists, WriteError
from nq94.i18n import t


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` whole or not at all: into a temporary file beside it, moved
    into place once written and synced.

    ``path`` must be a regular file or absent; anything else (a device, a FIFO, a directory, a
    symbolic link, even to a regular file) is refused, as ``sed -i`` refuses it. Without
    ``replace`` an existing file is never replaced, not even one another run creates meanwhile
    (OutputExists). The temporary file is 0600 until written, then takes the mode the output
    keeps, and never outlives the call, even when SIGTERM, SIGHUP or SIGINT arrives. Every
    failure is a WriteError naming ``path`` with the system's reason.
    """
    name = str(path)
    try:
        mode = _mode_for(path, replace=replace)
        with _Temporary(path.parent) as temporary:
            handle = temporary.open()
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(handle, view) :]
                os.fchmod(handle, mode)  # only now: until written, the file is 0600
                os.fsync(handle)
            finally:
                os.close(handle)
            if replace:
                os.replace(temporary.name, path)
                temporary.name = ""  # moved: the name is free for another run's file again
            else:
                _create(temporary.name, path)
    except OSError as e:
        raise WriteError.of(name, e) from e


def check_output(path: Path, *, replace: bool) -> None:
    """Raise what write_atomic would for ``path`` as it is now (OutputExists, WriteError), so
    that a command can refuse its output before it reads or prints anything."""
    try:
        _mode_for(path, replace=replace)
    except OSError as e:
        raise WriteError.of(str(path), e) from e


def _mode_for(path: Path, *, replace: bool) -> int:
    """The mode the output is to have, once ``path`` is found to be a regular file (replaced
    only if ``replace``) or absent."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    # A link is refused, not written through: the file behind it may be a device, another
    # process's open output (/proc/self/fd/1) or, in a shared folder, someone else's file.
    if stat.S_ISLNK(found.st_mode):
        raise WriteError(str(path), t("err.symlink"))
    if not stat.S_ISREG(found.st_mode):
        raise WriteError(str(path), t("err.not_regular"))
    if not replace:
        raise OutputExists(str(path))
    return found.st_mode & 0o777


def _create(temporary: str, target: Path) -> None:
    """Give the written ``temporary`` the name ``target``, which must not exist: a hard link
    fails if it does, so of runs racing for one name exactly one wins."""
    try:
        try:
            os.link(temporary, target)
            return
        except OSError as e:
            if e.errno not in _NO_HARD_LINKS:
                raise
        # FAT, exFAT and some network file systems have no hard links: claim the name with
        # O_EXCL, which is as exclusive, then move the written file onto the empty claim.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise OutputExists(str(target)) from None
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise


_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK})


class _Stopped(SystemExit):
    """Raised by the signal handler of a write, so that the temporary file is removed; if it
    ever escapes, the run ends with the status a shell gives a process killed by the signal."""


class _Temporary:
    """A temporary file in ``directory`` (``.nq94-XXXXXXXX.tmp``: short, so that any output
    name that fits also fits beside it), removed when the block ends, also on SIGTERM, SIGHUP
    and SIGINT, as git and rsync do.

    Only signals whose action is the default (ending the process) are taken over; after the
    temporary file is removed, the signal is raised again with that default, so the process
    ends as it would have. SIGINT's usual handler raises KeyboardInterrupt, which the block
    sees like any exception.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.name = ""
        self.stopped = 0
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _Temporary:
        import signal

        for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            if signal.getsignal(number) is signal.SIG_DFL:
                try:
                    self.previous[number] = signal.signal(number, self._stop)
                except ValueError:  # not the main thread: it cannot take signals over
                    break
        return self

    def open(self) -> int:
        """Create the file (mode 0600); its descriptor."""
        import signal
        import tempfile

        # Signals wait while the file is made, so that it never exists without its name known.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, self.previous)
        try:
            handle, self.name = tempfile.mkstemp(dir=self.directory, prefix=".nq94-", suffix=".tmp")
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        return handle

    def _stop(self, number: int, frame: object) -> None:
        if self.stopped:  # already on its way out
            return
        self.stopped = number
        self._remove()
        raise _Stopped(128 + number)

    def _remove(self) -> None:
        if self.name:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.name)
            self.name = ""

    def __exit__(self, *exc_info: object) -> None:
        import signal

        self._remove()
        for number, action in self.previous.items():
            signal.signal(number, action)
        if self.stopped:
            signal.raise_signal(self.stopped)
