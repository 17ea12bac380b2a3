"""Many files on every core: worker processes each do one file's whole job, in input order.

Each worker has a pipe of its own for names and one for results, and no lock is shared: a
worker that dies, even halfway through writing a result, can hold up nobody, and its end is
seen at once (its pipe ends, its sentinel is ready). The pools of the standard library share
one result queue under a lock, and wait forever for a worker killed while holding it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from nq94.errors import Nq94Error

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

T = TypeVar("T")

WORKERS_FROM = 64
"""Fewer files than this are done in this process: starting workers would cost more."""

AHEAD = 2
"""Chunks sent to a worker before it has returned the first: it never waits for the next."""

PR_SET_PDEATHSIG = 1
"""prctl(2): ask Linux for a signal when the parent ends."""

_job: Callable[[str], object] | None = None
"""The job of the current pool; forked workers inherit it, so nothing but names is pickled."""

_processes: list[BaseProcess] = []
"""The workers of the run under way, for stop()."""


class WorkerLost(Nq94Error):
    """A worker process ended before its files were done (killed, or by the system for want of
    memory): the run cannot be complete, and stops."""


class RemoteTraceback(Exception):
    """Where in a worker an error was raised: the cause of the error raised again here."""

    def __str__(self) -> str:
        return f"\n{self.args[0]}" if self.args and self.args[0] else ""


def each(job: Callable[[str], T], names: Sequence[str], *, parallel: bool = True) -> Iterator[T]:
    """``job(name)`` for every name, in order; in forked worker processes when it pays.

    Workers are used for ``parallel`` jobs over at least WORKERS_FROM names, on a machine with
    more than one core that can fork. Names go out in chunks, a few ahead of the results being
    consumed, so that workers never wait and results waiting to be written never pile up beyond
    two windows (a window is four chunks a worker), however many files there are.

    A worker that dies raises WorkerLost here; an error in ``job`` reaches the caller as itself.
    Workers leave Ctrl-C and SIGTERM to this process, and never outlive it.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if not parallel or len(names) < WORKERS_FROM or (cores or 1) < 2 or not _can_fork():
        yield from map(job, names)
        return
    from multiprocessing.connection import wait

    global _job
    workers = min(cores or 1, 8)
    size = max(1, min(64, len(names) // (workers * 4)))
    chunks = [names[start : start + size] for start in range(0, len(names), size)]
    limit = 2 * workers * 4
    _job = job
    try:
        pool = _start(workers)
    except OSError:  # the system will not fork now (too many processes): one is enough
        _job = None
        yield from map(job, names)
        return
    finished = False
    try:
        waiting: dict[int, list[int]] = {index: [] for index in range(len(pool))}
        done: dict[int, list[Any]] = {}
        sent = consumed = 0
        while consumed < len(chunks):
            if consumed in done:
                yield from done.pop(consumed)
                consumed += 1
                continue
            last = min(len(chunks), consumed + limit)
            for index, (_, tasks, _) in enumerate(pool):
                while len(waiting[index]) < AHEAD and sent < last:
                    _send(tasks, (sent, chunks[sent]))
                    waiting[index].append(sent)
                    sent += 1
            busy = {results: index for index, (_, _, results) in enumerate(pool) if waiting[index]}
            ready = wait([*busy, *(process.sentinel for process, _, _ in pool)])
            for results in (conn for conn in busy if conn in ready):
                chunk, ok, value = _receive(results)
                if not ok:
                    error, where = value
                    raise error from RemoteTraceback(where)
                waiting[busy[results]].remove(chunk)
                done[chunk] = value
            if any(isinstance(item, int) for item in ready):
                raise WorkerLost("a worker ended")  # the sentinel of a worker that is gone
        finished = True
    finally:
        _job = None
        _end(pool, finished=finished)


def stop() -> None:
    """End the workers of a run under way at once, if there is one (the run is abandoned)."""
    for process in _processes:
        process.kill()


def _start(workers: int) -> list[tuple[BaseProcess, Connection, Connection]]:
    """Fork the workers, each with a pipe for names and one for results.

    Ctrl-C and SIGTERM are held meanwhile, so that no worker runs this process's handlers before
    it has set its own.
    """
    import multiprocessing
    import signal

    if sys.platform == "linux":
        import ctypes  # noqa: F401  # once here rather than in every worker (_started)

    context = multiprocessing.get_context("fork")
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    pool: list[tuple[BaseProcess, Connection, Connection]] = []
    try:
        for _ in range(workers):
            names_out, names_in = context.Pipe(duplex=False)
            results_out, results_in = context.Pipe(duplex=False)
            theirs = [conn for _, tasks, results in pool for conn in (tasks, results)]
            process = context.Process(
                target=_serve,
                args=(names_out, results_in, os.getpid(), theirs),
                daemon=True,  # ended by multiprocessing at exit, should anything be left
            )
            process.start()
            _processes.append(process)
            pool.append((process, names_in, results_out))
            # This process keeps only its own ends: when the worker ends, so do its pipes.
            names_out.close()
            results_in.close()
    except BaseException:
        _end(pool, finished=False)
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pool


def _end(pool: list[tuple[BaseProcess, Connection, Connection]], *, finished: bool) -> None:
    """Stop the workers: when the run is done, by saying so; otherwise (interrupted, failed,
    abandoned: the work under way is not wanted) by killing them."""
    for process, tasks, _ in pool:
        if finished:
            try:
                tasks.send(None)
            except OSError:
                process.kill()
        else:
            process.kill()
    for process, tasks, results in pool:
        process.join(None if not finished else 10)
        if process.is_alive():  # told to end, it did not: no reason to wait for it
            process.kill()
            process.join()
        tasks.close()
        results.close()
        if process in _processes:
            _processes.remove(process)


def _send(tasks: Connection, message: object) -> None:
    try:
        tasks.send(message)
    except OSError as e:  # its pipe is closed: the worker is gone
        raise WorkerLost("a worker ended") from e


def _receive(results: Connection) -> tuple[int, bool, Any]:
    try:
        message: tuple[int, bool, Any] = results.recv()
    except (EOFError, OSError) as e:  # the worker ended, perhaps halfway through a result
        raise WorkerLost("a worker ended") from e
    return message


def _serve(names: Connection, results: Connection, parent: int, theirs: list[Connection]) -> None:
    """A worker: the chunks of names it is sent, each answered with the chunk's results in
    order, or with the first error met; until it is sent None."""
    from traceback import format_exc

    _started(parent)
    for conn in theirs:  # the ends of earlier workers' pipes, which are the parent's to hold
        conn.close()
    assert _job is not None  # set before the pool forks
    while True:
        try:
            message = names.recv()
        except EOFError:
            return
        if message is None:
            return
        chunk, chunk_names = message
        try:
            reply: tuple[int, bool, object] = (chunk, True, [_job(name) for name in chunk_names])
        except Exception as e:  # the caller's to raise, as when the job is done in one process
            reply = (chunk, False, (e, "" if isinstance(e, MemoryError) else format_exc()))
        try:
            results.send(reply)
        except Exception as e:  # a value or an error that cannot be pickled, or no memory to
            error = e if isinstance(e, MemoryError) else RuntimeError(f"{type(e).__name__}: {e}")
            try:
                results.send((chunk, False, (error, "")))
            except BaseException:  # nothing can be said: the parent sees a worker end
                os._exit(1)


def _started(parent: int) -> None:
    """A worker's first act: Ctrl-C is the parent's to handle (a Ctrl-C reaches every process
    of the terminal's group), SIGTERM ends it quietly, and it ends when the parent ends."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        import threading

        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent ended before the worker could ask to end with it
        os._exit(1)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _watch(parent: int) -> None:
    """Where the system cannot signal a parent's end: end when the parent is gone."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
