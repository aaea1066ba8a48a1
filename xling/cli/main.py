"""The ``xling`` command: one Typer app with a sub-app per command group.

Every module imported here must stay light (no ctranslate2, spacy, hazm, torch or stanza at
import time) so that ``xling --help`` is instant. :class:`XlingGroup` turns any
:class:`~xling.errors.XlingError` raised by a command into ``xling: error: <message>`` on
standard error and the error's exit status.
"""

from __future__ import annotations

import sys

import click
import typer
from typer.core import TyperGroup

from xling.errors import XlingError


class XlingGroup(TyperGroup):
    """Root command group that reports :class:`XlingError` as a one-line message."""

    def invoke(self, ctx: click.Context):  # noqa: D102 - see class docstring
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


def _register() -> None:
    from xling.cli import align, glossary, models, score, text, translate

    app.command("translate")(translate.translate)
    app.command("normalize")(text.normalize)
    app.command("segment")(text.segment)
    app.command("align")(align.align)
    app.command("score")(score.score)
    app.add_typer(models.app, name="models")
    app.add_typer(glossary.app, name="glossary")


_register()


def main() -> None:
    """Console-script entry point (``xling``)."""
    app()


if __name__ == "__main__":
    main()
