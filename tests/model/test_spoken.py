"""Periods and bases as the province writes them, read as the codes they mean; the schema
accepts what nq94 accepts; a period that cannot be read gets the closest code."""

from __future__ import annotations

import json

import jsonschema
import pytest

from nq94.errors import InputError
from nq94.model import TargetsFile
from nq94.read.loading import report_from
from nq94.render.schema import report_schema


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("9 tháng 2024", "2024-9M"),
        ("9 tháng đầu năm 2024", "2024-9M"),
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("Quý III/2024", "2024-Q3"),
        ("Quý 3/2024", "2024-Q3"),
        ("quý III năm 2024 (lũy kế từ đầu năm)", "2024-9M"),
        ("tháng 9/2024", "2024-M09"),
        ("Năm 2024", "2024"),
        ("cả năm 2024", "2024"),
        ("9 thang dau nam 2024", "2024-9M"),  # typed without a Vietnamese keyboard
        ("first nine months of 2024", "2024-9M"),
        ("first half of 2024", "2024-H1"),
        ("2024 Q3, year to date", "2024-9M"),
        ("January to September 2024", "2024-9M"),
        ("full year 2024", "2024"),
        ("2024-9m", "2024-9M"),
        ("9T/2024", "2024-9M"),
        ("9 tháng/2024", "2024-9M"),
        ("Q3/2024", "2024-Q3"),
        ("III/2024", "2024-Q3"),
    ],
)
def test_periods_in_words_are_read_and_the_schema_agrees(
    targets: TargetsFile, written: str, code: str
) -> None:
    report = report_from("r.yaml", f'period: "{written}"\nvalues: {{}}\n', targets)
    assert str(report.period) == code
    jsonschema.validate({"period": written, "values": {}}, report_schema(targets))


@pytest.mark.parametrize(
    ("written", "basis"),
    [("Official", "official"), ("ESTIMATE", "estimate"), ("ước tính", "estimate"),
     ("Ước tính", "estimate"), ("ước", "estimate"), ("chính thức", "official")],
)  # fmt: skip
def test_bases_in_words_and_any_case(targets: TargetsFile, written: str, basis: str) -> None:
    report = report_from("r.yaml", f'period: "2024"\nbasis: {written}\nvalues: {{}}\n', targets)
    assert report.basis.value == basis
    jsonschema.validate({"period": "2024", "basis": written, "values": {}}, report_schema(targets))


@pytest.mark.parametrize(
    ("written", "hint"),
    [("2024-12M", "2024"), ("2024-M9", "2024-M09"), ("2024-9N", "2024-9M")],
)
def test_a_period_that_cannot_be_read_gets_the_closest_code(
    targets: TargetsFile, written: str, hint: str
) -> None:
    with pytest.raises(InputError) as caught:
        report_from("r.yaml", f'period: "{written}"\nvalues: {{}}\n', targets)
    (problem,) = caught.value.problems
    assert problem.message.endswith(f"got '{written}'; did you mean '{hint}'?"), problem
    schema = report_schema(targets)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"period": written, "values": {}}, schema)


def test_a_wrongly_cased_key_is_named(targets: TargetsFile) -> None:
    with pytest.raises(InputError) as caught:
        report_from("r.yaml", 'Period: "2024"\nvalues: {}\n', targets)
    assert [str(p) for p in caught.value.problems] == [
        "r.yaml:1:1: Period: unknown key; did you mean 'period'?"
    ]


def test_the_schema_says_the_forms_in_either_case() -> None:
    """JSON Schema has no flag for case: the pattern spells each letter both ways."""
    from nq94.model.spoken import any_case

    assert any_case(r"quý\s+(iv|i)") == r"[qQ][uU][ýÝ]\s+([iI][vV]|[iI])"
    assert json.dumps(any_case("9 tháng"), ensure_ascii=False) == '"9 [tT][hH][áÁ][nN][gG]"'


def test_a_source_or_note_yaml_reads_as_a_number_or_date_is_text(targets: TargetsFile) -> None:
    """Provenance, not a figure: source: 263 and note: 2024-11-12 as written."""
    report = report_from(
        "r.yaml",
        "period: '2024'\nsource: 263\nvalues:\n"
        "  grdp_growth: {value: 6, source: 1.50, note: 2024-11-12}\n",
        targets,
    )
    entry = report.values["grdp_growth"]
    assert (report.source, entry.source, entry.note) == ("263", "1.50", "2024-11-12")


def test_a_part_of_the_year_is_never_offered_the_whole_year(targets: TargetsFile) -> None:
    """Taking '2024' for a nine-month report would judge its figures as final."""
    with pytest.raises(InputError) as caught:
        report_from("r.yaml", 'period: "9X/2024"\nvalues: {}\n', targets)
    (problem,) = caught.value.problems
    assert problem.message.endswith("got '9X/2024'"), problem
