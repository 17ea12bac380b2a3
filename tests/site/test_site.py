"""`nq94 site`: the static site for Council members, built by the real command line.

The pages are read back with the standard library's HTML parser (tests/site/test_site_browser.py
opens them in a real browser): every page in its language with a way to the other, every chart
named and described by text on its page, nothing run and nothing fetched, the figures to
download; and the folder is replaced whole or not at all.
"""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nq94.cli import app
from nq94.i18n import Lang, use
from nq94.model import TargetsFile
from nq94.render.charts import _places
from nq94.render.palette import PALETTE, TEXT_ON
from nq94.site import publish
from nq94.site.downloads import COLUMNS

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT, Run, Script

SAMPLES = [
    f"samples/{name}.yaml" for name in ("2024-h1", "2024-9m", "2024-estimate", "2024-official")
]


# --- reading pages back -----------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class Node:
    """An element of a page: its tag, attributes, children and text."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.content: list[Node | str] = []

    @property
    def children(self) -> list[Node]:
        return [item for item in self.content if isinstance(item, Node)]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag and (cls is None or cls in n.classes)]

    def text(self) -> str:
        words = (item if isinstance(item, str) else item.text() for item in self.content)
        return " ".join(" ".join(words).split())

    def within(self, tag: str, cls: str | None = None) -> Node | None:
        node = self.parent
        while node is not None and not (node.tag == tag and (cls is None or cls in node.classes)):
            node = node.parent
        return node


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#document", {}, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.content.append(node)
        if tag not in VOID:
            self.node = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.node.content.append(Node(tag, {k: v or "" for k, v in attrs}, self.node))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"</{tag}> closes nothing"
        assert node.parent is not None, f"</{tag}> closes the document"
        self.node = node.parent

    def handle_data(self, data: str) -> None:
        self.node.content.append(data)


def parse(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.node is tree.root, f"<{tree.node.tag}> left open"
    return tree.root


def chart_problems(html: str, *, charts: int) -> list[str]:
    """What breaks the charts' contract on a page that should have ``charts`` charts: each
    figure.chart holds an <svg role="img"> named by its figure's figcaption (aria-labelledby)
    and described by a table.chart-data of the page (aria-describedby); ids are unique."""
    root = parse(html)
    by_id: dict[str, list[Node]] = {}
    for node in root.walk():
        if "id" in node.attrs:
            by_id.setdefault(node.attrs["id"], []).append(node)
    problems = [f"id {key!r} used {len(nodes)} times" for key, nodes in by_id.items()
                if len(nodes) > 1]  # fmt: skip
    figures = root.find("figure", "chart")
    if len(figures) != charts:
        problems.append(f"{len(figures)} figure.chart, not {charts}")
    for figure in figures:
        svgs = figure.find("svg")
        if len(svgs) != 1:
            problems.append(f"a figure.chart holds {len(svgs)} <svg>")
            continue
        svg = svgs[0]
        if svg.attrs.get("role") != "img":
            problems.append("an <svg> without role=img")
        caption = by_id.get(svg.attrs.get("aria-labelledby", ""), [None])[0]
        if caption is None or caption.tag != "figcaption" or caption.within("figure") is not figure:
            problems.append(f"aria-labelledby {svg.attrs.get('aria-labelledby')!r}: no figcaption")
        elif not caption.text():
            problems.append("an empty figcaption")
        table = by_id.get(svg.attrs.get("aria-describedby", ""), [None])[0]
        if table is None or table.tag != "table" or "chart-data" not in table.classes:
            problems.append(f"aria-describedby {svg.attrs.get('aria-describedby')!r}: no table")
        elif not table.find("td"):
            problems.append("an empty table.chart-data")
    return problems


# --- the site built once ----------------------------------------------------------------------


def _build(*args: str) -> Run:
    """`nq94 site ARGS...` through the real app, as the cli fixture runs a command."""
    result = CliRunner().invoke(app, ["site", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the four samples (all but the cli fixture's setup: they share one build)."""
    out = tmp_path_factory.mktemp("built") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("NQ94_LANG", "en")
        run = _build("samples/", "-o", str(out))
    use(Lang.EN)
    assert run.exit_code == 0, run
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- what is built ----------------------------------------------------------------------------


