"""Fuzzing: mangled reports never crash nq94; every refusal is located.

Runs a few hundred cases in the suite; NQ94_FUZZ_EXAMPLES=5000 runs more.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from nq94.cli import app

from ..conftest import SAMPLES

LOCATED = re.compile(r"^[^\n]+:\d+:\d+: .+$", re.M)
SEEDS = [path.read_bytes() for path in sorted(SAMPLES.glob("*.yaml"))]
VALUES = [
    "true", "null", "~", "bảy", "[1, 2]", "{a: 1}", "2024-01-01", ".nan", "-.inf", '"1,234.5"',
    '"19.515"', "19.515", "-5", "1e400", "0x1F", "'=1+1'", "*nowhere", "&a 1", "1:30",
    "!!python/object/apply:os.system ['echo x']", "!!binary aGk=", "|", "{{", '"\\x00"', "?",
    "- 1", "{value: 1, baseline: 2}", "{baseline: 0, current: 5}", '"7,5%"', "120", "''",
    "[" * 60 + "]" * 60, "{value: {value: 1}}", "<<: {a: 1}",
    "0e-999999999", "1e-999999999", "0e999999999", "-0E+3000000", '"0e-99"', "1e31", "1e-31",
    '"7\\n::error file=x,line=1::forged"', '"\\x1b[31mred"', '"\\x01\\x0b"',
    "{note: \"a\\n::warning::b\", value: 1}",
]  # fmt: skip
KEYS = ["grdp_growth", "value", "\u0001key", "'::error::k'", "'\\x1b[2J'", "'a\\nb'"]
"""Keys to mangle a line with, control characters among them."""


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A sample report with a few random mutations of lines, values, bytes and nesting."""
    lines = draw(st.sampled_from(SEEDS)).split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["delete", "duplicate", "value", "key", "bytes", "indent", "swap"])
        )
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "value" and b":" in lines[index]:
            key = lines[index].split(b":", 1)[0]
            lines[index] = key + b": " + draw(st.sampled_from(VALUES)).encode("utf-8")
        elif action == "key" and b":" in lines[index]:
            value = lines[index].split(b":", 1)[1]
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            lines[index] = indent + draw(st.sampled_from(KEYS)).encode("utf-8") + b":" + value
        elif action == "bytes":
            noise = draw(st.binary(min_size=1, max_size=8))
            cut = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:cut] + noise + lines[index][cut:]
        elif action == "indent":
            lines[index] = b" " * draw(st.integers(1, 5)) + lines[index].lstrip()
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    return b"\n".join(lines)


@settings(
    max_examples=int(os.environ.get("NQ94_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    content=mangled(),
    command=st.sampled_from(["check", "validate"]),
    fmt=st.sampled_from(["text", "table", "csv", "junit", "markdown"]),
    name=st.sampled_from(["report.yaml", "::error x.yaml", "a\n::warning::b.yaml", "\x1b[2J.yaml"]),
)
def test_mangled_reports_never_crash(content: bytes, command: str, fmt: str, name: str) -> None:
    """Exit 0, 1 or 2, no traceback; exit 2 always names at least one FILE:LINE:COL; no line
    of output begins with '::' and no escape character is echoed, whatever the file holds or
    is named."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        result = CliRunner().invoke(app, [command, "--format", fmt, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        assert LOCATED.search(result.stderr), result.stderr
    for line in (result.stdout + result.stderr).splitlines():
        assert not line.startswith("::"), line
    assert "\x1b" not in result.stdout + result.stderr


def test_many_keys_are_refused_quickly_with_a_bounded_list(tmp_path: Path) -> None:
    """20,000 unknown ids are refused at once: 100 located lines and one more; 100,000
    (1.2 MB) are refused before their nodes are built, in one line."""
    import time

    path = tmp_path / "many.yaml"
    for count, lines in ((20_000, 101), (100_000, 1)):
        keys = (f"  k{i:06d}: 1" for i in range(count))
        path.write_text("\n".join(['period: "2024"', "values:", *keys]) + "\n", encoding="utf-8")
        start = time.perf_counter()
        result = CliRunner().invoke(app, ["validate", "--format", "text", str(path)])
        elapsed = time.perf_counter() - start
        assert result.exit_code == 2
        problems = result.stderr.splitlines()
        assert len(problems) == lines, problems[-1]
        assert elapsed < 10  # about 0.3 s; the bound only catches a return of quadratic time
        if count == 20_000:
            assert problems[-1].endswith("and 19900 more problems; correct these first")
        else:
            assert problems[0].endswith("more than 50000 values; a report holds a few hundred")
