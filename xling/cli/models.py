"""``xling models ...`` (being built: issue 2)."""

import typer

app = typer.Typer(help="List, install and remove Argos Translate model packages.", no_args_is_help=True)


@app.command("list")
def list_() -> None:
    """List installed packages (not implemented yet)."""
    raise typer.Exit(3)
