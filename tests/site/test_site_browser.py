"""The static site (`nq94 site`) in a real browser: Debian's Chromium driven by Playwright.

The site is built once per session by the real CLI into a temporary folder and opened from
file://, in Vietnamese and English, at a phone width (375 px) and a desktop width (1280 px).
Each check collects every problem it sees as one line naming the page and the width, so one
failure tells everything that is wrong. The PDF of the overview is read back with pypdf.

Playwright never downloads a browser here: it launches /usr/bin/chromium (Debian's package,
which .ci/run installs) through `executable_path`. Without it the module is skipped.

`pytest tests/site/test_site_browser.py --update-screenshots` also saves
docs/screenshots/overview.png and docs/screenshots/target.png (Vietnamese, desktop width); no
other run writes into the repository.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    ViewportSize,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError
from pypdf import PdfReader

from nq94.read.loading import load_targets

from ..conftest import Script

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason="no /usr/bin/chromium: the browser test needs Debian's chromium package "
    "(.ci/run installs it: apt-get install --no-install-recommends chromium)",
)

ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"

TARGETS = load_targets().targets
IDS = [target.id for target in TARGETS]
NAMES = {target.id: {"vi": target.name.vi, "en": target.name.en} for target in TARGETS}

PHONE: ViewportSize = {"width": 375, "height": 800}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch: the width a page is laid out at when printed
# what the language switch of a page in that language says
SWITCH_TEXT = {"vi": "English", "en": "Tiếng Việt"}
OTHER = {"vi": "en", "en": "vi"}
SAMPLE_TARGET = "budget_revenue"  # the target page of the screenshots and of the click tests
TIMEOUT_MS = 5_000  # a file:// page loads in milliseconds: a wait that long is a failure


# --- the pages of the site --------------------------------------------------------------------


@dataclass(frozen=True)
class SitePage:
    """A page of the site: its language, and its target (None for the overview)."""

    lang: str
    target: str | None = None

    @property
    def rel(self) -> str:
        prefix = "" if self.lang == "vi" else "en/"
        return (
            f"{prefix}index.html" if self.target is None else f"{prefix}targets/{self.target}.html"
        )

    @property
    def other(self) -> SitePage:
        """The same page in the other language."""
        return SitePage(OTHER[self.lang], self.target)

    def url(self, site: Path) -> str:
        return (site / self.rel).as_uri()

    def __str__(self) -> str:
        return self.rel


def overview(lang: str) -> SitePage:
    return SitePage(lang)


def target_page(lang: str, target: str) -> SitePage:
    return SitePage(lang, target)


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(script: Script, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from samples/ by the real CLI (the `nq94` script of this interpreter)."""
    out = tmp_path_factory.mktemp("site")
    build_site(script, out)
    return out


def build_site(script: Script, out: Path) -> None:
    run = script("site", ROOT / "samples", "-o", out, env={"COLUMNS": "120"}, timeout=300)
    if run.exit_code != 0:  # the end of a traceback says enough, and every test repeats it
        said = "\n".join((run.stdout + run.stderr).strip().splitlines()[-12:])
        pytest.fail(f"nq94 site samples/ -o DIR exited {run.exit_code}:\n{said}", pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session (Playwright downloads none)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            # no name resolves: whatever the site asks of the network never leaves the machine
            args=["--host-resolver-rules=MAP * ~NOTFOUND"],
        )
        yield chromium
        chromium.close()


def new_context(browser: Browser, viewport: ViewportSize) -> BrowserContext:
    """A browser context at that size whose requests for anything but files are refused unsent."""
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    context.set_default_timeout(TIMEOUT_MS)
    context.route(re.compile(r"^(?!file:|data:|about:)"), lambda route: route.abort())
    return context


@pytest.fixture(scope="session")
def contexts(browser: Browser) -> Iterator[dict[str, BrowserContext]]:
    """A browser context per width, shared by the tests."""
    made = {name: new_context(browser, size) for name, size in WIDTHS.items()}
    yield made
    for context in made.values():
        context.close()


