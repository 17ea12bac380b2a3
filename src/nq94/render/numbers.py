"""How numbers, comparisons and statuses are written for people, in the reader's language;
rounding is for display only."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from nq94.errors import named
from nq94.evaluate import AlsoResult, Evaluation, Obtained, Result, holds
from nq94.i18n import Lang, current, day, number, pick, t, tn
from nq94.model import Measure, Operator, PeriodKind, Stage, Status, Target, TargetsFile
from nq94.model import comparison as comparison  # written for people here, defined by the model
from nq94.model import measured as measured
from nq94.model import requirement as requirement
from nq94.render.periods import part_name, period_name, short_name


def words_of(targets: TargetsFile) -> dict[str, str | int]:
    """What messages about the document that set ``targets`` are filled with: its name
    ('Nghị quyết 58/NQ-HĐND'; in a sentence, 'resolution 58/NQ-HĐND' in English), its kind
    ('Kế hoạch'; 'plan' in a sentence) and the targets' year."""
    document = targets.document
    kind = pick(document.kind) if document.kind is not None else t("document.resolution")
    lower = kind[:1].lower() + kind[1:] if current() is Lang.EN else kind
    number = document.known_number or t("document.number_unknown")
    return {
        "document": document.name,
        "document_lower": t("document.name", kind=lower, number=number),
        "kind": kind,
        "kind_lower": lower,
        "year": targets.year,
    }


def document_line(targets: TargetsFile) -> str:
    """Who set the targets, and when: 'Adopted by Hội đồng nhân dân tỉnh Thái Nguyên on
    08/12/2023.'"""
    document = targets.document
    if document.adopted is None:
        return t("targets.issued", issuer=document.issuer)
    return t("targets.adopted", issuer=document.issuer, date=day(document.adopted))


def section_name(targets: TargetsFile, section: str) -> str:
    """A section's name in the reader's language; 'Targets' for a file without sections."""
    names = targets.sections.get(section)
    return pick(names) if names is not None else t("section.all")


def status_label(status: Status, stage: Stage = Stage.FINAL) -> str:
    """A status in the words of what the report can say: final 'met' and 'missed' (Đạt,
    Không đạt); of an estimate, 'likely met', 'likely missed' (Ước đạt, Ước không đạt); of a part
    of the year, 'on track', 'off track' (Có khả năng đạt, Khó đạt); 'at risk', 'no data' and
    'not assessed' at any stage."""
    if stage is not Stage.FINAL and status in (Status.MET, Status.MISSED):
        return t(f"status.{stage.value}.{status.value}")
    return t(f"status.{status.value}")


def said(result: Result | AlsoResult, stage: Stage | None = None) -> str:
    """A result's status in the words of its report's stage (an other document's verdict, in
    those of the result it belongs to, ``stage``)."""
    if isinstance(result, Result):
        stage = result.stage
    return status_label(result.status, stage or Stage.FINAL)


display = number
"""A number for people in the reader's language: 19,515.5 or 19.515,5 (see nq94.i18n.number)."""

MOST_PLACES = 28
"""Decimals a figure is never shown beyond: the precision of decimal arithmetic."""


def decisive(value: Decimal, bounds: Iterable[Decimal], *, places: int = 2) -> int:
    """The fewest decimals, from ``places``, at which ``value`` rounded stands on the same side
    of every bound as ``value`` itself: 7.499 against 7.5 needs 3, 7.4 needs 2 (7.40 → 7.4).

    Every figure shown for a result is rounded this way, so that it reads as its status says.
    """
    sides = [(bound, (value > bound) - (value < bound)) for bound in bounds]
    for decimals in range(places, MOST_PLACES):
        try:
            rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # more digits than decimal arithmetic holds
            return decimals
        if all((rounded > bound) - (rounded < bound) == side for bound, side in sides):
            return decimals
    return MOST_PLACES


def bounds(result: Result) -> list[Decimal]:
    """The figures a result's status turns on: the threshold (or the band's edges), and the
    edges of the at-risk margin around them."""
    target = result.target
    edges = list(target.band or (target.threshold,))
    if result.plan is not None:
        edges.append(result.plan.threshold)
    margin = result.margin or Decimal(0)
    return [edge + step for edge in edges for step in {-margin, Decimal(0), margin}]


