"""Models: periods, numbers as people write them, and the consistency of a target definition."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from nq94.model import Period, PeriodKind, parse_number
from nq94.render.numbers import comparison

from ..conftest import make_target


@pytest.mark.parametrize(
    ("text", "kind", "months", "canonical"),
    [
        ("2024", PeriodKind.YEAR, 12, "2024"),
        ("2024-Q1", PeriodKind.QUARTER, 3, "2024-Q1"),
        ("2024-q4", PeriodKind.QUARTER, 12, "2024-Q4"),
        ("2024-H1", PeriodKind.HALF, 6, "2024-H1"),
        ("2024-9M", PeriodKind.NINE_MONTHS, 9, "2024-9M"),
        ("2024-M01", PeriodKind.MONTH, 1, "2024-M01"),
        ("2024-M12", PeriodKind.MONTH, 12, "2024-M12"),
        ("2024-H2", PeriodKind.SECOND_HALF, 12, "2024-H2"),
        ("2024-10M", PeriodKind.MONTHS, 10, "2024-10M"),
        ("2024-6M", PeriodKind.HALF, 6, "2024-H1"),
        ("2024-3m", PeriodKind.MONTHS, 3, "2024-3M"),
    ],
)
def test_periods(text: str, kind: PeriodKind, months: int, canonical: str) -> None:
    """Each period form parses to its kind and last month, and prints canonically; only the
    whole year to date is the year's end (Q4, H2 and M12 are parts of the year alone)."""
    period = Period.parse(text)
    assert (period.kind, period.months, str(period)) == (kind, months, canonical)
    assert period.is_year_end is (text == "2024")


@pytest.mark.parametrize(
    "text", ["24", "2024-Q0", "2024-Q5", "2024-H3", "2024-M13", "2024-M1", "2024-12M", "2024-0M"]
)
def test_bad_periods(text: str) -> None:
    """Anything else is not a period."""
    with pytest.raises(ValueError, match=text):
        Period.parse(text)


def test_projection_is_exact() -> None:
    """15,000 after 9 months is exactly 20,000 for the year; 16,000 after 10 is 19,200."""
    assert Period.parse("2024-9M").project(Decimal(15000)) == 20000
    assert Period.parse("2024-M10").project(Decimal(16000)) == 19200


@pytest.mark.parametrize(
    ("given", "number"),
    [
        (Decimal("7.5"), Decimal("7.5")),
        (3, Decimal(3)),
        ("7.5", Decimal("7.5")),
        ("7,5", Decimal("7.5")),
        (" 7,5 % ", Decimal("7.5")),
        ("-0,8", Decimal("-0.8")),
    ],
)
def test_numbers_people_write(given: Any, number: Decimal) -> None:
    """Unambiguous numbers are understood."""
    assert parse_number(given) == number


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("bảy", "expected a number, got 'bảy'; write it like 7.5 or \"7,5\""),
        ("7.5.1", "'7.5.1' is not a number; write it like 1234.5"),
        ("1,234.5", "'1,234.5' mixes separators the English way; write 1234.5 (or \"1.234,5\")"),
        ("19.515", "'19.515' could be 19.515 or 19515; write 19.515 or 19515"),
        (True, "expected a number, got a boolean (true)"),
        (None, "expected a number, got nothing (null)"),
        ([1], "expected a number, got a list"),
        ({"a": 1}, "expected a number, got a mapping"),
        (Decimal("NaN"), "expected a finite number, got NaN"),
    ],
)
def test_numbers_refused(given: Any, message: str) -> None:
    """Anything else is refused with what was found."""
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_number(given)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"plausible": [Decimal(5), Decimal(1)]}, "low < high"),
        ({"operator": "between"}, "'upper' is required"),
        ({"upper": Decimal(20)}, "'upper' is required"),
        ({"operator": "between", "upper": Decimal(5)}, "'upper' must be above"),
        ({"tolerance": Decimal(1)}, "'tolerance' applies only"),
        ({"margin": Decimal(-1)}, "must not be negative"),
        ({"id": "GRDP growth"}, "expected text matching"),
    ],
)
def test_inconsistent_target_definitions(fields: dict[str, Any], message: str) -> None:
    """A target definition that contradicts itself is refused."""
    with pytest.raises(ValueError, match=message):
        make_target(**fields)


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({}, "≥ 10"),
        ({"operator": ">"}, "> 10"),
        ({"operator": "<="}, "≤ 10"),
        ({"operator": "approx"}, "10 ± 1"),
        ({"operator": "≈", "tolerance": Decimal("0.2")}, "10 ± 0.2"),
        ({"operator": "between", "upper": Decimal(12)}, "10 to 12"),
    ],
)
def test_comparison_text(fields: dict[str, Any], text: str) -> None:
    """What a target requires, in a few symbols."""
    assert comparison(make_target(**fields)) == text


def test_explicit_margin_overrides_default() -> None:
    """A target's own margin replaces the measure's default."""
    assert make_target(margin=Decimal("0.2")).at_risk_margin == Decimal("0.2")
    assert make_target(measure="amount", threshold=Decimal(-50)).at_risk_margin == 1


@pytest.mark.parametrize(
    "values",
    [
        {"grdp_growth": 6.18, "budget_revenue": "19.515", "export_value": {"value": 4500}},
        {"grdp_growth": "7,5%", "budget_revenue": 10**9},
        {"grdp_growth": None},
        {"grdp_growth": {"baseline": 100, "current": "106,2"}},
        {"grdp_growth": {"value": 6, "source": "Cục Thống kê", "extra": 1}},
        {"no_such_target": 1},
    ],
)
@pytest.mark.parametrize("period", ["2024", "2024-9M", 2024, "2023", "2024-Q5"])
def test_reading_model_validates_as_the_described_one(values: dict[str, Any], period: Any) -> None:
    """Reports are read with a model built without its JSON Schema; it accepts, and refuses
    with, exactly what the described model (the API's, the schema's) does."""
    from pydantic import ValidationError

    from nq94.model import report_model
    from nq94.read.loading import builtin_targets

    targets = builtin_targets()
    data = {"period": period, "basis": "estimate", "values": values}
    outcomes = []
    for described in (True, False):
        model = report_model(targets, described=described)
        try:
            outcomes.append(model.model_validate(data).model_dump())
        except ValidationError as error:
            outcomes.append([(e["loc"], e["type"], e["msg"]) for e in error.errors()])
    assert outcomes[0] == outcomes[1]
    assert report_model(targets, described=False) is not report_model(targets)


def test_a_period_refused_is_shown_in_the_year_it_names() -> None:
    """A report's period refused without targets to give the year: the forms shown and the one
    suggested are of the year the text names, found alike ('02026' is 2026, not 202)."""
    from pydantic import ValidationError

    from nq94.model import Report

    with pytest.raises(ValidationError) as refused:
        Report.model_validate({"period": "02026-9X", "values": {}})
    message = refused.value.errors()[0]["msg"]
    assert 'such as "2026", "2026-Q3"' in message, message
    assert "did you mean '2026-9M'?" in message, message
