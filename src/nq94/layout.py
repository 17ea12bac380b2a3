"""The workbook layout contract (README, "Reports in Excel"): the sheets, rows, header keys and
defined names that nq94's template writes and its reader looks for, and the mark of the
workbooks nq94 writes as outputs. Below both the reader (nq94.read.workbook) and the writers
(nq94.render.form, nq94.render.xlsx), which never import each other.
"""

from nq94.i18n import Lang

SHEET = {Lang.VI: "Báo cáo", Lang.EN: "Report"}
LISTS = {Lang.VI: "Danh mục", Lang.EN: "Lists"}
"""The report sheet, and the hidden sheet of the periods and bases the drop-downs offer."""

KEYS = ("id", "section", "target", "unit", "threshold", "value", "baseline", "current", "source",
        "note")  # fmt: skip
"""The template's columns, by the machine key its header row holds."""
FIGURES = ("value", "baseline", "current")
TEXTS = ("source", "note")
INPUTS = (*FIGURES, *TEXTS)
VALUES = ("values",)
NAMES = ("period", "basis", "source", "targets")
"""The defined names of the cells that hold the report's period, basis, source and the targets
file it is written against."""

TITLE_ROW, PERIOD_ROW, WORDS_ROW, HEADER_ROW = 1, 3, 7, 8
"""1-based rows of the template: the title, the period (then basis and source), the header in
people's words, and the header of machine keys; targets follow it."""

OWN_OUTPUT = "nq94 output: "
"""The start of the category (a document property) of a workbook nq94 writes for people, then
the command: read as a report, it is said to be one of nq94's own outputs."""
