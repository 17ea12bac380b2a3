"""The Python API: validate a report with nq94.Report, evaluate it with nq94.check."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pydantic
import pytest
import yaml

import nq94

from .conftest import SAMPLES


def _sample(name: str) -> object:
    return yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8"))


def test_report_is_a_pydantic_model_of_the_builtin_targets() -> None:
    """nq94.Report is a BaseModel that validates a sample read by yaml.safe_load."""
    assert issubclass(nq94.Report, pydantic.BaseModel)
    report = nq94.Report.model_validate(_sample("2024-9m.yaml"))
    assert str(report.period) == "2024-9M"
    assert report.values["budget_revenue"].value == Decimal(15000)


def test_a_bad_value_is_a_validation_error_naming_its_path() -> None:
    """A value that is no number raises ValidationError at values.<id>, as the CLI says it."""
    with pytest.raises(pydantic.ValidationError) as caught:
        nq94.Report.model_validate({"period": "2024", "values": {"grdp_growth": "bảy"}})
    (error,) = caught.value.errors()
    assert error["loc"] == ("values", "grdp_growth")
    assert "expected a number, got 'bảy'" in error["msg"]


def test_unknown_ids_and_other_years_are_refused() -> None:
    """The model knows the targets' ids and the resolution's year."""
    with pytest.raises(pydantic.ValidationError) as caught:
        nq94.Report.model_validate({"period": "2025", "values": {"grdp_growht": 7}})
    locs = {error["loc"] for error in caught.value.errors()}
    assert locs == {("period",), ("values", "grdp_growht")}


def test_check_returns_the_json_contracts_report(cli) -> None:  # type: ignore[no-untyped-def]
    """nq94.check gives the object `nq94 check -f json` writes for the same report; ``input``
    is the figure as validated, since plain data keeps no trace of how a file wrote it."""
    import json

    report = nq94.Report.model_validate(_sample("2024-official.yaml"))
    data = nq94.check(report, file="samples/2024-official.yaml")
    printed = json.loads(cli("check", "-f", "json", "samples/2024-official.yaml").stdout)
    (expected,) = printed["reports"]
    got = json.loads(json.dumps(data, default=float))
    for result, written in zip(got["results"], expected["results"], strict=True):
        given, as_written = result.pop("input"), written.pop("input")
        bare = as_written is not None and not isinstance(as_written, dict)
        assert given == ({"value": as_written} if bare else as_written)
    assert got == expected


def test_another_targets_file_has_its_own_model(tmp_path: Path) -> None:
    """nq94.report_model(path) validates against that file's targets and year."""
    other = tmp_path / "targets.yaml"
    text = (Path(nq94.__file__).with_name("targets.yaml")).read_text(encoding="utf-8")
    other.write_text(text.replace("year: 2024", "year: 2025"), encoding="utf-8")
    model = nq94.report_model(str(other))
    assert str(model.model_validate({"period": "2025-H1", "values": {}}).period) == "2025-H1"
    with pytest.raises(pydantic.ValidationError):
        model.model_validate({"period": "2024-H1", "values": {}})


def test_check_needs_a_report_validated_against_targets() -> None:
    """A report of the shape-only base model cannot be evaluated: it knows no targets."""
    from nq94.model import Period, Report

    with pytest.raises(TypeError, match=r"a report validated by nq94\.Report"):
        nq94.check(Report(period=Period.parse("2024"), values={}))
    with pytest.raises(TypeError, match="got str"):
        nq94.check("samples/2024-9m.yaml")  # type: ignore[arg-type]


def test_messages_follow_the_environments_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """NQ94_LANG=vi gives the API's messages in Vietnamese, as it does the command line's."""
    monkeypatch.setenv("NQ94_LANG", "vi")
    with pytest.raises(pydantic.ValidationError) as caught:
        nq94.report_model().model_validate({"period": "2024", "values": {"grdp_growth": "bảy"}})
    assert "cần một số" in caught.value.errors()[0]["msg"]


def test_the_api_reads_what_the_command_line_reads() -> None:
    """A year as a number, a numeric source or note, a date for a note: `nq94 check` reads
    them from YAML, and so does the API from what yaml.safe_load gives (refused before)."""
    data = yaml.safe_load(
        "period: 2024\nsource: 263\nvalues:\n"
        "  grdp_growth: {value: 7.5, note: 2024-12-31}\n"
        "  budget_revenue: {value: 20000, source: 5}\n"
    )
    report = nq94.Report.model_validate(data)
    assert (str(report.period), report.source) == ("2024", "263")
    assert report.values["grdp_growth"].note == "2024-12-31"
    assert report.values["budget_revenue"].source == "5"


def test_numbers_of_other_libraries_are_numbers() -> None:
    """numpy's integers and floats say they are numbers.Integral and numbers.Real: read as
    the numbers they are (numpy.int64(3) was 'not a number'); a bool stays refused."""
    import numbers

    class Int64:  # as numpy.int64 is: no int, but an Integral
        def __init__(self, value: int) -> None:
            self.value = value

        def __int__(self) -> int:
            return self.value

    numbers.Integral.register(Int64)
    report = nq94.Report.model_validate(
        {"period": "2024", "values": {"new_rural_communes": Int64(3), "grdp_growth": 7.25}}
    )
    assert report.values["new_rural_communes"].value == Decimal(3)
    assert report.values["grdp_growth"].value == Decimal("7.25")
    with pytest.raises(pydantic.ValidationError, match="got a boolean"):
        nq94.Report.model_validate({"period": "2024", "values": {"grdp_growth": True}})


@pytest.mark.parametrize(
    ("lang", "unknown_id", "unknown_key"),
    [
        (
            "en",
            "unknown target id; did you mean 'grdp_growth'?",
            "unknown key; did you mean 'source'?",
        ),
        (
            "vi",
            "mã chỉ tiêu không có; có phải là 'grdp_growth'?",
            "khóa không hợp lệ; có phải là 'source'?",
        ),
    ],
)
def test_pydantics_own_errors_are_said_as_nq94_says_them(
    lang: str, unknown_id: str, unknown_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown id or key: nq94's words in the reader's language, at the same path (pydantic's
    English 'Extra inputs are not permitted' under Vietnamese, before)."""
    monkeypatch.setenv("NQ94_LANG", lang)
    data = {"period": "2024", "Source": "x", "values": {"grdp_growht": 7}}
    with pytest.raises(pydantic.ValidationError) as caught:
        nq94.report_model().model_validate(data)
    said = {error["loc"]: error["msg"] for error in caught.value.errors()}
    assert said == {("values", "grdp_growht"): unknown_id, ("Source",): unknown_key}
    assert caught.value.title == "Report"


def test_check_takes_plain_data_too() -> None:
    """nq94.check({...}) validates the data on the built-in targets first (an AttributeError
    before)."""
    data = nq94.check({"period": 2024, "values": {"grdp_growth": 7.5}})
    assert data["summary"]["met"] == 1
    with pytest.raises(pydantic.ValidationError):
        nq94.check({"period": "2024", "values": {"grdp_growth": "bảy"}})


def test_the_report_model_is_one_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """nq94.Report is the same class each time it is asked for, in each language, so that a
    report it validated is an instance of it."""
    report = nq94.Report.model_validate({"period": "2024", "values": {}})
    assert nq94.Report is nq94.Report
    assert isinstance(report, nq94.Report)
    monkeypatch.setenv("NQ94_LANG", "vi")
    assert nq94.report_model() is nq94.report_model()
