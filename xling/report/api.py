"""Python entry points of :mod:`xling.report` (``xling report`` is a thin shell over these).

- :func:`document_html`: the page of one document from its segment records in memory (used by
  ``xling translate --report``);
- :func:`report_record`: ``xling report OUT/<stem>.jsonl [--ref LANG=FILE ...] -o FILE.html``;
- :func:`report_folder`: ``xling report OUT/``: a page per record under the folder and an index.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from xling.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary
    from xling.report.document import DocumentReport


def document_html(
    records: list[dict[str, Any]],
    *,
    title: str,
    glossary: Glossary | None = None,
    references: dict[str, str] | None = None,
    record_path: str | None = None,
) -> str:
    """The HTML page (str) of one document; arguments as :func:`xling.report.document.build_document`."""
    from xling.report.document import build_document
    from xling.report.render import render_document

    doc = build_document(records, title=title, glossary=glossary, references=references, record_path=record_path)
    return render_document(doc)


def html_output(glossary: Glossary | None = None, references: dict[str, str] | None = None):
    """An output writer for :func:`xling.pipeline.translate_file` (``outputs=[...]``): the
    document's page as ``<stem>.html``, written in the same all-or-nothing group as the other
    outputs (``xling translate --report``).

    Returns:
        ``(document, stem) -> {"<stem>.html": page}``; ``document`` has ``records()``.
    """

    def write(doc: Any, stem: str) -> dict[str, str]:
        page = document_html(
            doc.records(), title=stem, glossary=glossary, references=references, record_path=f"{stem}.jsonl"
        )
        return {f"{stem}.html": page}

    return write


def record_stem(path: str | os.PathLike[str]) -> str:
    """``OUT/putin.jsonl`` → ``putin``."""
    name = Path(path).name
    return name[: -len(".jsonl")] if name.endswith(".jsonl") else Path(path).stem


def report_record(
    record: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    refs: list[str] | None = None,
    glossary: Glossary | None = None,
) -> Path:
    """Write the report page of one ``.jsonl`` record.

    Args:
        record: the ``<stem>.jsonl`` that ``xling translate`` wrote.
        out: the page to write (default: ``<stem>.html`` beside the record).
        refs: ``LANG=FILE`` specs (``--ref``): human references, scored with xling score.
        glossary: the termbase for term marks and checks, or ``None``.

    Returns:
        The path written (atomically: a temporary file, then replaced).

    Raises:
        InputError: unreadable record or reference, a bad ``--ref``, or ``out`` naming an input.
        ScoreError: a reference with nothing to score.
    """
    from xling.io import atomic_write_text, refuse_overwrite
    from xling.report.records import read_record, target_languages
    from xling.report.references import parse_ref_specs

    record = Path(record)
    records = read_record(record)
    references = parse_ref_specs(list(refs or []), target_languages(records))
    dest = Path(out) if out is not None else record.with_name(f"{record_stem(record)}.html")
    refuse_overwrite(dest, [("record", record), *((f"--ref {k}", v) for k, v in references.items())], option="-o")
    html = document_html(
        records, title=record_stem(record), glossary=glossary, references=references, record_path=record.name
    )
    if not dest.parent.is_dir():
        raise InputError(f"-o {dest}: the folder {dest.parent} does not exist; create it or give another path")
    atomic_write_text(dest, html)
    return dest


@dataclass
class FolderReport:
    """What :func:`report_folder` wrote: the index, the document pages, the files skipped."""

    index: Path
    pages: list[Path]
    skipped: list[Path]


def find_records(folder: Path) -> tuple[list[Path], list[Path]]:
    """The ``.jsonl`` files under ``folder`` (recursively, sorted) that are segment records, and
    those that are not (e.g. a batch run's ``batch.jsonl`` state file), by their first line."""
    import json

    records: list[Path] = []
    skipped: list[Path] = []
    for path in sorted(folder.rglob("*.jsonl")):
        first = ""
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.strip():
                    first = line
                    break
        try:
            head = json.loads(first) if first else None
        except json.JSONDecodeError:
            head = None
        # an empty file is an empty document; a broken first line is reported by read_record
        other = head is not None and not (isinstance(head, dict) and "targets" in head and "source" in head)
        (skipped if other else records).append(path)
    return records, skipped


def _references(ref_dir: Path | None, rel: Path, languages: list[str]) -> dict[str, str]:
    if ref_dir is None:
        return {}
    stem = record_stem(rel)
    found = {lang: ref_dir / rel.parent / f"{stem}.{lang}.txt" for lang in languages}
    return {lang: str(p) for lang, p in found.items() if p.is_file()}


def report_folder(
    folder: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    ref_dir: str | os.PathLike[str] | None = None,
    glossary: Glossary | None = None,
) -> FolderReport:
    """Write a page beside every segment record under ``folder`` and an index page.

    Args:
        folder: an output folder of ``xling translate`` or ``xling batch translate``
            (``<stem>.jsonl`` files, possibly in sub-folders).
        out: the index page (default ``FOLDER/index.html``).
        ref_dir: a folder of human references laid out like ``folder``:
            ``REF_DIR/<sub-folder>/<stem>.<lang>.txt`` (those present are used).
        glossary: the termbase, or ``None``.

    Returns:
        :class:`FolderReport`. Every page and the index are written together or not at all.

    Raises:
        InputError: no record under ``folder``, a record that cannot be read (naming its file
            and line), an index folder that does not exist.
    """
    from xling.io import AtomicOutputs
    from xling.report.document import build_document
    from xling.report.records import read_record, target_languages
    from xling.report.render import render_document, render_index

    root = Path(folder)
    paths, skipped = find_records(root)
    if not paths:
        raise InputError(f"{root}: no .jsonl record found; give the --out-dir of xling translate or xling batch")
    index = Path(out) if out is not None else root / "index.html"
    if not index.parent.is_dir():
        raise InputError(f"-o {index}: the folder {index.parent} does not exist; create it or give another path")
    pages: list[tuple[Path, DocumentReport]] = []
    for path in paths:
        records = read_record(path)
        rel = path.relative_to(root)
        refs = _references(Path(ref_dir) if ref_dir else None, rel, target_languages(records))
        doc = build_document(records, title=record_stem(rel), glossary=glossary, references=refs, record_path=path.name)
        doc.title = str(rel.parent / record_stem(rel)) if rel.parent != Path(".") else doc.title
        pages.append((path.with_name(f"{record_stem(path)}.html"), doc))
    languages = list(dict.fromkeys(lang for _, doc in pages for lang in doc.languages))
    rows = [
        {
            "href": quote(Path(os.path.relpath(page, index.parent)).as_posix()),
            "name": doc.title,
            "segments": len(doc.rows),
            "summary": {s.lang: s for s in doc.languages_summary},
            "test_models": doc.test_models,
        }
        for page, doc in pages
    ]
    test_models = sorted({m for _, doc in pages for m in doc.test_models})
    with AtomicOutputs() as group:
        for page, doc in pages:
            with group.open(page) as fh:
                fh.write(render_document(doc))
        with group.open(index) as fh:
            fh.write(render_index(str(root), rows, languages, test_models))
    return FolderReport(index, [p for p, _ in pages], skipped)
