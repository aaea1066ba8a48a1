"""Term check: does each expected term appear in the translation, in a house form?

For each segment pair, the source segment (Persian) gives the *expected* concept entries and how
often each occurs (:class:`~xling.glossary.match.SourceMatcher`). The target segment is then
searched for the entry's forms (:mod:`xling.glossary.target`), longest match first, and each
expected entry gets a status:

- ``preferred``: at least as many acceptable occurrences as expected, all of them preferred
  forms (or their short forms);
- ``admitted``: as many acceptable occurrences, some of them admitted forms;
- ``deprecated``: too few acceptable occurrences, and a deprecated variant is present;
- ``missing``: too few acceptable occurrences and no deprecated variant.

**Term success rate** as in the WMT 2023 terminology shared task (Semenov et al. 2023,
"Findings of the WMT 2023 Shared Task on Machine Translation with Terms"): the number of
expected term occurrences matched in the hypothesis divided by the number expected, where an
entry occurring ``n`` times in the source and ``k`` times (acceptably) in the target counts
``min(n, k)`` matches. Two variants:

- ``exact_success_rate``: surface match, case-insensitive after orthographic folding; clitics
  that are orthography, not inflection, are allowed (English ``'s``, Arabic ``و ف ب ل ك``).
- ``lemma_success_rate``: for Russian, every word compared by its pymorphy3 normal form, so
  ``в Кремле`` matches ``Кремль`` and ``главой`` matches ``глава``; for other languages it equals
  the exact rate. The per-row ``status`` uses the lemma-aware match for Russian.

``success_rate`` is the headline rate that xling reports and gates on: lemma-aware for Russian
(a house form declined into its case is the house form), exact for every other language.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from xling.glossary.target import find_all

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary


@dataclass
class TermRow:
    """The check of one expected concept entry in one segment pair.

    Attributes:
        segment: 0-based segment (pair) index.
        entry_id: the concept entry.
        expected: occurrences in the source segment (int).
        preferred / admitted / deprecated: occurrences found in the target (lemma-aware for ru).
        status: ``preferred`` | ``admitted`` | ``deprecated`` | ``missing``.
        matched: ``min(expected, acceptable occurrences)``, exact matching.
        matched_lemma: the same with lemma-aware matching (ru) — equals ``matched`` otherwise.
        found: the target surfaces found (acceptable and deprecated).
        house: the preferred target term.
    """

    segment: int
    entry_id: str
    expected: int
    preferred: int
    admitted: int
    deprecated: int
    status: str
    matched: int
    matched_lemma: int
    found: list[str] = field(default_factory=list)
    house: str | None = None


@dataclass
class TermReport:
    """Result of :func:`check_terms`.

    Attributes:
        lang: target language.
        rows: one :class:`TermRow` per (segment, expected entry).
        segments: number of segment pairs checked.
    """

    lang: str
    rows: list[TermRow]
    segments: int

    @property
    def expected(self) -> int:
        """Expected term occurrences (sum over rows)."""
        return sum(r.expected for r in self.rows)

    @property
    def matched(self) -> int:
        """Matched occurrences, exact."""
        return sum(r.matched for r in self.rows)

    @property
    def matched_lemma(self) -> int:
        """Matched occurrences, lemma-aware (ru)."""
        return sum(r.matched_lemma for r in self.rows)

    @property
    def exact_success_rate(self) -> float:
        """WMT term success rate, exact: matched / expected (1.0 when nothing is expected)."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def lemma_success_rate(self) -> float:
        """WMT term success rate with lemma-aware matching (pymorphy3 for ru)."""
        return self.matched_lemma / self.expected if self.expected else 1.0

    @property
    def success_rate(self) -> float:
        """The headline rate for ``lang``: lemma-aware for Russian (names and titles inflect:
        ``в Кремле``, ``главой``), exact for other languages."""
        return self.lemma_success_rate if self.lang == "ru" else self.exact_success_rate

    @property
    def failures(self) -> list[TermRow]:
        """Rows whose status is ``missing`` or ``deprecated``."""
        return [r for r in self.rows if r.status in ("missing", "deprecated")]

    def by_entry(self) -> dict[str, dict]:
        """Document-level summary: entry id → counts summed over segments, and a status."""
        out: dict[str, dict] = {}
        for r in self.rows:
            d = out.setdefault(
                r.entry_id,
                {
                    "expected": 0,
                    "preferred": 0,
                    "admitted": 0,
                    "deprecated": 0,
                    "matched": 0,
                    "matched_lemma": 0,
                    "house": r.house,
                },
            )
            for k in ("expected", "preferred", "admitted", "deprecated", "matched", "matched_lemma"):
                d[k] += getattr(r, k)
        for d in out.values():
            d["status"] = _status(d["expected"], d["preferred"], d["admitted"], d["deprecated"])
        return out

    def rate_text(self) -> str:
        """The term success rate as xling prints it everywhere (see :func:`format_success_rate`)."""
        return format_success_rate(self.lang, self.expected, self.matched, self.matched_lemma)

    def to_dict(self) -> dict:
        """JSON-ready summary, per-entry document summary and per-segment rows."""
        return {
            "lang": self.lang,
            "segments": self.segments,
            "expected": self.expected,
            "matched": self.matched,
            "matched_lemma": self.matched_lemma,
            "success_rate": round(self.success_rate, 4),
            "success_rate_kind": "lemma" if self.lang == "ru" else "exact",
            "exact_success_rate": round(self.exact_success_rate, 4),
            "lemma_success_rate": round(self.lemma_success_rate, 4),
            "missing": sum(1 for r in self.rows if r.status == "missing"),
            "deprecated": sum(1 for r in self.rows if r.status == "deprecated"),
            "entries": self.by_entry(),
            "rows": [asdict(r) for r in self.rows],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def format_success_rate(lang: str, expected: int, matched: int, matched_lemma: int) -> str:
    """The one printed form of a term success rate: ``"0.9677 (30/31)"``, four decimals and the
    counts; for Russian the headline is lemma-aware and the exact rate follows when it differs:
    ``"0.9677 (30/31) lemma-aware; exact 0.9355 (29/31)"``. Nothing expected: ``"1.0000 (0/0)"``."""

    def one(m: int) -> str:
        return f"{m / expected if expected else 1.0:.4f} ({m}/{expected})"

    if lang == "ru":
        text = one(matched_lemma) + " lemma-aware"
        return text if matched == matched_lemma else f"{text}; exact {one(matched)}"
    return one(matched)


def _status(expected: int, preferred: int, admitted: int, deprecated: int) -> str:
    if preferred + admitted >= expected:
        return "preferred" if admitted == 0 or preferred >= expected else "admitted"
    return "deprecated" if deprecated else "missing"


def check_terms(sources: list[str], targets: list[str], lang: str, glossary: Glossary, *, matcher=None) -> TermReport:
    """Check term use segment by segment.

    Args:
        sources: source (Persian) segments.
        targets: target segments in ``lang``; ``targets[i]`` translates ``sources[i]``. For a
            document-level check pass one joined string in each list.
        lang: target language code (``en``, ``ru``, ``ar``).
        glossary: the termbase: a :class:`~xling.glossary.model.Glossary`
            (:func:`xling.glossary.store.load_glossary`) or a YAML path.
        matcher: a prebuilt :class:`~xling.glossary.match.SourceMatcher` (built if ``None``).

    Returns:
        :class:`TermReport`.

    Raises:
        ValueError: the lists differ in length.
    """
    from xling.glossary.match import SourceMatcher

    if len(sources) != len(targets):
        raise ValueError(f"{len(sources)} source segments but {len(targets)} target segments")
    if isinstance(glossary, (str, os.PathLike)):
        from xling.glossary.store import load_glossary

        glossary = load_glossary(glossary)
    matcher = matcher or SourceMatcher(glossary)
    rows: list[TermRow] = []
    for i, (src, tgt) in enumerate(zip(sources, targets)):
        expected = matcher.entries_in(src)
        if not expected:
            continue
        exact = find_all(tgt, glossary, expected, lang, "exact")
        rich = find_all(tgt, glossary, expected, lang, "lemma") if lang == "ru" else exact
        for eid, n in expected.items():
            entry = glossary.get(eid)
            if entry is None or not entry.terms.get(lang):
                continue  # no term in this language: nothing can be checked
            hx = [h for h in exact if h.entry_id == eid]
            hr = [h for h in rich if h.entry_id == eid]
            ok_x = sum(1 for h in hx if h.status != "deprecated")
            pref = sum(1 for h in hr if h.status == "preferred")
            adm = sum(1 for h in hr if h.status == "admitted")
            dep = sum(1 for h in hr if h.status == "deprecated")
            entry = glossary.get(eid)
            house = entry.preferred(lang) if entry else None
            rows.append(
                TermRow(
                    segment=i,
                    entry_id=eid,
                    expected=n,
                    preferred=pref,
                    admitted=adm,
                    deprecated=dep,
                    status=_status(n, pref, adm, dep),
                    matched=min(n, ok_x),
                    matched_lemma=min(n, pref + adm),
                    found=[tgt[h.start : h.end] for h in hr],
                    house=house.text if house else None,
                )
            )
    return TermReport(lang=lang, rows=rows, segments=len(sources))
