"""Reports as workbooks: the template officers fill in, and a filled-in workbook read back as the
data a YAML report gives, each figure with its cell, so that the same pydantic models validate it
and every problem is said at its cell (``report.xlsx:12:6: (Báo cáo!F12) …``).

XlsxWriter writes (it writes the export's workbooks too); openpyxl reads, with defusedxml
guarding its XML parsers against entity expansion. Both are imported inside the functions that
use them, so that a YAML report never pays for them.

The layout is a contract scripts can fill (README, "Reports in Excel"): a sheet whose header row
names its columns with the machine keys ``id``, ``value``, ``baseline``, ``current``, ``source``
and ``note`` (read by name, so columns and rows may move), and the defined names ``period``,
``basis`` and ``source`` for the cells that hold them.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nq94.errors import InputError, Mark, Problem
from nq94.i18n import Lang, catalogue, pick, t
from nq94.layout import FIGURES, INPUTS, KEYS, NAMES, SHEET, TEXTS, VALUES
from nq94.model import Measure, Target, TargetsFile
from nq94.model.numtext import plain
from nq94.model.values import YamlDate
from nq94.read.files import OLE_MAGIC, ZIP_MAGIC

Path = tuple[str, ...]

REFUSED = {".xls": "err.xlsx.xls", ".xlsm": "err.xlsx.macros", ".xlsb": "err.xlsx.xlsb",
           ".ods": "err.xlsx.ods"}  # fmt: skip
"""Spreadsheet files nq94 does not read, by suffix, with what to do instead."""

MAX_ROWS = 10_000
"""Rows read (1 to 10,000): a report needs a few dozen. openpyxl makes every empty row before a
far one, so a sheet is read no further: a row at 1,000,000,000 would take minutes."""

MAX_COLUMNS = 64
"""Columns read (A to BL): the template uses ten, and room is left for columns people insert."""

UNPACK_PIECE = 64 * 1024
"""Bytes unpacked at a time when checking a workbook's parts."""

MAX_PARTS = 10_000
"""Parts a workbook's zip may hold: Excel's template has about twelve."""

_NUMBER_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
"""Quoted text, [colours and conditions], and escaped, padding and fill characters in a number
format: none of them says how a number is shown."""


# --- reading ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Workbook:
    """The data a workbook's report sheet gives, shaped as a YAML report's, and the cell of each
    part; it answers the questions yamldoc's Document answers, so that validation and positions
    work the same for both."""

    name: str
    sheet: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Where each part stands: (row, column), 1-based."""
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Where the key of a part stands: a target's id cell."""
    problems: list[Problem] = field(default_factory=list)
    no_data: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The value cell of each target whose row has no figure, to point at when saying so."""
    percent: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    """Percent cells read before the targets were known (their target, key and cell): a
    percent cell is refused for a target not measured in percent (settle)."""

    def settle(self, targets: TargetsFile) -> None:
        """Refuse, at its cell, each percent cell of a target not measured in percent, now that
        the targets the workbook is checked against are known."""
        values = self.data.get("values")
        for (target_id, key), (row, column) in self.percent.items():
            target = targets.by_id.get(target_id)
            if target is None or _percent(target, key) or not isinstance(values, dict):
                continue
            self.problems.append(
                self.at(row, column, t("err.xlsx.percent_cell", unit=pick(target.unit)))
            )
            given = values.get(target_id)
            if isinstance(given, dict):
                given[key] = None
            else:
                values[target_id] = None
        self.percent.clear()

    def mark(self, path: Path, *, key: bool = False) -> Mark:
        """Where ``path`` stands (its id cell with ``key``), or its nearest ancestor."""
        for end in range(len(path), -1, -1):
            part = path[:end]
            if key and part in self.keys:
                return Mark(*self.keys[part])
            if part in self.cells:
                return Mark(*self.cells[part])
        return Mark(1, 1)

    def marks(self, path: Path) -> dict[str, Mark]:
        """Where each part directly below ``path`` stands, by key."""
        depth = len(path) + 1
        found = {key: Mark(*cell) for key, cell in self.no_data.items()} if path == VALUES else {}
        found.update(
            (part[-1], Mark(*cell))
            for part, cell in self.cells.items()
            if len(part) == depth and part[:-1] == path
        )
        return found

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A problem located at ``path``, naming its cell."""
        where = self.mark(path, key=key)
        return self.at(where.line, where.column, message)

    def at(self, row: int, column: int, message: str) -> Problem:
        """A problem at a cell, named as people name cells: (Báo cáo!F12)."""
        from openpyxl.utils import get_column_letter  # read with openpyxl: loaded already

        cell = f"{self.sheet}!{get_column_letter(column)}{row}" if self.sheet else ""
        return Problem(
            self.name, row, column, f"({cell}) {message}" if cell else message, cell=cell
        )


