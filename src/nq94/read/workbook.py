"""A filled-in workbook read back as the data a YAML report gives, each figure with its cell,
so that the same pydantic models validate it and every problem is said at its cell
(``report.xlsx:12:6: (Báo cáo!F12) …``). nq94.read.xlsx opens it safely and reads its sheets;
nq94.render.form writes the template officers fill in.

The layout is a contract scripts can fill (README, "Reports in Excel"; nq94.layout): a sheet
whose header row names its columns with the machine keys ``id``, ``value``, ``baseline``,
``current``, ``source`` and ``note`` (read by name, so columns and rows may move), and the
defined names ``period``, ``basis``, ``source`` and ``targets`` for the cells that hold them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from nq94.errors import InputError, Mark, Problem
from nq94.i18n import Lang, catalogue, t
from nq94.layout import FIGURES, INPUTS, NAMES, SHEET, TEXTS, VALUES
from nq94.model import TargetsFile
from nq94.model.numtext import plain
from nq94.model.values import YamlDate
from nq94.read.cells import (
    NUMBER_FORMAT_NOISE,
    RowState,
    date_text,
    decimal,
    padded,
    percent_cell,
    percent_refused,
    quoted,
)
from nq94.read.xlsx import (
    Parsed,
    cell_name,
    cell_value,
    damage,
    has_figures,
    open_books,
    parse_sheet,
    quiet,
    reference,
    refuse,
    shared_strings,
    whole,
)

Path = tuple[str, ...]


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
    empty_period: tuple[tuple[int, int], str] | None = None
    """The empty period cell and its sheet, said once the targets are known (settle)."""
    percent: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    """Percent cells read before the targets were known (their target, key and cell): a
    percent cell is refused for a target not measured in percent (settle)."""
    sheets: dict[Path, str] = field(default_factory=dict)
    """The sheet of each part that stands on another sheet than the report's (a defined name
    may point to a cover sheet)."""
    notices: list[str] = field(default_factory=list)
    """What the reader needs told of how the workbook was read: its figures, or its period, read
    from a sheet other than the one meant to hold them."""

    def settle(self, targets: TargetsFile) -> None:
        """Refuse, at its cell, each percent cell of a target not measured in percent, and say
        an empty period cell with an example of the targets' year, now that the targets the
        workbook is checked against are known."""
        if self.empty_period is not None:
            (row, column), sheet = self.empty_period
            message = t("err.xlsx.empty_period", year=targets.year)
            self.problems.append(self.at(row, column, message, sheet=sheet))
            self.empty_period = None
        values = self.data.get("values")
        for (target_id, key), (row, column) in self.percent.items():
            target = targets.by_id.get(target_id)
            if target is None or percent_cell(target, key) or not isinstance(values, dict):
                continue
            given = values.get(target_id)
            figure = given.get(key) if isinstance(given, dict) else given
            self.problems.append(self.at(row, column, percent_refused(target, figure)))
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
        cell = f"{sheet}!{cell_name(row, column)}" if sheet else ""
        return Problem(
            self.name, row, column, f"({cell}) {message}" if cell else message, cell=cell
        )


def read(name: str, raw: bytes, *, targets: TargetsFile | None = None, max_bytes: int) -> Workbook:
    """The report in a workbook's bytes; InputError for a file that is not an .xlsx workbook
    nq94 can read safely, saying what to do."""
    refuse(name, raw, max_bytes=max_bytes)
    with quiet():
        loaded = open_books(name, raw)
        try:
            return _Reader(name, loaded, targets).read()
        except InputError:
            raise
        except Exception as e:  # a damaged part: openpyxl raises what its parsers raise
            raise whole(name, damage(e)) from None
        finally:
            for book in loaded:
                book.close()


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
        self._parsed: dict[tuple[bool, str], Parsed] = {}
        self._strings: list[str] | None = None

    def parsed(self, title: str, *, formulas: bool = False) -> Parsed:
        """A sheet's rows (with saved results, or with ``formulas``), read once."""
        key = (formulas, title)
        if key not in self._parsed:
            if self._strings is None:
                self._strings = shared_strings(self.book)
            book = self.formulas if formulas else self.book
            self._parsed[key] = parse_sheet(book[title], self._strings)
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
        title, found, moved = self._with_figures(title, found)
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
            both = {"first": cell_name(header_row, first), "again": cell_name(header_row, again)}
            message = t("err.xlsx.duplicate_column", key=key, **both)
            doc.problems.append(doc.at(header_row, again, message))
        body = rows[at + 1 :]
        for key in NAMES:
            if key in labels and (moved or key not in named):  # a copy read holds its own
                self._top(key, title, labels[key])
            elif key in named:
                self._top(key, *named[key])
        if ("period",) not in doc.cells and all(each.key != "period" for each in wrong):
            missing = self._period_elsewhere(title, None)
            if missing is not None:
                doc.problems.append(doc.at(1, 1, missing))
        doc.data.setdefault("period", None)
        if "value" not in header:
            doc.problems.append(doc.at(header_row, header["id"], t("err.xlsx.no_value_column")))
        self._merged(found, header_row, header, body)
        values: dict[str, Any] = {}
        doc.data["values"] = values
        formulas = self._formula_cells(title, header, [number for number, _ in body])
        state = RowState()
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
                    message = t(problem, name=key, value=quoted(text))
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
        place = reference(first)
        if title not in self.book.sheetnames or place is None:
            return None, None, "err.xlsx.name_not_cell"
        if colon and reference(last) != place:
            return title, place, "err.xlsx.name_range"
        return title, place, ""

    def _sheet(self, named: Mapping[str, tuple[str, tuple[int, int]]]) -> tuple[str, Parsed]:
        """The report sheet: the one whose header row names 'id' and 'value' (the sheets the
        names point to looked at first, then those called as the template calls them, then
        every sheet in order); failing that, one whose header names 'id'."""
        order = [title for title, _ in named.values()] + list(SHEET.values())
        order += list(self.book.sheetnames)
        fallback: tuple[str, Parsed] | None = None
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

    def _with_figures(self, title: str, found: Parsed) -> tuple[str, Parsed, bool]:
        """The report sheet; or, when it holds no figure, the one other sheet with a header of
        the same keys that holds some (an officer typed the figures on a copy), said in a
        notice, and whether it is that other. Refused when several others hold figures, or when
        the report sheet and another both do: one of them would be passed over in silence."""
        assert found.header is not None
        if "value" not in found.header[1]:
            return title, found, False
        filled = has_figures(found, FIGURES)
        others = [
            (other, parsed)
            for other in self.book.sheetnames
            if other != title
            and (parsed := self.parsed(other)).header is not None
            and "value" in parsed.header[1]
            and has_figures(parsed, FIGURES)
        ]
        if not others:
            return title, found, False
        doc = self.doc
        if filled or len(others) > 1:  # refused at the report sheet's value header
            at, header, _ = found.header
            sheets = ", ".join(f"'{other}'" for other, _ in others)
            doc.sheet = title
            key = "err.xlsx.figures_also" if filled else "err.xlsx.figures_elsewhere"
            message = t(key, sheets=sheets, sheet=title)
            raise InputError([doc.at(found.rows[at][0], header["value"], message)])
        other, parsed = others[0]
        doc.notices.append(t("note.xlsx.sheet_read", file=doc.name, empty=title, read=other))
        return other, parsed, True

    def _period_elsewhere(self, title: str, place: tuple[int, int] | None) -> str | None:
        """For a period cell that is empty (at ``place`` on ``title``; None: no period cell at
        all), the period another sheet holds in its labelled cell, read and said in a notice
        when one other sheet holds one: then None; else what to say at the cell ("" for a
        cell that is just empty, which is said with the targets' year)."""
        doc = self.doc
        found = []
        for other in self.book.sheetnames:
            parsed = self.parsed(other)
            above = parsed.rows[: parsed.header[0]] if parsed.header else parsed.rows
            where = dict(label for _, cells in above for label in _labels(cells)).get("period")
            if other == title or where is None:
                continue
            cell = parsed.cell(where)
            value = cell_value(cell)
            if getattr(cell, "data_type", "") != "e" and value is not None and str(value).strip():
                found.append((other, where))
        cells = [f"'{other}'!{cell_name(*where)}" for other, where in found]
        if len(found) == 1:
            empty = f"'{title}'!{cell_name(*place)}" if place else ""
            key = "note.xlsx.period_read" if place else "note.xlsx.period_found"
            doc.notices.append(t(key, file=doc.name, cell=empty, other=cells[0]))
            self._top("period", *found[0])
            return None
        if place is None:
            return t("err.xlsx.no_period")
        if found:
            return t("err.xlsx.period_elsewhere", cells=", ".join(cells))
        return ""  # empty, and no other sheet holds one: said with the targets' year

    def _top(self, key: str, title: str, place: tuple[int, int]) -> None:
        """The period, basis or source, from its cell (on any sheet)."""
        doc = self.doc
        doc.cells[(key,)] = place
        if title != doc.sheet:
            doc.sheets[(key,)] = title
        cell = self.parsed(title).cell(place)
        value = cell_value(cell)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if key == "period":
                formula = self.parsed(title, formulas=True).cell(place)
                text_result = getattr(cell, "data_type", "") in ("s", "str")
                uncalculated = getattr(formula, "data_type", "") == "f" and not text_result
                message = t("err.xlsx.uncalculated") if uncalculated else None
                if message is None:
                    message = self._period_elsewhere(title, place)
                    if message is None:  # read from another sheet
                        return
                doc.data["period"] = None
                if not message and self.targets is None:  # said once the targets' year is known
                    doc.empty_period = (place, title)
                    return
                if not message:
                    assert self.targets is not None
                    message = t("err.xlsx.empty_period", year=self.targets.year)
                doc.problems.append(doc.at(*place, message, sheet=title))
            return
        if getattr(cell, "data_type", "") == "e":
            doc.problems.append(doc.at(*place, t("err.xlsx.error_cell", error=value), sheet=title))
            doc.data[key] = None
            return
        if isinstance(value, bool):
            doc.data[key] = value
        elif isinstance(value, int | float):
            number = decimal(value)
            doc.data[key] = plain(number) if key != "period" else number
        elif isinstance(value, datetime.date | datetime.time | datetime.timedelta):
            doc.data[key] = YamlDate(date_text(value))
        else:
            doc.data[key] = str(value)

    def _merged(
        self,
        found: Parsed,
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
            spread = f"{cell_name(low_row, low)}:{cell_name(high_row, high)}"
            for number, cells in body:
                for column in range(low + 1, high + 1):
                    value = cell_value(cells.get(column))
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
        state: RowState,
        formulas: set[tuple[int, int]],
    ) -> None:
        doc = self.doc
        id_column = header["id"]
        raw_id = cell_value(cells.get(id_column))
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
        value = cell_value(cell)
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
                return plain(decimal(value))
            if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
                return date_text(value)
            return str(value)
        if isinstance(value, bool | str):
            return value
        if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
            return YamlDate(date_text(value))
        number_format = str(getattr(cell, "number_format", "") or "")
        figure = decimal(value)
        shown = NUMBER_FORMAT_NOISE.sub("", number_format.split(";")[0])
        if "%" in shown:
            if self.targets is None:
                doc.percent[(target_id, key)] = (number, column)
            target = self.targets.by_id.get(target_id) if self.targets else None
            if target is not None and not percent_cell(target, key):
                doc.problems.append(
                    doc.at(number, column, percent_refused(target, figure.scaleb(2)))
                )
                return None
            figure = figure.scaleb(2)
        return padded(figure, shown)


_LABELS = {
    words.lower(): key
    for key in NAMES
    for words in (key, *(catalogue(lang)[f"workbook.{key}"] for lang in Lang))
}
"""The labels of the period, basis and source cells, by the key they stand for."""

_EMPTY = object()
"""An input cell with nothing in it."""


def _labels(cells: dict[int, Any]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Above the header, a row that starts with 'period', 'basis' or 'source' (or the
    template's words for them, in either language) holds it in the cell to the right."""
    column, cell = min(cells.items())
    value = cell_value(cell)
    if isinstance(value, str) and (key := _LABELS.get(value.strip().lower())):
        yield key, (cell.row, column + 1)
