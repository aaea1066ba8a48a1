"""``xling align``: sentence alignment of a source with one or more translations.

Thin shell over :func:`xling.align.search.align_sentences` / :func:`xling.align.multi.align_multi`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from xling.cli.options import (
    Encoding,
    FromLangOrNone,
    GlossaryPath,
    NoGlossary,
    OutFile,
    ToLangsOrNone,
    format_option,
)

if TYPE_CHECKING:  # pragma: no cover
    from xling.align.beads import Bead
    from xling.glossary.model import Glossary

_LANG_IN_NAME = re.compile(r"\.([A-Za-z]{2,3})(?:\.[A-Za-z0-9]+)?$")


class AlignFormat(str, Enum):
    beads = "beads"
    tsv = "tsv"
    jsonl = "jsonl"
    tmx = "tmx"


def lang_from_name(path: Path) -> str | None:
    """``reference.en.txt`` → ``en``; ``doc.fa`` → ``fa``; None when the name has no language part."""
    m = _LANG_IN_NAME.search(path.name)
    if not m:
        return None
    code = m.group(1).lower()
    return None if code in {"txt", "tsv", "md", "csv", "xml", "tmx"} else code


def _langs(src: Path, targets: list[Path], src_lang: str | None, tgt_lang: str | None) -> tuple[str, list[str]]:
    from xling.errors import InputError, UsageError

    s = src_lang or lang_from_name(src)
    if not s:
        raise InputError(f"{src}: cannot tell the source language from the file name; give --from (e.g. --from fa)")
    _known_language(s, f"--from {s!r}" if src_lang else f"{src}: language {s!r} from the file name", "--from", src_lang)
    if tgt_lang:
        t = [x.strip() for x in tgt_lang.split(",") if x.strip()]
        if len(t) != len(targets):
            raise UsageError(
                f"--to {tgt_lang!r} names {len(t)} language(s) for {len(targets)} target file(s); give one code per TARGET, comma-separated"
            )
        for given in t:
            _known_language(given, f"--to {given!r}", "--to", given)
        return s, t
    t = []
    for p in targets:
        code = lang_from_name(p)
        if not code:
            raise InputError(f"{p}: cannot tell the target language from the file name; give --to (e.g. --to en,ru,ar)")
        _known_language(code, f"{p}: language {code!r} from the file name", "--to")
        t.append(code)
    return s, t


def _known_language(code: str, what: str, option: str, given: str | None = None) -> None:
    """Refuse a code the aligner has no data for (:func:`xling.lang.script_of_language` knows no script):
    a usage error (exit 2) when the code was ``given`` as an option value, bad input (1) from a file name."""
    from xling.errors import InputError, UsageError
    from xling.lang import LANGUAGES, script_of_language

    if not script_of_language(code, default=""):
        error = UsageError if given else InputError
        raise error(f"{what}: unknown language; use one of: {', '.join(LANGUAGES)} (with {option})")


def _sentences(path: Path, lang: str, presegmented: bool, encoding: str | None, join_lines: bool = False) -> list[str]:
    from xling.io import read_lines, read_text

    if presegmented:
        lines = read_lines(path, encoding=encoding, utf8_first=True)
        _refuse_records(path, "\n".join(lines[:1]))
        return lines
    from xling.text.segment import segment_text

    text = read_text(path, encoding=encoding, utf8_first=True)
    _refuse_records(path, text)
    return [s.one_line() for s in segment_text(text, lang, join_lines=join_lines)]


def _refuse_records(path: Path, text: str) -> None:
    """A translate ``.jsonl`` read as text gave one "sentence" per JSON line and exit 0."""
    from xling.errors import InputError
    from xling.report.records import looks_like_records

    if looks_like_records(text):
        raise InputError(
            f"{path}: this is xling translate's segment record (.jsonl), not text; align its segmented source "
            "<stem>.fa.txt and a <stem>.<lang>.txt from the same --out-dir, with --presegmented"
        )


def align(
    source: Path = typer.Argument(..., help="Source document (one sentence a line with --presegmented)."),
    targets: list[Path] = typer.Argument(..., help="One or more translations of SOURCE."),
    src_lang: FromLangOrNone = None,
    tgt_lang: ToLangsOrNone = None,
    presegmented: bool = typer.Option(
        False, "--presegmented", help="Inputs hold one sentence a line; ids are line numbers (0-based)."
    ),
    join_lines: bool = typer.Option(
        False,
        "--join-lines",
        help="Without --presegmented: hard-wrapped input, a single line break continues the sentence.",
    ),
    fmt: AlignFormat = format_option("beads ([0]:[0,1]), tsv, jsonl or tmx (TMX 1.4b).", AlignFormat.beads),
    out: OutFile = None,
    gold: list[Path] = typer.Option(
        [],
        "--gold",
        metavar="FILE",
        help="Gold beads file; repeat once per TARGET, in order. Prints strict/lax P/R/F1.",
    ),
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    mt: bool = typer.Option(
        False,
        "--mt",
        help="Also score MT(source) against targets with chrF (Bleualign-style; needs installed Argos models).",
    ),
    encoding: Encoding = None,
) -> None:
    """Align SOURCE with each TARGET: 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1 beads.

    Length model (Gale & Church 1993) with anchors (numbers, shared words, glossary terms, punctuation) in a banded coarse-to-fine search.

    With several TARGETs, writes multi-parallel units: the smallest source spans on which all pairwise alignments agree.

    Empty lines keep their line numbers and come out as 1-0 / 0-1 beads.
    """
    from xling.io import atomic_write_text, refuse_stdout_is_input

    _refuse_folders([source, *targets, *gold])
    if out is not None and str(out) == "-":
        out = None  # standard output, as for glossary export -
    if out is None:
        refuse_stdout_is_input([source, *targets, *gold])
    s_lang, t_langs = _check_arguments(source, targets, src_lang, tgt_lang, out, gold)
    src = _sentences(source, s_lang, presegmented, encoding, join_lines)
    tgts = {lang: _sentences(p, lang, presegmented, encoding, join_lines) for lang, p in zip(t_langs, targets)}
    golds = []
    if gold:  # read (and check) before anything is written, so a bad --gold leaves --out untouched
        from xling.align.beads import read_beads

        golds = [read_beads(g, n_src=len(src), n_tgt=len(tgts[lang])) for lang, g in zip(t_langs, gold)]
    gl = _anchor_glossary(glossary, no_glossary, s_lang)
    translators = _translators(s_lang, t_langs) if mt else {}
    text, pairwise = _align_and_render(fmt.value, src, tgts, s_lang, gl, translators)
    if out is not None:
        atomic_write_text(out, text)
    else:
        typer.echo(text, nl=False)
    for lang, g in zip(t_langs, golds):
        typer.echo(_score_line(s_lang, lang, pairwise[lang], g), err=out is None)


def _refuse_folders(paths: list[Path]) -> None:
    """Raise InputError for the first input that is a folder (before languages or anything else)."""
    from xling.errors import InputError

    for p in paths:
        if p.is_dir():
            raise InputError(f"{p}: is a folder; give a text file")


def _check_arguments(
    source: Path,
    targets: list[Path],
    src_lang: str | None,
    tgt_lang: str | None,
    out: Path | None,
    gold: list[Path],
) -> tuple[str, list[str]]:
    """Checks that need no file reading; returns ``(source language, target languages)``.

    Raises:
        InputError: an output would overwrite an input, languages repeat or cannot be told,
            or the --gold count differs from the TARGET count.
    """
    from xling.errors import InputError
    from xling.io import refuse_overwrite

    if [str(p) for p in (source, *targets)].count("-") > 1:
        raise InputError("standard input (-) is named more than once; give at most one of SOURCE and TARGETs as -")
    if out is not None:
        refuse_overwrite(
            out, [("SOURCE", source)] + [("TARGET", t) for t in targets] + [("--gold", g) for g in gold or []]
        )
    s_lang, t_langs = _langs(source, targets, src_lang, tgt_lang)
    if len(set(t_langs)) != len(t_langs):
        raise InputError(f"target languages repeat ({','.join(t_langs)}); give each TARGET its own code with --to")
    if gold and len(gold) != len(targets):
        raise InputError(
            f"{len(gold)} --gold file(s) for {len(targets)} target(s); give one --gold per TARGET, in order"
        )
    return s_lang, t_langs


def _anchor_glossary(glossary: Path | None, no_glossary: bool, s_lang: str) -> Glossary | None:
    """The termbase that anchors the alignment: ``glossary``, else the house one for its source language.

    Raises:
        InputError: both ``--glossary`` and ``--no-glossary`` (:func:`xling.glossary.store.resolve_glossary`).
    """
    from xling.glossary.store import resolve_glossary

    gl = resolve_glossary(glossary, no_glossary=no_glossary)  # None: the house glossary
    if glossary is None and gl is not None and gl.source_language != s_lang:
        return None  # the house termbase anchors Persian sources only
    return gl


def _translators(s_lang: str, t_langs: list[str]) -> dict[str, Callable[..., list[str]]]:
    """An installed Argos engine's ``translate_batch`` per target language (for ``--mt``)."""
    from xling.mt.argos import load_engine

    return {lang: load_engine(s_lang, lang).translate_batch for lang in t_langs}


