"""`nq94 export REPORT -o FILE.html`: a self-contained page of one report, printable on A4.

The page is templates/export.html, on the shell every page shares; everything taken from the
report is escaped (nq94.render.templating).
"""

from __future__ import annotations

from decimal import Decimal

from nq94.evaluate import Evaluation, Result
from nq94.i18n import t
from nq94.render.numbers import display, period_words, words_of
from nq94.render.templating import write

COLUMNS = ("target", "actual", "required", "gap", "percent", "status")


def render(evaluation: Evaluation) -> str:
    """The whole page."""
    targets = evaluation.targets
    document = targets.document
    return write(
        "export.html",
        doc=words_of(targets),
        title=f"{document.name}: {period_words(evaluation)}",
        evaluation=evaluation,
        report=evaluation.report,
        document=document,
        sections=targets.sections,
        labels={column: t("column." + column, **words_of(targets)) for column in COLUMNS},
        bar_width=bar_width,
    )


def bar_width(result: Result) -> str:
    """How much of its bar a target's percent of its target fills (0 to 100)."""
    assert result.percent_of_target is not None
    return display(max(Decimal(0), min(Decimal(100), result.percent_of_target)), places=0)
