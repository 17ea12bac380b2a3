"""Typer, spoken in the reader's language: the one module that knows typer's insides.

nq94 gives typer catalogue keys for every help text and metavar (``help="help.check"``), and
this module says them in the language of the run where typer shows them: on help screens and in
usage errors. The language is chosen from the run's own arguments before click parses any of
them (help and usage errors come before any callback runs), so importing nq94's command line
changes nothing.

Typer says its own words ("Usage:", "Missing option", "<bool>") in English only, and draws a
usage error as a box. Here help headings, the usage line and parameter types come from the
catalogue, and a usage error is one line in the reader's words; click's English messages are
recognised by their exceptions' classes and, where only the text tells, by regular expressions
(tests/cli/test_typer_adapter.py fails when typer's words or names change: pyproject pins typer).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer

# typer 0.29 vendors click as typer._click: its command class and exceptions are not
# re-exported, so they are named here, and only here.
from typer._click.core import Command as ClickCommand
from typer._click.core import Context, Parameter, ParameterSource
from typer._click.exceptions import (
    BadOptionUsage,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
)
from typer.core import TyperCommand, TyperGroup, TyperOption

from nq94.errors import escaped
from nq94.i18n import catalogue, current, detect, t, use

if TYPE_CHECKING:
    from typer._click.formatting import HelpFormatter

ABORTED = 1
"""The exit code of a run typer aborts (end of input at a prompt), as click has it."""


class Refused(typer.BadParameter):
    """A usage error nq94 itself finds, said in the reader's language already."""


def said(text: str | None) -> str | None:
    """A catalogue key in the current language; any other text (a metavar such as ID) as it is."""
    if text is None or text not in catalogue(current()):
        return text
    return t(text)


class _Spoken(ClickCommand):
    """A command whose help and usage are in the reader's language: its texts are catalogue
    keys, kept here and said again (speak) whenever they are shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._keys = (self.help, self.epilog, self.short_help)
        self._param_keys = [
            (param, getattr(param, "help", None), param.metavar) for param in self.params
        ]
        for param in self.params:
            _speak_type(param)

    def speak(self) -> None:
        """Say this command's texts, and those of its commands, in the current language."""
        help_key, epilog_key, short_key = self._keys
        self.help, self.epilog, self.short_help = said(help_key), said(epilog_key), said(short_key)
        for param, param_help, metavar in self._param_keys:
            param.help, param.metavar = said(param_help), said(metavar)  # type: ignore[attr-defined]
        for command in getattr(self, "commands", {}).values():
            if isinstance(command, _Spoken):
                command.speak()

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help.help")
            _speak_type(option)
        return option

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        self.speak()
        _help_headings()
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = [t("help.options_metavar")]
        if isinstance(self, TyperGroup):
            pieces.append(t("help.command_metavar"))
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("help.usage") + " ")


class Command(_Spoken, TyperCommand):
    """A command of nq94."""


class Group(_Spoken, TyperGroup):
    """nq94 itself: its commands, in the language the run asks for; a usage error is one line
    in the reader's language, where typer draws an English box."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # --lang anywhere in the arguments, else NQ94_LANG, else the locale (nq94.i18n.detect);
        # a --lang after the command wins once click reads it (cli.options.LangOption).
        use(detect(sys.argv[1:] if args is None else args, os.environ))
        self.speak()
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as e:
            if not standalone_mode:
                raise
            if not isinstance(e, NoArgsIsHelpError):  # its help is shown already
                typer.echo(escaped(usage_error(e)), err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            sys.exit(ABORTED)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def given(ctx: Context, param: Parameter) -> bool:
    """Whether ``param`` was given on the command line (rather than by a variable or default)."""
    return param.name is not None and ctx.get_parameter_source(param.name) is (
        ParameterSource.COMMANDLINE
    )


def _speak_type(param: Any) -> None:
    """Show a parameter's type in the help in the reader's words: the choices as they are, a
    file or a number named, a flag or an argument's Python type (<bool>, <list[str]>) not at
    all."""
    shown = param.display_type_rich
    if getattr(shown, "spoken", False):
        return

    def display(ctx: Context) -> str | None:
        text: str | None = shown(ctx)
        if text is None or param.param_type_name == "argument":
            return None
        inner = text.strip("<>")
        if inner == "bool":
            return None
        if inner.startswith("int"):
            return t("help.metavar.number")
        if inner in ("file", "path", "directory"):
            return t("help.metavar.file")
        return inner.replace("|", " | ")  # the choices, spaced so as to wrap between them

    display.spoken = True  # type: ignore[attr-defined]
    param.display_type_rich = display


def _argument_name(param: Any) -> str:
    """An argument as its usage writes it: PATH..., REPORT."""
    name = str(param.metavar or param.name).upper()
    return f"{name}..." if param.nargs != 1 else name


HEADINGS = {
    "ARGUMENTS_PANEL_TITLE": "help.heading.arguments",
    "OPTIONS_PANEL_TITLE": "help.heading.options",
    "COMMANDS_PANEL_TITLE": "help.heading.commands",
    "DEFAULT_STRING": "help.heading.default",
    "REQUIRED_LONG_STRING": "help.heading.required",
    "ENVVAR_STRING": "help.heading.envvar",
}
"""Typer's own words on a help screen (constants of typer.rich_utils), by catalogue key."""


