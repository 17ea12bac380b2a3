"""Words an officer would sign: a status in the words of what its report can say (official
figures for the year, an estimate of it, part of it), whole on one line in every table; a
percent of the plan only where it means something; a course that compares the first figure with
the last and says where the status changed; a derived figure shown with its inputs.

Each test runs the real command on the samples, or on reports written as an officer writes them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from nq94.cli import app
from nq94.model import TargetsFile

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT

SAMPLES = {
    "2024-h1": "part",
    "2024-9m": "part",
    "2024-estimate": "estimate",
    "2024-official": "final",
}
"""The four samples of 2024, and what each can say of the year."""

WORDS = {
    ("final", "met"): ("met", "Đạt"),
    ("final", "missed"): ("missed", "Không đạt"),
    ("estimate", "met"): ("likely met", "Ước đạt"),
    ("estimate", "at_risk"): ("at risk", "Có nguy cơ không đạt"),
    ("estimate", "missed"): ("likely missed", "Ước không đạt"),
    ("part", "met"): ("on track", "Có khả năng đạt"),
    ("part", "at_risk"): ("at risk", "Có nguy cơ không đạt"),
    ("part", "missed"): ("off track", "Khó đạt"),
}
"""The status words by stage, as officers write them (the issue's table), in English and
Vietnamese; 'no data' and 'not assessed' read the same at every stage."""

ALWAYS = {
    "no_data": ("no data", "Chưa có số liệu"),
    "not_assessed": ("not assessed", "Chưa đánh giá"),
}


def _word(stage: str, status: str, lang: str) -> str:
    english, vietnamese = WORDS.get((stage, status)) or ALWAYS[status]
    return english if lang == "en" else vietnamese


def _run(monkeypatch: pytest.MonkeyPatch, *args: str, columns: int = 160) -> str:
    """stdout of `nq94 ARGS` from the repository, $COLUMNS wide, without colour."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(columns))
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), f"{result.stdout}\n{result.stderr}"
    return result.stdout


def _results(monkeypatch: pytest.MonkeyPatch, *paths: str) -> list[dict[str, object]]:
    """The JSON report of each path (status codes, final, percent, inputs)."""
    data = json.loads(_run(monkeypatch, "check", "-f", "json", *paths))
    return data["reports"]  # type: ignore[no-any-return]


