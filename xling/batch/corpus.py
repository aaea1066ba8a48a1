"""``xling batch align`` and ``xling batch score``: the documents of a folder or manifest with
their translations, found by naming convention or by manifest columns.

A document ``sub/x.fa.txt`` (stem ``x``, see :func:`xling.pipeline.output_stem`) has its
translation into ``LANG`` at ``DIR/sub/x.LANG.txt``, where DIR is the folder given with
``--translations`` (or ``--hyp-dir``/``--ref-dir`` for scoring), by default the input folder
(or the manifest's); a manifest row may name it directly in a ``LANG`` column (align, score's
hypotheses) or a ``ref-LANG`` column (score's references).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xling.batch.manifest import BatchDocument
from xling.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary


def companion(doc: BatchDocument, folder: Path, lang: str, from_code: str, column: str | None = None) -> Path:
    """The file of ``doc`` in language ``lang``: the manifest column if given, else
    ``folder/<subdir>/<stem>.<lang>.txt``."""
    from xling.pipeline import output_stem

    if column and column in doc.columns:
        p = Path(doc.columns[column])
        return p if p.is_absolute() else doc.path.parent / p
    stem = output_stem(str(doc.path), from_code)
    return (folder / doc.subdir if doc.subdir else folder) / f"{stem}.{lang}.txt"


def source_documents(docs: Sequence[BatchDocument], from_code: str) -> list[BatchDocument]:
    """Leave out the documents that are translations: ``*.<code>.txt`` with a language code
    (2–3 letters) other than ``from_code``."""
    import re

    lang_part = re.compile(r"\.([a-z]{2,3})\.txt$")
    out = []
    for d in docs:
        m = lang_part.search(d.path.name)
        if m is None or m.group(1) == from_code:
            out.append(d)
    return out


def _sentences(path: Path, lang: str, presegmented: bool, encoding: str | None) -> list[str]:
    from xling.io import read_lines, read_text
    from xling.text.segment import segment_text

    if presegmented:
        return read_lines(path, encoding=encoding, utf8_first=True)
    return [s.one_line() for s in segment_text(read_text(path, encoding=encoding, utf8_first=True), lang)]


@dataclass
class AlignedDocument:
    """One document's multi-target alignment: its id, TMX units and props, and any error."""

    id: str
    tus: list[dict[str, str]] = field(default_factory=list)
    props: list[dict[str, str]] = field(default_factory=list)
    error: str = ""


def align_corpus(
    docs: Sequence[BatchDocument],
    *,
    from_code: str,
    targets: Sequence[str],
    translations: Path,
    presegmented: bool = False,
    glossary: Glossary | None = None,
    encoding: str | None = None,
) -> list[AlignedDocument]:
    """Align each document with its translations (:func:`xling.align.multi.align_multi`).

    A document whose translations are missing or unreadable gets ``error`` and no units.
    """
    from xling.align.multi import align_multi
    from xling.align.output import tmx_units

    out = []
    for doc in docs:
        try:
            src = _sentences(doc.path, from_code, presegmented, encoding)
            tgts = {
                lang: _sentences(companion(doc, translations, lang, from_code, lang), lang, presegmented, encoding)
                for lang in targets
            }
        except InputError as exc:
            out.append(AlignedDocument(doc.id, error=str(exc)))
            continue
        units, _ = align_multi(src, tgts, src_lang=from_code, glossary=glossary)
        tus, props = tmx_units(units, src, tgts, src_lang=from_code)
        for p in props:
            p["x-document"] = doc.id
        out.append(AlignedDocument(doc.id, tus, props))
    return out


