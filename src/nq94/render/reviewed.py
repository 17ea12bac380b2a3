"""How a year's course and a comparison of two reports are written for people (`trend`, `diff`
and their pages): sparklines, directions, paces, changes of status, in the reader's language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from nq94.evaluate import Result
from nq94.i18n import day, pick, t, tn
from nq94.model import Measure, Target, requirement
from nq94.render.numbers import display, period_heading, places, said
from nq94.render.periods import part_name, short_name

if TYPE_CHECKING:  # for annotations only: the review module loads with trend and diff
    from nq94.review import Change, Comparison, Course, Difference


_BARS = "▁▂▃▄▅▆▇█"


_ARROW = {1: "↗", -1: "↘", 0: "→"}


def change_label(change: Change) -> str:
    """'worsened', 'removed', 'changed', 'added', 'improved'."""
    return t(f"change.{change.value}")


def change_words(difference: Difference) -> str:
    """How a target changed, and whether its requirement did (an amendment took effect between
    the two reports): 'worse · target amended: ≥ 6.5% → ≥ 8%'."""
    said = change_label(difference.change)
    if difference.target_changed:
        was, now = requirement(difference.old.target), requirement(difference.new.target)
        said += " · " + t("change.target", was=was, now=now)
    return said


def sparkline(figures: Sequence[Decimal | None]) -> str:
    """A bar per figure, scaled from the lowest to the highest; '·' where there is none."""
    known = [figure for figure in figures if figure is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    top = len(_BARS) - 1
    return "".join(
        "·"
        if figure is None
        else _BARS[int((figure - low) / (high - low) * top) if high > low else top // 2]
        for figure in figures
    )


def per_month(target: Target) -> str:
    """The unit of a monthly pace: 'billion VND a month', 'percentage points a month'."""
    unit = t("unit.points") if target.measure is Measure.PERCENT else pick(target.unit)
    return t("pace.per_month", unit=unit)


def pace_text(course: Course) -> str:
    """'needs 1,505 billion VND a month, averaging 1,666.67 billion VND a month so far'; empty
    without a pace.

    Worked out at an earlier report when a later one covers the whole year:
    'at 9 months 2026: needed 1,505 billion VND a month, averaging 1,666.67 billion VND a month'.
    """
    pace = course.pace
    if pace is None:
        return ""
    unit = per_month(course.target)
    values = {"needed": display(pace.needed), "so_far": display(pace.so_far), "unit": unit}
    period = short_name(pace.period)
    if not pace.needed:
        reached = t("pace.reached", **values)
        return reached if pace.latest else t("pace.at", period=period, text=reached)
    if pace.latest:
        return t("pace.needs", **values)
    return t("pace.at", period=period, text=t("pace.needed", **values))


def direction_text(course: Course) -> str:
    """How the figures moved from the first of the year to the latest, against the target:
    '↗ better', '↘ worse', '→ steady'."""
    if course.direction is None:
        return ""
    figures = [result.actual for result in course.results if result.actual is not None]
    moved = (figures[-1] > figures[0]) - (figures[-1] < figures[0])
    direction = course.direction.value
    if direction == "steady":
        moved = 0
    return f"{_ARROW[moved]} {t('direction.' + direction)}"


def status_changes(course: Course) -> tuple[Result, ...]:
    """The result at each change of a target's status over the year, its latest of each run
    (on track, at risk, missed); none if the status never changed."""
    from nq94.review import changes

    changed = changes(course)
    return changed if len(changed) > 1 else ()


def course_words(course: Course) -> str:
    """The direction, and how the status changed on the way: '↘ worse: met → missed'."""
    direction, changed = direction_text(course), status_changes(course)
    if not direction or not changed:
        return direction
    return t("direction.changed", direction=direction, changes=" → ".join(map(said, changed)))


def course_text(course: Course, *, changes: bool = True) -> str:
    """A sparkline of the figures, then the course: '▁▃█ ↗ better: at risk → met'; without
    ``changes``, the direction alone ('▁▃█ ↗ better'), for a table that shows the statuses."""
    spark = sparkline([result.actual for result in course.results])
    words = course_words(course) if changes else direction_text(course)
    return f"{spark} {words}".strip()


def year_end_text(course: Course) -> str:
    """A flow's year-end figure (projected before the year end), with the decimals its status
    needs (19,124.70004 at risk is never '19,124.7', a margin's width from the threshold, which
    is off track); empty for other kinds."""
    if course.projection is None:
        return ""
    return display(course.projection, places=places(course.results[-1]))


def status_change_text(difference: Difference) -> str:
    """'on track → at risk', 'likely met → met', or the one status when its words did not
    change."""
    old, new = said(difference.old), said(difference.new)
    return new if old == new else f"{old} → {new}"


def difference_text(difference: Difference) -> str:
    """The change of a figure between two reports, with the decimals the two figures are shown
    with (7.5 → 7.499 is -0.001, not 0); empty unless both reports have one."""
    if difference.difference is None:
        return ""
    decimals = max(places(difference.old), places(difference.new))
    return display(difference.difference, places=decimals, sign=True)


def diff_summary(comparison: Comparison) -> str:
    """'3 targets differ: 2 with new figures but the same status, 1 better; no status got
    worse', what a gate on regressions goes by last. Statuses that got worse are said by the
    verdict, not twice; figures that settled say how many ended worse than the estimate said,
    and the verdict says how many the estimate said were met (the regressions of settling)."""
    differences = comparison.differences
    from nq94.review import Change

    if not differences:
        return t("diff.none")
    counts = Counter(d.change for d in differences)
    order = (Change.IMPROVED, Change.CHANGED, Change.ADDED, Change.REMOVED)
    said = [tn(f"diff.part.{c.value}", counts[c]) for c in order if counts[c]]
    if counts[Change.SETTLED]:
        settled = tn("diff.part.settled", counts[Change.SETTLED])
        if worse := sum(d.worse for d in differences if d.change is Change.SETTLED):
            settled += ", " + tn("diff.part.settled_worse", worse)
        said.append(settled)
    regressed = sum(d.regressed for d in differences)
    gate = "diff.settled_worse" if comparison.settling else "diff.worse"
    verdict = tn(gate, regressed) if regressed else t(gate.replace("worse", "no_worse"))
    if not said:
        return tn("diff.only", len(differences), verdict=verdict)
    return tn("diff.changed", len(differences), parts=", ".join(said), verdict=verdict)


def apart(comparison: Comparison) -> tuple[list[Difference], list[Difference]]:
    """A comparison's differences: those of figures and statuses, and, listed apart, those that
    settled from an estimate to the official figures of its period."""
    from nq94.review import Change

    settled = [d for d in comparison.differences if d.change is Change.SETTLED]
    return [d for d in comparison.differences if d.change is not Change.SETTLED], settled


class Sides(NamedTuple):
    """How a diff names its two reports, in the language spoken now: in the table of a
    target's figures, and under the columns of its chart (two lines each)."""

    headings: tuple[str, str]
    columns: tuple[tuple[str, str], tuple[str, str]] | None
    """None: as a chart names reports, by the part of the year and the basis."""


def sides(compared: Comparison) -> Sides:
    """The two reports by their periods and bases or, when these are the same (a report and
    its correction), also as before and after."""
    old, new = compared.old, compared.new
    headings = (period_heading(old), period_heading(new))
    if (old.report.period, old.report.basis) != (new.report.period, new.report.basis):
        return Sides(headings, None)
    part = part_name(old.report.period)
    before, after = t("column.before"), t("column.after")
    return Sides(
        (f"{headings[0]}: {before}", f"{headings[1]}: {after}"), ((part, before), (part, after))
    )


def step_caption(course: Course) -> str:
    """What a chart's caption adds where an amendment changed the target during the year:
    '; from 25/02/2025, Nghị quyết (số hiệu chưa rõ): ≥ 8% (was ≥ 6.5%)'; empty otherwise."""
    said = []
    for before, after in zip(course.results, course.results[1:], strict=False):
        amended = after.amended
        if before.target.asks == after.target.asks or amended is None:
            continue
        said.append(
            t(
                "site.chart_amended",
                since=day(amended.since),
                document=amended.amendment.document.name,
                now=requirement(after.target),
                was=requirement(before.target),
            )
        )
    return "".join(said)