def read(name: str, raw: bytes, *, targets: TargetsFile | None = None, max_bytes: int) -> Workbook:
    """The report in a workbook's bytes; InputError for a file that is not an .xlsx workbook
    nq94 can read safely, saying what to do."""
    _refuse(name, raw, max_bytes=max_bytes)
    with _quiet():
        loaded = _open(name, raw)
        try:
            return _Reader(name, loaded, targets).read()
        except InputError:
            raise
        except Exception as e:  # a damaged part: openpyxl raises what its parsers raise
            raise _whole(name, _damage(e)) from None
        finally:
            for book in loaded:
                book.close()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """openpyxl, quiet: it warns (a workbook without a default style) and, for some damaged
    styles, prints to stdout, where a report in JSON is being written."""
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def _whole(name: str, key: str, **values: Any) -> InputError:
    return InputError([Problem(name, 1, 1, t(key, **values))])


def _refuse(name: str, raw: bytes, *, max_bytes: int) -> None:
    """Refuse, before any XML is parsed, what is not an .xlsx workbook nq94 reads: other
    spreadsheet formats, a password, macros, links to other files, a zip that is damaged or
    unpacks to more than ``max_bytes``."""
    import zipfile

    suffix = "." + name.lower().rpartition(".")[2] if "." in name else ""
    if raw.startswith(OLE_MAGIC):
        encrypted = "EncryptedPackage".encode("utf-16-le") in raw
        raise _whole(name, "err.xlsx.encrypted" if encrypted else "err.xlsx.xls")
    if suffix in REFUSED:
        raise _whole(name, REFUSED[suffix])
    if not raw.startswith(ZIP_MAGIC):
        raise _whole(name, "err.xlsx.not_a_workbook" if raw else "err.xlsx.empty")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError):
        raise _whole(name, "err.xlsx.damaged") from None
    names = {part.filename.lower() for part in parts}
    if "mimetype" in names and "content.xml" in names:
        raise _whole(name, "err.xlsx.ods")
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > max_bytes:
        raise _whole(name, "err.xlsx.too_large", max_bytes=max_bytes)
    if any(part.flag_bits & 0x1 for part in parts):
        raise _whole(name, "err.xlsx.encrypted")
    if any(each.endswith("vbaproject.bin") for each in names):
        raise _whole(name, "err.xlsx.macros")
    if any(each.startswith("xl/externallinks/") for each in names):
        raise _whole(name, "err.xlsx.links")
    if "xl/workbook.xml" not in names:
        raise _whole(name, "err.xlsx.not_a_workbook")
    if any(part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for part in parts):
        raise _whole(name, "err.xlsx.damaged")  # bzip2, lzma: no spreadsheet program writes them
    _unpacks(name, raw, max_bytes=max_bytes)


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
                            raise _whole(name, "err.xlsx.too_large", max_bytes=max_bytes)
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError):
        raise _whole(name, "err.xlsx.damaged") from None