def test_every_target_has_both_pages_and_its_figures(site: Path, targets: TargetsFile) -> None:
    """An overview and a page per target in each language, a CSV and a JSON per target."""
    expected = {"index.html", "en/index.html", publish.MARKER}
    for target in targets.targets:
        expected |= {f"targets/{target.id}.html", f"en/targets/{target.id}.html"}
        expected |= {f"data/{target.id}.csv", f"data/{target.id}.json"}
    assert set(_files(site)) == expected
    assert len(targets.targets) == 30


def test_the_command_says_where_to_look(cli: CLI, tmp_path: Path) -> None:
    """One line on stderr: the folder, the pages, the page to open; nothing on stdout."""
    out = tmp_path / "site"
    run = cli("site", "samples/2024-9m.yaml", "samples/2024-h1.yaml", "-o", str(out))
    assert run.exit_code == 0, run
    assert run.stdout == ""
    assert run.stderr == f"wrote {out}: 62 pages; open {out / 'index.html'}\n"


def test_each_page_speaks_its_language(site: Path) -> None:
    """Vietnamese at the root, English under en/: the html's lang, statuses and numbers."""
    vi = (site / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    en = (site / "en" / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in vi
    assert '<html lang="en">' in en
    assert "20.403 so với yêu cầu ≥ 19.515 tỷ đồng" in vi
    assert "20,403 vs ≥ 19,515 billion VND" in en
    assert "✓</span> Đạt</span>" in vi
    assert "✓</span> Met</span>" in en
    overview = (site / "index.html").read_text(encoding="utf-8")
    assert "30 chỉ tiêu: 21 đạt, 7 không đạt, 2 chưa có số liệu" in overview
    cards = parse(overview).find("ul", "scorecard")[0].children
    assert [card.text() for card in cards] == [  # official figures are never at risk
        "21 ✓ Đạt",
        "7 ✗ Không đạt",
        "2 – Chưa có số liệu",
    ]


def test_the_resolutions_words_clause_and_pace(site: Path, targets: TargetsFile) -> None:
    """A target's page quotes the resolution exactly, with its clause, and says the pace in
    the words `trend` uses."""
    vi = (site / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    en = (site / "en" / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    words = targets.by_id["budget_revenue"].words
    assert f'<p class="words">{words}</p>' in vi
    assert f'<p class="words" lang="vi">{words}</p>' in en
    assert "Nghị quyết 94/NQ-HĐND, mục I.2.1" in vi
    pace = "cần 1.505 tỷ đồng mỗi tháng, bình quân 1.666,67 tỷ đồng mỗi tháng"
    assert f"tại kỳ 9 tháng 2024: {pace}" in vi
    pace = "needed 1,505 billion VND a month, averaging 1,666.67 billion VND a month"
    assert f"at 9 months 2024: {pace}" in en


def test_the_table_of_a_chart_gives_each_reports_source_and_note(site: Path) -> None:
    """The figure of the period, the figure compared (projected for a flow), the source."""
    page = parse((site / "targets" / "budget_revenue.html").read_text(encoding="utf-8"))
    (table,) = page.find("table", "chart-data")
    rows = [[cell.text() for cell in row.children] for row in table.find("tr")[1:]]
    assert rows == [
        ["6 tháng 2024 (chính thức)", "9.100", "18.200", "✗ Khó đạt", "Cục Thuế tỉnh", ""],
        ["9 tháng 2024 (chính thức)", "15.000", "20.000", "✓ Có khả năng đạt", "Cục Thuế tỉnh", ""],
        ["Năm 2024 (ước tính)", "20.150", "20.150", "✓ Ước đạt", "Cục Thuế tỉnh", "số ước"],
        ["Năm 2024 (chính thức)", "20.403", "20.403", "✓ Đạt", "Cục Thuế tỉnh", ""],
    ]


def test_downloads_hold_each_reports_figures(site: Path) -> None:
    """CSV (with a byte order mark, for Excel) and JSON: codes and exact plain decimals."""
    raw = (site / "data" / "budget_revenue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["period"], r["basis"], r["value"], r["actual"], r["status"]) for r in rows] == [
        ("2024-H1", "official", "9100", "18200", "missed"),
        ("2024-9M", "official", "15000", "20000", "met"),
        ("2024", "estimate", "20150", "20150", "met"),
        ("2024", "official", "20403", "20403", "met"),
    ]
    assert rows[2]["source"] == "Cục Thuế tỉnh"
    assert rows[2]["note"] == "số ước"
    data = json.loads((site / "data" / "budget_revenue.json").read_text(encoding="utf-8"))
    assert data["id"] == "budget_revenue"
    assert (data["threshold"], data["at_risk_margin"]) == (19515, 390.3)
    assert [list(point) for point in data["points"]] == [list(COLUMNS)] * 4
    assert [point["actual"] for point in data["points"]] == [18200, 20000, 20150, 20403]
    grdp = json.loads((site / "data" / "grdp_growth.json").read_text(encoding="utf-8"))
    h1 = "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024 (minh họa)"
    assert grdp["points"][0]["source"] == h1  # the report's, for a figure without its own


# --- the contract of the pages ----------------------------------------------------------------


def test_no_script_and_nothing_fetched(site: Path) -> None:
    """No <script> anywhere, no file or font fetched: the style sheet is inline."""
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        root = parse(html)
        assert not root.find("script"), page
        assert not root.find("link"), page
        assert not root.find("img"), page
        assert not re.search(r"https?:|@import|url\((?!#)|\bsrc=", html), page
        assert len(root.find("style")) == 1, page
        assert "@page { size: A4;" in html, page
        assert "@media print" in html, page


def test_every_chart_is_named_and_described_by_its_page(site: Path, targets: TargetsFile) -> None:
    """Every figure.chart's svg has role=img, its figure's figcaption as its name and a
    table.chart-data of the page as its description; 30 small charts on the overviews."""
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        overview = page.name == "index.html"
        assert chart_problems(html, charts=30 if overview else 1) == [], page
    for home in (site / "index.html", site / "en" / "index.html"):
        root = parse(home.read_text(encoding="utf-8"))
        links = root.find("a", "target-link")
        assert [link.attrs["href"] for link in links] == [
            f"targets/{target.id}.html" for target in targets.targets
        ]
        assert all(len(link.find("figure", "chart")) == 1 for link in links)


@pytest.mark.parametrize(
    ("page", "pattern", "replacement"),
    [
        ("index.html", r'<figure class="chart">.*?</figure>', ""),
        ("targets/grdp_growth.html", r'<figure class="chart large">.*?</figure>', ""),
        ("en/index.html", r'<table class="chart-data" id="data-export_growth">', "<table>"),
        ("en/targets/grdp_growth.html", r'role="img"', ""),
        ("targets/grdp_growth.html", r'aria-labelledby="chart-caption"', 'aria-labelledby="x"'),
        ("index.html", r'<figcaption id="cap-grdp_growth">', '<figcaption id="cap-grdp_growth">'
         '</figcaption><figcaption id="cap-grdp_growth">'),
    ],
    ids=["a small chart removed", "a chart removed", "a table removed", "no role",
         "no caption", "an id twice"],
)  # fmt: skip
def test_the_chart_check_sees_a_chart_broken(
    site: Path, page: str, pattern: str, replacement: str
) -> None:
    """The check above can fail: a chart removed, or one that is no longer described."""
    html = (site / page).read_text(encoding="utf-8")
    broken, made = re.subn(pattern, replacement, html, count=1, flags=re.S)
    assert made == 1
    charts = 30 if page.endswith("index.html") else 1
    assert chart_problems(html, charts=charts) == []
    assert chart_problems(broken, charts=charts) != []


def test_every_page_switches_to_itself_in_the_other_language(site: Path) -> None:
    """One plain link, class lang-switch, to the same page in the other language, and back."""
    for page in _pages(site):
        root = parse(page.read_text(encoding="utf-8"))
        (html,) = root.find("html")
        lang = html.attrs["lang"]
        other = {"vi": "en", "en": "vi"}[lang]
        (switch,) = root.find("a", "lang-switch")
        assert switch.attrs["hreflang"] == other
        assert switch.text() == {"en": "English", "vi": "Tiếng Việt"}[other]
        there = (page.parent / switch.attrs["href"]).resolve()
        assert there.relative_to(site.resolve()).as_posix().removeprefix("en/") == (
            page.relative_to(site).as_posix().removeprefix("en/")
        )
        back = parse(there.read_text(encoding="utf-8"))
        assert back.find("html")[0].attrs["lang"] == other
        (returning,) = back.find("a", "lang-switch")
        assert (there.parent / returning.attrs["href"]).resolve() == page.resolve()


def test_every_link_leads_to_a_file_of_the_site(site: Path) -> None:
    """Links are relative and every one leads to a page or a download (from file:// too)."""
    for page in _pages(site):
        for link in parse(page.read_text(encoding="utf-8")).find("a"):
            href = link.attrs["href"]
            if href.startswith("#"):
                continue
            assert not posixpath.isabs(href), (page, href)
            assert "://" not in href, (page, href)
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_target_pages_link_their_downloads(site: Path) -> None:
    for lang, folder in (("vi", site / "targets"), ("en", site / "en" / "targets")):
        page = parse((folder / "grdp_growth.html").read_text(encoding="utf-8"))
        hrefs = [link.attrs["href"] for link in page.find("a")]
        up = "../" if lang == "vi" else "../../"
        assert f"{up}data/grdp_growth.csv" in hrefs, lang
        assert f"{up}data/grdp_growth.json" in hrefs, lang


def test_text_meets_wcag_aa_contrast() -> None:
    """Every colour of text against its background: at least 4.5:1 (WCAG 2.1 AA)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for text, background in TEXT_ON:
        lighter, darker = sorted((luminance(PALETTE[text]), luminance(PALETTE[background])))[::-1]
        ratio = (lighter + 0.05) / (darker + 0.05)
        assert ratio >= 4.5, (text, background, round(ratio, 2))


def test_a_status_is_a_word_and_an_icon(site: Path) -> None:
    """Never colour alone: each status badge holds its icon and its word."""
    root = parse((site / "en" / "index.html").read_text(encoding="utf-8"))
    badges = {badge.text() for badge in root.find("span", "status")}
    final = {"✓ Met", "⚠ At risk", "✗ Missed", "– No data"}
    earlier = {"✓ On track", "✗ Off track", "✓ Likely met", "✗ Likely missed"}  # H1, 9M, estimate
    assert badges == final | earlier


def test_what_a_report_says_is_escaped(cli: CLI, tmp_path: Path) -> None:
    """A source or note is shown as text, never run: no script gets into a page, and a cell a
    spreadsheet would run as a formula is quoted in the CSV."""
    report = tmp_path / "r.yaml"
    report.write_text(
        'period: "2024-9M"\nsource: "<script>alert(1)</script>"\nvalues:\n'
        '  grdp_growth: {value: 6, note: "\\"><img src=x onerror=alert(1)>"}\n'
        '  budget_revenue: {value: 15000, source: "=HYPERLINK(\\"x\\")"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert cli("site", str(report), "-o", str(out)).exit_code == 0
    for page in _pages(out):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html, page
        assert "<img" not in html, page
    grdp = (out / "targets" / "grdp_growth.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in grdp
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in grdp
    text = (out / "data" / "budget_revenue.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][COLUMNS.index("source")] == '\'=HYPERLINK("x")'


def test_a_target_without_figures_and_many_reports(cli: CLI, tmp_path: Path) -> None:
    """Six monthly reports (the periods' names turned to fit), and targets no report gives a
    figure for: a chart all the same, saying so."""
    for month in range(1, 7):
        (tmp_path / f"m{month}.yaml").write_text(
            f'period: "2024-M{month:02d}"\nvalues:\n  budget_revenue: {1600 * month}\n',
            encoding="utf-8",
        )
    out = tmp_path / "site"
    run = cli("site", str(tmp_path / "m*.yaml"), "-o", str(out))
    assert run.exit_code == 0, run
    page = (out / "en" / "targets" / "grdp_growth.html").read_text(encoding="utf-8")
    assert "No report has a figure for this target yet." in page
    assert chart_problems(page, charts=1) == []
    budget = (out / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    assert "rotate(-40" in budget  # the periods' names, turned
    assert "Tháng 1/2024 (chính thức)" in budget


# --- reproducible -----------------------------------------------------------------------------


def test_two_builds_are_identical_byte_for_byte(cli: CLI, tmp_path: Path, site: Path) -> None:
    """The same reports give the same bytes: text as text, no date, a fixed salt; and a
    build that replaces a site gives what a first build gives."""
    again = tmp_path / "again"
    assert cli("site", *reversed(SAMPLES), "-o", str(again)).exit_code == 0
    assert _files(again) == _files(site)
    assert cli("site", "samples", "-o", str(again)).exit_code == 0
    assert _files(again) == _files(site)


# --- the output folder: replaced whole, or refused ----------------------------------------------


def test_a_file_is_never_replaced(cli: CLI, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.write_text("mine", encoding="utf-8")
    run = cli("site", "samples/", "-o", str(out))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"nq94: cannot write {out}: a file, not a folder; name a new or empty folder for the site\n"
    )
    assert out.read_text(encoding="utf-8") == "mine"


def test_a_folder_nq94_did_not_build_is_never_replaced(cli: CLI, tmp_path: Path) -> None:
    """Refused at once, before the reports are read; nothing in it touched."""
    out = tmp_path / "docs"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    run = cli("site", "no-such-report.yaml", "-o", str(out))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.splitlines() == [
        f"nq94: cannot write {out}: a folder nq94 did not build, and not empty; name a new or "
        "empty folder, or a site nq94 built before"
    ]
    assert _files(out) == {"notes.txt": b"mine"}


def test_a_link_is_never_followed(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    run = cli("site", "samples/", "-o", str(tmp_path / "link"))
    assert run.exit_code == 2
    assert "a symbolic link; name the folder it points to instead" in run.stderr
    assert not any((tmp_path / "real").iterdir())


def test_in_vietnamese(cli: CLI, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.write_text("", encoding="utf-8")
    run = cli("site", "--lang", "vi", "samples/", "-o", str(out))
    assert run.stderr == (
        f"nq94: không ghi được {out}: là một tệp, không phải thư mục; hãy chỉ một thư mục mới "
        "hoặc trống cho trang web\n"
    )
    out.unlink()
    run = cli("site", "--lang", "vi", "samples/", "-o", str(out))
    assert run.stderr == f"đã ghi {out}: 62 trang; mở {out / 'index.html'}\n"


def test_an_empty_folder_and_a_site_nq94_built_are_replaced_whole(cli: CLI, tmp_path: Path) -> None:
    """A site built before is replaced whole (a page of it the new build has not goes); nothing
    is left beside."""
    out = tmp_path / "site"
    out.mkdir()
    assert cli("site", SAMPLES[0], "-o", str(out)).exit_code == 0
    (out / "targets" / "stale.html").write_text("old", encoding="utf-8")
    with (out / publish.MARKER).open("a", encoding="utf-8") as marker:
        marker.write("targets/stale.html\n")  # as if an earlier build had written it
    assert cli("site", *SAMPLES, "-o", str(out)).exit_code == 0
    assert not (out / "targets" / "stale.html").exists()
    assert "Theo báo cáo mới nhất, cả năm 2024 (chính thức)" in (out / "index.html").read_text(
        encoding="utf-8"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert oct((out).stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_without_an_exchange_of_folders_the_previous_site_is_moved_aside(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where folders cannot be swapped in one step, the old one is moved aside, then removed;
    if the new one cannot take its place, the old one is put back."""
    out = tmp_path / "site"
    assert cli("site", SAMPLES[0], "-o", str(out)).exit_code == 0
    before = _files(out)
    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    renames: list[tuple[str, str]] = []
    real_rename = os.rename

    def failing(source: str, target: str) -> None:
        renames.append((str(source), str(target)))
        if str(target) == str(out) and len(renames) == 2:
            raise OSError(28, "No space left on device")
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", failing)
    run = cli("site", *SAMPLES, "-o", str(out))
    assert run.exit_code == 2
    assert run.stderr == f"nq94: cannot write {out}: No space left on device\n"
    assert _files(out) == before
    monkeypatch.setattr(os, "rename", real_rename)
    assert cli("site", *SAMPLES, "-o", str(out)).exit_code == 0
    assert _files(out) != before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_build_that_fails_leaves_the_previous_site(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills while the site is written: one line, exit 2, the site as it was,
    nothing left beside it."""
    out = tmp_path / "site"
    assert cli("site", SAMPLES[0], "-o", str(out)).exit_code == 0
    before = _files(out)
    written: list[Path] = []
    real = Path.write_bytes

    def filling(path: Path, data: bytes) -> int:
        written.append(path)
        if len(written) > 20:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", filling)
    run = cli("site", *SAMPLES, "-o", str(out))
    assert (run.exit_code, len(run.stderr.splitlines())) == (2, 1), run
    assert run.stderr == f"nq94: cannot write {out}: No space left on device\n"
    assert _files(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_invalid_reports_leave_the_previous_site_and_are_said_as_trend_says_them(
    cli: CLI, tmp_path: Path
) -> None:
    """Every problem located, one line each, exit 2, exactly as `trend` says them."""
    out = tmp_path / "site"
    assert cli("site", SAMPLES[0], "-o", str(out)).exit_code == 0
    before = _files(out)
    other_year = tmp_path / "2023.yaml"
    other_year.write_text('period: "2023"\nvalues:\n  grdp_growth: 6\n', encoding="utf-8")
    again = tmp_path / "again-9m.yaml"
    again.write_bytes((ROOT / SAMPLES[1]).read_bytes())
    (tmp_path / "empty").mkdir()
    for reports in (
        ["samples/invalid/2024-broken.yaml", SAMPLES[1]],
        [SAMPLES[1], str(other_year)],
        [SAMPLES[1], str(again), str(tmp_path / "missing.yaml")],
        [str(tmp_path / "empty")],
    ):
        site_run = cli("site", *reports, "-o", str(out))
        trend_run = cli("trend", *reports)
        assert site_run.exit_code == trend_run.exit_code == 2, site_run
        assert site_run.stderr == trend_run.stderr
        assert re.match(r"\S+:\d+:\d+: ", site_run.stderr)
        assert _files(out) == before


# --- help and parts ---------------------------------------------------------------------------


def test_help_in_both_languages(cli: CLI, script: Script) -> None:
    from ..cli.test_usage import TYPER_WORDS, no_language

    english = cli("site", "--help")
    assert english.exit_code == 0
    assert "static site for Council members" in english.stdout
    vietnamese = script("site", "--lang", "vi", "--help", env=no_language())
    assert vietnamese.exit_code == 0, vietnamese.stderr
    assert "trang web tĩnh cho đại biểu HĐND" in vietnamese.stdout
    assert not TYPER_WORDS.findall(vietnamese.stdout), vietnamese.stdout


@pytest.mark.parametrize(
    ("ticks", "places"),
    [([0, 8000, 16000], 0), ([57.0, 58.5, 60.0], 1), ([3.0, 3.2, 3.4000000000000004], 1),
     ([0.5, 0.75], 2), ([5], 0)],
)  # fmt: skip
def test_the_scale_is_written_with_the_decimals_its_steps_need(
    ticks: list[float], places: int
) -> None:
    assert _places(ticks) == places


def test_a_folder_that_cannot_be_made_is_said_in_one_line(cli: CLI, tmp_path: Path) -> None:
    """A missing parent folder: the system's reason, exit 2, nothing left behind."""
    out = tmp_path / "missing" / "site"
    run = cli("site", SAMPLES[0], "-o", str(out))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"nq94: cannot write {out}: No such file or directory\n"
    assert list(tmp_path.iterdir()) == []


def test_workbooks_are_read_as_yaml_is(cli: CLI, tmp_path: Path, site: Path) -> None:
    """A report in Excel gives the site its YAML twin gives."""
    workbook = tmp_path / "2024-9m.xlsx"
    assert cli("convert", SAMPLES[1], "-o", str(workbook)).exit_code == 0
    out = tmp_path / "site"
    run = cli("site", SAMPLES[0], str(workbook), *SAMPLES[2:], "-o", str(out))
    assert run.exit_code == 0, run
    assert _files(out) == _files(site)


def test_the_output_is_named_as_given(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative -o is built beside where it is, and named as it was written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    run = cli("site", "samples/2024-h1.yaml", "-o", "site/")
    assert run.exit_code == 0, run
    assert run.stderr == "wrote site: 62 pages; open site/index.html\n"
    assert (tmp_path / "site" / "index.html").is_file()
    (tmp_path / "site" / publish.MARKER).unlink()
    run = cli("site", "samples/2024-h1.yaml", "-o", "site/")
    assert run.stderr.startswith("nq94: cannot write site: a folder nq94 did not build")


def test_the_html_export_carries_the_overviews_scorecard(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`export -o status.html` shows the counts by status as the site's overview does: a card
    each, with the icon and the word."""
    import re

    out = tmp_path / "status.html"
    assert cli("export", "samples/2024-9m.yaml", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    cards = re.findall(
        r'<li class="([a-z-]+)"><span class="count">(\d+)</span><span class="word">'
        r'<span aria-hidden="true">(.)</span> ([^<]+)</span></li>',
        page,
    )
    assert cards == [
        ("met", "3", "✓", "On track"),
        ("at-risk", "6", "⚠", "At risk"),
        ("missed", "6", "✗", "Off track"),
        ("no-data", "15", "–", "No data"),
    ]


def test_a_target_without_a_figure_shows_a_dash_for_its_gap(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "site"
    assert cli("site", "samples/", "-o", str(site)).exit_code == 0
    page = (site / "en" / "index.html").read_text(encoding="utf-8")
    row = page[page.index('href="targets/defence_drill_districts.html"') :]
    row = row[: row.index("</tr>")]
    assert row.endswith('<td class="num" data-label="Gap">—</td>'), row


_TEXT = re.compile(
    r'<text style="font-size: ([\d.]+)px;[^"]*text-anchor: (\w+)[^"]*" x="([\d.]+)" y="([\d.]+)"'
    r"[^>]*>([^<]*)</text>"
)


def _number(text: str, lang: Lang) -> float | None:
    """A chart's figure as written in ``lang`` ('16.000', '31,5'), or None for words."""
    group, point = (".", ",") if lang is Lang.VI else (",", ".")
    plain = text.replace(group, "").replace(point, ".")
    try:
        return float(plain)
    except ValueError:
        return None


@pytest.mark.parametrize("lang", [Lang.VI, Lang.EN])
def test_chart_texts_stay_clear_of_the_target_line_and_inside_the_chart(
    site: Path, targets: TargetsFile, lang: Lang
) -> None:
    """On every target's chart, no figure by a mark is crossed by the target's dashed line
    (it goes under its mark instead), and the scale's widest figure fits left of the plot."""
    folder = site / "targets" if lang is Lang.VI else site / "en" / "targets"
    crossed = []
    for target in targets.targets:
        svg = (folder / f"{target.id}.html").read_text(encoding="utf-8")
        texts = [(float(size), anchor, float(x), float(y), text)
                 for size, anchor, x, y, text in _TEXT.findall(svg)]  # fmt: skip
        scale = [  # each written with its middle at its figure's height: its baseline 3.3 lower
            (_number(text, lang), y - 3.3) for _, anchor, _, y, text in texts if anchor == "end"
        ]
        for size, anchor, x, _, text in texts:
            if anchor == "end":  # the scale, written leftward from x: it must fit in x
                assert x >= 0.62 * size * len(text), (target.id, text, x)
        if len(scale) < 2:
            continue
        (v0, y0), (v1, y1) = scale[0], scale[-1]
        assert v0 is not None
        assert v1 is not None

        def at(
            value: float, v0: float = v0, y0: float = y0, v1: float = v1, y1: float = y1
        ) -> float:
            return y0 + (value - v0) * (y1 - y0) / (v1 - v0)

        edges = (
            [target.threshold, target.upper]
            if target.operator.value == "between"
            else [target.threshold]
        )
        lines = [at(float(edge)) for edge in edges if edge is not None]
        for size, anchor, _, baseline, text in texts:
            figure = _number(text, lang)
            if anchor != "middle" or figure is None or size != 10:
                continue
            for line in lines:  # a text stands from its baseline up to about 0.75 of its size
                if baseline - 0.75 * size - 1 <= line <= baseline + 1:
                    crossed.append((target.id, text))
    assert crossed == []
    budget = (folder / "budget_revenue.html").read_text(encoding="utf-8")
    label = "18.200" if lang is Lang.VI else "18,200"
    assert re.search(rf'y="[\d.]+"[^>]*>{label}</text>', budget)


def test_english_charts_name_periods_in_words(site: Path) -> None:
    page = (site / "en" / "targets" / "budget_revenue.html").read_text(encoding="utf-8")
    labels = [text for *_, text in _TEXT.findall(page)]
    assert "6 months" in labels
    assert "Full year" in labels
    assert "estimate" in labels
    assert not [label for label in labels if re.search(r"\d{4}-", label)]


def test_the_overview_key_shows_the_hollow_mark_of_a_projection(site: Path) -> None:
    for page, words in (
        (site / "index.html", "Điểm rỗng: số cả năm dự báo từ số lũy kế"),
        (site / "en" / "index.html", "Hollow mark: a year-end figure projected"),
    ):
        text = page.read_text(encoding="utf-8")
        assert f'<li><span class="swatch hollow" aria-hidden="true"></span>{words}' in text


@pytest.mark.parametrize("added", ["2024-9m.yaml", "en/notes.docx", "data/link"])
def test_a_site_holding_a_file_nq94_did_not_build_is_never_replaced(
    cli: CLI, tmp_path: Path, added: str
) -> None:
    """The reports a site was built from, copied into it, or any file added to it, are not
    deleted by the next build: it is refused, naming the file, and the folder stays as it was."""
    out = tmp_path / "site"
    assert cli("site", *SAMPLES, "-o", str(out)).exit_code == 0
    extra = out / added
    if added.endswith("link"):
        extra.symlink_to(tmp_path)
    else:
        extra.write_text("mine", encoding="utf-8")
    before = sorted(path.relative_to(out).as_posix() for path in out.rglob("*"))
    run = cli("site", str(out), *SAMPLES, "-o", str(out))
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == (
        f"nq94: cannot write {out}: a site nq94 built, which now also holds '{added}', a file nq94 "
        "did not build; move it out of the folder, or name another folder\n"
    )
    assert sorted(path.relative_to(out).as_posix() for path in out.rglob("*")) == before
    assert extra.is_symlink() or extra.read_text(encoding="utf-8") == "mine"


def test_a_marker_made_by_hand_protects_nothing_it_does_not_list(cli: CLI, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.doc").write_text("years of work", encoding="utf-8")
    (home / publish.MARKER).write_text("", encoding="utf-8")
    run = cli("site", *SAMPLES, "-o", str(home))
    assert run.exit_code == 2
    assert "'thesis.doc', a file nq94 did not build" in run.stderr
    assert (home / "thesis.doc").read_text(encoding="utf-8") == "years of work"


def test_charts_are_drawn_alike_whatever_matplotlib_settings_the_user_has(
    script: Script, tmp_path: Path, site: Path
) -> None:
    """A matplotlibrc in the working folder (LaTeX text, a red background), an unknown
    MPLBACKEND and a settings folder that cannot be made change nothing: the same pages, and
    nothing said but what nq94 wrote."""
    (tmp_path / "matplotlibrc").write_text(
        "text.usetex: True\nfigure.facecolor: red\nlines.linewidth: 9\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    env: dict[str, str | None] = {
        k: None for k in os.environ if k.startswith(("LC_", "NQ94_", "MPL"))
    }
    env |= {"NQ94_LANG": None, "LANG": "C.UTF-8"}
    env |= {"MPLBACKEND": "nonexistent", "MPLCONFIGDIR": "/proc/nq94"}
    run = script("site", *(ROOT / s for s in SAMPLES), "-o", out, cwd=tmp_path, env=env)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == f"wrote {out}: 62 pages; open {out / 'index.html'}\n"
    for page in ("index.html", "targets/budget_revenue.html", "en/targets/grdp_growth.html"):
        assert (out / page).read_bytes() == (site / page).read_bytes(), page


def test_the_scale_of_a_count_is_in_whole_numbers(
    cli: CLI, tmp_path: Path, targets: TargetsFile
) -> None:
    """A count's scale never says 2,75 districts, even where fewer than two whole numbers fall
    in its span (the estimate and the official figures of one drill target: 3 and 3)."""
    page = tmp_path / "settle.html"
    estimate, official = "samples/2024-estimate.yaml", "samples/2024-official.yaml"
    assert cli("diff", "--lang", "vi", estimate, official, "-o", str(page)).exit_code == 0
    counts = [t.id for t in targets.targets if "count" in (t.kind.value, t.measure.value)]
    assert counts
    sections = page.read_text(encoding="utf-8").split('<section class="trend-target"')
    pages = [
        part for part in sections if re.match(rf' aria-labelledby="({"|".join(counts)})"', part)
    ]
    assert pages  # the drill target, whose two figures are 3 and 3
    site = tmp_path / "site"
    assert cli("site", *SAMPLES, "-o", str(site)).exit_code == 0
    pages += [(site / "targets" / f"{i}.html").read_text(encoding="utf-8") for i in counts]
    scales = [text for page_text in pages for size, anchor, _, _, text in _TEXT.findall(page_text)
              if anchor == "end"]  # fmt: skip
    assert scales
    assert not [text for text in scales if "," in text]