def places(result: Result) -> int:
    """Decimals for a result's figure and gap: 2, or as many as its status needs."""
    if result.actual is None:
        return 2
    return decisive(result.actual, bounds(result))


def percent_places(percent: Decimal) -> int:
    """Decimals for a percent of target shown to people: 1, or as many as keep a missed target
    below 100 (99.99 %, never 100.0 %)."""
    return decisive(percent, (_HUNDRED,), places=1)


_HUNDRED = Decimal(100)


def actual_text(result: Result) -> str:
    """The figure compared with the threshold, with the decimals its status needs; '—' without."""
    return display(result.actual, places=places(result)) if result.actual is not None else "—"


def exact(value: Decimal) -> str:
    """A figure as given, every decimal kept (1.15 → 0.355, never 0.36)."""
    return display(value, places=given_places(value))


def given_places(value: Decimal) -> int:
    """The decimals a figure was given with (7.50 → 2)."""
    exponent = value.as_tuple().exponent
    return min(-exponent, MOST_PLACES) if isinstance(exponent, int) and exponent < 0 else 0


def shown_places(value: Decimal, places: int) -> int:
    """The decimals ``display(value, places=places)`` shows: trailing zeros are dropped."""
    try:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return 0
    return given_places(rounded.normalize()) if rounded else 0


def margin_text(target: Target) -> str:
    """A target's at-risk margin with its unit: '390.3 billion VND', '0.5%'."""
    return measured(display(target.at_risk_margin), pick(target.unit))


def gap_text(result: Result) -> str:
    """The gap with its sign, '+485' or '-1.6', with the decimals of the figure; empty without."""
    if result.gap is None:
        return ""
    return display(result.gap, places=places(result), sign=True)


def percent_text(result: Result) -> str:
    """How the figure stands against the target in the '% of target' column: '102.5%' for
    targets that ask for at least a figure (never 100.0% for one missed), the headroom for
    those that ask for less ('0.2 to spare'), the distance from the band for ranges."""
    target, actual, percent = result.target, result.actual, result.percent_of_target
    if actual is None:
        return ""
    if percent is not None:
        return f"{display(percent, places=percent_places(percent), fixed=True)}%"
    band = target.band
    if band is None and target.upward:  # a rate, growth, points, or "more than" met exactly
        return _standing_text(result)
    if band is None:  # below (or at most) the threshold: what is left before it
        headroom = target.threshold - actual
        if not headroom:
            return t("headroom.none")
        shown = display(abs(headroom), places=places(result))
        return t("headroom.left" if headroom > 0 else "headroom.over", value=shown)
    low, high = band
    outside = low - actual if actual < low else actual - high if actual > high else Decimal(0)
    beyond = _beyond_range(result)
    if beyond is not None:
        return beyond
    side = target.side  # a range a plan means one-sided: near the one edge that decides
    edge = abs(actual - side.edge) if side is not None else min(actual - low, high - actual)
    if not outside and result.margin and edge < result.margin:  # at risk: say how near
        key = (
            "band.near_edge" if side is None else f"band.near_{'low' if target.upward else 'high'}"
        )
        return t(key, value=display(edge, places=places(result)))
    if not outside:
        return t("band.inside")
    return t("band.outside", value=display(outside, places=places(result)))


def _standing_text(result: Result) -> str:
    """Where a figure of a target that asks for at least a figure stands, where a percent of the
    target means nothing: '0.4 points short', '1.2 points over', or at the requirement ('at
    the requirement; more than 135 needed' for a "more than" figure met exactly, which misses
    it)."""
    target, gap = result.target, result.gap
    if gap is None:
        return ""
    if not gap:
        side = target.side
        if side is not None and side.operator is Operator.GT:
            return t("standing.equal_more", value=display(side.edge))
        return t("standing.equal")
    value = display(abs(gap), places=places(result))
    if target.measure in (Measure.PERCENT, Measure.POINTS):
        value = t("standing.points", value=value)
    return t("standing.short" if gap < 0 else "standing.over", value=value)


