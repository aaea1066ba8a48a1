"""Find termbase source terms in Persian text: Aho-Corasick over a folded character stream.

Algorithm
---------
1. Every source-language term and short form of every concept entry is *folded* into a key:
   letters unified and folded as in :func:`xling.text.keys.fold` (``ي``/``ی``,
   ``ك``/``ک``, ``ة``/``ه``, hamza seats, harakat and tatweel removed, digits ASCII, case
   folded), plus two matching-only folds (``آ`` → ``ا``, ``ئ`` → ``ی``), and with every space
   and ZWNJ removed, so ``ابو محمد``, ``ابومحمد`` and ``رئیس‌جمهور`` / ``رئیسجمهور`` /
   ``رئیس جمهور`` share one key. Keys are added to one Aho-Corasick automaton
   (Aho & Corasick 1975, "Efficient string matching", CACM 18(6); `pyahocorasick`), so the
   cost of a search is linear in the text length plus the number of hits, whatever the size
   of the glossary.
2. The optional Arabic article: for each word of a term, a variant with ``ال`` added is keyed
   too (``جولانی`` also finds ``الجولانی``), and a word that starts with ``ال`` also gets a
   variant without it when at least 4 letters remain (``الشیبانی`` also finds ``شیبانی``).
   A 3-letter stem is never stripped: without the article it is usually a common word
   (``شرع`` "religious law" is not ``الشرع`` the surname). A spelling written in the glossary
   always beats an article variant derived from another entry's term (a ``شرع`` entry does not
   take ``الشرع`` from al-Sharaa, whatever the entry order).
3. The text is folded the same way into a stream with an index back to the original
   characters (spaces and ZWNJ dropped), and the automaton runs over it once.
4. Each hit is checked against *word boundaries in the original text*:
   - before it: start of text or a non-letter, or the attached conjunction ``و``
     (``والشیبانی``);
   - after it: end of text or a non-letter, or an attached clitic: ``ها``, ``های``, ``هایی``,
     ``را`` (joined or after ZWNJ); after a ZWNJ also the ezafe/indefinite ``ی``/``ای``, the
     possessive clitics ``ام ات اش مان تان شان`` and ``یی``; a joined ``ی``/``ای`` only after a
     term ending in a vowel letter (``ا``, ``و``). A joined ``ی`` after a consonant makes a
     different word (``جولان`` the place + ``ی`` = ``جولانی`` the name), so it is refused.
5. Overlapping hits are resolved longest first, then leftmost (``دستیار رئیس جمهور`` wins over
   ``رئیس جمهور``).

Offsets are character offsets (Python ``str`` indices) into the ORIGINAL text; the span covers
the term only, without the attached ``و`` or clitic (those are given in ``prefix`` /
``suffix``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING

from xling.lang import get as get_language
from xling.text.keys import ZWJ, ZWNJ
from xling.text.keys import match_key as fold_key
from xling.text.keys import match_stream as fold_stream

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary

_VOWEL_END = ("ا", "و")
_FA = get_language("fa")  # the source language's clitics (xling.lang.fa)
_JOINED_SUFFIXES = _FA.term_suffixes
_ZWNJ_SUFFIXES = _FA.term_suffixes_after_zwnj
_PREFIXES = _FA.term_prefixes
AL = get_language("ar").article


def _is_letter(c: str) -> bool:
    return c.isalpha() or unicodedata.category(c) == "Mn"


@dataclass(frozen=True)
class SourceMatch:
    """One occurrence of a concept entry's source term in a text.

    Attributes:
        entry_id: id of the :class:`~xling.glossary.model.ConceptEntry`.
        start: character offset of the first character of the term in the original text.
        end: character offset just after the term (``text[start:end] == surface``).
        surface: the term as written in the text.
        term: the glossary term (or short form) that matched, as written in the glossary.
        prefix: an attached conjunction before ``start`` (``"و"``) or ``""``.
        suffix: an attached clitic after ``end`` (``"ها"``, ``"را"``, ``"ی"`` ...) or ``""``.
    """

    entry_id: str
    start: int
    end: int
    surface: str
    term: str = ""
    prefix: str = ""
    suffix: str = ""


@dataclass
class _Pattern:
    entry_id: str
    term: str
    length: int  # key length in stream characters
    ends_in_vowel: bool = field(default=False)
    derived: bool = field(default=False)  # an article variant, not a spelling in the glossary


def _al_variants(term: str) -> list[str]:
    """Spellings of ``term`` with the Arabic article added to / removed from each word."""
    words = term.split()
    options: list[list[str]] = []
    for w in words:
        opts = [w]
        fw = fold_key(w)
        if fw.startswith(AL):
            if len(fw) - 2 >= 4:
                opts.append(w[2:] if w.startswith(AL) else fw[2:])
        elif len(fw) >= 3 and all("\u0600" <= ch <= "\u06ff" for ch in fw):
            opts.append(AL + w)
        options.append(opts)
    variants = []
    for combo in product(*options):
        variants.append(" ".join(combo))
        if len(variants) >= 16:
            break
    return variants


class SourceMatcher:
    """Find the source terms of a :class:`~xling.glossary.model.Glossary` in text.

    Build once per glossary (cost: linear in the total length of the terms), then call
    :meth:`find` on each segment or on a whole document.

    Args:
        glossary: the termbase; its ``source_language`` terms and short forms are matched.
        lang: source language code (default: ``glossary.source_language``).
    """

    def __init__(self, glossary: Glossary, lang: str | None = None) -> None:
        import ahocorasick

        self.lang = lang or glossary.source_language
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[_Pattern]] = {}
        for entry in glossary.entries:
            for t in entry.terms.get(self.lang, []):
                for surface in [t.text, *t.short_forms]:
                    for k, variant in enumerate(_al_variants(surface)):
                        key = fold_key(variant)
                        if not key:
                            continue
                        pats = keys.setdefault(key, [])
                        derived = k > 0
                        same = [i for i, p in enumerate(pats) if p.entry_id == entry.id]
                        if same and (derived or not pats[same[0]].derived):
                            continue
                        pat = _Pattern(entry.id, surface, len(key), key.endswith(_VOWEL_END), derived)
                        if same:
                            pats[same[0]] = pat
                        else:
                            pats.append(pat)
        for key, pats in keys.items():
            # a spelling written in the glossary beats an article variant derived from another
            # entry's term: شرع (religious law) + ال must not take الشرع from al-Sharaa
            if any(not p.derived for p in pats):
                pats[:] = [p for p in pats if not p.derived]
            self._automaton.add_word(key, (key, pats))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()
        self.key_count = len(keys)

    def _prefix_ok(self, text: str, start: int) -> str | None:
        k = start
        while k > 0 and _is_letter(text[k - 1]):
            k -= 1
        before = text[k:start]
        if not before:
            return ""
        return before if fold_key(before) in _PREFIXES else None

    def _suffix_ok(self, text: str, end: int, ends_in_vowel: bool) -> str | None:
        n = len(text)
        k = end
        sep = False
        if k < n and text[k] in (ZWNJ, ZWJ):
            sep = True
            k += 1
        j = k
        while j < n and _is_letter(text[j]):
            j += 1
        rest = text[k:j]
        if not rest:
            return ""
        f = fold_key(rest)
        if f in _JOINED_SUFFIXES or (sep and f in _ZWNJ_SUFFIXES):
            return rest
        if ends_in_vowel and f in ("ی", "ای"):
            return rest
        return None

    def find(self, text: str) -> list[SourceMatch]:
        """All non-overlapping term occurrences in ``text``, in text order.

        Args:
            text: Persian text (any length; a segment or a whole document).

        Returns:
            :class:`SourceMatch` objects sorted by ``start``; offsets are characters into ``text``.
        """
        if self._empty or not text:
            return []
        stream, index = fold_stream(text)
        hits: list[SourceMatch] = []
        for end_idx, (key, pats) in self._automaton.iter(stream):
            s = end_idx - len(key) + 1
            ostart, oend = index[s], index[end_idx] + 1
            # a hit must begin and end on a real character, not inside a folded expansion
            if s > 0 and index[s - 1] == ostart:
                continue
            prefix = self._prefix_ok(text, ostart)
            if prefix is None:
                continue
            pat = pats[0]
            suffix = self._suffix_ok(text, oend, pat.ends_in_vowel)
            if suffix is None:
                continue
            for p in pats:
                hits.append(SourceMatch(p.entry_id, ostart, oend, text[ostart:oend], p.term, prefix, suffix))
        hits.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[SourceMatch] = []
        occupied = bytearray(len(text))
        for m in hits:
            if any(occupied[m.start : m.end]):
                continue
            taken.append(m)
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
        taken.sort(key=lambda m: m.start)
        return taken

    def entries_in(self, text: str) -> dict[str, int]:
        """Concept entry id → number of occurrences in ``text``."""
        counts: dict[str, int] = {}
        for m in self.find(text):
            counts[m.entry_id] = counts.get(m.entry_id, 0) + 1
        return counts
