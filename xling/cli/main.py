"""The ``xling`` command: one Typer app with a sub-app per command group.

Every module imported here must stay light (no ctranslate2, spacy, hazm, torch or stanza at
import time) so that ``xling --help`` is instant. :class:`XlingGroup` turns any
:class:`~xling.errors.XlingError` raised by a command into ``xling: error: <message>`` on
standard error and the error's exit status.
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import TYPE_CHECKING, Any

import click
import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from xling.cli.options import HIDDEN_ALIASES
from xling.errors import EXIT_INTERRUPTED, EXIT_OK, XlingError


class _PolishedOption(TyperOption):
    """An option whose old names (:data:`~xling.cli.options.HIDDEN_ALIASES`) parse but are not
    shown, and whose value is labelled ``TEXT``/``INTEGER``/``NUMBER``/``PATH``/``a|b|c`` (click's
    names) where no metavar is given, instead of Typer 0.29's ``<str>``, ``<int range>``, ``<list[str]>``."""

    hidden_opts: tuple[str, ...] = ()

    def add_to_parser(self, parser: Any, ctx: Any) -> None:
        shown = self.opts
        self.opts = [*shown, *self.hidden_opts]
        try:
            super().add_to_parser(parser, ctx)
        finally:
            self.opts = shown

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        inner = self.display_type(ctx).strip("<>")
        if inner.startswith("list[") and inner.endswith("]"):
            inner = inner[5:-1]
        if "|" in inner:
            return inner
        kind = inner.split()[0] if inner else "str"
        return _TYPE_LABELS.get(kind, kind.upper())


_TYPE_LABELS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH", "file": "PATH", "directory": "PATH"}


class _PlainArgument(TyperArgument):
    """A positional argument shown as ``FILE``/``[TO]``/``TARGETS...`` in usage lines, with no type label."""

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return [name + ("..." if self.nargs != 1 else "")]

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def polish_help(command: Any) -> None:
    """Adjust Typer's help of ``command`` and its sub-commands in place (issue 11, defect 24).

    Flags get no ``<bool>`` label; arguments are named in upper case (``FILE``, not ``{file}``)
    and optional ones in single brackets; the old option names of
    :data:`~xling.cli.options.HIDDEN_ALIASES` are left out of the help but still parse.
    """
    command.help = unwrap_help(command.help)
    for param in command.params:
        if isinstance(param, TyperOption):
            _polish_option(param)
        elif isinstance(param, TyperArgument) and not isinstance(param, _PlainArgument):
            raw = param.metavar or (param.name or "arg").upper()
            param.metavar = raw.strip("[]") if raw.startswith("[") else raw
            param.__class__ = _PlainArgument
    if not hasattr(command, "_xling_help_option"):
        command._xling_help_option = command.get_help_option
        command.get_help_option = lambda ctx: _help_flag(command._xling_help_option(ctx))
    if isinstance(command, TyperGroup):  # Typer's vendored click: not click.Group
        for sub in command.commands.values():
            polish_help(sub)


def _help_flag(option: Any) -> Any:
    if option is not None and option.metavar is None:
        option.metavar = ""
    return option


def _polish_option(param: TyperOption) -> None:
    if isinstance(param, _PolishedOption):
        return
    if param.is_flag and not param.count and param.metavar is None:
        param.metavar = ""  # Typer 0.29 shows every flag as <bool>
    param.help = unwrap_help(param.help)
    hidden = [o for o in param.opts if any(o in HIDDEN_ALIASES.get(p, ()) for p in param.opts)]
    param.opts = [o for o in param.opts if o not in hidden]
    param.__class__ = _PolishedOption
    param.hidden_opts = tuple(hidden)  # type: ignore[attr-defined]


_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d+[.)])\s")


def unwrap_help(text: str | None) -> str | None:
    """``text`` with the line breaks inside each paragraph made spaces, so that the help is wrapped
    to the terminal instead of keeping the source's breaks (ragged at 80 columns: defect 24).

    Paragraphs are separated by a blank line; a line that starts a list item (``-``, ``*``, ``1.``)
    keeps its break, and a paragraph starting with click's ``\\b`` marker is left as written.
    """
    if not text:
        return text
    paragraphs = []
    for para in inspect.cleandoc(text).split("\n\n"):
        if para.startswith("\b"):
            paragraphs.append(para)
            continue
        lines = para.split("\n")
        out = lines[0]
        for line in lines[1:]:
            out += ("\n" + line) if _LIST_ITEM.match(line) else (" " + line.strip())
        paragraphs.append(out)
    return "\n\n".join(paragraphs)


if TYPE_CHECKING:  # pragma: no cover
    from typer._click.core import Context as TyperContext


class XlingGroup(TyperGroup):
    """Root command group that reports :class:`XlingError` and usage errors as one-line messages.

    A usage error (an unknown option, a bad value, a missing argument) becomes
    ``xling: error: <what> (see 'xling CMD --help')`` with exit status 2, instead of Typer's
    multi-line box; ``xling`` or ``xling GROUP`` alone still prints the help.
    """

    def main(
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        polish_help(self)
        extra["windows_expand_args"] = windows_expand_args
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:  # Ctrl-C outside a command's own handler (click turns it into Abort)
            click.echo("xling: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            # click's ClickException family (Typer vendors its own copy): format_message + exit_code
            if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
                raise
            ctx = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
                click.echo(ctx.get_help())
                sys.exit(0)
            where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            # Typer validates choices through pydantic, whose messages start "Value error, "
            message = " ".join(exc.format_message().split()).replace("Value error, ", "")
            click.echo(f"xling: error: {message}{where}", err=True)
            sys.exit(exc.exit_code)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)

    def invoke(self, ctx: TyperContext) -> Any:
        try:
            return super().invoke(ctx)
        except XlingError as exc:
            click.echo(f"xling: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:  # a command that does not handle Ctrl-C itself
            click.echo("xling: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # e.g. `xling segment ... | head`
            sys.stderr.close()
            ctx.exit(0)


app = typer.Typer(
    name="xling",
    cls=XlingGroup,
    help="Offline translation of Persian news into en/ru/ar, with a termbase, sentence alignment and scoring.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from xling import __version__

        typer.echo(f"xling {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print xling's version and exit."
    ),
) -> None:
    """Offline translation of Persian news into en/ru/ar, with a termbase, sentence alignment and scoring."""


def _register() -> None:
    from xling.cli import align, batch, glossary, models, report, score, text, tm, translate, xliff

    app.command("translate")(translate.translate)
    app.command("normalize")(text.normalize)
    app.command("segment")(text.segment)
    app.command("align")(align.align)
    app.command("score")(score.score)
    app.command("report")(report.report)
    app.add_typer(models.app, name="models")
    app.add_typer(glossary.app, name="glossary")
    app.add_typer(tm.app, name="tm")
    app.add_typer(xliff.app, name="xliff")
    app.add_typer(batch.app, name="batch")


_register()


def main() -> None:
    """Console-script entry point (``xling``)."""
    app()


if __name__ == "__main__":
    main()
