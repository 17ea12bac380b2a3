"""nq94 benchmark: start-up, throughput and scale, each timed as whole processes.

    python bench/run.py [--runs N] [--update-readme]

Creates bench/.venv (nq94 installed from this checkout, plus check-jsonschema as the peer tool,
which is never a dependency of nq94), generates its inputs in a temporary folder, runs every
case N times interleaved (so that the machine's drift spreads evenly), and prints medians,
ratios to the import floor and to check-jsonschema, and peak memory, as a Markdown table.
Many files are checked both in worker processes, as nq94 does, and in one (NQ94_WORKERS=0), to
show what the workers save.
--update-readme writes that table into README.md between the bench markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / ".venv"
BIN = VENV / "bin"
SAMPLE = ROOT / "samples" / "2024-official.yaml"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SIZES = (2_000,)
"""Targets in the large targets file: far beyond any resolution (Resolution 94 has 30)."""
FLOOR = "import typer, rich.console, rich.table, yaml; from pydantic import BaseModel"
"""What any command line on the declared stack imports before it does anything."""
STACK = (
    f"{FLOOR}\n"
    "class One(BaseModel):\n    value: int\n"
    "One.model_validate({'value': 1})\n"
    "table = rich.table.Table('id')\ntable.add_row('1')\nrich.console.Console().print(table)"
)
"""The stack doing its least job: the imports, one one-field model validated, one one-row Rich
table printed; the honest floor of a command that prints a table."""


@dataclass
class Case:
    """One command to time."""

    name: str
    argv: list[str]
    runs: int
    env: dict[str, str] = field(default_factory=dict)
    """Set for this command only."""
    single: bool = True
    """One small file: compared with check-jsonschema."""
    times: list[float] = field(default_factory=list)
    peak_kb: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def ensure_venv() -> None:
    """bench/.venv with this checkout of nq94 (reinstalled every run) and check-jsonschema."""
    if not (BIN / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([BIN / "pip", "install", "-q", "check-jsonschema"], check=True)
    subprocess.run(
        [BIN / "pip", "install", "-q", "--force-reinstall", "--no-deps", str(ROOT)], check=True
    )
    subprocess.run([BIN / "pip", "install", "-q", str(ROOT)], check=True)


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KB) of one process."""
    env = {**os.environ, "NO_COLOR": "1", **env}
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{argv} exited {process.returncode}")
    return elapsed, usage.ru_maxrss


def inputs(folder: Path) -> dict[str, Path]:
    """Where generate() put each input."""
    paths = {"schema": folder / "schema.json", "reports": folder / "reports"}
    for size in SIZES:
        paths[f"targets-{size}"] = folder / f"targets-{size}.yaml"
        paths[f"report-{size}"] = folder / f"report-{size}.yaml"
    return paths


