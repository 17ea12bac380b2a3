"""A fast path for large targets files through rapidyaml, giving what the PyYAML path gives.

PyYAML builds a Python object per event and node, which costs seconds for a targets file of
10,000 targets; rapidyaml parses the same file in C++ and emits JSON, which the C JSON decoder
reads. The fast path is taken only for plain, valid-looking files and gives up (returning
None) whenever its result could differ from the PyYAML path's: anchors, aliases, tags, merge
keys, duplicate keys, several documents, anything rapidyaml or JSON refuses, and any string
that YAML might have meant as something else (a plain `yes`, `~`, `08`, a date) unless every
occurrence of it in the file is quoted. Its callers still locate problems with PyYAML.

rapidyaml lets some malformed YAML through that PyYAML refuses (a stray `}` at the start of a
line, for one), so the fast path is used only for targets files, which the user chooses, and
never for reports, which anyone can submit.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import yaml.reader

_JSON_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_SPECIAL = ("&", "*", "!", "<<", "\n%", "\n---", "\n...", "\t")
# Characters the two parsers treat differently: a byte order mark after the start, and the
# line breaks YAML 1.1 (PyYAML) knows and YAML 1.2 (rapidyaml) does not.
_DIFFERENT = ("\ufeff", "\x85", "\u2028", "\u2029")


_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence file descriptor 2 (C++ writes there directly) for the duration."""
    try:
        sys.stderr.flush()
        saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):  # no stderr to silence
        yield
        return
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


class _GiveUp(Exception):
    """The fast path cannot promise the PyYAML path's result."""


def load(text: str, typed: Any, max_depth: int) -> Any | None:
    """The plain data of ``text`` as nq94's PyYAML path reads it, or None to take that path.

    ``typed`` is that path's typing of a plain scalar (yamldoc.scalar): a string it would type
    differently is ambiguous, since rapidyaml's JSON does not say whether it was quoted.
    Deeper nesting than ``max_depth``, which that path refuses, is left to it too.
    """
    if text.startswith(("---", "%")) or any(mark in text for mark in _SPECIAL + _DIFFERENT):
        return None
    if _NON_PRINTABLE.search(text):  # PyYAML refuses these characters; rapidyaml does not
        return None
    try:
        import ryml  # type: ignore[import-untyped]  # rapidyaml: imported for large files only
    except ImportError:  # pragma: no cover - the dependency is declared
        return None
    try:
        with _quiet_stderr():  # rapidyaml prints its parse errors before raising them
            tree = ryml.parse_in_arena(text.encode("utf-8"))
            emitted = ryml.emit_json_malloc(tree, tree.root_id())
    except Exception:  # any refusal by the C++ parser means: take the PyYAML path
        return None

    settled: set[str] = set()  # strings already found to be read alike by both paths
    depths: dict[int, int] = {}  # id of each mapping built -> its depth

    def check(value: str) -> None:
        # rapidyaml writes a plain number as a JSON number, so a string that looks like one
        # was quoted; other strings PyYAML would type are settled by the source text.
        if (
            typed(value) is not value
            and not _JSON_NUMBER.fullmatch(value)
            and text.count(value) != text.count(f'"{value}"') + text.count(f"'{value}'")
        ):
            raise _GiveUp
        settled.add(value)

    def depth(value: Any) -> int:
        """Check the strings in a value and give its depth: the longest path from it to a
        value inside (0 for a scalar or an empty container), which PyYAML's path bounds."""
        kind = value.__class__
        if kind is str:
            if value not in settled:
                check(value)
            return 0
        if kind is dict:
            return depths[id(value)]
        if kind is list:
            return 1 + max(map(depth, value)) if value else 0
        return 0

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            raise _GiveUp  # a duplicate key: PyYAML's path names both lines
        deepest = 1 + max(map(depth, result.values())) if result else 0
        if deepest > max_depth:
            raise _GiveUp  # nesting PyYAML's path refuses, with its message
        depths[id(result)] = deepest
        return result

    if not isinstance(emitted, str):  # an empty document
        return None
    try:
        data = json.loads(emitted, parse_float=Decimal, parse_int=Decimal, object_pairs_hook=pairs)
    except (ValueError, _GiveUp):
        return None
    if not isinstance(data, (dict, list)) or depth(data) > max_depth:
        return None
    return data
