"""The shape of the code, as the README's "Development" draws it: imports that point one way
(no cycle), input and output apart, and modules small enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "nq94"
MOST_LINES = 600
CATALOGUES = {"nq94.i18n.en", "nq94.i18n.vi"}
"""Every word people read, one per language: long by nature."""
INPUT = ("nq94.read",)
OUTPUT = ("nq94.render", "nq94.site")


def _modules() -> dict[str, Path]:
    """Every module of nq94 by its dotted name."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(name: str, source: str, modules: dict[str, Path], *, package: bool) -> set[str]:
    """The modules of nq94 that the module ``name`` (its text ``source``; an ``__init__`` when
    ``package``) imports, at its top or inside a function (a lazy import is an import all the
    same), but not the packages it is in."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if package else name.split(".")[:-1]
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for each in names:
            while each not in modules and "." in each:
                each = each.rsplit(".", 1)[0]
            if each in modules and each != "nq94" and not name.startswith(f"{each}."):
                found.add(each)
    found.discard(name)
    return found


GRAPH = {
    name: _imports(
        name, path.read_text(encoding="utf-8"), _modules(), package=path.name == "__init__.py"
    )
    for name, path in _modules().items()
}


def test_no_import_cycle() -> None:
    """Walking the imports from every module never comes back to where it started."""
    cycles: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        for other in sorted(GRAPH[name]):
            if other in path:
                cycles.append([*path[path.index(other) :], other])
            elif other not in done:
                done.add(other)
                visit(other, [*path, other])

    for name in sorted(GRAPH):
        if name not in done:
            done.add(name)
            visit(name, [name])
    assert cycles == []


def test_input_and_output_never_import_each_other() -> None:
    """read/ knows nothing of render/ and site/, nor they of read/: both stand on the models."""
    crossing = [
        f"{name} imports {other}"
        for name, imported in GRAPH.items()
        for other in imported
        if (name.startswith(INPUT) and other.startswith(OUTPUT))
        or (name.startswith(OUTPUT) and other.startswith(INPUT))
    ]
    assert crossing == []


def test_the_models_do_no_input_or_output() -> None:
    """model/ imports neither input nor output, nor the command line."""
    leaning = [
        f"{name} imports {other}"
        for name, imported in GRAPH.items()
        if name.startswith("nq94.model")
        for other in imported
        if other.startswith((*INPUT, *OUTPUT, "nq94.cli"))
    ]
    assert leaning == []


def test_no_module_outgrows_600_lines() -> None:
    """A module is read whole by the next maintainer; the catalogues of words aside."""
    long = {
        name: lines
        for name, path in _modules().items()
        if name not in CATALOGUES
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}


def test_the_walk_sees_lazy_and_relative_imports() -> None:
    """The walk itself: an import inside a function counts, and a relative one resolves."""
    source = "def f():\n    from nq94.read import loading\nfrom .numbers import display\n"
    found = _imports("nq94.render.probe", source, _modules(), package=False)
    assert found == {"nq94.read", "nq94.read.loading", "nq94.render.numbers"}
