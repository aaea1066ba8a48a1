"""``xling translate FILE --from fa --to en,ru,ar --out-dir DIR``: the main job (see :mod:`xling.pipeline`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from xling.cli.options import Encoding, FromLang, GlossaryPath, NoGlossary, OutDir, ToLangs

if TYPE_CHECKING:  # pragma: no cover
    from rich.progress import Progress

    from xling.pipeline import FileResult


class RichReporter:
    """Progress and notices on standard error with rich: a status line while a model loads, one
    bar per translated language pair. Bars are drawn only on a terminal; notices always print."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self._progress: Progress | None = None

    def status(self, message: str):
        if self.console.is_terminal:
            return self.console.status(message)
        from contextlib import nullcontext

        return nullcontext()

    def warn(self, message: str) -> None:
        self.console.print(f"[bold yellow]{message}[/]", highlight=False)

    @contextmanager
    def bars(self) -> Iterator[None]:
        """Show bars started with :meth:`bar` while the block runs."""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            disable=not self.console.is_terminal,
        )
        self._progress = progress
        with progress:
            yield
        self._progress = None

    def bar(self, label: str, total: int):
        if self._progress is None:
            return lambda n: None
        progress = self._progress
        task = progress.add_task(label, total=total)
        return lambda n: progress.advance(task, n)


def _split_langs(value: str) -> list[str]:
    from xling.errors import UsageError

    langs = [c.strip().lower() for c in value.split(",") if c.strip()]  # Argos codes are lower case
    if not langs:
        raise UsageError(f"--to {value!r}: give target language codes, e.g. --to en,ru,ar")
    return list(dict.fromkeys(langs))


def translate(
    file: str = typer.Argument(
        ..., help="Input document (UTF-8 text, paragraphs separated by blank lines), or - for standard input."
    ),
    from_code: FromLang = "fa",
    to: ToLangs = "en,ru,ar",
    out_dir: OutDir = "out",
    encoding: Encoding = None,
    beam_size: int = typer.Option(None, "--beam-size", min=1, help="Beam width (default: argostranslate's, 4)."),
    engine: str = typer.Option(
        None,
        "--engine",
        help="One engine kind for every leg: argos (CTranslate2 direct, batched), argos-native (argostranslate's "
        "own path, for comparison), opus-mt, nllb or m2m100 (model folders). Default: per target from the routes "
        "config, else a direct model of any kind, else through the pivot.",
    ),
    routes: str = typer.Option(
        None, "--routes", help="Routes config (TOML) choosing the engine per target (default: ./xling.toml if present)."
    ),
    plan_only: bool = typer.Option(
        False, "--plan", help="Print the routes and models that would be used, and exit without translating."
    ),
    pivot: str = typer.Option(
        None,
        "--pivot",
        help="Language to pivot through when no direct model exists (default: the routes config's, else en).",
    ),
    max_batch_tokens: int = typer.Option(
        2048, "--max-batch-tokens", min=1, help="CTranslate2 sub-batch size in source tokens (memory vs speed)."
    ),
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    join_lines: bool = typer.Option(
        False,
        "--join-lines",
        help="Hard-wrapped input: a single line break continues the sentence (default: every line break ends a segment).",
    ),
    score: bool = typer.Option(
        False,
        "--score",
        help="Run xling score's reference-free QA checks on the output: a table per language on stderr and DIR/<stem>.qa.json.",
    ),
    report: bool = typer.Option(
        False,
        "--report",
        help="Also write DIR/<stem>.html: the review report of xling report (source and targets side by side, terms, QA).",
    ),
) -> None:
    """Translate a document into each target language.

    Writes DIR/<stem>.<lang>.txt (one segment a line, a blank line between paragraphs) and
    DIR/<stem>.jsonl (one record per segment). The stem is the file name without .txt and
    without a final .<from> (putin-sharaa-2025-10-15.fa.txt -> putin-sharaa-2025-10-15); stdin -> stdin.
    """
    from xling.errors import UsageError
    from xling.mt.routes import ENGINE_KINDS, find_routes_config
    from xling.pipeline import HOUSE_GLOSSARY, Session, TranslateConfig, translate_file

    if engine is not None and engine not in ENGINE_KINDS:
        raise UsageError(f"--engine {engine!r}: choose one of {', '.join(ENGINE_KINDS)}")
    if engine is not None and routes is not None:
        raise UsageError("give --engine KIND (every leg) or --routes FILE (per target), not both")
    routes_config = None if engine else find_routes_config(routes)
    if no_glossary and glossary:
        raise UsageError("give --glossary PATH or --no-glossary, not both")
    reporter = RichReporter()
    config = TranslateConfig(
        from_code=from_code.strip().lower(),
        targets=tuple(_split_langs(to)),
        beam_size=beam_size,
        engine=engine,
        routes=str(routes_config.path) if routes_config else None,
        pivot=(pivot or (routes_config.pivot if routes_config else None) or "en").strip().lower(),
        max_batch_tokens=max_batch_tokens,
        join_lines=join_lines,
        glossary=None if no_glossary else (str(glossary) if glossary else HOUSE_GLOSSARY),
    )
    session = Session.open(config)  # a missing model: exit 2 before reading or writing anything
    if session.glossary is not None:  # a glossary that validate rejects stops the run before any model loads
        from xling.glossary.store import default_glossary_path
        from xling.glossary.validate import require_valid

        require_valid(session.glossary, glossary or default_glossary_path())
    if plan_only:
        if session.plan is not None:
            typer.echo("\n".join(session.plan.describe()))
        return
    outputs = []
    if report:  # issue 15: the page joins the all-or-nothing group of the other outputs
        from xling.report.api import html_output

        outputs.append(html_output(session.glossary))
    result = translate_file(
        file, out_dir, config, encoding=encoding, score=score, outputs=outputs, reporter=reporter, session=session
    )
    _print_summary(result, reporter)


def _print_summary(result: FileResult, reporter: RichReporter) -> None:
    """The QA tables (with --score), the files written and the term success rate, on stderr."""
    from xling.score.report import render_qa

    doc, console = result.document, reporter.console
    for lang, rep in result.qa.items():
        render_qa(rep, console, title=f"QA issues: {doc.from_code}→{lang}")
    console.print(
        f"{len(doc.segments)} segments → " + ", ".join(str(p) for p in result.paths), highlight=False, soft_wrap=True
    )
    reps = doc.term_reports
    if not reps:
        return
    if any(r.expected for r in reps.values()):
        console.print(
            "term success rate: " + ", ".join(f"{lang} {r.rate_text()}" for lang, r in reps.items()),
            highlight=False,
            soft_wrap=True,
        )
    else:
        console.print("term check: the source names no glossary term", highlight=False)
