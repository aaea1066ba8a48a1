"""``xling batch translate|align|score``: corpus runs over a folder or a manifest (see :mod:`xling.batch`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from xling.cli.options import Encoding, FromLang, GlossaryPath, NoGlossary, Quiet, ToLangs, out_dir_option
from xling.paths import counted

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from xling.batch.driver import BatchSummary, Progress
    from xling.pipeline import Session

app = typer.Typer(
    help="Corpus runs: translate, align or score every document of a folder or manifest.",
    no_args_is_help=True,
)

InputArg = typer.Argument(
    ...,
    help="A folder (every *.txt in it, recursively, or --glob) or a manifest (one path a line, or JSONL with path and id).",
)

#: Options of the batch commands, each defined once (translate, align and score share them).
Glob = Annotated[str, typer.Option("--glob", help="Documents of a folder, relative to it.")]
Executor = Annotated[str, typer.Option("--executor", help="local (this machine's processes) or ray (Ray Data).")]
Workers = Annotated[
    int, typer.Option("--workers", min=1, help="Worker processes (local) or actors (ray); each loads each model once.")
]
RayAddress = Annotated[
    str | None, typer.Option("--ray-address", help="Ray cluster: auto or HOST:PORT (default: a local Ray instance).")
]
ChunkChars = Annotated[
    int,
    typer.Option(
        "--chunk-chars", min=1, help="Documents are translated together in chunks of about this many characters."
    ),
]


@contextmanager
def _progress(console: Console, quiet: bool) -> Iterator[Progress]:
    """Two bars (documents, segments) on a terminal; a log line per chunk otherwise; nothing with --quiet."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bars

    from xling.batch.driver import Progress

    started = time.perf_counter()
    counts = {"docs": 0, "todo": 0, "segments": 0, "failed": 0}
    bars = Bars(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
    )
    doc_task = bars.add_task("documents", total=None)
    seg_task = bars.add_task("segments", total=None)

    def on_start(todo: int, skipped: int) -> None:
        counts["todo"] = todo
        bars.update(doc_task, total=todo)
        if not quiet and not console.is_terminal:
            console.print(
                f"batch: {counted(todo, 'document')} to translate, {skipped} already done (skipped)", highlight=False
            )

    def on_chunk(results) -> None:
        counts["docs"] += len(results)
        counts["failed"] += sum(r.state == "failed" for r in results)
        n = sum(r.segments for r in results)
        counts["segments"] += n
        bars.advance(doc_task, len(results))
        bars.advance(seg_task, n)
        if not quiet and not console.is_terminal:
            rate = counts["docs"] / max(time.perf_counter() - started, 1e-9)
            console.print(
                f"batch: {counts['docs']}/{counts['todo']} documents ({counts['failed']} failed), "
                f"{counts['segments']} segments, {rate:.2f} documents/s",
                highlight=False,
            )

    with bars:
        yield Progress(on_start=on_start, on_chunk=on_chunk)


def _summary(console: Console, summary: BatchSummary, out_dir: Path) -> None:
    from rich.table import Table

    table = Table(title=f"xling batch translate → {out_dir}")
    for col in ("documents", "translated", "skipped", "failed", "segments", "seconds"):
        table.add_column(col, justify="right")
    table.add_row(
        str(len(summary.results) + len(summary.skipped)),
        str(len(summary.done)),
        str(len(summary.skipped)),
        str(len(summary.failed)),
        str(sum(r.segments for r in summary.done)),
        f"{summary.seconds:.1f}",
    )
    console.print(table)
    if summary.failed:
        failed = Table(title="failed documents (recorded in batch.jsonl; a rerun retries them)")
        failed.add_column("document")
        failed.add_column("error")
        for r in summary.failed:
            failed.add_row(r.id, r.error)
        console.print(failed)


