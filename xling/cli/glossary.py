"""``xling glossary ...``: maintain the termbase (list, show, add, edit, remove, merge, validate,
import, export); :mod:`xling.cli.glossary_enforce` adds ``enforce`` and ``check`` to :data:`app`.

Thin layer: parse options (the term option strings in :mod:`xling.cli.glossary_args`), call
:mod:`xling.glossary.ops` / :mod:`xling.glossary.store`, print. No command prompts. Every command
takes ``--glossary PATH`` (:data:`xling.cli.options.GlossaryPath`; default: the house glossary).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from xling.cli.options import GlossaryPath, encoding_option, format_option, to_option
from xling.glossary.model import EntryType
from xling.glossary.ops import ConflictPolicy, ExchangeFormat
from xling.paths import counted

app = typer.Typer(help="Maintain and apply the termbase (glossary).", no_args_is_help=True)

ConflictOpt = typer.Option(
    ConflictPolicy.ERROR, "--on-conflict", help="Same id, different content: error, ours, theirs or combine."
)


def _console():
    from rich.console import Console

    return Console(soft_wrap=False)


def _match_text(entry, needle: str) -> bool:
    from xling.glossary.validate import source_key

    n = needle.casefold()
    nk = source_key(needle)
    if n in entry.id.casefold() or (entry.note and n in entry.note.casefold()):
        return True
    for lang in entry.terms:
        for surface, _, _ in entry.forms(lang):
            if n in surface.casefold() or (nk and nk in source_key(surface)):
                return True
    return False


#: ``--format`` / ``-f`` of import and export
ExchangeFormatOpt = Annotated[
    ExchangeFormat | None, format_option("Exchange format (default: from the extension).", case_sensitive=False)
]


class ListFormat(str, Enum):
    """Output forms of ``glossary list``."""

    TABLE = "table"
    JSON = "json"
    TSV = "tsv"


def _list_rows(g, langs: list[str], entries) -> list[dict]:
    """One dict per entry: id, type, the preferred term per language, the number of other terms."""
    rows = []
    for e in entries:
        preferred = {lg: (p.text if (p := e.preferred(lg)) else "") for lg in langs}
        variants = sum(len(ts) for ts in e.terms.values()) - sum(1 for lg in e.terms if e.preferred(lg))
        rows.append({"id": e.id, "type": e.type.value, "preferred": preferred, "variants": variants})
    return rows


#: narrowest language column of the list table (characters); below it, entries are listed as blocks
_MIN_TERM_COLUMN = 14


def _print_list_table(title: str, langs: list[str], rows: list[dict]) -> None:
    """The entries as a table when every language column gets at least :data:`_MIN_TERM_COLUMN`
    characters at the console width (the terminal's, 80 when redirected), else as one block per
    entry (id, type, variants, then one ``LANG  TERM`` line per language): never cut terms."""
    from rich import box
    from rich.table import Table

    console = _console()
    id_width = min(max((len(r["id"]) for r in rows), default=2), 22)  # most ids stay whole; longer ones fold
    type_width = min(max((len(r["type"]) for r in rows), default=4), 8)
    fixed = id_width + type_width + 4 + 3 * (len(langs) + 3)  # id, type, var. and the column gaps
    if console.width - fixed < _MIN_TERM_COLUMN * len(langs):
        console.print(title, highlight=False)
        for r in rows:
            console.print(f"\n{r['id']}  ({r['type']}, {counted(r['variants'], 'other term')})", highlight=False)
            for lg in langs:
                console.print(f"  {lg:<3} {r['preferred'][lg]}", highlight=False, soft_wrap=True)
        return
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("id", overflow="fold", width=id_width)
    table.add_column("type", overflow="fold", width=type_width)
    for lg in langs:
        table.add_column(lg, overflow="fold")
    table.add_column("var.", justify="right", no_wrap=True, min_width=4)
    for r in rows:
        table.add_row(r["id"], r["type"], *(r["preferred"][lg] for lg in langs), str(r["variants"]))
    console.print(table)


@app.command("list")
def list_(
    glossary: GlossaryPath = None,
    type: EntryType | None = typer.Option(None, "--type", "-t", help="Only entries of this type."),
    lang: Annotated[
        str | None, to_option("Only entries with terms in this language; show the source and this language.", one=True)
    ] = None,
    text: str | None = typer.Option(
        None,
        "--text",
        help="Only entries whose id, note or any term contains TEXT (ZWNJ, ي/ی and ك/ک insensitive for Persian).",
    ),
    format: Annotated[
        ListFormat,
        format_option(
            "table (wrapped to the terminal, 80 columns when redirected), json or tsv (one entry a line).",
            case_sensitive=False,
        ),
    ] = ListFormat.TABLE,
) -> None:
    """List concept entries: id, type, the preferred term per language and the number of other terms."""
    import json

    from xling.glossary.store import load_glossary

    g = load_glossary(glossary)
    langs = g.languages()
    if lang:
        from xling.glossary.ops import require_language

        require_language(g, lang)
    if lang:
        langs = [g.source_language] + ([lang] if lang != g.source_language else [])
    entries = [
        e
        for e in g.entries
        if (type is None or e.type == type)
        and (lang is None or lang in e.terms)
        and (text is None or _match_text(e, text))
    ]
    rows = _list_rows(g, langs, entries)
    if format == ListFormat.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format == ListFormat.TSV:
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "type", *langs, "variants"])
        for r in rows:
            w.writerow([r["id"], r["type"], *(r["preferred"][lg] for lg in langs), r["variants"]])
        typer.echo(buf.getvalue(), nl=False)
    else:
        _print_list_table(f"{g.name}: {len(rows)} of {len(g.entries)} entries", langs, rows)


@app.command("show")
def show(
    entry_id: str = typer.Argument(..., metavar="ID", help="Entry id."),
    glossary: GlossaryPath = None,
    yaml: bool = typer.Option(False, "--yaml", help="Print the entry as YAML instead of a table."),
) -> None:
    """Show one concept entry: notes, cross-references and every term with its status."""
    from xling.errors import GlossaryError
    from xling.glossary.store import load_document

    doc = load_document(glossary)
    g = doc.glossary
    idx = next((i for i, e in enumerate(g.entries) if e.id == entry_id), None)
    if idx is None:
        raise GlossaryError(f"{doc.path}: no entry with id {entry_id!r}; see 'xling glossary list'")
    e = g.entries[idx]
    if yaml:
        from xling.glossary.store import entry_yaml

        typer.echo(entry_yaml(e), nl=False)
        return
    from rich.table import Table

    con = _console()
    con.print(f"[bold]{e.id}[/bold]  ({e.type.value})  {doc.where(('entries', idx))}")
    if e.note:
        con.print(f"note: {e.note}")
    if e.source:
        con.print(f"source: {e.source}")
    for r in e.related:
        other = g.get(r.target)
        pref = other.preferred("en") if other else None
        label = pref.text if pref else ""
        con.print(f"{r.type.value}: {r.target} {label}")
    table = Table()
    for c in ("lang", "status", "term", "short forms", "use", "note"):
        table.add_column(c)
    for lg, terms in e.terms.items():
        for t in terms:
            table.add_row(lg, t.status.value, t.text, ", ".join(t.short_forms), t.use or "", t.note or "")
    con.print(table)


def _changes(term, status, short, use, remove_term=(), term_note=()):
    from xling.cli.glossary_args import term_changes

    return term_changes(
        terms=term or (),
        statuses=status or (),
        shorts=short or (),
        uses=use or (),
        removes=remove_term or (),
        notes=term_note or (),
    )


TermOpt = typer.Option(
    None, "--term", help="LANG=TEXT: add a term (first per language is preferred, later ones admitted). Repeatable."
)
StatusOpt = typer.Option(
    None, "--status", help="LANG:TEXT=STATUS (preferred, admitted, deprecated); adds the term if needed. Repeatable."
)
ShortOpt = typer.Option(None, "--short", help="LANG:TEXT=SHORT: a short form of term TEXT. Repeatable.")
UseOpt = typer.Option(
    None,
    "--use",
    help="LANG:TEXT=USE: the replacement of deprecated term TEXT when it is not the preferred term. Repeatable.",
)
TermNoteOpt = typer.Option(None, "--term-note", help="LANG:TEXT=NOTE: a note on term TEXT. Repeatable.")
RelatedOpt = typer.Option(
    None, "--related", help="[TYPE:]ID cross-reference; TYPE aka/also-known-as or see/see-also. Repeatable."
)


@app.command("add")
def add(
    entry_id: str = typer.Option(
        ...,
        "--id",
        help="New entry id: lowercase letters, digits and '-', starting with a letter (e.g. vladimir-putin).",
    ),
    type: EntryType = typer.Option(EntryType.OTHER, "--type", help="The kind of concept."),
    term: list[str] | None = TermOpt,
    status: list[str] | None = StatusOpt,
    short: list[str] | None = ShortOpt,
    use: list[str] | None = UseOpt,
    term_note: list[str] | None = TermNoteOpt,
    note: str | None = typer.Option(None, "--note", help="Why these forms (for reviewers)."),
    source: str | None = typer.Option(None, "--source", help="Where the house forms come from."),
    related: list[str] | None = RelatedOpt,
    glossary: GlossaryPath = None,
) -> None:
    """Add a concept entry. Refused (file unchanged) if it breaks the glossary, e.g. a Persian term already used."""
    from xling.cli.glossary_args import parse_related
    from xling.glossary.ops import add_entry

    e = add_entry(
        glossary,
        entry_id,
        type=type,
        changes=_changes(term, status, short, use, (), term_note),
        note=note,
        source=source,
        related=[parse_related(r) for r in related or ()],
    )
    typer.echo(f"added {e.id} ({counted(sum(len(t) for t in e.terms.values()), 'term')})")


@app.command("edit")
def edit(
    entry_id: str = typer.Argument(..., metavar="ID", help="Id of the entry to change (see xling glossary list)."),
    new_id: str | None = typer.Option(
        None, "--rename", help="New id (lowercase letters, digits and '-'); cross-references are updated."
    ),
    type: EntryType | None = typer.Option(None, "--type", help="Change the kind of concept."),
    term: list[str] | None = TermOpt,
    status: list[str] | None = StatusOpt,
    short: list[str] | None = ShortOpt,
    use: list[str] | None = UseOpt,
    term_note: list[str] | None = TermNoteOpt,
    remove_term: list[str] | None = typer.Option(None, "--remove-term", help="LANG=TEXT: remove a term. Repeatable."),
    note: str | None = typer.Option(None, "--note", help="Set the entry note ('' clears it)."),
    source: str | None = typer.Option(None, "--source", help="Set the entry source ('' clears it)."),
    related: list[str] | None = RelatedOpt,
    remove_related: list[str] | None = typer.Option(
        None, "--remove-related", help="ID: drop the cross-reference to ID. Repeatable."
    ),
    glossary: GlossaryPath = None,
) -> None:
    """Change an entry: terms, statuses, short forms, notes, cross-references, type or id."""
    from xling.cli.glossary_args import parse_related
    from xling.glossary.ops import edit_entry

    e = edit_entry(
        glossary,
        entry_id,
        new_id=new_id,
        type=type,
        note=note,
        source=source,
        changes=_changes(term, status, short, use, remove_term, term_note),
        add_related=[parse_related(r) for r in related or ()],
        remove_related=list(remove_related or ()),
    )
    typer.echo(f"edited {e.id}")


@app.command("remove")
def remove(
    entry_id: str = typer.Argument(..., metavar="ID", help="Id of the entry to remove (see xling glossary list)."),
    force: bool = typer.Option(False, "--force", help="Also drop cross-references to the entry from other entries."),
    glossary: GlossaryPath = None,
) -> None:
    """Remove an entry (refused while other entries refer to it, unless --force)."""
    from xling.glossary.ops import remove_entry

    remove_entry(glossary, entry_id, force=force)
    typer.echo(f"removed {entry_id}")


@app.command("merge")
def merge(
    other: Path | None = typer.Argument(
        None, metavar="[OTHER.yaml]", help="Another glossary YAML file to merge into this one."
    ),
    entries: tuple[str, str] | None = typer.Option(
        None,
        "--entries",
        metavar="KEEP OTHER",
        help="Merge two entries instead: --entries KEEP_ID OTHER_ID (OTHER is folded into KEEP and removed).",
    ),
    on_conflict: ConflictPolicy = ConflictOpt,
    glossary: GlossaryPath = None,
) -> None:
    """Merge another glossary file into this one, or two entries of this glossary into one.

    File merge: entries with new ids are appended; an id in both with different content follows
    --on-conflict. Entry merge (--entries KEEP OTHER): OTHER's terms, short forms and references go
    into KEEP (KEEP's statuses win; a second preferred term becomes admitted), references to OTHER
    point to KEEP, OTHER is removed. Both are refused if the result breaks the glossary.
    """
    from xling.errors import GlossaryError, UsageError
    from xling.glossary.ops import merge_entries, merge_glossary_file
    from xling.glossary.store import load_glossary

    if entries:
        if other is not None:
            raise UsageError("merge: give either OTHER.yaml or --entries KEEP OTHER, not both")
        e = merge_entries(glossary, entries[0], entries[1])
        typer.echo(f"merged {entries[1]} into {e.id}")
        return
    if other is None:
        raise GlossaryError("merge: give OTHER.yaml (a glossary file) or --entries KEEP OTHER")
    if not Path(other).exists():  # load_glossary's fix (--glossary PATH) is for the glossary, not OTHER
        raise GlossaryError(f"{other}: no such file; give an existing glossary YAML file as OTHER.yaml")
    added, changed = merge_glossary_file(glossary, load_glossary(other), on_conflict=on_conflict)
    typer.echo(f"merged {other}: {counted(added, 'entry', 'entries')} added, {changed} changed")


@app.command("validate")
def validate(
    glossary: GlossaryPath = None,
    strict: bool = typer.Option(False, "--strict", help="Warnings also make the exit status 1."),
) -> None:
    """Check the glossary; exit 1 on any error (problems are printed as FILE:LINE).

    Errors: schema errors, duplicate ids, the same source term in two entries, a deprecated term
    equal to another entry's preferred term, a language without a preferred term, dangling
    cross-references.
    """
    from xling.glossary.store import load_document
    from xling.glossary.validate import ERROR, validate_glossary

    doc = load_document(glossary)
    problems = validate_glossary(doc.glossary)
    n_err = sum(1 for p in problems if p.severity == ERROR)
    for p in problems:
        typer.echo(f"{doc.where(p.loc)}: {p.severity}: [{p.code}] {p.message}", err=True)
    n_warn = len(problems) - n_err
    typer.echo(
        f"{doc.path}: {counted(len(doc.glossary.entries), 'entry', 'entries')}, {counted(n_err, 'error')}, "
        f"{counted(n_warn, 'warning')}"
    )
    if n_err or (strict and n_warn):
        raise typer.Exit(1)


@app.command("import")
def import_(
    source: Path = typer.Argument(..., metavar="FILE", help="TBX (.tbx/.xml) or CSV/TSV file."),
    format: ExchangeFormatOpt = None,
    lang: Annotated[str | None, to_option("Two-column CSV/TSV: language of the second column.", one=True)] = None,
    on_conflict: ConflictPolicy = ConflictOpt,
    replace: bool = typer.Option(False, "--replace", help="Make the glossary equal to the imported file."),
    encoding: Annotated[str | None, encoding_option("CSV/TSV encoding (default UTF-8), e.g. utf-16 or cp1256.")] = None,
    glossary: GlossaryPath = None,
) -> None:
    """Import TBX or CSV/TSV into the glossary (created if the file does not exist; merged otherwise)."""
    from xling.glossary.ops import import_file

    added, changed = import_file(
        glossary, source, fmt=format, lang=lang, on_conflict=on_conflict, replace=replace, encoding=encoding
    )
    typer.echo(f"imported {source}: {counted(added, 'entry', 'entries')} added, {changed} changed")


@app.command("export")
def export(
    dest: str = typer.Argument(
        ..., metavar="FILE", help="Output .tbx, .csv or .tsv ('-' for standard output with --format)."
    ),
    format: ExchangeFormatOpt = None,
    lang: Annotated[
        str | None,
        to_option("CSV/TSV: write the two-column DeepL form source→LANG instead of the multi-language form.", one=True),
    ] = None,
    tbx_version: int = typer.Option(
        3, "--tbx-version", help="TBX: 3 (ISO 30042:2019) or 2 (martif, which OmegaT and translate-toolkit read)."
    ),
    glossary: GlossaryPath = None,
) -> None:
    """Export the glossary as TBX-Basic (ISO 30042:2019, or v2 martif) or CSV/TSV."""
    from xling.errors import GlossaryError
    from xling.glossary.ops import export_file
    from xling.glossary.store import default_glossary_path, load_glossary
    from xling.io import same_file

    if same_file(dest, glossary if glossary is not None else default_glossary_path()):
        raise GlossaryError(
            f"{dest}: that is the glossary being exported, which the export would overwrite; give another file name"
        )
    text = export_file(load_glossary(glossary), dest, fmt=format, lang=lang, tbx_version=tbx_version)
    if dest == "-":
        typer.echo(text, nl=False)
    else:
        typer.echo(f"wrote {dest}", err=True)


from xling.cli import glossary_enforce as _glossary_enforce  # noqa: E402, F401 - registers enforce and check
