"""Hostile input, round two: nothing echoed can forge an annotation or a terminal escape, no
figure blows up memory, loops and unreadable folders are caught, many problems stay quick."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CLI_TYPE as CLI
from .conftest import SAMPLES, Script

FORGED = 'period: "2024"\nvalues:\n  grdp_growth: "7\\n::error file=evil.yaml,line=1::X"\n'


@pytest.mark.parametrize("fmt", ["text", "table", "csv", "markdown", "junit", "json", "github"])
def test_no_line_of_any_format_begins_with_a_forged_command(
    cli: CLI, tmp_path: Path, fmt: str
) -> None:
    """A value and file names holding newlines, '::' and escapes start no line with '::' (but a
    real annotation of the github format) and print no ESC, on stdout or stderr."""
    (tmp_path / "evil.yaml").write_text(FORGED, encoding="utf-8")
    shutil.copy(SAMPLES / "2024-9m.yaml", tmp_path / "a\n::error file=x,line=1::b.yaml")
    shutil.copy(SAMPLES / "2024-9m.yaml", tmp_path / "::warning x.yaml")
    shutil.copy(SAMPLES / "2024-9m.yaml", tmp_path / "\x1b[2Jclear.yaml")
    run = cli("check", "-f", fmt, *sorted(map(str, tmp_path.iterdir())))
    assert run.exit_code == 2, run
    for line in (run.stdout + run.stderr).splitlines():
        real = fmt == "github" and line.startswith(("::error file=", "::warning file=", "::notice"))
        assert real or not line.startswith("::"), line
    assert "\x1b" not in run.stdout + run.stderr


def test_junit_is_valid_xml_whatever_the_names_and_values(cli: CLI, tmp_path: Path) -> None:
    """Characters XML 1.0 forbids (\\x01, \\x0b, \\x1b) in a file name or value are escaped."""
    import xml.dom.minidom

    shutil.copy(SAMPLES / "2024-9m.yaml", tmp_path / "a\x01b\x0bc\x1b.yaml")
    note = tmp_path / "note.yaml"
    note.write_text(
        'period: "2024"\nvalues:\n  grdp_growth: {value: 7, note: "x\\x01y\\x1bz"}\n',
        encoding="utf-8",
    )
    run = cli("check", "-f", "junit", *sorted(map(str, tmp_path.iterdir())))
    xml.dom.minidom.parseString(run.stdout.encode("utf-8"))
    assert "\\x01" in run.stdout


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0e-999999999", "expected a number between 1e-30 and 1e30, got 0E-999999999"),
        ("0e-3000000", "expected a number between 1e-30 and 1e30, got 0E-3000000"),
        ("1e-31", "expected a number between 1e-30 and 1e30, got 1E-31"),
    ],
)
def test_tiny_and_zero_exponents_are_refused_small(
    cli: CLI, tmp_path: Path, value: str, message: str
) -> None:
    """A zero or tiny figure with a huge exponent is one located line, the JSON stays small."""
    path = tmp_path / "z.yaml"
    path.write_text(f'period: "2024-9M"\nvalues:\n  budget_revenue: {value}\n', encoding="utf-8")
    run = cli("check", "-f", "json", str(path))
    assert run.exit_code == 2, run
    assert len(run.stdout) < 2000
    (problem,) = json.loads(run.stdout)["problems"]
    assert problem["message"] == f"values.budget_revenue: {message}"


def test_a_huge_exponent_in_memory_stays_small(tmp_path: Path) -> None:
    """The real command on 0e-999999999 ends at once, in well under 150 MB."""
    path = tmp_path / "z.yaml"
    path.write_text('period: "2024-9M"\nvalues:\n  grdp_growth: 0e-999999999\n', encoding="utf-8")
    # a parent of its own, so that the peak memory of its children is this run's alone
    parent = (
        "import resource, subprocess, sys;"
        "subprocess.run([sys.executable, '-m', 'nq94', 'check', '-f', 'json', sys.argv[1]],"
        " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    peak_kb = int(subprocess.check_output([sys.executable, "-c", parent, str(path)], text=True))
    assert peak_kb < 150 * 1024


def test_glob_with_link_loops_ends_and_lists_each_file_once(cli: CLI, tmp_path: Path) -> None:
    """d/sub/self -> . and d/sub/up -> .. neither hang a ** glob nor repeat a file."""
    sub = tmp_path / "d" / "sub"
    sub.mkdir(parents=True)
    shutil.copy(SAMPLES / "2024-9m.yaml", sub / "a.yaml")
    shutil.copy(SAMPLES / "2024-h1.yaml", tmp_path / "d" / "b.yaml")
    (sub / "self").symlink_to(".")
    (sub / "up").symlink_to("..")
    run = cli("validate", "-f", "text", f"{tmp_path}/d/**/*.yaml")
    assert run.exit_code == 0, run
    assert len(run.stdout.splitlines()) == 2, run
    recursive = cli("validate", "-f", "text", "-r", str(tmp_path / "d"))
    assert recursive.stdout == run.stdout


def test_an_unreadable_folder_is_a_problem(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed (which may hold an invalid report) gives exit 2 and a
    located line, as grep -r does, instead of a false pass."""
    sub = tmp_path / "reports" / "sub"
    sub.mkdir(parents=True)
    shutil.copy(SAMPLES / "2024-9m.yaml", tmp_path / "reports" / "ok.yaml")
    (sub / "bad.yaml").write_text("values: {}\n", encoding="utf-8")
    if os.geteuid() == 0:  # root reads any folder: list this one as any other user would
        scandir = os.scandir

        def refused(path: str = ".") -> object:
            if os.path.abspath(path) == str(sub):
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refused)
    else:
        sub.chmod(0)
    try:
        for argv in (["-r", str(tmp_path / "reports")], [f"{tmp_path}/reports/**/*.yaml"]):
            run = cli("validate", "-f", "text", *argv)
            assert run.exit_code == 2, run
            assert f"{sub}:1:1: cannot read this directory: Permission denied" in run.stderr
    finally:
        sub.chmod(0o755)