def standing_note(result: Result) -> str:
    """Where a figure stands, as a note beside its gap where a percent of the target does not
    apply: the headroom under a ceiling, the distance from a range, a "more than" figure at
    its threshold; not the points above or below a floor, which the gap says."""
    target, side = result.target, result.target.side
    if target.band is None and target.upward:
        exactly = side is not None and side.operator is Operator.GT and result.gap == 0
        return percent_text(result) if exactly else ""
    return percent_text(result)


def at_risk_text(result: Result) -> str | None:
    """Why a figure is at risk, where the figure alone does not say: it meets the requirement,
    or falls short of it, by less than the margin ('meets it, but by less than the margin of
    0.5: not yet certain'); a count not reached while the year goes on. None for other statuses
    and for a two-sided range (its distance from the edge says it)."""
    if result.status is not Status.AT_RISK or result.actual is None or result.gap is None:
        return None
    side = result.target.side
    if side is None:
        return None
    margin = result.margin or Decimal(0)
    if abs(result.gap) >= margin:  # not within the margin: a count the year may still reach
        return t("at_risk.count")
    edge = result.actual - result.gap
    key = "at_risk.meets" if holds(side.operator, result.actual, edge) else "at_risk.short"
    return t(key, margin=display(margin))


def _beyond_range(result: Result) -> str | None:
    """For a range a plan means one-sided, a figure past its good end: 'above the planned
    range' (met), or 'below' it for a range meant as a ceiling."""
    target, actual = result.target, result.actual
    band, side = target.band, target.side
    if band is None or side is None or actual is None:
        return None
    if target.upward and actual > band[1]:
        return t("explain.above_range")
    if not target.upward and actual < band[0]:
        return t("explain.below_range")
    return None


def explain(result: Result) -> str:
    """Why a result has its status, in one line: '6.18 vs ≥ 7.5 %; gap -1.32; 82.4% of target';
    then, where they apply, the plan it was judged by, the stretch level, what the rest of the
    year needs, other documents' requirements and the amendment that set it."""
    target = result.target
    required = requirement(target)
    if result.status is Status.NOT_ASSESSED:
        return "; ".join([not_assessed_text(result), *context_notes(result)])
    if result.actual is None:
        return "; ".join([t("explain.no_figure", required=required), *context_notes(result)])
    if result.plan is not None:
        parts = [
            t("explain.versus", actual=actual_text(result), required=judged_by(result, unit=True)),
            t("explain.year", required=required),
        ]
    else:
        parts = [t("explain.versus", actual=actual_text(result), required=required)]
    if note := reading(result):
        parts.append(note)
    if note := obtained_text(result):
        parts.append(note)
    if result.gap is not None:
        parts.append(t("explain.gap", gap=gap_text(result)))
    if result.percent_of_target is not None:
        parts.append(t("explain.percent", percent=percent_text(result)))
    elif standing := standing_note(result):
        parts.append(standing)
    if result.margin:
        parts.append(t("explain.margin", margin=display(result.margin)))
        if target.ceiling and result.actual >= target.threshold:
            parts.append(t("explain.ceiling"))
    if why := at_risk_text(result):
        parts.append(why)
    return "; ".join([*parts, *context_notes(result)])


def notes(result: Result) -> list[str]:
    """What a row says under a target's words, beside its figures: how the figure was read,
    derived or projected, where it stands when there is no percent of target, the plan that
    judged it, and what context_notes adds; a figure not assessed says so."""
    if result.status is Status.NOT_ASSESSED:
        return [not_assessed_text(result), *context_notes(result)]
    said: list[str | None] = [reading(result), obtained_text(result)]
    if result.actual is not None and result.percent_of_target is None:
        said.append(standing_note(result))
    said.append(at_risk_text(result))
    return [text for text in said if text] + context_notes(result)


def context_notes(result: Result) -> list[str]:
    """What a result says beyond its own comparison: the plan that judged it, the stretch level,
    the growth the rest of the year needs, each other document's requirement, and the
    amendment that set it."""
    planned = None
    if result.plan is not None:
        period = _lower(part_name(result.plan.period))
        planned = t("explain.plan", period=period, plan=plan_text(result))
    parts = [text for text in (planned, stretch_text(result), needed_text(result)) if text]
    parts += [also_text(result, each) for each in result.also]
    if text := amended_text(result):
        parts.append(text)
    return parts


