"""The `nq94` command as a user runs it: exit codes, stdout and stderr together."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from nq94 import __version__
from nq94.cli.checking import FailOn
from nq94.cli.common import color as _color
from nq94.model import Status, TargetsFile
from nq94.render import MODULE_BY_FORMAT, PER_REPORT, Format, module, per_report, resolve

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT, SAMPLES, Run, Script

LOCATED = re.compile(r"^[^:\n]+:\d+:\d+: .+$")


def _json(run: Run) -> dict:  # type: ignore[type-arg]
    return json.loads(run.stdout, parse_float=Decimal)


def test_official_sample_shows_every_target(cli: CLI, targets: TargetsFile) -> None:
    """Every one of the 30 targets appears with a status, and the summary adds up to 30."""
    run = cli("check", "samples/2024-official.yaml")
    assert run.exit_code == 0, run
    for target in targets.targets:
        assert target.id in run.stdout, run
    assert "30 targets: 21 met, 7 missed, 2 no data" in run.stdout, run
    assert run.stderr == ""


def test_official_sample_json(cli: CLI, targets: TargetsFile) -> None:
    """The JSON lists all 30 results in targets order; unreported targets have no data."""
    run = cli("check", "--format", "json", "samples/2024-official.yaml")
    assert run.exit_code == 0, run
    (report,) = _json(run)["reports"]
    results = {r["id"]: r for r in report["results"]}
    assert [r["id"] for r in report["results"]] == [t.id for t in targets.targets]
    assert report["summary"] == {
        "met": 21, "at_risk": 0, "missed": 7, "no_data": 2, "not_assessed": 0, "total": 30
    }  # fmt: skip
    assert results["urban_unemployment_rate"]["status"] == "missed"
    assert results["cultural_families_rate"]["status"] == "met"
    assert results["poverty_rate_reduction"]["status"] == "met"
    assert results["poverty_rate_reduction"]["actual"] == Decimal("0.8")
    assert results["defence_drill_districts"]["status"] == "no_data"
    assert results["export_growth"]["input"] == {
        "baseline": 30950,
        "current": 33380,
        "source": "Cục Thống kê tỉnh",
        "note": "triệu USD",
    }


def test_nine_month_budget_projection(cli: CLI) -> None:
    """15,000 after 9 months projects 20,000 for the year and is met; the table says so."""
    run = cli("check", "-f", "json", "samples/2024-9m.yaml")
    results = {r["id"]: r for r in _json(run)["reports"][0]["results"]}
    budget = results["budget_revenue"]
    assert (budget["value"], budget["actual"], budget["obtained"], budget["status"]) == (
        15000,
        20000,
        "projected",
        "met",
    )
    table = cli("check", "samples/2024-9m.yaml").stdout
    assert "projected to year end from 15,000" in table


@pytest.mark.parametrize(("basis", "status"), [("estimate", "at_risk"), ("official", "missed")])
def test_same_grdp_growth_by_basis(cli: CLI, tmp_path: Path, basis: str, status: str) -> None:
    """7.3 % growth is at risk in an estimate and missed in official figures."""
    path = tmp_path / "r.yaml"
    path.write_text(
        f'period: "2024"\nbasis: {basis}\nvalues:\n  grdp_growth: 7.3\n', encoding="utf-8"
    )
    results = _json(cli("check", "-f", "json", str(path)))["reports"][0]["results"]
    assert results[0]["id"] == "grdp_growth"
    assert results[0]["status"] == status


def test_broken_report_exits_2_with_a_line_per_problem(cli: CLI) -> None:
    """Typo, word for a number, rate of 120 and missing period: four located lines, exit 2."""
    run = cli("check", "samples/invalid/2024-broken.yaml")
    assert run.exit_code == 2, run
    lines = run.stderr.splitlines()
    assert lines == [
        "samples/invalid/2024-broken.yaml:6:1: missing required key 'period' "
        '(e.g. period: "2024" or "2024-9M")',
        "samples/invalid/2024-broken.yaml:8:3: values.grdp_growht: unknown target id; "
        "did you mean 'grdp_growth'?",
        "samples/invalid/2024-broken.yaml:9:18: values.export_growth: expected a number, "
        "got 'bảy'; write it like 7.5 or \"7,5\"",
        "samples/invalid/2024-broken.yaml:10:26: values.health_insurance_rate: value '120' is "
        "outside the plausible range 0 to 100 %",
    ], run
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in (ROOT / "tests/example-files/negative").iterdir()
        if p.suffix in (".yaml", ".xlsx")
    ),
    ids=lambda p: p.stem,
)
def test_every_bad_file_exits_2_with_located_lines_only(cli: CLI, path: Path) -> None:
    """Whatever is wrong, stderr holds only FILE:LINE:COL: lines and the exit code is 2."""
    run = cli("check", str(path))
    assert run.exit_code == 2, run
    assert run.stderr, run
    assert all(LOCATED.match(line) for line in run.stderr.splitlines()), run


def test_valid_files_are_reported_beside_invalid_ones(cli: CLI) -> None:
    """One bad file does not hide the others: the good one is evaluated, the run exits 2."""
    run = cli("check", "-f", "json", "samples/2024-9m.yaml", "samples/invalid/2024-broken.yaml")
    assert run.exit_code == 2, run
    assert [r["file"] for r in _json(run)["reports"]] == ["samples/2024-9m.yaml"]
    assert run.stderr.count("samples/invalid/2024-broken.yaml:") == 4


def test_missing_file_is_located(cli: CLI) -> None:
    """A path that does not exist is an input error, not a traceback."""
    run = cli("check", "samples/nope.yaml")
    assert run.exit_code == 2, run
    assert run.stderr.startswith("samples/nope.yaml:1:1: cannot read file"), run


@pytest.mark.parametrize(
    ("sample", "fail_on", "code"),
    [
        ("2024-official.yaml", None, 0),
        ("2024-official.yaml", "missed", 1),
        ("2024-official.yaml", "at-risk", 1),
        ("2024-estimate.yaml", "missed", 1),
        ("2024-estimate.yaml", "at-risk", 1),
        ("../tests/example-files/positive/at-risk-only.yaml", "missed", 0),
        ("../tests/example-files/positive/at-risk-only.yaml", "at-risk", 1),
        ("../tests/example-files/positive/unquoted-period.yaml", "at-risk", 0),
    ],
)
def test_fail_on(cli: CLI, sample: str, fail_on: str | None, code: int) -> None:
    """--fail-on turns statuses at or beyond its level into exit 1; otherwise exit 0."""
    args = ["check", f"samples/{sample}", "-f", "json"]
    run = cli(*args, "--fail-on", fail_on) if fail_on else cli(*args)
    assert run.exit_code == code, run


def test_fail_on_levels_are_exhaustive() -> None:
    """Every --fail-on level names the statuses it fails on; no data never fails."""
    for level in FailOn:
        assert level.statuses
        assert Status.NO_DATA not in level.statuses
        assert Status.MET not in level.statuses


def test_every_format_has_a_module() -> None:
    """Each concrete Format member is registered, with a check and a validate renderer."""
    assert set(MODULE_BY_FORMAT) == set(Format) - {Format.AUTO}
    for fmt in MODULE_BY_FORMAT:
        assert callable(module(fmt).check)
        assert callable(module(fmt).validate)


@pytest.mark.parametrize("fmt", sorted(set(Format) - {Format.AUTO}))
def test_formats_whose_reports_stand_alone_write_them_apart(fmt: Format) -> None:
    """A format in PER_REPORT writes each report with a pure report_text and the whole from the
    pieces with document (so that workers can write the pieces); no other format has them."""
    formatter = per_report(fmt)
    if fmt in PER_REPORT:
        assert formatter is not None
        assert callable(formatter.report_text)
        assert callable(formatter.document)
    else:
        assert formatter is None
        assert not hasattr(module(fmt), "report_text")
        assert not hasattr(module(fmt), "document")


@pytest.mark.parametrize("isatty", [True, False])
@pytest.mark.parametrize("github", [True, False])
def test_auto_resolves_to_a_registered_format(
    isatty: bool, github: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the environment, `auto` becomes a format that has a module."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true" if github else "false")
    for fmt in Format:
        assert resolve(fmt, isatty=isatty) in MODULE_BY_FORMAT


def test_other_targets_file(cli: CLI, tmp_path: Path) -> None:
    """--targets replaces the built-in resolution."""
    other = tmp_path / "targets.yaml"
    other.write_text(
        """
