"""Reading YAML safely into plain data, remembering where every key and value stood.

PyYAML is used only to compose a node tree (never to construct Python objects), so no tag can
run code; scalars are converted here, numbers straight to ``Decimal`` from the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from nq94.errors import InputError, Problem

try:  # libyaml is several times faster; the pure-Python composer gives the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
"""Files larger than this are refused before parsing."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted; a report needs three levels."""

MAX_ALIAS_NODES = 10_000
"""Bound on values reached again through aliases, so an alias bomb is refused at once."""

Path = tuple[str, ...]

_TAG = "tag:yaml.org,2002:"
_DECIMAL = re.compile(r"[-+]?(\d[\d_]*)?(\.\d[\d_]*)?([eE][-+]?\d+)?")
_ALLOWED_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_SPECIAL_FLOATS = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class YamlDate:
    """A scalar YAML would read as a date or time; kept as text so it can be reported."""

    text: str


@dataclass(slots=True)
class Document:
    """Plain data read from one YAML file, with the marks of every key and value by path."""

    name: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading (duplicate keys, forbidden tags); the data omits those parts."""
    key_marks: dict[Path, Mark] = field(default_factory=dict)
    value_marks: dict[Path, Mark] = field(default_factory=dict)

    def mark(self, path: Path, *, key: bool = False) -> Mark:
        """Where ``path`` stands, or its nearest ancestor that exists in the file."""
        marks = self.key_marks if key else self.value_marks
        for end in range(len(path), -1, -1):
            found = marks.get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A problem located at ``path``."""
        where = self.mark(path, key=key)
        return Problem(self.name, where.line, where.column, message)


def read_text(path: str, *, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a file (BOM allowed), or an InputError saying why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as e:
        raise InputError([Problem(path, 1, 1, f"cannot read file: {e.strerror}")]) from e
    if len(raw) > max_bytes:
        raise InputError(
            [Problem(path, 1, 1, f"file is larger than {max_bytes} bytes; a report is far smaller")]
        )
    return decode(path, raw)


def decode(name: str, raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), naming the encoding problem otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem(name, 1, 1, "file is UTF-16; save it as UTF-8")])
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        byte = raw[e.start : e.start + 1].hex()
        message = f"byte 0x{byte} is not valid UTF-8; save the file as UTF-8"
        raise InputError([Problem(name, line, column, message)]) from e


def parse(name: str, text: str) -> Document:
    """Parse YAML text into a Document; a syntax error raises InputError.

    Problems that leave the rest readable (duplicate keys, forbidden tags, malformed numbers)
    are kept in ``Document.problems`` so that they are reported with all the others.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        where = e.problem_mark or e.context_mark
        line, column = (where.line + 1, where.column + 1) if where else (1, 1)
        what = e.problem or e.context or "invalid YAML"
        raise InputError([Problem(name, line, column, f"invalid YAML: {what}")]) from e
    except yaml.YAMLError as e:
        raise InputError([Problem(name, 1, 1, f"invalid YAML: {e}")]) from e
    except RecursionError as e:  # the pure-Python composer recurses once per nesting level
        message = f"invalid YAML: values nest deeper than {MAX_DEPTH} levels"
        raise InputError([Problem(name, 1, 1, message)]) from e
    doc = Document(name, None)
    if root is None:
        return doc
    builder = _Builder(doc)
    doc.value_marks[()] = _mark(root)
    doc.data = builder.build(root, ())
    doc.problems = builder.problems
    return doc


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, collecting every problem."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.expanded = 0

    def fail(self, node: yaml.Node, path: Path, message: str) -> None:
        where = _mark(node)
        prefix = f"{'.'.join(path)}: " if path else ""
        self.problems.append(Problem(self.doc.name, where.line, where.column, prefix + message))

    def build(self, node: yaml.Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            where = _mark(node)
            message = f"values nest deeper than {MAX_DEPTH} levels; a report needs three"
            raise InputError([Problem(self.doc.name, where.line, where.column, message)])
        if id(node) in self.seen:  # reached again through an alias
            self.expanded += 1
            if self.expanded > MAX_ALIAS_NODES:
                where = _mark(node)
                message = f"aliases expand to more than {MAX_ALIAS_NODES} values; write values out"
                raise InputError([Problem(self.doc.name, where.line, where.column, message)])
        else:
            self.seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace(_TAG, "!!", 1)
            self.fail(node, path, f"YAML tag '{tag}' is not allowed; a report holds plain values")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                child_path = (*path, str(index))
                self.doc.value_marks.setdefault(child_path, _mark(child))
                items.append(self.build(child, child_path))
            return items
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _TAG + "merge":
                message = "keys must be plain names; merge keys and complex keys are not supported"
                self.fail(key_node, path, message)
                continue
            key = key_node.value
            child = (*path, key)
            if key in first_seen:
                message = (
                    f"duplicate key, first given at line {first_seen[key].line}; "
                    "each key may appear once"
                )
                self.fail(key_node, child, message)
                continue
            first_seen[key] = _mark(key_node)
            self.doc.key_marks[child] = first_seen[key]
            self.doc.value_marks[child] = _mark(value_node)
            result[key] = self.build(value_node, child)
        return result

    def scalar(self, node: yaml.Node, path: Path) -> Any:
        tag: str = node.tag
        text: str = node.value
        if tag in (_TAG + "int", _TAG + "float"):
            number = to_decimal(text)
            if number is None:
                message = f"'{text}' is not a decimal number; write numbers like 7.5 or 19515"
                self.fail(node, path, message)
            return number
        if tag == _TAG + "bool":
            return text.lower() in ("true", "yes", "on", "y")
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "timestamp":
            return YamlDate(text)
        return text


def to_decimal(text: str) -> Decimal | None:
    """A YAML int or float scalar as an exact Decimal; None for hex, octal-style or sexagesimal."""
    special = _SPECIAL_FLOATS.get(text.lower())
    if special is not None:
        return Decimal(special)
    if not _DECIMAL.fullmatch(text) or not any(c.isdigit() for c in text):
        return None
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        return None
