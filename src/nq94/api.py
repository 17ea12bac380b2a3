"""The Python API: the models a report is validated with, whose errors say what the command
line says, and the evaluation of a report as the JSON contract gives it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import ValidationError

from nq94.model import Report


def report_model(targets: str | None = None) -> type[Report]:
    """The model of a report on the targets file at ``targets`` (None: the built-in one).

    Its messages are in the language the environment asks for (NQ94_LANG, else the locale),
    as the command line's are: pydantic's own ('Extra inputs are not permitted') said again as
    nq94 says them ('unknown target id; did you mean …?').
    """
    from nq94.i18n import detect, use
    from nq94.model import report_model as model_of
    from nq94.read.loading import load_targets

    use(detect([], os.environ))
    return _said(model_of(load_targets(targets)))


@cache
def _said(model: type[Report]) -> type[Report]:
    """``model`` whose validation errors are said as the command line says them: one class per
    model (each targets file's, in each language, is built once), so that a report validated by
    ``nq94.Report`` is an instance of ``nq94.Report`` whenever it is asked for."""
    from nq94.read.loading import in_words

    def model_validate(cls: type[Report], /, obj: Any, **options: Any) -> Report:
        try:
            return super(said, cls).model_validate(obj, **options)
        except ValidationError as error:
            raise in_words(model, error, obj) from None

    # named as the model is from the start: pydantic names its errors and schema so
    said: type[Report] = type(
        model.__name__,
        (model,),
        {"__doc__": model.__doc__, "model_validate": classmethod(model_validate)},
    )
    return said


def check(report: Report | Mapping[str, Any], *, file: str = "") -> dict[str, Any]:
    """The evaluation of a report, as the JSON contract's report object: ``file``, ``period``,
    ``basis``, ``summary`` and ``results`` (numbers as exact Decimals).

    A validated report is evaluated against the targets file its model was built from; plain
    data (as ``yaml.safe_load`` gives it) is validated first, on the built-in targets.
    """
    from nq94.evaluate import evaluate
    from nq94.render.data import report_data

    if isinstance(report, Mapping):
        report = report_model().model_validate(report)
    targets = getattr(type(report), "targets", None)
    if not isinstance(report, Report) or targets is None:
        raise TypeError(
            "nq94.check takes a report's data, or a report validated by nq94.Report or "
            f"nq94.report_model(targets); got {type(report).__name__}"
        )
    return report_data(evaluate(targets, report, file=file))
