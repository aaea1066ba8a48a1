"""The view of one document that the page template renders.

:func:`build_document` takes the segment records of a ``.jsonl`` and returns a
:class:`DocumentReport`: paragraphs of rows, one row per segment, one cell per language
(source first), each cell with its ``lang``, its direction, its text cut into term and repair
pieces (:mod:`xling.report.marks`), its QA issues (:func:`xling.score.api.run_checks`, one
source segment per target segment, as ``xling translate --score`` runs them), its origin (MT,
TM, post-edit) and, given references, the reference under it with its sentence scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from xling.report.marks import Piece, source_pieces, target_pieces
from xling.report.records import (
    ORIGIN_LABELS,
    changes,
    source_language,
    target_languages,
    target_origin,
    test_model_names,
    text_before_post_edit,
    tm_matches,
)
from xling.report.references import ReferenceScores, RefLine

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary
    from xling.score.report import QAReport

SEVERITY_ORDER = ("error", "warning", "info")
#: Scripts written right to left (:func:`xling.lang.script_of_language` names).
RTL_SCRIPTS = frozenset({"arabic", "hebrew"})


def language_name(lang: str) -> str:
    """``fa`` → ``Persian`` (:class:`xling.lang.LanguageData` ``name``; the code itself when unknown)."""
    from xling.lang import find

    data = find(lang)
    return data.name if data is not None else lang


def direction(lang: str) -> str:
    """The HTML ``dir`` of ``lang``: ``rtl`` for a right-to-left script (fa, ar), else ``ltr``."""
    from xling.lang import script_of_language

    return "rtl" if script_of_language(lang) in RTL_SCRIPTS else "ltr"


@dataclass
class Cell:
    """One language of one segment.

    Attributes:
        lang, dir: the ``lang`` and ``dir`` attributes of the cell.
        pieces: the text as :class:`~xling.report.marks.Piece` runs.
        origin: a key of :data:`~xling.report.records.ORIGIN_LABELS` when the text is not MT.
        issues: QA issues (``Issue.to_json()`` dicts) of this target segment.
        references: the reference shown under the hypothesis (with references only).
        notes: remarks (a fall-back re-translation, a repair that could not be placed).
        tm_matches: TM matches offered for the segment (``source``, ``target``, ``score``, ``exact``).
        before_post_edit: the text (MT output or TM match) a post-edit replaced, or ``None``.
    """

    lang: str
    dir: str
    pieces: list[Piece]
    origin: str | None = None
    issues: list[dict[str, Any]] = field(default_factory=list)
    references: list[RefLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tm_matches: list[dict[str, Any]] = field(default_factory=list)
    before_post_edit: str | None = None

    @property
    def text(self) -> str:
        """The cell's text (its pieces joined)."""
        return "".join(p.text for p in self.pieces)

    @property
    def origin_label(self) -> str | None:
        """The origin as shown to the reviewer (``TM exact match``), or ``None`` for MT."""
        return ORIGIN_LABELS.get(self.origin, self.origin) if self.origin else None


@dataclass
class Row:
    """One segment: its id, paragraph, source cell and target cells."""

    id: int
    paragraph: int
    source: Cell
    targets: list[Cell]

    @property
    def severity(self) -> str:
        """The worst severity of the row's issues (``error``, ``warning``, ``info``) or ``none``."""
        found = {i["severity"] for c in self.targets for i in c.issues}
        return next((s for s in SEVERITY_ORDER if s in found), "none")

    @property
    def issue_count(self) -> int:
        """Number of QA issues over the row's targets."""
        return sum(len(c.issues) for c in self.targets)


@dataclass
class LanguageSummary:
    """The document-level figures of one target language.

    Attributes:
        lang: code; counts: QA issues per severity; term_rate / exact_term_rate: the term success
        rate (``None`` without a glossary); expected_terms: expected term occurrences;
        reference: the :class:`ReferenceScores` (``None`` without ``--ref``); term_text: the rate
        as xling prints it everywhere (:func:`xling.glossary.check.format_success_rate`).
    """

    lang: str
    counts: dict[str, int]
    term_rate: float | None
    exact_term_rate: float | None
    expected_terms: int
    reference: ReferenceScores | None = None
    term_text: str | None = None


