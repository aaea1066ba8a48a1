"""``xling tm import|export|lookup|stats``: the translation memory (see :mod:`xling.tm`)."""

from __future__ import annotations

import typer

from xling.cli.options import FromLang, MinScore, TmPath, ToLang

app = typer.Typer(
    help="Translation memory: import TMX/XLIFF, export TMX, look up matches, stats.", no_args_is_help=True
)


@app.command("import")
def import_(
    file: str = typer.Argument(..., metavar="FILE", help="A .tmx (e.g. from xling align) or .xlf file."),
    tm: TmPath = None,
) -> None:
    """Store the translation units of a TMX or XLIFF file in the TM (created if missing)."""
    from xling.tm.exchange import import_file
    from xling.tm.store import TranslationMemory

    with TranslationMemory(tm) as db:
        added, updated = import_file(db, file)
        total = db.stats()["units"]
    typer.echo(f"imported {file}: {added} units added, {updated} already stored; {total} units in {db.path}")


@app.command("export")
def export(
    dest: str = typer.Argument(..., metavar="FILE", help="Output .tmx ('-' for standard output)."),
    tm: TmPath = None,
) -> None:
    """Write every unit of the TM as TMX 1.4b."""
    import sys

    from xling.io import AtomicOutputs
    from xling.tm.exchange import tm_to_tmx
    from xling.tm.store import TranslationMemory

    with TranslationMemory(tm, create=False) as db:
        data = tm_to_tmx(db)
        n = db.stats()["units"]
    if dest == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with AtomicOutputs() as group, group.open(dest, binary=True) as fh:
        fh.write(data)
    typer.echo(f"wrote {dest}: {n} units", err=True)


@app.command("lookup")
def lookup(
    text: str = typer.Argument(..., help="The source segment to look up."),
    from_code: FromLang = "fa",
    to: ToLang = "en",
    min_score: MinScore = 75.0,
    limit: int = typer.Option(5, "--limit", min=1, help="Most matches to show."),
    json_out: bool = typer.Option(False, "--json", help="Print the matches as JSON."),
    tm: TmPath = None,
) -> None:
    """Exact and fuzzy matches of TEXT, best first (exit status 1 when there is none)."""
    from xling.tm.store import TranslationMemory

    with TranslationMemory(tm, create=False) as db:
        matches = db.fuzzy(text, from_code.lower(), to.lower(), min_score=min_score, limit=limit)
    if json_out:
        import json

        typer.echo(json.dumps([m.to_json() for m in matches], ensure_ascii=False, indent=1))
    else:
        for m in matches:
            kind = "exact" if m.exact else "fuzzy"
            typer.echo(f"{m.score:6.2f}  {kind:<5}  {m.origin:<11}  {m.source}\n{'':28}{m.target}")
        if not matches:
            typer.echo(f"no match at or above {min_score:g}", err=True)
    if not matches:
        raise typer.Exit(1)


@app.command("stats")
def stats(
    json_out: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
    tm: TmPath = None,
) -> None:
    """Counts of the TM: units, distinct sources, units per language pair and origin, size."""
    from xling.tm.store import TranslationMemory

    with TranslationMemory(tm, create=False) as db:
        st = db.stats()
    if json_out:
        import json

        typer.echo(json.dumps(st, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{st['path']} (schema version {st['schema_version']}, {st['bytes'] / 1024:.0f} KiB)")
    typer.echo(f"units: {st['units']} ({st['segments']} distinct sources, {st['used']} reused at least once)")
    typer.echo("pairs: " + (", ".join(f"{k} {v}" for k, v in st["pairs"].items()) or "none"))
    typer.echo("origins: " + (", ".join(f"{k} {v}" for k, v in st["origins"].items()) or "none"))
