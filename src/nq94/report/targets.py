"""`nq94 targets`: the list of targets, and the explanation of one."""

from __future__ import annotations

from typing import TextIO

from nq94.model import Target, TargetsFile
from nq94.report.grid import SECTION, Cell, Column, Part, draw
from nq94.report.numbers import comparison, display


def listing(targets: TargetsFile, out: TextIO, *, color: bool) -> None:
    """Every target: id, the resolution's words and the comparison, grouped by section."""
    resolution = targets.resolution
    rows: list[list[Cell] | None] = []
    section = None
    for target in targets.targets:
        if target.section != section:
            section = target.section
            names = targets.sections[section]
            rows += [SECTION, ["", [Part(f"{names.vi} ({names.en})", "bold")], ""]]
        rows.append([target.id, target.words, f"{comparison(target)} {target.unit.en}"])
    columns = (Column("Id"), Column("The resolution's words", wrap=True), Column("Comparison"))
    title = f"Resolution {resolution.number}: targets for {resolution.year}"
    draw(columns, rows, out, color=color, title=title)
    out.write(f"{len(targets.targets)} targets. `nq94 targets ID` explains one.\n")


def explain(targets: TargetsFile, target: Target, out: TextIO, *, color: bool) -> None:
    """One target in full: section, words, unit, kind, comparison, margin, plausible range."""
    section = targets.sections[target.section]
    low, high = target.plausible
    rows = [
        ("Id", target.id),
        ("Section", f"{section.vi} ({section.en}), clause {target.clause}"),
        ("The resolution's words", f"“{target.words}”"),
        ("Name", f"{target.name.vi} / {target.name.en}"),
        ("Unit", f"{target.unit.vi} / {target.unit.en}"),
        ("Kind", f"{target.kind.value}: {_KIND_HELP[target.kind.value]}"),
        ("Comparison", f"{comparison(target)} {target.unit.en}"),
        (
            "At-risk margin",
            f"± {display(target.at_risk_margin)} {target.unit.en} "
            "(estimates and partial periods; official full-year figures are compared strictly)",
        ),
        (
            "Plausible range",
            f"{display(low)} to {display(high)} {target.unit.en} "
            "(a value outside it is an input error)",
        ),
    ]
    columns = (Column(style="bold"), Column(wrap=True))
    draw(columns, [list(row) for row in rows], out, color=color, header=False)


_KIND_HELP = {
    "growth": "a growth rate in %; may be given as {baseline, current}, derived as "
    "(current / baseline - 1) * 100",
    "share": "a share of a whole, in %",
    "rate": "a rate, compared as it stands in any period",
    "level": "a level, compared as it stands in any period",
    "flow": "accumulated over the year; a partial period is projected linearly to year end",
    "count": "a count; before the year ends, a count not yet reached is at risk, not missed",
    "change": "a change in percentage points; may be given as {baseline, current}, derived as "
    "baseline - current",
}
