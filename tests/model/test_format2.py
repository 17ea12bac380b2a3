"""Targets file format 2, through the real CLI in both languages: ranges and "about" as plans mean
them, stretch levels, other documents' requirements, ratios and indices, and how a report finds
its targets file (PRODUCT.md, "Any year, any document")."""

from __future__ import annotations

import json
import re
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT

HEAD = """\
format: 2
document:
  kind: {vi: "Kế hoạch", en: "Plan"}
  number: "42/KH-UBND"
  title: {vi: "Kế hoạch năm 2026"}
  issuer: "Ủy ban nhân dân tỉnh"
  adopted: 2025-12-20
  year: 2026
targets:
"""


def _target(id_: str, words: str, **fields: Any) -> str:
    base: dict[str, Any] = {
        "id": id_,
        "words": words,
        "name": {"vi": f"Chỉ tiêu {id_}", "en": f"Target {id_}"},
        "unit": {"vi": "%", "en": "%"},
        "measure": "percent",
        "kind": "growth",
        **fields,
    }
    return textwrap.indent(yaml.safe_dump([base], allow_unicode=True, sort_keys=False), "  ")


def _targets(tmp_path: Path, *targets: str) -> Path:
    path = tmp_path / "targets.yaml"
    path.write_text(HEAD + "".join(targets), encoding="utf-8")
    return path


def _report(
    tmp_path: Path, values: dict[str, Any], *, period: str = "2026", basis: str = "official"
) -> Path:
    path = tmp_path / f"r-{period}-{basis}.yaml"
    lines = [f'period: "{period}"', f"basis: {basis}", "values:"]
    lines += [f"  {key}: {value}" for key, value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _results(cli: CLI, targets: Path, report: Path, *extra: str) -> dict[str, dict[str, Any]]:
    run = cli("check", "-f", "json", "--targets", str(targets), str(report), *extra)
    assert run.exit_code == 0, run
    return {r["id"]: r for r in json.loads(run.stdout)["reports"][0]["results"]}


PLAN_RANGE = _target(
    "gdp", "GDP 6,5-7%, phấn đấu 7-7,5%", operator="between", threshold=6.5, upper=7,
    better="higher", stretch=[7, 7.5],
)  # fmt: skip
CEILING_RANGE = _target(
    "farm_labour", "tỷ trọng lao động nông nghiệp 25-26%", kind="share", operator="between",
    threshold=25, upper=26, better="lower",
)  # fmt: skip
NEARLY = _target(
    "investment", "gần 70 nghìn tỷ đồng", measure="amount", kind="flow", operator="≈",
    threshold=70, tolerance=0.5, better="higher",
    unit={"vi": "nghìn tỷ đồng", "en": "trillion VND"},
)  # fmt: skip


@pytest.mark.parametrize(
    ("target", "value", "status"),
    [
        (PLAN_RANGE, "8.02", "met"),  # above the planned range: still met
        (PLAN_RANGE, "6.5", "met"),
        (PLAN_RANGE, "6.49", "missed"),
        (CEILING_RANGE, "24", "met"),  # below the range that should stay low: met
        (CEILING_RANGE, "26", "met"),
        (CEILING_RANGE, "26.01", "missed"),
        (NEARLY, "82", "met"),  # "gần 70" exceeded is met
        (NEARLY, "69.5", "met"),
        (NEARLY, "69.49", "missed"),
    ],
)
def test_a_plans_range_or_about_is_met_on_its_side(
    cli: CLI, tmp_path: Path, target: str, value: str, status: str
) -> None:
    """between/≈ with `better` decide by the one edge a plan means: official figures, strictly."""
    targets = _targets(tmp_path, target)
    target_id = yaml.safe_load(target)[0]["id"]
    (result,) = _results(cli, targets, _report(tmp_path, {target_id: Decimal(value)})).values()
    assert result["status"] == status, result


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "above the planned range"), ("vi", "vượt trên khoảng kế hoạch")]
)
def test_above_the_planned_range_is_said(cli: CLI, tmp_path: Path, lang: str, words: str) -> None:
    """Vietnam's 8.02 % against "6,5–7%" is met, said as above the planned range."""
    targets = _targets(tmp_path, PLAN_RANGE)
    report = _report(tmp_path, {"gdp": Decimal("8.02")})
    run = cli("check", "-f", "text", "--lang", lang, "--targets", str(targets), str(report))
    assert run.exit_code == 0, run
    assert words in run.stdout, run