@app.command("translate")
def translate(
    source: str = InputArg,
    from_code: FromLang = "fa",
    to: ToLangs = "en,ru,ar",
    out_dir: Path = out_dir_option(
        "Output folder (mirrors the input's sub-folders) and its batch.jsonl record.", required=True
    ),
    glob: Glob = "**/*.txt",
    executor: Executor = "local",
    workers: Workers = 1,
    ray_address: RayAddress = None,
    encoding: Encoding = None,
    beam_size: int = typer.Option(None, "--beam-size", min=1, help="Beam width (default: argostranslate's, 4)."),
    engine: str = typer.Option(None, "--engine", help="One engine kind for every leg, as for xling translate."),
    routes: str = typer.Option(
        None, "--routes", metavar="FILE", help="Routes config (TOML) per target (default: ./xling.toml if present)."
    ),
    pivot: str = typer.Option(
        None, "--pivot", metavar="LANG", help="Language to pivot through when no direct model exists (default en)."
    ),
    max_batch_tokens: int = typer.Option(
        2048, "--max-batch-tokens", min=1, help="CTranslate2 sub-batch size in source tokens."
    ),
    chunk_chars: ChunkChars = 100_000,
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    join_lines: bool = typer.Option(
        False, "--join-lines", help="Hard-wrapped input: a single line break continues the sentence."
    ),
    score: bool = typer.Option(
        False, "--score", help="Write each document's <stem>.qa.json, as xling translate --score."
    ),
    report: bool = typer.Option(
        False, "--report", help="Write each document's <stem>.html review page, as xling translate --report."
    ),
    quiet: Quiet = False,
) -> None:
    """Translate every document of a folder or manifest, as xling translate does for one.

    Models load once per worker and the segments of many documents share each engine batch.
    OUT/batch.jsonl records every document (done with its output checksums, failed with its
    error): rerunning the same command skips what is done and retries what failed. Exit status
    1 when any document failed.
    """
    from xling.batch.manifest import discover
    from xling.batch.run import BatchSettings
    from xling.cli.jobs import translate_config
    from xling.pipeline import Session

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
    session = Session.open(config)  # a missing model: exit 2 before any document is read
    docs = discover(source, glob=glob, exclude=out_dir)
    settings = BatchSettings(out_dir=str(out_dir), encoding=encoding, score=score, report=report)
    _run_and_sum_up(
        docs,
        config,
        settings,
        session,
        quiet,
        executor=executor,
        workers=workers,
        ray_address=ray_address,
        chunk_chars=chunk_chars,
    )


def _run_and_sum_up(docs, config, settings, session, quiet: bool, **options) -> None:
    """Run the batch with progress on stderr, print the summary; exit 1 when a document failed,
    130 on Ctrl-C (finished documents stay recorded)."""
    from rich.console import Console

    from xling.batch.driver import run_batch
    from xling.errors import EXIT_INTERRUPTED, XlingError

    console = Console(stderr=True)
    _warn_test_models(console, session)
    from xling.cli.interrupt import run_interruptible

    message = "interrupted; finished documents are recorded in batch.jsonl: rerun to resume"
    try:
        with _progress(console, quiet) as progress:
            summary = run_interruptible(
                run_batch, docs, config, settings, message=message, session=session, progress=progress, **options
            )
    except KeyboardInterrupt:  # a worker process's Ctrl-C, passed back through its future
        raise XlingError(message, exit_code=EXIT_INTERRUPTED) from None
    _summary(console, summary, Path(settings.out_dir))
    if summary.failed:
        raise typer.Exit(1)


def _warn_test_models(console: Console, session: Session) -> None:
    """Warn once per leg about xling test models, as ``xling translate`` does (the workers load
    the models, quietly)."""
    from xling.pipeline import test_model_notice

    for leg in session.plan.legs.values() if session.plan else ():
        notice = test_model_notice(leg.describe(), (leg.from_code, leg.to_code))
        if notice:
            console.print(f"[bold yellow]{notice}[/]", highlight=False, soft_wrap=True)


def _corpus_docs(source: str, glob: str, from_code: str, exclude: Path | None) -> list:
    from xling.batch.corpus import source_documents
    from xling.batch.manifest import discover

    return source_documents(discover(source, glob=glob, exclude=exclude), from_code)


def _base_folder(source: str) -> Path:
    p = Path(source)
    return p if p.is_dir() else p.parent


