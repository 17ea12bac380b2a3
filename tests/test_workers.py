"""Many files on every core: the same output, in the same order, as one file at a time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nq94 import workers

from .conftest import CLI_TYPE as CLI
from .conftest import SAMPLES

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


def test_fail_on_counts_reports_from_workers(cli: CLI, tmp_path: Path) -> None:
    """Exit 1 when reports done in workers have missed targets; 0 without --fail-on."""
    for index in range(MANY):
        shutil.copy(SAMPLES / "2024-official.yaml", tmp_path / f"r{index:03d}.yaml")
    assert cli("check", "--format", "json", "--fail-on", "missed", str(tmp_path)).exit_code == 1
    assert cli("check", "--format", "json", str(tmp_path)).exit_code == 0