@dataclass
class DocumentReport:
    """Everything the document page shows.

    Attributes:
        title: the document's name (its stem); record: the ``.jsonl`` path shown (or ``None``).
        src_lang, languages: source code and target codes (output order).
        paragraphs: ``[(paragraph number, [Row, ...]), ...]`` in document order.
        summary: ``[{"check", "severities", "counts": {lang: n}, "total"}]`` over the checks that ran.
        languages_summary: a :class:`LanguageSummary` per target.
        entries: the concept entries the document names (for the entry cards).
        test_models: the test models used (the banner), empty for real models.
        notes: remarks for the reviewer.
    """

    title: str
    record: str | None
    src_lang: str
    languages: list[str]
    paragraphs: list[tuple[int, list[Row]]]
    summary: list[dict[str, Any]]
    languages_summary: list[LanguageSummary]
    entries: list[Any]
    test_models: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        """Every row in document order."""
        return [r for _, rows in self.paragraphs for r in rows]


def run_qa(records: list[dict[str, Any]], src_lang: str, languages: list[str], glossary) -> dict[str, QAReport]:
    """The reference-free QA checks of each target (:func:`xling.score.api.run_checks`).

    Target segment i is checked against source segment i, so an issue's ``hyp`` ids are
    segment ids. Term checks run when ``glossary`` is given. Segments joined by the TM
    (``joined_into``, :mod:`xling.tm.stage`): the head is checked against the joined sources and
    each joined segment, whose target is in the head's, not at all, so the ``hyp`` ids count the
    records of :func:`xling.formats.roundtrip.own_lines`.
    """
    from xling.formats.roundtrip import checked_sources, own_lines
    from xling.score.api import run_checks

    sources, kept = checked_sources(records), own_lines(records)
    return {
        lang: run_checks(
            sources,
            [records[n]["targets"].get(lang, "") for n in kept],
            src_lang=src_lang,
            tgt_lang=lang,
            glossary=glossary,
        )
        for lang in languages
    }


def _target_cell(rec: dict[str, Any], lang: str, glossary, entry_ids: list[str]) -> Cell:
    text = rec["targets"].get(lang, "")
    repairs = [c for ch in changes(rec, "repair", lang) for c in ch.get("changes") or []]
    pieces, unplaced = target_pieces(text, lang, glossary, entry_ids, repairs)
    cell = Cell(lang, direction(lang), pieces, origin=target_origin(rec, lang))
    cell.tm_matches, cell.before_post_edit = tm_matches(rec, lang), text_before_post_edit(rec, lang)
    for ch in changes(rec, "fallback", lang):
        cell.notes.append(f"glossary: {ch.get('reason', 'translated again without protection')}")
    for ch in unplaced:
        cell.notes.append(f"repair ({ch.get('rule', '?')}): {ch.get('before', '')} → {ch.get('after', '')}")
    return cell


def _rows(records, src_lang: str, languages: list[str], glossary) -> tuple[list[Row], list[str]]:
    """The rows, and the concept entry ids the document names in first-seen order."""
    matcher = None
    if glossary is not None:
        from xling.glossary.match import SourceMatcher

        matcher = SourceMatcher(glossary)
    rows: list[Row] = []
    seen: dict[str, None] = {}
    for rec in records:
        matches = sorted(matcher.find(rec["source"]), key=lambda m: m.start) if matcher else []
        entry_ids = list(dict.fromkeys(m.entry_id for m in matches if glossary.get(m.entry_id) is not None))
        seen.update(dict.fromkeys(entry_ids))
        src_pieces = source_pieces(rec["source"], matches, glossary, src_lang) if glossary else [Piece(rec["source"])]
        source = Cell(src_lang, direction(src_lang), src_pieces)
        targets = [_target_cell(rec, lang, glossary, entry_ids) for lang in languages]
        for cell in targets:
            seen.update(dict.fromkeys(p.entry for p in cell.pieces if p.entry))
        rows.append(Row(rec["id"], rec["paragraph"], source, targets))
    return rows, list(seen)


