"""`nq94 targets`: the list of targets, and the explanation of one."""

from __future__ import annotations

from typing import TextIO

from nq94.i18n import pick, t
from nq94.model import Target, TargetsFile
from nq94.report.grid import SECTION, Cell, Column, Part, draw
from nq94.report.numbers import comparison, display, measured


def listing(targets: TargetsFile, out: TextIO, *, color: bool) -> None:
    """Every target: id, the resolution's words and the comparison, grouped by section."""
    resolution = targets.resolution
    rows: list[list[Cell] | None] = []
    section = None
    for target in targets.targets:
        if target.section != section:
            section = target.section
            rows += [SECTION, ["", [Part(pick(targets.sections[section]), "bold")], ""]]
        rows.append([target.id, target.words, measured(comparison(target), pick(target.unit))])
    columns = (
        Column(t("column.id")),
        Column(t("column.words"), wrap=True),
        Column(t("column.comparison")),
    )
    title = t("targets.title", number=resolution.number, year=resolution.year)
    draw(columns, rows, out, color=color, title=title)
    out.write(t("targets.count", count=len(targets.targets)) + "\n")


def explain(targets: TargetsFile, target: Target, out: TextIO, *, color: bool) -> None:
    """One target in full: section, words (as the resolution words it, in either language),
    names, unit, kind, comparison, margin, plausible range."""
    section = targets.sections[target.section]
    low, high = target.plausible
    unit = pick(target.unit)
    rows = [
        (t("column.id"), target.id),
        (t("column.section"), t("targets.section", section=pick(section), clause=target.clause)),
        (t("column.words"), f"“{target.words}”"),
        (t("column.name"), f"{target.name.vi} / {target.name.en}"),
        (t("column.unit"), f"{target.unit.vi} / {target.unit.en}"),
        (
            t("column.kind"),
            f"{t('kind.' + target.kind.value)}: {t('kind_help.' + target.kind.value)}",
        ),
        (t("column.comparison"), measured(comparison(target), unit)),
        (
            t("column.margin"),
            t("targets.margin", margin=display(target.at_risk_margin), unit=unit),
        ),
        (
            t("column.plausible"),
            t("targets.plausible", low=display(low), high=display(high), unit=unit),
        ),
    ]
    columns = (Column(style="bold"), Column(wrap=True))
    draw(columns, [list(row) for row in rows], out, color=color, header=False)