def _align_and_render(
    fmt: str,
    src: list[str],
    tgts: dict[str, list[str]],
    s_lang: str,
    gl: Glossary | None,
    translators: dict[str, Callable[..., list[str]]],
) -> tuple[str, dict[str, list[Bead]]]:
    """Align ``src`` with every target; returns the rendered text and the pairwise beads."""
    from xling.align.multi import align_multi
    from xling.align.output import render, units_from_beads
    from xling.align.search import align_sentences

    if len(tgts) == 1:
        [lang] = tgts
        beads = align_sentences(
            src, tgts[lang], src_lang=s_lang, tgt_lang=lang, glossary=gl, translate=translators.get(lang)
        )
        pairwise = {lang: beads}
        units = units_from_beads(beads, lang)
    else:
        units, pairwise = align_multi(src, tgts, src_lang=s_lang, glossary=gl, translators=translators)
    return render(fmt, units, src, tgts, src_lang=s_lang), pairwise


def _score_line(s_lang: str, lang: str, beads: list[Bead], gold: list[Bead]) -> str:
    """One line of strict/lax P/R/F1 of ``beads`` against ``gold``."""
    from xling.align.evaluate import score_alignment

    r = score_alignment(beads, gold)
    return (
        f"{s_lang}-{lang} strict P={r['strict_precision']:.4f} R={r['strict_recall']:.4f} F1={r['strict_f1']:.4f}"
        f"  lax P={r['lax_precision']:.4f} R={r['lax_recall']:.4f} F1={r['lax_f1']:.4f}"
    )
