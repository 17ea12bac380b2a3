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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, NamedTuple

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

SHOWN_DIGITS = 15
"""Significant digits a spreadsheet shows of a number: Excel saves =1.15-0.35 as
0.79999999999999993 and shows 0.8, and 0.8 is the figure the officer reports."""

CELL_LIMIT = 32_767
"""The most characters (UTF-16 units) an Excel cell holds: a source or note longer than that goes
on in the cells below it, in rows that hold nothing else (nq94.render.form writes it so)."""
FULL_CELL = CELL_LIMIT - 2 * 64
"""A text cell at least this full goes on in the cell below, when the row below holds nothing
else: a writer cuts a long text a little before the limit (up to 64 characters, each at most two
units) so that no piece starts with '=' or a combining mark."""

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
    sheets: dict[Path, str] = field(default_factory=dict)
    """The sheet of each part that stands on another sheet than the report's (a defined name
    may point to a cover sheet)."""

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
        return self._where(path, key=key)[1]

    def _where(self, path: Path, *, key: bool = False) -> tuple[Path, Mark]:
        """The part of ``path`` found, and where it stands."""
        for end in range(len(path), -1, -1):
            part = path[:end]
            if key and part in self.keys:
                return part, Mark(*self.keys[part])
            if part in self.cells:
                return part, Mark(*self.cells[part])
        return (), Mark(1, 1)

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
        part, where = self._where(path, key=key)
        return self.at(where.line, where.column, message, sheet=self.sheets.get(part))

    def at(self, row: int, column: int, message: str, *, sheet: str | None = None) -> Problem:
        """A problem at a cell, named as people name cells: (Báo cáo!F12); on the report sheet
        unless ``sheet`` is named."""
        sheet = sheet or self.sheet
        cell = f"{sheet}!{_cell_name(row, column)}" if sheet else ""
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
    if _strict(raw):
        raise _whole(name, "err.xlsx.strict")


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


class _Named(NamedTuple):
    """A defined name that points to no single cell, and what to say of it where."""

    key: str
    message: str
    sheet: str | None
    place: tuple[int, int] | None


