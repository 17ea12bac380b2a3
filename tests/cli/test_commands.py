"""validate, the output formats in use, export, schema and template, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml

from nq94.model import TargetsFile
from nq94.read.files import expand
from nq94.render.write import write_atomic

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT, SAMPLES

BROKEN = SAMPLES / "invalid" / "2024-broken.yaml"
VALID_SAMPLES = sorted(SAMPLES.glob("*.yaml"))


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder with the four valid samples."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for sample in VALID_SAMPLES:
        shutil.copy(sample, folder)
    return folder


def test_validate_samples_folder(cli: CLI) -> None:
    """`nq94 validate samples/` exits 0 and names every sample as valid."""
    run = cli("validate", "samples/")
    assert run.exit_code == 0, run
    assert run.stdout.count(": valid:") == len(VALID_SAMPLES) == 4, run


def test_validate_with_a_broken_file_added(cli: CLI, reports: Path) -> None:
    """One broken file: exit 2, its problems named with lines; the others still checked."""
    shutil.copy(BROKEN, reports / "zz-broken.yaml")
    run = cli("validate", "-f", "text", str(reports))
    assert run.exit_code == 2, run
    assert run.stdout.count(": valid:") == 4, run
    assert f"{reports / 'zz-broken.yaml'}:9:18: values.export_growth" in run.stderr, run


def test_validate_recursive_and_globs(cli: CLI, reports: Path) -> None:
    """-r looks below directories; globs with ** do too; a directory alone does not."""
    nested = reports / "2025" / "q1"
    nested.mkdir(parents=True)
    shutil.copy(BROKEN, nested / "broken.yml")
    assert cli("validate", str(reports)).exit_code == 0
    assert cli("validate", "-r", str(reports)).exit_code == 2
    assert cli("validate", f"{reports}/**/*.yml").exit_code == 2
    run = cli("validate", f"{reports}/*.yaml")
    assert (run.exit_code, run.stdout.count(": valid:")) == (0, 4), run


def test_validate_nothing_found(cli: CLI, tmp_path: Path) -> None:
    """An empty folder or a pattern matching nothing is an error, not a silent pass."""
    run = cli("validate", str(tmp_path), f"{tmp_path}/*.yaml")
    assert run.exit_code == 2, run
    assert run.stderr.splitlines() == [
        f"{tmp_path}:1:1: no report (.yaml, .yml or .xlsx) in this directory",
        f"{tmp_path}/*.yaml:1:1: no file matches this pattern",
    ]


def test_expand_keeps_order_and_drops_repeats(reports: Path) -> None:
    """Files come in the order given, each once."""
    first = str(reports / "2024-h1.yaml")
    files, problems = expand([first, str(reports)])
    assert files[0] == first
    assert len(files) == 4
    assert problems == []


def test_github_annotations_for_a_broken_file(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under GitHub Actions the default format gives ::error lines with file, line and column."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    shutil.copy(BROKEN, tmp_path / "broken.yaml")
    monkeypatch.chdir(tmp_path)
    run = cli("validate", "broken.yaml")
    assert run.exit_code == 2, run
    assert run.stdout.splitlines()[1] == (
        "::error file=broken.yaml,line=8,col=3::values.grdp_growht: unknown target id; "
        "did you mean 'grdp_growth'?"
    )
    assert run.stderr == ""  # the annotations carry the problems


def test_auto_format_is_text_when_piped(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a terminal and outside GitHub Actions, auto means text."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    run = cli("check", "samples/2024-9m.yaml")
    assert run.stdout.startswith("samples/2024-9m.yaml:8:16: off track: grdp_growth: 5.9 vs ≥ 7.5%")


def test_junit_failures_are_exactly_the_missed_targets(cli: CLI) -> None:
    """JUnit: one test case per target, failures = missed targets, invalid files = errors."""
    run = cli("check", "-f", "junit", "samples/2024-official.yaml", str(BROKEN))
    assert run.exit_code == 2, run
    root = ET.fromstring(run.stdout)
    suites = root.findall("testsuite")
    cases = suites[0].findall("testcase")
    assert len(cases) == 30
    failed = {case.get("name") for case in cases if case.find("failure") is not None}
    data = json.loads(cli("check", "-f", "json", "samples/2024-official.yaml").stdout)
    missed = {r["id"] for r in data["reports"][0]["results"] if r["status"] == "missed"}
    assert failed == missed
    assert len(missed) == 7
    assert suites[1].find("testcase/error") is not None
    assert root.get("errors") == "1"


def test_csv_opens_as_a_table(cli: CLI, targets: TargetsFile) -> None:
    """CSV: a header and a row per target, numbers as plain decimals."""
    run = cli("check", "-f", "csv", "samples/2024-9m.yaml")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [row["id"] for row in rows] == [t.id for t in targets.targets]
    budget = next(row for row in rows if row["id"] == "budget_revenue")
    assert (budget["actual"], budget["value"], budget["status"]) == ("20000", "15000", "met")
    assert budget["source"] == "Cục Thuế tỉnh"


def test_markdown_is_a_github_table(cli: CLI) -> None:
    """Markdown: a heading, a summary and a pipe table with one row per target."""
    run = cli("check", "-f", "markdown", "samples/2024-official.yaml")
    lines = run.stdout.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert (
        table[0]
        == "| Target (the resolution's words) | Actual | Required | Gap | Against target | Status |"
    )
    assert table[1] == "|---|--:|--:|--:|--:|---|"
    assert len(table) == 32
    assert all(line.count(" | ") >= 5 for line in table[2:])


def test_hostile_note_is_neutralised_in_every_export(cli: CLI, tmp_path: Path) -> None:
    """<script> and formulas from a report are shown as text, never run."""
    report = tmp_path / "r.yaml"
    report.write_text(
        'period: "2024"\nvalues:\n  grdp_growth: {value: 7.6, source: "<script>alert(1)</script>",'
        ' note: \'=HYPERLINK("http://x","y")\'}\n',
        encoding="utf-8",
    )
    html = tmp_path / "s.html"
    assert cli("export", str(report), "-o", str(html)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    table = tmp_path / "s.csv"
    assert cli("export", str(report), "-o", str(table)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert rows[0]["note"] == '\'=HYPERLINK("http://x","y")'
    book = tmp_path / "s.xlsx"
    assert cli("export", str(report), "-o", str(book)).exit_code == 0
    sources = openpyxl.load_workbook(book)["Sources"]
    assert sources.cell(row=2, column=6).value == '\'=HYPERLINK("http://x","y")'
    assert sources.cell(row=2, column=6).data_type == "s"


def test_export_xlsx_workbook(cli: CLI, tmp_path: Path) -> None:
    """The workbook: frozen header, numbers as numbers, coloured statuses, a sources sheet."""
    book = tmp_path / "status.xlsx"
    run = cli("export", "samples/2024-official.yaml", "-o", str(book))
    assert run.exit_code == 0, run
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["Status", "Sources"]
    sheet = workbook["Status"]
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 31
    grdp = [cell.value for cell in sheet[2]]
    assert grdp[1:4] == ["grdp_growth", "Tốc độ tăng trưởng kinh tế (GRDP): 7,5%", 6.18]
    status = sheet.cell(row=2, column=10)
    assert (status.value, status.fill.fgColor.rgb) == ("missed", "FFF8D4D4")
    met = sheet.cell(row=3, column=10)
    assert (met.value, met.fill.fgColor.rgb) == ("met", "FFD7F0D9")
    sources = workbook["Sources"]
    budget = next(row for row in sources.iter_rows(values_only=True) if row[0] == "budget_revenue")
    assert budget[1] == 20403
    assert budget[4] == "Cục Thuế tỉnh"


@pytest.mark.parametrize(
    ("lang", "sheets", "columns"),
    [
        ("en", ["Status", "Sources"],
         ["Target id", "Value", "Last year", "This year", "Source", "Note"]),
        ("vi", ["Đánh giá", "Nguồn số liệu"],
         ["Mã chỉ tiêu", "Giá trị", "Năm trước", "Năm nay", "Nguồn", "Ghi chú"]),
    ],
)  # fmt: skip
def test_export_xlsx_prints_and_names_its_columns_as_the_template(
    cli: CLI, tmp_path: Path, lang: str, sheets: list[str], columns: list[str]
) -> None:
    """Every sheet prints on A4 landscape with its header row and its id column on each page,
    and names the columns the template has as the template does (Năm trước / Năm nay)."""
    book = tmp_path / "status.xlsx"
    run = cli("export", "--lang", lang, "samples/2024-9m.yaml", "-o", str(book))
    assert run.exit_code == 0, run
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == sheets
    status, sources = (workbook[name] for name in sheets)
    assert [cell.value for cell in sources[1]] == columns
    template = tmp_path / "template.xlsx"
    assert cli("template", "--lang", lang, "-o", str(template)).exit_code == 0
    words = {cell.value for cell in openpyxl.load_workbook(template).worksheets[0][7]}
    assert set(columns) <= words
    section, target_id, target = (cell.value for cell in status[1][:3])
    assert {section, target_id, target} <= words  # Lĩnh vực, Mã chỉ tiêu, the words
    for sheet, id_column in ((status, "B"), (sources, "A")):
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.print_title_cols == f"${id_column}:${id_column}", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.page_setup.fitToHeight == 0, sheet.title
    assert status.page_setup.fitToWidth == 2  # the words and the why apart, each readable
    assert status.page_setup.pageOrder == "overThenDown"  # a row's two halves page by page
    assert sources.page_setup.fitToWidth in (None, 1)  # 1, the default, is left unwritten


def test_export_html_page(cli: CLI, tmp_path: Path) -> None:
    """One self-contained page: title, a row per target with words, status in the words of part
    of a year, summary, and a bar for each amount, count or ratio with a figure that asks for at
    least a figure (none for 'below 3 %', none for a growth rate)."""
    page = tmp_path / "status.html"
    assert cli("export", "samples/2024-9m.yaml", "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "<title>Resolution 94/NQ-HĐND: first nine months of 2024 (official)</title>" in text
    results = json.loads(cli("check", "-f", "json", "samples/2024-9m.yaml").stdout)["reports"][0]
    barred = [r["id"] for r in results["results"] if r["percent_of_target"] is not None]
    assert barred == ["budget_revenue", "new_rural_communes", "new_rural_districts",
                      "defence_drill_districts"]  # fmt: skip
    assert text.count('<div class="bar">') == len(barred)
    # a row per target: its name, the resolution's words marked as Vietnamese, its status
    # as an icon and a word, each figure labelled for a phone's screen where rows are cards
    assert text.count('<span class="name">') == 30
    assert '<span class="words" lang="vi">Tốc độ tăng trưởng kinh tế (GRDP): 7,5%</span>' in text
    assert '<td class="num required" data-label="Required">≥ 7.5%</td>' in text
    assert '<span aria-hidden="true">✗</span> Off track</span></td></tr>' in text
    assert "@media screen and (max-width: 40rem)" in text
    assert "@page { size: A4" in text
    assert "http" not in text.replace("http-equiv", "")  # nothing fetched from elsewhere
    assert '<li class="missed"><span class="count">6</span>' in text  # the scorecard
    assert cli("export", "--lang", "vi", "samples/2024-9m.yaml", "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert '<html lang="vi">' in text
    assert "<title>Nghị quyết 94/NQ-HĐND: 9 tháng đầu năm 2024 (chính thức)</title>" in text
    assert '<span aria-hidden="true">✗</span> Khó đạt</span></li>' in text


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".html", ".xlsx"])
def test_export_each_format(cli: CLI, tmp_path: Path, suffix: str) -> None:
    """Every extension writes a non-empty file and says where."""
    target = tmp_path / f"status{suffix}"
    run = cli("export", "samples/2024-estimate.yaml", "-o", str(target))
    assert run.exit_code == 0, run
    assert target.stat().st_size > 1000
    assert run.stderr == f"wrote {target}\n"


def test_export_refuses_unknown_extension_and_overwriting_input(cli: CLI, tmp_path: Path) -> None:
    """A .pdf is a usage error; exporting onto the report itself is refused."""
    report = tmp_path / "r.yaml"
    shutil.copy(SAMPLES / "2024-9m.yaml", report)
    before = report.read_bytes()
    assert cli("export", str(report), "-o", str(tmp_path / "s.pdf")).exit_code == 2
    assert cli("export", str(report), "-o", str(report)).exit_code == 2
    assert report.read_bytes() == before


def test_failed_export_leaves_existing_output_untouched(cli: CLI, tmp_path: Path) -> None:
    """An invalid report exits 2 and the previous output file is unchanged."""
    output = tmp_path / "status.csv"
    output.write_text("previous\n", encoding="utf-8")
    run = cli("export", str(BROKEN), "-o", str(output))
    assert run.exit_code == 2, run
    assert output.read_text(encoding="utf-8") == "previous\n"
    assert list(tmp_path.iterdir()) == [output]  # no temporary file left behind


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    """write_atomic leaves either the old or the new file, and keeps the old permissions."""
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_schema_accepts_valid_samples_and_rejects_unknown_ids(cli: CLI) -> None:
    """`nq94 schema` is a JSON Schema that accepts every valid sample and rejects typos."""
    run = cli("schema")
    assert run.exit_code == 0, run
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    positives = [*VALID_SAMPLES, *sorted((ROOT / "tests/example-files/positive").glob("*.yaml"))]
    for path in positives:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        assert not list(validator.iter_errors(data)), path
    for name in ("unknown-id", "rate-above-100", "missing-period", "unknown-entry-key"):
        data = yaml.safe_load((ROOT / f"tests/example-files/negative/{name}.yaml").read_text())
        assert list(validator.iter_errors(data)), name


def test_template_filled_in_validates(cli: CLI, tmp_path: Path, targets: TargetsFile) -> None:
    """`nq94 template -o new.yaml`, each blank filled with the threshold, passes validate."""
    blank = tmp_path / "new.yaml"
    run = cli("template", "--period", "2024-9M", "--basis", "estimate", "-o", str(blank))
    assert run.exit_code == 0, run
    text = blank.read_text(encoding="utf-8")
    for target in targets.targets:
        assert f"  {target.id}:\n" in text
        assert target.words in text
    assert cli("validate", str(blank)).exit_code == 2  # blanks are not figures
    for target in targets.targets:
        text = text.replace(f"  {target.id}:\n", f"  {target.id}: {target.threshold}\n")
    blank.write_text(text, encoding="utf-8")
    run = cli("validate", str(blank))
    assert run.exit_code == 0, run
    assert run.stdout == f"{blank}: valid: 2024-9M, estimate, 30 values\n"


def test_template_refuses_to_overwrite_and_bad_periods(cli: CLI, tmp_path: Path) -> None:
    """An existing file is kept unless --force; a period of another year is refused."""
    existing = tmp_path / "r.yaml"
    existing.write_text("keep", encoding="utf-8")
    assert cli("template", "-o", str(existing)).exit_code == 2
    assert existing.read_text(encoding="utf-8") == "keep"
    assert cli("template", "-o", str(existing), "--force").exit_code == 0
    assert cli("template", "--period", "2025").exit_code == 2
    assert cli("template", "--period", "soon").exit_code == 2
    assert cli("template").stdout.startswith("# Report on the 2024 targets")


def test_pre_commit_hook_runs_validate() -> None:
    """The pre-commit hook definition runs `nq94 validate` on YAML files."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "nq94 validate"
    assert hook["language"] == "python"
    assert "yaml" in hook["types"]


