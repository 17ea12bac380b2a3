"""Every colour nq94 shows, defined once: the pages' style sheets (templates/style/*.css are
written with these values), the charts of the site and of the trend and diff pages, and the
workbooks (export, template, trend and diff).

Each colour is written here only (a test holds every other file of nq94 to it), as
``#rrggbb``: the form both CSS and XlsxWriter read. A status is a word and an icon as well as a
colour, never a colour alone; the colours of text meet WCAG 2.1 AA on their backgrounds
(TEXT_ON).
"""

from __future__ import annotations

from nq94.model import Status

PALETTE: dict[str, str] = {
    # text and ground
    "ink": "#1a1a1a",
    "muted": "#595959",
    "paper": "#ffffff",
    "tint": "#f3f5f8",
    "rule": "#d5d9de",
    "link": "#0b4f9c",
    # the charts: the figure's line, a flow's figure to date, the target's line and bands
    "line": "#1f4e99",
    "to_date": "#c6d4ea",
    "at_risk_band": "#f8e3a3",
    "met_band": "#cdebd3",
    "grid": "#e3e3e3",
    "plan": "#7b3294",  # the plan for the period a quarterly path gives
    "at_risk_line": "#b07800",  # a workbook's chart draws the at-risk band's edge as a line
    # a status: its words, and its badge's (or cell's) ground
    "met": "#14592a",
    "met_bg": "#dcf1df",
    "at_risk": "#6b4e00",
    "at_risk_bg": "#fff1c4",
    "missed": "#8a1414",
    "missed_bg": "#f9dcdc",
    "no_data": "#474747",
    "no_data_bg": "#ececec",
    # a status's cell in a workbook (its words as a page's): lighter grounds, kept as workbooks
    # have always shown them
    "met_cell": "#d7f0d9",
    "at_risk_cell": "#fff0c2",
    "missed_cell": "#f8d4d4",
    "no_data_cell": "#eeeeee",
    "no_data_cell_text": "#555555",
    # a status's mark on a chart, and in its key
    "mark_met": "#1b7a3a",
    "mark_at_risk": "#8a5a00",
    "mark_missed": "#b3261e",
    # the export page (printed on A4) and the workbooks' headings
    "meta": "#444444",
    "heading_bg": "#f0f0f0",
    "section_bg": "#fafafa",
    "print_rule": "#cccccc",
    "bar_track": "#e6e6e6",
    "bar": "#4a7bd0",
    # the template workbook: cells to fill in, cells closed, the key's ground and the borders
    "input": "#fff2cc",
    "closed": "#d9d9d9",
    "key_bg": "#ededed",
    "border": "#bfbfbf",
    # a hovered link's shadow on the site: black, mostly transparent (CSS only)
    "shadow": "rgba(0, 0, 0, .12)",
}
PALETTE["target"] = PALETTE["ink"]  # the target's dashed line is drawn in ink
"""The colours by their use; the style sheets name them so (``{{ palette.ink }}``)."""

CELL_COLOURS: dict[Status, tuple[str, str]] = {
    Status.MET: (PALETTE["met_cell"], PALETTE["met"]),
    Status.AT_RISK: (PALETTE["at_risk_cell"], PALETTE["at_risk"]),
    Status.MISSED: (PALETTE["missed_cell"], PALETTE["missed"]),
    Status.NO_DATA: (PALETTE["no_data_cell"], PALETTE["no_data_cell_text"]),
    Status.NOT_ASSESSED: (PALETTE["no_data_cell"], PALETTE["no_data_cell_text"]),
}
"""Each status's ground and words in a workbook's status cell (export, trend and diff)."""

MARK_COLOURS: dict[Status, str] = {
    Status.MET: PALETTE["mark_met"],
    Status.AT_RISK: PALETTE["mark_at_risk"],
    Status.MISSED: PALETTE["mark_missed"],
}
"""Each status's mark on a chart (no data has none)."""

TEXT_ON = (
    ("ink", "paper"), ("ink", "tint"), ("muted", "paper"), ("muted", "tint"), ("link", "paper"),
    ("link", "tint"), ("met", "met_bg"), ("at_risk", "at_risk_bg"), ("missed", "missed_bg"),
    ("no_data", "no_data_bg"), ("mark_met", "paper"), ("mark_at_risk", "paper"),
    ("mark_missed", "paper"), ("meta", "paper"), ("ink", "heading_bg"), ("ink", "section_bg"),
    ("muted", "key_bg"), ("met", "met_cell"), ("at_risk", "at_risk_cell"),
    ("missed", "missed_cell"), ("no_data_cell_text", "no_data_cell"),
)  # fmt: skip
"""Every pairing of a text colour with the background it is written on (a test holds each to
WCAG's 4.5:1)."""