def test_a_targets_file_is_refused_past_its_size(cli: CLI) -> None:
    """--targets /dev/zero is refused at once instead of read until memory runs out, and a big
    regular file past its size."""
    run = cli("check", "--targets", "/dev/zero", "samples/2024-9m.yaml")
    assert run.exit_code == 2, run
    assert run.stderr.startswith("/dev/zero:1:1: not a regular file")


def test_a_fifo_is_refused_at_once(cli: CLI, tmp_path: Path) -> None:
    """A FIFO named as a report or as targets is refused, not waited on forever."""
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    for argv in (
        ["validate", str(fifo)],
        ["check", "--targets", str(fifo), "samples/2024-9m.yaml"],
    ):
        run = cli(*argv)
        assert run.exit_code == 2, run
        assert run.stderr.startswith(f"{fifo}:1:1: not a regular file"), run


def test_a_flow_list_of_millions_stays_small(tmp_path: Path) -> None:
    """A 5 MB flow list (2.5 million values) is refused in one line, in well under 150 MB."""
    path = tmp_path / "flow.yaml"
    path.write_text(
        'period: "2024"\nvalues:\n  grdp_growth: [' + ",".join(["1"] * 2_500_000) + "]\n"
    )
    # a parent of its own, so that the peak memory of its children is this run's alone
    parent = (
        "import resource, subprocess, sys;"
        "run = subprocess.run([sys.executable, '-m', 'nq94', 'validate', sys.argv[1]],"
        " capture_output=True, text=True, timeout=60);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, run.returncode)"
    )
    peak_kb, code = subprocess.check_output([sys.executable, "-c", parent, str(path)]).split()
    assert (int(code), int(peak_kb) < 150 * 1024) == (2, True)


def test_a_target_id_with_a_newline_is_refused(cli: CLI, tmp_path: Path) -> None:
    """An id is matched whole: 'grdp_growth\\n' is no id."""
    text = (Path(__file__).parent.parent / "targets.yaml").read_text(encoding="utf-8")
    other = tmp_path / "targets.yaml"
    other.write_text(text.replace("- id: grdp_growth\n", '- id: "grdp_growth\\n"\n', 1))
    run = cli("targets", "--targets", str(other))
    assert run.exit_code == 2, run
    assert "targets.0.id: expected text matching" in run.stderr


def test_names_in_messages_about_outputs_are_escaped(cli: CLI, tmp_path: Path) -> None:
    """'wrote NAME' and a bad --period cannot start a forged line or clear the screen."""
    output = tmp_path / "y\n::error file=evil::E\x1b[2J.csv"
    run = cli("export", "samples/2024-9m.yaml", "-o", str(output))
    assert run.exit_code == 0, run
    assert "\n::" not in run.stderr
    assert "\x1b" not in run.stderr
    period = cli("template", "--period", "\x1b[2J")
    assert period.exit_code == 2
    assert "\x1b" not in period.stderr


