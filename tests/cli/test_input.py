"""Input as people give it: a report piped on stdin, folders as a desktop fills them, trend over a
folder, the system's reasons in the reader's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, Run, Script


def test_a_report_piped_on_stdin_is_named_stdin(script: Script) -> None:
    run = script("check", "-f", "json", "-", stdin=(SAMPLES / "2024-9m.yaml").read_bytes())
    assert run.exit_code == 0, run
    (report,) = json.loads(run.stdout)["reports"]
    assert (report["file"], report["period"]) == ("<stdin>", "2024-9M")
    broken = script("validate", "-", stdin=b'period: "2024"\nvalues: {grdp_growht: 1}\n')
    assert broken.exit_code == 2
    assert broken.stderr.startswith("<stdin>:2:10: values.grdp_growht: unknown target")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("stdin", ["closed", "write-only"])
def test_standard_input_that_cannot_be_read_is_one_line(
    script: Script, stdin: str, lang: str
) -> None:
    """`nq94 check - <&-` (closed) or `0>/dev/null` (open for writing only): one line naming
    <stdin> and why, in the reader's language, exit 2 (a traceback, and half a JSON document
    then 'cannot write standard output', before)."""
    redirect = "<&-" if stdin == "closed" else "0>/dev/null"
    for fmt in ("text", "json"):
        run = script(
            "check", "-f", fmt, "--lang", lang, "-",
            prefix=["sh", "-c", f'exec "$@" {redirect}', "sh"], timeout=60,
        )  # fmt: skip
        reason = {
            "en": "cannot read file: Bad file descriptor",
            "vi": "không đọc được tệp: luồng dữ liệu không dùng được (đã đóng, hoặc không mở "
            "cho việc này)",
        }[lang]
        assert (run.exit_code, run.stderr) == (2, f"<stdin>:1:1: {reason}\n"), run
        if fmt == "json":  # the document is whole, the problem in it
            assert json.loads(run.stdout)["problems"][0]["file"] == "<stdin>"
        else:
            assert run.stdout == ""


def test_a_workbook_piped_on_stdin_is_read_as_one(cli, script: Script, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workbook = tmp_path / "r.xlsx"
    assert cli("convert", str(SAMPLES / "2024-9m.yaml"), "-o", str(workbook)).exit_code == 0
    run = script("check", "-f", "json", "-", stdin=workbook.read_bytes())
    assert run.exit_code == 0, run
    assert json.loads(run.stdout)["reports"][0]["period"] == "2024-9M"


def test_folders_take_reports_in_any_case_and_skip_hidden_and_appledouble_files(
    cli,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "reports"
    (folder / ".git").mkdir(parents=True)
    report = (SAMPLES / "2024-h1.yaml").read_bytes()
    (folder / "H1.YAML").write_bytes(report)
    (folder / "9M.Yml").write_bytes((SAMPLES / "2024-9m.yaml").read_bytes())
    for junk in ("._H1.YAML", ".hidden.yaml", ".git/old.yaml"):
        (folder / junk).write_bytes(b"\x00\x05\x16\x07 AppleDouble")
    run: Run = cli("validate", "-r", str(folder))
    assert run.exit_code == 0, run
    assert run.stdout.splitlines() == [
        f"{folder / '9M.Yml'}: valid: 2024-9M, official, 15 values",
        f"{folder / 'H1.YAML'}: valid: 2024-H1, official, 14 values",
    ]


def test_trend_takes_a_folder(cli) -> None:  # type: ignore[no-untyped-def]
    run: Run = cli("trend", "-f", "json", "samples/")
    assert run.exit_code == 0, run
    periods = [p["period"] for p in json.loads(run.stdout)["trend"]["periods"]]
    assert periods == ["2024-H1", "2024-9M", "2024", "2024"]


def test_the_systems_reason_is_said_in_the_readers_language(cli) -> None:  # type: ignore[no-untyped-def]
    run: Run = cli("check", "--lang", "vi", "samples/nope.yaml")
    folder = Path("samples").resolve()
    assert run.stderr == (
        f"samples/nope.yaml:1:1: không đọc được tệp: không có tệp này trong thư mục {folder}\n"
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "cannot read file: no such file in the folder {folder}; did you mean '{name}'?"),
        ("vi", "không đọc được tệp: không có tệp này trong thư mục {folder}; có phải là '{name}'?"),
    ],
)
def test_a_file_not_found_says_where_it_looked_and_the_closest_report_there(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    """`nq94 check reprot.yaml` run from another folder names the folder it looked in, whole,
    and the report file there whose name is closest, as it would be typed."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("report.yaml", "notes.txt", "2024-9m.xlsx"):
        (reports / name).write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for typed, name in (("reports/reprot.yaml", "reports/report.yaml"),
                        ("reports/2024-9m.xslx", "reports/2024-9m.xlsx")):  # fmt: skip
        run: Run = cli("check", "--lang", lang, typed)
        assert run.exit_code == 2, run
        message = said.format(folder=reports, name=name)
        assert run.stderr == f"{typed}:1:1: {message}\n", run
    monkeypatch.chdir(reports)
    run = cli("check", "--lang", lang, "reprot.yaml")
    assert run.stderr == f"reprot.yaml:1:1: {said.format(folder=reports, name='report.yaml')}\n"
    run = cli("check", "--lang", lang, "budget.yaml")  # nothing close: no guess
    assert run.stderr.endswith(f"{reports}\n"), run
    run = cli("check", "--lang", lang, "gone/report.yaml")  # a folder that is not there
    gone = {"en": f"no folder {reports / 'gone'}", "vi": f"không có thư mục {reports / 'gone'}"}
    assert gone[lang] in run.stderr, run


