"""Numbers as officers paste them from Word and Excel: spaces between thousands, the minus sign,
a unit or a '%' left on, invisible characters; each read, or refused saying what to write."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nq94.errors import InputError
from nq94.i18n import Lang, use
from nq94.model import TargetsFile
from nq94.read.loading import report_from


def _value(targets: TargetsFile, target: str, written: str) -> Decimal | None:
    report = report_from("r.yaml", f'period: "2024"\nvalues:\n  {target}: {written}\n', targets)
    return report.values[target].value


def _problems(targets: TargetsFile, target: str, written: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        _value(targets, target, written)
    return [problem.message for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("target", "written", "value"),
    [
        ("budget_revenue", '"19 515"', "19515"),  # a space
        ("budget_revenue", '"19\u00a0515"', "19515"),  # a no-break space, from Word
        ("budget_revenue", '"19\u2009515"', "19515"),  # a thin space
        ("budget_revenue", '"19\u202f515,5"', "19515.5"),  # a narrow no-break space, decimals
        ("grdp_growth", '"\u22121,5"', "-1.5"),  # the minus sign of word processors
        ("health_insurance_rate", '"94,2 %"', "94.2"),
    ],
)
def test_pasted_numbers_are_read(
    targets: TargetsFile, target: str, written: str, value: str
) -> None:
    assert _value(targets, target, written) == Decimal(value)


@pytest.mark.parametrize(
    ("target", "written", "message"),
    [
        (
            "budget_revenue",
            '"20.403 tỷ đồng"',
            "'20.403 tỷ đồng' has a unit after the number; remove the unit: write 20403",
        ),
        (
            "budget_revenue",
            '"20.403%"',
            "'20.403%' has a '%', but this target is not a percentage; write 20403",
        ),
        (
            "new_rural_communes",
            '"2%"',
            "'2%' has a '%', but this target is not a percentage; write 2",
        ),
        (
            "budget_revenue",
            '"19\u200b515"',
            "'19\u200b515' holds an invisible character, U+200B ZERO WIDTH SPACE; delete it and "
            "type the number again",
        ),
        (
            "budget_revenue",
            '"1 9515"',
            "expected a number, got '1 9515'; write it like 7.5 or \"7,5\"",
        ),
    ],
)
def test_pasted_numbers_refused_say_what_to_write(
    targets: TargetsFile, target: str, written: str, message: str
) -> None:
    assert _problems(targets, target, written) == [f"values.{target}: {message}"]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (Lang.EN, "'30.950' could be 30.95 or 30950; write 30.95 or 30950, without a thousands "
         "separator"),
        (Lang.VI, "'30.950' có thể là 30,95 hoặc 30950; hãy ghi 30950, hoặc 30.95 (hay "
         "\"30,95\"), không dùng dấu phân cách hàng nghìn"),
    ],
)  # fmt: skip
def test_an_ambiguous_number_is_not_offered_back(
    targets: TargetsFile, lang: Lang, message: str
) -> None:
    """The readings are numbers, not the text refused ("30.950"), in the reader's forms."""
    use(lang)
    # a baseline has no plausible range to settle it
    written = '{baseline: "30.950", current: 33380}'
    assert _problems(targets, "export_growth", written) == [
        f"values.export_growth.baseline: {message}"
    ]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (Lang.EN, "value '19.515' is outside the plausible range 100 to 100,000 billion VND; if "
         "'19.515' means 19515 (a '.' between thousands), write 19515"),
        (Lang.VI, "giá trị '19.515' nằm ngoài khoảng hợp lý từ 100 đến 100.000 tỷ đồng; nếu "
         "'19.515' là 19515 (dấu '.' phân cách hàng nghìn), hãy ghi 19515"),
    ],
)  # fmt: skip
def test_a_figure_is_quoted_as_written_and_the_range_in_the_readers_numbers(
    targets: TargetsFile, lang: Lang, message: str
) -> None:
    use(lang)
    assert _problems(targets, "budget_revenue", "19.515") == [f"values.budget_revenue: {message}"]


def test_a_derived_figure_is_said_to_sensible_decimals(targets: TargetsFile) -> None:
    problems = _problems(targets, "export_growth", "{baseline: 3, current: 33380}")
    assert problems == [
        "values.export_growth: derived value 1,112,566.6667 is outside the plausible range -80 "
        "to 300 %"
    ]


def test_the_reading_taken_is_said_unambiguously(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'14.250' read as fourteen thousand is said as 14250 to a Vietnamese reader, for whom
    14.250 would be the text again."""
    report = tmp_path / "r.yaml"
    report.write_text('period: "2024"\nvalues:\n  budget_revenue: "14.250"\n', encoding="utf-8")
    run = cli("check", "-f", "text", "--lang", "vi", str(report))
    assert "đọc '14.250' là 14250;" in run.stdout, run
