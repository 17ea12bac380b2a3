"""Regenerate the example workbooks in negative/: python tests/example-files/make_workbooks.py

Every workbook starts from the blank template nq94 writes (nq94.render.form.template, in English,
for 2024-9M). Content mistakes are made with openpyxl, as a person's spreadsheet program would
save them; hostile files are made by editing the zip's parts and headers directly. The output
is the same bytes on every run: parts are written in a fixed order with a fixed date, and the
document's created and modified dates are fixed. Each NAME.xlsx has a NAME.expected beside it,
written by hand: the problem lines nq94 must give, without the file name.

The zip bombs unpack to hundreds of megabytes (one to a gigabyte), so this takes about 20 s.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEGATIVE = HERE / "negative"
DATE = (2024, 1, 1, 0, 0, 0)
STAMP = "2024-01-01T00:00:00Z"
MIB = 1 << 20

Parts = dict[str, bytes]
SHARED_STRINGS = "xl/sharedStrings.xml"
SHEET = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"


# --- the template, and zips written the same way every time ----------------------------------


def blank() -> bytes:
    """The workbook `nq94 template --period 2024-9M --lang en` writes, its dates fixed."""
    from nq94.i18n import Lang, use
    from nq94.model import Basis, parse_period
    from nq94.read.loading import builtin_targets
    from nq94.render.form import template

    use(Lang.EN)
    raw = template(builtin_targets(), period=parse_period("2024-9M"), basis=Basis.OFFICIAL)
    return pack(unpack(raw))


def unpack(raw: bytes) -> Parts:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _info(name: str, method: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=DATE)
    info.compress_type = method
    info.create_system = 3  # the same on every platform
    info.external_attr = 0o644 << 16
    info._compresslevel = 9  # type: ignore[attr-defined]  # what writestr's compresslevel sets
    return info


def _fixed_dates(data: bytes) -> bytes:
    """docProps/core.xml with its created and modified dates fixed."""
    return re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + STAMP.encode() + rb"\2", data
    )


def pack(parts: Parts, methods: dict[str, int] | None = None) -> bytes:
    """A zip of ``parts`` in their order, deflated (or by ``methods``), with fixed dates."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            if name == "docProps/core.xml":
                data = _fixed_dates(data)
            method = (methods or {}).get(name, zipfile.ZIP_DEFLATED)
            archive.writestr(_info(name, method), data)
    return buffer.getvalue()


def edited(raw: bytes, change: Callable[[Any, dict[str, int]], None]) -> bytes:
    """The workbook saved by openpyxl after ``change(sheet, row of each target id)``."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(raw))
    sheet = book["Report"]
    rows = {
        str(sheet.cell(row, 1).value): row
        for row in range(9, sheet.max_row + 1)
        if sheet.cell(row, 1).value
    }
    change(sheet, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return pack(unpack(buffer.getvalue()))


def replaced(parts: Parts, name: str, old: bytes, new: bytes) -> Parts:
    """``parts`` with ``old`` replaced by ``new`` once in part ``name`` (which must hold it)."""
    assert parts[name].count(old) >= 1, (name, old)
    return {**parts, name: parts[name].replace(old, new, 1)}


def subbed(parts: Parts, name: str, pattern: bytes, new: bytes) -> Parts:
    """``parts`` with the first match of ``pattern`` in part ``name`` replaced by ``new``."""
    data, count = re.subn(pattern, new, parts[name], count=1, flags=re.S)
    assert count == 1, (name, pattern)
    return {**parts, name: data}


def junk(size: int, seed: bytes) -> bytes:
    """``size`` bytes that look random and are the same on every run."""
    out = b""
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(seed + counter.to_bytes(4, "little")).digest()
        counter += 1
    return out[:size]


# --- zip bombs and lying headers ---------------------------------------------------------------


def with_big_part(
    parts: Parts, name: str, head: bytes, fill: bytes, size: int, tail: bytes, method: int
) -> tuple[bytes, int, int]:
    """A zip of ``parts`` whose part ``name`` is ``head``, ``size`` bytes of ``fill`` repeated,
    then ``tail``, streamed so that it is never held whole; also the CRC-32 of ``head`` + ``tail``
    and the CRC-32 of the part (for lying about it)."""
    assert MIB % len(fill) == 0
    assert size % MIB == 0
    buffer = io.BytesIO()
    chunk = fill * (MIB // len(fill))
    with zipfile.ZipFile(buffer, "w") as archive:
        for each, data in parts.items():
            if each == "docProps/core.xml":
                data = _fixed_dates(data)
            if each != name:
                archive.writestr(_info(each), data)
                continue
            with archive.open(_info(name, method), "w") as out:
                out.write(head)
                for _ in range(size // MIB):
                    out.write(chunk)
                out.write(tail)
    raw = buffer.getvalue()
    return raw, zlib.crc32(head + tail), _central(raw, name)[1]


def _central(raw: bytes, name: str) -> tuple[int, int]:
    """The offset of part ``name``'s central directory entry, and the CRC-32 it states."""
    where = 0
    while (where := raw.find(b"PK\x01\x02", where)) >= 0:
        length = struct.unpack_from("<H", raw, where + 28)[0]
        if raw[where + 46 : where + 46 + length] == name.encode():
            return where, struct.unpack_from("<I", raw, where + 16)[0]
        where += 4
    raise KeyError(name)


