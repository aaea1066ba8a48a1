"""``xling report``: the review report (HTML) of a translated document or of a folder of them.

Thin: parses options, calls :mod:`xling.report.api`, prints what was written.
"""

from __future__ import annotations

from typing import Annotated

import typer

from xling.cli.options import GlossaryPath, NoGlossary, glossary_from_options, out_option


def report(
    path: str = typer.Argument(
        ...,
        help="A record OUT/<stem>.jsonl written by xling translate, or a folder of them (a batch output): "
        "then a page per document and an index page.",
    ),
    ref: list[str] = typer.Option(
        [],
        "--ref",
        metavar="LANG=FILE",
        help="LANG=FILE: a human reference for one target language (repeat for each), e.g. en=ref.en.txt.",
    ),
    ref_dir: str | None = typer.Option(
        None, "--ref-dir", metavar="DIR", help="Folder mode: references laid out as DIR/<sub-folder>/<stem>.<lang>.txt."
    ),
    out: Annotated[
        str | None, out_option("The page to write (default: <stem>.html beside the record; FOLDER/index.html).")
    ] = None,
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
) -> None:
    """Write a self-contained HTML review report: source and targets side by side, glossary terms and
    repairs, QA issues inline, and with --ref the reference and chrF++ under each segment and corpus scores."""
    from pathlib import Path

    from rich.console import Console

    from xling.errors import InputError
    from xling.report import api

    target = Path(path)
    if not target.exists():
        raise InputError(f"{path}: no such file or folder; give OUT/<stem>.jsonl or an output folder")
    if target.is_dir() and ref:
        raise InputError(
            "--ref is for one document; for a folder give --ref-dir DIR (DIR/<sub-folder>/<stem>.<lang>.txt)"
        )
    if not target.is_dir() and ref_dir:
        raise InputError("--ref-dir is for a folder of records; for one document give --ref LANG=FILE")
    gloss = glossary_from_options(glossary, no_glossary)
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if target.is_dir():
        result = api.report_folder(target, out=out, ref_dir=ref_dir, glossary=gloss)
        for skipped in result.skipped:
            console.print(f"skipped {skipped}: not a segment record")
        console.print(f"{len(result.pages)} document pages and the index → {result.index}")
    else:
        written = api.report_record(target, out=out, refs=ref, glossary=gloss)
        console.print(f"report → {written}")
