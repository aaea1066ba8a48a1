"""A segment's text cut into pieces for the report: plain text, glossary terms, repairs.

Term spans come from xling's glossary code, the same that enforces and checks terms:
:class:`xling.glossary.match.SourceMatcher` in the source (ZWNJ/spelling-robust, offsets into
the original text) and :func:`xling.glossary.target.find_all` in a target, for the entries the
source names (lemma-aware for Russian, as the term check is). Repairs come from the record's
``repair`` changes (:class:`xling.glossary.repair.Change`): their offsets refer to the segment
before repair, so they are moved by the length changes of the repairs before them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.match import SourceMatch
    from xling.glossary.model import Glossary


@dataclass
class Piece:
    """A run of a segment's text.

    Attributes:
        text: the characters (str).
        entry: the concept entry id when the run is a term (or a repaired term), else ``None``.
        status: ``preferred`` / ``admitted`` / ``deprecated`` for a term, else ``None``.
        before: for a repair, the text it replaced (the run's ``text`` is what was put there).
        rule: for a repair, its rule (``deprecated``, ``near-miss``, ``literal``).
    """

    text: str
    entry: str | None = None
    status: str | None = None
    before: str | None = None
    rule: str | None = None


def cut(text: str, spans: list[tuple[int, int, Piece]]) -> list[Piece]:
    """Cut ``text`` at ``spans`` (``(start, end, piece)``; earlier spans win an overlap).

    Returns:
        Pieces covering ``text`` left to right; each span piece gets ``text[start:end]``.
    """
    taken: list[tuple[int, int, Piece]] = []
    for start, end, piece in spans:
        if 0 <= start < end <= len(text) and not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, piece))
    taken.sort(key=lambda t: t[0])
    out: list[Piece] = []
    pos = 0
    for start, end, piece in taken:
        if start > pos:
            out.append(Piece(text[pos:start]))
        piece.text = text[start:end]
        out.append(piece)
        pos = end
    if pos < len(text) or not out:
        out.append(Piece(text[pos:]))
    return out


def _source_status(glossary: Glossary, match: SourceMatch, lang: str) -> str:
    entry = glossary.get(match.entry_id)
    for form, term, _short in entry.forms(lang) if entry else ():
        if form == match.term:
            return term.status.value
    return "preferred"


def source_pieces(text: str, matches: list[SourceMatch], glossary: Glossary, lang: str) -> list[Piece]:
    """``text`` (a source segment) with its term ``matches`` as term pieces."""
    spans = [
        (m.start, m.end, Piece("", m.entry_id, _source_status(glossary, m, lang)))
        for m in matches
        if glossary.get(m.entry_id) is not None
    ]
    return cut(text, spans)


def repair_spans(text: str, repairs: list[dict[str, Any]]) -> tuple[list[tuple[int, int, Piece]], list[dict]]:
    """Where each repair's ``after`` is in the repaired ``text``.

    Args:
        text: the target segment after repair.
        repairs: ``Change`` dicts (``start``, ``end``, ``before``, ``after``, ``rule``,
            ``entry_id``), offsets into the segment before repair.

    Returns:
        ``(spans, unplaced)``: the repair pieces with their offsets in ``text``, and the
        changes whose ``after`` is not where the offsets say (shown beside the cell instead).
    """
    spans: list[tuple[int, int, Piece]] = []
    unplaced: list[dict] = []
    shift = 0
    for ch in sorted(repairs, key=lambda c: c.get("start", 0)):
        try:
            start = int(ch["start"]) + shift
            after, before = str(ch["after"]), str(ch["before"])
            shift += len(after) - (int(ch["end"]) - int(ch["start"]))
        except (KeyError, TypeError, ValueError):
            unplaced.append(ch)
            continue
        if text[start : start + len(after)] == after and after:
            piece = Piece("", ch.get("entry_id"), "preferred", before, str(ch.get("rule", "")))
            spans.append((start, start + len(after), piece))
        else:
            unplaced.append(ch)
    return spans, unplaced


def target_pieces(
    text: str, lang: str, glossary: Glossary | None, entry_ids: list[str], repairs: list[dict[str, Any]]
) -> tuple[list[Piece], list[dict]]:
    """A target segment cut into plain, term and repair pieces.

    Args:
        text: the target segment (final text, as in ``targets``).
        lang: its language code.
        glossary: the termbase, or ``None`` (no term marks).
        entry_ids: the concept entries its source names (only these are searched, as the term
            check does).
        repairs: this language's ``repair`` changes of the segment.

    Returns:
        ``(pieces, unplaced_repairs)`` (see :func:`repair_spans`).
    """
    spans, unplaced = repair_spans(text, repairs)
    if glossary is not None and entry_ids:
        from xling.glossary.target import find_all

        mode = "lemma" if lang == "ru" else "exact"
        for hit in find_all(text, glossary, entry_ids, lang, mode):
            spans.append((hit.start, hit.end, Piece("", hit.entry_id, hit.status)))
    return cut(text, spans), unplaced
