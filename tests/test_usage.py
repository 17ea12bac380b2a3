"""Help and usage errors in the reader's language, through the real console script: typer says
its own words ("Usage:", "Missing option", "<bool>") in English only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

TYPER_WORDS = re.compile(
    r"Usage|Options|Arguments|Commands|Show this message|Missing|Invalid value|No such option|"
    r"Try |for help|Error|required|default|env var|<bool>|list\[str\]|\bTEXT\b|\bPATH\b|"
    r"\bFILE\b|INTEGER|OPTIONS|COMMAND|ARGS|Got unexpected|extra argument|is not one of"
)
"""Every English word typer or click would show on these screens."""


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "NQ94_"))}
    environ |= {"LANG": "C.UTF-8", "COLUMNS": "100", "NO_COLOR": "1", **env}
    return subprocess.run(
        [str(Path(sys.executable).with_name("nq94")), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "vi", "--help"],
        ["check", "--lang", "vi", "--help"],
        ["diff", "--lang", "vi", "--help"],
        ["export", "--lang", "vi", "--help"],
        ["check", "--lang", "vi"],
        ["export", "--lang", "vi", "samples/2024-9m.yaml"],
        ["check", "--lang", "vi", "--format", "bogus", "samples/2024-9m.yaml"],
        ["check", "--lang", "vi", "--bogus", "samples/2024-9m.yaml"],
        ["check", "--lang", "vi", "--max-bytes", "abc", "samples/2024-9m.yaml"],
        ["diff", "--lang", "vi", "a.yaml", "b.yaml", "c.yaml"],
    ],
    ids=" ".join,
)
def test_help_and_usage_errors_say_nothing_in_english(args: list[str]) -> None:
    run = _run(*args)
    said = run.stdout + run.stderr
    assert said.strip(), run
    assert "Traceback" not in said
    assert not TYPER_WORDS.findall(said), said
    if "--help" not in args:
        assert run.returncode == 2, run
        assert len(run.stderr.splitlines()) == 1, run  # one line, not a box


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["export", "samples/2024-9m.yaml"], "nq94 export: missing option '--output' / '-o' "
         "(see: nq94 export --help)"),
        (["check"], "nq94 check: missing argument PATH... (see: nq94 check --help)"),
        (["check", "-f", "bogus", "x.yaml"], "nq94 check: '--format' / '-f': 'bogus' is not one "
         "of auto, table, text, json, csv, markdown, github, junit (see: nq94 check --help)"),
        (["check", "--lang", "fr", "x.yaml"], "nq94 check: '--lang': 'fr' is not one of vi, en "
         "(see: nq94 check --help)"),
        (["check", "--fomat", "json", "x.yaml"], "nq94 check: no such option: --fomat; did you "
         "mean '--format'? (see: nq94 check --help)"),
        (["chek", "x.yaml"], "nq94: no such command: chek; did you mean 'check'? (see: nq94 "
         "--help)"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line(args: list[str], line: str) -> None:
    run = _run(*args)
    assert run.returncode == 2, run
    assert run.stderr == line + "\n"


@pytest.mark.parametrize("value", ["vi_VN", "VI", "vi-VN", "vi_VN.UTF-8", "vn"])
def test_nq94_lang_takes_locale_names(value: str) -> None:
    run = _run("check", "samples/2024-9m.yaml", NQ94_LANG=value)
    assert run.returncode == 0, run
    assert "Chưa có số liệu" in run.stdout


def test_lang_before_the_command() -> None:
    run = _run("--lang", "vi", "check", "samples/2024-9m.yaml")
    assert run.returncode == 0, run
    assert "Chưa có số liệu" in run.stdout
