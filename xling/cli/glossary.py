"""``xling glossary ...`` (being built: issues 4 and 5)."""

import typer

app = typer.Typer(help="Maintain and apply the termbase (glossary).", no_args_is_help=True)


@app.command("list")
def list_() -> None:
    """List concept entries (not implemented yet)."""
    raise typer.Exit(3)