class _Reader:
    """The report sheet found, then one pass down it: the header row, then a row per target."""

    def __init__(self, name: str, books: tuple[Any, Any], targets: TargetsFile | None) -> None:
        self.book, self.formulas = books
        self.targets = targets
        self.doc = Workbook(name)
        self._parsed: dict[tuple[bool, str], _Parsed] = {}
        self._strings: list[str] | None = None

    def parsed(self, title: str, *, formulas: bool = False) -> _Parsed:
        """A sheet's rows (with saved results, or with ``formulas``), read once."""
        key = (formulas, title)
        if key not in self._parsed:
            if self._strings is None:
                self._strings = _shared_strings(self.book)
            book = self.formulas if formulas else self.book
            self._parsed[key] = _parse(book[title], self._strings)
        return self._parsed[key]

    def read(self) -> Workbook:
        from nq94.layout import OWN_OUTPUT

        doc = self.doc
        category = str(getattr(self.book.properties, "category", None) or "")
        if category.startswith(OWN_OUTPUT):  # a table for people nq94 wrote, not a report
            command = category.removeprefix(OWN_OUTPUT)
            raise InputError([doc.at(1, 1, t("err.xlsx.own_output", command=command))])
        named, wrong = self._defined_names()
        title, found = self._sheet(named)
        doc.sheet = title
        doc.cells[()] = (1, 1)
        for each in wrong:
            row, column = each.place or (1, 1)
            doc.problems.append(doc.at(row, column, each.message, sheet=each.sheet))
        rows = found.rows
        assert found.header is not None  # _sheet gives a sheet with a header
        at, header, twice = found.header
        labels: dict[str, tuple[int, int]] = {}
        for _, cells in rows[:at]:
            labels.update(_labels(cells))
        header_row = rows[at][0]
        doc.cells[("values",)] = (header_row, header["id"])
        for key, first, again in twice:
            both = {"first": _cell_name(header_row, first), "again": _cell_name(header_row, again)}
            message = t("err.xlsx.duplicate_column", key=key, **both)
            doc.problems.append(doc.at(header_row, again, message))
        body = rows[at + 1 :]
        for key in NAMES:
            if key in named:
                self._top(key, *named[key])
            elif key in labels:
                self._top(key, title, labels[key])
        if ("period",) not in doc.cells and all(each.key != "period" for each in wrong):
            doc.problems.append(doc.at(1, 1, t("err.xlsx.no_period")))
        doc.data.setdefault("period", None)
        if "value" not in header:
            doc.problems.append(doc.at(header_row, header["id"], t("err.xlsx.no_value_column")))
        self._merged(found, header_row, header, body)
        values: dict[str, Any] = {}
        doc.data["values"] = values
        formulas = self._formula_cells(title, header, [number for number, _ in body])
        state = _State()
        for number, cells in body:
            self._row(number, cells, header, values, state, formulas)
        return doc

    def _defined_names(self) -> tuple[dict[str, tuple[str, tuple[int, int]]], list[_Named]]:
        """The cells the names period, basis, source and targets point to, as (sheet, cell),
        whether a name is the workbook's or a sheet's, in any case (as Excel has them); and
        each name that points to no single cell."""
        found: dict[str, tuple[str, tuple[int, int]]] = {}
        wrong: dict[str, _Named] = {}
        scopes = [self.book.defined_names, *(sheet.defined_names for sheet in self.book.worksheets)]
        for key in NAMES:
            for scope in scopes:
                defined = next(
                    (each for name, each in scope.items() if str(name).lower() == key), None
                )
                if defined is None:
                    continue
                text = str(defined.attr_text or "")
                title, place, problem = self._destination(text)
                if problem:
                    message = t(problem, name=key, value=_shown(text))
                    wrong.setdefault(key, _Named(key, message, title, place))
                    continue
                assert title is not None and place is not None
                found[key] = (title, place)
                wrong.pop(key, None)
                break
        return found, list(wrong.values())

    def _destination(self, text: str) -> tuple[str | None, tuple[int, int] | None, str]:
        """The sheet and cell a defined name's formula points to, and "" or the catalogue key of
        what it points to instead: a range (its first cell given), a deleted cell (#REF!), or
        anything else."""
        from openpyxl.utils.cell import SHEETRANGE_RE

        text = text.strip().removeprefix("=")
        if "#REF!" in text.upper():
            return None, None, "err.xlsx.name_deleted"
        match = SHEETRANGE_RE.fullmatch(text)
        if match is None:
            return None, None, "err.xlsx.name_not_cell"
        title = match.group("notquoted") or (match.group("quoted") or "").replace("''", "'")
        first, colon, last = match.group("cells").replace("$", "").partition(":")
        place = _reference(first)
        if title not in self.book.sheetnames or place is None:
            return None, None, "err.xlsx.name_not_cell"
        if colon and _reference(last) != place:
            return title, place, "err.xlsx.name_range"
        return title, place, ""

    def _sheet(self, named: Mapping[str, tuple[str, tuple[int, int]]]) -> tuple[str, _Parsed]:
        """The report sheet: the one whose header row names 'id' and 'value' (the sheets the
        names point to looked at first, then those called as the template calls them, then
        every sheet in order); failing that, one whose header names 'id'."""
        order = [title for title, _ in named.values()] + list(SHEET.values())
        order += list(self.book.sheetnames)
        fallback: tuple[str, _Parsed] | None = None
        for title in dict.fromkeys(order):
            if title not in self.book.sheetnames:
                continue
            found = self.parsed(title)
            if found.header is None:
                continue
            if "value" in found.header[1]:
                return title, found
            fallback = fallback or (title, found)
        if fallback is not None:
            return fallback
        doc = self.doc
        visible = [sheet.title for sheet in self.book.worksheets if sheet.sheet_state == "visible"]
        blamed = [title for title in order[: len(named) + len(SHEET)] if title in visible]
        if blamed or len(visible) == 1:  # the sheet meant to be the report: its header is gone
            doc.sheet = (blamed or visible)[0]
            raise InputError([doc.at(1, 1, t("err.xlsx.no_header"))])
        raise InputError([doc.at(1, 1, t("err.xlsx.no_header_sheet"))])

    def _top(self, key: str, title: str, place: tuple[int, int]) -> None:
        """The period, basis or source, from its cell (on any sheet)."""
        doc = self.doc
        doc.cells[(key,)] = place
        if title != doc.sheet:
            doc.sheets[(key,)] = title
        cell = self.parsed(title).cell(place)
        value = _value(cell)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if key == "period":
                formula = self.parsed(title, formulas=True).cell(place)
                text_result = getattr(cell, "data_type", "") in ("s", "str")
                uncalculated = getattr(formula, "data_type", "") == "f" and not text_result
                message = t("err.xlsx.uncalculated" if uncalculated else "err.xlsx.empty_period")
                doc.problems.append(doc.at(*place, message, sheet=title))
                doc.data["period"] = None
            return
        if getattr(cell, "data_type", "") == "e":
            doc.problems.append(doc.at(*place, t("err.xlsx.error_cell", error=value), sheet=title))
            doc.data[key] = None
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

    def _merged(
        self,
        found: _Parsed,
        header_row: int,
        header: Mapping[str, int],
        body: list[tuple[int, dict[int, Any]]],
    ) -> None:
        """Refuse a cell under a header cell merged across columns, past the merge's first
        column: nq94 reads the column the header's text stands in, and would pass it over."""
        from openpyxl.utils import get_column_letter

        keys = {column: key for key, column in header.items()}
        for low_row, high_row, low, high in found.merged:
            if not low_row <= header_row <= high_row or low not in keys or high == low:
                continue
            spread = f"{_cell_name(low_row, low)}:{_cell_name(high_row, high)}"
            for number, cells in body:
                for column in range(low + 1, high + 1):
                    value = _value(cells.get(column))
                    if value is None or (isinstance(value, str) and not value.strip()):
                        continue
                    message = t(
                        "err.xlsx.merged_header",
                        key=keys[low],
                        cells=spread,
                        column=get_column_letter(low),
                    )
                    self.doc.problems.append(self.doc.at(number, column, message))

    def _formula_cells(
        self, title: str, header: Mapping[str, int], numbers: list[int]
    ) -> set[tuple[int, int]]:
        """The figure cells below the header that hold a formula (saved result or not)."""
        if not numbers:
            return set()
        columns = {header[key] for key in FIGURES if key in header}
        found: set[tuple[int, int]] = set()
        for number, cells in self.parsed(title, formulas=True).rows:
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
        state: _State,
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
            if given and not state.goes_on(given, values):
                first = min(places.values(), key=lambda place: place[1])
                from openpyxl.utils import get_column_letter

                message = t("err.xlsx.no_id", column=get_column_letter(id_column))
                doc.problems.append(doc.at(*first, message))
            if not given:
                state.last = None
            return
        state.last = None
        if target_id in state.seen:
            message = t("err.xlsx.duplicate_id", id=target_id, row=state.seen[target_id])
            doc.problems.append(doc.at(number, id_column, message))
            return
        state.seen[target_id] = number
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
        state.last = target_id
        state.tail = {key: text for key, text in given.items() if isinstance(text, str)}

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
    """A cell's value, its text with Excel's escapes decoded."""
    value = None if cell is None else cell.value
    if isinstance(value, str) and "_x" in value:
        return _unescaped(value)
    return value


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
"""How Office Open XML writes a character XML cannot hold (a carriage return pasted into a cell
is _x000D_), and _x005F_ for the underscore of a text that looks like one."""


