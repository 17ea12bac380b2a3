"""The rules the pages are built by: markup and style sheets in templates, never in Python; every
colour in one palette; Jinja2 only for the commands that write a page; the templates shipped."""

from __future__ import annotations

import fnmatch
import io
import re
import subprocess
import sys
import tokenize
import tomllib
from pathlib import Path

import pytest

from ..conftest import ROOT

SOURCE = ROOT / "src" / "nq94"
TEMPLATES = SOURCE / "render" / "templates"
PALETTE_FILE = SOURCE / "render" / "palette.py"

COLOUR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b|\brgba?\(")
TAG = re.compile(
    r"</?(html|head|body|title|meta|link|style|script|div|span|p|a|ul|ol|li|table|thead|tbody|"
    r"tr|th|td|caption|section|header|footer|main|nav|figure|figcaption|details|summary|"
    r"blockquote|cite|dl|dt|dd|h[1-6]|br|wbr|em|strong|b|i|code|pre|svg|img)\b",
    re.IGNORECASE,
)
CSS = re.compile(
    r"\{[^{}]*\b(?:color|background|margin|padding|border|font|display|width|height)"
    r"(?:-[a-z]+)*\s*:[^;{}]+;"
)
TAGS_ALLOWED = {
    # matplotlib's SVG, made an element of a page: its root is rewritten, its style dropped
    "render/charts.py": {"svg", "style"},
    # a Markdown table's line break within a cell (Markdown, not a page)
    "render/markdown.py": {"br"},
}
MADE_SAFE = re.compile(r"\bMarkup\(|\bhtml\.escape\(")
PAGE_MODULES = (
    "render/templating.py", "render/charts.py", "render/pages.py", "render/html.py",
    "render/reviewpages.py", "site/pages.py", "site/__init__.py",
)  # fmt: skip


def _python_files() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a Python file (f-strings whole), with its line."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    return [(token.start[0], token.string) for token in tokens if token.type in kinds]


def test_every_colour_is_defined_in_the_palette_only() -> None:
    """No file of nq94 but palette.py writes a colour (a style sheet names the palette's)."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*"))
        if path.is_file() and path.suffix in (".py", ".css", ".html", ".yaml")
        and path != PALETTE_FILE
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if COLOUR.search(line)
    ]  # fmt: skip
    assert found == []


def test_the_palette_defines_each_colour_once() -> None:
    """Two uses of one colour name one entry, so that a colour cannot drift apart from itself."""
    from nq94.render.palette import PALETTE

    written = COLOUR.findall(PALETTE_FILE.read_text(encoding="utf-8"))
    assert len(written) == len(set(map(str.lower, written)))
    assert all(
        re.fullmatch(r"#[0-9a-f]{6}", value) or "rgba(" in value for value in PALETTE.values()
    )


def test_the_style_sheets_take_their_colours_from_the_palette() -> None:
    """A style sheet's colours are palette entries that exist (the pages then carry the
    palette's values)."""
    from nq94.render.palette import PALETTE

    names = {
        name
        for sheet in (TEMPLATES / "style").glob("*.css")
        for name in re.findall(r"\{\{ palette\.(\w+) \}\}", sheet.read_text(encoding="utf-8"))
    }
    assert names
    assert names <= set(PALETTE)


@pytest.mark.parametrize("path", _python_files(), ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_page_markup_or_style_sheet_in_python(path: Path) -> None:
    """Pages are templates and style sheets .css files: a Python string holds no HTML tag and
    no CSS rule."""
    allowed = TAGS_ALLOWED.get(path.relative_to(SOURCE).as_posix(), set())
    tags = [
        (line, match.group(0))
        for line, text in _strings(path)
        for match in TAG.finditer(text)
        if match.group(1).lower() not in allowed
    ]
    rules = [(line, text[:60]) for line, text in _strings(path) if CSS.search(text)]
    assert (tags, rules) == ([], [])


@pytest.mark.parametrize("name", PAGE_MODULES)
def test_markup_made_safe_in_python_says_why(name: str) -> None:
    """Where Python marks text as safe markup or escapes it itself, a comment just above says
    why (autoescaping does the rest)."""
    lines = (SOURCE / name).read_text(encoding="utf-8").splitlines()
    unexplained = [
        f"{name}:{index + 1}: {line.strip()}"
        for index, line in enumerate(lines)
        if MADE_SAFE.search(line)
        and not line.lstrip().startswith(("#", "from ", "import "))
        and not any("#" in above for above in lines[max(0, index - 3) : index + 1])
    ]
    assert unexplained == []


@pytest.mark.parametrize("command", ["check", "validate"])
def test_check_and_validate_never_import_jinja(command: str) -> None:
    """The template engine is loaded only by the commands that write a page: check and validate
    start without it."""
    code = (
        "import sys\n"
        "from nq94 import main\n"
        f"sys.argv = ['nq94', {command!r}, '-f', 'json', 'samples/2024-9m.yaml']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules\n"
        "                 if m.startswith(('jinja2', 'markupsafe', 'nq94.render.templating')))))\n"
    )
    run = subprocess.run(  # a probe: the modules a run imported, which only its own process sees
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.stderr == "[]", run.stderr


def test_the_templates_are_package_data() -> None:
    """Every template and style sheet is listed in pyproject's package data, so that a plain
    `pip install .` ships it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["nq94.render"]
    files = [path.relative_to(SOURCE / "render").as_posix() for path in TEMPLATES.rglob("*.*")]
    assert files
    assert [name for name in files if not any(fnmatch.fnmatch(name, p) for p in patterns)] == []


def test_the_environment_escapes_and_refuses_undefined_names() -> None:
    """Autoescaping is on (a report's '<' is text, quotes written as html.escape writes them,
    control characters as escapes), and a name a template does not get is an error."""
    import jinja2

    from nq94.render.templating import ENVIRONMENT

    template = ENVIRONMENT.from_string('<p title="{{ text }}">{{ text }}</p>')
    assert template.render(text="<b>'x' & \"y\"\x1b[2J") == (
        '<p title="&lt;b&gt;&#x27;x&#x27; &amp; &quot;y&quot;\\x1b[2J">'
        "&lt;b&gt;&#x27;x&#x27; &amp; &quot;y&quot;\\x1b[2J</p>"
    )
    with pytest.raises(jinja2.UndefinedError):
        template.render()
