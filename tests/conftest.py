"""Shared fixtures: the built-in targets, reports from text, and the CLI through its real app."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

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