def _unescaped(text: str) -> str:
    """Text with its _xHHHH_ escapes decoded, as Excel and LibreOffice show it; a character
    outside the BMP, escaped as two halves, joined, and a half alone replaced."""
    decoded = _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)
    if decoded == text:
        return text
    return decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _date_text(value: datetime.date | datetime.time | datetime.timedelta) -> str:
    """A date or time as ISO 8601 writes it; a date without its midnight."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value) if isinstance(value, datetime.timedelta) else value.isoformat()


def _decimal(value: int | float) -> Decimal:
    """A spreadsheet's number as it shows it: to SHOWN_DIGITS significant digits (0.1, not
    0.1000000000000000055511151231257827; 0.8 where Excel saved 0.79999999999999993)."""
    number = Decimal(value)
    if not number.is_finite() or len(number.as_tuple().digits) <= SHOWN_DIGITS:
        return number
    shown = Context(prec=SHOWN_DIGITS, rounding=ROUND_HALF_UP).plus(number)
    if shown == shown.to_integral_value() and shown.adjusted() < 28:
        return shown.quantize(Decimal(1))  # a whole number, written whole: 1e20 as 100…0
    return shown.normalize()  # without the zeros rounding leaves after the point


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


@dataclass(slots=True)
class _Parsed:
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


def _shared_strings(book: Any) -> list[str]:
    """The workbook's shared strings as saved, escapes and all: openpyxl's own table drops every
    'x005F_', which makes an escaped '_x000D_' (text) and a carriage return one, so _value decodes
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