resolution: {number: "1/NQ-X", title: {vi: "Thử", en: "Test"}, issuer: "X",
             adopted: "2024-12-01", year: 2025}
sections: {main: {vi: "Chính", en: "Main"}}
targets:
  - {id: hectares, section: main, clause: "1", words: "Trồng 500 ha rừng",
     name: {vi: "Rừng", en: "Forest"}, unit: {vi: "ha", en: "ha"}, measure: amount,
     kind: flow, operator: ">=", threshold: 500,
     plausible: [0, 10000]}
""",
        encoding="utf-8",
    )
    report = tmp_path / "r.yaml"
    report.write_text('period: "2025-H1"\nvalues: {hectares: 252}\n', encoding="utf-8")
    run = cli("check", "--targets", str(other), "-f", "json", str(report))
    assert run.exit_code == 0, run
    (result,) = _json(run)["reports"][0]["results"]
    assert (result["actual"], result["status"]) == (504, "at_risk")
    assert cli("check", str(report)).exit_code == 2  # a 2025 report against the 2024 targets


def test_broken_targets_file_exits_2(cli: CLI, tmp_path: Path) -> None:
    """A broken --targets file is reported with locations, exit 2."""
    other = tmp_path / "targets.yaml"
    other.write_text("resolution: {}\nsections: {}\ntargets: []\n", encoding="utf-8")
    run = cli("check", "--targets", str(other), "samples/2024-9m.yaml")
    assert run.exit_code == 2, run
    assert all(LOCATED.match(line) for line in run.stderr.splitlines()), run
    assert "resolution: missing required key 'number'" in run.stderr


def test_targets_lists_all(cli: CLI, targets: TargetsFile) -> None:
    """`nq94 targets` lists every id with the resolution's words."""
    run = cli("targets")
    assert run.exit_code == 0, run
    for target in targets.targets:
        assert target.id in run.stdout
    assert "Tỷ lệ thất nghiệp ở thành thị: Dưới 3%" in run.stdout
    assert "30 targets" in run.stdout


