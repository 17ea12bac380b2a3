"""The README is the user's manual: its commands run and its contract matches the output."""

from __future__ import annotations

import glob
import json
import re
import shlex
import shutil
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from .conftest import CLI_TYPE, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def test_quick_start_is_two_one_line_commands() -> None:
    """Quick start: install and check a sample; install test needs and run the tests."""
    blocks = [b.strip() for b in _blocks(_section("Quick start"), "sh")]
    assert len(blocks) == 2
    assert all("\n" not in block for block in blocks)
    install, tests = blocks
    sample = re.fullmatch(r"pip install \. && nq94 check (samples/\S+\.yaml)", install)
    assert sample, install
    assert (ROOT / sample.group(1)).is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert any(line == tests or line.startswith(f"{tests} ||") for line in ci)


def test_usage_examples_run(cli: CLI_TYPE, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `nq94` line under 'Using it' runs with the exit code its comment implies."""
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)  # the examples write files
    (block, *_) = _blocks(_section("Using it"), "sh")
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) >= 5
    for line in lines:
        command, _, comment = line.partition("#")
        argv = shlex.split(command)
        assert argv[0] == "nq94"
        args = [match for arg in argv[1:] for match in (sorted(glob.glob(arg)) or [arg])]
        expected = int(m.group(1)) if (m := re.search(r"exit (\d)", comment)) else 0
        run = cli(*args)
        assert run.exit_code == expected, (line, str(run))


def test_error_example_is_what_nq94_prints(cli: CLI_TYPE) -> None:
    """The error lines shown in the README are exactly those of the broken sample."""
    (shown, *_) = _blocks(_section("Using it"), "text")
    run = cli("check", "samples/invalid/2024-broken.yaml")
    assert run.stderr == shown


def test_json_contract_keys_match_output(cli: CLI_TYPE) -> None:
    """The README's JSON example has the real keys, in the real order."""
    (example,) = _blocks(_section("JSON output (a contract)"), "json")
    documented = json.loads(example)
    actual = json.loads(cli("check", "-f", "json", "samples/2024-9m.yaml").stdout)
    assert list(documented) == list(actual)
    (doc_report,), report = documented["reports"], actual["reports"][0]
    assert list(doc_report) == list(report)
    assert list(doc_report["summary"]) == list(report["summary"])
    assert list(doc_report["results"][0]) == list(report["results"][0])
    budget = next(r for r in report["results"] if r["id"] == "budget_revenue")
    assert doc_report["results"][0] == budget
    table = _section("JSON output (a contract)")
    for key in report["results"][0]:
        if key not in ("id", "section", "unit", "words", "lower", "upper"):
            assert f"`{key}`" in table, f"README does not explain {key}"


def test_python_example_runs_and_prints_what_it_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python example runs as written and prints the summary its comment shows."""
    (block,) = _blocks(_section("From Python"), "python")
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    shown = block.split("# ", 1)[1].strip()
    assert capsys.readouterr().out.strip() == shown


def _subsection(title: str) -> str:
    match = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", README, re.S | re.M)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_the_csv_is_said_to_be_imported_with_a_point_in_a_vietnamese_spreadsheet(
    cli: CLI_TYPE, tmp_path: Path
) -> None:
    """The `.csv` export writes 7.5 with a point, comma-separated, in both languages, which a
    spreadsheet set to Vietnamese (decimal comma) misreads when it opens the file as it is: the
    README says how to import it, or to use the `.xlsx` export, and promises no more."""
    path = tmp_path / "status.csv"
    assert cli("export", "--lang", "vi", "samples/2024-9m.yaml", "-o", str(path)).exit_code == 0
    row = path.read_text(encoding="utf-8-sig").splitlines()[1]
    assert ",5.9,báo cáo,5.9,,,7.5,>=," in row
    for title in ("Vietnamese or English", "Exports for people"):
        text = " ".join(_subsection(title).split())
        assert "every spreadsheet reads" not in text, title
        assert "decimal separator" in text, title
        assert "point" in text, title
        assert "`.xlsx`" in text, title


def _keys(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every key a file read by ``model`` may hold: its fields' names as written (their
    aliases), and those of every model inside them, however deep."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        keys.add(field.alias or name)
        pending = [field.annotation]
        while pending:
            annotation = pending.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                keys |= _keys(annotation, seen)
            pending.extend(typing.get_args(annotation))
    return keys


def test_the_targets_reference_documents_every_key() -> None:
    """docs/targets.md, which says it lists every key, names each key of a targets file of
    either format, as the models read it (aliases included): amendments and their keys, path,
    weights and season too."""
    from nq94.model import TargetsFile1, TargetsFile2

    reference = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    keys = _keys(TargetsFile1) | _keys(TargetsFile2)
    assert {"amendments", "effective", "removed", "path", "weights", "season"} <= keys
    assert {"document", "plausible"} <= keys  # the aliases, not the fields' names
    missing = sorted(key for key in keys if f"`{key}`" not in reference)
    assert not missing, f"docs/targets.md does not name {missing}"


def test_the_targets_reference_says_how_a_path_judges_part_of_the_year() -> None:
    """The kinds table does not say a growth target is compared as it stands in part of the
    year where a quarterly path judges it; the amendments section says an amendment keeps the
    path it does not restate."""
    reference = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    (growth,) = [line for line in reference.splitlines() if line.startswith("| `growth` |")]
    assert "`path`" in growth, growth
    assert "every key it does not give stays as\n  it was**, `path`" in reference
