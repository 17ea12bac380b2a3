"""A workbook's parts, read safely: what nq94 does not read is refused before any XML is
parsed (other formats, a password, macros, links, a zip bomb, Strict Open XML), the parts are
parsed by openpyxl through defusedxml, and each sheet is read whole, however far its cells
lie, through openpyxl's sheet parser.

openpyxl's internals (its sheet parser and archive, which its public API reads only row by
row with every empty cell between) are used here and nowhere else; tests/read/test_xlsx.py
checks what this module assumes of them.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from nq94.errors import InputError, Problem
from nq94.i18n import t
from nq94.layout import KEYS
from nq94.read.files import OLE_MAGIC, ZIP_MAGIC

REFUSED = {".xls": "err.xlsx.xls", ".xlsm": "err.xlsx.macros", ".xlsb": "err.xlsx.xlsb",
           ".ods": "err.xlsx.ods"}  # fmt: skip
"""Spreadsheet files nq94 does not read, by suffix, with what to do instead."""

UNPACK_PIECE = 64 * 1024
"""Bytes unpacked at a time when checking a workbook's parts."""

MAX_PARTS = 10_000
"""Parts a workbook's zip may hold: Excel's template has about twelve."""


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """openpyxl, quiet: it warns (a workbook without a default style) and, for some damaged
    styles, prints to stdout, where a report in JSON is being written."""
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def whole(name: str, key: str, **values: Any) -> InputError:
    return InputError([Problem(name, 1, 1, t(key, **values))])


def refuse(name: str, raw: bytes, *, max_bytes: int) -> None:
    """Refuse, before any XML is parsed, what is not an .xlsx workbook nq94 reads: other
    spreadsheet formats, a password, macros, links to other files, a zip that is damaged or
    unpacks to more than ``max_bytes``."""
    import zipfile

    suffix = "." + name.lower().rpartition(".")[2] if "." in name else ""
    if raw.startswith(OLE_MAGIC):
        encrypted = "EncryptedPackage".encode("utf-16-le") in raw
        raise whole(name, "err.xlsx.encrypted" if encrypted else "err.xlsx.xls")
    if suffix in REFUSED:
        raise whole(name, REFUSED[suffix])
    if not raw.startswith(ZIP_MAGIC):
        raise whole(name, "err.xlsx.not_a_workbook" if raw else "err.xlsx.empty")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError):
        raise whole(name, "err.xlsx.damaged") from None
    names = {part.filename.lower() for part in parts}
    if "mimetype" in names and "content.xml" in names:
        raise whole(name, "err.xlsx.ods")
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > max_bytes:
        raise whole(name, "err.xlsx.too_large", max_bytes=max_bytes)
    if any(part.flag_bits & 0x1 for part in parts):
        raise whole(name, "err.xlsx.encrypted")
    if any(each.endswith("vbaproject.bin") for each in names):
        raise whole(name, "err.xlsx.macros")
    if any(each.startswith("xl/externallinks/") for each in names):
        raise whole(name, "err.xlsx.links")
    if "xl/workbook.xml" not in names:
        raise whole(name, "err.xlsx.not_a_workbook")
    if any(part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for part in parts):
        raise whole(name, "err.xlsx.damaged")  # bzip2, lzma: no spreadsheet program writes them
    _unpacks(name, raw, max_bytes=max_bytes)
    if _strict(raw):
        raise whole(name, "err.xlsx.strict")


STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
"""The namespace of a Strict Open XML workbook (Excel's "Strict Open XML Spreadsheet"), which
openpyxl cannot read: its parts are named as a transitional workbook's are."""


def _strict(raw: bytes) -> bool:
    """Whether the workbook part opens in Strict Open XML's namespace (in its first piece)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        part = next(each for each in archive.namelist() if each.lower() == "xl/workbook.xml")
        with archive.open(part) as stream:
            return STRICT_NAMESPACE in stream.read(UNPACK_PIECE)


def _unpacks(name: str, raw: bytes, *, max_bytes: int) -> None:
    """Unpack every part in small pieces, before openpyxl reads any whole: a part that holds
    more than its header says (a zip bomb that lies) fails its checksum here, having taken no
    more memory than a piece."""
    import zipfile

    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for part in archive.infolist():
                with archive.open(part) as stream:
                    while piece := stream.read(UNPACK_PIECE):
                        total += len(piece)
                        if total > max_bytes:
                            raise whole(name, "err.xlsx.too_large", max_bytes=max_bytes)
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError):
        raise whole(name, "err.xlsx.damaged") from None


def open_books(name: str, raw: bytes) -> tuple[Any, Any]:
    """The workbook twice: with each formula's saved result, and with the formulas themselves
    (to tell an empty cell from a formula never calculated)."""
    import os

    # openpyxl parses with defusedxml when it is installed, unless told otherwise: never here
    os.environ.pop("OPENPYXL_DEFUSEDXML", None)
    import openpyxl  # needed by workbooks only

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise whole(name, "err.xlsx.unsafe")
    books: list[Any] = []
    try:
        for data_only in (True, False):
            books.append(
                openpyxl.load_workbook(
                    io.BytesIO(raw), read_only=True, data_only=data_only, keep_links=False
                )
            )
    except Exception as e:  # a damaged or hostile part: openpyxl raises what its parsers raise
        for book in books:
            book.close()
        raise whole(name, damage(e)) from None
    return books[0], books[1]


def damage(error: Exception) -> str:
    """The catalogue key of why a workbook's parts could not be read."""
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]

    cause: BaseException | None = error
    while cause is not None:  # openpyxl says "invalid XML", from defusedxml's refusal
        if isinstance(cause, DefusedXmlException):
            return "err.xlsx.entities"
        cause = cause.__cause__ or cause.__context__
    if isinstance(error, MemoryError):
        raise error
    return "err.xlsx.damaged"


