"""Reading reports and targets files: every problem located at its line and column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from nq94.errors import InputError
from nq94.model import Basis, PeriodKind, TargetsFile
from nq94.read.loading import load_report, load_targets, report_from
from nq94.read.yamldoc import parse, read_text

EXAMPLES = Path(__file__).parent.parent / "example-files"
NEGATIVE = sorted(p for p in (EXAMPLES / "negative").iterdir() if p.suffix in (".yaml", ".xlsx"))
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_negative_example_reports_exactly_its_problems(path: Path, targets: TargetsFile) -> None:
    """Each bad file gives exactly the located messages in its .expected file."""
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    with pytest.raises(InputError) as caught:
        load_report(str(path), targets)
    got = [str(p).removeprefix(f"{path}:") for p in caught.value.problems]
    assert got == expected


@pytest.mark.parametrize("path", POSITIVE, ids=lambda p: p.stem)
def test_positive_example_loads(path: Path, targets: TargetsFile) -> None:
    """Each good file loads."""
    report = load_report(str(path), targets)
    assert report.period.year == 2024


def test_corpus_is_not_empty() -> None:
    """The corpus exists, so the parametrized tests above cannot pass by collecting nothing."""
    assert len(NEGATIVE) >= 30
    assert len(POSITIVE) >= 5


def test_numbers_are_read_exactly(targets: TargetsFile) -> None:
    """YAML numbers become Decimals from their text, never via float."""
    report = report_from(
        "x.yaml", 'period: "2024"\nvalues: {grdp_growth: 0.1, budget_revenue: 19515.30}', targets
    )
    assert report.values["grdp_growth"].value == Decimal("0.1")
    assert str(report.values["budget_revenue"].value) == "19515.30"


def test_quoted_numbers_with_decimal_comma_and_percent(targets: TargetsFile) -> None:
    """'7,5' and '94,2%' are read as 7.5 and 94.2."""
    report = load_report(str(EXAMPLES / "positive" / "comma-decimal.yaml"), targets)
    assert report.values["grdp_growth"].value == Decimal("7.5")
    assert report.values["health_insurance_rate"].value == Decimal("94.2")


def test_leading_zeros_are_decimal_not_octal(targets: TargetsFile) -> None:
    """'02 xã' written as 02 is 2 and 08 is 8, as a person means, not YAML 1.1 octal."""
    report = load_report(str(EXAMPLES / "positive" / "leading-zero-count.yaml"), targets)
    assert report.values["new_rural_communes"].value == 2
    assert report.values["defence_drill_districts"].value == 8


def test_full_entry_keeps_every_field(targets: TargetsFile) -> None:
    """source and note are kept next to the value; basis and period are parsed."""
    report = load_report(str(EXAMPLES / "positive" / "full-entry.yaml"), targets)
    assert report.basis is Basis.ESTIMATE
    assert report.period.kind is PeriodKind.QUARTER
    assert report.period.months == 9
    entry = report.values["budget_revenue"]
    assert (entry.value, entry.source, entry.note) == (Decimal(15000), "Cục Thuế tỉnh", "số ước")


def test_unquoted_year_period(targets: TargetsFile) -> None:
    """period: 2024 (a YAML number) is the year 2024."""
    report = load_report(str(EXAMPLES / "positive" / "unquoted-period.yaml"), targets)
    assert str(report.period) == "2024"


def test_utf8_bom_is_accepted(targets: TargetsFile) -> None:
    """A file saved with a UTF-8 byte order mark (as Windows editors do) is read."""
    assert load_report(str(EXAMPLES / "positive" / "utf8-bom.yaml"), targets).period.months == 5


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    """A UTF-16 file gets one located message naming the encoding."""
    path = tmp_path / "r.yaml"
    path.write_bytes('period: "2024"\n'.encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16; save it as UTF-8"):
        read_text(str(path))


def test_invalid_utf8_names_line_and_column(tmp_path: Path) -> None:
    """A Windows-1258 byte is located at its line and column."""
    path = tmp_path / "r.yaml"
    path.write_bytes(b'period: "2024"\nsource: "B\xe1o c\xe1o"\n')
    with pytest.raises(InputError) as caught:
        read_text(str(path))
    assert str(caught.value) == f"{path}:2:11: byte 0xe1 is not valid UTF-8; save the file as UTF-8"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    """A file that does not exist is reported like any other input problem."""
    with pytest.raises(InputError, match="cannot read file"):
        read_text(str(tmp_path / "absent.yaml"))


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    """A file over the size limit is refused without being parsed."""
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * 100 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="larger than 50 bytes"):
        read_text(str(path), max_bytes=50)


def test_marks_point_at_keys_and_values() -> None:
    """The document remembers where each key and value starts (1-based)."""
    doc = parse("x.yaml", "period: '2024'\nvalues:\n  grdp_growth:   7.5\n")
    assert doc.mark(("values", "grdp_growth"), key=True).column == 3
    assert doc.mark(("values", "grdp_growth")).column == 18
    assert doc.mark(("values", "grdp_growth", "value")).line == 3


def test_builtin_targets_file_loads() -> None:
    """The shipped targets file validates and is cached."""
    assert load_targets() is load_targets()


def test_targets_file_from_a_path_gets_located_errors(tmp_path: Path) -> None:
    """A broken targets file is reported like a broken report: every target's problem, each at
    its line."""
    text = (Path(__file__).parent.parent.parent / "src" / "nq94" / "targets.yaml").read_text(
        encoding="utf-8"
    )
    broken = text.replace("    threshold: 7.5\n", "    threshold: bảy phẩy năm\n", 1)
    broken = broken.replace("section: social\n", "section: socail\n", 1)
    path = tmp_path / "targets.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_targets(str(path))
    threshold, section = caught.value.problems
    assert threshold.message.startswith(
        "targets.0.threshold: expected a number, got 'bảy phẩy năm'"
    )
    assert section.message.startswith("targets.10.section: unknown section 'socail'")
    assert broken.splitlines()[section.line - 1].strip() == "section: socail"
    everywhere = text.replace("section: social\n", "section: socail\n")
    path.write_text(everywhere, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_targets(str(path))
    assert len(caught.value.problems) == text.count("section: social\n")


def test_deep_nesting_is_refused(targets: TargetsFile) -> None:
    """Hundreds of nested lists are one located error, not a recursion crash."""
    text = 'period: "2024"\nvalues: ' + "[" * 900 + "]" * 900
    with pytest.raises(InputError, match="nest deeper than 32 levels"):
        report_from("deep.yaml", text, targets)


def test_alias_bomb_is_refused_quickly(targets: TargetsFile) -> None:
    """A billion-laughs file is refused with one message, before any expansion blows up."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines += ['period: "2024"', "values: {grdp_growth: *a9}"]
    with pytest.raises(InputError) as caught:
        report_from("lol.yaml", "\n".join(lines), targets)
    (problem,) = caught.value.problems
    assert problem.message == "aliases expand to more than 10000 values; write values out"
