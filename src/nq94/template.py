"""A blank report with every target, each with its name, unit and threshold, ready to fill in."""

from __future__ import annotations

from nq94.model import DERIVABLE, Basis, Period, TargetsFile
from nq94.report.numbers import comparison


def template(targets: TargetsFile, *, period: Period, basis: Basis) -> str:
    """The text of a blank report for ``period`` on ``basis``."""
    resolution = targets.resolution
    lines = [
        f"# Report on the {resolution.year} targets of resolution {resolution.number}.",
        "# Fill in the figures you have and delete the lines you have none for: an empty value",
        "# is an error, a deleted line shows as 'no data'. A value is a number (7.5 or \"7,5\"),",
        '# or {value: 7.5, source: "...", note: "..."}; growth and change targets may instead',
        "# give {baseline: ..., current: ...}. Check the file with: nq94 validate FILE",
        f'period: "{period}"',
        f"basis: {basis.value}",
        '# source: "Báo cáo số .../BC-UBND ngày ..."',
        "values:",
    ]
    section = None
    for target in targets.targets:
        if target.section != section:
            section = target.section
            names = targets.sections[section]
            lines.append(f"  # --- {names.vi} ({names.en})")
        derivable = " · or {baseline, current}" if target.kind in DERIVABLE else ""
        lines.append(f"  # {target.name.vi} · {target.unit.vi} · {comparison(target)}{derivable}")
        lines.append(f'  #   "{target.words}"')
        lines.append(f"  {target.id}:")
    return "\n".join(lines) + "\n"
