"""Where a corpus run's chunks are translated: in this process, in local worker processes, or on
Ray actors. Every executor yields the :class:`~xling.batch.run.DocResult` lists of finished
chunks as they complete; the driver (:func:`xling.batch.driver.run_batch`) records them.

- ``local`` with one worker: this process, with the driver's session (models already loaded).
- ``local`` with N workers: N *spawned* processes (a CTranslate2 ``Translator`` can be neither
  pickled nor used after ``fork``), each opening its own session and loading each model once
  in its initializer, with ``cores // N`` CTranslate2 threads so the total stays within the cores.
- ``ray``: Ray Data ``map_batches`` over the chunks with a callable class whose ``__init__``
  loads the models once per actor (the pattern of Ray's batch-inference guide); Ray retries a
  failed task. Actors read inputs and write outputs themselves, so all must see one file system.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xling.batch.manifest import BatchDocument
from xling.batch.run import BatchSettings, DocResult, process_chunk
from xling.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from xling.pipeline import Session, TranslateConfig

EXECUTORS = ("local", "ray")
ChunkResults = Iterator[list[DocResult]]


def threads_per_worker(workers: int) -> int:
    """CTranslate2 threads for each of ``workers`` workers: the cores shared out, at least 1."""
    return max(1, (os.cpu_count() or 1) // max(workers, 1))


def run_in_process(
    session: Session,
    chunks: Sequence[list[BatchDocument]],
    settings: BatchSettings,
    on_segments: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> ChunkResults:
    """Translate the chunks one after the other with ``session`` (this process).

    Raises:
        Interrupted: ``stop`` was set (checked at every stage and sub-batch of a chunk).
    """
    for chunk in chunks:
        yield process_chunk(session, chunk, settings, on_segments, stop=stop)


# ---------------------------------------------------------------------------------- processes

_WORKER_SESSION: Session | None = None


def _init_worker(config: TranslateConfig) -> None:
    global _WORKER_SESSION
    from xling.pipeline import Session

    _WORKER_SESSION = Session.open(config)
    _WORKER_SESSION.load_engines()


def _work(chunk: list[BatchDocument], settings: BatchSettings) -> list[DocResult]:
    assert _WORKER_SESSION is not None, "worker not initialised"
    return process_chunk(_WORKER_SESSION, chunk, settings)


def run_processes(
    config: TranslateConfig,
    chunks: Sequence[list[BatchDocument]],
    settings: BatchSettings,
    workers: int,
    stop: threading.Event | None = None,
) -> ChunkResults:
    """Translate the chunks in ``workers`` spawned processes, yielding results as chunks finish.

    Raises:
        ModelError: a worker could not load its models (the run stops; finished chunks stay recorded).
        Interrupted: ``stop`` was set (checked every 0.2 s; the chunks not started are cancelled).
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    threads = threads_per_worker(workers)
    config = replace(config, threads=threads)
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(config,)) as pool:
        todo = list(chunks)
        running = {pool.submit(_work, c, settings) for c in todo[: workers * 2]}
        queued = todo[workers * 2 :]
        while running:
            finished, running = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            if stop is not None and stop.is_set():
                from xling.errors import Interrupted

                pool.shutdown(wait=False, cancel_futures=True)
                raise Interrupted("interrupted")
            for f in finished:
                if queued:
                    running.add(pool.submit(_work, queued.pop(0), settings))
                yield f.result()


# ---------------------------------------------------------------------------------------- ray


class RayChunkTranslator:
    """The callable class of Ray Data ``map_batches``: one session per actor, loaded in
    ``__init__``; each call translates the chunks of its batch and returns their results as
    JSON strings (column ``results``)."""

    def __init__(self, config: TranslateConfig, settings: BatchSettings) -> None:
        from xling.pipeline import Session

        self.session = Session.open(config)
        self.session.load_engines()
        self.settings = settings

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = []
        for payload in batch["chunk"]:
            docs = [BatchDocument(d["id"], Path(d["path"]), d["subdir"], d["columns"]) for d in json.loads(payload)]
            results = process_chunk(self.session, docs, self.settings)
            out.append(json.dumps([asdict(r) for r in results], ensure_ascii=False))
        return {"results": out}


def ray_missing_message() -> str:
    """The one-line advice when ``--executor ray`` is asked without Ray installed."""
    return "--executor ray needs Ray: pip install 'xling[ray]' (or use --executor local)"


def run_ray(
    config: TranslateConfig,
    chunks: Sequence[list[BatchDocument]],
    settings: BatchSettings,
    workers: int,
    address: str | None = None,
) -> ChunkResults:
    """Translate the chunks on ``workers`` Ray actors (Ray Data ``map_batches``, batch size one chunk).

    Args:
        address: ``auto``, ``HOST:PORT`` of a running cluster, or None for a local Ray
            instance with ``workers`` CPUs.

    Raises:
        InputError: Ray is not installed (names the extra to install).
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise InputError(ray_missing_message()) from None
    started_here = not ray.is_initialized()
    if started_here:
        kwargs: dict[str, Any] = {"address": address} if address else {"num_cpus": workers}
        ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False, **kwargs)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        threads = threads_per_worker(workers) if not address else 1
        items = [{"chunk": json.dumps([_doc_json(d) for d in c], ensure_ascii=False)} for c in chunks]
        if not items:
            return
        ds = ray.data.from_items(items, override_num_blocks=len(items))
        translated = ds.map_batches(
            RayChunkTranslator,
            fn_constructor_kwargs={"config": replace(config, threads=threads), "settings": settings},
            batch_size=1,
            concurrency=workers,
            num_cpus=threads if not address else 1,
            batch_format="numpy",
        )
        for row in translated.iter_rows():
            yield [DocResult(**r) for r in json.loads(str(row["results"]))]
    finally:
        if started_here:
            ray.shutdown()


def _doc_json(doc: BatchDocument) -> dict[str, Any]:
    return {"id": doc.id, "path": str(doc.path), "subdir": doc.subdir, "columns": doc.columns}
