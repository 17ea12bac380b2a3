"""Tables for people, drawn by Rich: they fit the terminal in either language, ids and numbers
are never broken, colour only where asked, and file names cannot take over the terminal."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from nq94.cli import app
from nq94.cli.common import color as _color
from nq94.evaluate import Evaluation, evaluated
from nq94.i18n import Lang, use
from nq94.model import TargetsFile
from nq94.read.loading import loaded_from
from nq94.render import table
from nq94.render.numbers import actual_text, gap_text, percent_text
from nq94.render.terminal import MAX_WIDTH, PIPE_WIDTH, width_for

from ..conftest import ROOT, SAMPLES

WIDTHS = (60, 80, 100, 120, 200)
LANGS = ("vi", "en")
H1, NINE, ESTIMATE, OFFICIAL = (
    f"samples/{name}.yaml" for name in ("2024-h1", "2024-9m", "2024-estimate", "2024-official")
)
COMMANDS = {
    "check 9m": ("check", "-f", "table", NINE),
    "check official": ("check", "-f", "table", OFFICIAL),
    "validate": ("validate", "-f", "table", "samples/"),
    "targets": ("targets",),
    "targets ID": ("targets", "grdp_growth"),
    "trend": ("trend", H1, NINE, ESTIMATE),
    "diff": ("diff", NINE, ESTIMATE),
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _run(monkeypatch: pytest.MonkeyPatch, *args: str, columns: int | None, lang: str = "en") -> str:
    """stdout of `nq94 ARGS --lang LANG` run in-process from the repository, with $COLUMNS."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", str(columns))
    result = CliRunner().invoke(app, [*args, "--lang", lang])
    assert result.exit_code in (0, 1), f"{result.stdout}\n{result.stderr}"
    return result.stdout


def _widest(text: str) -> int:
    return max(cell_len(line) for line in ANSI.sub("", text).splitlines())


def _whole(word: str, text: str) -> bool:
    """Whether ``word`` is on one line of ``text``, not run into other characters."""
    pattern = re.compile(rf"(?<![\w.,]){re.escape(word)}(?![\w.,])")
    return any(pattern.search(line) for line in text.splitlines())


def _ids(command: str, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids a command's table shows."""
    if command == "targets ID":
        return ["grdp_growth"]
    if command == "validate":
        return []
    if command == "diff":
        csv = _run(monkeypatch, "diff", "-f", "csv", NINE, ESTIMATE, columns=None)
        return [line.split(",")[0] for line in csv.splitlines()[1:]]
    return [target.id for target in targets.targets]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_table_fits_the_terminal_and_keeps_ids_whole(
    command: str, lang: str, width: int, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No line is wider than $COLUMNS, and every target id shown is whole on one line."""
    ids = _ids(command, targets, monkeypatch)
    out = _run(monkeypatch, *COMMANDS[command], columns=width, lang=lang)
    assert _widest(out) <= width, out
    broken = [target_id for target_id in ids if not _whole(target_id, out)]
    assert not broken, out
    if command == "validate":
        for name in sorted(Path(SAMPLES).glob("*.yaml")):
            assert _whole(f"samples/{name.name}", out), out


def _evaluation(targets: TargetsFile, name: str) -> Evaluation:
    path = ROOT / name
    return evaluated(targets, loaded_from(name, path.read_text(encoding="utf-8"), targets))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [NINE, OFFICIAL])
def test_figures_of_the_status_table_are_never_broken(
    name: str, lang: str, width: int, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each figure, gap and percent of target is whole on one line, however narrow the table
    (what a target asking for less has to spare is words, folded with the target's)."""
    out = _run(monkeypatch, "check", "-f", "table", name, columns=width, lang=lang)
    use(Lang(lang))
    figures = [
        text
        for result in _evaluation(targets, name).results
        if result.actual is not None
        for text in (actual_text(result), gap_text(result), percent_text(result))
        if result.percent_of_target is not None or text != percent_text(result)
    ]
    assert figures
    assert [figure for figure in figures if not _whole(figure, out)] == [], out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_coloured_table_fits_too(
    lang: str, width: int, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With colour on, the table is as wide once its ANSI codes are left out, and statuses are
    in their colours."""
    evaluation = _evaluation(targets, NINE)
    monkeypatch.setenv("COLUMNS", str(width))
    use(Lang(lang))
    out = io.StringIO()
    table.check([evaluation], out, color=True)
    assert _widest(out.getvalue()) <= width
    assert "\x1b[1;32m" in out.getvalue()  # met: bold green
    assert "\x1b[1;31m" in out.getvalue()  # missed: bold red
    assert "\x1b[1;33m" in out.getvalue()  # at risk: bold yellow


@pytest.mark.parametrize("command", COMMANDS)
def test_no_color_means_no_escape_codes(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR (set by _run) leaves no escape character in any table."""
    assert "\x1b" not in _run(monkeypatch, *COMMANDS[command], columns=80)


def test_colour_only_on_a_terminal_that_is_not_dumb(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal gets colour, unless NO_COLOR is set or TERM is dumb; a pipe never does."""

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert _color(Tty())
    assert not _color(io.StringIO())
    monkeypatch.setenv("TERM", "dumb")
    assert not _color(Tty())


def test_a_pipe_gets_120_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without $COLUMNS, output that is not a terminal is drawn 120 columns wide."""
    out = _run(monkeypatch, "trend", H1, NINE, ESTIMATE, columns=None)
    assert _widest(out) == PIPE_WIDTH, out


@pytest.mark.parametrize(
    ("columns", "tty", "expected"),
    [
        ("77", False, 77),
        ("", False, 120),
        ("", True, 93),
        ("0", False, 120),
        ("999999", True, 1000),
    ],
)
def test_width_for(monkeypatch: pytest.MonkeyPatch, columns: str, tty: bool, expected: int) -> None:
    """$COLUMNS, else the terminal's width, else 120; never more than MAX_WIDTH."""

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback: os.terminal_size((93, 24)))
    assert width_for(Stream()) == expected


def test_absurd_columns_are_clamped(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=999999 draws at most MAX_WIDTH wide, and no line is padded to the width."""
    out = _run(monkeypatch, "check", "-f", "table", NINE, columns=999_999)
    assert _widest(out) == MAX_WIDTH
    assert len(out.encode()) < 150_000  # unclamped, about 60 MB
    assert not any(line.endswith(" ") for line in out.splitlines())


def test_control_characters_and_markup_in_a_file_name_are_shown_not_obeyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file name's escape and bell are shown as \\x1b and \\x07, and '[bold]' as written."""
    name = "evil\x1b[2J\x07[bold]x.yaml"
    shutil.copy(SAMPLES / "2024-9m.yaml", tmp_path / name)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)
    for command in ("check", "validate"):
        result = CliRunner().invoke(app, [command, "-f", "table", name])
        assert result.exit_code in (0, 1), result.stdout
        assert "\x1b" not in result.stdout
        assert "\x07" not in result.stdout
        assert "evil\\x1b[2J\\x07[bold]x.yaml" in result.stdout, result.stdout


def test_rich_is_imported_only_to_draw() -> None:
    """Importing the table modules and the CLI loads no part of Rich; drawing does."""
    code = (
        "import sys, nq94.cli, nq94.render.table, nq94.render.targets\n"
        "assert not [m for m in sys.modules if m.startswith('rich')], sys.modules\n"
    )
    # an import probe: the modules importing loads, seen in a Python of its own
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