def cell_value(cell: Any) -> Any:
    """A cell's value, its text with Excel's escapes decoded."""
    value = None if cell is None else cell.value
    if isinstance(value, str) and "_x" in value:
        return unescaped(value)
    return value


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
"""How Office Open XML writes a character XML cannot hold (a carriage return pasted into a cell
is _x000D_), and _x005F_ for the underscore of a text that looks like one."""


def unescaped(text: str) -> str:
    """Text with its _xHHHH_ escapes decoded, as Excel and LibreOffice show it; a character
    outside the BMP, escaped as two halves, joined, and a half alone replaced."""
    decoded = _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)
    if decoded == text:
        return text
    return decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def reference(reference: str) -> tuple[int, int] | None:
    """(row, column) of a single-cell reference such as $B$3; None for a range or anything
    else."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
    from openpyxl.utils.exceptions import CellCoordinatesException

    try:
        letters, row = coordinate_from_string(reference.strip())
    except CellCoordinatesException:
        return None
    return row, column_index_from_string(letters)


@dataclass(slots=True)
class Parsed:
    """A sheet read whole: its rows that hold anything, its merged cells, and its header."""

    rows: list[tuple[int, dict[int, Any]]]
    """(row number, {column: cell}) of each row holding anything, however far down or right."""
    merged: list[tuple[int, int, int, int]]
    """Each merged range: first and last row, first and last column."""
    header: tuple[int, dict[str, int], list[tuple[str, int, int]]] | None
    """The header: its index in rows, its columns by machine key, and each key it names again
    (the key, its first column and the other)."""

    def cell(self, place: tuple[int, int]) -> Any:
        row, column = place
        return next((cells.get(column) for number, cells in self.rows if number == row), None)


def shared_strings(book: Any) -> list[str]:
    """The workbook's shared strings as saved, escapes and all: openpyxl's own table drops every
    'x005F_', which makes an escaped '_x000D_' (text) and a carriage return one, so value decodes
    these instead."""
    from openpyxl.cell.text import Text
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import fromstring, iterparse

    archive = book._archive
    found = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES))).find(SHARED_STRINGS)
    if found is None:
        return []
    strings: list[str] = []
    tag = f"{{{SHEET_MAIN_NS}}}si"
    with archive.open(found.PartName[1:]) as source:
        for _, node in iterparse(source):
            if node.tag == tag:
                strings.append(Text.from_tree(node).content)
                node.clear()
    return strings


def parse_sheet(sheet: Any, strings: list[str]) -> Parsed:
    """Every cell a sheet's part holds, however far down or right (Excel's last cell is XFD1048576),
    without the empty rows and cells openpyxl's iter_rows makes between them: a row at
    1,000,000,000 takes no longer than one at 10. Memory is bounded by the part's size, which
    refuse bounds."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    rows: list[tuple[int, dict[int, Any]]] = []
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            kept = {
                each["column"]: ReadOnlyCell(sheet, **each)
                for each in cells
                if each["value"] is not None or each["data_type"] in ("f", "s", "str")
            }
            if kept:
                rows.append((number, kept))
        merged = parser.merged_cells
    spans: list[tuple[int, int, int, int]] = []
    for each in getattr(merged, "mergeCell", None) or ():
        with contextlib.suppress(ValueError, TypeError):
            low, top, high, bottom = range_boundaries(str(each.ref))
            spans.append((top, bottom, low, high))
    header = next(
        ((index, *found) for index, (_, cells) in enumerate(rows) if (found := header_of(cells))),
        None,
    )
    return Parsed(rows, spans, header)


def header_of(cells: dict[int, Any]) -> tuple[dict[str, int], list[tuple[str, int, int]]] | None:
    """The columns by machine key, when this row is the header (it names ``id`` and another
    key), and each key it names again."""
    keys: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for column in sorted(cells):
        value = cell_value(cells[column])
        key = value.strip().lower() if isinstance(value, str) else ""
        if key not in KEYS:
            continue
        if key in keys:
            twice.append((key, keys[key], column))
        else:
            keys[key] = column
    return (keys, twice) if "id" in keys and len(keys) > 1 else None


def cell_name(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter  # read with openpyxl: loaded already

    return f"{get_column_letter(column)}{row}"


def has_figures(found: Parsed, keys: Iterable[str]) -> bool:
    """Whether a sheet holds a figure under its header, in a column of ``keys``."""
    assert found.header is not None
    at, header, _ = found.header
    columns = [header[key] for key in keys if key in header]
    for _, cells in found.rows[at + 1 :]:
        for column in columns:
            value = cell_value(cells.get(column))
            if value is not None and not (isinstance(value, str) and not value.strip()):
                return True
    return False
