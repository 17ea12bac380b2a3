#!/usr/bin/env bash
# Remake the workbooks in this folder: reports filled in and saved by LibreOffice Calc, a real
# spreadsheet program, so that tests/read/test_workbook_real.py reads what such a program writes
# (cached formula results, its number formats, defined names and sheet protection as it saves
# them), not only what openpyxl or XlsxWriter write.
#
#   percent-cells.xlsx  Vietnamese form; percents typed into percent cells (0.939 shown 93,9%),
#                       plain numbers, a growth from baseline and current, a source and a note
#   formulas.xlsx       English form; formulas in figure cells (a constant, arithmetic, SUM over
#                       another sheet, a reference to another row, a text formula), rows sorted
#                       Z to A by id, one row hidden, an extra sheet placed first
#   text-numbers.xlsx   Vietnamese form; figures typed as text in text cells: "19.515", "7,5"
#   empty-formula.xlsx  English form; a rate by a formula giving "" (nothing shown) while its
#                       counts are missing: that target has no data
#
# How each file is made:
#   1. `nq94 template` writes the blank form;
#   2. a small openpyxl step fills cells as an officer would type them (the Python below);
#   3. LibreOffice opens that file, recalculates every formula and saves it as .xlsx:
#        soffice --headless --calc --convert-to xlsx --outdir OUT IN.xlsx
#      with a throw-away user profile set to recalculate Excel files on load, so that the
#      user's own LibreOffice settings and any running LibreOffice play no part;
#   4. the script checks that docProps/app.xml names LibreOffice as the application, and copies
#      the saved files here.
# Each .xlsx has a YAML twin (same name, .yaml, written by hand) holding the same figures as a
# YAML report would; the test checks that `nq94 check` gives the same results for both.
#
# Rerun (from anywhere; needs nq94 and openpyxl, e.g. after `pip install ".[test]"`, and
# LibreOffice, e.g. the Debian package libreoffice-calc-nogui):
#   tests/example-files/libreoffice/make.sh
# It overwrites the .xlsx files here (their contents are the same; the saved dates change);
# change a twin with its workbook. Made with LibreOffice 7.4.7.2.
# The tests only read the committed files: they do not need LibreOffice.
#
# Environment: NQ94 (default: nq94), PYTHON (default: python3), SOFFICE (default: soffice).

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NQ94=${NQ94:-nq94}
PYTHON=${PYTHON:-python3}
SOFFICE=${SOFFICE:-soffice}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/blank" "$WORK/filled" "$WORK/saved" "$WORK/profile/user"

# A fresh LibreOffice profile: recalculate formulas of Excel 2007+ files on load (0 = always;
# LibreOffice's default, 1, keeps the results a file holds).
cat >"$WORK/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# 1. the blank forms
"$NQ94" template -o "$WORK/blank/percent-cells.xlsx" --period 2024-9M --lang vi
"$NQ94" template -o "$WORK/blank/formulas.xlsx" --period 2024-H1 --basis estimate --lang en
"$NQ94" template -o "$WORK/blank/text-numbers.xlsx" --period 2024 --lang vi
"$NQ94" template -o "$WORK/blank/empty-formula.xlsx" --period 2024-9M --lang en

# 2. fill them in
"$PYTHON" - "$WORK/blank" "$WORK/filled" <<'PY'
"""Fill the blank forms as officers would: cells typed by hand, formats they would pick."""

import sys
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

blank, filled = Path(sys.argv[1]), Path(sys.argv[2])
COLUMN = {"value": 6, "baseline": 7, "current": 8, "source": 9, "note": 10}
FIRST = 9  # the first target row of the template


def rows(sheet):
    """Target id -> its row."""
    return {
        sheet.cell(row, 1).value: row
        for row in range(FIRST, sheet.max_row + 1)
        if sheet.cell(row, 1).value
    }


def put(sheet, target, key, value, number_format=None):
    cell = sheet.cell(rows(sheet)[target], COLUMN[key])
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format


