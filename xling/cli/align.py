"""``xling align`` (being built: issue 6)."""

import typer


def align(source: str = typer.Argument(...)) -> None:
    """Align sentences (not implemented yet)."""
    raise typer.Exit(3)
