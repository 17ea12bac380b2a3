"""The real `nq94` process under faults: a killed worker, Ctrl-C, SIGTERM, memory running out, a
reader that goes away, an output encoding that cannot hold Vietnamese. Each ends the run with a
known exit code, at most one line on stderr, no traceback, and no process left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, SAMPLES, Script

SAMPLE = str(SAMPLES / "2024-9m.yaml")
BROKEN = str(SAMPLES / "invalid" / "2024-broken.yaml")
FILES = 2000
WORKER_LOST = "nq94: a worker process stopped unexpectedly; nothing more was checked\n"
OUT_OF_MEMORY = "nq94: out of memory; nothing more was checked\n"

linux = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
multicore = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2, reason="workers are used only with two cores or more"
)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FILES copies of a sample: a run long enough to be interrupted, done by workers."""
    folder = tmp_path_factory.mktemp("many")
    for index in range(FILES):
        shutil.copy(SAMPLE, folder / f"r{index:04d}.yaml")
    return folder


def _command() -> list[str]:
    """The console script installed beside this Python, as a user runs it."""
    script = Path(sys.executable).with_name("nq94")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys, nq94; sys.exit(nq94.main())"]


def _start(*args: str, command: list[str] | None = None, **options: Any) -> subprocess.Popen[str]:
    """`nq94 ARGS...` in a process group of its own (as a terminal runs a command), stderr piped."""
    # a Popen, not the `script` fixture: these tests signal the run, or watch it, while it runs
    environ = {**os.environ, "NQ94_LANG": "en", "NO_COLOR": "1"}
    environ.pop("CI", None)
    options.setdefault("stdout", subprocess.DEVNULL)
    return subprocess.Popen(
        [*(command or _command()), *args],
        cwd=ROOT,
        env={**environ, **options.pop("env", {})},
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **options,
    )


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the name: state, ppid, pgrp, ...; None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text.rsplit(")", 1)[1].split()


def _live(pids: Iterator[int] | list[int]) -> list[int]:
    return [pid for pid in pids if (fields := _stat(pid)) is not None and fields[0] != "Z"]


def _processes() -> Iterator[int]:
    return (int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit())


def _children(pid: int) -> list[int]:
    return [child for child in _processes() if (fields := _stat(child)) and fields[1] == str(pid)]


def _group(pgid: int) -> list[int]:
    """Live processes of a process group: the run's own, and any worker left behind."""
    return _live(p for p in _processes() if (fields := _stat(p)) and fields[2] == str(pgid))


def _workers(run: subprocess.Popen[str], *, within: float = 10) -> list[int]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and run.poll() is None:
        if children := _live(_children(run.pid)):
            return children
        time.sleep(0.002)
    raise AssertionError(f"no worker started (exit {run.poll()})")


def _finish(run: subprocess.Popen[str], *, within: float = 10) -> tuple[int, str]:
    """The exit code and stderr of a run that must end within ``within`` seconds."""
    try:
        _, err = run.communicate(timeout=within)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        raise AssertionError(f"the run did not end within {within} s") from None
    return run.returncode, err


def _gone(pids: list[int], pgid: int) -> list[int]:
    """The processes still alive among ``pids`` and in the group after a moment to die; killed,
    so that a failing test leaves nothing behind."""
    deadline = time.monotonic() + 2
    while (left := sorted(set(_live(pids)) | set(_group(pgid)))) and time.monotonic() < deadline:
        time.sleep(0.02)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


@linux
@multicore
def test_a_killed_worker_ends_the_run_with_one_line_and_exit_2(many: Path, tmp_path: Path) -> None:
    """`kill -9` of a worker during a check over 2,000 files: the run ends within 10 s with exit
    2 and one line, and no worker is left."""
    with (tmp_path / "out.json").open("w") as out:
        run = _start("check", "-f", "json", str(many), stdout=out)
        workers = _workers(run)
        os.kill(workers[0], signal.SIGKILL)
        started = time.monotonic()
        code, err = _finish(run)
    assert (code, err) == (2, WORKER_LOST), err
    assert time.monotonic() - started < 10
    assert _gone(workers, run.pid) == []


