"""The target pages' charts as a reader sees them: every text inside the chart and clear of the
others and of the target's lines, with 2 to 6 reports in both languages; the at-risk band and
the words of a range a plan means one-sided; the plan for the period a quarterly path gives.

Each text's extent is measured in the font the chart is drawn in, from where the saved SVG
puts it (its anchor, its baseline and its turn)."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import pytest

from nq94.render.chartlayout import measure

from ..conftest import CLI_TYPE as CLI

TARGETS = """\
format: 2
document:
  kind: {vi: "Nghị quyết", en: "Resolution"}
  number: "45/NQ-HĐND"
  title: {vi: "Nghị quyết về kế hoạch năm 2025", en: "Resolution on the 2025 plan"}
  issuer: "Hội đồng nhân dân tỉnh Bắc Sơn"
  adopted: 2024-12-11
  year: 2025
sections:
  economic: {vi: "Các chỉ tiêu kinh tế", en: "Economic targets"}
targets:
  - id: grdp_growth
    section: economic
    words: "Tốc độ tăng trưởng kinh tế (GRDP) đạt từ 8% trở lên"
    name: {vi: "Tăng trưởng GRDP", en: "GRDP growth"}
    unit: {vi: "%", en: "%"}
    measure: percent
    kind: growth
    operator: ">="
    threshold: 8
    path: {Q1: 7.2, Q2: 7.8, Q3: 8.3, Q4: 8.6}
    weights: {Q1: 0.22, Q2: 0.25, Q3: 0.25, Q4: 0.28}
  - id: services_growth
    section: economic
    words: "Khu vực dịch vụ tăng 6,5–7%"
    name: {vi: "Tăng trưởng khu vực dịch vụ", en: "Services growth"}
    unit: {vi: "%", en: "%"}
    measure: percent
    kind: growth
    operator: between
    threshold: 6.5
    upper: 7
    better: higher
  - id: budget_revenue
    section: economic
    words: "Thu ngân sách nhà nước trên địa bàn đạt 18.250 tỷ đồng"
    name: {vi: "Thu ngân sách nhà nước", en: "State budget revenue"}
    unit: {vi: "tỷ đồng", en: "billion VND"}
    measure: amount
    kind: flow
    operator: ">="
    threshold: 18250
    season: {H1: 0.52, 9M: 0.76}