def _attach_issues(rows: list[Row], qa: dict[str, QAReport], languages: list[str]) -> None:
    by_id = {n: row for n, row in enumerate(rows)}
    for k, lang in enumerate(languages):
        for issue in qa[lang].issues:
            ids = issue.hyp or issue.src
            row = by_id.get(ids[0]) if ids else None
            if row is not None:
                row.targets[k].issues.append(issue.to_json())


def _summary(qa: dict[str, QAReport], languages: list[str]) -> list[dict[str, Any]]:
    checks: dict[str, dict[str, Any]] = {}
    for lang in languages:
        for check in qa[lang].checks:
            checks.setdefault(check, {"check": check, "severities": [], "counts": dict.fromkeys(languages, 0)})
        for issue in qa[lang].issues:
            row = checks.setdefault(
                issue.check, {"check": issue.check, "severities": [], "counts": dict.fromkeys(languages, 0)}
            )
            row["counts"][lang] += 1
            if issue.severity not in row["severities"]:
                row["severities"].append(issue.severity)
    for row in checks.values():
        row["total"] = sum(row["counts"].values())
    return list(checks.values())


def _language_summary(lang: str, report: QAReport, reference: ReferenceScores | None) -> LanguageSummary:
    tr: Any = report.term_report
    return LanguageSummary(
        lang,
        report.counts(),
        tr.success_rate if tr is not None and tr.expected else None,
        tr.exact_success_rate if tr is not None and tr.expected else None,
        tr.expected if tr is not None else 0,
        reference,
        tr.rate_text() if tr is not None and tr.expected else None,
    )


def build_document(
    records: list[dict[str, Any]],
    *,
    title: str,
    glossary: Glossary | None = None,
    references: dict[str, str] | None = None,
    record_path: str | None = None,
) -> DocumentReport:
    """Build the report of one translated document.

    Args:
        records: the segment records (:func:`xling.report.records.read_record`, or
            ``TranslatedDocument.records()`` in memory), in document order.
        title: the document's name (its output stem).
        glossary: the termbase for term marks, concept entries and term checks, or ``None``.
        references: ``{lang: reference file}`` (:func:`~xling.report.references.parse_ref_specs`).
        record_path: the ``.jsonl`` shown on the page, or ``None``.

    Returns:
        :class:`DocumentReport`.

    Raises:
        InputError, EncodingError: a reference cannot be read.
        ScoreError: a reference has nothing to score.
    """
    from xling.formats.roundtrip import own_lines
    from xling.report.references import score_reference

    src_lang = source_language(records)
    languages = target_languages(records)
    qa = run_qa(records, src_lang, languages, glossary)
    rows, entry_ids = _rows(records, src_lang, languages, glossary)
    _attach_issues([rows[n] for n in own_lines(records)], qa, languages)  # TM-joined segments: issue 13
    scored = {lang: score_reference(records, lang, path) for lang, path in (references or {}).items()}
    for k, lang in enumerate(languages):
        for n, row in enumerate(rows):
            row.targets[k].references = scored[lang].by_segment.get(n, []) if lang in scored else []
    paragraphs: list[tuple[int, list[Row]]] = []
    for row in rows:
        if not paragraphs or paragraphs[-1][0] != row.paragraph:
            paragraphs.append((row.paragraph, []))
        paragraphs[-1][1].append(row)
    entries = [glossary.get(e) for e in entry_ids] if glossary is not None else []
    return DocumentReport(
        title=title,
        record=record_path,
        src_lang=src_lang,
        languages=languages,
        paragraphs=paragraphs,
        summary=_summary(qa, languages),
        languages_summary=[_language_summary(lang, qa[lang], scored.get(lang)) for lang in languages],
        entries=entries,
        test_models=test_model_names(records),
        notes=[] if glossary is not None else ["no glossary: terms are not marked or checked"],
    )