def test_the_at_risk_margin_is_measured_from_the_edge_that_decides(
    cli: CLI, tmp_path: Path
) -> None:
    """An estimate of "gần 70" (met from 69.5) is at risk within 2 % of 69.5 (1.39) of it."""
    targets = _targets(tmp_path, NEARLY)
    near = _results(cli, targets, _report(tmp_path, {"investment": 70}, basis="estimate"))
    assert near["investment"]["status"] == "at_risk"
    assert Decimal(str(near["investment"]["margin"])) == Decimal("1.39")
    clear = _results(cli, targets, _report(tmp_path, {"investment": 71}, basis="estimate"))
    assert clear["investment"]["status"] == "met"


def test_the_stretch_level_is_judged_beside_the_status(cli: CLI, tmp_path: Path) -> None:
    """A stretch level reached or not never changes the status; JSON gives {threshold, reached}."""
    targets = _targets(tmp_path, PLAN_RANGE)
    reached = _results(cli, targets, _report(tmp_path, {"gdp": Decimal("7.2")}))["gdp"]
    assert reached["status"] == "met"
    assert reached["stretch"] == {"threshold": [7, Decimal("7.5")], "reached": True}
    short = _results(cli, targets, _report(tmp_path, {"gdp": Decimal("6.8")}))["gdp"]
    assert (short["status"], short["stretch"]["reached"]) == ("met", False)
    vi = cli(
        "check",
        "-f",
        "text",
        "--lang",
        "vi",
        "--targets",
        str(targets),
        str(tmp_path / "r-2026-official.yaml"),
    )
    assert "mức phấn đấu từ 7 đến 7,5%: chưa đạt" in vi.stdout, vi


ASSIGNED = _target(
    "grdp_growth", "Thái Nguyên phấn đấu tăng trưởng kinh tế 11% năm 2026", operator=">=",
    threshold=11,
    also=[{"by": {"vi": "Chính phủ giao", "en": "assigned by the Government"},
           "document": "01/NQ-CP", "operator": "≥", "threshold": 8.5}],
)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "Chính phủ giao (01/NQ-CP) ≥ 8,5%: Đạt"),
        ("en", "assigned by the Government (01/NQ-CP) ≥ 8.5%: Met"),
    ],
)
def test_another_documents_requirement_is_judged_and_changes_nothing(
    cli: CLI, tmp_path: Path, lang: str, said: str
) -> None:
    """9.2 % misses the province's 11 % and meets the Government's 8.5 %: the status, the summary
    and --fail-on go by the province's own requirement."""
    targets = _targets(tmp_path, ASSIGNED)
    report = _report(tmp_path, {"grdp_growth": Decimal("9.2")})
    result = _results(cli, targets, report)["grdp_growth"]
    assert result["status"] == "missed"
    (also,) = result["also"]
    assert (also["document"], also["operator"], also["status"]) == ("01/NQ-CP", ">=", "met")
    run = cli(
        "check",
        "-f",
        "text",
        "--lang",
        lang,
        "--fail-on",
        "missed",
        "--targets",
        str(targets),
        str(report),
    )
    assert run.exit_code == 1, run
    assert said in run.stdout, run


