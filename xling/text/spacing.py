"""Persian spacing: stray ZWNJs cleaned, affixes written as separate words joined to their word.

Two steps, both only on runs of Arabic-script letters (URLs and e-mail addresses are cut out by
the caller, :func:`xling.text.normalize.normalize`), never across a line break:

1. **Stray ZWNJs.** A run of ZWNJs becomes one; a ZWNJ that does not stand between two
   Arabic-script letters (next to a space, a punctuation mark, a digit, at the start or end of a
   word or of the text) is removed. A ZWNJ is a joining control: it means something only inside
   a word (The Unicode Standard, ch. 23.2).
2. **Separated affixes.** Two words with spaces (no line break) between them are joined when the
   lexicon (hazm's, :class:`xling.text.zwnj.ZwnjLexicon`) and the letters agree:

   - a plural ``ها``/``های``/``هایی`` (and its possessive forms) after a word hazm tags as a
     noun, adjective, adverb, number or pronoun, not a preposition or conjunction (``که ها``): ``کتاب های`` → ``کتاب‌های`` (never ``کتابه‌ای``),
     ``کشور ها`` → ``کشورها`` (no ZWNJ after a letter that does not join forward);
   - ``می``/``نمی`` before a word with which it makes a verb form hazm conjugates:
     ``می روند`` → ``می‌روند``; not after ``ماه`` (``ماه می``, the month of May);
   - ``ای`` after a word in ``ه`` that hazm tags as a noun or adjective: ``خانه ای`` → ``خانه‌ای``;
   - another affix (``تر``, ``ترین``, ``گر``, ``گری``, ``اند``, ``ایم``, ``اید``, ``ام``, ``اش``)
     when the joined word is in the lexicon, spelled as the lexicon spells it
     (``رفته اند`` → ``رفته‌اند``), or ``تر``/``ترین`` after a word hazm tags as an adjective.

   A word that stands alone is never changed: only the space between two words goes, and only
   when the second is one of these affixes or the first is ``می``/``نمی``.

Removing every space and ZWNJ from the output gives the input with its spaces and ZWNJs removed
(a property test checks this). Linear in the input length.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from xling.text.keys import ARABIC_WORD_CHARS, NON_JOINING, ZWNJ

_LETTER = f"[{ARABIC_WORD_CHARS}]"
_DOUBLE_ZWNJ_RE = re.compile(f"{ZWNJ}{{2,}}")
_STRAY_ZWNJ_RE = re.compile(f"(?<!{_LETTER}){ZWNJ}|{ZWNJ}(?!{_LETTER})")
# two words (letters and inner ZWNJs) with spaces or tabs between them
_WORD = f"{_LETTER}+(?:{ZWNJ}{_LETTER}+)*"
_WORD_AT_RE = re.compile(_WORD)
_WORD_BEFORE_RE = re.compile(f"({_WORD})[ \t]+$")

_PLURAL_TAGS = frozenset({"N", "AJ", "ADV", "NUM", "RES", "PRO"})
_HEH_TAGS = frozenset({"N", "AJ"})
_COMPARATIVE_TAGS = frozenset({"AJ", "ADV"})
_VERB_PREFIXES = ("می", "نمی")
_LEXICON_AFFIXES = frozenset({"تر", "ترین", "گر", "گری", "اند", "ایم", "اید", "ام", "اش"})
#: Words after which ``می`` is the month of May, not the verbal prefix (``ماه می``).
_MAY_CUES = frozenset({"ماه"})


def _candidates_re() -> re.Pattern[str]:
    """Two words that may join: a word and an affix word after it, or می/نمی and a word; found by
    one regex scan, so text without such a pair costs one pass (the word starts are anchored)."""
    from xling.text.zwnj import PLURAL_SUFFIXES

    affixes = sorted({*PLURAL_SUFFIXES, "ای", *_LEXICON_AFFIXES}, key=len, reverse=True)
    start = f"(?<![{ARABIC_WORD_CHARS}{ZWNJ}])"
    return re.compile(
        f"{start}({_WORD})[ \t]+(?=(?:{'|'.join(affixes)})(?![{ARABIC_WORD_CHARS}{ZWNJ}]))"
        f"|{start}((?:ن)?می)[ \t]+(?={_LETTER})"
    )


_PAIR_RE: re.Pattern[str] | None = None


def clean_zwnj(text: str) -> str:
    """``text`` with doubled ZWNJs made one and ZWNJs not between two Arabic-script letters removed."""
    if ZWNJ not in text:
        return text
    return _STRAY_ZWNJ_RE.sub("", _DOUBLE_ZWNJ_RE.sub(ZWNJ, text))


def _glue(first: str, second: str) -> str:
    return first + ("" if first[-1] in NON_JOINING else ZWNJ) + second


def _join(first: str, second: str, before: str | None, lex) -> str | None:
    """The joined spelling of ``first second`` (rules in the module docstring), or ``None``."""
    from xling.text.zwnj import FUNCTION_WORDS, PLURAL_SUFFIXES

    bare = first.replace(ZWNJ, "")
    tags = lex.tags.get(bare, ())
    if second in PLURAL_SUFFIXES:  # closed-class words (که, از) take no plural
        return _glue(first, second) if not _PLURAL_TAGS.isdisjoint(tags) and bare not in FUNCTION_WORDS else None
    if first in _VERB_PREFIXES:
        key = first + second.replace(ZWNJ, "")
        if before in _MAY_CUES or key not in lex.verb_forms:
            return None
        return lex.joined[key]
    if second == "ای":
        return first + ZWNJ + second if first.endswith("ه") and not _HEH_TAGS.isdisjoint(tags) else None
    if second in _LEXICON_AFFIXES:
        key = bare + second
        if key in lex.joined:
            return lex.joined[key] if ZWNJ not in first else None
        if key in lex.attested:
            return first + second
        if second in ("تر", "ترین") and not _COMPARATIVE_TAGS.isdisjoint(tags):
            return _glue(first, second)
    return None


def join_affixes(text: str, lexicon=None) -> str:
    """``text`` with space-separated affixes joined to their word (rule 2 of the module docstring).

    Args:
        text: Persian text (no URLs; the caller cuts them out).
        lexicon: a :class:`xling.text.zwnj.ZwnjLexicon`; ``None`` loads the shared one.
    """
    pairs = _pairs(text)
    first_pair = next(pairs, None)
    if first_pair is None:
        return text
    from xling.text.zwnj import load_lexicon

    lex = lexicon or load_lexicon()
    out: list[str] = []
    pos = 0
    for first, second, start, end in itertools.chain([first_pair], pairs):
        if start < pos:  # the first word was already joined to the word before it
            continue
        prev = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
        joined = _join(first, second, prev.group(1) if prev else None, lex)
        if joined is None:
            continue
        out.append(text[pos:start])
        out.append(joined)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _pairs(text: str) -> Iterator[tuple[str, str, int, int]]:
    """``(first, second, start, end)`` for each two words with only spaces or tabs between."""
    global _PAIR_RE
    if _PAIR_RE is None:
        _PAIR_RE = _candidates_re()
    for m in _PAIR_RE.finditer(text):
        nxt = _WORD_AT_RE.match(text, m.end())
        if nxt is not None:
            yield m.group(1) or m.group(2), nxt.group(), m.start(), nxt.end()


def fix_spacing(text: str, lexicon=None) -> str:
    """Both steps: :func:`clean_zwnj`, then :func:`join_affixes` (see the module docstring).

    Returns:
        ``text`` with only spaces and ZWNJs removed or added (str).

    Raises:
        XlingError: the lexicon is needed (a separated affix may be present) and hazm is missing.
    """
    return join_affixes(clean_zwnj(text), lexicon)