class Watched:
    """A page whose console errors, uncaught errors and failed or external requests are kept."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.trouble: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.trouble.append(f"page error: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.trouble.append(
                f"request failed: {request.url} ({request.failure})"
            ),
        )
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            at = message.location
            self.trouble.append(f"console error: {message.text} ({at['url']}:{at['lineNumber']})")

    def _request(self, request: Request) -> None:
        if urlsplit(request.url).scheme not in ("file", "data", "about"):
            self.trouble.append(f"external request: {request.url}")

    def open(self, url: str) -> None:
        self.trouble.clear()
        self.page.goto(url, wait_until="load")

    def take(self) -> list[str]:
        """The trouble seen since the last open, then forgotten."""
        seen, self.trouble = self.trouble, []
        return seen


@pytest.fixture(scope="session")
def tabs(contexts: dict[str, BrowserContext]) -> dict[str, Watched]:
    """One watched page per width ('phone', 'desktop'), reused by every test: a page costs more
    to open than a file:// page costs to load into it."""
    return {name: Watched(context.new_page()) for name, context in contexts.items()}


# --- the checks: each returns the problems it sees, [] when the page keeps the contract ------

# Everything the checks need from the page, read in one round trip.
FACTS_JS = r"""
() => {
  const text = (el) => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
  const count = (id) => document.querySelectorAll('[id="' + CSS.escape(id) + '"]').length;
  const describe = (el) => [el.tagName.toLowerCase(), el.id ? '#' + el.id : '',
    ...Array.from(el.classList).map((name) => '.' + name)].join('');
  const ids = (svg, attr) => (svg.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  const refs = (svg, attr) => ids(svg, attr).map((id) => {
    const el = document.getElementById(id);
    return {id, found: !!el, count: count(id), tag: el ? el.tagName.toLowerCase() : null,
            cls: el ? Array.from(el.classList) : [], text: text(el),
            inFigure: !!(el && svg.closest('figure') && svg.closest('figure').contains(el))};
  });
  const charts = Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
    const svg = figure.querySelector('svg');
    if (!svg) return {svg: false, caption: text(figure.querySelector('figcaption'))};
    const box = svg.getBoundingClientRect();
    const link = svg.closest('a.target-link');
    return {
      svg: true, caption: text(figure.querySelector('figcaption')), role: svg.getAttribute('role'),
      width: box.width, height: box.height,
      shown: svg.checkVisibility({opacityProperty: true, visibilityProperty: true}),
      labelledby: refs(svg, 'aria-labelledby'), describedby: refs(svg, 'aria-describedby'),
      link: link ? link.href : null,
    };
  });
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
  const root = document.documentElement;
  // what sticks out on the right: boxes, or their content (a long word overflows its box)
  const reach = (el) => {
    const box = el.getBoundingClientRect();
    const content = getComputedStyle(el).overflowX === 'visible' ? box.left + el.scrollWidth : 0;
    return Math.max(box.right, content);
  };
  const over = (el) => reach(el) > window.innerWidth + 1;
  const wide = root.scrollWidth > window.innerWidth
    ? Array.from(document.body.querySelectorAll('*'))
        .filter((el) => over(el) && !Array.from(el.children).some(over))
        .slice(0, 5)
        .map((el) => describe(el) + ' to ' + Math.round(reach(el)) + ' px')
    : [];
  return {
    lang: root.getAttribute('lang'),
    title: document.title,
    text: text(document.body),
    scripts: document.querySelectorAll('script').length,
    // resources named outside the page, loaded or not (a lazy image, a print-only style)
    external: [
      ...Array.from(document.querySelectorAll('[src], [srcset], [href]:not(a)'))
        .filter((el) => !el.matches('link[rel~=alternate], link[rel~=canonical]'))
        .flatMap((el) => ['src', 'srcset', 'href', 'xlink:href'].map((at) => el.getAttribute(at)))
        .filter((url) => url && /^\s*(https?:)?\/\//i.test(url)),
      ...Array.from(document.querySelectorAll('style, [style]'))
        .map((el) => el.tagName === 'STYLE' ? el.textContent : el.getAttribute('style'))
        .flatMap((css) => css.match(/(@import|url\()\s*['"]?\s*(https?:)?\/\/[^'")\s;]*/gi) || []),
    ],
    charts,
    duplicateIds: Array.from(seen).filter(([, n]) => n > 1).map(([id, n]) => id + ' x' + n),
    switches: Array.from(document.querySelectorAll('a.lang-switch')).map((a) => ({
      hreflang: a.getAttribute('hreflang'), href: a.href, text: text(a)})),
    targetLinks: Array.from(document.querySelectorAll('a.target-link')).map((a) => a.href),
    links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.href),
    scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide,
    // a status is read whole: a badge or a scorecard's word taller than a line is split
    split: Array.from(document.querySelectorAll('.scorecard .word, span.status'))
      .filter((el) => {
        const style = getComputedStyle(el);
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25;
        return el.getBoundingClientRect().height > line * 1.5;
      })
      .slice(0, 5).map(text),
  };
}
"""


