"""Find a concept entry's terms in a target-language segment (en, ru, ar), inflection-aware.

Used by :mod:`xling.glossary.repair` and :mod:`xling.glossary.check`. A target segment is
split into word tokens (hyphenated and apostrophe words stay one token: ``al-Sharaa's``,
``аль-Джулани``). A glossary form (a term or short form) matches a run of consecutive tokens,
separated by white space only, when each form word matches its token under one of three modes:

- ``exact``: the same word after :func:`xling.text.keys.fold` (case, Arabic letter
  variants, harakat) and ``ё`` → ``е``; attached *clitics* are allowed around it because they
  are orthography, not inflection: the English possessive ``'s``/``’s`` on the last word; the
  Arabic proclitics ``و ف`` + ``ب ل ك`` on the first word (``ووزير``, ``بأبي``; ``ل`` + ``ال``
  written ``لل``).
- ``inflect`` (Russian): also ``stem + ending`` where ``stem`` is the form word without a final
  ``а я й ь о`` and ``ending`` is one of the nominal/adjectival case endings
  (:data:`RU_ENDINGS`, from :mod:`xling.lang.ru`): a suffix model, so unknown surnames work (``Блусовым`` = ``Блусов`` + ``ым``).
- ``lemma`` (Russian): the pymorphy3 normal form of the token equals that of the form word
  (Korobov 2015, "Morphological analyzer and generator for Russian and Ukrainian languages"),
  or the ``inflect`` suffix model matches (pymorphy3 reads surnames such as ``Белоусов`` as
  possessive adjectives of ``белоус`` and ``Белоусову`` as a form of ``белоусов``).

Offsets are character offsets into the target segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from xling.glossary.morphology import (  # noqa: F401 - AR_PROCLITICS, RU_* re-exported for callers of this module
    AR_PROCLITICS,
    EN_POSSESSIVE,
    RU_ENDINGS,
    RU_PREPOSITION_CASE,
    Part,
    morph_analyzer,
    ru_inflect_phrase,
    ru_stem,
    splits,
)
from xling.text.keys import HARAKAT, TATWEEL

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import ConceptEntry, Glossary, Term

_W = rf"[^\W_]|[{HARAKAT}{TATWEEL}]"
TOKEN_RE = re.compile(rf"(?:{_W})+(?:[-‐'’ʼ](?:{_W})+)*(?:['’]s?)?")
STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2}


@dataclass(frozen=True)
class Token:
    """A word token of a target segment: ``text[start:end]``."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` (see :data:`TOKEN_RE`)."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=65536)
def norm(word: str, lang: str) -> str:
    """Comparison form of one word: orthography fold, ``ё`` → ``е``, typographic apostrophes unified."""
    from xling.text.keys import fold

    w = word.replace("’", "'").replace("ʼ", "'").replace("‐", "-")
    return fold(w, lang).replace("ё", "е")


@lru_cache(maxsize=65536)
def ru_lemma(word: str) -> str:
    """pymorphy3 normal form of a Russian word (lower case, ``ё`` → ``е``)."""
    return morph_analyzer().parse(word)[0].normal_form.replace("ё", "е")


def word_match(
    token: str, form_word: str, lang: str, mode: str, *, first: bool, last: bool, singular: bool = False
) -> Part | None:
    """The split of ``token`` under which it is ``form_word`` in ``mode``, or ``None``
    (``singular``: a person's name, which takes no plural-only ending; see :func:`splits`)."""
    target = norm(form_word, lang)
    if mode == "lemma" and lang == "ru":
        if ru_lemma(norm(token, lang)) == ru_lemma(target) or norm(token, lang) == target:
            return Part("", token, "")
        # pymorphy3 reads many surnames as possessive adjectives and gives the two forms
        # different normal forms (Белоусов → белоус, Белоусову → белоусов): the suffix model
        # below still applies
    inflect = mode in ("inflect", "lemma")
    stem = norm(ru_stem(form_word), lang) if lang == "ru" else target
    for part in splits(token, lang, first=first, last=last, inflect=inflect, singular=singular):
        core = norm(part.core, lang)
        if core == target:
            return part
        if lang == "ru" and inflect and part.suffix and core == stem:
            return part
    return None


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start].strip() == ""


@dataclass
class Hit:
    """A form of a concept entry found in a target segment.

    Attributes:
        start, end: character offsets of the span in the segment (clitics included).
        entry_id: the concept entry.
        form: the glossary form (term text or short form) that matched or was nearest.
        term: the glossary :class:`~xling.glossary.model.Term` the form belongs to.
        is_short: whether ``form`` is a short form.
        status: ``preferred`` / ``admitted`` / ``deprecated`` (of ``term``).
        kind: ``exact``, ``inflect``, ``lemma``, ``near`` (near-miss) or ``literal``.
        parts: per token, how it split into prefix / core / suffix.
        score: similarity (1.0 for exact).
    """

    start: int
    end: int
    entry_id: str
    form: str
    term: Term
    is_short: bool
    status: str
    kind: str
    parts: list[Part]
    score: float = 1.0


def entry_forms(entry: ConceptEntry, lang: str) -> list[tuple[str, Term, bool]]:
    """``(form, term, is_short)`` for every term and short form of ``entry`` in ``lang``."""
    out = []
    for t in entry.terms.get(lang, []):
        out.append((t.text, t, False))
        for s in t.short_forms:
            out.append((s, t, True))
    return out