# (a) percent-cells: percents typed as "93,9%" into cells formatted as percentages, which hold
# 0.939; plain numbers; a growth derived from the baseline and current figures; source and note.
book = openpyxl.load_workbook(blank / "percent-cells.xlsx")
sheet = book["Báo cáo"]
sheet["B5"] = "Báo cáo tình hình kinh tế - xã hội 9 tháng năm 2024 (minh họa)"
put(sheet, "grdp_growth", "value", 0.059, "0.0%")
put(sheet, "agricultural_output_growth", "value", 0.033, "0.0%")
put(sheet, "urban_unemployment_rate", "value", 0.029, "0.0%")
put(sheet, "social_insurance_rate", "value", 0.408, "0.0%")
put(sheet, "health_insurance_rate", "value", 0.939, "0.0%")
put(sheet, "national_standard_schools_rate", "value", 0.95, "0.0%")  # shows 95,0%
put(sheet, "forest_cover_rate", "value", 0.4652, "0.00%")
put(sheet, "military_recruitment_rate", "value", 1, "0%")  # shows 100%
put(sheet, "public_investment_disbursement_rate", "value", 0.68, "0%")
put(sheet, "budget_revenue", "value", 15000)
put(sheet, "budget_revenue", "source", "Cục Thuế tỉnh")
put(sheet, "budget_revenue", "note", "số ước thực hiện đến 30/9")
put(sheet, "new_rural_communes", "value", 1)
put(sheet, "defence_drill_districts", "value", 2)
put(sheet, "export_growth", "baseline", 30950)
put(sheet, "export_growth", "current", 33380)
put(sheet, "export_growth", "note", "triệu USD")
put(sheet, "poverty_rate_reduction", "baseline", 1.15)
put(sheet, "poverty_rate_reduction", "current", 0.62)
book.save(filled / "percent-cells.xlsx")

# (b) formulas: an extra sheet of workings, placed first; value cells holding formulas (a
# constant, arithmetic, SUM over the workings, a reference to another row of the report); the
# target rows sorted by id from Z to A; one row hidden.
book = openpyxl.load_workbook(blank / "formulas.xlsx")
sheet = book["Report"]
sheet["B5"] = "Half-year socio-economic report 2024 (illustrative)"
ids = list(rows(sheet))
order = sorted(ids, reverse=True)
moved = {rows(sheet)[target]: FIRST + order.index(target) for target in ids}
saved = {
    old: [
        (sheet.cell(old, column).value, sheet.cell(old, column)._style) for column in range(1, 11)
    ]
    for old in moved
}
heights = {old: sheet.row_dimensions[old].height for old in moved}
for old, new in moved.items():
    for column, (value, style) in enumerate(saved[old], start=1):
        sheet.cell(new, column).value = value
        sheet.cell(new, column)._style = style
    sheet.row_dimensions[new].height = heights[old]
for validation in sheet.data_validations.dataValidation:  # each rule stays with its row
    ranges = []
    for each in validation.sqref.ranges:
        row = moved.get(each.min_row, each.min_row)
        ranges.append(
            CellRange(
                min_col=each.min_col,
                min_row=row,
                max_col=each.max_col,
                max_row=row + each.max_row - each.min_row,
            )
        )
    validation.sqref = MultiCellRange(ranges)

work = book.create_sheet("Workings", 0)
work.append(
    [
        "District",
        "Budget revenue (billion VND)",
        "Exports 2023 (million USD)",
        "Exports H1 2024 (million USD)",
        "Communes reaching the standard",
    ]
)
work.append(["Thái Nguyên city", 3600, 8120, 8760, 0])
work.append(["Phổ Yên", 2900, 6710, 7230, 1])
work.append(["Sông Công", 1000, 645, 700, 0])
work.append(["Total", "=SUM(B2:B4)", "=SUM(C2:C4)", "=SUM(D2:D4)", "=SUM(E2:E4)"])
book.active = 0

