"""Reading YAML safely into plain data, and finding where any key or value stood.

PyYAML only composes a node tree here (it never constructs Python objects, so no tag can run
code), with its base resolver: this module types plain scalars itself, numbers straight to
``Decimal`` from the text as written. Positions are looked up in the node tree when needed,
so reading a large file costs no bookkeeping per value.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from nq94.errors import InputError, Mark, Problem, reason
from nq94.i18n import t
from nq94.model.scalars import scalar

try:  # libyaml is several times faster; the pure-Python composer gives the same marks
    from yaml import CBaseLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Base  # type: ignore[assignment]

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(_Base):
    """The base loader without tag resolution, which nq94 does itself (see ``scalar``).

    BaseResolver resolves every untagged node to its kind's default tag; these methods give
    the same answer without the per-node bookkeeping the composer would otherwise call.
    """

    def descend_resolver(self, parent: object, index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
        return _DEFAULT_TAGS[kind]


MAX_BYTES = 5 * 1024 * 1024
"""Report files larger than this are refused before parsing."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted; a report needs three levels."""

MAX_ALIAS_NODES = 10_000
"""Bound on values reached again through aliases, so an alias bomb is refused at once."""

Path = tuple[str, ...]

_STANDARD_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)


@dataclass(slots=True)
class Document:
    """Plain data read from one YAML file, and its node tree for finding positions."""

    name: str
    data: Any
    root: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading (duplicate keys, forbidden tags); the data omits those parts."""
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict)
    """Each mapping node's children by key, made on first look-up, so that locating many
    problems in a mapping of many keys takes one pass over it, not one per problem."""

    def mark(self, path: Path, *, key: bool = False) -> Mark:
        """Where ``path`` stands (its key with ``key``), or its nearest ancestor in the file."""
        key_node, node = self._find(path)
        if key and key_node is not None:
            return _mark(key_node)
        return _mark(node) if node is not None else Mark(1, 1)

    def marks(self, path: Path) -> dict[str, Mark]:
        """Where each value of the mapping at ``path`` stands, by key (first occurrence)."""
        _, node = self._find(path)
        found: dict[str, Mark] = {}
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    found.setdefault(key_node.value, _mark(value_node))
        return found

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A problem located at ``path``."""
        where = self.mark(path, key=key)
        return Problem(self.name, where.line, where.column, message)

    def _find(self, path: Path) -> tuple[yaml.Node | None, yaml.Node | None]:
        """The key node and value node of the deepest part of ``path`` present in the file."""
        key_node, node = None, self.root
        for segment in path:
            if isinstance(node, yaml.MappingNode):
                children = self._index.get(id(node))
                if children is None:
                    children = self._index[id(node)] = {}
                    for k, v in node.value:
                        if isinstance(k, yaml.ScalarNode):
                            children.setdefault(k.value, (k, v))
                child = children.get(segment)
                if child is None:
                    break
                key_node, node = child
            elif (
                isinstance(node, yaml.SequenceNode)
                and segment.isdigit()
                and int(segment) < len(node.value)
            ):
                key_node, node = None, node.value[int(segment)]
            else:
                break
        return key_node, node


def read_text(path: str, *, max_bytes: int | None = MAX_BYTES) -> str:
    """The UTF-8 text of a file (BOM allowed), or an InputError saying why it cannot be read.

    A file over ``max_bytes`` (None: no limit) is refused before it is parsed.
    """
    return decode(path, read_bytes(path, max_bytes=max_bytes))


STDIN = "-"
STDIN_NAME = "<stdin>"
"""The path that names standard input, and its name in messages."""


def named(path: str) -> str:
    """A report's name in messages: <stdin> for standard input."""
    return STDIN_NAME if path == STDIN else path