def _local_file(url: str) -> Path | None:
    """The file a file:// link points at (None for other links)."""
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


def _chart_problems(chart: dict[str, Any], where: str) -> list[str]:
    name = f"{where}: chart {chart['caption']!r}"
    if not chart["svg"]:
        return [f"{name}: figure.chart holds no <svg>"]
    problems = []
    if chart["role"] != "img":
        problems.append(f"{name}: svg role is {chart['role']!r}, not 'img'")
    if not (chart["width"] > 0 and chart["height"] > 0 and chart["shown"]):
        problems.append(
            f"{name}: svg not visible ({chart['width']:.0f}x{chart['height']:.0f} px, "
            f"shown={chart['shown']})"
        )
    for attr, tag, cls in (
        ("labelledby", "figcaption", None),
        ("describedby", "table", "chart-data"),
    ):
        refs = chart[attr]
        if not refs:
            problems.append(f"{name}: svg has no aria-{attr}")
        for ref in refs:
            if not ref["found"]:
                problems.append(f"{name}: aria-{attr} {ref['id']!r} names no element")
            elif not ref["text"]:
                problems.append(f"{name}: aria-{attr} {ref['id']!r} names an element with no text")
            elif ref["count"] > 1:
                problems.append(f"{name}: aria-{attr} {ref['id']!r} is the id of {ref['count']}")
        if refs and not any(
            ref["tag"] == tag and (cls is None or cls in ref["cls"]) for ref in refs
        ):
            kind = f"<{tag} class={cls!r}>" if cls else f"<{tag}>"
            problems.append(
                f"{name}: aria-{attr} names no {kind} (names {[r['tag'] for r in refs]})"
            )
        if attr == "labelledby" and refs and not any(ref["inFigure"] for ref in refs):
            problems.append(f"{name}: aria-labelledby is not the figure's own figcaption")
    return problems


def check_page(tab: Watched, site: Path, page: SitePage, width: str) -> list[str]:
    """Open `page` of the site at `width` and list every breach of the site's contract on it."""
    where = f"{page} at {WIDTHS[width]['width']} px"
    tab.open(page.url(site))
    facts: dict[str, Any] = tab.page.evaluate(FACTS_JS)
    problems = [f"{where}: {trouble}" for trouble in tab.take()]

    if facts["lang"] != page.lang:
        problems.append(f"{where}: <html lang={facts['lang']!r}>, not {page.lang!r}")
    if facts["scripts"]:
        problems.append(f"{where}: {facts['scripts']} <script> element(s)")
    if facts["external"]:
        problems.append(f"{where}: resources from outside the site: {facts['external'][:5]}")
    if not facts["title"].strip():
        problems.append(f"{where}: no <title>")
    if facts["duplicateIds"]:
        problems.append(f"{where}: ids used more than once: {', '.join(facts['duplicateIds'][:8])}")

    # charts: at least one everywhere, each visible and described by text on the page
    if not facts["charts"]:
        problems.append(f"{where}: no figure.chart")
    for chart in facts["charts"]:
        problems.extend(_chart_problems(chart, where))

    # the language switch: one, in the reader's words, to the same page in the other language
    switches = facts["switches"]
    if len(switches) != 1:
        problems.append(f"{where}: {len(switches)} a.lang-switch, not 1")
    for switch in switches:
        other = page.other
        expected = (other.lang, SWITCH_TEXT[page.lang], other.url(site))
        found = (switch["hreflang"], switch["text"], switch["href"].split("#")[0])
        if found != expected:
            problems.append(f"{where}: lang-switch is {found}, not {expected}")

    # every link inside the site points at a file that exists
    for link in facts["links"]:
        local = _local_file(link)
        if local is not None and not local.exists():
            problems.append(f"{where}: broken link to {link}")

    # no horizontal scrolling on a phone
    if width == "phone" and facts["scrollWidth"] > facts["innerWidth"]:
        problems.append(
            f"{where}: scrolls sideways: {facts['scrollWidth']} px wide in "
            f"{facts['innerWidth']} px; widest: {facts['wide']}"
        )

    if page.target is None:
        problems.extend(_overview_problems(facts, site, page, where))
    else:
        problems.extend(_target_problems(facts, site, page, where))
    return problems