row = rows(sheet)
value = get_column_letter(COLUMN["value"])
put(sheet, "budget_revenue", "value", "=SUM(Workings!B2:B4)")  # 7500
put(sheet, "budget_revenue", "source", "Provincial Tax Department")
put(sheet, "grdp_growth", "value", "=11.8/2")  # 5.9
put(sheet, "grdp_per_capita", "value", "=58000/1000")  # 58
put(sheet, "export_growth", "baseline", "=Workings!C5")  # 15475
put(sheet, "export_growth", "current", "=Workings!D5")  # 16690
put(sheet, "export_growth", "note", '="million USD, "&Workings!A2&" and others"')
put(sheet, "new_rural_communes", "value", "=Workings!E5")  # 1
put(sheet, "trained_labour_rate", "value", "=73.5")
put(sheet, "certified_labour_rate", "value", f"={value}{row['trained_labour_rate']}-38")  # 35.5
put(sheet, "health_insurance_rate", "value", "=ROUND(1223456/1302000*100,1)")  # 94.0
put(sheet, "industrial_output_growth", "value", "=6.2")
sheet.row_dimensions[row["industrial_output_growth"]].hidden = True
put(sheet, "military_recruitment_rate", "value", 100)
book.save(filled / "formulas.xlsx")

# (c) text-numbers: figures typed as text in cells formatted as text (@), with Vietnamese
# separators: a dot between thousands, a comma before the decimals.
book = openpyxl.load_workbook(blank / "text-numbers.xlsx")
sheet = book["Báo cáo"]
sheet["B5"] = "Báo cáo ước thực hiện năm 2024 (minh họa)"
for target, key, text in [
    ("grdp_growth", "value", "7,5"),
    ("structure_industry_construction", "value", "58,9"),
    ("structure_services_taxes", "value", "31,6"),
    ("structure_agriculture", "value", "9,5"),
    ("grdp_per_capita", "value", "118,6"),
    ("budget_revenue", "value", "19.515"),
    ("export_growth", "baseline", "30.950,4"),
    ("export_growth", "current", "33.380,5"),
    ("social_insurance_rate", "value", "42,5%"),
    ("new_rural_communes", "value", "02"),
    ("rural_clean_water_rate", "value", "97,6"),
]:
    put(sheet, target, key, text, "@")
put(sheet, "budget_revenue", "note", "tỷ đồng, số liệu Cục Thuế tỉnh")
book.save(filled / "text-numbers.xlsx")

# (d) empty-formula: rates worked out from counts on another sheet, by formulas that give ""
# (an empty text, the cell shows nothing) while the counts are missing: that target has no data.
book = openpyxl.load_workbook(blank / "empty-formula.xlsx")
sheet = book["Report"]
work = book.create_sheet("Counts")
work.append(["Indicator", "Reaching the standard", "Total"])
work.append(["Schools", 420, 470])
work.append(["Communes (health)", 131, None])  # the total is not known yet
rate = '=IF(Counts!C{0}="","",ROUND(Counts!B{0}/Counts!C{0}*100,1))'
put(sheet, "national_standard_schools_rate", "value", rate.format(2))  # 89.4
put(sheet, "health_standard_communes_rate", "value", rate.format(3))  # ""
put(sheet, "budget_revenue", "value", 15000)
book.save(filled / "empty-formula.xlsx")
PY

# 3. LibreOffice opens, recalculates and saves each one
"$SOFFICE" "-env:UserInstallation=file://$WORK/profile" --headless --calc \
    --convert-to xlsx --outdir "$WORK/saved" "$WORK"/filled/*.xlsx

# 4. check that LibreOffice wrote them, then keep them
for filled in "$WORK"/filled/*.xlsx; do
    saved="$WORK/saved/$(basename "$filled")"
    [ -f "$saved" ] || { echo "LibreOffice did not save $saved" >&2; exit 1; }
    "$PYTHON" - "$saved" <<'PY'
import re
import sys
import zipfile

app = zipfile.ZipFile(sys.argv[1]).read("docProps/app.xml").decode()
found = re.search(r"<Application>([^<]*)</Application>", app)
if not found or not found.group(1).startswith("LibreOffice"):
    sys.exit(f"{sys.argv[1]}: not saved by LibreOffice: {found and found.group(1)}")
print(f"{sys.argv[1]}: {found.group(1)}")
PY
    cp "$saved" "$HERE/"
done
