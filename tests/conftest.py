"""Shared fixtures: the built-in targets, reports from text, and the CLI through its real app,
in-process or as the installed `nq94` command in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Protocol

import pytest
from typer.testing import CliRunner

from nq94.cli import app
from nq94.i18n import Lang, use
from nq94.model import Report, Target, TargetsFile
from nq94.read.loading import load_targets, report_from

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        default=False,
        help="save docs/screenshots/*.png from the built site (tests/site/test_site_browser.py)",
    )


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English, whatever the machine's locale; a test that wants
    Vietnamese asks for it as a user would (--lang vi, NQ94_LANG or LANG)."""
    monkeypatch.setenv("NQ94_LANG", "en")
    use(Lang.EN)


@pytest.fixture(scope="session")
def targets() -> TargetsFile:
    """The targets of Resolution 94 as shipped in the package."""
    return load_targets()


@pytest.fixture
def report(targets: TargetsFile) -> Callable[[str], Report]:
    """Build a validated report from YAML text (dedented)."""

    def build(text: str) -> Report:
        return report_from("test.yaml", textwrap.dedent(text), targets)

    return build


@dataclass
class Run:
    """The outcome of one CLI run."""

    exit_code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:  # shown by pytest when an assertion on a Run fails
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run `nq94 ARGS...` in-process, as the console script would, capturing both streams."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")

    def run(*args: str) -> Run:
        result = CliRunner().invoke(app, list(args))
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


class Script(Protocol):
    """The type of the `script` fixture, for annotations."""

    def __call__(
        self,
        *args: str | os.PathLike[str],
        stdin: bytes | str | None = None,
        stdout: int | IO[Any] | None = None,
        env: Mapping[str, str | None] | None = None,
        cwd: str | os.PathLike[str] = ROOT,
        prefix: Sequence[str | os.PathLike[str]] = (),
        timeout: float = 120,
    ) -> Run: ...


@pytest.fixture(scope="session")
def script() -> Script:
    """Run the installed `nq94` console script, beside this Python, in a process of its own.

    The environment is this one's with NQ94_LANG=en and NO_COLOR=1, then ``env`` (a None value
    removes the variable); ``stdin`` is piped to it (nothing to read without it); ``stdout``, a
    file or descriptor, takes the output in place of a pipe (``Run.stdout`` is then empty);
    ``prefix`` runs the command through another one (setpriv, or ``sh -c 'exec "$@" <&-' sh``
    to close a stream); a run longer than ``timeout`` seconds is killed and raises
    TimeoutExpired, so that the test fails. Both streams are decoded as UTF-8, strictly."""
    command = Path(sys.executable).with_name("nq94")

    def run(
        *args: str | os.PathLike[str],
        stdin: bytes | str | None = None,
        stdout: int | IO[Any] | None = None,
        env: Mapping[str, str | None] | None = None,
        cwd: str | os.PathLike[str] = ROOT,
        prefix: Sequence[str | os.PathLike[str]] = (),
        timeout: float = 120,
    ) -> Run:
        environ = {**os.environ, "NQ94_LANG": "en", "NO_COLOR": "1"}
        for name, value in (env or {}).items():
            if value is None:
                environ.pop(name, None)
            else:
                environ[name] = value
        done = subprocess.run(
            [*map(os.fspath, prefix), command, *map(os.fspath, args)],
            input=stdin.encode() if isinstance(stdin, str) else stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE if stdout is None else stdout,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=environ,
            timeout=timeout,
            check=False,
        )
        return Run(done.returncode, (done.stdout or b"").decode(), done.stderr.decode())

    return run


def make_target(**fields: Any) -> Target:
    """A synthetic target: '>= 10 %' unless fields say otherwise."""
    base: dict[str, Any] = {
        "id": "synthetic",
        "section": "economic",
        "clause": "I.2.1",
        "words": "Synthetic target: 10%",
        "name": {"vi": "Chỉ tiêu thử", "en": "Synthetic target"},
        "unit": {"vi": "%", "en": "%"},
        "measure": "percent",
        "kind": "rate",
        "operator": ">=",
        "threshold": Decimal(10),
        "plausible": [Decimal(-1000), Decimal(100000)],
    }
    base.update(fields)
    return Target.model_validate(base)


CLI_TYPE = Callable[..., Run]
"""The type of the `cli` fixture, for annotations."""
