"""A blank report with every target, each with its name, unit and threshold, ready to fill in."""

from __future__ import annotations

from nq94.i18n import pick, t
from nq94.model import DERIVABLE, Basis, Period, TargetsFile
from nq94.render.numbers import comparison, section_name, words_of


def template(
    targets: TargetsFile, *, period: Period, basis: Basis, targets_file: str | None = None
) -> str:
    """The text of a blank report for ``period`` on ``basis``, naming ``targets_file`` (relative
    to the report) on its ``targets:`` line when given."""
    header = t("template.header", **words_of(targets))
    lines = [
        *(f"# {line}" for line in header.split("\n")),
        f'period: "{period}"',
        f"basis: {basis.value}",
        *([f"targets: {_quoted(targets_file)}"] if targets_file is not None else []),
        f'# source: "{t("template.source")}"',
        "values:",
    ]
    section = None
    for target in targets.targets:
        if target.section != section:
            section = target.section
            lines.append(f"  # --- {section_name(targets, section)}")
        derivable = t("template.derivable") if target.kind in DERIVABLE else ""
        lines.append(
            f"  # {pick(target.name)} · {pick(target.unit)} · {comparison(target)}{derivable}"
        )
        lines.append(f'  #   "{target.words}"')
        lines.append(f"  {target.id}:")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A path as YAML reads it back as written."""
    import json

    return json.dumps(text, ensure_ascii=False)