def test_decimal_comma_is_read_and_the_table_says_so(cli: CLI, tmp_path: Path) -> None:
    """values: {grdp_growth: "7,5"} is 7.5, and the table shows how it was read."""
    report = tmp_path / "r.yaml"
    report.write_text('period: "2024"\nvalues: {grdp_growth: "7,5"}\n', encoding="utf-8")
    run = cli("check", "-f", "table", str(report))
    assert run.exit_code == 0, run
    assert "grdp_growth · read '7,5' as 7.5" in run.stdout
    data = json.loads(cli("check", "-f", "json", str(report)).stdout)
    grdp = data["reports"][0]["results"][0]
    assert (grdp["actual"], grdp["status"], grdp["input"]) == (7.5, "met", "7,5")


def test_python_tags_run_nothing(cli: CLI, tmp_path: Path) -> None:
    """A tag that would run a command if constructed is refused, and nothing runs."""
    marker = tmp_path / "ran"
    report = tmp_path / "r.yaml"
    report.write_text(
        'period: "2024"\nvalues:\n'
        f'  grdp_growth: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'  budget_revenue: !!python/object/new:os.system ["touch {marker}"]\n',
        encoding="utf-8",
    )
    run = cli("check", str(report))
    assert run.exit_code == 2, run
    assert "YAML tag '!!python/object/apply:os.system' is not allowed" in run.stderr
    assert len(run.stderr.splitlines()) == 2
    assert not marker.exists()


def test_every_export_format_has_a_writer() -> None:
    """Each ExportFormat member has a writer, and each extension finds its format."""
    from nq94.render.export import EXPORTER, ExportFormat, export_format

    assert set(EXPORTER) == set(ExportFormat)
    for fmt in ExportFormat:
        assert export_format(fmt.value.upper()) is fmt
    assert export_format(".htm") is ExportFormat.HTML
    assert export_format(".pdf") is None
