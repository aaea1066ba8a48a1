"""Running a chunk of documents through one session: read, translate together, write each.

The unit of work of every executor is a *chunk*: a few documents whose segments go through
each model leg in one engine batch (:func:`xling.pipeline.run_documents`). A document that
cannot be read (not UTF-8, binary, empty) fails alone; the others of its chunk go on. When a
chunk fails as a whole (an engine error), its documents are retried one by one, so that the
failure is pinned on the document that causes it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xling.batch.manifest import BatchDocument
from xling.batch.record import sha256_bytes, sha256_file
from xling.errors import InputError, Interrupted, XlingError

if TYPE_CHECKING:  # pragma: no cover
    from xling.pipeline import OutputWriter, Session, TranslateConfig

#: A chunk holds documents up to this many characters in all (or one larger document).
DEFAULT_CHUNK_CHARS = 100_000


@dataclass(frozen=True)
class BatchSettings:
    """What every worker needs besides the translation settings (picklable, for processes and Ray).

    Attributes:
        out_dir: the run's output folder.
        encoding: input encoding (None: UTF-8, as ``xling translate``).
        score: write ``<stem>.qa.json`` as ``xling translate --score`` does.
        outputs: extra output writers (picklable callables), as :func:`xling.pipeline.translate_file`.
        report: also write each document's ``<stem>.html`` review page (``xling translate --report``);
            built in the worker from its session, so settings stay picklable.
    """

    out_dir: str
    encoding: str | None = None
    score: bool = False
    outputs: tuple[OutputWriter, ...] = ()
    report: bool = False

    def writers(self, session: Session) -> list[OutputWriter]:
        """The extra output writers of a document, for ``session``."""
        writers = list(self.outputs)
        if self.report:
            from xling.report.api import html_output

            writers.append(html_output(session.glossary))
        return writers


@dataclass
class DocResult:
    """The outcome of one document (becomes its line in ``batch.jsonl``).

    Attributes:
        id: the document id.
        state: ``done`` or ``failed``.
        input_sha256: hash of the input bytes ("" when unreadable).
        outputs: written file (relative to the output folder, POSIX) → SHA-256.
        segments: number of segments translated.
        error: the one-line error of a failed document.
        seconds: wall time of its chunk divided among its documents, in seconds.
    """

    id: str
    state: str
    input_sha256: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    segments: int = 0
    error: str = ""
    seconds: float = 0.0

    def entry(self, config_key: str) -> dict[str, Any]:
        """The record line (see :mod:`xling.batch.record`)."""
        e: dict[str, Any] = {"id": self.id, "state": self.state, "input_sha256": self.input_sha256}
        if self.state == "done":
            e.update(config=config_key, outputs=self.outputs, segments=self.segments, seconds=round(self.seconds, 3))
        else:
            e["error"] = self.error
        return e


def config_key(config: TranslateConfig, settings: BatchSettings) -> str:
    """A fingerprint of the settings that shape the outputs (a changed setting redoes documents)."""
    glossary = config.glossary
    if isinstance(glossary, (str, Path)) and Path(glossary).is_file():
        glossary = f"{glossary}@{sha256_file(glossary)}"
    elif glossary is not None and not isinstance(glossary, str):
        glossary = f"object@{sha256_bytes(repr(glossary).encode())}"
    fields = {**{k: getattr(config, k) for k in config.__dataclass_fields__}, "glossary": glossary}
    fields.update(
        encoding=settings.encoding,  # a legacy document reads differently under another --encoding
        score=settings.score,
        report=settings.report,
        outputs=[getattr(w, "__qualname__", repr(w)) for w in settings.outputs],
    )
    return sha256_bytes(repr(sorted(fields.items())).encode())[:16]


def read_document(doc: BatchDocument, encoding: str | None) -> tuple[bytes, str]:
    """Read one input as ``xling translate`` does, plus: an empty document is an error here, and
    ``encoding`` applies only to documents that are not valid UTF-8 (a feed mixes both, and one
    ``--encoding cp1256`` for its legacy files must not turn its UTF-8 ones into mojibake).

    Returns:
        (the raw bytes, the decoded text).

    Raises:
        InputError / EncodingError: unreadable, not text, or empty.
    """
    from xling.io import decode_text, read_bytes

    data = read_bytes(doc.path)
    text = decode_text(data, name=str(doc.path), encoding=encoding, utf8_first=True)
    if not text.strip():
        raise InputError(f"{doc.path}: empty document; nothing to translate")
    return data, text


def chunks(docs: Sequence[BatchDocument], max_chars: int = DEFAULT_CHUNK_CHARS) -> Iterator[list[BatchDocument]]:
    """Group documents in order into chunks of about ``max_chars`` characters (by file size)."""
    chunk: list[BatchDocument] = []
    size = 0
    for doc in docs:
        try:
            n = doc.path.stat().st_size
        except OSError:
            n = 0
        if chunk and size + n > max_chars:
            yield chunk
            chunk, size = [], 0
        chunk.append(doc)
        size += n
    if chunk:
        yield chunk


def process_chunk(
    session: Session,
    docs: Sequence[BatchDocument],
    settings: BatchSettings,
    on_segments: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> list[DocResult]:
    """Translate ``docs`` together and write each one's outputs (see the module docstring).

    Returns:
        One :class:`DocResult` per document, in order.

    Raises:
        Interrupted: ``stop`` was set; nothing of this chunk was written.
    """
    started = time.perf_counter()
    results: dict[str, DocResult] = {}
    ready: list[tuple[BatchDocument, bytes, str]] = []
    for doc in docs:
        try:
            data, text = read_document(doc, settings.encoding)
        except XlingError as exc:
            results[doc.id] = DocResult(doc.id, "failed", _hash_or_empty(doc.path), error=str(exc))
            continue
        ready.append((doc, data, text))
    try:
        done = _translate_and_write(session, ready, settings, stop)
    except Interrupted:
        raise
    except XlingError:  # pin the failure on its document: retry one by one
        done = _one_by_one(session, ready, settings, stop)
    results.update({r.id: r for r in done})
    if on_segments is not None:
        on_segments(sum(r.segments for r in done))
    share = (time.perf_counter() - started) / max(len(docs), 1)
    out = [results[d.id] for d in docs]
    for r in out:
        r.seconds = share
    return out


def _one_by_one(
    session: Session,
    ready: list[tuple[BatchDocument, bytes, str]],
    settings: BatchSettings,
    stop: threading.Event | None = None,
) -> list[DocResult]:
    out = []
    for item in ready:
        try:
            out.extend(_translate_and_write(session, [item], settings, stop))
        except Interrupted:
            raise
        except XlingError as exc:
            out.append(DocResult(item[0].id, "failed", sha256_bytes(item[1]), error=str(exc)))
    return out


def _translate_and_write(
    session: Session,
    ready: list[tuple[BatchDocument, bytes, str]],
    settings: BatchSettings,
    stop: threading.Event | None = None,
) -> list[DocResult]:
    from xling.pipeline import finish_document, output_stem, run_documents

    if not ready:
        return []
    docs = run_documents([text for _, _, text in ready], session, stop=stop)
    out_root = Path(settings.out_dir)
    results = []
    for (doc, data, _), translated in zip(ready, docs):
        folder = out_root / doc.subdir if doc.subdir else out_root
        stem = output_stem(str(doc.path), session.config.from_code)
        written = finish_document(
            translated, folder, stem, session, score=settings.score, outputs=settings.writers(session)
        )
        outputs = {p.relative_to(out_root).as_posix(): sha256_file(p) for p in written.paths}
        results.append(DocResult(doc.id, "done", sha256_bytes(data), outputs, len(translated.segments)))
    return results


def _hash_or_empty(path: Path) -> str:
    try:
        return sha256_file(path) if path.is_file() else ""
    except OSError:
        return ""
