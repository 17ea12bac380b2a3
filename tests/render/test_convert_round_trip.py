"""`nq94 convert` gives back what it was given: every text as written (quoted wherever nq94's
own reader would read it as something else), every number with its places, a note longer than a
cell holds whole; and output modules never import input modules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nq94.read.yamldoc import parse
from nq94.render.yamlout import dump_report

from ..conftest import CLI_TYPE as CLI

TRICKY = ["N", "y", "Yes", "off", "~", "null", "08", "007", "-0", "1e3", "1e4", "1_000", ".5",
          "+.inf", ".nan", "2024-09-30", "2024-9-3 10:00", "0x1A", "1:30", " lead", "trail ",
          "#hash", "a: b", "- item", "'quoted'", '"double"', "", "line\nbreak", "tab\there",
          "cr\rhere", "esc\x1bhere", "nel\x85here", "ls\u2028here", "ps\u2029here",
          "nbsp\xa0here", "bom\ufeffhere", "Nguồn: Cục Thống kê"]  # fmt: skip
"""Texts a careless dumper writes so that they read back as a boolean, a number, a date or null,
or with a character lost or changed."""


def _read_back(text: str) -> Any:
    """What nq94's reader makes of a YAML text."""
    doc = parse("back.yaml", text)
    assert not doc.problems, doc.problems
    return doc.data


def test_every_tricky_text_reads_back_as_itself() -> None:
    """Notes and sources like 'N', 'y', '08', '1e3', '-0', '007' come back as the same text
    (they came back as a boolean, or re-spelt as 8, 1E+3); NEL, LS and PS are kept."""
    values = {f"t{index}": {"note": text, "source": text} for index, text in enumerate(TRICKY)}
    dumped = dump_report(period="2024-9M", basis="official", source="y", values=values)
    data = _read_back(dumped)
    assert data["source"] == "y"
    assert data["values"] == values


NUMBERS = ["7.50", "-0", "0.000", "1E+3", "19515", "0.8", "123456789012345678.25", "-0.001"]


def test_numbers_keep_their_places() -> None:
    values = {f"t{index}": Decimal(text) for index, text in enumerate(NUMBERS)}
    data = _read_back(dump_report(period="2024", basis="official", source=None, values=values))
    for key, number in values.items():
        back = data["values"][key]
        assert isinstance(back, Decimal), (key, back)
        assert back == number
        assert back.as_tuple().exponent == min(0, int(number.as_tuple().exponent)), (number, back)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    texts=st.lists(st.text(st.characters(exclude_categories=("Cs",))), min_size=1, max_size=4),
    numbers=st.lists(
        st.decimals(allow_nan=False, allow_infinity=False, places=None), min_size=1, max_size=3
    ),
)
def test_any_text_and_number_reads_back_as_written(
    texts: list[str], numbers: list[Decimal]
) -> None:
    """Whatever a note holds, and whatever number a figure is, nq94's reader reads the YAML
    convert writes back to the same text and the same number."""
    values: dict[str, Any] = {f"n{i}": {"note": text} for i, text in enumerate(texts)}
    values |= {f"v{i}": number for i, number in enumerate(numbers)}
    data = _read_back(dump_report(period="2024", basis="official", source=None, values=values))
    assert data["values"] == values


def _workbook_with_notes(path: Path, notes: list[str]) -> Path:
    """A filled workbook whose notes are ``notes``, one target each."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Report"
    sheet["A1"], sheet["B1"] = "period", "2024-9M"
    sheet.append([])
    sheet.append(["id", "value", "note"])
    ids = ["grdp_growth", "export_growth", "forest_cover_rate", "trained_labour_rate",
           "health_insurance_rate", "cultural_families_rate", "cultural_hamlets_rate",
           "rural_clean_water_rate"]  # fmt: skip
    for target, note in zip(ids, notes, strict=False):
        sheet.append([target, 50, note])
    book.save(path)
    return path


def test_convert_from_a_workbook_keeps_every_note_as_written(cli: CLI, tmp_path: Path) -> None:
    """A workbook's notes 'N', 'y', '08', '1e3', '-0', '007', '1e4' and one with NEL, converted
    to YAML: nq94 reads the YAML back, with each note as the sheet holds it (it refused 'N' and
    'y' as booleans and re-spelt the rest)."""
    notes = ["N", "y", "08", "1e3", "-0", "007", "1e4", "next\x85line"]
    source = _workbook_with_notes(tmp_path / "notes.xlsx", notes)
    out = tmp_path / "notes.yaml"
    run = cli("convert", str(source), "-o", str(out))
    assert run.exit_code == 0, run
    back = cli("validate", str(out))
    assert back.exit_code == 0, back
    data = _read_back(out.read_text(encoding="utf-8"))
    assert [entry["note"] for entry in data["values"].values()] == notes


def test_a_note_longer_than_a_cell_goes_on_below_and_comes_back_whole(
    cli: CLI, tmp_path: Path
) -> None:
    """A 40,000-character note, converted to a workbook and back: no cell holds more than Excel's
    32,767 characters, and the YAML it converts back to holds the whole note (it was cut to
    32,767 with exit 0)."""
    note = "".join(f"Đoạn {index}: số liệu ước tính. " for index in range(2_000))[:40_000]
    assert len(note) == 40_000
    report = tmp_path / "long.yaml"
    report.write_text(
        'period: "2024-9M"\nvalues:\n  grdp_growth:\n    value: 7.5\n'
        f'    note: "{note}"\n  export_growth: 9\n',
        encoding="utf-8",
    )
    workbook = tmp_path / "long.xlsx"
    run = cli("convert", str(report), "-o", str(workbook))
    assert run.exit_code == 0, run
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    assert max(len(str(cell.value or "")) for row in sheet.iter_rows() for cell in row) <= 32_767
    back = tmp_path / "back.yaml"
    run = cli("convert", str(workbook), "-o", str(back))
    assert run.exit_code == 0, run
    values = _read_back(back.read_text(encoding="utf-8"))["values"]
    assert values["grdp_growth"]["note"] == note
    assert values["export_growth"] == Decimal(9)


def test_control_characters_and_escape_lookalikes_survive_both_ways(
    cli: CLI, tmp_path: Path
) -> None:
    """A note with a carriage return, ESC, NEL, LS, PS and the text '_x000D_', converted to a
    workbook and back: the same note (\\r and ESC came back as '_x000D_' and '_x001B_', NEL was
    dropped, and an escaped '_x000D_' would have become a carriage return)."""
    note = "a\rb\x1bc\x85d\u2028e\u2029f, _x000D_ and _x005F_ as typed"
    report = tmp_path / "controls.yaml"
    report.write_text(
        dump_report(
            period="2024-9M",
            basis="official",
            source="_x0041_",
            values={"grdp_growth": {"value": Decimal("7.5"), "note": note}},
        ),
        encoding="utf-8",
    )
    workbook, back = tmp_path / "controls.xlsx", tmp_path / "back.yaml"
    assert cli("convert", str(report), "-o", str(workbook)).exit_code == 0
    run = cli("convert", str(workbook), "-o", str(back))
    assert run.exit_code == 0, run
    data = _read_back(back.read_text(encoding="utf-8"))
    assert (data["source"], data["values"]["grdp_growth"]["note"]) == ("_x0041_", note)
