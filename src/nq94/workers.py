"""Many files on every core: worker processes each do one file's whole job, in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

WORKERS_FROM = 64
"""Fewer files than this are done in this process: starting workers would cost more."""

_job: Callable[[str], object] | None = None
"""The job of the current pool; forked workers inherit it, so nothing but names is pickled."""


def each(job: Callable[[str], T], names: Sequence[str], *, parallel: bool = True) -> Iterator[T]:
    """``job(name)`` for every name, in order; in forked worker processes when it pays.

    Workers are used for ``parallel`` jobs over at least WORKERS_FROM names, on a machine with
    more than one core that can fork. Names go out in windows, the next queued while the current
    one is consumed, so that workers never wait and results waiting to be written never pile up
    beyond two windows, however many files there are.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if not parallel or len(names) < WORKERS_FROM or (cores or 1) < 2 or not _can_fork():
        yield from map(job, names)
        return
    import multiprocessing

    global _job
    _job = job
    workers = min(cores or 1, 8)
    chunk = max(1, min(64, len(names) // (workers * 4)))
    window = chunk * workers * 4
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            current = pool.imap(_call, names[:window], chunksize=chunk)
            for start in range(window, len(names), window):
                following = pool.imap(_call, names[start : start + window], chunksize=chunk)
                yield from current
                current = following
            yield from current
    finally:
        _job = None


def _call(name: str) -> object:
    assert _job is not None  # set before the pool forks
    return _job(name)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
