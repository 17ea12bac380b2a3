"""`nq94 schema` is the report model's own schema, and it agrees with `nq94 validate`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from nq94.errors import InputError
from nq94.i18n import Lang, catalogue
from nq94.model import report_model
from nq94.read.loading import builtin_targets
from nq94.read.yamldoc import parse, read_text

from ..conftest import CLI_TYPE as CLI
from ..conftest import ROOT

EXAMPLES = ROOT / "tests" / "example-files"
FILES = sorted(
    [
        *EXAMPLES.glob("*/*.yaml"),
        *(path for path in (ROOT / "samples").glob("**/*.yaml") if path.name != "targets.yaml"),
    ],
    key=lambda path: str(path),
)

ALLOWED = {
    # rules across values: JSON Schema compares a value with constants, never with another value
    "structure-sum": "the three shares add up to 100 ± 0.2",
    "certified-above-trained": "certified labour is within trained labour",
    # a number written as text is read first, then held to the plausible range; JSON Schema can
    # only check the text's form
    "ambiguous-number": "'100.000' is 100 or 100000: the plausible range cannot settle it",
    "grouped-out-of-range": "'1.234.567' is outside the plausible range once read",
    # YAML forms that have no JSON counterpart, which a YAML-reading schema validator turns
    # into JSON numbers before the schema sees them
    "hex-number": "0x1A is text to nq94 (nobody writes a figure in hexadecimal), 26 to YAML 1.1",
    "nan": ".nan is no number; JSON has none, and NaN passes every numeric bound",
}
"""The files on which the schema and nq94 may differ: nq94 refuses them, the schema cannot."""


def _comparable(path: Path) -> bool:
    """Whether a file is YAML both sides read alike: UTF-8, valid, no duplicate key, no tag."""
    try:
        doc = parse(str(path), read_text(str(path)))
    except InputError:
        return False
    return not doc.problems


COMPARED = [path for path in FILES if _comparable(path)]


def _validator(*targets: str) -> jsonschema.Draft202012Validator:
    """The schema `nq94 schema` prints (for the targets file given), as a validator."""
    from typer.testing import CliRunner

    from nq94.cli import app

    arguments = ["schema", "--lang", "en", *(["--targets", *targets] if targets else [])]
    schema = json.loads(CliRunner().invoke(app, arguments).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """The schema of a report on the built-in targets."""
    return _validator()


def _own(path: Path, validator: jsonschema.Draft202012Validator) -> jsonschema.Validator:
    """The schema a report is written against: its folder's targets file's, where it has one."""
    targets = path.parent / "targets.yaml"
    return _validator(str(targets)) if targets.is_file() else validator


@pytest.mark.parametrize("path", COMPARED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_schema_and_validate_agree(
    path: Path, validator: jsonschema.Draft202012Validator, cli: CLI
) -> None:
    """The schema accepts exactly the files `nq94 validate` accepts, but for the rules across
    values that JSON Schema cannot say."""
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    validator = _own(path, validator)
    by_schema = validator.is_valid(data)
    by_nq94 = cli("validate", "-f", "text", str(path)).exit_code == 0
    if path.stem in ALLOWED:
        assert (by_schema, by_nq94) == (True, False), ALLOWED[path.stem]
    else:
        assert by_schema == by_nq94, list(validator.iter_errors(data))


def test_the_comparison_covers_the_corpus() -> None:
    """Most example files take part in the comparison, negative ones included."""
    assert len(COMPARED) >= 40
    assert sum(path.parent.name == "negative" for path in COMPARED) >= 30


def test_a_lowercase_period_gets_one_answer(
    tmp_path: Path, validator: jsonschema.Draft202012Validator, cli: CLI
) -> None:
    """`period: 2024-9m` is accepted by the tool and by its schema alike."""
    report = tmp_path / "r.yaml"
    report.write_text("period: 2024-9m\nvalues: {grdp_growth: 6.1}\n", encoding="utf-8")
    assert cli("validate", str(report)).exit_code == 0
    assert validator.is_valid(yaml.safe_load(report.read_text(encoding="utf-8")))


def test_the_schema_is_the_models_own(cli: CLI) -> None:
    """`nq94 schema` adds only $schema and title to the model's JSON Schema."""
    from nq94.render.schema import report_schema

    printed = json.loads(cli("schema").stdout)
    model = report_model(builtin_targets()).model_json_schema()
    assert set(printed) - set(model) == {"$schema"}
    assert printed["properties"].keys() == model["properties"].keys()
    assert printed == json.loads(json.dumps(report_schema(builtin_targets())))


# --- as schema validators read it: check-jsonschema ---------------------------------------------

CHECK_JSONSCHEMA = str(Path(sys.executable).with_name("check-jsonschema"))
SAMPLE_FOLDERS = sorted(path.parent for path in (ROOT / "samples").glob("*/targets.yaml"))
REPORTS = [
    *sorted((ROOT / "samples").glob("*.yaml")),
    *sorted((EXAMPLES / "positive").glob("*.yaml")),
]
"""The reports on the built-in targets the schema must accept: the samples and the positive
examples."""


def _check_jsonschema(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # another program, not nq94
        [CHECK_JSONSCHEMA, *map(str, arguments)], capture_output=True, text=True, check=False
    )