def test_a_ratio_and_an_index(cli: CLI, tmp_path: Path) -> None:
    """A ratio takes decimals and an amount's margin; an index may be derived as current /
    baseline × 100."""
    doctors = _target(
        "doctors", "12 bác sĩ/vạn dân", measure="ratio", kind="level", operator=">=",
        threshold=12, unit={"vi": "bác sĩ/vạn dân", "en": "doctors per 10,000 people"},
    )  # fmt: skip
    index = _target(
        "iip", "bằng 100,5% so với năm trước", kind="index", operator=">=", threshold=100.5
    )
    targets = _targets(tmp_path, doctors, index)
    report = _report(
        tmp_path,
        {"doctors": Decimal("11.9"), "iip": "{baseline: 200, current: 202}"},
        period="2026-9M",
        basis="estimate",
    )
    results = _results(cli, targets, report)
    assert results["doctors"]["status"] == "at_risk"
    assert Decimal(str(results["doctors"]["margin"])) == Decimal("0.24")
    assert (results["iip"]["value"], results["iip"]["status"]) == (101, "met")


def test_a_broken_format_2_file_gets_every_problem_at_once(cli: CLI, tmp_path: Path) -> None:
    """Missing keys, an unknown key and an unknown operator, each located, in one run; an
    'about' without its tolerance is refused in format 2."""
    path = tmp_path / "broken.yaml"
    path.write_text(
        HEAD
        + "  - {id: a, words: w, name: {vi: a, en: a}, unit: {vi: '%', en: '%'}, measure: percent,"
        + " kind: rate, operator: betwen, threshold: 5, upper: 6}\n"
        + "  - {id: b, words: w, name: {vi: b, en: b}, unit: {vi: '%', en: '%'}, measure: percent,"
        + " kind: rate, operator: '≈', threshold: 5}\n"
        + "  - {id: c, words: w, name: {vi: c, en: c}, unit: {vi: '%', en: '%'}, measure: percent,"
        + " kind: rate, operator: '>=', thresold: 5}\n",
        encoding="utf-8",
    )
    run = cli("targets", str(path))
    assert run.exit_code == 2, run
    lines = run.stderr.splitlines()
    assert any(":10:" in line and "did you mean 'between'" in line for line in lines), run
    assert any(":11:" in line and "tolerance" in line for line in lines), run
    assert any(":12:" in line and "did you mean 'threshold'" in line for line in lines), run
    vi = cli("targets", "--lang", "vi", str(path))
    assert "có phải là 'threshold'" in vi.stderr, vi


