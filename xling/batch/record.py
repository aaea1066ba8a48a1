"""The resume record of a corpus run: ``OUT/batch.jsonl``, one JSON object a line, appended.

Each line is one document's state at one moment; the last line for an id wins::

    {"id": "2025/a.txt", "state": "done", "input_sha256": "…", "config": "…",
     "outputs": {"2025/a.en.txt": "<sha256>", …}, "segments": 16, "seconds": 0.41, "time": "…"}
    {"id": "b.txt", "state": "failed", "input_sha256": "…", "error": "b.txt:3: …"}
    {"id": "c.txt", "state": "pending", "input_sha256": "…"}

A line is written only after every output of its document is in place (atomic renames), and is
flushed and fsync'ed, so a SIGKILL at any moment loses nothing already finished; a torn last
line is ignored on reading. A rerun skips a document whose record is ``done`` with the same
input hash and settings and whose outputs still have the recorded checksums.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from xling.errors import InputError

STATES = ("pending", "done", "failed", "skipped")


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes (read in 1 MiB blocks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


class BatchRecord:
    """Reader and appender of ``OUT/batch.jsonl``.

    Args:
        path: the record file (created on the first :meth:`append`).

    Raises:
        InputError: a line other than the last is not JSON (the record was edited by hand):
            names the file and line.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.last: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        lines = self.path.read_text(encoding="utf-8", errors="replace").split("\n")
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                if n >= len(lines) - 1:  # a torn last line (killed mid-write): ignored
                    continue
                raise InputError(
                    f"{self.path}:{n}: not a JSON line; remove that line (or the file, to redo every document)"
                ) from None
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                self.last[entry["id"]] = entry

    def append(self, entries: Iterable[dict[str, Any]]) -> None:
        """Append entries (each gets ``time``), flushed and fsync'ed before returning."""
        entries = list(entries)
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        text = "".join(json.dumps({**e, "time": now}, ensure_ascii=False) + "\n" for e in entries)
        if not text:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._drop_torn_tail()
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        for e in entries:
            self.last[e["id"]] = e

    def _drop_torn_tail(self) -> None:
        """Cut a torn last line (a run killed mid-write) so that appends start on a fresh line."""
        if not self.path.exists():
            return
        with open(self.path, "rb+") as fh:
            size = fh.seek(0, os.SEEK_END)
            if not size:
                return
            fh.seek(max(0, size - (1 << 20)))
            tail = fh.read()
            if tail.endswith(b"\n"):
                return
            cut = tail.rfind(b"\n")
            fh.truncate(size - len(tail) + cut + 1 if cut >= 0 else max(0, size - len(tail)))

    def is_done(self, doc_id: str, input_sha256: str, config: str, out_dir: Path) -> bool:
        """True when ``doc_id`` is recorded done (or skipped as done) for this input and
        settings, and its outputs are all still there with their recorded checksums."""
        e = self.last.get(doc_id)
        if (
            not e
            or e.get("state") not in ("done", "skipped")
            or e.get("input_sha256") != input_sha256
            or e.get("config") != config
        ):
            return False
        for rel, digest in (e.get("outputs") or {}).items():
            p = out_dir / rel
            if not p.is_file() or sha256_file(p) != digest:
                return False
        return True
