"""``xling translate FILE --from fa --to en,ru,ar --out-dir DIR``: the main job (see :mod:`xling.pipeline`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from xling.cli.options import (
    Encoding,
    FromLang,
    GlossaryPath,
    MinScore,
    NoGlossary,
    OutDir,
    Quiet,
    ToLangs,
    UseTm,
    XliffFlag,
    XliffVersion,
)

if TYPE_CHECKING:  # pragma: no cover
    from rich.progress import Progress

    from xling.pipeline import FileResult


class RichReporter:
    """Progress and notices on standard error with rich: a status line while a model loads, one
    bar per translated language pair. Bars are drawn only on a terminal; notices always print."""

    def __init__(self, *, quiet: bool = False) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.quiet = quiet
        self._progress: Progress | None = None

    def status(self, message: str):
        if self.console.is_terminal and not self.quiet:
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
            disable=self.quiet or not self.console.is_terminal,
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


_FILE = typer.Argument(
    ..., help="Input document (UTF-8 text, paragraphs separated by blank lines), or - for standard input."
)

_BEAM_SIZE = typer.Option(None, "--beam-size", min=1, help="Beam width (default: argostranslate's, 4).")

_ENGINE = typer.Option(
    None,
    "--engine",
    help="One engine kind for every leg: argos (CTranslate2 direct, batched), argos-native (argostranslate's "
    "own path, for comparison), opus-mt, nllb or m2m100 (model folders). Default: per target from the routes "
    "config, else a direct model of any kind, else through the pivot.",
)

_ROUTES = typer.Option(
    None,
    "--routes",
    metavar="FILE",
    help="Routes config (TOML) choosing the engine per target (default: ./xling.toml if present).",
)

_PLAN_ONLY = typer.Option(
    False, "--plan", help="Print the routes and models that would be used, and exit without translating."
)

_PIVOT = typer.Option(
    None,
    "--pivot",
    metavar="LANG",
    help="Language to pivot through when no direct model exists (default: the routes config's, else en).",
)

_MAX_BATCH_TOKENS = typer.Option(
    2048, "--max-batch-tokens", min=1, help="CTranslate2 sub-batch size in source tokens (memory vs speed)."
)

_JOIN_LINES = typer.Option(
    False,
    "--join-lines",
    help="Hard-wrapped input: a single line break continues the sentence (default: every line break ends a segment).",
)

_SCORE = typer.Option(
    False,
    "--score",
    help="Run xling score's reference-free QA checks on the output: a table per language on stderr and DIR/<stem>.qa.json.",
)

_REPORT = typer.Option(
    False,
    "--report",
    help="Also write DIR/<stem>.html: the review report of xling report (source and targets side by side, terms, QA).",
)


def translate(
    file: str = _FILE,
    from_code: FromLang = "fa",
    to: ToLangs = "en,ru,ar",
    out_dir: OutDir = "out",
    encoding: Encoding = None,
    beam_size: int = _BEAM_SIZE,
    engine: str = _ENGINE,
    routes: str = _ROUTES,
    plan_only: bool = _PLAN_ONLY,
    pivot: str = _PIVOT,
    max_batch_tokens: int = _MAX_BATCH_TOKENS,
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    join_lines: bool = _JOIN_LINES,
    score: bool = _SCORE,
    report: bool = _REPORT,
    quiet: Quiet = False,
    tm: UseTm = None,
    min_score: MinScore = 75.0,
    xliff: XliffFlag = False,
    xliff_version: XliffVersion = "2.1",
) -> None:
    """Translate a document into each target language.

    Writes DIR/<stem>.<lang>.txt (one segment a line, a blank line between paragraphs),
    DIR/<stem>.<from>.txt (the source as segmented, same layout: line N of every file is one
    segment, for xling score --src and xling glossary enforce --src) and DIR/<stem>.jsonl (one
    record per segment), together, replacing the stem's outputs of an earlier run. The stem is
    the file name without .txt and without a final .<from> (putin-sharaa-2025-10-15.fa.txt ->
    putin-sharaa-2025-10-15); stdin -> stdin. Ctrl-C stops at once: nothing is written, exit 130.
    """
    from xling.cli.jobs import translate_config
    from xling.errors import InputError
    from xling.pipeline import Session

    if file != "-" and Path(file).is_dir():  # defect 12: said "no model installed" first
        raise InputError(f"{file}: is a folder; give a text file (xling batch translate takes a folder)")
    config = translate_config(
        from_code=from_code,
        to=to,
        beam_size=beam_size,
        engine=engine,
        routes=routes,
        pivot=pivot,
        max_batch_tokens=max_batch_tokens,
        join_lines=join_lines,
        glossary=glossary,
        no_glossary=no_glossary,
    )
    reporter = RichReporter(quiet=quiet)
    _log_progress(reporter)
    session = Session.prepare(config)  # a missing model: exit 2 before reading or writing anything
    if plan_only:
        if session.plan is not None:
            typer.echo("\n".join(session.plan.describe()))
        return
    outputs = []
    if report:  # the review page joins the all-or-nothing group of the other outputs
        from xling.report.api import html_output

        outputs.append(lambda doc, stem: html_output(session.glossary)(doc, stem))
    if xliff:  # issue 13: one XLIFF file per target, in the same all-or-nothing group
        outputs.append(_xliff_writer(file, xliff_version, session.glossary))
    run: dict[str, Any] = {"encoding": encoding, "score": score, "outputs": outputs, "session": session}
    _print_summary(_run(file, out_dir, config, reporter, tm, min_score, run), reporter)


def _xliff_writer(file: str, version: str, glossary: Any) -> Any:
    """The ``--xliff`` output writer (:func:`xling.formats.roundtrip.xliff_output`), version checked first."""
    from xling.errors import UsageError
    from xling.formats.roundtrip import xliff_output
    from xling.formats.xliff import VERSIONS

    if version not in VERSIONS:
        raise UsageError(f"--xliff-version {version!r}: choose one of {', '.join(VERSIONS)}")
    return xliff_output(Path(file).name if file != "-" else "-", version=version, glossary=glossary)


def _run(
    file: str, out_dir: str, config: Any, reporter: RichReporter, tm: str | None, min_score: float, run: dict[str, Any]
) -> FileResult:
    """The run, with the TM stages (:mod:`xling.tm.stage`) and a line saying what was reused when ``tm``."""
    if tm is None:
        return _run_interruptible(file, out_dir, config, reporter=reporter, **run)
    from xling.tm.stage import TMStages
    from xling.tm.store import TranslationMemory

    with TranslationMemory(tm, create=False) as db:
        stages = TMStages(db, min_score=min_score)
        result = _run_interruptible(file, out_dir, config, reporter=reporter, stages=stages.stages(), **run)
    n, reused = len(result.document.segments), len(stages.reused)
    reporter.console.print(f"TM: {reused} of {n} segments from {tm}, MT on {n - reused}", highlight=False)
    return result


def _log_progress(reporter: RichReporter) -> None:
    """Without a terminal (a log, a pipe) and without --quiet: the pipeline's INFO lines (one per
    stage and leg, with counts and rates) on standard error, as ``xling: <message>``."""
    import logging

    logger = logging.getLogger("xling.pipeline")
    for handler in [h for h in logger.handlers if getattr(h, "xling_cli", False)]:
        logger.removeHandler(handler)
    if reporter.quiet or reporter.console.is_terminal:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("xling: %(message)s"))
    handler.xling_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _run_interruptible(*args, **kwargs) -> FileResult:
    """:func:`xling.pipeline.translate_file` under :func:`xling.cli.interrupt.run_interruptible`:
    Ctrl-C stops at the next stage or sub-batch ("xling: interrupted; nothing written", exit 130)."""
    from xling.cli.interrupt import run_interruptible
    from xling.pipeline import translate_file

    return run_interruptible(translate_file, *args, message="interrupted; nothing written", **kwargs)


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