@app.command("align")
def align(
    source: str = InputArg,
    from_code: FromLang = "fa",
    to: ToLangs = "en,ru,ar",
    out_dir: Path = out_dir_option(
        "Folder for one <stem>.tmx per document (or corpus.tmx with --combine).", required=True
    ),
    translations: Path = typer.Option(
        None,
        "--translations",
        metavar="DIR",
        help="Folder of the translations <sub>/<stem>.<lang>.txt (default: the input's folder).",
    ),
    glob: Glob = "**/*.txt",
    combine: bool = typer.Option(
        False, "--combine", help="Write one combined TMX, OUT/corpus.tmx, instead of one per document."
    ),
    presegmented: bool = typer.Option(False, "--presegmented", help="Every file is already one sentence a line."),
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    encoding: Encoding = None,
) -> None:
    """Align every document with its translations and write TMX (one per document, or --combine).

    Exit status 1 when a document's translations are missing or unreadable (the others are written).
    """
    from xling.batch.corpus import align_corpus
    from xling.cli.jobs import split_langs
    from xling.cli.options import glossary_from_options
    from xling.formats.tmx import tmx_bytes
    from xling.io import AtomicOutputs
    from xling.pipeline import output_stem

    targets = split_langs(to)
    docs = _corpus_docs(source, glob, from_code, out_dir)
    gl = glossary_from_options(glossary, no_glossary) if from_code == "fa" else None
    aligned = align_corpus(
        docs,
        from_code=from_code,
        targets=targets,
        translations=translations or _base_folder(source),
        presegmented=presegmented,
        glossary=gl,
        encoding=encoding,
    )
    by_id = {d.id: d for d in docs}
    out_dir.mkdir(parents=True, exist_ok=True)
    with AtomicOutputs() as group:
        if combine:
            tus = [tu for a in aligned for tu in a.tus]
            props = [p for a in aligned for p in a.props]
            with group.open(out_dir / "corpus.tmx", binary=True) as fh:
                fh.write(tmx_bytes(tus, srclang=from_code, tu_props=props))
        else:
            for a in aligned:
                if a.error:
                    continue
                doc = by_id[a.id]
                folder = out_dir / doc.subdir if doc.subdir else out_dir
                folder.mkdir(parents=True, exist_ok=True)
                with group.open(folder / f"{output_stem(str(doc.path), from_code)}.tmx", binary=True) as fh:
                    fh.write(tmx_bytes(a.tus, srclang=from_code, tu_props=a.props))
    failed = [a for a in aligned if a.error]
    typer.echo(
        f"aligned {len(aligned) - len(failed)} of {len(aligned)} documents, "
        f"{sum(len(a.tus) for a in aligned)} translation units → {out_dir}",
        err=True,
    )
    for a in failed:
        typer.echo(f"xling: error: {a.id}: {a.error}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command("score")
def score(
    source: str = InputArg,
    from_code: FromLang = "fa",
    to: ToLangs = "en,ru,ar",
    hyp_dir: Path = typer.Option(
        ...,
        "--hyp-dir",
        metavar="DIR",
        help="Folder of the hypotheses <sub>/<stem>.<lang>.txt (a batch translate --out-dir).",
    ),
    ref_dir: Path = typer.Option(
        None,
        "--ref-dir",
        metavar="DIR",
        help="Folder of the references <sub>/<stem>.<lang>.txt (or ref-LANG manifest columns).",
    ),
    glob: Glob = "**/*.txt",
    glossary: GlossaryPath = None,
    no_glossary: NoGlossary = False,
    encoding: Encoding = None,
    json_out: bool = typer.Option(
        False, "--json", help="Print the corpus report as JSON (schema xling-batch-score/1)."
    ),
) -> None:
    """Score a corpus: corpus-level BLEU, chrF++ and TER over all documents (with signatures),
    a per-document table, the term success rate and the QA counts."""
    import json

    from rich.console import Console

    from xling.batch.corpus import score_corpus
    from xling.cli.jobs import split_langs
    from xling.errors import UsageError

    if no_glossary and glossary:
        raise UsageError("give --glossary PATH or --no-glossary, not both")
    targets = split_langs(to)
    docs = _corpus_docs(source, glob, from_code, None)
    report = score_corpus(
        docs,
        from_code=from_code,
        targets=targets,
        hyp_dir=hyp_dir,
        ref_dir=ref_dir,
        glossary=None if no_glossary else (glossary or "default"),
        encoding=encoding,
    )
    if json_out:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_corpus_score(Console(), report)
    if any(row.get("error") for row in report.documents):
        raise typer.Exit(1)


def _print_corpus_score(console: Console, report) -> None:
    from rich.table import Table

    from xling.glossary.check import format_success_rate
    from xling.paths import counted

    def terms(lang: str, counts: list[int] | tuple[int, int] | None) -> str:
        return format_success_rate(lang, counts[1], counts[0], counts[0]) if counts and counts[1] else ""

    for lang, ms in report.metrics.items():
        for name, m in ms.items():
            console.print(f"{lang} {name} {m.score:.2f}", highlight=False)
            console.print(f"  {m.full_signature}", highlight=False, soft_wrap=True)
    table = Table(title="documents")
    for col in ("document", "lang", "bleu", "chrF++", "ter", "terms", "errors", "warnings", "note"):
        table.add_column(col)
    for row in report.documents:
        s = row.get("scores") or {}
        fmt = lambda v: "" if v is None else f"{v:.2f}"  # noqa: E731
        c = row.get("counts") or {}
        table.add_row(
            row["id"],
            row["lang"],
            fmt(s.get("bleu")),
            fmt(s.get("chrf")),
            fmt(s.get("ter")),
            terms(row["lang"], row.get("term_counts")),
            str(c.get("error", "")),
            str(c.get("warning", "")),
            row.get("error", ""),
        )
    console.print(table)
    for lang, counts in report.terms.items():
        if counts[1]:
            console.print(f"term success rate {lang}: {terms(lang, counts)}", highlight=False)
    for lang, qa in report.qa.items():
        console.print(
            f"QA {lang}: {counted(qa.get('error', 0), 'error')}, {counted(qa.get('warning', 0), 'warning')}",
            highlight=False,
        )
