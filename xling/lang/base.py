"""The typed per-language data record (:class:`LanguageData`) and its sub-records.

Each field says which algorithm reads it; a language that has no data for an algorithm leaves
the field at its empty default, which the algorithm reads as "nothing special here".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True)
class ZwnjAffixes:
    """Persian affixes and cue words for ZWNJ restoration (:mod:`xling.text.zwnj`).

    The affix inventory follows the Persian Academy's orthography (دستور خط فارسی, 2003), which
    writes these parts with ZWNJ. Tuples are tried in order (longest first where it matters).

    Attributes:
        verb_prefixes: verbal prefixes before a glued ``می``/``نمی`` form (``برمیگردد``).
        plural_suffixes: plural ``ها``/``های``/``هایی`` and their possessive forms.
        comparative_suffixes: ``تر``/``ترین`` and their inflections.
        after_heh_suffixes: clitics written with ZWNJ after a final ``ه`` (``نامه‌ای``).
        after_yeh_suffixes: clitics written with ZWNJ after a final ``ی`` (``زندگی‌اش``).
        adjective_suffixes: suffixes that make adjectives from nouns (``مند``, ``ناک``).
        adjective_prefixes: prefixes that make adjectives from nouns (``بی``, ``نا``).
        joined_suffixes: suffixes always written joined (plural ``ان``/``ات``, ``ی``).
        indefinite_cues: words before ``X‌ه‌ای`` that ask for the indefinite reading (``یک``).
        plural_cues: words before ``X‌های`` that ask for the plural reading (``این``, ``همه``).
        ezafe_breakers: closed-class words that cannot stand right after an ezafe
            (prepositions, conjunctions, ``را``): after them ``های`` is not a plural with ezafe.
    """

    verb_prefixes: tuple[str, ...]
    plural_suffixes: tuple[str, ...]
    comparative_suffixes: tuple[str, ...]
    after_heh_suffixes: tuple[str, ...]
    after_yeh_suffixes: tuple[str, ...]
    adjective_suffixes: tuple[str, ...]
    adjective_prefixes: tuple[str, ...]
    joined_suffixes: tuple[str, ...]
    indefinite_cues: frozenset[str]
    plural_cues: frozenset[str]
    ezafe_breakers: frozenset[str]


@dataclass(frozen=True)
class LanguageData:
    """What xling knows about one language (spaCy style: one module per code in :mod:`xling.lang`).

    Attributes:
        code: ISO 639-1 code (``fa``).
        name: English name (``Persian``).
        script: ``arabic``, ``latin`` or ``cyrillic`` (the names of :func:`xling.text.keys.script_of`).
        abbreviations: segmentation (:mod:`xling.text.segment`): abbreviations ending in ``.``
            that do not end a sentence, written with their final ``.``; matched as written and,
            for Latin/Cyrillic, lower-cased.
        weak_abbreviations: abbreviations that may also end a sentence (``etc.``, ``г.``).
        number_abbreviations: abbreviations that stay with the number after them (``p. 5``).
        initial_letters: letters that, alone and followed by ``.``, are a person's initial.
        continuation_words: words that never open a sentence, so a quoted sentence followed by
            one continues (``«چرا؟» و رفت``); languages with letter case rely on the lower case.
        date_prepositions: prepositions that open a date phrase (``В 2025 г.``), which is not a
            sentence of its own.
        sentence_starters: capitalised words that open a sentence after a weak abbreviation or a
            one-letter word (``U.S. How``, ``you and I. Did``); empty: any capital letter does.
            Other capitalised words continue (``U.S. Government``, ``Albert I. Jones``).
        number_bound_abbreviations: weak abbreviations that may end a sentence only right after
            a number (Russian ``г.`` is "year" after one, "city" before a name: ``г. Волгоград``).
        number_words: QA number parser (:mod:`xling.score.qa.numerals`): cardinal (and ordinal)
            words → additive value.
        multipliers: hundred, thousand, million ... → multiplier.
        number_connectors: words allowed inside a number (``and``, ``و``).
        number_clitics: prefixes split off a word before number lookup (Arabic ``و``).
        ambiguous_number_words: number words that alone are more often something else.
        group_separator: the thousands separator of running text (CLDR's ``symbols/group``:
            ``,`` in en, and in fa and ar once ٬ is folded to it; ``.`` in de; a space in ru and
            fr, whose comma is the decimal separator), read by the QA number parser.
        distinctive_function_words: frequent function words of this language that the other
            languages written in its script do not use (a Persian segment left in an Arabic
            translation is found by them: :mod:`xling.score.qa.untranslated`).
        proclitics: glossary enforcement: letters a word may carry in front of a term, as
            ``""`` followed by every combination (Arabic ``و ف ب ل ك``).
        possessive_endings: endings a term may carry that are orthography (English ``'s``).
        case_endings: Russian noun and adjective case endings, longest first (suffix model).
        preposition_case: prepositions that govern one case → pymorphy3 grammeme.
        cognate_proclitics: aligner (:mod:`xling.align.anchors`): one-letter proclitics stripped
            from an Arabic-script word before its cognate key.
        article: the definite article written joined to a word (Arabic ``ال``), or ``""``.
        term_prefixes: glossary source matcher (:mod:`xling.glossary.match`): attached words
            allowed before a term (``و``).
        term_suffixes: clitics allowed joined after a term (``ها``, ``را``).
        term_suffixes_after_zwnj: clitics allowed after a term and a ZWNJ (the above, ezafe
            ``ی``/``ای``, possessives).
        zwnj: Persian ZWNJ restoration data (:class:`ZwnjAffixes`), ``None`` for other languages.
        caption_labels: aligner (:func:`xling.align.anchors.noise_lines`): lower-case labels
            that open a line which is not running text (a photo caption, an editor's note, a
            source credit) when a colon and text follow (``Photo: ...``).
    """

    code: str
    name: str
    script: str
    abbreviations: frozenset[str] = frozenset()
    weak_abbreviations: frozenset[str] = frozenset()
    number_abbreviations: frozenset[str] = frozenset()
    initial_letters: str = ""
    continuation_words: frozenset[str] = frozenset()
    date_prepositions: frozenset[str] = frozenset()
    sentence_starters: frozenset[str] = frozenset()
    number_bound_abbreviations: frozenset[str] = frozenset()
    number_words: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    multipliers: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    number_connectors: frozenset[str] = frozenset()
    number_clitics: tuple[str, ...] = ()
    ambiguous_number_words: frozenset[str] = frozenset()
    group_separator: str = ","
    distinctive_function_words: frozenset[str] = frozenset()
    proclitics: tuple[str, ...] = ()
    possessive_endings: tuple[str, ...] = ()
    case_endings: tuple[str, ...] = ()
    preposition_case: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    cognate_proclitics: str = ""
    article: str = ""
    term_prefixes: frozenset[str] = frozenset()
    term_suffixes: frozenset[str] = frozenset()
    term_suffixes_after_zwnj: frozenset[str] = frozenset()
    zwnj: ZwnjAffixes | None = None
    caption_labels: tuple[str, ...] = ()


def frozen(mapping: Mapping[str, int] | Mapping[str, str]) -> Mapping:
    """A read-only view of ``mapping`` (for the Mapping fields of a frozen record)."""
    return MappingProxyType(dict(mapping))
