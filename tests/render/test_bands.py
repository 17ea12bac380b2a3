"""One at-risk band everywhere: the model says where a figure that is not final is at risk, and
the site's charts and the workbooks' charts draw that band, for every operator."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from nq94.model import TargetsFile
from nq94.read.loading import load_targets

from ..conftest import CLI_TYPE as CLI
from ..conftest import make_target

D = Decimal

REPORTS = ("samples/2024-h1.yaml", "samples/2024-9m.yaml", "samples/2024-estimate.yaml",
           "samples/2024-official.yaml")  # fmt: skip
TN = "samples/thai-nguyen-2026"
TN_REPORTS = (f"{TN}/2026-q1.yaml", f"{TN}/2026-9m.yaml")


@pytest.mark.parametrize(
    ("fields", "bands"),
    [
        ({"operator": ">=", "threshold": D("7.5")}, [("7.0", "8.0")]),
        ({"operator": ">", "threshold": D("7.5")}, [("7.0", "8.0")]),
        ({"operator": "<", "threshold": D(3)}, [("2.7", "3.3")]),  # a tenth of 3 at most
        ({"operator": "<=", "threshold": D(10)}, [("9.5", "10.5")]),
        # a two-sided band: around both of its edges
        (
            {"operator": "between", "threshold": D(10), "upper": D(14)},
            [("9.5", "10.5"), ("13.5", "14.5")],
        ),
        (
            {"operator": "≈", "threshold": D(12), "tolerance": D(2)},
            [("9.5", "10.5"), ("13.5", "14.5")],
        ),
        # meant one-sided: around the edge that decides only
        (
            {"operator": "between", "threshold": D(10), "upper": D(14), "better": "higher"},
            [("9.5", "10.5")],
        ),
        (
            {"operator": "between", "threshold": D(10), "upper": D(14), "better": "lower"},
            [("13.5", "14.5")],
        ),
        (
            {"operator": "≈", "threshold": D(12), "tolerance": D(2), "better": "higher"},
            [("9.5", "10.5")],
        ),
        (
            {"operator": "≈", "threshold": D(12), "tolerance": D(2), "better": "lower"},
            [("13.5", "14.5")],
        ),
        # within the plausible range; none without a margin
        ({"operator": ">=", "threshold": D(100), "plausible": [0, 100]}, [("99.5", "100")]),
        ({"operator": ">=", "threshold": D(2), "measure": "count", "kind": "count"}, []),
    ],
)
def test_the_band_is_around_each_edge_that_decides(
    fields: dict[str, Any], bands: list[tuple[str, str]]
) -> None:
    """'≥ 7.5' with margin 0.5 is at risk from 7 to 8; a range meant one-sided only around its
    deciding edge; a two-sided band around both."""
    target = make_target(**fields)
    assert target.at_risk_bands == tuple((D(low), D(high)) for low, high in bands)


def _svgs(page: str) -> dict[str, str]:
    """Each chart of a page, by its target's id."""
    found = {}
    for match in re.finditer(r'aria-labelledby="cap-([a-z_]+)"', page):
        found[match[1]] = page[match.start() : page.index("</svg>", match.start())]
    return found


def test_the_sites_charts_draw_a_band_around_each_edge_that_decides(
    cli: CLI, tmp_path: Path
) -> None:
    """'gần 70 nghìn tỷ' (≈ 70 ± 0.5, more is better) is at risk around 69.5 only: one band, not
    one around 70.5 too; the structure shares (two-sided) have two."""
    page = tmp_path / "trend.html"
    run = cli("trend", "--targets", f"{TN}/targets.yaml", *TN_REPORTS, "-o", str(page))
    assert run.exit_code == 0, run
    charts = _svgs(page.read_text(encoding="utf-8"))
    targets = load_targets(f"{TN}/targets.yaml")
    assert charts
    for target_id, svg in charts.items():
        bands = targets.by_id[target_id].at_risk_bands
        assert svg.count("#f8e3a3") == len(bands), target_id
    assert len(targets.by_id["domestic_investment"].at_risk_bands) == 1


def _chart_tables(sheet: Any, targets: TargetsFile) -> dict[str, list[tuple[str, list[Any]]]]:
    """Each chart's table on a charts sheet, by target id: each column's heading and figures."""
    names = {target.name.en: target.id for target in targets.targets}
    tables: dict[str, list[tuple[str, list[Any]]]] = {}
    rows = list(sheet.iter_rows(values_only=True))
    for index, row in enumerate(rows):
        if row[0] in names and index + 1 < len(rows) and rows[index + 1][0] == "Report":
            headings = rows[index + 1]
            body = []
            for line in rows[index + 2 :]:
                if not line[0]:
                    break
                body.append(line)
            tables[names[row[0]]] = [
                (str(heading), [line[column] for line in body])
                for column, heading in enumerate(headings)
                if heading
            ]
    return tables


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_workbooks_charts_draw_the_same_band(cli: CLI, tmp_path: Path, lang: str) -> None:
    """Every target's chart in the trend workbook shades from a margin below to a margin above
    each deciding edge (7 to 8 for '≥ 7.5'), and its table gives the band's edges: as the site
    draws it, not a line at 7.0 alone."""
    book_path = tmp_path / "trend.xlsx"
    assert cli("trend", "--lang", lang, *REPORTS, "-o", str(book_path)).exit_code == 0
    book = load_workbook(book_path)
    sheet = book.worksheets[1]
    targets = load_targets()
    if lang == "en":
        tables = _chart_tables(sheet, targets)
        band = [values for heading, values in tables["grdp_growth"] if "band" in heading]
        assert band == [[7] * 4, [8] * 4]
        shares = tables["structure_services_taxes"]  # ≈ 31.8 ± 1: around 30.8 and 32.8
        band = [values[0] for heading, values in shares if "band" in heading]
        assert band == [30.3, 31.3, 32.3, 33.3]
        assert [h for h, _ in shares if "band" in h] == [
            "At-risk band, from",
            "At-risk band, to",
        ] * 2
        assert not [h for h, _ in tables["new_rural_communes"] if "band" in h]  # no margin
    headings = [cell.value for cell in sheet[2]]
    words = ("Vùng có nguy cơ, từ", "Vùng có nguy cơ, đến")
    if lang == "vi":
        assert all(word in headings for word in words), headings
    xml = _chart_xml(book_path)
    for target, chart in zip(targets.targets, xml, strict=True):
        bands = target.at_risk_bands
        # the band: a stacked area under the lines, one coloured series a band
        assert chart.count("<c:areaChart>") == (1 if bands else 0), target.id
        assert chart.count("F8E3A3") == len(bands), target.id


def _chart_xml(path: Path) -> list[str]:
    """The XML of each chart of a workbook, in the order they were added."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        names = sorted(
            (name for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)),
            key=lambda name: int(re.findall(r"\d+", name)[0]),
        )
        return [archive.read(name).decode("utf-8") for name in names]
