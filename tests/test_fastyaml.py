"""The fast path for large files gives exactly the PyYAML path's data, or gives up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq94 import fastyaml
from nq94.errors import InputError
from nq94.loading import load_targets, loaded_from
from nq94.yamldoc import FAST_FROM, MAX_DEPTH, YamlDate, parse, scalar

from .conftest import ROOT, SAMPLES

SCALARS = [
    "7.5", "7.50", "-0.8", "19515", "02", "08", "1_000", "1e3", "0x1A", "yes", "No", "true",
    "TRUE", "null", "~", "", ".nan", "-.inf", "2024-01-01", "2024-9M", "bảy", "7,5", "1:30",
    "a b", "=1+1", "'7.5'", '"7.5"', '"yes"', "'08'", '"2024-01-01"', '"~"', "'it''s'",
    '"tab\\tx"', "+5", ".5",
]  # fmt: skip


def same(fast: Any, slow: Any) -> bool:
    """Equal values of the same types, all the way down."""
    if type(fast) is not type(slow):
        return False
    if isinstance(fast, dict):
        return list(fast) == list(slow) and all(same(fast[k], slow[k]) for k in fast)
    if isinstance(fast, list):
        return len(fast) == len(slow) and all(map(same, fast, slow))
    if isinstance(fast, Decimal) and not fast.is_finite():
        return str(fast) == str(slow)
    return bool(fast == slow)


def agree(text: str) -> bool:
    """True when the fast path gave up; else whether it matches the PyYAML path."""
    fast = fastyaml.load(text, scalar, MAX_DEPTH)
    if fast is None:
        return True
    try:
        slow = parse("x.yaml", text, fast_from=None)
    except Exception:  # the fast path must not accept what PyYAML refuses
        return False
    return not slow.problems and same(fast, slow.data)


@pytest.mark.parametrize(
    "path",
    [*sorted(SAMPLES.glob("*.yaml")), *sorted((ROOT / "tests/example-files").glob("*/*.yaml")),
     ROOT / "src/nq94/targets.yaml"],
    ids=lambda p: p.name,
)  # fmt: skip
def test_files_agree(path: Path) -> None:
    """Every sample, corpus file and the targets file read the same on both paths."""
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    assert agree(text)


def test_plain_files_take_the_fast_path() -> None:
    """The samples are not refused by the fast path, so it is really exercised."""
    for path in SAMPLES.glob("*.yaml"):
        fast = fastyaml.load(path.read_text(encoding="utf-8"), scalar, MAX_DEPTH)
        assert fast is not None, path
        assert "values" in fast


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z_]{1,8}", fullmatch=True),
        st.one_of(
            st.sampled_from(SCALARS),
            st.lists(st.sampled_from(SCALARS), max_size=3).map(lambda xs: f"[{', '.join(xs)}]"),
            st.dictionaries(
                st.sampled_from(["value", "note", "x"]), st.sampled_from(SCALARS), max_size=3
            ).map(lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_generated_documents_agree(document: dict[str, str]) -> None:
    """Plain, quoted, flow and nested scalars read alike, or the fast path gives up."""
    text = "\n".join(f"{key}: {value}" for key, value in document.items()) + "\n"
    assert agree(text), text


def test_large_targets_files_go_fast_and_problems_are_located_as_before(tmp_path: Path) -> None:
    """A large targets file reads through the fast path; a problem in it is located by PyYAML."""
    text = (ROOT / "src/nq94/targets.yaml").read_text(encoding="utf-8")
    plain = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    padding = ["# " + "x" * 100] * (FAST_FROM // 100 + 1)
    big = tmp_path / "targets.yaml"
    big.write_text("\n".join([*padding, plain]) + "\n", encoding="utf-8")
    assert parse("t", big.read_text(encoding="utf-8")).fast
    assert len(load_targets(str(big)).targets) == 30
    broken = plain.replace("threshold: 7.5", "threshold: bảy", 1)
    big.write_text("\n".join([*padding, broken]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"targets.yaml:\d+:16: targets.0.threshold: expected a"):
        load_targets(str(big))


def test_reports_never_take_the_fast_path() -> None:
    """A large report is read by PyYAML, which refuses what rapidyaml would let through."""
    targets = load_targets()
    padding = ["# " + "x" * 100] * (FAST_FROM // 100 + 1)
    text = "\n".join([*padding, "}", 'period: "2024"', "values: {grdp_growth: 8}"]) + "\n"
    with pytest.raises(InputError, match="invalid YAML"):
        loaded_from("big.yaml", text, targets)


def test_dates_and_words_stay_typed(tmp_path: Path) -> None:
    """A plain date is a date on both paths (the fast path gives up on it)."""
    text = "a: 2024-01-01\n"
    assert fastyaml.load(text, scalar, MAX_DEPTH) is None
    assert isinstance(parse("x", text, fast_from=None).data["a"], YamlDate)


@pytest.mark.parametrize("odd", ["\ufeff", "\x85", "\u2028", "\u2029", "\t"])
def test_characters_the_parsers_differ_on_take_the_slow_path(odd: str) -> None:
    """A stray byte order mark, a YAML 1.1 line break or a tab: the fast path gives up."""
    text = f"a: 1\n{odd}b: 2\n"
    assert fastyaml.load(text, scalar, MAX_DEPTH) is None


@pytest.mark.parametrize("levels", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 2])
@pytest.mark.parametrize("shape", ["{{a: {inner}}}", "[{inner}]", "{{a: [{inner}]}}"])
@pytest.mark.parametrize("leaf", ["1", "{}", "[]"])
def test_nesting_at_the_limit_is_read_alike(levels: int, shape: str, leaf: str) -> None:
    """Within the limit both paths give the same data; beyond it the fast path gives up."""
    text = leaf
    for _ in range(levels):
        text = shape.format(inner=text)
    try:
        slow = parse("x", text, fast_from=None).data
    except InputError:
        slow = None
    fast = fastyaml.load(text, scalar, MAX_DEPTH)
    assert fast == slow
