"""``xling score`` (being built: issue 7)."""

import typer


def score(hypothesis: str = typer.Argument(...)) -> None:
    """Score a translation (not implemented yet)."""
    raise typer.Exit(3)