def find_entry(
    text: str,
    tokens: list[Token],
    entry: ConceptEntry,
    lang: str,
    mode: str,
    statuses: tuple[str, ...] = ("preferred", "admitted", "deprecated"),
) -> list[Hit]:
    """Every occurrence (possibly overlapping) of ``entry``'s forms in ``text`` under ``mode``."""
    hits: list[Hit] = []
    for form, term, is_short in entry_forms(entry, lang):
        status = term.status.value
        if status not in statuses:
            continue
        words = [t.text for t in tokenize(form)]
        n = len(words)
        if not n:
            continue
        for i in range(len(tokens) - n + 1):
            found = match_form_at(text, tokens, i, words, lang, mode, singular=entry.type.value == "person")
            if found is not None:
                parts, kind = found
                hits.append(
                    Hit(
                        tokens[i].start, tokens[i + n - 1].end, entry.id, form, term, is_short, status, kind, parts, 1.0
                    )
                )
    return hits


def match_form_at(
    text: str, tokens: list[Token], i: int, words: list[str], lang: str, mode: str, *, singular: bool = False
):
    """Match the words of one term form against ``tokens[i:i+len(words)]``.

    Returns:
        ``(parts, kind)`` (the per-word matches of :func:`word_match`; ``kind`` is ``exact``,
        ``inflect`` or, in ``lemma`` mode for Russian, ``lemma``), or ``None`` when the tokens do
        not spell the form (or are not adjacent in ``text``).
    """
    n = len(words)
    if i + n > len(tokens):
        return None
    parts = []
    for k in range(n):
        if k and not _gap_ok(text, tokens[i + k - 1], tokens[i + k]):
            return None
        p = word_match(tokens[i + k].text, words[k], lang, mode, first=k == 0, last=k == n - 1, singular=singular)
        if p is None:
            return None
        parts.append(p)
    kind = "exact" if all(not p.suffix or lang != "ru" for p in parts) else "inflect"
    if (
        mode == "lemma"
        and lang == "ru"
        and any(norm(tokens[i + k].text, lang) != norm(words[k], lang) for k in range(n))
    ):
        kind = "lemma"
    return parts, kind


def resolve(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits: longest span first, then preferred before admitted before
    deprecated, then exact before inflected before near-miss; ties by position."""
    kind_rank = {"exact": 0, "inflect": 1, "lemma": 1, "near": 2, "literal": 3}
    order = sorted(
        hits, key=lambda h: (-(h.end - h.start), STATUS_RANK[h.status], kind_rank[h.kind], -h.score, h.start)
    )
    taken: list[Hit] = []
    for h in order:
        if any(h.start < t.end and t.start < h.end for t in taken):
            continue
        taken.append(h)
    taken.sort(key=lambda h: h.start)
    return taken


def find_all(text: str, glossary: Glossary, entry_ids, lang: str, mode: str) -> list[Hit]:
    """Resolved hits of the given entries' forms in ``text`` (see :func:`resolve`)."""
    tokens = tokenize(text)
    hits: list[Hit] = []
    for eid in entry_ids:
        e = glossary.get(eid)
        if e is not None:
            hits.extend(find_entry(text, tokens, e, lang, mode))
    return resolve(hits)


class FormIndex:
    """Every form of every entry of a glossary in one language, indexed by its first word.

    :meth:`find` gives the same hits as :func:`find_entry` over all entries, but only tries the
    forms whose first word matches a token (exactly, after removing clitics, or by the Russian
    suffix-model stem), so its cost grows with the text, not with the size of the glossary.

    Args:
        glossary: the termbase.
        lang: target language code.
    """

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = lang
        self._by_first: dict[str, list] = {}
        for e in glossary.entries:
            for form, term, is_short in entry_forms(e, lang):
                words = [t.text for t in tokenize(form)]
                if not words:
                    continue
                keys = {norm(words[0], lang)}
                if lang == "ru":
                    keys.add(norm(ru_stem(words[0]), lang))
                for k in keys:
                    self._by_first.setdefault(k, []).append(
                        (e.id, form, term, is_short, words, e.type.value == "person")
                    )

    def find(self, text: str, tokens: list[Token], mode: str, statuses: tuple[str, ...]) -> list[Hit]:
        """Unresolved hits of every entry's forms with a status in ``statuses`` (see :func:`find_entry`)."""
        lang = self.lang
        hits: list[Hit] = []
        for i, tok in enumerate(tokens):
            cands: dict[tuple[str, str], tuple] = {}
            for part in splits(tok.text, lang, first=True, last=True, inflect=True):
                for c in self._by_first.get(norm(part.core, lang), ()):
                    cands[(c[0], c[1])] = c
            for eid, form, term, is_short, words, person in cands.values():
                if term.status.value not in statuses:
                    continue
                found = match_form_at(text, tokens, i, words, lang, mode, singular=person)
                if found is not None:
                    parts, kind = found
                    hits.append(
                        Hit(
                            tokens[i].start,
                            tokens[i + len(words) - 1].end,
                            eid,
                            form,
                            term,
                            is_short,
                            term.status.value,
                            kind,
                            parts,
                            1.0,
                        )
                    )
        return hits