def read_bytes(path: str, *, max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of a regular file (or of standard input, for ``-``), or an InputError saying
    why it cannot be read; a file over ``max_bytes`` (None: no limit) is refused without
    reading more of it."""
    if path == STDIN:
        try:
            raw = _stdin(max_bytes)
        except OSError as e:  # closed (<&-), or opened for writing only
            problem = Problem(STDIN_NAME, 1, 1, t("err.cannot_read", reason=reason(e)))
            raise InputError([problem]) from e
        if max_bytes is not None and len(raw) > max_bytes:
            raise InputError([Problem(STDIN_NAME, 1, 1, t("err.too_large", max_bytes=max_bytes))])
        return raw
    try:
        # opened without waiting, so that a FIFO is refused rather than waited on forever
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise InputError([Problem(path, 1, 1, t("err.not_a_file"))])
            raw = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise InputError(
            [Problem(path, 1, 1, t("err.cannot_read", reason=_not_found(path)))]
        ) from e
    except OSError as e:
        raise InputError([Problem(path, 1, 1, t("err.cannot_read", reason=reason(e)))]) from e
    if max_bytes is not None and len(raw) > max_bytes:
        raise InputError([Problem(path, 1, 1, t("err.too_large", max_bytes=max_bytes))])
    return raw


def _not_found(path: str) -> str:
    """Why a file named ``path`` cannot be read when it is not there: the folder looked in,
    whole (nq94 may be run from another one), and the report file there whose name is
    closest, as it would be typed; or that the folder itself is not there."""
    import difflib

    from nq94.read.files import REPORT_SUFFIXES

    typed, name = os.path.split(path)
    folder = os.path.abspath(typed or os.curdir)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except FileNotFoundError:
        return t("err.no_folder", folder=folder)
    except OSError:
        names = []

    def alike(one: str, other: str) -> float:
        return difflib.SequenceMatcher(None, one.lower(), other.lower()).ratio()

    # close in the name before the suffix, which every report shares ("budget.yaml" is not
    # "report.yaml"); then the closest whole ("2026-9m.xslx" is "2026-9m.xlsx")
    stem = os.path.splitext(name)[0]
    reports = [
        each
        for each in names
        if each.lower().endswith(REPORT_SUFFIXES) and alike(stem, os.path.splitext(each)[0]) >= 0.75
    ]
    close = max(reports, key=lambda each: (alike(name, each), each), default=None)
    hint = "; " + t("err.did_you_mean", name=os.path.join(typed, close)) if close else ""
    return t("err.not_in_folder", folder=folder) + hint


@cache
def _stdin(max_bytes: int | None) -> bytes:
    """Standard input, read once (a report read twice, as trend does, reads the same bytes);
    OSError when there is none to read."""
    if sys.stdin is None:  # Python's own for a closed descriptor 0
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    stream = sys.stdin.buffer
    return stream.read() if max_bytes is None else stream.read(max_bytes + 1)


def decode(name: str, raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), naming the encoding problem otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem(name, 1, 1, t("err.utf16"))])
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        byte = raw[e.start : e.start + 1].hex()
        message = t("err.not_utf8", byte=byte)
        raise InputError([Problem(name, line, column, message)]) from e


def parse(name: str, text: str, *, max_nodes: int | None = None) -> Document:
    """Parse YAML text into a Document; a syntax error raises InputError.

    Problems that leave the rest readable (duplicate keys, forbidden tags) are kept in
    ``Document.problems`` so that they are reported with all the others. A text of more than
    ``max_nodes`` values (None: any number) is refused before its node tree is built: each node
    takes about a kilobyte, and a report needs a few hundred.
    """
    try:
        # a value takes a character at least ("a," in a flow mapping is a key and a null): a
        # shorter text cannot hold too many
        if max_nodes is not None and len(text) > max_nodes:
            _count_nodes(name, text, max_nodes)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        where = e.problem_mark or e.context_mark
        what = _LIBYAML_PROBLEMS.get(e.problem or "")
        if (e.context or "").startswith("while scanning a quoted scalar"):
            where, what = e.context_mark, "yaml.unclosed_quote"  # where it opened, not the end
        elif what == "yaml.bad_character" and where and _at(text, where) == "\t":
            what = "yaml.tab"
        line, column = (where.line + 1, where.column + 1) if where else (1, 1)
        detail = t(what) if what else e.problem or e.context or ""
        raise InputError([Problem(name, line, column, t("err.invalid_yaml", what=detail))]) from e
    except yaml.reader.ReaderError as e:  # a control character, pasted from Word (Shift+Enter)
        before = text[: max(0, e.position)]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        what = t(
            "yaml.control", code=f"U+{e.character:04X}" if isinstance(e.character, int) else ""
        )
        raise InputError([Problem(name, line, column, t("err.invalid_yaml", what=what))]) from e
    except yaml.YAMLError as e:
        raise InputError([Problem(name, 1, 1, t("err.invalid_yaml", what=e))]) from e
    except RecursionError as e:  # the pure-Python composer recurses once per nesting level
        message = t("err.invalid_yaml", what=t("err.too_deep", depth=MAX_DEPTH))
        raise InputError([Problem(name, 1, 1, message)]) from e
    doc = Document(name, None, root)
    if root is None:
        return doc
    builder = _Builder(name, aliases="*" in text)
    doc.data = builder.build(root, ())
    doc.problems = builder.problems
    return doc


_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


def _count_nodes(name: str, text: str, most: int) -> None:
    """Refuse ``text`` past ``most`` values, counted from libyaml's events as they stream by,
    so that memory stays small whatever the file holds."""
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if count > most:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                message = t("err.too_many_values", count=most)
                raise InputError([Problem(name, line, column, message)])


_LIBYAML_PROBLEMS = {
    "mapping values are not allowed in this context": "yaml.mapping_values",
    "mapping values are not allowed here": "yaml.mapping_values",
    "did not find expected key": "yaml.expected_key",
    "did not find expected ',' or ']'": "yaml.unclosed_list",
    "did not find expected ',' or '}'": "yaml.unclosed_mapping",
    "found character that cannot start any token": "yaml.bad_character",
    "found unexpected end of stream": "yaml.end_of_stream",
    "found undefined alias": "yaml.undefined_alias",
    "could not find expected ':'": "yaml.expected_colon",
    "but found another document": "yaml.another_document",
    "found unknown escape character": "yaml.escape",
}
"""The problems libyaml names most often, said in the reader's language; others as written."""


def _at(text: str, mark: Any) -> str:
    """The character at a libyaml mark (its index counts characters), or ''."""
    index = getattr(mark, "index", -1)
    return text[index] if 0 <= index < len(text) else ""


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, collecting every problem."""

    def __init__(self, name: str, *, aliases: bool) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.seen: set[int] | None = set() if aliases else None
        self.expanded = 0

    def fail(self, node: yaml.Node, path: Path, message: str) -> None:
        where = _mark(node)
        prefix = f"{'.'.join(path)}: " if path else ""
        self.problems.append(Problem(self.name, where.line, where.column, prefix + message))

    def stop(self, node: yaml.Node, message: str) -> InputError:
        where = _mark(node)
        return InputError([Problem(self.name, where.line, where.column, message)])

    def build(self, node: yaml.Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            raise self.stop(node, t("err.too_deep_report", depth=MAX_DEPTH))
        if self.seen is not None:
            if id(node) in self.seen:  # reached again through an alias
                self.expanded += 1
                if self.expanded > MAX_ALIAS_NODES:
                    message = t("err.alias_bomb", count=MAX_ALIAS_NODES)
                    raise self.stop(node, message)
            else:
                self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag != "tag:yaml.org,2002:str" and node.tag != "!":
                return self.forbidden(node, path)
            return scalar(node.value) if not node.style else node.value  # C: "", Python: None
        if node.tag not in _STANDARD_TAGS:
            return self.forbidden(node, path)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        return [self.build(child, (*path, str(index))) for index, child in enumerate(node.value)]

    def forbidden(self, node: yaml.Node, path: Path) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
        self.fail(node, path, t("err.tag", tag=tag))

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                message = t("err.complex_key")
                self.fail(key_node, path, message)
                continue
            key = key_node.value
            if key in lines:
                message = t("err.duplicate_key", line=lines[key])
                self.fail(key_node, (*path, key), message)
                continue
            lines[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, (*path, key))
        return result
