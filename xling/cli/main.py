"""The ``xling`` command: one Typer app with a sub-app per command group.

Every module imported here must stay light (no ctranslate2, spacy, hazm, torch or stanza at
import time) so that ``xling --help`` is instant. :class:`XlingGroup` turns any
:class:`~xling.errors.XlingError` raised by a command into ``xling: error: <message>`` on
standard error and the error's exit status.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click
import typer
from typer.core import TyperGroup

if TYPE_CHECKING:  # pragma: no cover
    from typer._click.core import Context as TyperContext

from xling.errors import EXIT_INTERRUPTED, XlingError


class XlingGroup(TyperGroup):
    """Root command group that reports :class:`XlingError` and usage errors as one-line messages.

    A usage error (an unknown option, a bad value, a missing argument) becomes
    ``xling: error: <what> (see 'xling CMD --help')`` with exit status 2, instead of Typer's
    multi-line box; ``xling`` or ``xling GROUP`` alone still prints the help.
    """

    def main(  # type: ignore[override]  # same parameters as TyperGroup.main, untyped
        self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra
    ):
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
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx: TyperContext) -> Any:
        try:
            return super().invoke(ctx)
        except XlingError as exc:
            click.echo(f"xling: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
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