def test_a_report_finds_its_targets_file(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--targets, else the report's targets: line, else NQ94_TARGETS, else nq94.toml here or
    above, else the built-in targets: the first that names one wins."""
    first = _targets(tmp_path, ASSIGNED)
    other = tmp_path / "other.yaml"
    other.write_text(
        first.read_text(encoding="utf-8").replace("threshold: 11", "threshold: 9"), encoding="utf-8"
    )
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "r.yaml"
    report.write_text('period: "2026"\nvalues: {grdp_growth: 10}\n', encoding="utf-8")
    monkeypatch.chdir(folder)

    def status(*args: str) -> str:
        run = cli("check", "-f", "json", *args, str(report))
        assert run.exit_code == 0, run
        return json.loads(run.stdout)["reports"][0]["results"][0]["status"]

    built_in = cli("check", "-f", "text", str(report))  # the built-in targets are for 2024
    assert built_in.exit_code == 2, built_in
    assert "--targets" in built_in.stderr, built_in
    (tmp_path / "nq94.toml").write_text('targets = "targets.yaml"\n', encoding="utf-8")
    assert status() == "missed"  # nq94.toml in the folder above: 10 < 11
    monkeypatch.setenv("NQ94_TARGETS", str(other))
    assert status() == "met"  # NQ94_TARGETS before nq94.toml: 10 ≥ 9
    report.write_text(
        'period: "2026"\ntargets: ../targets.yaml\nvalues: {grdp_growth: 10}\n', encoding="utf-8"
    )
    assert status() == "missed"  # the report's own line before NQ94_TARGETS
    assert status("--targets", str(other)) == "met"  # --targets first


def test_the_template_names_its_targets_file(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nq94 template writes the targets: line (or cell) relative to the report, and the report
    it writes is checked against that file with no --targets."""
    targets = _targets(tmp_path, ASSIGNED)
    (tmp_path / "nq94.toml").write_text('targets = "targets.yaml"\n', encoding="utf-8")
    out = tmp_path / "reports"
    out.mkdir()
    monkeypatch.chdir(tmp_path)
    run = cli("template", "--period", "2026-9M", "-o", str(out / "r.yaml"))
    assert run.exit_code == 0, run
    text = (out / "r.yaml").read_text(encoding="utf-8")
    assert 'targets: "../targets.yaml"' in text
    assert "42/KH-UBND" in text
    filled = text.replace("  grdp_growth:", "  grdp_growth: 9.5")
    (out / "r.yaml").write_text(filled, encoding="utf-8")
    monkeypatch.chdir(out)
    (tmp_path / "nq94.toml").unlink()
    assert cli("check", "-f", "text", "r.yaml").exit_code == 0
    book = cli(
        "template", "--period", "2026-9M", "-o", str(out / "r.xlsx"), "--targets", str(targets)
    )
    assert book.exit_code == 0, book
    check = cli("check", "-f", "json", str(out / "r.xlsx"))
    assert (
        json.loads(check.stdout)["reports"][0]["targets"] == str(Path("..") / "targets.yaml")
        or check.exit_code == 0
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_init_writes_a_starter_nq94_reads(cli: CLI, tmp_path: Path, lang: str) -> None:
    """nq94 init writes a commented starter, with one example of each requirement form, that
    nq94 targets checks cleanly."""
    path = tmp_path / "targets.yaml"
    run = cli("init", "--lang", lang, "--year", "2026", "-o", str(path))
    assert run.exit_code == 0, run
    listed = cli("targets", "--lang", lang, str(path))
    assert listed.exit_code == 0, listed
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    operators = {target["operator"] for target in data["targets"]}
    assert operators >= {">=", ">", "<", "<=", "between", "≈"}
    assert {"stretch", "also", "part", "better", "tolerance"} <= {
        key for target in data["targets"] for key in target
    }


def test_the_targets_files_schema_is_valid_and_accepts_every_targets_file(cli: CLI) -> None:
    """`nq94 schema --targets-file` is a valid JSON Schema that accepts every targets file in
    samples/ and the built-in one."""
    schema = json.loads(cli("schema", "--targets-file").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = [
        ROOT / "src" / "nq94" / "targets.yaml",
        *sorted((ROOT / "samples").glob("*/targets.yaml")),
    ]
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(json.loads(json.dumps(data, default=str))))
        assert not errors, (path, errors[:3])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_inits_commented_path_season_and_amendment_are_valid_once_uncommented(
    cli: CLI, tmp_path: Path, lang: str
) -> None:
    """The starter shows, commented out, a quarterly path with weights, a season and an
    amendment that restates the path; uncommented, they make a file nq94 reads, whose
    amendment changes the growth target and drops a target."""
    path = tmp_path / "targets.yaml"
    assert cli("init", "--lang", lang, "--year", "2026", "-o", str(path)).exit_code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("# amendments:")
    uncommented = [
        re.sub(r"^(\s*)# (path|weights|season): ", r"\1\2: ", line) for line in lines[:start]
    ] + [line.removeprefix("# ") for line in lines[start:]]
    assert sum(line != was for line, was in zip(uncommented, lines, strict=True)) >= 15
    path.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    listed = cli("targets", "--lang", lang, str(path))
    assert listed.exit_code == 0, listed
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    growth = data["targets"][0]
    assert set(growth) >= {"path", "weights"}
    assert any("season" in target for target in data["targets"])
    (amendment,) = data["amendments"]
    assert set(amendment) >= {"adopted", "effective", "targets", "removed"}
    assert "path" in amendment["targets"][0]
