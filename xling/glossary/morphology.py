"""Enforcement morphology, written once: how a house form takes the place of a term in a target segment.

Placeholder restore (:func:`xling.glossary.enforce.restore`) and repair
(:func:`xling.glossary.repair.repair_segment`) both put a house form where the MT output had a
placeholder or a variant; what stays attached to that spot is orthography or inflection, and is
carried over onto the house form here:

- **Clitics and proclitics** (:func:`splits`): the English possessive ``'s``, the Arabic
  proclitics ``و ف ب ل ك`` and their combinations (:attr:`xling.lang.LanguageData.proclitics`),
  with ``ل`` + ``ال`` written ``لل`` (:func:`attach_proclitic`).
- **Russian endings**: a suffix model (stem = the word without a final ``а я й ь о``,
  :func:`ru_stem`, plus one of :attr:`~xling.lang.LanguageData.case_endings`), which also fits
  surnames no dictionary knows (``Блусовым`` → ``Белоусов`` + ``ым``); foreign names ending in
  a vowel other than ``а``/``я``, or in ``-аа``, do not decline (:func:`ru_indeclinable`). A
  bare form after a preposition that governs one case is declined with pymorphy3 (Korobov 2015,
  "Morphological analyzer and generator for Russian and Ukrainian languages";
  :func:`ru_inflect_phrase`).
- **Articles**: for persons in English a preceding ``the`` belongs to the mistranslation
  (``The Sharia`` → ``Al-Sharaa``: :func:`article_before`); the Arabic article written as a word
  of its own before a name (``Al Sharaa``, ``Аль Шараа``) is part of a house form that starts
  with ``al-``/``аль-`` (:func:`al_word_before`).
- **Casing**: a replacement at the start of a sentence starts with a capital (en, ru:
  :func:`at_sentence_start`, :func:`capitalize`).
- **The house form** of an entry (:func:`house_form`): the preferred term, its short form for a
  short source form, or a deprecated term's ``use``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from xling.lang import get as get_language

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import ConceptEntry, Term

RU_ENDINGS = get_language("ru").case_endings
#: endings that only a plural noun takes (locative, dative, instrumental plural): a person's name
#: is singular, so a name word ending in one of them is not that name inflected (``Касрах`` is a
#: final-х transliteration of ``قصره``, not ``Касра`` in the locative plural)
RU_PLURAL_ONLY_ENDINGS = frozenset({"ах", "ях", "ам", "ям", "ами", "ями"})
AR_PROCLITICS = get_language("ar").proclitics
EN_POSSESSIVE = get_language("en").possessive_endings
#: Russian prepositions that govern one case (:attr:`xling.lang.LanguageData.preposition_case`).
RU_PREPOSITION_CASE = get_language("ru").preposition_case

_SENTENCE_END_RE = re.compile(r"(?:^|[.!?…؟]\s*)[\"'«“‘(\[]*\s*$")
_ARTICLE_RE = re.compile(r"\b([Tt]he)\s+$")
#: the Arabic article written as a word of its own before a name ("Al Sharaa", "Аль Шараа")
_AL_WORD_RE = re.compile(r"(?<![^\W\d_])([AaEe]l|[Аа]ль|[Аа]л|[Ээ]ль|[Аа]ш|[Аа]т|[Аа]р|[Аа]с|[Аа]н|[Аа]д|[Аа]з)\s+$")
#: a house form that starts with the transliterated Arabic article (al-, ash-, аль-, аш- ...)
_AL_PREFIX_RE = re.compile(r"^(?:[AaEe][lsdnrtz]h?|[Аа]ль|[Аа]л|[Ээ]ль|[Аа][шсдзтрн])-")
_RU_PREVIOUS_WORD_RE = re.compile(r"(?:^|\s)([^\W\d_]+(?:-[^\W\d_]+)?)\s+$")


# ----------------------------------------------------------------------------- the house form


def house_form(entry: ConceptEntry | None, lang: str, *, term: Term | None = None, short: bool = False) -> str | None:
    """The house text for ``entry`` in ``lang`` (before affixes are re-attached), or ``None``.

    Args:
        entry: the concept entry (``None`` gives ``None``).
        lang: target language code.
        term: a deprecated term being replaced: its ``use`` wins when it has one (the house form
            of that part of the name: ``Sergey`` → ``Sergei``).
        short: a short form is being replaced (``پوتین``, ``Blusov``): the preferred term's first
            short form, when it has one.

    Returns:
        ``term.use``, else the preferred term's short form (``short``) or text; ``None`` when the
        entry has no preferred term in ``lang``.
    """
    if entry is None:
        return None
    if term is not None and term.use is not None:
        return term.use
    pref = entry.preferred(lang)
    if pref is None:
        return None
    if short and pref.short_forms:
        return pref.short_forms[0]
    return pref.text


# ----------------------------------------------------------------------------- clitics


@dataclass(frozen=True)
class Part:
    """How one token was split: ``prefix + core + suffix == token.text``."""

    prefix: str
    core: str
    suffix: str


def splits(token: str, lang: str, *, first: bool, last: bool, inflect: bool, singular: bool = False) -> Iterator[Part]:
    """Candidate ``prefix | core | suffix`` splits of ``token`` (no split first): the English
    possessive on the ``last`` word, Russian case endings with ``inflect`` (only singular ones with
    ``singular``: a person's name), Arabic proclitics on the ``first`` word (``لل`` = ``ل`` + ``ال``)."""
    yield Part("", token, "")
    if lang == "en" and last:
        for s in EN_POSSESSIVE:
            if token.endswith(s) and len(token) > len(s) + 1:
                yield Part("", token[: -len(s)], token[-len(s) :])
    elif lang == "ru" and inflect:
        for e in RU_ENDINGS:
            if singular and e in RU_PLURAL_ONLY_ENDINGS:
                continue
            if token.lower().endswith(e) and len(token) - len(e) >= 2:
                yield Part("", token[: -len(e)], token[-len(e) :])
    elif lang == "ar" and first:
        for p in AR_PROCLITICS[1:]:
            if token.startswith(p) and len(token) - len(p) >= 2:
                rest = token[len(p) :]
                if p.endswith("ل") and rest.startswith("ل"):
                    yield Part(p, "ا" + rest, "")  # لل = ل + ال
                yield Part(p, rest, "")


def attach_proclitic(proclitic: str, word: str) -> str:
    """Arabic ``proclitic`` + ``word``, with ``ل`` + ``ال`` written ``لل`` (``ل`` + ``الجولاني`` → ``للجولاني``)."""
    if proclitic.endswith("ل") and word.startswith("ال"):
        word = word[1:]
    return proclitic + word


def is_proclitic(letters: str, lang: str) -> bool:
    """Whether ``letters`` (the letters written onto a word's start) are a proclitic in ``lang``."""
    return lang == "ar" and letters in AR_PROCLITICS[1:]


# ----------------------------------------------------------------------------- Russian endings


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """The shared pymorphy3 ``MorphAnalyzer`` (loaded on first use: about 0.2 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def ru_stem(word: str) -> str:
    """The suffix-model stem of a Russian name word: without a final ``а я й ь о``."""
    return word[:-1] if len(word) > 3 and word[-1].lower() in "аяйьо" else word


def ru_indeclinable(word: str) -> bool:
    """Foreign names ending in a vowel other than а/я, or in -аа, do not decline in Russian
    (аш-Шараа, аль-Джулани; Абу Касра is declinable)."""
    w = word.lower()
    return w[-1:] in tuple("иоуеэюы") or w.endswith("аа")


def ru_inflect(word: str, ending: str) -> str:
    """``word`` with the case ``ending`` moved onto its suffix-model stem (unchanged without an
    ending, or when the word does not decline)."""
    if not ending or ru_indeclinable(word):
        return word
    return ru_stem(word) + ending


def ru_inflect_phrase(phrase: str, case: str, *, head_only: bool = False) -> str:
    """Put a Russian house form into ``case`` (a pymorphy3 case grammeme such as ``ablt``).

    Only words that pymorphy3 reads as a nominative singular noun are changed (names, surnames,
    a title's head noun); indeclinable words (``Fixd``: ``аш-Шараа``, ``аль-Джулани``, ``Абу``)
    and words in another case (a title's genitive complement ``России``) stay. With
    ``head_only`` only the first word may change (titles: ``президент России`` →
    ``президентом России``). Capitalisation of each word is kept.
    """
    words = phrase.split()
    out = []
    for i, w in enumerate(words):
        if head_only and i > 0:
            out.append(w)
            continue
        new = w
        parses = morph_analyzer().parse(w)
        best = next((p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes), parses[0] if parses else None)
        if (
            best is not None
            and best.tag.POS == "NOUN"
            and best.tag.case == "nomn"
            and best.tag.number == "sing"
            and "Fixd" not in best.tag.grammemes
            and best.normal_form.replace("ё", "е") == w.lower().replace("ё", "е")
        ):
            form = best.inflect({case})
            if form is not None:
                new = form.word
                if w[:1].isupper():
                    new = new[:1].upper() + new[1:]
        out.append(new)
    return " ".join(out)


def ru_case_before(text: str, start: int) -> str | None:
    """The case (pymorphy3 grammeme) that the preposition right before ``text[start:]`` governs, or ``None``."""
    prev = _RU_PREVIOUS_WORD_RE.search(text[:start])
    return RU_PREPOSITION_CASE.get(prev.group(1).lower()) if prev else None


# ----------------------------------------------------------------------------- affixes onto a house form


def attach_affixes(words: Sequence[str], parts: Sequence[Part], lang: str, *, head_first: bool = False) -> str:
    """Put the affixes of the matched tokens (``parts``) onto the replacement ``words``.

    In Russian, when the matched text and the replacement have different numbers of words, the
    case ending goes to the last word (a name's surname), or with ``head_first`` to the first
    word (a title's head noun: ``министром по иностранным делам`` → ``министром иностранных дел``).
    English: the possessive goes onto the last word; Arabic: the proclitic onto the first.
    """
    out = list(words)
    if not out:
        return ""
    if lang == "ru":
        if len(out) == len(parts):
            out = [ru_inflect(w, p.suffix) for w, p in zip(out, parts)]
        elif head_first:
            out[0] = ru_inflect(out[0], parts[0].suffix)
        else:
            out[-1] = ru_inflect(out[-1], parts[-1].suffix)
    elif lang == "en" and parts[-1].suffix:
        out[-1] = out[-1] + parts[-1].suffix
    elif lang == "ar" and parts[0].prefix:
        out[0] = attach_proclitic(parts[0].prefix, out[0])
    return " ".join(out)


# ----------------------------------------------------------------------------- articles and casing


def article_before(text: str, start: int) -> re.Match[str] | None:
    """The English article ``the``/``The`` right before ``text[start:]`` (group 1), or ``None``."""
    return _ARTICLE_RE.search(text[:start])


def al_word_before(text: str, start: int, house: str) -> int | None:
    """Where an Arabic article written as a word of its own (``Al Sharaa``) starts right before
    ``text[start:]``, when the house form ``house`` itself starts with the article (``al-Sharaa``),
    so the replacement is ``al-Sharaa``, not ``Al al-Sharaa``; else ``None``."""
    if not _AL_PREFIX_RE.match(house):
        return None
    m = _AL_WORD_RE.search(text[:start])
    return m.start(1) if m else None


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start:]`` opens a sentence (start of text, or after ``. ! ? … ؟`` and opening quotes)."""
    return bool(_SENTENCE_END_RE.search(text[:start]))


def capitalize(text: str) -> str:
    """``text`` with its first letter upper-cased (the rest unchanged)."""
    return text[0].upper() + text[1:] if text else text


def sentence_case(text: str, start: int, replacement: str, lang: str) -> str:
    """``replacement`` capitalised when it starts a sentence of ``text`` in a cased language (en, ru)."""
    if lang in ("en", "ru") and at_sentence_start(text, start) and replacement[:1].islower():
        return capitalize(replacement)
    return replacement