def _parse(sheet: Any, strings: list[str]) -> _Parsed:
    """Every cell a sheet's part holds, however far down or right (Excel's last cell is XFD1048576),
    without the empty rows and cells openpyxl's iter_rows makes between them: a row at
    1,000,000,000 takes no longer than one at 10. Memory is bounded by the part's size, which
    _refuse bounds."""
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
        ((index, *found) for index, (_, cells) in enumerate(rows) if (found := _header(cells))),
        None,
    )
    return _Parsed(rows, spans, header)


def _header(cells: dict[int, Any]) -> tuple[dict[str, int], list[tuple[str, int, int]]] | None:
    """The columns by machine key, when this row is the header (it names ``id`` and another
    key), and each key it names again."""
    keys: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for column in sorted(cells):
        value = _value(cells[column])
        key = value.strip().lower() if isinstance(value, str) else ""
        if key not in KEYS:
            continue
        if key in keys:
            twice.append((key, keys[key], column))
        else:
            keys[key] = column
    return (keys, twice) if "id" in keys and len(keys) > 1 else None


@dataclass(slots=True)
class _State:
    """What one pass down the report sheet remembers from the rows above."""

    seen: dict[str, int] = field(default_factory=dict)
    """The row of each target id met."""
    last: str | None = None
    """The target of the row just above, while its text may go on below."""
    tail: dict[str, str] = field(default_factory=dict)
    """The last piece of that target's source and note."""

    def goes_on(self, given: Mapping[str, Any], values: dict[str, Any]) -> bool:
        """Whether ``given``, a row without an id, goes on with the source or note of the target
        above, whose cell is full (FULL_CELL: nq94 writes a longer text so); if so, the pieces
        are joined."""
        entry = values.get(self.last) if self.last is not None else None
        if not isinstance(entry, dict) or not given or not set(given) <= set(self.tail):
            return False
        if any(
            not isinstance(given[key], str) or _units(self.tail[key]) < FULL_CELL for key in given
        ):
            return False
        for key, piece in given.items():
            entry[key] += piece
            self.tail[key] = piece
        return True


def _units(text: str) -> int:
    """The length of ``text`` as Excel counts it: in UTF-16 units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cell_name(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter  # read with openpyxl: loaded already

    return f"{get_column_letter(column)}{row}"


def _shown(text: Any, most: int = 60) -> str:
    """A defined name's formula as a message quotes it, cut short when long."""
    said = str(text or "")
    return said if len(said) <= most else said[: most - 1] + "…"


def _labels(cells: dict[int, Any]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Above the header, a row that starts with 'period', 'basis' or 'source' (or the
    template's words for them, in either language) holds it in the cell to the right."""
    column, cell = min(cells.items())
    value = _value(cell)
    if isinstance(value, str) and (key := _LABELS.get(value.strip().lower())):
        yield key, (cell.row, column + 1)
