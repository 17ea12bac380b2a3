"""Output formats, each asserted as a whole output for one shared fixture evaluation."""

from __future__ import annotations

import io
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq94 import __version__
from nq94.errors import InputError
from nq94.evaluate import Evaluation, evaluate, evaluated
from nq94.model import Status, TargetsFile
from nq94.outcome import Invalid
from nq94.read.loading import loaded_from
from nq94.render import MODULE_BY_FORMAT, Format, module
from nq94.render.numbers import display

GOLDEN = Path(__file__).parent.parent / "golden"

FIXTURE = """\
period: "2024-9M"
basis: estimate
source: "Báo cáo 9 tháng (thử)"
values:
  grdp_growth: 7.3
  structure_industry_construction: 58.6
  structure_services_taxes: 31.8
  structure_agriculture: 9.6
  export_growth: {baseline: 27.1, current: 27.6, note: "tỷ USD"}
  budget_revenue: {value: 15000, source: "Cục Thuế tỉnh", note: "số ước"}
  urban_unemployment_rate: 3.0
  poverty_rate_reduction: {baseline: 1.15, current: 0.35}
  new_rural_communes: 1
  cultural_families_rate: 90
"""


@pytest.fixture(scope="module")
def evaluation(targets: TargetsFile) -> Evaluation:
    """One evaluation exercising every status and every way a value is obtained."""
    loaded = loaded_from("fixture.yaml", FIXTURE, targets)
    return evaluated(targets, loaded)


def _render(fmt: Format, evaluation: Evaluation) -> str:
    out = io.StringIO()
    module(fmt).check([evaluation], out, color=False)
    return out.getvalue()


