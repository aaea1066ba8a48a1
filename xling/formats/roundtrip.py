"""The CAT round trip: a translated document's ``.jsonl`` records out as XLIFF, a post-edited
XLIFF back into the records, the target text file and the TM.

Out (:func:`xliff_documents`): one :class:`~xling.formats.xliff.XliffDocument` per target
language, a unit per record. A record's ``origin[lang]`` (``mt``, ``tm-exact``,
``post-edited``; written by ``xling translate --tm``; ``mt`` without it) gives the state; its
``tm_matches[lang]`` the fuzzy-match alternatives; its ``terms`` change the term-hit notes; QA
issues (:func:`xling.pipeline.check_document`) become ``xling:qa`` notes on their segment.

Back (:func:`import_post_edit`): every unit must name a record of ``DIR/<stem>.jsonl`` whose
source has the same comparison key (:func:`xling.text.keys.fold`) as the unit's source,
else the file is refused before anything is written. A unit whose target differs from the
record's, or that the file marks as confirmed, is *post-edited*: the record's target becomes the
edit, ``origin[lang]`` becomes ``post-edited``, and a ``{"stage": "post-edit", "lang", "before",
"mt", "file", "confirmed"}`` change keeps the text it replaced and the MT text. Then
``DIR/<stem>.<lang>.txt`` (translate's layout) and ``DIR/<stem>.jsonl`` are replaced together.
A confirmed head of joined segments (``joined_into`` in the records that follow it,
:mod:`xling.tm.stage`) goes into the TM with the joined sources, as the unit it came from.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xling.errors import InputError
from xling.formats.xliff import Alternative, XliffDocument, XliffUnit


def layout_lines(records: Sequence[Mapping[str, Any]]) -> list[int | None]:
    """Segment id of each line of a ``<stem>.<lang>.txt`` file (None for the blank line between
    paragraphs), in translate's layout (:func:`xling.pipeline.paragraph_layout`): a segment a
    line, a blank line where the paragraph changes; a record with ``joined_into`` has no line of
    its own (it is on its head's line)."""
    out: list[int | None] = []
    for n, rec in enumerate(records):
        if n and rec.get("joined_into") is not None:
            continue
        if n and rec["paragraph"] != records[n - 1]["paragraph"]:
            out.append(None)
        out.append(int(rec["id"]))
    return out


def joined_records(records: Sequence[Mapping[str, Any]]) -> dict[int, list[Mapping[str, Any]]]:
    """Head segment id → the records joined into it (``joined_into``), in order."""
    out: dict[int, list[Mapping[str, Any]]] = {}
    for rec in records:
        if rec.get("joined_into") is not None:
            out.setdefault(int(rec["joined_into"]), []).append(rec)
    return out


def own_lines(records: Sequence[Mapping[str, Any]]) -> list[int]:
    """Positions in ``records`` of the records with a line of their own (all but those with
    ``joined_into``): the segments the QA checks and the scores pair with a source or reference."""
    return [n for n, rec in enumerate(records) if rec.get("joined_into") is None]


def checked_sources(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """The source of each record of :func:`own_lines`, for the QA checks: its own, a head's
    joined with those of the records joined into it (its target translates them all)."""
    joined = joined_records(records)
    return [
        " ".join([records[n]["source"], *(r["source"] for r in joined.get(int(records[n]["id"]), []))])
        for n in own_lines(records)
    ]


def layout_text(records: Sequence[Mapping[str, Any]], lang: str) -> str:
    """The ``<stem>.<lang>.txt`` text of ``records`` (see :func:`layout_lines`); a head's line
    also holds the targets, if any, of the records joined into it."""
    by_id = {int(r["id"]): r for r in records}
    joined = joined_records(records)

    def line(i: int) -> str:
        texts = [by_id[i]["targets"].get(lang, "")] + [r["targets"].get(lang, "") for r in joined.get(i, [])]
        return " ".join(t for t in texts if t)

    return "".join(("" if i is None else line(i)) + "\n" for i in layout_lines(records))


def _join_notes(rec: Mapping[str, Any], joined: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """The ``xling:tm`` note of a head or joined segment (see :mod:`xling.formats.xliff`)."""
    if rec.get("joined_into") is not None:
        head = rec["joined_into"]
        return [
            ("xling:tm", f"joined into segment {head}: one TM unit's source covers them; its target is in unit {head}")
        ]
    if joined:
        ids = ", ".join(str(r["id"]) for r in [rec, *joined])
        return [("xling:tm", f"segments {ids} joined: one TM unit's source covers them; the target of all is here")]
    return []


def _term_notes(rec: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    notes = []
    for change in rec.get("changes", []):
        if change.get("stage") == "terms" and isinstance(change.get(lang), dict):
            for entry_id, status in change[lang].items():
                notes.append(("xling:terms", f"{entry_id}: {status}"))
    return notes


def xliff_documents(
    records: Sequence[Mapping[str, Any]],
    targets: Sequence[str],
    *,
    src_lang: str,
    original: str,
    version: str = "2.1",
    qa: Mapping[str, Any] | None = None,
) -> dict[str, XliffDocument]:
    """One XLIFF document per target language (see the module docstring).

    Args:
        records: the ``.jsonl`` records (:meth:`xling.pipeline.TranslatedDocument.records`).
        targets: target language codes, in output order.
        src_lang: the source language code.
        original: the source document's file name (``file/@original``).
        version: ``2.1`` or ``1.2``.
        qa: target code → QA report (:class:`xling.score.report.QAReport`), or None.
    """
    lines = layout_lines(records)
    joined = joined_records(records)
    docs = {}
    for lang in targets:
        qa_notes: dict[int, list[tuple[str, str]]] = {}
        for issue in getattr((qa or {}).get(lang), "issues", []):
            seg = lines[issue.line - 1] if issue.line and 0 < issue.line <= len(lines) else None
            if seg is not None:
                qa_notes.setdefault(seg, []).append(("xling:qa", f"{issue.severity} {issue.check}: {issue.message}"))
        units = []
        for rec in records:
            sid = int(rec["id"])
            alts = [
                Alternative(m["source"], m["target"], float(m["score"]), f"xling-tm:{m['origin']}")
                for m in rec.get("tm_matches", {}).get(lang, [])
            ]
            units.append(
                XliffUnit(
                    id=str(sid),
                    paragraph=int(rec["paragraph"]),
                    source=rec["source"],
                    target=rec["targets"].get(lang, ""),
                    state=rec.get("origin", {}).get(lang, "mt"),
                    notes=_join_notes(rec, joined.get(sid, [])) + _term_notes(rec, lang) + qa_notes.get(sid, []),
                    alternatives=alts,
                )
            )
        docs[lang] = XliffDocument(version, src_lang, lang, original, units)
    return docs


@dataclass
class PostEditResult:
    """What :func:`import_post_edit` did.

    Attributes:
        lang: the target language.
        units: units read from the file.
        edited: segment ids whose target changed.
        confirmed: segment ids stored as post-edited (edited or marked confirmed).
        paths: the files written (``<stem>.<lang>.txt``, ``<stem>.jsonl``).
        tm_added: units added to the TM (0 without one).
    """

    lang: str
    units: int
    edited: list[int]
    confirmed: list[int]
    paths: list[Path]
    tm_added: int = 0


def _load_records(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"{path}: no such record; give --out-dir the folder where xling translate wrote <stem>.jsonl")
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not a JSON record ({exc.msg}); rerun xling translate") from None
    return records


def _stem(doc: XliffDocument, xlf: Path) -> str:
    if doc.original:
        from xling.pipeline import output_stem

        return output_stem(doc.original, doc.src_lang)
    name = xlf.name
    for suffix in (".xlf", ".xliff", f".{doc.tgt_lang}"):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return name


def import_post_edit(xlf: str | os.PathLike[str], out_dir: str | os.PathLike[str], *, tm: Any = None) -> PostEditResult:
    """Read a post-edited XLIFF back into ``out_dir`` (see the module docstring).

    Args:
        xlf: the XLIFF file (2.x or 1.2) that ``xling translate --xliff`` wrote, post-edited.
        out_dir: the folder with the ``<stem>.jsonl`` record it was made from.
        tm: an open :class:`xling.tm.store.TranslationMemory` to store the confirmed units in, or None.

    Raises:
        InputError: unreadable or malformed XLIFF, no record, a unit naming no record or whose
            source no longer matches it (naming the unit), or a target language the record lacks;
            nothing is written then.
    """
    from xling.formats.xliff import read_xliff
    from xling.io import AtomicOutputs

    path = Path(xlf)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    doc = read_xliff(data, str(path))
    stem = _stem(doc, path)
    jsonl = Path(out_dir) / f"{stem}.jsonl"
    records = _load_records(jsonl)
    by_id = {str(r["id"]): r for r in records}
    _check_units(doc, by_id, path, jsonl)
    result = PostEditResult(doc.tgt_lang, len(doc.units), [], [], [Path(out_dir) / f"{stem}.{doc.tgt_lang}.txt", jsonl])
    confirmed = [u for u in doc.units if _apply(u, by_id[u.id], doc.tgt_lang, path.name, result)]
    with AtomicOutputs() as group:
        with group.open(result.paths[0]) as fh:
            fh.write(layout_text(records, doc.tgt_lang))
        with group.open(jsonl) as fh:
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    if tm is not None and confirmed:
        from xling.tm.store import TMUnit

        joined = joined_records(records)
        units = [
            TMUnit(
                " ".join([u.source, *(r["source"] for r in joined.get(int(u.id), []))]),
                u.target,
                doc.src_lang,
                doc.tgt_lang,
                "post-edited",
                stem,
            )
            for u in confirmed
        ]
        result.tm_added = tm.add(units)[0]
    return result


def _check_units(doc: XliffDocument, by_id: Mapping[str, Mapping[str, Any]], path: Path, jsonl: Path) -> None:
    """Refuse a file with a unit that names no record, or whose source changed (InputError)."""
    from xling.text.keys import fold

    for unit in doc.units:
        rec = by_id.get(unit.id)
        if rec is None:
            raise InputError(
                f"{path}: unit {unit.id}: {jsonl} has no segment {unit.id}; import it beside its own record"
            )
        if doc.tgt_lang not in rec["targets"]:
            raise InputError(
                f"{path}: target language {doc.tgt_lang!r} is not in {jsonl}; import it beside its own record"
            )
        if fold(unit.source, doc.src_lang) != fold(rec["source"], doc.src_lang):
            raise InputError(
                f"{path}: unit {unit.id}: the source no longer matches segment {unit.id} of {jsonl}"
                f" ({unit.source[:40]!r} vs {rec['source'][:40]!r}); refusing to import; translate the changed source again"
            )


def _apply(unit: XliffUnit, rec: dict[str, Any], lang: str, file: str, result: PostEditResult) -> bool:
    """Write ``unit``'s target into ``rec`` if it is post-edited; True if it is."""
    before = rec["targets"][lang]
    edited = unit.target != before
    if not (edited or unit.confirmed) or not unit.target.strip():
        return False
    origin = rec.setdefault("origin", {}).get(lang, "mt")
    earlier = [c for c in rec["changes"] if c.get("stage") == "post-edit" and c.get("lang") == lang]
    mt = earlier[0]["mt"] if earlier else (before if origin == "mt" else None)
    rec["changes"].append(
        {"stage": "post-edit", "lang": lang, "before": before, "mt": mt, "file": file, "confirmed": unit.confirmed}
    )
    rec["targets"][lang] = unit.target
    rec["origin"][lang] = "post-edited"
    if edited:
        result.edited.append(int(unit.id))
    result.confirmed.append(int(unit.id))
    return True


def xliff_output(original: str, *, version: str = "2.1", glossary: Any = None) -> Any:
    """An output writer for :func:`xling.pipeline.translate_file` (``xling translate --xliff``):
    ``(document, stem) -> {"<stem>.<lang>.xlf": text}``, one XLIFF file per target language.

    QA issues (:func:`xling.pipeline.check_document`, with ``glossary``) become notes.

    Args:
        original: the input file's name (``file/@original``; ``xling xliff import`` finds the
            stem from it).
        version: ``2.1`` (default) or ``1.2``.
        glossary: the session's termbase, or None.

    Raises:
        InputError: ``version`` is not ``2.1`` or ``1.2`` (when the writer runs).
    """
    from xling.formats.xliff import xliff_bytes

    def write(doc: Any, stem: str) -> dict[str, str]:
        from xling.pipeline import check_document

        qa = check_document(doc, glossary=glossary)
        docs = xliff_documents(
            doc.records(), doc.targets, src_lang=doc.from_code, original=original, version=version, qa=qa
        )
        return {f"{stem}.{lang}.xlf": xliff_bytes(d).decode("utf-8") for lang, d in docs.items()}

    return write