def comparison_of(target: Target, threshold: Decimal) -> str:
    """What ``target`` would require were its threshold ``threshold`` (a plan for a period)."""
    side = target.side
    symbol = {Operator.GE: "≥", Operator.GT: ">", Operator.LE: "≤", Operator.LT: "<"}
    sign = symbol[side.operator] if side is not None else "≥"
    return f"{sign} {display(threshold, places=decisive(threshold, (), places=2))}"


def judged_by(result: Result, *, unit: bool = False) -> str:
    """What a result was judged against: the plan for its period where a quarterly path gave
    one ('≥ 9.05'), else the target's requirement ('≥ 11'); with the unit when ``unit``. The
    gap is measured from it, so that the figures of a row agree."""
    target = result.target
    if result.plan is None:
        return requirement(target) if unit else comparison(target)
    said = comparison_of(target, result.plan.threshold)
    return measured(said, pick(target.unit)) if unit else said


def plan_text(result: Result) -> str:
    """The plan a result was judged by, with its unit: '10.25%'; empty without one."""
    figure = plan_figure(result)
    return measured(figure, pick(result.target.unit)) if figure else ""


def plan_figure(result: Result) -> str:
    """The plan a result was judged by, without its unit: '10.25'; empty without one."""
    if result.plan is None:
        return ""
    threshold = result.plan.threshold
    return display(threshold, places=decisive(threshold, (), places=2))


def not_assessed_text(result: Result) -> str:
    """A flow's or a count's figure in a report of a part of the year alone: given, and not
    assessed ('not assessed from a quarter alone')."""
    alone = result.alone or PeriodKind.QUARTER
    return t("explain.not_assessed", part=t(f"alone.{alone.value}"))


def stretch_text(result: Result) -> str | None:
    """'stretch level 7–7.5%: reached', or not reached; None without a stretch level or a
    figure."""
    target = result.target
    if target.stretch is None or result.stretch is None:
        return None
    stretch = target.stretch
    said = (
        t("comparison.between", low=display(stretch[0]), high=display(stretch[1]))
        if isinstance(stretch, tuple)
        else display(stretch)
    )
    key = "explain.stretch_reached" if result.stretch else "explain.stretch_not_reached"
    return t(key, level=measured(said, pick(target.unit)))


def needed_text(result: Result) -> str | None:
    """'the rest of the year needs growth of 14.4%'; None where it does not apply."""
    if result.needed is None:
        return None
    needed = measured(display(result.needed, places=2), pick(result.target.unit))
    key = "explain.needed_at_least" if result.target.upward else "explain.needed_below"
    return t(key, needed=needed)


def also_text(result: Result, also: AlsoResult) -> str:
    """Another document's requirement on the figure and its verdict: 'Chính phủ giao
    (25/NQ-CP) ≥ 8,5%: Đạt'."""
    other = also.requirement
    return t(
        "explain.also",
        by=pick(other.by),
        document=other.document,
        required=requirement(result.target, other),
        status=first_upper(said(also, result.stage)),
    )


def amended_text(result: Result) -> str | None:
    """'amended by Nghị quyết 457/NQ-HĐND from 20/02/2025, was ≥ 5.5%', or 'added by …'."""
    amended = result.amended
    if amended is None:
        return None
    document = amended.amendment.document.name
    since = day(amended.since)
    if amended.was is None:
        return t("explain.added", document=document, since=since)
    was = requirement(result.target, amended.was)
    return t("explain.amended", document=document, since=since, was=was)


def obtained_text(result: Result) -> str | None:
    """How a figure came about when not as reported: projected to the year end, or derived."""
    if result.obtained is Obtained.PROJECTED and result.value is not None:
        projected = t("note.projected", value=exact(result.value))
        if result.capped:
            high = result.target.plausible[1]
            projected += t("note.capped", high=display(high, places=places(result)))
        return projected
    if result.obtained is Obtained.DERIVED and result.entry is not None:
        baseline, current = result.entry.baseline, result.entry.current
        if baseline is not None and current is not None:
            key = "note.growth" if result.target.kind.value == "growth" else "note.change"
            return t(key, baseline=exact(baseline), current=exact(current))
    return None