def test_targets_explains_one(cli: CLI) -> None:
    """`nq94 targets ID` shows section, words, unit, kind, margin and range."""
    run = cli("targets", "budget_revenue")
    assert run.exit_code == 0, run
    for text in (
        "Thu ngân sách nhà nước trên địa bàn tỉnh: 19.515 tỷ đồng",
        "tỷ đồng / billion VND",
        "flow",
        "≥ 19,515",
        "± 390.3",
        "100 to 100,000",
        "I.2.1",
    ):
        assert text in run.stdout, run


def test_targets_unknown_id_suggests(cli: CLI) -> None:
    """An unknown id exits 2 and suggests the closest one."""
    run = cli("targets", "budget_revenu")
    assert run.exit_code == 2, run
    assert "did you mean 'budget_revenue'?" in run.stderr


def test_version(cli: CLI) -> None:
    """--version prints the version."""
    run = cli("--version")
    assert (run.exit_code, run.stdout.strip()) == (0, f"nq94 {__version__}")


@pytest.mark.parametrize("command", ["check", "targets"])
def test_every_command_has_help(cli: CLI, command: str) -> None:
    """Each command explains itself."""
    run = cli(command, "--help")
    assert run.exit_code == 0, run
    assert len(run.stdout) > 200


def test_usage_error_exits_2(cli: CLI) -> None:
    """An unknown option is a usage error: exit 2."""
    assert cli("check", "--colour", "samples/2024-9m.yaml").exit_code == 2


