"""Vietnamese and English: complete catalogues, and every screen in the reader's language."""

from __future__ import annotations

import csv
import io
import itertools
import re
import string
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq94.i18n import Lang, detect, en, number, use, vi
from nq94.model import TargetsFile

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT, SAMPLES, Script

SOURCE = ROOT / "src" / "nq94"
REPORTS = sorted(str(path.relative_to(ROOT)) for path in SAMPLES.glob("*.yaml"))
DIACRITICS = re.compile(r"[^\x00-\x7f–—─→≥≤≈±·“”↗↘▁▂▃▄▅▆▇█]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogues_have_the_same_keys_none_empty() -> None:
    assert set(en.MESSAGES) == set(vi.MESSAGES)
    for key in en.MESSAGES:
        assert en.MESSAGES[key].strip(), key
        assert vi.MESSAGES[key].strip(), key


def test_catalogues_fill_in_the_same_values() -> None:
    """A message in one language never asks for a value the other does not give."""
    for key, text in en.MESSAGES.items():
        assert _fields(text) == _fields(vi.MESSAGES[key]), key


def test_every_key_the_code_asks_for_exists() -> None:
    """Keys written out in the code, and the families built from enum values, are all there."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py"))
    asked = set(re.findall(r"""\btn?\(\s*"([a-z_]+(?:\.[a-z_]+)+|[a-z_]+)"[,)]""", code))
    plural = set(re.findall(r"""\btn\(\s*"([a-z_.]+)\"""", code))
    assert len(asked) > 150
    missing = {
        key
        for key in asked
        if key not in en.MESSAGES and not (key in plural and f"{key}.one" in en.MESSAGES)
    }
    assert not missing
    from nq94.evaluate import Obtained
    from nq94.model import Basis, Kind, Status
    from nq94.render.csvfmt import CHECK_COLUMNS
    from nq94.review import Change, Direction

    families = {
        "status": Status, "basis": Basis, "change": Change, "direction": Direction,
        "obtained": Obtained, "kind": Kind, "kind_help": Kind,
    }  # fmt: skip
    for prefix, kind in families.items():
        for member in kind:
            assert f"{prefix}.{member.value}" in en.MESSAGES
    for column in CHECK_COLUMNS:
        assert f"csv.{column}" in en.MESSAGES


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        (["check", "--lang", "vi"], {}, Lang.VI),
        (["check", "--lang=en"], {"LANG": "vi_VN.UTF-8"}, Lang.EN),
        ([], {"NQ94_LANG": "vi", "LANG": "en_US.UTF-8"}, Lang.VI),
        ([], {"LANG": "vi_VN.UTF-8"}, Lang.VI),
        ([], {"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}, Lang.EN),
        ([], {"LC_ALL": "vi_VN"}, Lang.VI),
        ([], {}, Lang.EN),
        (["--lang", "fr"], {"NQ94_LANG": "de"}, Lang.EN),
        ([], {"NQ94_LANG": "vi_VN"}, Lang.VI),
        ([], {"NQ94_LANG": "VI"}, Lang.VI),
        ([], {"NQ94_LANG": "vi-VN", "LANG": "en_US.UTF-8"}, Lang.VI),
        (["--lang", "vi_VN.UTF-8"], {}, Lang.VI),
        ([], {"NQ94_LANG": "en_GB"}, Lang.EN),
    ],
)
def test_detect(argv: list[str], environ: dict[str, str], lang: Lang) -> None:
    assert detect(argv, environ, system=lambda: "") is lang


@pytest.mark.parametrize(
    ("system", "lang"),
    [("Vietnamese_Vietnam", Lang.VI), ("vi_VN", Lang.VI), ("English_United States", Lang.EN),
     ("", Lang.EN)],
)  # fmt: skip
def test_without_locale_variables_the_system_language_decides(system: str, lang: Lang) -> None:
    """Windows sets no LANG: its locale (Vietnamese_Vietnam.1258) or display language decides."""
    assert detect([], {}, system=lambda: system) is lang
    assert detect([], {"LANG": "en_US.UTF-8"}, system=lambda: system) is Lang.EN


