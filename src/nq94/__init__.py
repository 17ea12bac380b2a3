"""nq94: are the targets a province is held to met, missed or at risk?

The Python API: ``nq94.Report.model_validate(data)`` validates a report (plain data, as
``yaml.safe_load`` gives it) against the built-in targets, and raises ``pydantic.ValidationError``
naming each problem's path; ``nq94.report_model(path)`` is the model for another targets file;
``nq94.check(report)`` evaluates a validated report. The models are imported on first use, so
that the command line starts without them when it does not need them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from nq94.model import Report

__version__ = "0.1.0"
__all__ = ["Report", "check", "main", "report_model"]


def main() -> None:
    """The `nq94` command: the command line, and the modules of the command run, imported with
    the cyclic garbage collector paused.

    Importing typer, PyYAML and nq94 creates hundreds of thousands of objects, and the collector
    would scan them again and again while they are made, though none is garbage (about 35 ms
    of each run). They are made with it paused, then frozen (gc.freeze) so that later
    collections, and worker processes forked from this one, leave them alone.

    Ctrl-C exits 130, SIGTERM 143 and SIGHUP 129 (128 and the signal's number, as shells have
    it), without a traceback, having unwound (a site half built is removed); so does a reader
    that stops reading (``| head -1``), with exit 1 as click has it. Output is written in an
    encoding that holds Vietnamese (see _streams).
    """
    import gc
    import signal
    import sys

    for name in ("stdout", "stderr"):  # closed by the caller (>&-): what is written goes nowhere
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    _streams(sys.stdout, sys.stderr)
    from nq94.render.terminal import MAX_WIDTH

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > MAX_WIDTH:  # Rich pads help and tables to it
        os.environ["COLUMNS"] = str(MAX_WIDTH)
    stopping = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):  # a terminal closed, a dropped ssh session; not on Windows
        stopping.append(signal.SIGHUP)
    previous = {signum: signal.signal(signum, _stop) for signum in stopping}
    try:
        try:
            gc.disable()
            try:
                from nq94.cli import load
                from nq94.cli import main as run

                load(sys.argv)  # the modules of the command being run
            finally:
                gc.freeze()
                gc.enable()
            run()
        except SystemExit:
            _stopping.append(0)  # from here on, a signal ends the process at once (_stop)
            sys.stdout.flush()  # now, while a reader that has gone can still be handled
            raise
    except _Stopped as e:
        code = 128 + e.signum
    except BrokenPipeError:
        # Python's recipe (the notes on SIGPIPE in the signal module's documentation): what is
        # left to write goes nowhere, so that the flush at exit does not fail again.
        _silence(sys.stdout)
        code = 1
    except OSError as e:  # the output itself failed (> /dev/full): every file is handled
        from nq94.errors import WriteError
        from nq94.i18n import t

        _silence(sys.stdout)
        output = str(e.filename) if e.filename else t("err.stdout")
        sys.stderr.write(f"{WriteError.of(output, e)}\n")
        code = 2
    else:  # only where the command line is run in-process (tests): it exits otherwise
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        return
    raise SystemExit(code)


def _silence(stream: Any) -> None:
    """Send what is left to write to ``stream`` nowhere, so that the flush at exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())


class _Stopped(BaseException):
    """Ctrl-C or SIGTERM: the run unwinds (ending its workers) and exits 128 + signum.

    A BaseException, as KeyboardInterrupt is, that ``except Exception`` never swallows; not a
    KeyboardInterrupt, which click would turn into "Aborted!" and exit 1.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_stopping: list[int] = []
"""Not empty once a first signal is being handled, or the run is over."""


def _stop(signum: int, frame: object) -> None:
    """The handler of SIGINT, SIGTERM and SIGHUP: unwind the run; and if a signal comes again
    while it unwinds, or after the run, end the process at once, as quietly."""
    del frame
    if _stopping:
        os._exit(128 + signum)
    _stopping.append(signum)
    raise _Stopped(signum)


def _streams(*streams: object) -> None:
    """Output that holds Vietnamese whatever the encoding Python chose for it: UTF-8 to a file
    or a pipe (PYTHONIOENCODING, or a Windows code page such as cp1252, cannot write it), and
    on a terminal that cannot show a character, ``?`` in its place rather than a crash."""
    import codecs
    import io

    for stream in streams:
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None (no console), or replaced by whoever runs us
        if codecs.lookup(stream.encoding).name == "utf-8":
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8", errors=stream.errors)


def check(report: Report | Mapping[str, Any], *, file: str = "") -> dict[str, Any]:
    """The evaluation of a report, as the JSON contract's report object (see nq94.api.check)."""
    from nq94 import api

    return api.check(report, file=file)


def report_model(targets: str | None = None) -> type[Report]:
    """The model of a report on the targets file at ``targets`` (None: the built-in one), its
    messages in the reader's language (see nq94.api.report_model)."""
    from nq94 import api

    return api.report_model(targets)


def __getattr__(name: str) -> Any:
    """``nq94.Report``: the model of a report on the built-in targets, built on first use."""
    if name == "Report":
        return report_model()
    if name in ("TargetsFile", "Target", "Entry", "GrowthEntry", "ValueEntry"):
        from nq94 import model

        return getattr(model, name)
    raise AttributeError(f"module 'nq94' has no attribute {name!r}")
