"""``xling glossary enforce`` and ``xling glossary check``.

Registered on :data:`xling.cli.glossary.app` when :mod:`xling.cli.glossary` imports this module.
Thin: read files, call :mod:`xling.glossary.repair` / :mod:`xling.glossary.check`, print.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from xling.cli.glossary import app
from xling.cli.options import GlossaryPath, encoding_option, src_option, to_option
from xling.paths import counted

_LANGS = ("en", "ru", "ar")


def _read_pair(translation: str, source: str, lang: str, encoding: str | None = None):
    from xling.errors import UsageError
    from xling.io import read_lines, refuse_stdout_is_input

    if lang not in _LANGS:
        raise UsageError(f"--to {lang!r}: give one of {', '.join(_LANGS)}")
    refuse_stdout_is_input([translation, source])
    return (
        read_lines(source, encoding=encoding, utf8_first=True),
        read_lines(translation, encoding=encoding, utf8_first=True),
    )


def _refuse_wrong_languages(src: list[str], tgt: list[str], g, lang: str, translation: str, source: str) -> None:
    """A source not in the glossary's source language (no term could be expected: the success rate
    would read 1.0 on 0 terms) or a translation in another script than ``lang``'s (every term
    "missing") is refused; a translation left in the source's script is untranslated, not refused."""
    from xling.lang import refuse_other_script, script_of_language

    src_lang = g.source_language
    refuse_other_script(
        "\n".join(src),
        src_lang,
        name=source,
        claim=f"the glossary's source language {src_lang}",
        fix=f"give the {src_lang} source with --source",
    )
    refuse_other_script(
        "\n".join(tgt),
        lang,
        name=translation,
        claim=f"--to {lang}",
        fix="give the language of the file with --to ({lang})",
        allowed=(script_of_language(src_lang),),
    )


_ENCODING_HELP = "Encoding of the input files that are not UTF-8, e.g. cp1256 (UTF-8 files are always read as UTF-8)."
#: ``--to LANG`` of enforce and check (old names ``--lang``, ``-l``): the language of TRANSLATION
_TRANSLATION_LANG = to_option("Language of TRANSLATION: en, ru or ar.", required=True)
PairEncoding = Annotated[str | None, encoding_option(_ENCODING_HELP)]


def _glossary(path: Path | None, lang: str):
    from xling.errors import InputError
    from xling.glossary.store import default_glossary_path, load_glossary

    g = load_glossary(path)
    if g.entries and not any(e.terms.get(lang) for e in g.entries):
        # without this, check would expect nothing and report a success rate of 1.0
        raise InputError(
            f"{path or default_glossary_path()}: the glossary has no {lang} terms (its languages: "
            f"{', '.join(g.languages())}); give a glossary with {lang} terms, or rename the language in it"
        )
    return g


def _align(src: list[str], tgt: list[str], g, lang: str, translation: str, source: str, *, note: bool = True):
    """Sentence-align differently segmented files (:func:`xling.align.search.align_sentences`),
    with a one-line note on standard error saying so."""
    from xling.align.search import align_sentences

    if note:
        typer.echo(
            f"xling: {translation} has {counted(len(tgt), 'line')} and {source} has {len(src)}: pairing them with the sentence aligner (as --align)",
            err=True,
        )
    return align_sentences(src, tgt, src_lang=g.source_language, tgt_lang=lang, glossary=g)


def _source_per_target_line(src: list[str], n_tgt: int, beads) -> list[str]:
    """For each target line, the source sentences of its bead joined by a space ("" for a 0-1 bead)."""
    out = [""] * n_tgt
    for b in beads:
        joined = " ".join(src[i] for i in b.src)
        for j in b.tgt:
            out[j] = joined
    return out


