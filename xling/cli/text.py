"""``xling normalize`` and ``xling segment`` (being built: issue 3)."""

import typer


def normalize(file: str = typer.Argument("-")) -> None:
    """Normalize text (not implemented yet)."""
    raise typer.Exit(3)


def segment(file: str = typer.Argument("-")) -> None:
    """Split text into sentences (not implemented yet)."""
    raise typer.Exit(3)
