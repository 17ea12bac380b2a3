"""`nq94 init`: a targets file to fill in, with one example of each way a document words a
target, commented in the reader's language (starters/en.yaml, starters/vi.yaml)."""

from __future__ import annotations

from pathlib import Path
from string import Template

from nq94.i18n import current

STARTERS = Path(__file__).with_name("starters")


def starter(year: int) -> str:
    """The starter for ``year`` in the language spoken now."""
    text = (STARTERS / f"{current().value}.yaml").read_text(encoding="utf-8")
    return Template(text).substitute(year=year, previous=year - 1)
