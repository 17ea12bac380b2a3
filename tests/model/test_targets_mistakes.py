"""Mistakes in a targets file's paths and amendments, through the real CLI in both languages:
each is one line at its place in the targets file, in the reader's language, whether the file is
checked with `nq94 targets` or named by a report; exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import CLI_TYPE as CLI

TARGETS = """\
format: 2
document: {number: "45/NQ-HĐND", title: {vi: "Nghị quyết"}, issuer: "HĐND tỉnh",
           adopted: 2024-12-11, year: 2025}
targets:
  - id: grdp_growth
    words: "tăng 8% trở lên"
    name: {vi: Tăng trưởng, en: Growth}
    unit: {vi: "%", en: "%"}
    measure: percent
    kind: growth
    operator: ">="
    threshold: 8
    path: {Q1: 7.2, Q2: 7.8, Q3: 8.3, Q4: 8.6}
  - id: health_insurance_rate
    words: "95%"
    name: {vi: BHYT, en: Health insurance}
    unit: {vi: "%", en: "%"}
    measure: percent
    kind: rate
    operator: ">="
    threshold: 95
amendments:
  - number: "20/NQ-HĐND"
    adopted: 2025-07-10
    effective: 2025-07-15
    targets:
      - id: grdp_growth
        words: "tăng 8,5% trở lên"
        threshold: 8.5
