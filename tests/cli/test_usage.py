"""Help and usage errors in the reader's language, through the real console script: typer says
its own words ("Usage:", "Missing option", "<bool>") in English only."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import CLI_TYPE as CLI
from tests.conftest import Script

TYPER_WORDS = re.compile(
    r"Usage|Options|Arguments|Commands|Show this message|Missing|Invalid value|No such option|"
    r"Try |for help|Error|required|default|env var|<bool>|list\[str\]|\bTEXT\b|\bPATH\b|"
    r"\bFILE\b|INTEGER|OPTIONS|COMMAND|ARGS|Got unexpected|extra argument|is not one of|"
    r"\bstr\b|\bOUTPUT\b"
)
"""Every English word typer or click would show on these screens."""


def no_language(**env: str) -> dict[str, str | None]:
    """An environment that asks for no language (no LC_*, no NQ94_*, LANG=C.UTF-8), then ``env``."""
    unset: dict[str, str | None] = {
        name: None for name in os.environ if name.startswith(("LC_", "NQ94_"))
    }
    return unset | {"NQ94_LANG": None, "LANG": "C.UTF-8", "COLUMNS": "100", **env}


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
def test_help_and_usage_errors_say_nothing_in_english(script: Script, args: list[str]) -> None:
    run = script(*args, env=no_language())
    said = run.stdout + run.stderr
    assert said.strip(), run
    assert "Traceback" not in said
    assert not TYPER_WORDS.findall(said), said
    if "--help" not in args:
        assert run.exit_code == 2, run
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
def test_usage_errors_are_one_line(script: Script, args: list[str], line: str) -> None:
    run = script(*args, env=no_language())
    assert run.exit_code == 2, run
    assert run.stderr == line + "\n"


@pytest.mark.parametrize("value", ["vi_VN", "VI", "vi-VN", "vi_VN.UTF-8", "vn"])
def test_nq94_lang_takes_locale_names(script: Script, value: str) -> None:
    run = script("check", "samples/2024-9m.yaml", env=no_language(NQ94_LANG=value))
    assert run.exit_code == 0, run
    assert "Chưa có số liệu" in run.stdout


def test_lang_before_the_command(script: Script) -> None:
    run = script("--lang", "vi", "check", "samples/2024-9m.yaml", env=no_language())
    assert run.exit_code == 0, run
    assert "Chưa có số liệu" in run.stdout


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "vi", "check", "--help"], {}),
        (["--help"], {"NQ94_LANG": "vi"}),
        (["check", "--help"], {"NQ94_LANG": "vi"}),
        (["check", "--help"], {"LANG": "vi_VN.UTF-8"}),
        (["nosuch"], {"NQ94_LANG": "vi"}),
        (["check", "--help", "--lang", "vi"], {"NQ94_LANG": "en"}),
        (["check", "--lang", "vi"], {"NQ94_LANG": "en"}),
        (["--lang", "vi", "check", "--bogus"], {"NQ94_LANG": "en"}),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_help_and_usage_errors_follow_the_language_asked_for(
    script: Script, args: list[str], env: dict[str, str]
) -> None:
    """--lang before or after the command, NQ94_LANG or the locale: help and usage errors are
    wholly in it, a --lang given beating NQ94_LANG, as for everything else."""
    run = script(*args, env=no_language(**env))
    said = run.stdout + run.stderr
    assert not TYPER_WORDS.findall(said), said
    assert re.search(r"Cách dùng|xem: nq94", said), said


def test_an_explicit_lang_beats_nq94_lang_before_the_command_too(script: Script) -> None:
    """NQ94_LANG=en nq94 --lang vi check: Vietnamese, as --lang after the command gives."""
    for args in (["--lang", "vi", "check"], ["check", "--lang", "vi"]):
        run = script(*args, "samples/2024-9m.yaml", env=no_language(NQ94_LANG="en"))
        assert "Chưa có số liệu" in run.stdout, run


def test_the_last_lang_given_wins(script: Script) -> None:
    """--lang before the command and again after it: the one after."""
    run = script("--lang", "vi", "check", "--lang", "en", "samples/2024-9m.yaml", env=no_language())
    assert "15 no data" in run.stdout, run


def test_english_help_is_typers_layout_in_english(script: Script) -> None:
    """Without any language asked for, help is English, with typer's headings."""
    run = script("check", "--help", env=no_language())
    assert "Usage: nq94 check [OPTIONS] PATH..." in run.stdout
    assert "─ Options ─" in run.stdout
    assert "Validate each report" in run.stdout


def test_importing_the_command_line_speaksno_language() -> None:
    """Importing nq94.cli, with every sign of Vietnamese about, leaves the language alone: it is
    chosen when the app runs."""
    code = (
        "from nq94 import i18n\n"
        "before = i18n.current()\n"
        "import nq94.cli\n"
        "assert i18n.current() is before, i18n.current()\n"
    )
    environ = {**os.environ, "NQ94_LANG": "vi", "LANG": "vi_VN.UTF-8"}
    run = subprocess.run(  # an import probe: what importing nq94.cli does, not a run of nq94
        [sys.executable, "-c", code, "--lang", "vi"],
        capture_output=True,
        text=True,
        check=False,
        env=environ,
    )
    assert run.returncode == 0, run.stderr


def test_help_in_process_is_in_the_language_of_the_run(cli: CLI) -> None:
    """The app built once and run many times, as tests do: each run's help in its language."""
    assert "Cách dùng: nq94 check" in cli("check", "--lang", "vi", "--help").stdout
    assert "Usage: nq94 check" in cli("check", "--help").stdout
    assert "Cách dùng: nq94 [TÙY CHỌN]" in cli("--lang", "vi", "--help").stdout