@linux
@multicore
@pytest.mark.parametrize(
    ("signum", "group", "delay"),
    [
        (signal.SIGINT, True, 0),
        (signal.SIGINT, True, 0.1),
        (signal.SIGINT, True, 0.3),
        (signal.SIGINT, False, 0.1),
        (signal.SIGTERM, False, 0),
        (signal.SIGTERM, False, 0.2),
        (signal.SIGTERM, True, 0.1),
    ],
    ids=["ctrl-c", "ctrl-c-later", "ctrl-c-late", "int-parent", "term", "term-later", "term-group"],
)
def test_a_signal_ends_a_run_with_workers_quietly(
    many: Path, signum: int, group: bool, delay: float
) -> None:
    """Ctrl-C (SIGINT to the whole group, as a terminal sends it, or to the parent alone) exits
    130, SIGTERM exits 143: promptly, nothing on stderr, no worker left."""
    run = _start("check", "-f", "json", str(many))
    workers = _workers(run)
    time.sleep(delay)
    workers += _children(run.pid)
    (os.killpg if group else os.kill)(run.pid, signum)
    code, err = _finish(run)
    assert (code, err) == (128 + signum, ""), err
    assert _gone(workers, run.pid) == []


@linux
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_a_run_without_workers_quietly(many: Path, signum: int) -> None:
    """Ctrl-C or SIGTERM in the middle of a run done in one process (`validate`): 130 or 143,
    nothing on stderr."""
    run = _start("validate", "-f", "text", str(many), stdout=subprocess.PIPE)
    assert run.stdout is not None
    assert run.stdout.readline().endswith("valid: 2024-9M, official, 15 values\n")
    assert _children(run.pid) == []
    os.killpg(run.pid, signum)
    code, err = _finish(run)
    assert (code, err) == (128 + signum, ""), err


@linux
@multicore
def test_memory_running_out_in_a_worker_is_one_line_and_exit_2(many: Path) -> None:
    """A MemoryError in a worker ends the run with one line and exit 2, not a hang or a
    traceback."""
    patched = (
        "import sys, nq94, nq94.read.loading as loading\n"
        "read = loading.read_report\n"
        "def read_report(name, *args, **kwargs):\n"
        "    if name.endswith('r1500.yaml'):\n"
        "        raise MemoryError\n"
        "    return read(name, *args, **kwargs)\n"
        "loading.read_report = read_report\n"
        "sys.exit(nq94.main())\n"
    )
    run = _start("check", "-f", "json", str(many), command=[sys.executable, "-c", patched])
    code, err = _finish(run)
    assert (code, err) == (2, OUT_OF_MEMORY), err
    assert _gone([], run.pid) == []


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "cp1258"])
def test_redirected_output_is_utf8_whatever_the_encoding(
    script: Script, tmp_path: Path, encoding: str
) -> None:
    """PYTHONIOENCODING that cannot hold Vietnamese (as a Windows code page): the report and
    the problems still come out, in UTF-8."""
    env: dict[str, str | None] = {"PYTHONIOENCODING": encoding, "CI": None}
    with (tmp_path / "out.txt").open("w") as out:
        run = script("check", "--lang", "vi", SAMPLE, stdout=out, env=env, timeout=10)
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    text = (tmp_path / "out.txt").read_bytes().decode("utf-8")
    assert "6 có nguy cơ không đạt, 6 khó đạt, 15 chưa có số liệu" in text
    encoded = {"PYTHONIOENCODING": encoding}
    broken = script("check", "--lang", "vi", BROKEN, stdout=subprocess.DEVNULL, env=encoded)
    assert broken.exit_code == 2
    lines = broken.stderr.splitlines()  # the fixture decodes it as UTF-8, strictly
    assert lines[-1].endswith("giá trị '120' nằm ngoài khoảng hợp lý từ 0 đến 100 %"), lines
    assert "Traceback" not in broken.stderr


@pytest.mark.parametrize(
    "args",
    [("check", SAMPLE), ("check", "--lang", "vi", SAMPLE), ("targets",), ("template",)],
    ids=["check", "check-vi", "targets", "template"],
)
def test_a_reader_that_has_gone_ends_the_run_quietly(script: Script, args: tuple[str, ...]) -> None:
    """`nq94 … | head -1`, at its worst (the reader gone before the first byte): exit 1, as
    click has it, and nothing on stderr."""
    read, write = os.pipe()
    os.close(read)
    try:
        run = script(*args, stdout=write, env={"CI": None}, timeout=10)
    finally:
        os.close(write)
    assert (run.exit_code, run.stderr) == (1, "")


@linux
@multicore
def test_a_reader_that_has_gone_leaves_no_worker(many: Path) -> None:
    """The same, while workers are checking 2,000 files."""
    read, write = os.pipe()
    try:
        run = _start("check", "-f", "json", str(many), stdout=write)
    finally:
        os.close(write)
    workers = _workers(run)
    os.close(read)
    assert _finish(run) == (1, "")
    assert _gone(workers, run.pid) == []