@dataclass
class CorpusScore:
    """``xling batch score``'s report.

    Attributes:
        metrics: target → ``{"bleu"|"chrf"|"chrf_plain"|"ter": MetricScore}`` over every
            document's segments together (corpus level), or empty without references.
        documents: one row per document and target: ``id``, ``lang``, the document's scores,
            ``terms`` (success rate or None), QA ``counts``, ``error``.
        terms: target → (matched, expected) summed over documents.
        qa: target → QA issue counts by severity summed over documents.
    """

    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: list[dict[str, Any]] = field(default_factory=list)
    terms: dict[str, tuple[int, int]] = field(default_factory=dict)
    qa: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (schema ``xling-batch-score/1``)."""
        return {
            "schema": "xling-batch-score/1",
            "corpus": {
                lang: {name: {"score": m.score, "signature": m.full_signature} for name, m in ms.items()}
                for lang, ms in self.metrics.items()
            },
            "terms": {
                lang: {"matched": a, "expected": b, "success_rate": (a / b if b else None)}
                for lang, (a, b) in self.terms.items()
            },
            "qa": self.qa,
            "documents": self.documents,
        }


def score_corpus(
    docs: Sequence[BatchDocument],
    *,
    from_code: str,
    targets: Sequence[str],
    hyp_dir: Path,
    ref_dir: Path | None,
    glossary: str | os.PathLike[str] | None,
    encoding: str | None = None,
) -> CorpusScore:
    """Score every document's hypotheses (:func:`xling.score.api.score_files`, source-aware QA
    and terms) and, with references, corpus-level BLEU/chrF++/TER over all documents' aligned
    segments together (:func:`xling.score.metrics.compute_metrics`)."""
    from xling.score.metrics import compute_metrics
    from xling.score.normalization import normalize_for_scoring

    report = CorpusScore()
    pooled: dict[str, tuple[list[str], list[str]]] = {t: ([], []) for t in targets}
    for doc in docs:
        for lang in targets:
            row = _score_document(doc, lang, from_code, hyp_dir, ref_dir, glossary, encoding)
            report.documents.append(row.pop("_row"))
            if row.get("pairs"):
                h, r = pooled[lang]
                for p in row["pairs"]:
                    h.append(normalize_for_scoring(p.hyp_text, lang))
                    r.append(normalize_for_scoring(p.other_text, lang))
            m, e = report.terms.get(lang, (0, 0))
            report.terms[lang] = (m + row.get("matched", 0), e + row.get("expected", 0))
            counts = report.qa.setdefault(lang, {"error": 0, "warning": 0, "info": 0})
            for sev, n in row.get("counts", {}).items():
                counts[sev] = counts.get(sev, 0) + n
    for lang, (h, r) in pooled.items():
        if h:
            report.metrics[lang] = compute_metrics(h, r, lang)
    return report


def _score_document(
    doc: BatchDocument,
    lang: str,
    from_code: str,
    hyp_dir: Path,
    ref_dir: Path | None,
    glossary: str | os.PathLike[str] | None,
    encoding: str | None,
) -> dict[str, Any]:
    from xling.errors import XlingError
    from xling.score.api import score_files

    hyp = companion(doc, hyp_dir, lang, from_code, lang)
    ref = (
        companion(doc, ref_dir or doc.path.parent, lang, from_code, f"ref-{lang}")
        if ref_dir or f"ref-{lang}" in doc.columns
        else None
    )
    row: dict[str, Any] = {"id": doc.id, "lang": lang, "hypothesis": str(hyp), "reference": str(ref) if ref else None}
    try:
        rep = score_files(
            str(hyp),
            lang=lang,
            ref=str(ref) if ref else None,
            src=str(doc.path),
            src_lang=from_code,
            align=True,
            glossary=None if glossary is None else str(glossary),
            encoding=encoding,
        )
    except XlingError as exc:
        row["error"] = str(exc)
        return {"_row": row}
    data = rep.to_json()
    row["scores"] = {k: (v or {}).get("score") for k, v in (data.get("scores") or {}).items()}
    terms = data.get("terms") or {}
    row["terms"] = terms.get("success_rate")
    row["counts"] = (data.get("qa") or {}).get("counts", {})
    out: dict[str, Any] = {"_row": row, "pairs": rep.pairs if rep.metrics else [], "counts": row["counts"]}
    tr: Any = rep.qa.term_report
    if tr is not None:
        out["expected"] = int(tr.expected)
        out["matched"] = int(tr.matched_lemma if lang == "ru" else tr.matched)
        row["term_counts"] = [out["matched"], out["expected"]]
    return out
