"""What the workbook tests share: where each target stands on a template's sheet."""

from __future__ import annotations

from typing import Any

from nq94.layout import HEADER_ROW


def template_rows(sheet: Any) -> dict[str, int]:
    """Target id -> its row on a report sheet laid out as the template lays it out: the rows
    under the header, by the id in column A."""
    return {
        str(sheet.cell(row, 1).value): row
        for row in range(HEADER_ROW + 1, sheet.max_row + 1)
        if sheet.cell(row, 1).value
    }
