"""``xling score``: BLEU, chrF, chrF++ and TER against a reference, term success rate, QA checks.

Thin: parses options, calls :func:`xling.score.api.score_files`, prints the table or JSON.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from xling.cli.options import Encoding, FromLang, GlossaryPath, NoGlossary, SrcFile, to_option


class TargetLang(str, Enum):
    en = "en"
    ru = "ru"
    ar = "ar"


def score(
    hypothesis: Annotated[
        str, typer.Argument(help="Hypothesis (translation) file, one segment a line; - for standard input.")
    ],
    lang: Annotated[TargetLang, to_option("Language of the hypothesis: en, ru or ar.", one=True)],
    ref: str | None = typer.Option(
        None, "--ref", metavar="FILE", help="Reference translation; without it only the reference-free checks run."
    ),
    src: SrcFile = None,
    src_lang: FromLang = "fa",
    align: bool = typer.Option(
        False, "--align", help="Align hypothesis with reference (and source) by sentences instead of line by line."
    ),
    json_out: bool = typer.Option(
        False, "--json", help="Print the report as JSON (schema xling-score/2, xling/score/schema.json)."
    ),
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    fail_under: str | None = typer.Option(
        None, "--fail-under", help="Exit 1 when a score is below its minimum, e.g. chrf=50,bleu=20,terms=90."
    ),
    fail_over: str | None = typer.Option(
        None, "--fail-over", help="Exit 1 when a lower-is-better score is above its maximum, e.g. ter=60."
    ),
    fail_on: str | None = typer.Option(
        None, "--fail-on", help="Exit 1 when a QA issue of this severity or worse is found: error or warning."
    ),
    segments: bool = typer.Option(False, "--segments", help="Also print segment-level scores in the table."),
    encoding: Encoding = None,
) -> None:
    """Score a translation: BLEU, chrF, chrF++ and TER against --ref, term success rate and QA checks."""
    import json
    import sys

    from xling.errors import UsageError
    from xling.score.api import DEFAULT_GLOSSARY, score_files

    if fail_on not in (None, "error", "warning"):
        raise UsageError(f"--fail-on {fail_on!r}: use error or warning")
    if glossary and no_glossary:
        raise UsageError("give --glossary PATH or --no-glossary, not both")
    report = score_files(
        hypothesis,
        lang=lang.value,
        ref=ref,
        src=src,
        src_lang=src_lang,
        align=align,
        glossary=None if no_glossary else (str(glossary) if glossary else DEFAULT_GLOSSARY),
        encoding=encoding,
        fail_under=fail_under,
        fail_over=fail_over,
        fail_on=fail_on,
    )
    for note in report.notes:
        typer.echo(f"xling: {note}", err=True)
    if json_out:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console

        from xling.score.report import render

        render(report, Console(), show_segments=segments)
    if not report.passed:
        raise typer.Exit(1)
