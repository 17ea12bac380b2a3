"""Many files on every core: the same output, in the same order, as one file at a time; a worker
that dies is reported at once, and no worker outlives the run or its parent."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from nq94 import workers

from .conftest import CLI_TYPE as CLI
from .conftest import ROOT, SAMPLES

MANY = workers.WORKERS_FROM + 6
multicore = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2, reason="workers are used only with two cores or more"
)


def test_each_keeps_the_order_across_windows() -> None:
    names = [f"r{index:04d}" for index in range(700)]
    assert list(workers.each(str.upper, names)) == [name.upper() for name in names]


@multicore
def test_each_runs_many_names_in_other_processes() -> None:
    pids = set(workers.each(_pid, [str(index) for index in range(MANY)]))
    assert pids - {os.getpid()}


def test_each_runs_few_names_or_serial_jobs_here() -> None:
    few = [str(index) for index in range(workers.WORKERS_FROM - 1)]
    assert set(workers.each(_pid, few)) == {os.getpid()}
    many = [str(index) for index in range(MANY)]
    assert set(workers.each(_pid, many, parallel=False)) == {os.getpid()}


def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="r0042"):
        list(workers.each(_fail_on_42, [f"r{index:04d}" for index in range(MANY)]))


def _pid(name: str) -> int:
    del name
    return os.getpid()


def _fail_on_42(name: str) -> str:
    if name == "r0042":
        raise ValueError(name)
    return name


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """MANY reports, the samples over and over, with two broken ones among them."""
    samples = sorted(SAMPLES.glob("*.yaml"))
    for index in range(MANY):
        shutil.copy(samples[index % len(samples)], tmp_path / f"r{index:03d}.yaml")
    for index in (7, 50):
        shutil.copy(SAMPLES / "invalid" / "2024-broken.yaml", tmp_path / f"r{index:03d}.yaml")
    return tmp_path


@multicore
@pytest.mark.parametrize("fmt", ["json", "text", "csv"])
def test_many_files_give_what_one_at_a_time_gives(cli: CLI, folder: Path, fmt: str) -> None:
    """A folder checked with workers and the same files in small batches agree line for line."""
    files = sorted(str(path) for path in folder.glob("*.yaml"))
    whole = cli("check", "--format", fmt, "--fail-on", "missed", str(folder))
    assert whole.exit_code == 2, whole
    pieces = [
        cli("check", "--format", fmt, *files[start : start + 30])
        for start in range(0, len(files), 30)
    ]
    assert whole.stderr == "".join(piece.stderr for piece in pieces)
    assert whole.stderr.count(str(folder / "r050.yaml")) == 4
    if fmt == "json":
        import json

        reports = [json.loads(whole.stdout)["reports"]]
        assert reports[0] == [r for p in pieces for r in json.loads(p.stdout)["reports"]]
        problems = json.loads(whole.stdout)["problems"]
        assert len(problems) == 8
    else:
        header = 1 if fmt == "csv" else 0
        lines = [line for p in pieces for line in p.stdout.splitlines()[header:]]
        assert whole.stdout.splitlines()[header:] == lines


@multicore
def test_nq94_workers_0_does_every_file_here_with_the_same_output(
    cli: CLI, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NQ94_WORKERS=0 starts no worker, and checks a folder as the workers do."""
    pooled = cli("check", "--format", "json", str(folder))

    def start(count: int) -> None:
        raise AssertionError(f"{count} workers started")

    monkeypatch.setenv("NQ94_WORKERS", "0")
    monkeypatch.setattr(workers, "_start", start)
    serial = cli("check", "--format", "json", str(folder))
    assert (serial.exit_code, serial.stdout, serial.stderr) == (
        pooled.exit_code,
        pooled.stdout,
        pooled.stderr,
    )


def test_fail_on_counts_reports_from_workers(cli: CLI, tmp_path: Path) -> None:
    """Exit 1 when reports done in workers have missed targets; 0 without --fail-on."""
    for index in range(MANY):
        shutil.copy(SAMPLES / "2024-official.yaml", tmp_path / f"r{index:03d}.yaml")
    assert cli("check", "--format", "json", "--fail-on", "missed", str(tmp_path)).exit_code == 1
    assert cli("check", "--format", "json", str(tmp_path)).exit_code == 0


@contextmanager
def _within(seconds: float) -> Iterator[None]:
    """Fail with TimeoutError, rather than hang, when the block takes longer than ``seconds``."""

    def late(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, late)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _die_on_42(name: str) -> str:
    if name == "r0042":
        os.kill(os.getpid(), signal.SIGKILL)
    return name


def _no_memory_on_42(name: str) -> str:
    if name == "r0042":
        raise MemoryError
    return name


def _handlers(name: str) -> tuple[object, object]:
    del name
    return signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)


@multicore
def test_a_worker_that_dies_is_reported_at_once() -> None:
    """A worker killed in the middle of a run raises WorkerLost, promptly, not a hang."""
    with _within(10), pytest.raises(workers.WorkerLost):
        list(workers.each(_die_on_42, [f"r{index:04d}" for index in range(700)]))


@multicore
def test_memory_running_out_in_a_worker_reaches_the_caller() -> None:
    """A MemoryError in a worker is raised to the caller as itself, as in one process."""
    with _within(10), pytest.raises(MemoryError):
        list(workers.each(_no_memory_on_42, [f"r{index:04d}" for index in range(MANY)]))


@multicore
def test_workers_leave_ctrl_c_and_sigterm_to_the_parent() -> None:
    """Workers ignore SIGINT (a terminal's Ctrl-C reaches the whole group; the parent handles
    it) and die quietly of SIGTERM."""
    handlers = set(workers.each(_handlers, [str(index) for index in range(MANY)]))
    assert handlers == {(signal.SIG_IGN, signal.SIG_DFL)}


@multicore
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_no_worker_is_left_when_the_caller_stops_early() -> None:
    """A run abandoned after a few results (an error in the caller, a reader gone) ends its
    workers."""
    results = workers.each(_pid, [str(index) for index in range(700)])
    assert isinstance(results, Generator)
    pids = {next(results) for _ in range(10)} - {os.getpid()}
    assert pids
    with _within(10):
        results.close()
    assert [pid for pid in pids if _alive(pid)] == []


SLOW_RUN = """
import os, sys, time
from nq94 import workers

def slow(name):
    if int(name) >= 500:  # the first half shows the workers; the rest keeps them busy
        time.sleep(60)
    return os.getpid()

for pid in workers.each(slow, [str(index) for index in range(1000)]):
    print(pid, flush=True)
"""


@multicore
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_their_parent() -> None:
    """Workers of a parent killed with SIGKILL (no cleanup runs) end at once, not when their
    work is done."""
    with subprocess.Popen(  # a Python of its own running workers, to be killed while they work
        [sys.executable, "-c", SLOW_RUN], stdout=subprocess.PIPE, text=True, cwd=ROOT
    ) as parent:
        assert parent.stdout is not None
        pids: set[int] = set()
        while len(pids) < 2:
            pids.add(int(parent.stdout.readline()))
        parent.kill()
    deadline = time.monotonic() + 2
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    left = [pid for pid in pids if _alive(pid)]
    for pid in left:  # not to leave them to sleep on should the test fail
        os.kill(pid, signal.SIGKILL)
    assert left == []
