"""Terminal tables: widths in cells, wrapping, colours, and text that cannot seize a terminal."""

from __future__ import annotations

import io
import unicodedata

import pytest

from nq94.report.grid import SECTION, Column, Part, cell_width, draw, width_for


def _draw(rows: list, columns: tuple[Column, ...], **options: object) -> list[str]:  # type: ignore[type-arg]
    out = io.StringIO()
    draw(columns, rows, out, color=False, **options)  # type: ignore[arg-type]
    return out.getvalue().splitlines()


def test_cell_width_counts_what_a_terminal_shows() -> None:
    precomposed = "Tỷ lệ hộ nghèo"
    decomposed = unicodedata.normalize("NFD", precomposed)
    assert len(decomposed) > len(precomposed)
    assert cell_width(precomposed) == cell_width(decomposed) == 14
    assert cell_width("平和") == 4


def test_columns_line_up_with_decomposed_vietnamese() -> None:
    """Right-aligned numbers end in the same column whatever the normal form of the words."""
    words = "Tỷ lệ gia đình văn hóa"
    rows = [[words, "90"], [unicodedata.normalize("NFD", words), "100"]]
    lines = _draw(rows, (Column("Words"), Column("N", right=True)), width=80)
    assert len(lines) == 4
    assert [cell_width(lines[index]) for index in (0, 2, 3)] == [cell_width(lines[0])] * 3


def test_the_wrapping_column_fills_the_width_and_wraps_words() -> None:
    text = "Số đơn vị cấp huyện hoàn thành nhiệm vụ xây dựng nông thôn mới: 01 đơn vị"
    lines = _draw(
        [[text, "—"]], (Column("Target", wrap=True), Column("Actual", right=True)), width=50
    )
    assert max(cell_width(line) for line in lines) <= 50
    assert cell_width(lines[1]) == 49  # the rule spans the width, less the edges
    assert lines[2].endswith("—")
    assert " ".join(" ".join(lines[2:]).replace("—", "").split()) == text


def test_a_word_wider_than_its_column_is_folded() -> None:
    name = "reports/" + "x" * 60 + ".yaml"
    lines = _draw([[name]], (Column("File", wrap=True, min_width=20),), width=24)
    assert "".join(line.strip() for line in lines[2:]) == name
    assert all(cell_width(line) <= 24 for line in lines)


def test_sections_are_split_by_a_blank_line_and_a_leading_section_adds_none() -> None:
    rows = [SECTION, ["a"], ["b"], SECTION, ["c"]]
    assert _draw(rows, (Column("X"),), width=20) == ["  X", " ───", "  a", "  b", "", "  c"]


def test_control_characters_are_shown_not_obeyed() -> None:
    lines = _draw([["evil\x1b[2J\x07.yaml"]], (Column("File"),), width=40)
    assert "\x1b" not in "".join(lines)
    assert "\x07" not in "".join(lines)
    assert "evil\\x1b[2J\\x07.yaml" in lines[2]


def test_styles_are_ansi_codes_only_with_colour() -> None:
    cell = [Part("met", "bold green")]
    coloured = io.StringIO()
    draw((Column("Status"),), [[cell]], coloured, color=True, width=20)
    assert "\x1b[1;32mmet\x1b[0m" in coloured.getvalue()
    assert "\x1b" not in "".join(_draw([[cell]], (Column("Status"),), width=20))


@pytest.mark.parametrize(("columns", "tty", "expected"), [("77", False, 77), ("", False, 120)])
def test_width_for(monkeypatch: pytest.MonkeyPatch, columns: str, tty: bool, expected: int) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert width_for(io.StringIO()) == expected