@pytest.mark.parametrize(
    ("lang", "expected"),
    [(Lang.VI, ["7,5", "19.515", "19.515,5", "-1,6", "+485", "96,0"]),
     (Lang.EN, ["7.5", "19,515", "19,515.5", "-1.6", "+485", "96.0"])],
)  # fmt: skip
def test_numbers_are_written_the_readers_way(lang: Lang, expected: list[str]) -> None:
    use(lang)
    got = [
        number(Decimal("7.50")),
        number(Decimal("19515")),
        number(Decimal("19515.5")),
        number(Decimal("-1.6")),
        number(Decimal("485"), sign=True),
        number(Decimal("96"), places=1, fixed=True),
    ]
    assert got == expected


def _english_words() -> set[str]:
    """Words of the English catalogue that are not also Vietnamese or code."""
    words = set()
    for text in en.MESSAGES.values():
        words |= {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)}
    for text in vi.MESSAGES.values():
        words -= {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)}
    return words


def _without_ids(text: str, targets: TargetsFile) -> str:
    """The text without what is not language: target ids, file names, the resolution number."""
    for target in sorted(targets.targets, key=lambda t: -len(t.id)):
        text = text.replace(target.id, " ")
    text = re.sub(r"\S*samples/\S*\.yaml", " ", text)
    return text.replace(targets.resolution.number, " ")


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("fmt", ["table", "text"])
def test_vietnamese_check_has_no_english_word(
    cli: CLI, targets: TargetsFile, report: str, fmt: str
) -> None:
    run = cli("check", "--lang", "vi", "-f", fmt, report)
    assert run.exit_code == 0, run
    text = _without_ids(run.stdout, targets)
    english = _english_words()
    found = {word for word in re.findall(r"[A-Za-z]{3,}", text) if word.lower() in english}
    assert not found
    # the status words of the report's stage: part of a year, an estimate, official figures
    said = {"2024-h1": "Khó đạt", "2024-9m": "Khó đạt", "2024-estimate": "Ước đạt"}
    assert said.get(Path(report).stem, "Không đạt") in text
    assert not re.search(r"\d\.\d{1,2}(?!\d)", text)  # a point only groups thousands
    assert re.search(r"\d,\d", text)


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("fmt", ["table", "text"])
def test_english_check_has_no_vietnamese_but_the_resolutions_words(
    cli: CLI, targets: TargetsFile, report: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # so that the resolution's words stay whole
    run = cli("check", "--lang", "en", "-f", fmt, report)
    assert run.exit_code == 0, run
    text = _without_ids(run.stdout, targets)
    for target in sorted(targets.targets, key=lambda t: -len(t.words)):
        text = text.replace(target.words, " ")
    assert not DIACRITICS.findall(text)
    assert not re.search(r"\d,\d{1,2}(?!\d)", text)  # a comma only groups thousands


def test_errors_of_a_broken_report_are_in_the_chosen_language(cli: CLI) -> None:
    broken = "samples/invalid/2024-broken.yaml"
    vietnamese = cli("check", "--lang", "vi", broken)
    assert vietnamese.exit_code == 2
    assert vietnamese.stderr.splitlines() == [
        f'{broken}:6:1: thiếu khóa bắt buộc \'period\' (ví dụ period: "2024" hoặc "2024-9M")',
        f"{broken}:8:3: values.grdp_growht: mã chỉ tiêu không có; có phải là 'grdp_growth'?",
        f"{broken}:9:18: values.export_growth: cần một số, nhưng gặp 'bảy'; hãy ghi như 7.5 "
        'hoặc "7,5"',
        f"{broken}:10:26: values.health_insurance_rate: giá trị '120' nằm ngoài khoảng hợp lý từ 0 "
        "đến 100 %",
    ]
    english = cli("check", "--lang", "en", broken)
    assert "missing required key 'period'" in english.stderr


def test_vietnamese_locale_is_the_default(script: Script, tmp_path: Path) -> None:
    """LANG=vi_VN.UTF-8 nq94 check …, with no --lang and no NQ94_LANG, speaks Vietnamese."""
    env: dict[str, str | None] = {"NQ94_LANG": None, "LC_ALL": None, "LC_MESSAGES": None}
    sample = SAMPLES / "2024-9m.yaml"
    vietnamese = script("check", sample, env={**env, "LANG": "vi_VN.UTF-8"})
    assert "30 chỉ tiêu: 3 có khả năng đạt" in vietnamese.stdout
    english = script("check", sample, env={**env, "LANG": "en_US.UTF-8"})
    assert "30 targets: 3 on track" in english.stdout


def test_help_is_in_the_chosen_language(
    cli: CLI, script: Script, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = script("check", "--lang", "vi", "--help", env={"COLUMNS": "200"})
    assert "Kiểm tra từng báo cáo" in run.stdout
    assert "Ngôn ngữ hiển thị" in run.stdout
    assert "─ Tùy chọn ─" in run.stdout  # typer's own headings too
    assert "[mặc định: auto]" in run.stdout


def test_exports_follow_the_language(cli: CLI, tmp_path: Path) -> None:
    report = "samples/2024-9m.yaml"
    table = tmp_path / "s.csv"
    assert cli("export", "--lang", "vi", report, "-o", str(table)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    growth = next(row for row in rows if row["mã"] == "grdp_growth")
    assert growth["đánh giá"] == "Khó đạt"  # nine months: not "không đạt" yet
    assert growth["kỳ"] == "9 tháng đầu năm 2024"
    assert growth["thực hiện"] == "5.9"  # numbers stay readable by any spreadsheet
    markdown = tmp_path / "s.md"
    assert cli("export", "--lang", "vi", report, "-o", str(markdown)).exit_code == 0
    assert "| Chỉ tiêu (nguyên văn Nghị quyết) | Thực hiện |" in markdown.read_text("utf-8")
    assert "| 5,9 |" in markdown.read_text("utf-8")
    book = tmp_path / "s.xlsx"
    assert cli("export", "--lang", "vi", report, "-o", str(book)).exit_code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(book).worksheets[0]
    assert sheet.title == "Đánh giá"
    assert sheet.cell(1, 3).value == "Chỉ tiêu (nguyên văn Nghị quyết)"
    assert sheet.cell(2, 10).value == "Khó đạt"
    assert cli("export", "--lang", "en", report, "-o", str(book)).exit_code == 0
    assert openpyxl.load_workbook(book).worksheets[0].cell(2, 10).value == "off track"


def test_the_resolutions_words_are_shown_in_both_languages(cli: CLI, targets: TargetsFile) -> None:
    words = targets.target("budget_revenue").words  # type: ignore[union-attr]
    for lang in ("vi", "en"):
        run = cli("targets", "--lang", lang, "budget_revenue")
        assert f"“{words}”" in run.stdout
    assert "Đơn vị" in cli("targets", "--lang", "vi", "budget_revenue").stdout


def test_trend_and_diff_in_vietnamese(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # the pace's words on one line
    trend = cli("trend", "--lang", "vi", "samples/2024-9m.yaml", "samples/2024-h1.yaml").stdout
    flat = " ".join(trend.split())  # the pace's cell may wrap before its average
    assert "cần 1.505 tỷ đồng mỗi tháng, bình quân đến nay" in flat
    assert "1.666,67 tỷ đồng mỗi tháng" in flat
    periods = "6 tháng đầu năm 2024 (chính thức) → 9 tháng đầu năm 2024 (chính thức)"
    assert periods in " ".join(trend.split())
    diff = cli("diff", "--lang", "vi", "samples/2024-9m.yaml", "samples/2024-estimate.yaml")
    lines = [line.rstrip() for line in diff.stdout.splitlines()]
    assert ("Có khả năng đạt →", "Có nguy cơ không đạt") in {
        (line[-17:], below[-20:]) for line, below in itertools.pairwise(lines)
    }, diff.stdout
    assert diff.stdout.rstrip().endswith("1 đánh giá xấu đi")


def test_the_cldr_table_is_babels() -> None:
    from nq94.i18n.cldr import NUMBERS, from_babel

    assert {lang: from_babel(lang) for lang in NUMBERS} == NUMBERS


@settings(max_examples=300)
@given(
    value=st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, places=4),
    places=st.integers(min_value=0, max_value=3),
    fixed=st.booleans(),
    lang=st.sampled_from(list(Lang)),
)
def test_numbers_are_written_as_babel_writes_them(
    value: Decimal, places: int, fixed: bool, lang: Lang
) -> None:
    """nq94's formatting gives Babel's format_decimal text for the same rounded number."""
    from babel.numbers import format_decimal

    use(lang)
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    decimals = ("0" if fixed else "#") * places
    pattern = f"#,##0.{decimals}" if places else "#,##0"
    expected = format_decimal(abs(rounded), format=pattern, locale=lang.value)
    if rounded < 0:
        expected = "-" + expected
    assert number(value, places=places, fixed=fixed) == expected


def test_the_schema_describes_in_the_chosen_language(cli: CLI) -> None:
    import json

    vietnamese = json.loads(cli("schema", "--lang", "vi").stdout)
    english = json.loads(cli("schema", "--lang", "en").stdout)
    assert vietnamese["properties"]["period"]["description"].startswith("Kỳ báo cáo")
    assert english["properties"]["period"]["description"].startswith("The period")
    budget = vietnamese["$defs"]["Values"]["properties"]["budget_revenue"]["description"]
    assert "≥ 19.515 tỷ đồng" in budget
    assert set(vietnamese["$defs"]["Values"]["properties"]) == set(
        english["$defs"]["Values"]["properties"]
    )


def test_yaml_syntax_errors_in_the_chosen_language(cli: CLI, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text('period: "2024\nvalues: {grdp_growth: 7.5}\n', encoding="utf-8")
    vietnamese = cli("validate", "--lang", "vi", str(broken))
    assert vietnamese.exit_code == 2
    # where the quote opened, not where the file ends
    assert vietnamese.stderr == (
        f"{broken}:1:9: YAML không hợp lệ: dấu ngoặc kép mở ở đây nhưng không được đóng\n"
    )
    english = cli("validate", "--lang", "en", str(broken))
    assert english.stderr == f"{broken}:1:9: invalid YAML: a quote opened here is never closed\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('period: "2024"\nvalues:\n\tgrdp_growth: 6\n',
         "3:1: invalid YAML: a tab; indent with spaces"),
        ('period: "2024"\n---\nvalues: {}\n',
         "2:1: invalid YAML: a second document (---); a report is one document"),
    ],
)  # fmt: skip
def test_yaml_problems_say_what_to_do_in_english_too(
    cli: CLI, tmp_path: Path, text: str, line: str
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    assert cli("validate", str(broken)).stderr == f"{broken}:{line}\n"


@pytest.mark.parametrize(
    ("text", "unit", "lang", "said"),
    [
        ("≥ 1", "districts", Lang.EN, "≥ 1 district"),
        ("-1", "percentage points", Lang.EN, "-1 percentage point"),
        ("11", "districts", Lang.EN, "11 districts"),
        ("0.1", "percentage points", Lang.EN, "0.1 percentage points"),
        ("1", "đơn vị", Lang.VI, "1 đơn vị"),
        ("1", "%", Lang.EN, "1%"),
    ],
)
def test_one_of_a_unit_is_singular_in_english(text: str, unit: str, lang: Lang, said: str) -> None:
    from nq94.model import measured

    use(lang)
    assert measured(text, unit) == said