"""

REPORTS = [  # period, basis, GRDP, services, budget
    ("2025-Q1", "estimate", "7.0", "6.3", "4100"),
    ("2025-H1", "estimate", "7.55", "6.6", "9800"),
    ("2025-H1", "official", "7.6", "6.6", "9650"),
    ("2025-9M", "estimate", "8.3", "6.9", "14100"),
    ("2025", "estimate", "8.3", "7.2", "18400"),
    ("2025", "official", "8.42", "6.8", "18210"),
]
CHOSEN = {2: [0, 5], 3: [1, 3, 5], 4: [0, 1, 3, 5], 5: [0, 1, 3, 4, 5], 6: [0, 1, 2, 3, 4, 5]}


def _site(cli: CLI, folder: Path, count: int) -> Path:
    """A site of ``count`` reports against TARGETS."""
    folder.mkdir()
    (folder / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    files = []
    for index in CHOSEN[count]:
        period, basis, grdp, services, budget = REPORTS[index]
        path = folder / f"r{index}.yaml"
        path.write_text(
            f'period: "{period}"\nbasis: {basis}\ntargets: targets.yaml\nvalues:\n'
            f"  grdp_growth: {grdp}\n  services_growth: {services}\n  budget_revenue: {budget}\n",
            encoding="utf-8",
        )
        files.append(str(path))
    run = cli("site", *files, "-o", str(folder / "site"))
    assert run.exit_code == 0, run
    return folder / "site"


_TEXT = re.compile(
    r'<text style="font-size: ([\d.]+)px;[^"]*text-anchor: (\w+)[^"]*" x="([-\d.]+)" '
    r'y="([-\d.]+)"(?: transform="rotate\(([-\d.]+) [-\d.]+ [-\d.]+\)")?[^>]*>([^<]*)</text>'
)
_VIEW = re.compile(r'<svg viewBox="0 0 ([\d.]+) ([\d.]+)"')
_LINE = re.compile(r'<path d="M ([\d.]+) ([\d.]+) \s*L ([\d.]+) ([\d.]+) \s*" style="([^"]*)"')

Box = tuple[float, float, float, float]


def _boxes(svg: str) -> list[tuple[str, bool, Box]]:
    """Each text of a chart: its words, whether it is turned, and its extent in the SVG's
    coordinates (y downward)."""
    found = []
    for size, anchor, x, y, turn, words in _TEXT.findall(svg):
        text = html.unescape(words)
        width, height, descent = measure(text, float(size))
        start = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
        corners = [(start, -(height - descent)), (start + width, -(height - descent)),
                   (start, descent), (start + width, descent)]  # fmt: skip
        angle = math.radians(float(turn or 0))
        xs, ys = [], []
        for dx, dy in corners:
            xs.append(float(x) + dx * math.cos(angle) - dy * math.sin(angle))
            ys.append(float(y) + dx * math.sin(angle) + dy * math.cos(angle))
        found.append((text, bool(float(turn or 0)), (min(xs), min(ys), max(xs), max(ys))))
    return found


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _chart(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index('<figure class="chart large">')
    return text[start : text.index("</svg>", start)]


@pytest.mark.parametrize("count", [2, 3, 4, 5, 6])
def test_every_text_of_a_chart_is_inside_it_and_clear_of_the_others(
    cli: CLI, tmp_path: Path, count: int
) -> None:
    """With 2 to 6 reports, in both languages, no text of a target's chart reaches past its
    viewBox (the periods' names turned, the scale, the unit, the figures), no two texts meet,
    and no target line or plan for the period runs through a figure."""
    site = _site(cli, tmp_path / "site", count)
    problems = []
    for page in sorted((site / "targets").glob("*.html")) + sorted(
        (site / "en" / "targets").glob("*.html")
    ):
        svg = _chart(page)
        view = _VIEW.search(svg)
        assert view is not None
        wide, high = float(view[1]), float(view[2])
        boxes = _boxes(svg)
        assert len(boxes) > count, page
        for text, _, (x0, y0, x1, y1) in boxes:
            if x0 < 0 or y0 < 0 or x1 > wide or y1 > high:
                problems.append((page.name, text, "outside", (x0, y0, x1, y1), (wide, high)))
        for index, (text, turned, box) in enumerate(boxes):
            for other, other_turned, other_box in boxes[index + 1 :]:
                if not (turned and other_turned) and _meet(box, other_box):
                    problems.append((page.name, text, "meets", other))
        lines = [
            (float(x0), float(y0), float(x1))
            for x0, y0, x1, y1, style in _LINE.findall(svg)
            if y0 == y1 and ("dasharray" in style or "#7b3294" in style)
        ]
        for text, turned, (x0, y0, x1, y1) in boxes:
            if turned or not re.fullmatch(r"[\d.,]+", text):
                continue
            for left, y, right in lines:
                if left < x1 and x0 < right and y0 - 0.5 < y < y1 + 0.5:
                    problems.append((page.name, text, "crossed at", y))
    assert problems == []


def _scale(svg: str) -> tuple[float, float]:
    """The chart's y for a figure: (slope, offset), from its scale's texts (each 3.3 under its
    figure's height)."""
    ticks = [
        (float(html.unescape(words).replace(",", ".")), float(y) - 3.3)
        for _, anchor, _, y, _, words in _TEXT.findall(svg)
        if anchor == "end"
    ]
    (v0, y0), (v1, y1) = ticks[0], ticks[-1]
    slope = (y1 - y0) / (v1 - v0)
    return slope, y0 - v0 * slope


def test_a_range_meant_one_sided_is_at_risk_a_margin_either_side_of_its_deciding_edge(
    cli: CLI, tmp_path: Path
) -> None:
    """'6,5–7%' (more is better), margin 0.5: the chart shades 6.0 to 7.0, over the range
    that meets it, so that 6.6 and 6.9 stand in the band that makes them at risk."""
    site = _site(cli, tmp_path / "site", 5)
    svg = _chart(site / "en" / "targets" / "services_growth.html")
    slope, offset = _scale(svg)
    fills = re.findall(
        r'<path d="M [\d.]+ ([\d.]+) \s*L [\d.]+ [\d.]+ \s*L [\d.]+ ([\d.]+) \s*L [^"]*z\s*" '
        r'style="fill: (#[0-9a-f]+)"',
        svg,
    )
    bands = [(low, high) for low, high, colour in fills if colour == "#f8e3a3"]
    assert len(bands) == 1
    ((bottom, top),) = bands
    assert float(bottom) == pytest.approx(offset + 6.0 * slope, abs=0.5)
    assert float(top) == pytest.approx(offset + 7.0 * slope, abs=0.5)
    colours = [colour for *_, colour in fills]
    assert colours.index("#cdebd3") < colours.index("#f8e3a3")  # the band over the range


@pytest.mark.parametrize(
    ("better", "figure", "words"),
    [
        ("higher", "6.9", "within the range, 0.4 above its lower end"),
        ("higher", "6.6", "within the range, 0.1 above its lower end"),
        ("lower", "6.6", "within the range, 0.4 below its upper end"),
    ],
)
def test_a_range_meant_one_sided_says_how_near_its_deciding_edge(
    cli: CLI, tmp_path: Path, better: str, figure: str, words: str
) -> None:
    """The distance beside the gap is to the edge that decides (6.5 for more is better: 6.9 is
    0.4 above it, as the gap +0.4 says), not to the nearer end of the range."""
    (tmp_path / "targets.yaml").write_text(
        TARGETS.replace("better: higher", f"better: {better}"), encoding="utf-8"
    )
    report = tmp_path / "r.yaml"
    report.write_text(
        f'period: "2025-9M"\nbasis: estimate\ntargets: targets.yaml\n'
        f"values:\n  services_growth: {figure}\n",
        encoding="utf-8",
    )
    out = cli("check", "-f", "text", str(report)).stdout
    line = next(line for line in out.splitlines() if "services_growth" in line)
    gap = round(float(figure) - (6.5 if better == "higher" else 7), 1)
    assert f"gap {gap:+}" in line, line
    assert words in line, line


@pytest.mark.parametrize(
    ("lang", "key", "column", "plans"),
    [
        ("vi", "Kịch bản của kỳ", "Kịch bản của kỳ", ["7,2", "7,52", "7,79", "—"]),
        ("en", "Plan for the period", "Plan for the period", ["7.2", "7.52", "7.79", "—"]),
    ],
)
def test_a_growth_target_shows_the_plan_each_report_was_judged_against(
    cli: CLI, tmp_path: Path, lang: str, key: str, column: str, plans: list[str]
) -> None:
    """A target judged against its quarterly path draws the plan for each period at its
    column (Q1 7.2, H1 7.52, 9 months 7.79), keeps the year's line, names the plan in its
    key, and gives it a column of the chart's table; a target without a path has neither."""
    site = _site(cli, tmp_path / "site", 4)
    folder = site / "targets" if lang == "vi" else site / "en" / "targets"
    page = (folder / "grdp_growth.html").read_text(encoding="utf-8")
    svg = _chart(folder / "grdp_growth.html")
    slope, offset = _scale(svg)
    drawn = [float(y) for _, y, _, _, style in _LINE.findall(svg) if "#7b3294" in style]
    plan = [7.2, 7.52, 7.79]  # Q1, H1, 9 months (weighted); none for the year
    assert drawn == pytest.approx([offset + each * slope for each in plan], abs=0.5)
    dashed = [float(y) for _, y, _, _, style in _LINE.findall(svg) if "dasharray" in style]
    assert dashed == pytest.approx([offset + 8 * slope], abs=0.1)
    assert f'<span class="swatch plan" aria-hidden="true"></span>{key}</li>' in page
    assert f'<th scope="col">{column}</th>' in page
    cells = re.findall(rf'<td class="num" data-label="{column}">([^<]*)</td>', page)
    assert cells == plans
    other = (folder / "services_growth.html").read_text(encoding="utf-8")
    assert key not in other
    assert "#7b3294" not in _chart(folder / "services_growth.html")