def test_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR turns colour off even on a terminal."""

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _color(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _color(Tty())


def test_real_entry_point_runs() -> None:
    """`python -m nq94` works as a separate process, exit codes included."""
    # `python -m nq94` is what is tested here; the console script is the `script` fixture's
    ok = subprocess.run(
        [sys.executable, "-m", "nq94", "check", "-f", "json", str(SAMPLES / "2024-9m.yaml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["reports"][0]["period"] == "2024-9M"
    bad = subprocess.run(
        [sys.executable, "-m", "nq94", "check", str(SAMPLES / "invalid" / "2024-broken.yaml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert len(bad.stderr.splitlines()) == 4


def test_progress_only_when_a_person_waits_for_redirected_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many files, stderr a terminal and stdout redirected: a bar; otherwise none."""
    import io

    from nq94.cli import checking as cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    files = [f"r{index}.yaml" for index in range(60)]
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert list(cli.tracked(iter(files), len(files))) == files
    assert "checking reports" in sys.stderr.getvalue()
    for few, ci in ((files[:50], None), (files, "true")):
        monkeypatch.setattr(sys, "stderr", Terminal())
        if ci:
            monkeypatch.setenv("CI", ci)
        assert list(cli.tracked(iter(few), len(few))) == few
        assert sys.stderr.getvalue() == ""


@pytest.mark.parametrize(
    "command", ["check", "validate", "trend", "diff", "export", "schema", "template", "targets"]
)
def test_each_command_runs_through_the_console_entry_point(script: Script, command: str) -> None:
    """`nq94 COMMAND` builds that command alone; its help and usage are the full app's."""
    run = script(command, "--help", env={"COLUMNS": "120"})
    assert run.exit_code == 0, run.stderr
    assert f"nq94 {command} [OPTIONS]" in run.stdout


def test_the_entry_point_still_knows_every_command(script: Script) -> None:
    """Without a command, or with an unknown one, the whole app answers."""
    listing = script("--help")
    assert all(name in listing.stdout for name in ("check", "trend", "diff", "targets"))
    unknown = script("chek")
    assert unknown.exit_code == 2
    assert "no such command: chek" in unknown.stderr


def test_the_entry_point_builds_only_the_command_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer

    from nq94 import cli

    names = {info.name for info in cli.app.registered_commands}
    commands = {
        "check",
        "validate",
        "trend",
        "diff",
        "export",
        "schema",
        "template",
        "targets",
        "convert",
        "site",
        "init",
    }
    assert names == commands
    built: list[list[str]] = []
    monkeypatch.setattr(
        typer.Typer,
        "__call__",
        lambda self: built.append([info.name for info in self.registered_commands]),
    )
    for argv in (["nq94", "targets"], ["nq94", "--version"], ["nq94"]):
        monkeypatch.setattr(sys, "argv", argv)
        cli.main()
    assert built[0] == ["targets"]
    assert set(built[1]) == set(built[2]) == commands  # --version, and no command: the whole app


def test_the_entry_point_runs_with_the_collector_on_and_imports_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Imports happen with the collector paused; the command runs with it back on."""
    import gc

    import nq94
    from nq94 import cli

    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(cli, "main", lambda: seen.append((gc.isenabled(), gc.get_freeze_count())))
    try:
        nq94.main()
    finally:
        gc.unfreeze()
    ((enabled, frozen),) = seen
    assert enabled
    assert frozen > 0


def test_a_run_imports_only_the_module_of_its_command() -> None:
    """`nq94 check` imports the checking commands, not those of reviews or documents."""
    code = (
        "import sys\n"
        "sys.argv = ['nq94', 'check', '-f', 'json', 'samples/2024-9m.yaml']\n"
        "import nq94\n"
        "try:\n"
        "    nq94.main()\n"
        "finally:\n"
        "    sys.stderr.write(' '.join(m for m in sys.modules if m.startswith('nq94.cli')))\n"
    )
    run = subprocess.run(  # a probe: the modules a run imported, which only its own process sees
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    assert "nq94.cli.checking" in run.stderr.split()
    assert not {"nq94.cli.reviews", "nq94.cli.documents"} & set(run.stderr.split()), run.stderr
