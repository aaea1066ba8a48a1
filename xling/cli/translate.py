"""``xling translate`` (being built: issue 2)."""

import typer


def translate(file: str = typer.Argument(..., help="Input document, or - for standard input.")) -> None:
    """Translate a Persian document (not implemented yet)."""
    raise typer.Exit(3)