"""


def _both(cli: CLI, tmp_path: Path, lang: str, old: str, new: str) -> str:
    """The one line `nq94 targets` prints for the targets file with ``old`` replaced by ``new``,
    after checking that a report naming the file prints the very same line."""
    assert old in TARGETS, old
    targets = tmp_path / "targets.yaml"
    targets.write_text(TARGETS.replace(old, new, 1), encoding="utf-8")
    report = tmp_path / "2025-9m.yaml"
    values = "values:\n  grdp_growth: 8.1\n"
    report.write_text(f'period: "2025-9M"\ntargets: targets.yaml\n{values}', encoding="utf-8")
    listed = cli("targets", "--lang", lang, str(targets))
    assert listed.exit_code == 2, listed
    assert listed.stdout == "", listed
    (line,) = listed.stderr.splitlines()
    checked = cli("check", "--lang", lang, str(report))
    assert (checked.exit_code, checked.stderr) == (2, listed.stderr), checked
    assert "Traceback" not in checked.stderr + checked.stdout
    return line.removeprefix(str(targets))


def test_the_file_as_written_is_accepted(cli: CLI, tmp_path: Path) -> None:
    """The file the other tests break is valid: an amendment after the document, in its year."""
    targets = tmp_path / "targets.yaml"
    targets.write_text(TARGETS, encoding="utf-8")
    assert cli("targets", str(targets)).exit_code == 0


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":27:13: amendments.0.targets.0.id: there is no target 'grdp_grwoth' to change at "
               "this point; did you mean 'grdp_growth'?"),
        ("vi", ":27:13: amendments.0.targets.0.id: không có chỉ tiêu 'grdp_grwoth' để sửa đổi vào "
               "thời điểm này; có phải là 'grdp_growth'?"),
    ],
)  # fmt: skip
def test_a_mistyped_id_in_an_amendment_is_unknown_not_a_new_target(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """An amendment's target whose id no target holds, and which does not give a whole target,
    is a mistyped id: said as a report's unknown id is, with the id meant; never 'missing
    required key operator'."""
    line = _both(cli, tmp_path, lang, "      - id: grdp_growth", "      - id: grdp_grwoth")
    assert line == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":27:13: amendments.0.targets.0.id: there is no target 'export_value' to change at "
               "this point; a new target gives all of its keys (missing: operator, name, unit, "
               "measure, kind)"),
        ("vi", ":27:13: amendments.0.targets.0.id: không có chỉ tiêu 'export_value' để sửa đổi "
               "vào thời điểm này; chỉ tiêu mới phải ghi đủ các khóa (còn thiếu: operator, name, "
               "unit, measure, kind)"),
    ],
)  # fmt: skip
def test_an_unknown_id_unlike_any_names_the_keys_a_new_target_lacks(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """An id like no target's, given without a whole target, says which keys a new target
    would need."""
    line = _both(cli, tmp_path, lang, "      - id: grdp_growth", "      - id: export_value")
    assert line == said


def test_a_new_target_in_an_amendment_is_still_a_target(cli: CLI, tmp_path: Path) -> None:
    """An amendment may add a target of a new id, giving all of its keys."""
    whole = (
        "      - {id: export_value, words: 'trên 3.000', name: {vi: XK, en: Exports},\n"
        "         unit: {vi: triệu USD, en: million USD}, measure: amount, kind: flow,\n"
        "         operator: '>', threshold: 3000}\n"
    )
    targets = tmp_path / "targets.yaml"
    targets.write_text(TARGETS + whole, encoding="utf-8")
    run = cli("targets", str(targets))
    assert run.exit_code == 0, run
    assert "export_value" in run.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":26:15: amendments.0.removed.0: there is no target 'healt_insurance_rate' to "
               "remove at this point; did you mean 'health_insurance_rate'?"),
        ("vi", ":26:15: amendments.0.removed.0: không có chỉ tiêu 'healt_insurance_rate' để bỏ "
               "vào thời điểm này; có phải là 'health_insurance_rate'?"),
    ],
)  # fmt: skip
def test_a_mistyped_removed_id_names_the_id_meant(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """`removed` with a mistyped id says which id was meant."""
    old = "    targets:\n      - id: grdp_growth"
    line = _both(cli, tmp_path, lang, old, f"    removed: [healt_insurance_rate]\n{old}")
    assert line == said


@pytest.mark.parametrize(
    ("lang", "written", "said"),
    [
        ("en", "Q5: 9", ":13:48: targets.0.path.Q5: expected a quarter, 'Q1', 'Q2', 'Q3' or "
                        "'Q4', got 'Q5'"),
        ("vi", "Q5: 9", ":13:48: targets.0.path.Q5: cần một quý, 'Q1', 'Q2', 'Q3' hoặc 'Q4', "
                        "nhưng gặp 'Q5'"),
        ("vi", "q5: 9", ":13:48: targets.0.path.q5: cần một quý, 'Q1', 'Q2', 'Q3' hoặc 'Q4', "
                        "nhưng gặp 'q5'"),
    ],
)  # fmt: skip
def test_a_wrong_quarter_in_a_path_is_said_in_nq94s_words(
    cli: CLI, tmp_path: Path, lang: str, written: str, said: str
) -> None:
    """A path's key that is no quarter is said in the reader's language, at the key, with the
    quarters a path takes; never pydantic's English 'Input should be'."""
    line = _both(cli, tmp_path, lang, "Q4: 8.6}", f"Q4: 8.6, {written}}}")
    assert line == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":13:12: targets.0.path.q1: expected a quarter, 'Q1', 'Q2', 'Q3' or 'Q4', got "
               "'q1'; did you mean 'Q1'?"),
        ("vi", ":13:12: targets.0.path.q1: cần một quý, 'Q1', 'Q2', 'Q3' hoặc 'Q4', nhưng gặp "
               "'q1'; có phải là 'Q1'?"),
    ],
)  # fmt: skip
def test_a_lowercase_quarter_names_the_quarter_meant(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """`q1` in a path is refused with the quarter meant, `Q1`."""
    assert _both(cli, tmp_path, lang, "{Q1: 7.2", "{q1: 7.2") == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":24:14: amendments.0.adopted: adopted before the document it amends; expected "
               "2024-12-11 or later, the day Resolution 45/NQ-HĐND was adopted"),
        ("vi", ":24:14: amendments.0.adopted: được thông qua trước văn bản mà nó sửa đổi; cần "
               "ngày 2024-12-11 trở đi, ngày Nghị quyết 45/NQ-HĐND được thông qua"),
    ],
)  # fmt: skip
def test_an_amendment_adopted_before_its_document_is_refused(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """An amendment cannot be adopted before the document it amends."""
    line = _both(cli, tmp_path, lang, "adopted: 2025-07-10", "adopted: 2024-11-10")
    assert line == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":25:16: amendments.0.effective: takes effect on 2026-01-15, outside 2025, the "
               "year of the targets; expected a day from 2025-01-01 to 2025-12-31"),
        ("vi", ":25:16: amendments.0.effective: có hiệu lực từ 2026-01-15, ngoài năm 2025 là năm "
               "thực hiện các chỉ tiêu; cần một ngày từ 2025-01-01 đến 2025-12-31"),
    ],
)  # fmt: skip
def test_an_amendment_in_force_outside_the_year_is_refused(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """An amendment that takes effect outside the targets' year (so that it judges no report
    of that year, or every one) is refused at its `effective`."""
    line = _both(cli, tmp_path, lang, "effective: 2025-07-15", "effective: 2026-01-15")
    assert line == said


def test_an_amendment_adopted_in_another_year_without_effective_is_refused(
    cli: CLI, tmp_path: Path
) -> None:
    """Without `effective`, an amendment takes effect the day it is adopted: adopted in another
    year, it is refused at `adopted`, which says that `effective` may name a day in the year."""
    line = _both(cli, tmp_path, "en", "    adopted: 2025-07-10\n    effective: 2025-07-15\n",
                 "    adopted: 2024-12-20\n")  # fmt: skip
    assert line == (
        ":24:14: amendments.0.adopted: adopted on 2024-12-20, so in effect from that day, "
        "outside 2025, the year of the targets; expected a day in 2025, or an 'effective' day "
        "in it"
    )


@pytest.mark.parametrize(
    ("lang", "written", "said"),
    [
        ("en", "2025-02-30", ":25:16: amendments.0.effective: '2025-02-30' is not a real date: "
                             "month 2 of 2025 has days 1 to 28; expected a date such as "
                             "2025-02-25"),
        ("vi", "2025-02-30", ":25:16: amendments.0.effective: '2025-02-30' không phải là một "
                             "ngày có thật: tháng 2/2025 chỉ có từ ngày 1 đến ngày 28; cần một "
                             "ngày như 2025-02-25"),
        ("en", "2025-13-01", ":25:16: amendments.0.effective: '2025-13-01' is not a real date: a "
                             "year has months 1 to 12; expected a date such as 2025-02-25"),
        ("vi", '"2024-02-30"', ":25:16: amendments.0.effective: '2024-02-30' không phải là một "
                               "ngày có thật: tháng 2/2024 chỉ có từ ngày 1 đến ngày 29; cần một "
                               "ngày như 2025-02-25"),
    ],
)  # fmt: skip
def test_a_day_no_calendar_holds_is_said_to_be_none(
    cli: CLI, tmp_path: Path, lang: str, written: str, said: str
) -> None:
    """A date written as dates are but which no calendar holds is said to be no real date, with
    the days its month has; never 'got a date'."""
    line = _both(cli, tmp_path, lang, "effective: 2025-07-15", f"effective: {written}")
    assert line == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ":30:13: amendments.0.targets.1.id: duplicate target id 'grdp_growth'"),
        ("vi", ":30:13: amendments.0.targets.1.id: mã chỉ tiêu 'grdp_growth' bị trùng"),
    ],
)
def test_an_id_twice_in_one_amendment_is_refused(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """The same id twice in one amendment: refused as at the top of the file (the last one won
    in silence)."""
    line = _both(
        cli, tmp_path, lang, "        threshold: 8.5\n",
        "        threshold: 8.5\n      - id: grdp_growth\n        threshold: 10\n",
    )  # fmt: skip
    assert line == said, line


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_amendment_that_changes_what_a_target_measures_is_refused(
    cli: CLI, tmp_path: Path, lang: str
) -> None:
    """kind: flow in an amendment of a growth target projected the growth rate as a flow, and
    `nq94 targets` called it 'reworded, the same requirement': refused at the key."""
    line = _both(
        cli,
        tmp_path,
        lang,
        "        threshold: 8.5\n",
        "        threshold: 8.5\n        kind: flow\n",
    )
    assert line.startswith(":30:15: amendments.0.targets.0.kind: "), line
    assert "'kind'" in line, line
