"""Where the start-up of `nq94 check` (the table) goes beyond the stack floor, part by part.

    python bench/parts.py [--runs N]

Runs in bench/.venv, which it makes or updates as bench/run.py does. Each run is a fresh process
that first does the stack floor's work (the imports, a one-field model validated), then times each
further part of a table check of the official sample in turn, with the collector paused for the
imports and frozen after them, as the `nq94` command does. Prints the medians as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess

from run import BIN, ROOT, SAMPLE, ensure_venv

PARTS = f"""
import gc, io, json, time
gc.disable()
import typer, rich.console, rich.table, yaml
from pydantic import BaseModel
class One(BaseModel):
    value: int
One.model_validate({{"value": 1}})
times = {{}}
def timed(name, start):
    times[name] = time.perf_counter() - start
start = time.perf_counter()
import nq94.model
timed("pydantic defining nq94's models (import nq94.model)", start)
start = time.perf_counter()
import nq94.cli.checking, nq94.checker, nq94.evaluate, nq94.read.loading, nq94.render.table
timed("nq94's other modules of a check", start)
gc.freeze()
gc.enable()
from nq94.evaluate import evaluated
from nq94.model import report_model
from nq94.read.loading import builtin_targets, read_report
from nq94.render import table
start = time.perf_counter()
targets = builtin_targets()
timed("the built-in targets read", start)
start = time.perf_counter()
report_model(targets, described=False)
timed("the report model of the 30 targets built", start)
start = time.perf_counter()
evaluation = evaluated(targets, read_report({str(SAMPLE)!r}, targets))
timed("the sample read and evaluated", start)
start = time.perf_counter()
table.draw_report(evaluation, io.StringIO(), color=False)
timed("the table of 30 targets laid out and drawn by Rich", start)
print(json.dumps(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    runs = parser.parse_args().runs
    ensure_venv()
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [BIN / "python", "-c", PARTS], capture_output=True, text=True, check=True, cwd=ROOT
        )
        for name, seconds in json.loads(done.stdout).items():
            samples.setdefault(name, []).append(seconds)
    print("| part | median |\n|---|--:|")
    for name, times in samples.items():
        print(f"| {name} | {statistics.median(times) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