def inputs_text(result: Result) -> str | None:
    """The figures a derived figure comes from, to stand beside it: '(27.1 → 27.6)'; None for a
    figure given as it is."""
    entry = result.entry
    if result.obtained is not Obtained.DERIVED or entry is None:
        return None
    if entry.baseline is None or entry.current is None:
        return None
    return f"({exact(entry.baseline)} → {exact(entry.current)})"


def summary_line(evaluation: Evaluation) -> str:
    """'30 targets: 18 met, 5 at risk, 4 missed, 3 no data', in the words of the report's stage
    ('9 tháng 2026: … 3 có khả năng đạt, …'), and how many are not assessed, where a report of
    part of the year alone leaves some so; then '; 1 warning' where the report's figures gave
    warnings."""
    stage = evaluation.report.stage
    parts = ", ".join(counted(status, count, stage) for status, count in counts(evaluation))
    line = tn("summary", sum(evaluation.summary.values()), parts=parts)
    if not (warnings := len(evaluation.warnings)):
        return line
    return t("summary.warned", summary=line, warnings=tn("warnings", warnings))


def counts(evaluation: Evaluation) -> list[tuple[Status, int]]:
    """How many targets have each status, as people read them: official figures for the whole
    year are never at risk, so they are not counted as '0 at risk'."""
    final = evaluation.report.stage is Stage.FINAL
    return [
        (status, count)
        for status, count in evaluation.summary.items()
        if count or not (final and status is Status.AT_RISK)
    ]


def counted(status: Status, count: int, stage: Stage) -> str:
    """How many targets have a status, as a summary says it: '3 có khả năng đạt'."""
    return f"{count} {_lower(status_label(status, stage))}"


def _lower(label: str) -> str:
    """A status or a name as a sentence says it: 'có nguy cơ không đạt', not 'Có nguy cơ
    không đạt'; an abbreviation as it is written ('Q1', 'H2', not 'q1')."""
    if label[1:2].isupper() or label[1:2].isdigit():
        return label
    return label[:1].lower() + label[1:]


def first_upper(text: str) -> str:
    """Text as a heading or a list starts it: 'Cả năm 2026', 'Met'."""
    return text[:1].upper() + text[1:]


def reading(result: Result) -> str | None:
    """How a figure written as text was read: "read '7,5' as 7.5"; None for plain numbers."""
    written = result.written
    if isinstance(written, dict):
        written = written.get("value")
    if isinstance(written, str) and result.value is not None:
        # as the reader writes numbers, but never the text again: '14.250' read as fourteen
        # thousand is said 14250, for 14.250 would leave the reader where the file did
        value = number(result.value, places=20)
        if value == written.strip():
            value = number(result.value, places=20, grouped=False)
            if value == written.strip():  # '7,5' read as 7,5: nothing to explain
                return None
        return t("note.read", written=written.strip(), value=value)
    return None


# --- reviews across reports ----------------------------------------------------------------------


def figure_text(result: Result) -> str:
    """A result's figure for the period, or '—' without one: the figure compared, with the
    decimals its status needs, unless it was projected (then the period's own figure)."""
    if result.value is None:
        return "—"
    if result.obtained is Obtained.PROJECTED:
        return display(result.value)
    return actual_text(result)


def period_heading(evaluation: Evaluation) -> str:
    """A report's column in a review: its period and basis, '9 tháng 2026 (chính thức)',
    '2026 (estimate)'."""
    report = evaluation.report
    return f"{short_name(report.period)} ({t('basis.' + report.basis.value)})"


def period_words(evaluation: Evaluation) -> str:
    """A report's period and basis in a sentence: 'cả năm 2026 (chính thức)', 'first nine
    months of 2026 (official)'."""
    report = evaluation.report
    return f"{period_name(report.period)} ({t('basis.' + report.basis.value)})"


def side(evaluation: Evaluation) -> str:
    """A report named for a comparison: 'r.yaml (first nine months of 2026, official)'."""
    report = evaluation.report
    period, basis = period_name(report.period), t("basis." + report.basis.value)
    return f"{named(evaluation.file)} ({period}, {basis})"