def _overview_problems(facts: dict[str, Any], site: Path, page: SitePage, where: str) -> list[str]:
    """The small multiples: one chart per target, each in a link to that target's page."""
    problems = [f"{where}: a status split across lines: {word!r}" for word in facts["split"]]
    charted = [chart["link"] for chart in facts["charts"] if chart["svg"] and chart["link"]]
    if len(charted) != len(IDS):
        problems.append(f"{where}: {len(charted)} small charts in a.target-link, not {len(IDS)}")
    for target in IDS:
        url = target_page(page.lang, target).url(site)
        links = facts["targetLinks"].count(url)
        charts = charted.count(url)
        if links != 1 or charts != 1:
            problems.append(
                f"{where}: {target}: {links} a.target-link to {target_page(page.lang, target)}, "
                f"holding {charts} chart(s); wanted 1 and 1"
            )
    return problems


def _target_problems(facts: dict[str, Any], site: Path, page: SitePage, where: str) -> list[str]:
    """A target page names its target and links to its data as CSV and JSON."""
    assert page.target is not None
    problems = []
    name = NAMES[page.target][page.lang]
    if _squeeze(name) not in _squeeze(facts["text"]):
        problems.append(f"{where}: the target's name {name!r} is not on the page")
    for suffix in ("csv", "json"):
        url = (site / "data" / f"{page.target}.{suffix}").as_uri()
        if url not in [link.split("#")[0] for link in facts["links"]]:
            problems.append(f"{where}: no link to data/{page.target}.{suffix}")
    return problems


def _squeeze(text: str) -> str:
    """Text compared as read: NFC, case and whitespace (line breaks in a PDF) left out."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


def switch_language(tab: Watched, site: Path, page: SitePage, width: str, by: str) -> list[str]:
    """Follow the language switch of `page` by a click or by the keyboard (Tab, then Enter)."""
    where = f"{page} at {WIDTHS[width]['width']} px, switching by {by}"
    tab.open(page.url(site))
    switch = tab.page.locator("a.lang-switch")
    if switch.count() != 1:
        return [f"{where}: {switch.count()} a.lang-switch"]
    try:
        if by == "click":
            switch.click()
        else:
            for _ in range(100):
                tab.page.keyboard.press("Tab")
                if tab.page.evaluate("document.activeElement.matches('a.lang-switch')"):
                    break
            else:
                return [f"{where}: 100 Tab presses never reached a.lang-switch"]
            tab.page.keyboard.press("Enter")
        tab.page.wait_for_url(page.other.url(site))
        tab.page.wait_for_load_state("load")
    except PlaywrightError as error:
        first = str(error).splitlines()[0]
        return [f"{where}: {first} (now at {tab.page.url})"]
    lang = tab.page.get_attribute("html", "lang")
    problems = [f"{where}: {trouble}" for trouble in tab.take()]
    if lang != page.other.lang:
        problems.append(f"{where}: landed on <html lang={lang!r}>, not {page.other.lang!r}")
    return problems


def pdf_problems(pdf: bytes, page: SitePage) -> list[str]:
    """The printed overview (A4) names every target, by id or by its name in the page's language."""
    reader = PdfReader(io.BytesIO(pdf))
    problems = []
    width, height = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    if abs(width - 595.3) > 2 or abs(height - 841.9) > 2:  # Chromium rounds to whole pixels
        problems.append(f"{page}: PDF pages are {width:.0f}x{height:.0f} pt, not A4 (595x842)")
    text = _squeeze(" ".join(sheet.extract_text() for sheet in reader.pages))
    missing = [
        target
        for target in IDS
        if _squeeze(target) not in text and not _printed(NAMES[target][page.lang], text)
    ]
    if missing:
        problems.append(f"{page}: printed on A4, names neither the id nor the name of {missing}")
    return problems