def _help_headings() -> None:
    """Typer's headings of the help screen, in the reader's language (typer loads the module
    that holds them to draw help, and only then)."""
    from typer import rich_utils

    for name, key in HEADINGS.items():
        setattr(rich_utils, name, t(key))


def usage_error(error: ClickException) -> str:
    """A usage error as one line: the command, what is wrong, and where help is."""
    ctx = getattr(error, "ctx", None)
    where = ctx.command_path if ctx is not None else "nq94"
    if ctx is not None and isinstance(ctx.command, _Spoken):
        ctx.command.speak()  # its arguments' names, in the language of this moment
    message = usage_message(error)
    if message is None:  # typer's reason, said as it is
        param = getattr(error, "param", None)
        if isinstance(error, typer.BadParameter) and param is not None:
            message = f"{_param_name(param)}: {t('usage.bad_value', reason=error.message)}"
        else:
            message = error.message
    if ctx is not None:
        message += t("usage.see_help", command=where)
    return f"{where}: {message}"


def usage_message(error: ClickException) -> str | None:
    """What is wrong, in the reader's words (typer says it in English only); None for a reason
    this module does not recognise."""
    param = getattr(error, "param", None)
    name = _param_name(param) if param is not None else ""
    if isinstance(error, Refused):
        return f"{name}: {error.message}" if name else error.message
    if isinstance(error, MissingParameter):
        argument = error.param_type == "argument" or getattr(param, "param_type_name", "") == (
            "argument"
        )
        kind = "argument" if argument else "option"
        return t(f"usage.missing_{kind}", name=name)
    if isinstance(error, NoSuchOption):
        close = sorted(error.possibilities or ())
        hint = "; " + t("err.did_you_mean", name=close[0]) if close else ""
        return t("usage.no_such_option", name=error.option_name, hint=hint)
    if isinstance(error, BadOptionUsage):
        return t("usage.needs_value", name=error.option_name)
    if isinstance(error, typer.BadParameter) and param is not None:
        reason = _bad_value(error.message)
        return f"{name}: {reason}" if reason is not None else None
    command = re.match(r"No such command '(.*?)'\.(?: Did you mean '(.*?)')?", error.message)
    if command:
        hint = "; " + t("err.did_you_mean", name=command[2]) if command[2] else ""
        return t("usage.no_such_command", name=command[1], hint=hint)
    if error.message.startswith("Missing command"):
        return t("usage.missing_command")
    extra = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", error.message)
    if extra:
        return t("usage.extra_arguments", arguments=extra.group(1))
    return None


def _param_name(param: Any) -> str:
    if param.param_type_name == "argument":
        return _argument_name(param)
    return " / ".join(f"'{opt}'" for opt in param.opts)


def _bad_value(message: str) -> str | None:
    """Why typer refused a value, said again in the reader's words: typer's own words for a
    choice, pydantic's (which typer coerces values with) for a number."""
    given = re.search(r"'(.*?)' is not one of", message)
    if given:
        choices = re.findall(r"'([^']*)'", message.partition(" is not one of ")[2])
        return t("usage.choice", value=given.group(1), choices=", ".join(choices))
    if "valid integer" in message:
        return t("usage.integer")
    bound = re.search(r"(greater|less) than or equal to (\S+)", message)
    if bound:
        return t(
            f"usage.{'at_least' if bound.group(1) == 'greater' else 'at_most'}",
            bound=bound.group(2),
        )
    return None