def lying(raw: bytes, name: str, *, size: int, crc: int) -> bytes:
    """``raw`` whose central directory and local header say that part ``name`` unpacks to
    ``size`` bytes with CRC-32 ``crc``."""
    out = bytearray(raw)
    central, _ = _central(raw, name)
    local = struct.unpack_from("<I", raw, central + 42)[0]
    struct.pack_into("<I", out, central + 16, crc)
    struct.pack_into("<I", out, central + 24, size)
    struct.pack_into("<I", out, local + 14, crc)
    struct.pack_into("<I", out, local + 22, size)
    return bytes(out)


def before(data: bytes, marker: bytes) -> tuple[bytes, bytes]:
    """``data`` split just before ``marker``."""
    cut = data.index(marker)
    return data[:cut], data[cut:]


def after(data: bytes, marker: bytes) -> tuple[bytes, bytes]:
    """``data`` split just after ``marker`` (its first occurrence)."""
    cut = data.index(marker) + len(marker)
    return data[:cut], data[cut:]


# --- XML entities --------------------------------------------------------------------------------

LAUGHS = b'<!ENTITY lol0 "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10) for level in range(1, 10)
)
"""Nine levels of ten: &lol9; expands to a thousand million 'lol's."""


def with_doctype(data: bytes, root: bytes, declarations: bytes) -> bytes:
    """An XML part with a DOCTYPE declaring ``declarations`` before its ``root`` element."""
    head, rest = after(data, b"?>")
    return head + b"\n<!DOCTYPE " + root + b" [" + declarations + b"]>" + rest


# --- the files -----------------------------------------------------------------------------------


def content_files(base: bytes) -> dict[str, bytes]:
    """Workbooks with a person's mistakes in them, saved by openpyxl."""

    def cell(key: str, value: Any, number_format: str | None = None) -> Callable[..., None]:
        def change(sheet: Any, rows: dict[str, int]) -> None:
            target = sheet.cell(rows[key], 6)
            target.value = value
            if number_format:
                target.number_format = number_format

        return change

    def unknown_id(sheet: Any, rows: dict[str, int]) -> None:
        row = max(rows.values()) + 1
        sheet.cell(row, 1).value = "grdp_growht"
        sheet.cell(row, 6).value = 7.5

    def no_value_column(sheet: Any, rows: dict[str, int]) -> None:
        sheet.cell(8, 6).value = None
        sheet.cell(rows["grdp_growth"], 6).value = 7.5

    def no_header(sheet: Any, rows: dict[str, int]) -> None:
        for column in range(1, 11):
            sheet.cell(8, column).value = None
        sheet.cell(rows["grdp_growth"], 6).value = 7.5

    def empty_period(sheet: Any, rows: dict[str, int]) -> None:
        sheet["B3"].value = None
        sheet.cell(rows["grdp_growth"], 6).value = 7.5

    def duplicate_id(sheet: Any, rows: dict[str, int]) -> None:
        sheet.cell(rows["grdp_growth"], 6).value = 7.5
        row = max(rows.values()) + 1
        sheet.cell(row, 1).value = "grdp_growth"
        sheet.cell(row, 6).value = 7.8

    return {
        "xlsx-text-value": edited(base, cell("export_growth", "bảy")),
        "xlsx-date-value": edited(base, cell("grdp_growth", datetime.datetime(2024, 12, 31))),
        "xlsx-boolean-value": edited(base, cell("grdp_growth", True)),
        "xlsx-unknown-id": edited(base, unknown_id),
        "xlsx-no-value-column": edited(base, no_value_column),
        "xlsx-no-header": edited(base, no_header),
        "xlsx-empty-period": edited(base, empty_period),
        "xlsx-duplicate-id": edited(base, duplicate_id),
        "xlsx-uncalculated-formula": edited(base, cell("budget_revenue", "=15000+2000")),
        "xlsx-error-cell": edited(base, cell("budget_revenue", "#DIV/0!")),
        "xlsx-percent-cell": edited(base, cell("budget_revenue", 0.15, "0%")),
    }


