"""``xling xliff import``: a post-edited XLIFF back into translate's outputs (see :mod:`xling.formats.roundtrip`)."""

from __future__ import annotations

import typer

from xling.cli.options import TmPath, out_dir_option

app = typer.Typer(help="The CAT round trip: read post-edited XLIFF back.", no_args_is_help=True)


@app.command("import")
def import_(
    file: str = typer.Argument(
        ..., metavar="FILE.xlf", help="XLIFF 2.x or 1.2 file written by xling translate --xliff."
    ),
    out_dir: str = out_dir_option("The folder where xling translate wrote <stem>.jsonl.", required=True),
    tm: TmPath = None,
) -> None:
    """Write the post-edited targets into <stem>.<lang>.txt and the .jsonl record (keeping the MT text).

    With --tm, the units a translator confirmed (edited, or marked reviewed/final) are stored in the TM.
    """
    from xling.formats.roundtrip import import_post_edit

    if tm is None:
        result = import_post_edit(file, out_dir)
    else:
        from xling.tm.store import TranslationMemory

        with TranslationMemory(tm) as db:
            result = import_post_edit(file, out_dir, tm=db)
    typer.echo(
        f"{file}: {result.units} units, {len(result.edited)} edited, {len(result.confirmed)} post-edited"
        + (f", {result.tm_added} new in the TM" if tm is not None else "")
        + " → "
        + ", ".join(str(p) for p in result.paths)
    )
