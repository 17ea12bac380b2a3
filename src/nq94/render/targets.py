"""`nq94 targets`: the list of targets, and the explanation of one."""

from __future__ import annotations

import datetime
import shlex
from typing import TextIO

from nq94.i18n import day, pick, t, tn
from nq94.model import Target, TargetsFile
from nq94.render.numbers import (
    comparison,
    display,
    document_line,
    requirement,
    section_name,
    words_of,
)
from nq94.render.terminal import SECTION, Cell, Column, Layout, Part, Row, draw

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
    after: list[Cell] = [document_line(targets)]
    if as_of is not None:
        after.append(in_force(targets, as_of))
    # how to explain one, with the file these targets come from where they are not built in
    origin = targets.origin
    key = "targets.count" if origin is None else "targets.count_file"
    after.append(tn(key, len(targets.targets), file=shlex.quote(origin or "")))
    if versions:
        after += amendment_lines(targets)
    draw(layouts, out, color=color, title=t("targets.title", **words_of(targets)), after=after)


def in_force(targets: TargetsFile, as_of: datetime.date) -> str:
    """Which version of the targets the listing shows: in force on ``as_of``."""
    amended = next((v for v in targets.versions if v.targets is targets and v.amendment), None)
    if amended is None or amended.amendment is None or amended.since is None:
        return t("targets.in_force", date=day(as_of))
    return t(
        "targets.in_force_amended",
        date=day(as_of),
        document=amended.amendment.document.name,
        since=day(amended.since),
    )


def amendment_lines(targets: TargetsFile) -> list[Cell]:
    """What each amendment changed, in the order they took effect: a line naming it, then a
    line per target it changed, added or removed."""
    lines: list[Cell] = []
    before = targets.versions[0].targets
    for version in targets.versions[1:]:
        amendment = version.amendment
        assert amendment is not None and version.since is not None
        lines.append(
            [
                Part(
                    t(
                        "targets.amendment",
                        since=day(version.since),
                        document=", ".join(
                            filter(None, (amendment.document.name, amendment.issuer))
                        ),
                    ),
                    "bold",
                )
            ]
        )
        after = version.targets
        for target in after.targets:
            was = before.target(target.id)
            now = requirement(target)
            if was is None:
                lines.append(t("targets.added", id=target.id, now=now))
            elif after.amended(target.id):
                same = requirement(was) == now
                key = "targets.reworded" if same else "targets.changed"
                lines.append(t(key, id=target.id, was=requirement(was), now=now))
        lines += [
            t("targets.removed", id=target.id)
            for target in before.targets
            if after.target(target.id) is None
        ]
        before = after
    return lines


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
