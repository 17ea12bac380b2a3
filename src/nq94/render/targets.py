"""`nq94 targets`: the list of targets, and the explanation of one."""

from __future__ import annotations

import datetime
from typing import TextIO

from nq94.i18n import pick, t
from nq94.model import Target, TargetsFile
from nq94.render.numbers import comparison, display, requirement, section_name, words_of
from nq94.render.terminal import SECTION, Column, Layout, Part, Row, draw

WORDS_MIN_WIDTH = 30
"""The narrowest the resolution's words are folded to beside the ids; narrower terminals get
each id under its words."""


def listing(
    targets: TargetsFile,
    out: TextIO,
    *,
    color: bool,
    versions: bool = False,
    as_of: datetime.date | None = None,
) -> None:
    """Every target: id, the document's words and the comparison, grouped by section; then,
    with ``versions``, what each amendment changed.

    Where the three columns do not fit, each id goes under its words, as in the status table.
    """
    rows: list[Row] = []
    narrow: list[Row] = []
    section = None
    for target in targets.targets:
        if target.section != section:
            section = target.section
            heading = [Part(section_name(targets, section), "bold")]
            rows += [SECTION, ["", heading, ""]]
            narrow += [SECTION, [heading, ""]]
        wanted = requirement(target)
        rows.append([target.id, target.words, wanted])
        narrow.append([[Part(target.words), Part(f"\n{target.id}", "dim")], wanted])
    # a comparison wraps only after its figure: '≥ 123' stays on the first line of its cell
    figures = max(len(comparison(target)) for target in targets.targets)
    required = Column(t("column.comparison"), wraps=True, min_width=figures)
    ids = Column(t("column.id"))
    beside = Column(t("column.words", **words_of(targets)), words=True, min_width=WORDS_MIN_WIDTH)
    longest = max(len(target.id) for target in targets.targets)
    above = Column(t("column.words", **words_of(targets)), words=True, min_width=longest)
    layouts = [Layout((ids, beside, required), rows), Layout((above, required), narrow)]
    draw(
        layouts,
        out,
        color=color,
        title=t("targets.title", **words_of(targets)),
        after=[t("targets.count", count=len(targets.targets))],
    )


def explain(targets: TargetsFile, target: Target, out: TextIO, *, color: bool) -> None:
    """One target in full: section, words (as the resolution words it, in either language),
    names, unit, kind, comparison, margin, plausible range."""
    section = section_name(targets, target.section)
    low, high = target.plausible
    unit = pick(target.unit)
    rows = [
        (t("column.id"), target.id),
        (t("column.section"), t("targets.section", section=section, clause=target.clause)),
        (t("column.words", **words_of(targets)), f"“{target.words}”"),
        (t("column.name"), f"{target.name.vi} / {target.name.en}"),
        (t("column.unit"), f"{target.unit.vi} / {target.unit.en}"),
        (
            t("column.kind"),
            f"{t('kind.' + target.kind.value)}: {t('kind_help.' + target.kind.value)}",
        ),
        (t("column.comparison"), requirement(target)),
        (
            t("column.margin"),
            t("targets.margin", margin=display(target.at_risk_margin), unit=unit),
        ),
        (
            t("column.plausible"),
            t("targets.plausible", low=display(low), high=display(high), unit=unit),
        ),
    ]
    columns = (Column(style="bold"), Column(words=True, min_width=20))
    draw([Layout(columns, [list(row) for row in rows])], out, color=color, header=False)