def _printed(cli: CLI, path: Path, *arguments: str) -> Path:
    """`nq94 schema ARGUMENTS` written to ``path``."""
    run = cli("schema", *arguments)
    assert run.exit_code == 0, run
    path.write_text(run.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_check_jsonschema_reads_the_schemas_and_accepts_every_sample(
    cli: CLI, tmp_path: Path, lang: str
) -> None:
    """`nq94 schema` (for the built-in targets and for each sample folder's) and `nq94 schema
    --targets-file` pass check-jsonschema's metaschema check, whose regular expressions are
    ECMA-262's ('chính\\ thức' is not one); and they accept every sample report, every positive
    example and every targets file nq94 ships or writes."""
    report = _printed(cli, tmp_path / "report.json", "--lang", lang)
    done = _check_jsonschema("--check-metaschema", report)
    assert done.returncode == 0, done.stdout + done.stderr
    done = _check_jsonschema("--schemafile", report, *REPORTS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert SAMPLE_FOLDERS
    for folder in SAMPLE_FOLDERS:
        own = _printed(cli, tmp_path / f"{folder.name}.json", "--lang", lang, "--targets",
                       str(folder / "targets.yaml"))  # fmt: skip
        reports = sorted(path for path in folder.glob("*.yaml") if path.name != "targets.yaml")
        done = _check_jsonschema("--check-metaschema", own)
        assert done.returncode == 0, done.stdout + done.stderr
        done = _check_jsonschema("--schemafile", own, *reports)
        assert done.returncode == 0, done.stdout + done.stderr
    targets = _printed(cli, tmp_path / "targets.json", "--lang", lang, "--targets-file")
    done = _check_jsonschema("--check-metaschema", targets)
    assert done.returncode == 0, done.stdout + done.stderr
    started = []
    for starter in ("en", "vi"):  # what `nq94 init` writes, in each language
        path = tmp_path / f"init-{starter}.yaml"
        assert cli("init", "--lang", starter, "--year", "2025", "-o", str(path)).exit_code == 0
        started.append(path)
    files = [*(folder / "targets.yaml" for folder in SAMPLE_FOLDERS), *started,
             ROOT / "src" / "nq94" / "targets.yaml", ROOT / "targets.yaml"]  # fmt: skip
    done = _check_jsonschema("--schemafile", targets, *files)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("lang", "basis"),
    [
        ("en", "Whether the figures are final (official) or not yet (estimate, preliminary)."),
        ("vi", "Số liệu chính thức (official), hay chưa: số ước tính (estimate) hoặc số sơ bộ "
               "(preliminary)."),
    ],
)  # fmt: skip
def test_the_python_apis_schema_describes_in_words(lang: str, basis: str) -> None:
    """`nq94.Report.model_json_schema()` describes each field in words, in the language the
    environment asks for (NQ94_LANG), as `nq94 schema` does: never a catalogue key."""
    program = (
        "import json, nq94; print(json.dumps(nq94.Report.model_json_schema(), ensure_ascii=False))"
    )
    env = {**os.environ, "NQ94_LANG": lang}
    done = subprocess.run(  # the Python API in a Python of its own, not the nq94 command
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env
    )
    schema = json.loads(done.stdout)
    assert schema["properties"]["basis"]["description"] == basis
    keys = set(catalogue(Lang.EN))
    described = re.findall(r'"description": "([^"]*)"', done.stdout)
    assert described
    assert not [text for text in described if text in keys or text.startswith("schema.")]


def _descriptions(node: object, path: str = "") -> dict[str, str]:
    """Every description in a JSON Schema, by where it stands (a property named `description`,
    as a rule's, is walked into, not taken for one)."""
    found: dict[str, str] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found[path] = value
            else:
                found |= _descriptions(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found |= _descriptions(item, f"{path}/{index}")
    return found


def test_the_targets_file_schema_describes_in_words_in_each_language(cli: CLI) -> None:
    """`nq94 schema --targets-file` describes every key and every part of a targets file in
    words, which editors show on hover: no description looks like a catalogue key, the keys an
    officer writes (path, weights, season, amendments, effective, removed) are described, and
    under --lang vi no description is left in English."""
    said = {}
    for lang in ("en", "vi"):
        run = cli("schema", "--targets-file", "--lang", lang)
        assert run.exit_code == 0, run
        said[lang] = _descriptions(json.loads(run.stdout))
    keys = set(catalogue(Lang.EN))
    for lang, described in said.items():
        assert len(described) > 100, lang
        looks_like_a_key = [
            text for text in described.values()
            if text in keys or re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", text)
        ]  # fmt: skip
        assert not looks_like_a_key, (lang, looks_like_a_key)
    assert said["en"].keys() == said["vi"].keys()
    english = [where for where, text in said["vi"].items() if text == said["en"][where]]
    assert not english, english
    for key in ("path", "weights", "season"):
        assert f"/$defs/Target/properties/{key}" in said["vi"], key
    for key in ("effective", "removed", "targets"):
        assert f"/$defs/Amendment/properties/{key}" in said["vi"], key
    assert said["vi"]["/$defs/Target/properties/path"].startswith("Kịch bản tăng trưởng")
