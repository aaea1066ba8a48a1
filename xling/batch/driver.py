"""The driver of ``xling batch translate``: decide what to do from the resume record, hand
chunks to an executor, record every finished document, and sum up.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from xling.batch.manifest import RECORD_NAME, BatchDocument
from xling.batch.record import BatchRecord, sha256_file
from xling.batch.run import DEFAULT_CHUNK_CHARS, BatchSettings, DocResult, chunks, config_key
from xling.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from xling.pipeline import Session, TranslateConfig

#: Temporary files of :class:`xling.io.AtomicOutputs` (``.<name>.<random>.tmp``) that a killed
#: run may leave; removed from the output folder when the next run starts.
_STALE_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


@dataclass
class BatchSummary:
    """What a corpus run did.

    Attributes:
        results: the documents translated or failed in this run, in completion order.
        skipped: ids of documents already done (same input and settings, outputs intact).
        seconds: wall time of the run, in seconds.
    """

    results: list[DocResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[DocResult]:
        """The failed documents."""
        return [r for r in self.results if r.state == "failed"]

    @property
    def done(self) -> list[DocResult]:
        """The documents translated in this run."""
        return [r for r in self.results if r.state == "done"]


@dataclass
class Progress:
    """Callbacks a front end passes to watch a run (all optional)."""

    on_start: Callable[[int, int], None] | None = None  # (documents to do, skipped)
    on_chunk: Callable[[list[DocResult]], None] | None = None
    on_segments: Callable[[int], None] | None = None


def plan(
    docs: Sequence[BatchDocument], record: BatchRecord, key: str, out_dir: Path
) -> tuple[list[BatchDocument], list[str]]:
    """Split ``docs`` into (to do, ids to skip) from the record (content hashes, settings, outputs)."""
    todo, skipped = [], []
    for doc in docs:
        if not doc.path.is_file():  # missing, a folder or a pipe: read (and recorded) by the worker
            todo.append(doc)
            continue
        try:
            digest = sha256_file(doc.path)
        except OSError:
            todo.append(doc)  # unreadable now: it will be recorded as failed
            continue
        (skipped.append(doc.id) if record.is_done(doc.id, digest, key, out_dir) else todo.append(doc))
    return todo, skipped


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete the temporary files a killed run left under ``out_dir``; returns how many."""
    n = 0
    if out_dir.is_dir():
        for p in out_dir.rglob(".*.tmp"):
            if p.is_file() and _STALE_TMP.match(p.name):
                p.unlink(missing_ok=True)
                n += 1
    return n


def run_batch(
    docs: Sequence[BatchDocument],
    config: TranslateConfig,
    settings: BatchSettings,
    *,
    session: Session | None = None,
    executor: str = "local",
    workers: int = 1,
    ray_address: str | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> BatchSummary:
    """Translate ``docs`` into ``settings.out_dir``, resuming from ``OUT/batch.jsonl``.

    Args:
        docs: from :func:`xling.batch.manifest.discover`.
        config: translation settings, as for ``xling translate``.
        settings: output folder, encoding, QA, extra outputs.
        session: an opened session (routes planned, glossary loaded); opened here if None.
            In-process runs reuse it, so models load once.
        executor: ``local`` or ``ray``; ``workers``: processes or actors.
        chunk_chars: documents are translated together in chunks of about this many characters.

    Returns:
        :class:`BatchSummary`; every finished document is in the record before this returns
        (or before an interruption propagates).

    Raises:
        InputError: unknown executor, Ray missing, unusable output folder.
        ModelMissingError: a needed model is not installed (before any document is read).
    """
    from xling.batch.executors import EXECUTORS, run_in_process, run_processes, run_ray
    from xling.pipeline import Session, check_out_dir

    if executor not in EXECUTORS:
        raise InputError(f"--executor {executor!r}: choose one of {', '.join(EXECUTORS)}")
    progress = progress or Progress()
    started = time.perf_counter()
    session = session or Session.open(config)
    out_dir = Path(settings.out_dir)
    check_out_dir(out_dir)
    record = BatchRecord(out_dir / RECORD_NAME)
    key = config_key(config, settings)
    todo, skipped = plan(docs, record, key, out_dir)
    remove_stale_temporaries(out_dir)
    summary = BatchSummary(skipped=skipped)
    if progress.on_start:
        progress.on_start(len(todo), len(skipped))
    record.append({**record.last[i], "state": "skipped"} for i in skipped)
    record.append({"id": d.id, "state": "pending"} for d in todo)
    groups = list(chunks(todo, chunk_chars))
    if executor == "ray":
        stream = run_ray(config, groups, settings, workers, ray_address)
    elif workers > 1:
        stream = run_processes(config, groups, settings, workers, stop=stop)
    else:
        session.load_engines()
        stream = run_in_process(session, groups, settings, progress.on_segments, stop=stop)
    for results in stream:
        record.append(r.entry(key) for r in results)
        summary.results.extend(results)
        if progress.on_chunk:
            progress.on_chunk(results)
    summary.seconds = time.perf_counter() - started
    return summary