# --- 1. status words by stage ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_each_line_of_text_says_the_status_in_the_words_of_its_stage(
    sample: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check -f text`: 'off track' at nine months, 'likely met' in an estimate, 'met' only in
    official figures for the year; JSON keeps the codes and says which report is final."""
    path = f"samples/{sample}.yaml"
    (report,) = _results(monkeypatch, path)
    assert report["final"] is (SAMPLES[sample] == "final")
    text = _run(monkeypatch, "check", "-f", "text", "--lang", lang, path)
    for result in report["results"]:  # type: ignore[attr-defined]
        word = _word(SAMPLES[sample], result["status"], lang)
        assert f": {word}: {result['id']}: " in text, (result["id"], text)


@pytest.mark.parametrize(
    ("sample", "lang", "summary"),
    [
        ("2024-9m", "vi", "30 chỉ tiêu: 3 có khả năng đạt, 6 có nguy cơ không đạt, 6 khó đạt, "),
        ("2024-9m", "en", "30 targets: 3 on track, 6 at risk, 6 off track, 15 no data"),
        (
            "2024-estimate",
            "vi",
            "30 chỉ tiêu: 12 ước đạt, 16 có nguy cơ không đạt, 2 ước không đạt",
        ),
        ("2024-official", "vi", "30 chỉ tiêu: 21 đạt, 7 không đạt, 2 chưa có số liệu"),
        ("2024-official", "en", "30 targets: 21 met, 7 missed, 2 no data"),
    ],
)
def test_the_summary_line_counts_in_the_same_words(
    sample: str, lang: str, summary: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary says the stage's words too, and official figures are never '0 at risk'."""
    path = f"samples/{sample}.yaml"
    for fmt in ("text", "table"):
        out = " ".join(_run(monkeypatch, "check", "-f", fmt, "--lang", lang, path).split())
        assert summary in out, out


def _rows(out: str, caption: str) -> str:
    """The rows of a status table: what comes before its caption (which says what 'at risk'
    means, folded over as many lines as it takes) and its summary line."""
    lines = out.splitlines()
    end = next(i for i, line in enumerate(lines) if re.match(r"30 (targets|chỉ tiêu):", line))
    start = end
    while " ".join(" ".join(lines[start:end]).split()) != caption:
        start -= 1
        assert start > 0, f"no caption {caption!r} in\n{out}"
    return "\n".join(lines[:start])


def _count_whole(words: list[str], text: str) -> dict[str, int]:
    """How often each word stands whole on a line of ``text``: the longest words first, each
    found taken out, so that 'met' is not counted again inside 'likely met'."""
    counts = {}
    for word in sorted(set(words), key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w.,]){re.escape(word)}(?![\w.,])")
        counts[word] = len(pattern.findall(text))
        text = pattern.sub("§", text)
    return counts


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_a_status_is_never_split_across_lines(
    sample: str, lang: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 60, 80 and 120 columns, every status of the table stands whole on one line, once
    per target ('Có nguy cơ' / 'không đạt' would read as two), and no line is wider."""
    path = f"samples/{sample}.yaml"
    (report,) = _results(monkeypatch, path)
    out = _run(monkeypatch, "check", "-f", "table", "--lang", lang, path, columns=width)
    assert max(cell_len(line) for line in out.splitlines()) <= width, out
    wide = _run(monkeypatch, "check", "-f", "table", "--lang", lang, path, columns=1000)
    caption = wide.splitlines()[-2].strip()  # on one line, just above the summary
    words = [_word(SAMPLES[sample], r["status"], lang) for r in report["results"]]  # type: ignore[attr-defined]
    counts = _count_whole(words, _rows(out, caption))
    assert counts == {word: words.count(word) for word in set(words)}, out


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_trend_and_diff_keep_each_status_whole(
    lang: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`trend` and `diff` too: each status word whole on a line, no line wider than the
    terminal, whatever layout the width chooses."""
    reports = [f"samples/{sample}.yaml" for sample in SAMPLES]
    every = {_word(stage, status, lang) for stage, status in WORDS} | {
        _word("final", status, lang) for status in ALWAYS
    }
    for args in (("trend", *reports), ("diff", reports[1], reports[2])):
        out = _run(monkeypatch, *args, "--lang", lang, columns=width)
        assert max(cell_len(line) for line in out.splitlines()) <= width, out
        pieces = {piece for word in every for piece in _halves(word)} - every
        cells = [
            cell.removesuffix("→").strip()
            for line in out.splitlines()
            for cell in re.split(r" {2,}", line.strip())
        ]
        assert not [cell for cell in cells if cell in pieces], out


def _halves(word: str) -> list[str]:
    """What a status split across two lines leaves on a line alone: 'Có nguy cơ', 'không đạt'."""
    parts = word.split()
    return [" ".join(parts[:i]) for i in range(1, len(parts))] + [
        " ".join(parts[i:]) for i in range(1, len(parts))
    ]


def test_the_site_and_the_export_say_the_same_words(tmp_path: Path, cli: CLI) -> None:
    """The overview of each report and the CSV for people use the words of its stage."""
    out = tmp_path / "site"
    assert cli("site", "--lang", "vi", "samples/", "-o", str(out)).exit_code == 0
    overview = (out / "index.html").read_text(encoding="utf-8")
    for word in ("Có khả năng đạt", "Khó đạt", "Ước đạt", "Ước không đạt", "Đạt", "Không đạt"):
        assert f"</span> {word}</span>" in overview, word
    table = tmp_path / "nine.csv"
    assert cli("export", "--lang", "vi", "samples/2024-9m.yaml", "-o", str(table)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert {row["đánh giá"] for row in rows} == {
        "Có khả năng đạt", "Có nguy cơ không đạt", "Khó đạt", "Chưa có số liệu",
    }  # fmt: skip


def test_at_risk_says_why_where_it_is_shown(cli: CLI, tmp_path: Path) -> None:
    """At risk while meeting the threshold (inside the margin) is explained in the row."""
    text = cli("check", "-f", "text", "samples/2024-estimate.yaml").stdout
    line = next(line for line in text.splitlines() if ": trained_labour_rate: " in line)
    assert line.endswith("meets it, but within the margin of 0.5: not certain yet"), line
    page = tmp_path / "estimate.html"
    cli("export", "--lang", "vi", "samples/2024-estimate.yaml", "-o", str(page))
    assert "đạt, nhưng còn trong biên 0,5: chưa chắc chắn" in page.read_text(encoding="utf-8")


# --- 2. percent of the plan ----------------------------------------------------------------


def test_percent_of_target_only_for_amounts_counts_and_ratios(
    targets: TargetsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Growth rates, rates, shares and points have no percent of their plan: null in JSON."""
    measures = {target.id: target.measure.value for target in targets.targets}
    for report in _results(monkeypatch, *(f"samples/{sample}.yaml" for sample in SAMPLES)):
        with_percent = {r["id"] for r in report["results"] if r["percent_of_target"] is not None}  # type: ignore[attr-defined]
        assert {measures[i] for i in with_percent} <= {"amount", "count", "ratio"}, report["file"]
    (official,) = _results(monkeypatch, "samples/2024-official.yaml")
    percents = {r["id"]: r["percent_of_target"] for r in official["results"]}  # type: ignore[attr-defined]
    assert percents["export_growth"] is None
    assert percents["budget_revenue"] is not None


@pytest.fixture
def more_than(tmp_path: Path) -> Path:
    """The 2026 plan's "trên 135 nghìn tỷ đồng", met exactly in official figures."""
    folder = tmp_path / "plan"
    folder.mkdir()
    targets = (ROOT / "samples" / "thai-nguyen-2026" / "targets.yaml").read_text(encoding="utf-8")
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    report = folder / "2026.yaml"
    report.write_text(
        'period: "2026"\nbasis: official\ntargets: targets.yaml\nvalues:\n'
        "  total_investment: 135\n  budget_revenue: 26560\n",
        encoding="utf-8",
    )
    return report


def test_more_than_met_exactly_is_missed_and_never_100_percent(
    more_than: Path, cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """135 against 'trên 135': missed, no percent of target, and said as it is."""
    (report,) = json.loads(cli("check", "-f", "json", str(more_than)).stdout)["reports"]
    result = next(r for r in report["results"] if r["id"] == "total_investment")
    assert (result["status"], result["percent_of_target"]) == ("missed", None)
    text = cli("check", "-f", "text", str(more_than)).stdout
    line = next(line for line in text.splitlines() if ": total_investment: " in line)
    assert "at the requirement; more than 135 needed" in line, line
    assert "100" not in line, line
    monkeypatch.setenv("COLUMNS", "200")
    table = cli("check", "-f", "table", "--lang", "vi", str(more_than)).stdout
    assert "bằng mức yêu cầu; cần trên 135" in table, table
    text = cli("check", "-f", "text", "--lang", "vi", str(more_than)).stdout
    line = next(line for line in text.splitlines() if ": total_investment: " in line)
    assert "Không đạt" in line, line
    assert "100" not in line, line
    budget = next(r for r in report["results"] if r["id"] == "budget_revenue")
    assert budget["percent_of_target"] == 100  # 'từ 26.560' met exactly is 100 % of it


# --- 3. the course over the year -------------------------------------------------------------


def _year(folder: Path, figures: dict[str, str]) -> list[str]:
    """Reports of H1, nine months and the estimate of the year, one figure of export growth each."""
    paths = []
    for period, (basis, figure) in figures.items():
        path = folder / f"{period}.yaml"
        text = f'period: "{period}"\nbasis: {basis}\nvalues:\n  export_growth: {figure}\n'
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_course_that_fell_says_worse_and_where_the_status_changed(
    tmp_path: Path, cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """19.2 (met) → 1.85 (missed) → 1.85 is worse, not steady: the first figure against the
    last, and the status it had, then the one it came to."""
    paths = _year(
        tmp_path,
        {"2024-H1": ("official", "19.2"), "2024-9M": ("official", "1.85"),
         "2024": ("estimate", "1.85")},
    )  # fmt: skip
    data = json.loads(cli("trend", "-f", "json", *paths).stdout)["trend"]
    (course,) = [t for t in data["targets"] if t["id"] == "export_growth"]
    assert course["direction"] == "away"
    monkeypatch.setenv("COLUMNS", "200")
    markdown = cli("trend", "-f", "markdown", "--lang", "vi", *paths).stdout
    row = next(line for line in markdown.splitlines() if "`export_growth`" in line)
    assert "kém đi: Có khả năng đạt → Ước không đạt" in row, row
    table = cli("trend", "--lang", "vi", *paths).stdout
    lines = [line.split() for line in table.splitlines()]
    row_at = next(i for i, line in enumerate(lines) if "export_growth" in line)
    course_cell = " ".join(" ".join(line) for line in lines[row_at - 1 : row_at + 2])
    assert "kém đi" in course_cell, table
    assert "Có khả năng đạt →" in course_cell, table


@pytest.mark.parametrize(
    ("figures", "direction"),
    [
        (("7.3", "7.4", "7.5"), "steady"),  # within the margin 0.5 of each other all year
        (("9", "8.2", "9"), "back"),  # as it was, having moved more than the margin
        (("6", "7.9", "7.1"), "toward"),
    ],
)
def test_steady_only_within_a_margin_all_year(
    figures: tuple[str, str, str], direction: str, tmp_path: Path, cli: CLI
) -> None:
    paths = _year(
        tmp_path,
        dict(zip(("2024-H1", "2024-9M", "2024"), (("official", f) for f in figures), strict=True)),
    )
    data = json.loads(cli("trend", "-f", "json", *paths).stdout)["trend"]
    (course,) = [t for t in data["targets"] if t["id"] == "export_growth"]
    assert course["direction"] == direction


# --- 4. derived figures keep their inputs ------------------------------------------------------


def test_a_derived_figure_keeps_its_inputs(cli: CLI, tmp_path: Path) -> None:
    """Export growth from 30,950 → 33,300: the CSV has both and the figure to 6 decimals at
    most; the site's overview shows them beside it; the workbook keeps them on its sources."""
    rows = list(
        csv.DictReader(io.StringIO(cli("check", "-f", "csv", "samples/2024-estimate.yaml").stdout))
    )
    growth = next(row for row in rows if row["id"] == "export_growth")
    assert (growth["baseline"], growth["current"], growth["value"]) == (
        "30950",
        "33300",
        "7.592892",
    )
    assert growth["obtained"] == "derived"
    out = tmp_path / "site"
    assert cli("site", "--lang", "vi", "samples/2024-estimate.yaml", "-o", str(out)).exit_code == 0
    overview = (out / "index.html").read_text(encoding="utf-8")
    assert "(30.950 → 33.300)" in overview
    assert "7,59" in overview
    assert "7,592892" not in overview


def test_a_derived_figure_has_six_decimals_at_most_everywhere(cli: CLI, tmp_path: Path) -> None:
    """trend and diff in CSV and JSON, and the site's data files, give a derived growth rate to
    6 decimals at most, as check does (25 decimals before: 6.9651741293532338308457711)."""
    reports = [f"samples/{sample}.yaml" for sample in SAMPLES]
    out = tmp_path / "site"
    assert cli("site", *reports, "-o", str(out)).exit_code == 0
    texts = {
        "trend csv": cli("trend", "-f", "csv", *reports).stdout,
        "trend json": cli("trend", "-f", "json", *reports).stdout,
        "diff json": cli("diff", "-f", "json", reports[2], reports[3]).stdout,
        "diff csv": cli("diff", "-f", "csv", reports[2], reports[3]).stdout,
        "site csv": (out / "data" / "export_growth.csv").read_text(encoding="utf-8-sig"),
        "site json": (out / "data" / "export_growth.json").read_text(encoding="utf-8"),
    }
    for name, text in texts.items():
        assert "7.592892" in text or name.startswith("diff"), name
        assert not re.search(r"\d\.\d{7,}", text), (name, re.findall(r"\d+\.\d{7,}", text))


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_summary_line_folds_between_counts_never_inside_one(
    lang: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'2 ước / không đạt' read as a second status, and 'chưa có số / liệu' was split: the
    summary folds after a comma, each count whole on its line."""
    out = _run(
        monkeypatch, "check", "-f", "table", "--lang", lang, "samples/2024-estimate.yaml",
        columns=width,
    )  # fmt: skip
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"30 (targets|chỉ tiêu):", line))
    summary = lines[start:]
    counts = {
        "en": ["12 likely met", "16 at risk", "2 likely missed", "0 no data"],
        "vi": ["12 ước đạt", "16 có nguy cơ không đạt", "2 ước không đạt", "0 chưa có số liệu"],
    }[lang]
    for count in counts:
        assert any(count in line for line in summary), summary
    assert max(cell_len(line) for line in summary) <= width


def test_a_whole_years_estimate_does_not_say_flows_are_projected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The caption of the full year's estimate said flows were projected; nothing is."""
    out = _run(monkeypatch, "check", "-f", "table", "samples/2024-estimate.yaml", columns=200)
    assert "Estimate: a value within the margin of its threshold is at risk." in out
    assert "projected" not in out
    nine = _run(monkeypatch, "check", "-f", "table", "samples/2024-9m.yaml", columns=200)
    assert "flows are projected to the year end" in nine