def hostile_files(base: bytes, empty_period: bytes) -> dict[str, bytes]:
    """Files that are not, or not only, a workbook: bombs, entities, links, macros, other
    formats, damage."""
    parts = unpack(base)
    files: dict[str, bytes] = {}

    # 1. zip bombs, honest about their size: refused from the central directory alone
    strings = parts[SHARED_STRINGS]
    head, tail = before(strings, b"</sst>")
    files["xlsx-zip-bomb-strings"], _, _ = with_big_part(
        parts,
        SHARED_STRINGS,
        head + b"<si><t>",
        b"A",
        256 * MIB,
        b"</t></si>" + tail,
        zipfile.ZIP_DEFLATED,
    )
    head, tail = after(parts[SHEET], b"<sheetData>")
    files["xlsx-zip-bomb-sheet"], _, _ = with_big_part(
        parts, SHEET, head, b" ", 1024 * MIB, tail, zipfile.ZIP_BZIP2
    )

    # 2. lying headers: a part declared as its original size that unpacks to 256 MiB more
    raw, _, real = with_big_part(
        parts, SHARED_STRINGS, strings, b" ", 256 * MIB, b"", zipfile.ZIP_DEFLATED
    )
    files["xlsx-zip-lying-size-strings"] = lying(raw, SHARED_STRINGS, size=len(strings), crc=real)
    book = parts[WORKBOOK]
    raw, _, real = with_big_part(parts, WORKBOOK, book, b" ", 256 * MIB, b"", zipfile.ZIP_DEFLATED)
    files["xlsx-zip-lying-size-workbook"] = lying(raw, WORKBOOK, size=len(book), crc=real)
    # ... and stating the CRC-32 of the part's first declared bytes, which are the whole part
    # of a workbook whose period cell is empty: read, it says so; it must be read in bounds
    # (openpyxl writes its strings in the sheet)
    others = unpack(empty_period)
    sheet = others[SHEET]
    raw, prefix, _ = with_big_part(others, SHEET, sheet, b" ", 256 * MIB, b"", zipfile.ZIP_BZIP2)
    files["xlsx-zip-lying-bzip2"] = lying(raw, SHEET, size=len(sheet), crc=prefix)

    # 3. entity expansion, and an external entity
    files["xlsx-entities-strings"] = pack(
        replaced(
            {**parts, SHARED_STRINGS: with_doctype(parts[SHARED_STRINGS], b"sst", LAUGHS)},
            SHARED_STRINGS,
            b"<t>2024-9M</t>",
            b"<t>&lol9;</t>",
        )
    )
    files["xlsx-entities-sheet"] = pack(
        subbed(
            {**parts, SHEET: with_doctype(parts[SHEET], b"worksheet", LAUGHS)},
            SHEET,
            rb'<c r="B3"[^>]*>.*?</c>',
            b'<c r="B3" t="inlineStr"><is><t>&lol9;</t></is></c>',
        )
    )
    files["xlsx-entities-workbook"] = pack(
        replaced(
            {**parts, WORKBOOK: with_doctype(parts[WORKBOOK], b"workbook", LAUGHS)},
            WORKBOOK,
            b'<sheet name="Report"',
            b'<sheet name="&lol9;"',
        )
    )
    files["xlsx-external-entity"] = pack(
        replaced(
            {
                **parts,
                SHARED_STRINGS: with_doctype(
                    parts[SHARED_STRINGS], b"sst", b'<!ENTITY x SYSTEM "file:///etc/passwd">'
                ),
            },
            SHARED_STRINGS,
            b"<t>2024-9M</t>",
            b"<t>&x;</t>",
        )
    )

    # 4. a link to another workbook, which a value cell's formula reads
    link = dict(parts)
    link = replaced(
        link,
        WORKBOOK_RELS,
        b"</Relationships>",
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    link = replaced(
        link,
        CONTENT_TYPES,
        b"</Types>",
        b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    link = replaced(
        link,
        WORKBOOK,
        b"</sheets>",
        b'</sheets><externalReferences><externalReference r:id="rId9"/></externalReferences>',
    )
    link = subbed(
        link,
        SHEET,
        rb'<c r="F9"( s="[0-9]+")/>',
        rb'<c r="F9"\1><f>[1]Sheet1!$A$1</f><v>7.5</v></c>',
    )
    link["xl/externalLinks/externalLink1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
        b'<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7.5</v></cell></row>'
        b"</sheetData></sheetDataSet></externalBook></externalLink>"
    )
    link["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLinkPath" Target="file:///C:/bao-cao/so-lieu.xlsx" '
        b'TargetMode="External"/></Relationships>'
    )
    files["xlsx-external-link"] = pack(link)

    # 5. macros: an .xlsm's parts, named .xlsx
    macros = replaced(
        parts,
        CONTENT_TYPES,
        b'<Default Extension="xml"',
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        b'<Default Extension="xml"',
    )
    macros = replaced(
        macros,
        CONTENT_TYPES,
        b"spreadsheetml.sheet.main+xml",
        b"ms-excel.sheet.macroEnabled.main+xml",
    )
    macros = replaced(
        macros,
        WORKBOOK_RELS,
        b"</Relationships>",
        b'<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'vbaProject" Target="vbaProject.bin"/></Relationships>',
    )
    macros["xl/vbaProject.bin"] = bytes.fromhex("d0cf11e0a1b11ae1") + junk(4088, b"vba")
    files["xlsx-macros"] = pack(macros)

    # 6. damage, nothing, and text; a named style pointing past the styles there are (openpyxl
    # prints "19 is out of range" on stdout, in the middle of a report, before it raises)
    files["xlsx-style-out-of-range"] = pack(
        subbed(parts, "xl/styles.xml", rb'(<cellStyle [^>]*xfId=")0"', rb'\g<1>19"')
    )
    files["xlsx-truncated"] = base[: len(base) // 2]
    files["xlsx-empty"] = b""
    files["xlsx-text"] = b'period: "2024-9M"\nvalues:\n  grdp_growth: 7.5\n'

    # 7. other formats: Excel 97-2003, a password-protected workbook, OpenDocument
    ole = bytes.fromhex("d0cf11e0a1b11ae1")
    files["xlsx-ole-xls"] = ole + junk(8184, b"xls")
    files["xlsx-ole-encrypted"] = (
        ole + junk(1016, b"enc") + "EncryptedPackage".encode("utf-16-le") + junk(7136, b"pkg")
    )
    files["xlsx-ods"] = pack(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": (
                b'<?xml version="1.0" encoding="UTF-8"?>\n'
                b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                b'manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path='
                b'"/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
                b'"text/xml"/></manifest:manifest>'
            ),
            "content.xml": (
                b'<?xml version="1.0" encoding="UTF-8"?>\n'
                b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                b'office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version='
                b'"1.2"><office:body><office:spreadsheet><table:table table:name="Report">'
                b"<table:table-row><table:table-cell><text:p>period</text:p></table:table-cell>"
                b"<table:table-cell><text:p>2024-9M</text:p></table:table-cell></table:table-row>"
                b"</table:table></office:spreadsheet></office:body></office:document-content>"
            ),
        },
        {"mimetype": zipfile.ZIP_STORED},
    )
    return files


def main() -> int:
    base = blank()
    files = content_files(base)
    files.update(hostile_files(base, files["xlsx-empty-period"]))
    for name, raw in sorted(files.items()):
        path = NEGATIVE / f"{name}.xlsx"
        path.write_bytes(raw)
        print(f"{len(raw):>8}  {hashlib.sha256(raw).hexdigest()[:12]}  {path.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
