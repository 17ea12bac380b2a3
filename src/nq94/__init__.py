"""nq94: are the 2024 targets of Resolution 94/NQ-HĐND (Thái Nguyên) met, missed or at risk?

The Python API: ``nq94.Report.model_validate(data)`` validates a report (plain data, as
``yaml.safe_load`` gives it) against the built-in targets, and raises ``pydantic.ValidationError``
naming each problem's path; ``nq94.report_model(path)`` is the model for another targets file;
``nq94.check(report)`` evaluates a validated report. The models are imported on first use, so
that the command line starts without them when it does not need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nq94.model import Report

__version__ = "0.1.0"
__all__ = ["Report", "check", "main", "report_model"]


def main() -> None:
    """The `nq94` command: the command line, imported with the cyclic garbage collector paused.

    Importing typer, PyYAML and nq94 creates hundreds of thousands of objects, and the collector
    would scan them again and again while they are made, though none is garbage (about 35 ms
    of each run). They are made with it paused, then frozen (gc.freeze) so that later
    collections, and worker processes forked from this one, leave them alone.
    """
    import gc

    gc.disable()
    try:
        from nq94.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()


def check(report: Report, *, file: str = "") -> dict[str, Any]:
    """The evaluation of a validated report, as the JSON contract's report object: ``file``,
    ``period``, ``basis``, ``summary`` and ``results`` (numbers as exact Decimals).

    The report is evaluated against the targets file its model was built from.
    """
    from nq94.evaluate import evaluate
    from nq94.report.data import report_data

    targets = type(report).targets
    if targets is None:
        raise TypeError("validate the report with nq94.Report or report_model(targets) first")
    return report_data(evaluate(targets, report, file=file))


def report_model(targets: str | None = None) -> type[Report]:
    """The model of a report on the targets file at ``targets`` (None: the built-in one).

    Its messages are in the language the environment asks for (NQ94_LANG, else the locale),
    as the command line's are.
    """
    import os

    from nq94.i18n import detect, use
    from nq94.loading import load_targets

    use(detect([], os.environ))
    return load_targets(targets).report_model


def __getattr__(name: str) -> Any:
    """``nq94.Report``: the model of a report on the built-in targets, built on first use."""
    if name == "Report":
        return report_model()
    if name in ("TargetsFile", "Target", "Entry", "GrowthEntry", "ValueEntry"):
        from nq94 import model

        return getattr(model, name)
    raise AttributeError(f"module 'nq94' has no attribute {name!r}")
