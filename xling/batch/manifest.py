"""The documents of a corpus run: every ``*.txt`` under a folder, or the lines of a manifest.

A manifest is either plain (one path a line; blank lines and ``#`` comments skipped) or JSONL
(one object a line with ``path`` and an optional ``id``, plus any other columns, e.g. a
reference per language: ``{"path": "a.fa.txt", "en": "refs/a.en.txt"}``). Relative paths are
read against the manifest's folder. Outputs mirror the input's sub-folders: ``feed/2025/a.txt``
goes to ``OUT/2025/a.<lang>.txt`` when the input is ``feed/``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from xling.errors import InputError

#: Name of the resume record inside the output folder (see :mod:`xling.batch.record`).
RECORD_NAME = "batch.jsonl"


@dataclass(frozen=True)
class BatchDocument:
    """One document of a corpus run.

    Attributes:
        id: stable identifier (the manifest's ``id``, else the path relative to the input
            folder or manifest folder, in POSIX form).
        path: the input file.
        subdir: output sub-folder relative to the run's output folder ("" for the top).
        columns: the manifest's other columns (e.g. ``{"en": "refs/a.en.txt"}``), paths as given.
    """

    id: str
    path: Path
    subdir: str = ""
    columns: dict[str, str] = field(default_factory=dict)


def discover(
    source: str | os.PathLike[str], *, glob: str = "**/*.txt", exclude: str | os.PathLike[str] | None = None
) -> list[BatchDocument]:
    """The documents of ``source``: a folder (files matching ``glob``, sorted) or a manifest file.

    Args:
        source: a folder or a manifest (``.jsonl``, or one path a line).
        glob: pattern for a folder, relative to it (default every ``*.txt``, recursively).
        exclude: a folder whose files are never documents (the run's output folder, when it
            lies inside the input folder).

    Returns:
        The documents in a stable order; ids are unique.

    Raises:
        InputError: ``source`` does not exist, a manifest line is malformed (file:line named),
            or two documents share an id.
    """
    p = Path(source)
    if p.is_dir():
        docs = _from_folder(p, glob, Path(exclude) if exclude else None)
    elif p.is_file():
        docs = _from_manifest(p)
    else:
        raise InputError(f"{p}: no such folder or manifest; give a folder of .txt documents or a manifest file")
    seen: dict[str, Path] = {}
    for d in docs:
        if d.id in seen:
            raise InputError(f"{p}: documents {seen[d.id]} and {d.path} share the id {d.id!r}; give each a unique id")
        seen[d.id] = d.path
    return docs


def _from_folder(folder: Path, glob: str, exclude: Path | None) -> list[BatchDocument]:
    skip = exclude.resolve() if exclude is not None else None
    docs = []
    for f in sorted(folder.glob(glob)):
        # a folder or a dangling symbolic link named like a document is kept: it fails with its
        # one-line reason (xling.io.read_bytes) instead of being left out without a word
        if any(part.startswith(".") for part in f.relative_to(folder).parts):
            continue
        if skip is not None and f.resolve().is_relative_to(skip):
            continue
        rel = f.relative_to(folder)
        docs.append(BatchDocument(rel.as_posix(), f, rel.parent.as_posix() if rel.parent != Path(".") else ""))
    return docs


def _from_manifest(manifest: Path) -> list[BatchDocument]:
    from xling.io import read_lines

    base = manifest.parent
    docs = []
    for n, line in enumerate(read_lines(manifest), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        where = f"{manifest}:{n}"
        if text.startswith("{"):
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not a JSON object ({exc.msg}); write one JSON object a line") from None
            if not isinstance(row, dict) or not isinstance(row.get("path"), str) or not row["path"].strip():
                raise InputError(f'{where}: a manifest row needs "path" (a string), e.g. {{"path": "a.fa.txt"}}')
            path_text, doc_id = row.pop("path"), row.pop("id", None)
            if doc_id is not None and not isinstance(doc_id, (str, int)):
                raise InputError(f'{where}: "id" must be a string or a number')
            columns = {str(k): str(v) for k, v in row.items() if isinstance(v, (str, int, float))}
        else:
            path_text, doc_id, columns = text, None, {}
        path = Path(path_text) if Path(path_text).is_absolute() else base / path_text
        docs.append(_manifest_doc(path, base, None if doc_id is None else str(doc_id), columns))
    return docs


def _manifest_doc(path: Path, base: Path, doc_id: str | None, columns: dict[str, str]) -> BatchDocument:
    try:
        rel = path.resolve().relative_to(base.resolve())
        subdir = rel.parent.as_posix() if rel.parent != Path(".") else ""
        default_id = rel.as_posix()
    except ValueError:  # outside the manifest's folder: flat in the output folder
        subdir, default_id = "", path.as_posix()
    return BatchDocument(doc_id or default_id, path, subdir, columns)