@app.command("enforce")
def enforce(
    translation: str = typer.Argument(
        ..., metavar="TRANSLATION", help="Translation, one segment a line ('-' for standard input)."
    ),
    source: str = src_option("Source (Persian) file: line i is the source of line i of TRANSLATION.", required=True),
    lang: str = _TRANSLATION_LANG,
    glossary: GlossaryPath = None,
    report: Path | None = typer.Option(
        None,
        "--report",
        "-r",
        metavar="FILE",
        help="Write every change (segment, offsets, before, after, rule) as JSON to this file.",
    ),
    encoding: PairEncoding = None,
) -> None:
    """Repair a translation: deprecated variants and near-misses of the terms its source contains
    become the house forms, keeping case endings, Arabic prefixes and possessives. Prints the
    repaired translation."""
    from xling.errors import InputError
    from xling.glossary.repair import repair
    from xling.io import atomic_write_text, refuse_overwrite

    if report is not None and str(report) == "-":
        raise InputError("--report -: give a file name; standard output carries the repaired translation")
    if report is not None:
        from xling.glossary.store import default_glossary_path

        refuse_overwrite(
            report,
            [("TRANSLATION", translation), ("--src", source), ("--glossary", glossary or default_glossary_path())],
            option="--report",
        )
    src, tgt = _read_pair(translation, source, lang, encoding)
    g = _glossary(glossary, lang)
    _refuse_wrong_languages(src, tgt, g, lang, translation, source)
    pairing = "lines"
    if len(src) != len(tgt):
        # line j of TRANSLATION is repaired against the source sentences of its bead
        beads = _align(src, tgt, g, lang, translation, source)
        src = _source_per_target_line(src, len(tgt), beads)
        pairing = "aligned"
    results = repair(src, tgt, lang, g)
    changes = [c.to_dict() for r in results for c in r.changes]
    if report is not None:
        doc = {
            "translation": translation,
            "source": source,
            "lang": lang,
            "pairing": pairing,
            "segments": len(tgt),
            "changed_segments": sum(1 for r in results if r.changes),
            "changes": changes,
        }
        atomic_write_text(report, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    typer.echo("".join(r.text + "\n" for r in results), nl=False)
    changed = sum(1 for r in results if r.changes)
    typer.echo(f"{counted(len(changes), 'change')} in {changed} of {counted(len(tgt), 'segment')}", err=True)


@app.command("check")
def check(
    translation: str = typer.Argument(..., metavar="TRANSLATION", help="Translation, one segment a line."),
    source: str = src_option("Source (Persian) file.", required=True),
    lang: str = _TRANSLATION_LANG,
    glossary: GlossaryPath = None,
    as_json: bool = typer.Option(False, "--json", help="Print the term report as JSON."),
    strict: bool = typer.Option(
        False, "--strict", help="Exit with status 1 if any expected term is missing or deprecated."
    ),
    document: bool = typer.Option(
        False, "--document", help="Check the whole document as one segment (for differently segmented files)."
    ),
    align: bool = typer.Option(
        False, "--align", help="Pair differently segmented files with the sentence aligner (xling.align) first."
    ),
    encoding: PairEncoding = None,
) -> None:
    """Check term use: for each term the source contains, is it in the translation in its
    preferred or admitted form, deprecated, or missing? Prints the WMT term success rate.

    Files with the same number of lines are checked line by line; files segmented differently
    (a translator split or merged sentences) are paired with the sentence aligner, as with
    --align, and a note on standard error says so. --document checks the whole document as one
    segment. The table's "line" is the line(s) of TRANSLATION (1-based), as in xling score."""
    from xling.glossary.check import check_terms

    src, tgt = _read_pair(translation, source, lang, encoding)
    g = _glossary(glossary, lang)
    _refuse_wrong_languages(src, tgt, g, lang, translation, source)
    mode = "lines"
    lines_of = [[i + 1] for i in range(len(tgt))]  # 1-based TRANSLATION line(s) of each checked pair
    if document:
        src, tgt, mode, lines_of = [" ".join(src)], [" ".join(tgt)], "document", [[]]
    elif align or len(src) != len(tgt):
        beads = _align(src, tgt, g, lang, translation, source, note=not align)
        src, tgt = ([" ".join(src[i] for i in b.src) for b in beads], [" ".join(tgt[j] for j in b.tgt) for b in beads])
        mode, lines_of = "aligned", [[j + 1 for j in b.tgt] for b in beads]
    rep = check_terms(src, tgt, lang, g)
    if as_json:
        d = rep.to_dict()
        d["pairing"] = mode
        for row in d["rows"]:
            row["lines"] = lines_of[row["segment"]]
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"Term check ({lang}, {mode}): {counted(len(rep.rows), 'expected term')}")
        for col in ("line", "entry", "expected", "status", "found", "house form"):
            table.add_column(col)
        for r in rep.rows:
            table.add_row(
                ",".join(map(str, lines_of[r.segment])) or "-",
                r.entry_id,
                str(r.expected),
                r.status,
                "; ".join(r.found),
                r.house or "",
            )
        console = Console(soft_wrap=True)
        console.print(table)
        typer.echo(f"term success rate: {rep.rate_text()}")
    if strict and rep.failures:
        typer.echo(f"xling: {counted(len(rep.failures), 'expected term')} missing or deprecated", err=True)
        raise typer.Exit(1)