def test_the_html_export_escapes_control_characters(cli: CLI, tmp_path: Path) -> None:
    """A note with a newline, ESC or NUL is written as escapes in the page."""
    report = tmp_path / "r.yaml"
    report.write_text(
        'period: "2024"\nsource: "a\\n::error file=x::y\\x1b[2J\\x00"\nvalues: {grdp_growth: 7}\n',
        encoding="utf-8",
    )
    page = tmp_path / "r.html"
    assert cli("export", str(report), "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert "\x00" not in text
    assert not any(line.startswith("::") for line in text.splitlines())


def test_figures_with_more_digits_than_the_arithmetic_keeps_are_refused(
    cli: CLI, tmp_path: Path
) -> None:
    """7.4999… with 31 nines would divide to exactly 100 %: refused, with a short echo."""
    report = tmp_path / "r.yaml"
    report.write_text(f'period: "2024"\nvalues:\n  grdp_growth: 7.4{"9" * 31}\n')
    run = cli("check", str(report))
    assert run.exit_code == 2, run
    assert "at most 20 significant digits" in run.stderr
    digits = tmp_path / "long.yaml"
    digits.write_text('period: "2024"\nvalues:\n  grdp_growth: "' + "1" * 100_000 + '"\n')
    long_run = cli("check", str(digits))
    assert long_run.exit_code == 2
    assert len(long_run.stderr) < 500


def test_a_period_in_other_digits_is_refused(cli: CLI, tmp_path: Path) -> None:
    """'２０２４' is no period, as '٧' is no figure."""
    report = tmp_path / "r.yaml"
    report.write_text('period: "２０２４"\nvalues: {grdp_growth: 7}\n', encoding="utf-8")
    assert cli("validate", str(report)).exit_code == 2


def test_the_process_survives_a_closed_stdout_huge_columns_and_limits(script: Script) -> None:
    """>&- , COLUMNS=99999999 on help, --max-bytes past any index, a 252-byte output name:
    no traceback, nothing huge, each failure one line naming what failed."""
    closed = script(
        "check", "samples/2024-9m.yaml", prefix=["sh", "-c", 'exec "$@" >&-', "sh"], timeout=60
    )
    assert "Traceback" not in closed.stderr
    wide = script("--help", env={"COLUMNS": "99999999"}, timeout=60)
    assert len(wide.stdout) < 200_000
    limit = script("check", "--max-bytes", "9" * 23, "samples/2024-9m.yaml", timeout=60)
    assert limit.exit_code == 2
    assert "Traceback" not in limit.stderr
    name = "a" * 252 + ".csv"
    long_name = script("export", "samples/2024-9m.yaml", "-o", name, timeout=60)
    assert long_name.exit_code == 2
    assert long_name.stderr.startswith(f"nq94: cannot write {name}: File name too long")


def test_output_is_utf8_whatever_encoding_python_was_given(script: Script, tmp_path: Path) -> None:
    """PYTHONIOENCODING=utf-16 to a file still gives UTF-8, as the README says."""
    out = tmp_path / "out.txt"
    with out.open("wb") as stream:
        script(
            "check", "--lang", "vi", "samples/2024-9m.yaml",
            stdout=stream, env={"PYTHONIOENCODING": "utf-16"}, timeout=60,
        )  # fmt: skip
    assert "Khó đạt" in out.read_text(encoding="utf-8")


def test_a_value_a_character_is_counted_too(script: Script, tmp_path: Path) -> None:
    """A flow mapping of bare keys ({a,b,…}: a key and a null per two characters) is held to the
    50,000 values a report may have, though its text is under 100,000 characters."""
    body = ",".join(chr(97 + i % 26) for i in range(49_000))
    path = tmp_path / "keys.yaml"
    path.write_text(f'period: "2024"\nvalues:\n  grdp_growth: {{{body}}}\n', encoding="utf-8")
    run = script("validate", str(path), timeout=60)
    assert run.exit_code == 2
    assert run.stderr.endswith("more than 50000 values; a report holds a few hundred\n"), run.stderr


def test_a_long_name_wrapped_by_a_table_starts_no_command(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name the table wraps so that '::error' or '##[error' would start a line (GitHub reads
    both, after spaces, and '##[' anywhere) is printed with those commands broken."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("COLUMNS", "120")
    long = tmp_path / ("x" * 115 + " ::error title=Forged::Report rejected.yaml")
    other = tmp_path / "##[error]pwned.yaml"
    shutil.copy(SAMPLES / "2024-9m.yaml", long)
    shutil.copy(SAMPLES / "2024-estimate.yaml", other)
    for command in (["diff", str(long), str(other)], ["check", "-f", "table", str(long)]):
        run = cli(*command)
        assert run.exit_code == 0, run
        text = run.stdout + run.stderr
        assert "##[" not in text
        assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]
        assert ":\\x3aerror title=Forged" in " ".join(text.split())


def test_text_that_would_show_itself_reversed_is_escaped(cli: CLI, tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    text = (SAMPLES / "2024-9m.yaml").read_text(encoding="utf-8")
    report.write_text(text.replace("source:", 'source: "evil\u202elmth.exe"\nx_source:', 1)
                      .replace("x_source:", "# source:"), encoding="utf-8")  # fmt: skip
    page = tmp_path / "status.html"
    assert cli("export", str(report), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "\u202e" not in html
    assert "evil\\u202elmth.exe" in html


def test_a_notes_line_breaks_survive_a_workbook_and_show_as_spaces_on_a_page(
    cli: CLI, tmp_path: Path
) -> None:
    report, book, back = tmp_path / "n.yaml", tmp_path / "n.xlsx", tmp_path / "back.yaml"
    report.write_text(
        'period: "2024-9M"\nbasis: official\nvalues:\n  grdp_growth:\n    value: 5.9\n'
        "    note: |\n      Số liệu sơ bộ.\n      Cập nhật sau\t(tab)\n",
        encoding="utf-8",
    )
    assert cli("convert", str(report), "-o", str(book)).exit_code == 0
    assert cli("convert", str(book), "-o", str(back)).exit_code == 0
    first, second = cli("check", "-f", "json", str(report)), cli("check", "-f", "json", str(back))
    assert (
        json.loads(first.stdout)["reports"][0]["results"]
        == (json.loads(second.stdout)["reports"][0]["results"])
    )
    page = tmp_path / "status.html"
    assert cli("export", str(report), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "Số liệu sơ bộ.\nCập nhật sau (tab)" in html
    assert "\\x0a" not in html


def test_a_pace_of_27_digits_is_worked_out_exactly(cli: CLI, tmp_path: Path) -> None:
    """A targets file may set a threshold far beyond the 28 digits of decimal arithmetic's
    default precision; the pace to cents is still worked out, not a traceback."""
    root = Path(__file__).parent.parent
    text = (root / "targets.yaml").read_text(encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text(
        text.replace(
            "    threshold: 19515\n    plausible: [100, 100000]",
            "    threshold: 1e27\n    plausible: [100, 1e29]",
        ),
        encoding="utf-8",
    )
    report = tmp_path / "h1.yaml"
    h1 = (SAMPLES / "2024-h1.yaml").read_text(encoding="utf-8")
    report.write_text(re.sub(r"budget_revenue: .*", "budget_revenue: 1000", h1), encoding="utf-8")
    run = cli("trend", "--targets", str(big), str(report), "-f", "json")
    assert run.exit_code == 0, run
    budget = next(
        t for t in json.loads(run.stdout)["trend"]["targets"] if t["id"] == "budget_revenue"
    )
    assert budget["pace"]["needed_per_month"] == 166666666666666666666666500


def test_a_targets_files_line_break_starts_no_command_in_junit(cli: CLI, tmp_path: Path) -> None:
    """Words with a line break in a targets file are shown in JUnit's XML as they are, but with
    '::' and '##[' as character references: the XML reads the same, a CI log runs nothing."""
    import xml.dom.minidom

    root = Path(__file__).parent.parent
    text = (root / "targets.yaml").read_text(encoding="utf-8")
    forged = tmp_path / "targets.yaml"
    forged.write_text(
        text.replace('words: "Tốc độ tăng trưởng kinh tế (GRDP): 7,5%"',
                     'words: "GRDP\\n::error::forged\\n##[error]forged"'),
        encoding="utf-8",
    )  # fmt: skip
    run = cli("check", "--targets", str(forged), "-f", "junit", str(SAMPLES / "2024-9m.yaml"))
    assert run.exit_code in (0, 1), run
    assert not [line for line in run.stdout.splitlines() if line.lstrip().startswith("::")]
    assert "##[" not in run.stdout
    parsed = xml.dom.minidom.parseString(run.stdout.encode("utf-8")).toxml()
    assert "GRDP\n::error::forged\n##[error]forged" in parsed
