"""A blank report with every target, each with its name, unit and threshold, ready to fill in."""

from __future__ import annotations

from nq94.i18n import pick, t
from nq94.model import DERIVABLE, Basis, Period, TargetsFile
from nq94.render.numbers import comparison


def template(targets: TargetsFile, *, period: Period, basis: Basis) -> str:
    """The text of a blank report for ``period`` on ``basis``."""
    resolution = targets.document
    lines = [
        *(
            f"# {line}"
            for line in t("template.header", year=resolution.year, number=resolution.number).split(
                "\n"
            )
        ),
        f'period: "{period}"',
        f"basis: {basis.value}",
        f'# source: "{t("template.source")}"',
        "values:",
    ]
    section = None
    for target in targets.targets:
        if target.section != section:
            section = target.section
            lines.append(f"  # --- {pick(targets.sections[section])}")
        derivable = t("template.derivable") if target.kind in DERIVABLE else ""
        lines.append(
            f"  # {pick(target.name)} · {pick(target.unit)} · {comparison(target)}{derivable}"
        )
        lines.append(f'  #   "{target.words}"')
        lines.append(f"  {target.id}:")
    return "\n".join(lines) + "\n"