def _open(name: str, raw: bytes) -> tuple[Any, Any]:
    """The workbook twice: with each formula's saved result, and with the formulas themselves
    (to tell an empty cell from a formula never calculated)."""
    import os

    # openpyxl parses with defusedxml when it is installed, unless told otherwise: never here
    os.environ.pop("OPENPYXL_DEFUSEDXML", None)
    import openpyxl  # needed by workbooks only

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise _whole(name, "err.xlsx.unsafe")
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
        raise _whole(name, _damage(e)) from None
    return books[0], books[1]


def _damage(error: Exception) -> str:
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


class _Reader:
    """One pass down the report sheet: the header row, then a row per target."""

    def __init__(self, name: str, books: tuple[Any, Any], targets: TargetsFile | None) -> None:
        self.book, self.formulas = books
        self.targets = targets
        self.doc = Workbook(name)

    def read(self) -> Workbook:
        from nq94.layout import OWN_OUTPUT

        doc = self.doc
        category = str(getattr(self.book.properties, "category", None) or "")
        if category.startswith(OWN_OUTPUT):  # a table for people nq94 wrote, not a report
            command = category.removeprefix(OWN_OUTPUT)
            raise InputError([doc.at(1, 1, t("err.xlsx.own_output", command=command))])
        named = self._defined_names()
        sheet = self._sheet(named)
        doc.sheet = sheet.title
        doc.cells[()] = (1, 1)
        rows = _rows(sheet)
        header: dict[str, int] | None = None
        labels: dict[str, tuple[int, int]] = {}
        body: list[tuple[int, dict[int, Any]]] = []
        for number, cells in rows:
            if header is None:
                header = self._header(cells)
                if header is None:
                    labels.update(_labels(cells))
                else:
                    doc.cells[("values",)] = (number, header["id"])
                continue
            body.append((number, cells))
        if header is None:
            raise InputError([doc.at(1, 1, t("err.xlsx.no_header"))])
        for key in NAMES:
            place = named.get((sheet.title, key)) or labels.get(key)
            if place is not None:
                self._top(key, place, _cell_at(rows, place))
        if ("period",) not in doc.cells:
            doc.problems.append(doc.at(1, 1, t("err.xlsx.no_period")))
            doc.data["period"] = None
        if "value" not in header:
            row, column = doc.cells[("values",)]
            doc.problems.append(doc.at(row, column, t("err.xlsx.no_value_column")))
        values: dict[str, Any] = {}
        doc.data["values"] = values
        formulas = self._formula_cells(sheet.title, header, [number for number, _ in body])
        seen: dict[str, int] = {}
        for number, cells in body:
            self._row(number, cells, header, values, seen, formulas)
        return doc

    def _defined_names(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(sheet, name) -> the cell, for the names period, basis and source."""
        found: dict[tuple[str, str], tuple[int, int]] = {}
        for key in NAMES:
            defined = self.book.defined_names.get(key)
            if defined is None:
                continue
            for title, reference in defined.destinations:
                place = _reference(reference)
                if place is not None:
                    found.setdefault((title, key), place)
        return found

    def _sheet(self, named: dict[tuple[str, str], tuple[int, int]]) -> Any:
        """The report sheet: where the name period points, else one called as the template
        calls it, else the first."""
        titles = [title for title, key in named if key == "period"]
        titles += list(SHEET.values())
        for title in titles:
            if title in self.book.sheetnames:
                return self.book[title]
        return self.book.worksheets[0]

    def _header(self, cells: dict[int, Any]) -> dict[str, int] | None:
        """The columns by machine key, when this row is the header (it names ``id``)."""
        keys = {
            value.strip().lower(): column
            for column, value in ((c, _value(cell)) for c, cell in cells.items())
            if isinstance(value, str) and value.strip().lower() in KEYS
        }
        return keys if "id" in keys and len(keys) > 1 else None

    def _top(self, key: str, place: tuple[int, int], cell: Any) -> None:
        """The period, basis or source, from its cell."""
        doc = self.doc
        doc.cells[(key,)] = place
        value = _value(cell)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if key == "period":
                doc.problems.append(doc.at(*place, t("err.xlsx.empty_period")))
                doc.data["period"] = None
            return
        if isinstance(value, bool):
            doc.data[key] = value
        elif isinstance(value, int | float):
            number = _decimal(value)
            doc.data[key] = plain(number) if key != "period" else number
        elif isinstance(value, datetime.date | datetime.time | datetime.timedelta):
            doc.data[key] = YamlDate(_date_text(value))
        else:
            doc.data[key] = str(value)

    def _formula_cells(
        self, title: str, header: Mapping[str, int], numbers: list[int]
    ) -> set[tuple[int, int]]:
        """The figure cells below the header that hold a formula (saved result or not)."""
        if not numbers:
            return set()
        columns = {header[key] for key in FIGURES if key in header}
        found: set[tuple[int, int]] = set()
        for number, cells in _rows(self.formulas[title]):
            if number < numbers[0]:
                continue
            for column in columns:
                cell = cells.get(column)
                if cell is not None and getattr(cell, "data_type", "") == "f":
                    found.add((number, column))
        return found

    def _row(
        self,
        number: int,
        cells: dict[int, Any],
        header: Mapping[str, int],
        values: dict[str, Any],
        seen: dict[str, int],
        formulas: set[tuple[int, int]],
    ) -> None:
        doc = self.doc
        id_column = header["id"]
        raw_id = _value(cells.get(id_column))
        target_id = "" if raw_id is None else str(raw_id).strip()
        given: dict[str, Any] = {}
        places: dict[str, tuple[int, int]] = {}
        for key in INPUTS:
            column = header.get(key)
            if column is None:
                continue
            cell = cells.get(column)
            got = self._input(key, number, column, cell, target_id, formulas)
            if got is not _EMPTY:
                given[key] = got
                places[key] = (number, column)
        if not target_id:
            if given:
                first = min(places.values(), key=lambda place: place[1])
                from openpyxl.utils import get_column_letter

                message = t("err.xlsx.no_id", column=get_column_letter(id_column))
                doc.problems.append(doc.at(*first, message))
            return
        if target_id in seen:
            message = t("err.xlsx.duplicate_id", id=target_id, row=seen[target_id])
            doc.problems.append(doc.at(number, id_column, message))
            return
        seen[target_id] = number
        path = ("values", target_id)
        if not given:  # a target with no figure: its row, for the line that says so
            empty = (number, header.get("value", id_column))
            doc.no_data[target_id] = empty
            return
        doc.keys[path] = (number, id_column)
        main = next((key for key in FIGURES if key in places), next(iter(places)))
        doc.cells[path] = places[main]
        for key, place in places.items():
            doc.cells[(*path, key)] = place
        only_value = set(given) == {"value"}
        values[target_id] = given["value"] if only_value else given

    def _input(
        self,
        key: str,
        number: int,
        column: int,
        cell: Any,
        target_id: str,
        formulas: set[tuple[int, int]],
    ) -> Any:
        """One input cell as a report's YAML would give it: a Decimal, text, or what the model
        refuses (a date, a boolean); _EMPTY for nothing."""
        doc = self.doc
        value = _value(cell)
        if value is None or (isinstance(value, str) and not value.strip()):
            # a formula whose saved result is an empty text (=IF(…;"";…)) is a figure not given
            text_result = getattr(cell, "data_type", "") in ("s", "str")
            if key in FIGURES and (number, column) in formulas and not text_result:
                doc.problems.append(doc.at(number, column, t("err.xlsx.uncalculated")))
                return None
            return _EMPTY
        if getattr(cell, "data_type", "") == "e":
            doc.problems.append(doc.at(number, column, t("err.xlsx.error_cell", error=value)))
            return None
        if key in TEXTS:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return plain(_decimal(value))
            if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
                return _date_text(value)
            return str(value)
        if isinstance(value, bool | str):
            return value
        if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
            return YamlDate(_date_text(value))
        number_format = str(getattr(cell, "number_format", "") or "")
        figure = _decimal(value)
        shown = _NUMBER_FORMAT_NOISE.sub("", number_format.split(";")[0])
        if "%" in shown:
            if self.targets is None:
                doc.percent[(target_id, key)] = (number, column)
            target = self.targets.by_id.get(target_id) if self.targets else None
            if target is not None and not _percent(target, key):
                doc.problems.append(
                    doc.at(number, column, t("err.xlsx.percent_cell", unit=pick(target.unit)))
                )
                return None
            figure = figure.scaleb(2)
        return _padded(figure, shown)


def _percent(target: Target, key: str) -> bool:
    """Whether a cell of ``target`` may be a percent cell: a value in %, or the two rates a
    change in percentage points comes from."""
    if key == "value":
        return target.measure is Measure.PERCENT
    return target.measure is Measure.POINTS


_LABELS = {
    words.lower(): key
    for key in NAMES
    for words in (key, *(catalogue(lang)[f"workbook.{key}"] for lang in Lang))
}
"""The labels of the period, basis and source cells, by the key they stand for."""

_EMPTY = object()
"""An input cell with nothing in it."""


def _value(cell: Any) -> Any:
    return None if cell is None else cell.value


def _date_text(value: datetime.date | datetime.time | datetime.timedelta) -> str:
    """A date or time as ISO 8601 writes it; a date without its midnight."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value) if isinstance(value, datetime.timedelta) else value.isoformat()


def _decimal(value: int | float) -> Decimal:
    """A spreadsheet's number as the decimal it shows: the shortest text that reads back as the
    same double (0.1, not 0.1000000000000000055511151231257827)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(value))


def _padded(figure: Decimal, shown: str) -> Decimal:
    """``figure`` with the decimals its cell's format shows, when the format shows more than it
    has (7.5 shown as 7.50 is 7.50, as written)."""
    _, point, after = shown.partition(".")
    decimals = len(after) - len(after.lstrip("0")) if point else 0
    if figure.is_finite() and decimals > max(0, -int(figure.as_tuple().exponent)):
        return figure.quantize(Decimal(1).scaleb(-decimals))
    return figure


def _reference(reference: str) -> tuple[int, int] | None:
    """(row, column) of a single-cell reference such as $B$3; None for a range or anything
    else."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
    from openpyxl.utils.exceptions import CellCoordinatesException

    try:
        letters, row = coordinate_from_string(reference.strip())
    except CellCoordinatesException:
        return None
    return row, column_index_from_string(letters)


def _rows(sheet: Any) -> list[tuple[int, dict[int, Any]]]:
    """The rows holding anything among the first MAX_ROWS rows and MAX_COLUMNS columns, as
    (row number, {column: cell})."""
    sheet.reset_dimensions()  # the size a file states may be wrong, or hostile
    rows: list[tuple[int, dict[int, Any]]] = []
    for cells in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS):
        kept = {
            cell.column: cell
            for cell in cells
            if getattr(cell, "value", None) is not None
            or getattr(cell, "data_type", "") in ("f", "s", "str")
        }
        if not kept:
            continue
        rows.append((next(iter(kept.values())).row, kept))
    return rows


def _labels(cells: dict[int, Any]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Above the header, a row that starts with 'period', 'basis' or 'source' (or the
    template's words for them, in either language) holds it in the cell to the right."""
    column, cell = min(cells.items())
    value = _value(cell)
    if isinstance(value, str) and (key := _LABELS.get(value.strip().lower())):
        yield key, (cell.row, column + 1)


def _cell_at(rows: Iterable[tuple[int, dict[int, Any]]], place: tuple[int, int]) -> Any:
    row, column = place
    return next((cells.get(column) for number, cells in rows if number == row), None)