def test_diff_takes_a_pattern_for_each_report(cli) -> None:  # type: ignore[no-untyped-def]
    """A Windows prompt passes 'samples/2024-h1*' as typed: it must name one report."""
    run: Run = cli("diff", "-f", "json", "samples/2024-h1*", "samples/2024-9*")
    assert run.exit_code == 0, run
    diff = json.loads(run.stdout)["diff"]
    assert (diff["old"]["period"], diff["new"]["period"]) == ("2024-H1", "2024-9M")
    many: Run = cli("diff", "samples/2024-*", "samples/2024-9m.yaml")
    assert many.exit_code == 2
    assert "'samples/2024-*' names 4 reports; name one" in many.stderr


def test_trend_refuses_one_stretch_of_the_year_given_twice(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """3 tháng đầu năm 2024 and Quý I/2024 are the same three months (a first quarter runs from
    1 January)."""
    nine, third = tmp_path / "a.yaml", tmp_path / "b.yaml"
    nine.write_text('period: "3 tháng đầu năm 2024"\nvalues: {}\n', encoding="utf-8")
    third.write_text('period: "Quý I/2024"\nvalues: {}\n', encoding="utf-8")
    run: Run = cli("trend", str(nine), str(third))
    assert run.exit_code == 2, run
    assert "is also the period of" in run.stderr


def test_a_glob_skips_hidden_and_appledouble_files(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_bytes((SAMPLES / "2024-h1.yaml").read_bytes())
    for junk in (".hidden.yaml", "._a.yaml"):
        (tmp_path / junk).write_bytes(b"\x00\x05\x16\x07")
    run: Run = cli("validate", str(tmp_path / "*.yaml"))
    assert run.exit_code == 0, run
    assert run.stdout.splitlines() == [
        f"{tmp_path / 'a.yaml'}: valid: 2024-H1, official, 14 values"
    ]


def test_a_control_character_pasted_from_word_is_located_and_said(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "r.yaml"
    report.write_text('period: "2024"\nvalues:\n  grdp_growth: "7,5\x0b"\n', encoding="utf-8")
    run: Run = cli("validate", "--lang", "vi", str(report))
    assert run.stderr == (
        f"{report}:3:20: YAML không hợp lệ: ký tự điều khiển (U+000B) mà báo cáo không được "
        "chứa, thường dán từ Word (Shift+Enter); hãy xóa nó\n"
    )
