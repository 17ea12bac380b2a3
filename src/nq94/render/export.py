"""`nq94 export`: one report to a file for people, its format chosen by the file's extension."""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from enum import StrEnum

from nq94.evaluate import Evaluation


class ExportFormat(StrEnum):
    """The file formats of `nq94 export`, by extension."""

    CSV = ".csv"
    JSON = ".json"
    MARKDOWN = ".md"
    HTML = ".html"
    XLSX = ".xlsx"


ALIASES = {".htm": ExportFormat.HTML, ".markdown": ExportFormat.MARKDOWN}


def export_format(suffix: str) -> ExportFormat | None:
    """The format for a file extension (case-insensitive), if nq94 writes it."""
    suffix = suffix.lower()
    if suffix in ALIASES:
        return ALIASES[suffix]
    try:
        return ExportFormat(suffix)
    except ValueError:
        return None


def _stream(module: str) -> Callable[[Evaluation], bytes]:
    def render(evaluation: Evaluation) -> bytes:
        out = io.StringIO()
        importlib.import_module(module).check([evaluation], out, color=False)
        return out.getvalue().encode("utf-8")

    return render


def _csv(evaluation: Evaluation) -> bytes:
    # A byte order mark makes Excel read the file as UTF-8, so Vietnamese shows correctly.
    from nq94.render.csvfmt import export

    return b"\xef\xbb\xbf" + export(evaluation).encode("utf-8")


def _html(evaluation: Evaluation) -> bytes:
    from nq94.render.html import render

    return render(evaluation).encode("utf-8")


def _xlsx(evaluation: Evaluation) -> bytes:
    from nq94.render.xlsx import render

    return render(evaluation)


EXPORTER: dict[ExportFormat, Callable[[Evaluation], bytes]] = {
    ExportFormat.CSV: _csv,
    ExportFormat.JSON: _stream("nq94.render.jsonfmt"),
    ExportFormat.MARKDOWN: _stream("nq94.render.markdown"),
    ExportFormat.HTML: _html,
    ExportFormat.XLSX: _xlsx,
}
"""The writer of each export format: the whole file's bytes, ready to be written atomically."""