@pytest.mark.parametrize("fmt", list(MODULE_BY_FORMAT))
def test_whole_output_matches_golden(
    fmt: Format, evaluation: Evaluation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each format's whole output for the fixture is exactly the reviewed golden file."""
    monkeypatch.delenv("COLUMNS", raising=False)
    _compare(_render(fmt, evaluation), GOLDEN / f"check.{fmt.value}")


def test_json_of_a_report_seen_again_is_the_same(evaluation: Evaluation) -> None:
    """From a target's second report on, its result comes from a template: the same text."""
    from nq94.render.data import result_data
    from nq94.render.jsonfmt import compact, result_line

    for _ in range(3):
        for result in evaluation.results:
            assert result_line(result) == compact(result_data(result))


def test_json_is_exact_and_parses_back(evaluation: Evaluation) -> None:
    """JSON numbers are decimals written out exactly, a derived figure to six decimals (the
    arithmetic keeps every digit), and statuses parse back to the evaluation's."""
    data = json.loads(_render(Format.JSON, evaluation), parse_float=Decimal)
    (report,) = data["reports"]
    assert [Status(r["status"]) for r in report["results"]] == [
        r.status for r in evaluation.results
    ]
    export = next(r for r in report["results"] if r["id"] == "export_growth")
    exact = (Decimal("27.6") / Decimal("27.1") - 1) * 100
    assert export["actual"] == exact.quantize(Decimal("0.000001")) == Decimal("1.845018")
    assert export["input"] == {
        "baseline": Decimal("27.1"),
        "current": Decimal("27.6"),
        "note": "tỷ USD",
    }


def test_json_without_reports_is_still_a_contract() -> None:
    """With no valid report the JSON still has its keys."""
    out = io.StringIO()
    module(Format.JSON).check([], out, color=False)
    assert json.loads(out.getvalue()) == {
        "nq94": __version__,
        "schema_version": 3,
        "reports": [],
        "problems": [],
        "warnings": [],
    }


def test_table_colours_only_when_asked(evaluation: Evaluation) -> None:
    """The table carries ANSI colour codes only with color=True."""
    plain, coloured = io.StringIO(), io.StringIO()
    module(Format.TABLE).check([evaluation], plain, color=False)
    module(Format.TABLE).check([evaluation], coloured, color=True)
    assert "\x1b[" not in plain.getvalue()
    assert "\x1b[" in coloured.getvalue()


@pytest.mark.parametrize(
    ("number", "kwargs", "text"),
    [
        (Decimal("19515"), {}, "19,515"),
        (Decimal("2E+4"), {}, "20,000"),
        (Decimal("7.50"), {}, "7.5"),
        (Decimal("-0.004"), {}, "0"),
        (Decimal("-1.6"), {"sign": True}, "-1.6"),
        (Decimal("485"), {"sign": True}, "+485"),
        (Decimal("96"), {"places": 1, "fixed": True}, "96.0"),
        (Decimal("0.125"), {}, "0.13"),
    ],
)
def test_display(number: Decimal, kwargs: dict, text: str) -> None:  # type: ignore[type-arg]
    """Numbers for people: rounded half up, thousands separators, signs where asked."""
    assert display(number, **kwargs) == text


@settings(max_examples=60)
@given(
    values=st.dictionaries(
        st.sampled_from(
            ["grdp_growth", "forest_cover_rate", "health_insurance_rate", "export_growth"]
        ),
        st.decimals(min_value=0, max_value=50, places=2),
    ),
    basis=st.sampled_from(["official", "estimate"]),
    period=st.sampled_from(["2024", "2024-9M", "2024-H1", "2024-M02"]),
)
def test_json_round_trip(
    values: dict[str, Decimal], basis: str, period: str, targets: TargetsFile
) -> None:
    """Any valid report's JSON parses back to the same statuses and exact inputs."""
    lines = [f'period: "{period}"', f"basis: {basis}", "values:"]
    lines += [f"  {key}: {value}" for key, value in values.items()]
    if not values:
        lines[-1] = "values: {}"
    evaluation = evaluated(targets, loaded_from("p.yaml", "\n".join(lines), targets))
    out = io.StringIO()
    module(Format.JSON).check([evaluation], out, color=False)
    (data,) = json.loads(out.getvalue(), parse_float=Decimal)["reports"]
    assert [r["status"] for r in data["results"]] == [r.status.value for r in evaluation.results]
    for result in data["results"]:
        if result["input"] is not None:
            assert result["input"] == values[result["id"]]


def test_every_status_has_a_label_and_a_style() -> None:
    """Adding a Status without a label or a colour fails here, not in front of a user."""
    from nq94.render.markdown import STATUS_MARK
    from nq94.render.numbers import status_label
    from nq94.render.table import STATUS_STYLE

    assert all(status_label(status) for status in Status)
    assert set(STATUS_STYLE) == set(Status)
    assert set(STATUS_MARK) == set(Status)


@pytest.fixture(scope="module")
def broken(targets: TargetsFile) -> Invalid:
    """The outcome of a broken report, as the CLI builds it."""
    text = 'period: "2024"\nvalues:\n  grdp_growht: 7.5\n  budget_revenue: "=1+1"\n'
    with pytest.raises(InputError) as caught:
        loaded_from("bad|<b>.yaml", text, targets)
    return Invalid("bad|<b>.yaml", caught.value.problems)


@pytest.mark.parametrize("fmt", list(MODULE_BY_FORMAT))
def test_check_with_an_invalid_file_matches_golden(
    fmt: Format, evaluation: Evaluation, broken: Invalid, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each format's check output when one of two files is invalid."""
    monkeypatch.delenv("COLUMNS", raising=False)
    out = io.StringIO()
    module(fmt).check([broken, evaluation], out, color=False)
    _compare(out.getvalue(), GOLDEN / f"check-invalid.{fmt.value}")


@pytest.mark.parametrize("fmt", list(MODULE_BY_FORMAT))
def test_validate_matches_golden(
    fmt: Format, targets: TargetsFile, broken: Invalid, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each format's validate output for one valid and one invalid file."""
    monkeypatch.delenv("COLUMNS", raising=False)
    valid = loaded_from("fixture.yaml", FIXTURE, targets)
    out = io.StringIO()
    module(fmt).validate([valid, broken], out, color=False)
    _compare(out.getvalue(), GOLDEN / f"validate.{fmt.value}")


def _compare(got: str, golden: Path) -> None:
    if os.environ.get("NQ94_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_table_shows_file_names_literally(targets: TargetsFile) -> None:
    """A file name that looks like Rich markup is printed as written."""
    loaded = loaded_from("[red]x[/red].yaml", FIXTURE, targets)
    out = io.StringIO()
    module(Format.TABLE).check(
        [evaluate(targets, loaded.report, file=loaded.file)], out, color=False
    )
    module(Format.TABLE).validate([loaded], out, color=False)
    assert out.getvalue().count("[red]x[/red].yaml") == 2


def test_display_of_a_number_too_long_to_round() -> None:
    """A number with more digits than decimal arithmetic holds is shown, not crashed on."""
    assert display(Decimal("1E+40")) == "1E+40"
