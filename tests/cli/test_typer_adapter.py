"""What cli/typer_adapter.py assumes of typer (pinned in pyproject.toml): the private names it
imports and sets, and the English words of the usage errors it says again in the reader's
language. When an upgrade of typer (or of pydantic, whose words typer passes on) breaks one,
these fail and say which, rather than nq94 falling back to typer's English."""

from __future__ import annotations

import importlib

import pytest
import typer
from typer._click.exceptions import ClickException
from typer.main import get_command

from nq94.cli import app, typer_adapter
from nq94.cli.typer_adapter import usage_message
from nq94.i18n import Lang, catalogue, t

PRIVATE = {
    "typer._click.core": ["Command", "Context", "Parameter", "ParameterSource"],
    "typer._click.exceptions": [
        "BadOptionUsage",
        "ClickException",
        "MissingParameter",
        "NoArgsIsHelpError",
        "NoSuchOption",
    ],
    "typer._click.formatting": ["HelpFormatter"],
    "typer.core": ["TyperCommand", "TyperGroup", "TyperOption"],
    "typer.rich_utils": sorted(typer_adapter.HEADINGS),
}
"""Where typer keeps what the adapter imports from it, or sets in it (the help headings)."""


@pytest.mark.parametrize(("where", "names"), PRIVATE.items(), ids=list(PRIVATE))
def test_the_names_the_adapter_takes_from_typer_exist(where: str, names: list[str]) -> None:
    module = importlib.import_module(where)
    missing = [name for name in names if not hasattr(module, name)]
    assert not missing, (
        f"typer {typer.__version__} has no {where}.{missing}: update cli/typer_adapter.py"
    )


def test_the_parameters_are_as_the_adapter_reads_them() -> None:
    """Typer's attributes the adapter reads: a parameter's kind, options, metavar and shown
    type, and the commands of a group."""
    command = get_command(app)
    assert isinstance(command, typer_adapter.Group)
    for each in [command, *command.commands.values()]:
        assert isinstance(each, typer_adapter.Command | typer_adapter.Group)
        for param in each.params:
            assert param.param_type_name in ("argument", "option")
            assert {"opts", "nargs", "metavar", "display_type_rich"} <= set(dir(param))


USAGE_ERRORS = [
    (["nosuch"], "no such command: nosuch"),
    (["chek", "x"], "no such command: chek; did you mean 'check'?"),
    (["--lang", "en"], "missing command"),
    (["diff", "a", "b", "c"], "unexpected extra arguments: c"),
    (["check"], "missing argument PATH..."),
    (["export", "x"], "missing option '--output' / '-o'"),
    (["check", "--fomat", "json", "x"], "no such option: --fomat; did you mean '--format'?"),
    (["check", "--format"], "option --format needs a value"),
    (
        ["check", "-f", "bogus", "x"],
        "'--format' / '-f': 'bogus' is not one of auto, table, text, json, csv, markdown, "
        "github, junit",
    ),
    (
        ["template", "--basis", "x"],
        "'--basis': 'x' is not a basis; use official, preliminary or estimate (chính thức, sơ "
        "bộ, ước tính)",
    ),
    (["check", "--max-bytes", "abc", "x"], "'--max-bytes': expected a whole number"),
    (["check", "--max-bytes", "0", "x"], "'--max-bytes': expected 1 or more"),
    (["check", "--max-bytes", "1e99", "x"], "'--max-bytes': expected a whole number"),
    (
        ["check", "--max-bytes", str(2**41), "x"],
        "'--max-bytes': expected 1099511627776 or less",
    ),
    (["check", "--lang", "fr", "x"], "'--lang': 'fr' is not one of vi, en"),
]
"""Each kind of usage error, and how nq94 says it in English."""
ERROR_IDS = [" ".join(args) for args, _ in USAGE_ERRORS]


def _error(args: list[str]) -> ClickException:
    """The usage error the real app raises for ``args``."""
    with pytest.raises(ClickException) as caught:
        get_command(app).main(args, prog_name="nq94", standalone_mode=False)
    return caught.value


@pytest.mark.parametrize(("args", "said"), USAGE_ERRORS, ids=ERROR_IDS)
def test_every_usage_error_is_recognised(args: list[str], said: str) -> None:
    error = _error(args)
    assert usage_message(error) == said, (
        f"typer {typer.__version__} says {type(error).__name__}({error.message!r}) for "
        f"{args}, which cli/typer_adapter.py no longer recognises"
    )


@pytest.mark.parametrize(("args", "english"), USAGE_ERRORS, ids=ERROR_IDS)
def test_every_usage_error_is_said_in_vietnamese(
    args: list[str], english: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same errors with NQ94_LANG=vi: recognised, and said from the Vietnamese catalogue."""
    monkeypatch.setenv("NQ94_LANG", "vi")
    error = _error(["vi" if arg == "en" else arg for arg in args])  # --lang en: no command
    said = usage_message(error)
    assert said is not None, error.message
    assert said != english


def test_an_unknown_reason_is_said_as_typer_says_it() -> None:
    """A reason the adapter does not know is not lost: it is given as typer's, marked."""
    error = typer.BadParameter("something new", param=get_command(app).params[0])
    assert usage_message(error) is None
    assert t("usage.bad_value", reason="something new") in typer_adapter.usage_error(error)


def test_every_help_text_is_a_catalogue_key() -> None:
    """Commands and parameters give typer catalogue keys, which the adapter says in the reader's
    language; a key missing from the catalogue would be shown as it is."""
    keys = catalogue(Lang.EN)
    command = get_command(app)  # built, not run: its texts are still the keys
    for each in [command, *command.commands.values()]:
        assert each.help in keys, each.name
        assert each.epilog is None or each.epilog in keys, each.name
        for param in each.params:
            assert getattr(param, "help", None) in keys, (each.name, param.name)
            literal = (None, "ID", "vi|en")  # said alike in both languages
            assert param.metavar in keys or param.metavar in literal, param.metavar