def _printed(name: str, text: str, lines: int = 3) -> bool:
    """Whether `name` is in the text of a PDF, maybe wrapped on up to `lines` lines: pypdf reads
    a grid row by row, so the last line of a caption may come after the captions beside it."""
    words = name.split()
    return any(
        all(
            _squeeze(" ".join(words[a:b])) in text
            for a, b in itertools.pairwise((0, *cut, len(words)))
        )
        for parts in range(min(lines, len(words)))
        for cut in itertools.combinations(range(1, len(words)), parts)
    )


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


# --- the tests --------------------------------------------------------------------------------

LANGS = ["vi", "en"]


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", LANGS)
def test_overview(site: Path, tabs: dict[str, Watched], lang: str, width: str) -> None:
    """The overview: its 30 small charts visible and described, each linking to its target."""
    problems = check_page(tabs[width], site, overview(lang), width)
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", LANGS)
def test_target_pages(site: Path, tabs: dict[str, Watched], lang: str, width: str) -> None:
    """Every target's page shows its chart, described, and links to its data."""
    tab = tabs[width]
    problems = [
        p for target in IDS for p in check_page(tab, site, target_page(lang, target), width)
    ]
    assert not problems, _report(problems)


@pytest.mark.parametrize("by", ["click", "keyboard"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", LANGS)
def test_language_switch(
    site: Path, tabs: dict[str, Watched], lang: str, width: str, by: str
) -> None:
    """The switch leads to the same page in the other language, by mouse and by keyboard."""
    tab = tabs[width]
    problems = [
        problem
        for where in (overview(lang), target_page(lang, SAMPLE_TARGET))
        for problem in switch_language(tab, site, where, width, by)
    ]
    assert not problems, _report(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_prints_on_a4(site: Path, browser: Browser, lang: str) -> None:
    """Printed on A4 the overview keeps every target (text read back from the PDF with pypdf),
    and, laid out for print at A4's width, it is no wider than the sheet and its charts show."""
    context = new_context(browser, {"width": A4_WIDTH_PX, "height": 1123})
    try:
        page = context.new_page()
        watch = Watched(page)
        watch.open(overview(lang).url(site))
        problems = pdf_problems(page.pdf(format="A4", print_background=True), overview(lang))
        page.emulate_media(media="print")
        facts: dict[str, Any] = page.evaluate(FACTS_JS)
        where = f"{overview(lang)} as printed"
        if facts["scrollWidth"] > facts["innerWidth"]:
            problems.append(
                f"{where}: {facts['scrollWidth']} px wide on an A4 sheet of {A4_WIDTH_PX} px; "
                f"widest: {facts['wide']}"
            )
        for chart in facts["charts"]:
            if not (chart["svg"] and chart["width"] > 0 and chart["height"] > 0):
                problems.append(f"{where}: chart {chart['caption']!r} does not print")
        problems.extend(f"{where}: {trouble}" for trouble in watch.take())
    finally:
        context.close()
    assert not problems, _report(problems)


def test_downloads_are_data(site: Path) -> None:
    """Each target's downloads are there and read as CSV (a header and a row) and as JSON."""
    problems = []
    for target in IDS:
        data = site / "data"
        try:
            with (data / f"{target}.csv").open(encoding="utf-8-sig", newline="") as file:
                rows = list(csv.reader(file))
            if len(rows) < 2:
                problems.append(f"data/{target}.csv: {len(rows)} row(s), no data under a header")
            json.loads((data / f"{target}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, csv.Error) as error:
            problems.append(f"data/{target}: {error}")
    assert not problems, _report(problems)


# A breach of the contract, made by hand in a copy of the built site: the checks must see it.
BREACHES: dict[str, tuple[str, str, str]] = {
    # name: (page, pattern, replacement)
    "target page without its chart": (
        f"targets/{SAMPLE_TARGET}.html",
        r"<figure\b[^>]*\bclass=\"[^\"]*\bchart\b[^\"]*\"[^>]*>.*?</figure>",
        "",
    ),
    "overview without one small chart": (
        "index.html",
        r"<figure\b[^>]*\bclass=\"[^\"]*\bchart\b[^\"]*\"[^>]*>.*?</figure>",
        "",
    ),
    "chart described by nothing": (
        f"en/targets/{SAMPLE_TARGET}.html",
        r"aria-describedby=\"[^\"]*\"",
        'aria-describedby="no-such-table"',
    ),
    "a script that logs an error": (
        "en/index.html",
        r"</body>",
        '<script>console.error("broken")</script></body>',
    ),
    "a style sheet from the web": (
        "index.html",
        r"</body>",
        '<link rel="stylesheet" href="https://example.invalid/x.css"></body>',
    ),
    "an image that is not there": (
        f"targets/{SAMPLE_TARGET}.html",
        r"</body>",
        '<img src="no-such-image.png" alt=""></body>',
    ),
    "phone page wider than the phone": (
        f"targets/{SAMPLE_TARGET}.html",
        r"</body>",
        '<div style="width: 600px">wide</div></body>',
    ),
}


@pytest.mark.parametrize("breach", list(BREACHES))
def test_checks_see_a_breach(
    site: Path, tmp_path: Path, tabs: dict[str, Watched], breach: str
) -> None:
    """The checks can fail: a copy of the site with one chart removed (or another breach) fails."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    rel, pattern, replacement = BREACHES[breach]
    file = copy / rel
    html, made = re.subn(
        pattern, replacement, file.read_text(encoding="utf-8"), count=1, flags=re.S
    )
    assert made == 1, f"{breach}: nothing to change in {rel}"
    file.write_text(html, encoding="utf-8")
    lang = "en" if rel.startswith("en/") else "vi"
    page = SitePage(lang, None if rel.endswith("index.html") else SAMPLE_TARGET)
    before = set(check_page(tabs["phone"], site, page, "phone"))
    after = check_page(tabs["phone"], copy, page, "phone")
    new = [p for p in after if p.replace(copy.as_uri(), site.as_uri()) not in before]
    assert new, f"{breach}: not seen; the checks saw only {after}"


def test_screenshots(
    site: Path, tabs: dict[str, Watched], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Whole-page screenshots of the Vietnamese overview and of one target page at the desktop
    width; saved into docs/screenshots/ only with --update-screenshots."""
    tab = tabs["desktop"]
    shots = {"overview.png": overview("vi"), "target.png": target_page("vi", SAMPLE_TARGET)}
    for name, where in shots.items():
        tab.open(where.url(site))
        png = tab.page.screenshot(path=tmp_path / name, full_page=True, animations="disabled")
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(png) > 10_000, f"{where}: a blank screenshot? ({len(png)} bytes)"
    if request.config.getoption("--update-screenshots"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name in shots:
            shutil.copyfile(tmp_path / name, SCREENSHOTS / name)


@pytest.fixture(scope="session")
def people_files(script: Script, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The pages for people the other commands write, by the real CLI, in both languages."""
    out = tmp_path_factory.mktemp("people")
    samples = [str(ROOT / "samples" / f"2024-{name}.yaml")
               for name in ("h1", "9m", "estimate", "official")]  # fmt: skip
    commands = {
        "status": ["export", samples[3]],
        "trend": ["trend", *samples],
        "diff": ["diff", samples[1], samples[2]],
    }
    made = {}
    for lang in LANGS:
        for name, command in commands.items():
            page = out / f"{name}-{lang}.html"
            run = script("--lang", lang, *command, "-o", page, timeout=300)
            assert run.exit_code == 0, run.stderr
            made[page.stem] = page
    return made


@pytest.mark.parametrize("width", list(WIDTHS))
def test_pages_written_for_people_read_on_any_screen(
    people_files: dict[str, Path], tabs: dict[str, Watched], width: str
) -> None:
    """export, trend and diff -o FILE.html: no error, no sideways scrolling on a phone, and each
    chart visible with its caption and table."""
    tab, problems = tabs[width], []
    for name, page in people_files.items():
        tab.open(page.as_uri())
        facts: dict[str, Any] = tab.page.evaluate(FACTS_JS)
        where = f"{name} at {width}"
        if facts["scrollWidth"] > facts["innerWidth"]:
            problems.append(f"{where}: {facts['scrollWidth']} px wide; widest: {facts['wide']}")
        if not name.startswith("status") and not facts["charts"]:
            problems.append(f"{where}: no chart")
        for chart in facts["charts"]:
            problems.extend(_chart_problems(chart, where))
        problems.extend(f"{where}: {trouble}" for trouble in tab.take())
    assert not problems, _report(problems)
