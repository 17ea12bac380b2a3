"""Start-up benchmark: whole-process wall time of nq94 commands against the import floor.

Run with the interpreter nq94 is installed in:  python bench/startup.py [--runs N]
It prints the median of N runs (default 15) for each command and its ratio to the import floor,
the cost any tool built on typer, rich, pydantic and PyYAML pays.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "samples" / "2024-official.yaml")
PY = sys.executable

CASES: list[tuple[str, list[str]]] = [
    ("python -c pass", [PY, "-c", "pass"]),
    (
        "import floor (typer, rich.table, pydantic, yaml)",
        [PY, "-c", "import typer, rich.table, pydantic, yaml"],
    ),
    ("nq94 --version", [PY, "-m", "nq94", "--version"]),
    ("nq94 check SAMPLE (table)", [PY, "-m", "nq94", "check", SAMPLE]),
    ("nq94 check --format json SAMPLE", [PY, "-m", "nq94", "check", "--format", "json", SAMPLE]),
    ("nq94 targets", [PY, "-m", "nq94", "targets"]),
]


def median_seconds(argv: list[str], runs: int) -> float:
    """Median wall time of ``runs`` runs of ``argv`` (after one warm-up run)."""
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    results = [(name, median_seconds(argv, runs)) for name, argv in CASES]
    floor = results[1][1]
    print(f"{'command':<52} {'median ms':>10} {'× floor':>8}")
    for name, seconds in results:
        print(f"{name:<52} {seconds * 1000:>10.1f} {seconds / floor:>8.2f}")
    print(f"\n{runs} runs each; Python {sys.version.split()[0]} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