def generate(folder: Path) -> None:
    """The inputs: a schema, 2,000 reports, and a targets file of 2,000 targets with a report."""
    rng = random.Random(94)
    nq94 = str(BIN / "nq94")
    schema = folder / "schema.json"
    schema.write_bytes(subprocess.run([nq94, "schema"], capture_output=True, check=True).stdout)
    reports = folder / "reports"
    reports.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "samples").glob("*.yaml"))]
    for index in range(2000):
        text = texts[index % len(texts)]
        growth = f"{rng.uniform(4, 9):.2f}"
        text = text.replace("grdp_growth: 6.18", f"grdp_growth: {growth}")
        (reports / f"report-{index:04d}.yaml").write_text(text, encoding="utf-8")
    for size in SIZES:
        lines = [
            "resolution: {number: bench, title: {vi: bench, en: bench}, issuer: bench,",
            "  adopted: '2023-12-08', year: 2024}",
            "sections: {main: {vi: Chính, en: Main}}",
            "targets:",
        ]
        values = ['period: "2024-9M"', "basis: estimate", "values:"]
        for number in range(size):
            target = f"t{number:06d}"
            lines.append(
                f"  - {{id: {target}, section: main, clause: '1', words: 'Chỉ tiêu {number}: 50%',"
                " name: {vi: Chỉ tiêu, en: Target}, unit: {vi: '%', en: '%'}, measure: percent,"
                " kind: rate, operator: '>=', threshold: 50, plausible: [0, 100]}"
            )
            values.append(f"  {target}: {rng.uniform(0, 100):.1f}")
        (folder / f"targets-{size}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / f"report-{size}.yaml").write_text("\n".join(values) + "\n", encoding="utf-8")


def cases(paths: dict[str, Path], runs: int) -> list[Case]:
    nq94, python, sample = str(BIN / "nq94"), str(BIN / "python"), str(SAMPLE)
    reports = str(paths["reports"])
    few = max(3, runs // 5)
    some = sorted(str(path) for path in paths["reports"].glob("*.yaml"))[:500]
    # Many files in worker processes (nq94's way from 64 files), and in one process.
    pool = [
        Case(
            f"nq94 check --format json, {name}{', NQ94_WORKERS=0' if serial else ''}",
            [nq94, "check", "--format", "json", *files],
            few,
            env={"NQ94_WORKERS": "0"} if serial else {},
            single=False,
        )
        for name, files in (("500 files", some), ("2,000 files", [reports]))
        for serial in (True, False)
    ]
    scale = [
        Case(
            f"nq94 check --format json, {size:,} targets",
            [
                nq94,
                "check",
                "--format",
                "json",
                "--targets",
                str(paths[f"targets-{size}"]),
                str(paths[f"report-{size}"]),
            ],
            few,
            single=False,
        )
        for size in SIZES
    ]
    return [
        Case("python -c pass", [python, "-c", "pass"], runs),
        Case(f"import floor: {FLOOR}", [python, "-c", FLOOR], runs),
        Case(
            "stack floor: the imports, a model validated, a table printed",
            [python, "-c", STACK],
            runs,
        ),
        Case("nq94 check SAMPLE (table)", [nq94, "check", "--format", "table", sample], runs),
        Case("nq94 check --format json SAMPLE", [nq94, "check", "--format", "json", sample], runs),
        Case(
            "nq94 validate --format text SAMPLE",
            [nq94, "validate", "--format", "text", sample],
            runs,
        ),
        Case(
            "check-jsonschema --schemafile SCHEMA SAMPLE",
            [str(BIN / "check-jsonschema"), "--schemafile", str(paths["schema"]), sample],
            runs,
        ),
        Case("nq94 validate, 2,000 files", [nq94, "validate", reports], few, single=False),
        *pool,
        *scale,
    ]


def table(results: list[Case]) -> str:
    floor, stack = results[1].median, results[2].median
    peer = next(case for case in results if case.name.startswith("check-jsonschema")).median
    lines = [
        "| command | median | × import floor | × stack floor | × check-jsonschema | peak memory |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for case in results:
        versus = f"{case.median / peer:.2f}" if case.single else ""
        lines.append(
            f"| {case.name} | {case.median * 1000:,.0f} ms | {case.median / floor:.2f} "
            f"| {case.median / stack:.2f} | {versus} | {case.peak_kb / 1024:,.0f} MB |"
        )
    machine = (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; medians of {results[0].runs} runs "
        f"({results[-1].runs} for the large cases)"
    )
    command = f"python bench/run.py --runs {results[0].runs}"
    return "\n".join(lines) + f"\n\nMeasured on {machine} with `{command}`.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each small case")
    parser.add_argument("--update-readme", action="store_true")
    parser.add_argument("--generate", metavar="FOLDER", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.generate:
        generate(Path(options.generate))
        return
    ensure_venv()
    with tempfile.TemporaryDirectory() as folder:
        # Generated in another process: a child's peak memory counts its parent's at the fork,
        # so this process stays small.
        subprocess.run([sys.executable, __file__, "--generate", folder], check=True)
        todo = cases(inputs(Path(folder)), options.runs)
        for round_ in range(max(case.runs for case in todo)):
            for case in todo:
                if round_ < case.runs:
                    seconds, peak = run_once(case.argv, case.env)
                    case.times.append(seconds)
                    case.peak_kb = max(case.peak_kb, peak)
            print(f"round {round_ + 1} done", file=sys.stderr)
    text = table(todo)
    print(text)
    if options.update_readme:
        readme = README.read_text(encoding="utf-8")
        head, _, rest = readme.partition(START)
        _, _, tail = rest.partition(END)
        README.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
