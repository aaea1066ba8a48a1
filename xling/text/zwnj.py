"""Restore lost zero-width non-joiners (ZWNJ, U+200C) in Persian words, driven by hazm's lexicon.

Scraped Persian text often loses every ZWNJ, gluing ``می‌شود`` into ``میشود`` and ``دهه‌های``
into ``دهههای``. :func:`restore_zwnj` puts them back, word by word, with these rules (in order):

1. A word that hazm's lexicon lists as written (``hazm.words_list()``, ~194k entries) is kept,
   unless it is a glued ``می``/``نمی`` verb form (rule 3). So ``اینکه``, ``میز``, ``میراث`` and
   ``بهای`` stay.
2. A word whose ZWNJ-less spelling matches a lexicon entry written with ZWNJ gets that spelling
   (lexicalised compounds: ``رئیسجمهور`` → ``رئیس‌جمهور``, ``گفتوگو`` → ``گفت‌وگو``).
3. Verb forms: every conjugation hazm's ``Lemmatizer(joined_verb_parts=False).verbs`` writes
   with ZWNJ (``می‌شود``, ``نمی‌کنند``, ``کرده‌ایم``), indexed by its ZWNJ-less spelling; also
   after a verbal prefix (``بر``, ``در``, ``باز``, ``فرا``, ``فرو``, ``ور``, ``وا``): ``برمیگردد``.
4. Suffixes, only where the remaining stem is a lexicon word (or a word rules 2-3 restore) and
   its last letter joins forward (a ZWNJ after ``ا د ذ ر ز ژ و`` changes nothing visible and is
   not written): plural ``ها``, ``های``, ``هایی`` and ``ها`` + possessive; comparative and
   superlative ``تر``, ``ترین``, ``تری``; and after a final ``ه``: ``ای``, ``ام``, ``ات``, ``اش``,
   ``ایم``, ``اید``, ``اند``, ``ای‌ست``-free forms (``رابطهای`` → ``رابطه‌ای``).

Words already holding a ZWNJ, and anything that is not a run of Arabic-script letters (Latin,
digits, URLs), are left untouched. Removing every U+200C from the output gives the input back.

The lexicon is built once per process on first use (about a second; see ``bench/zwnj.py``).
The approach (lexicon-checked affix splitting) follows the rule stated in xling issue 3; the
affix inventory is the standard one of the Persian Academy's orthography (دستور خط فارسی, 2003).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

ZWNJ = "\u200c"

# Letters that do not join the following letter: a ZWNJ after them is invisible and not written.
NON_JOINING = frozenset("اآأإٱدذرزژوؤۀةء")
# Arabic-script letters, harakat and tanwin (no digits, no punctuation, no ZWNJ).
_WORD_RE = re.compile("[\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff]+")

VERB_PREFIXES = ("بر", "در", "باز", "فرا", "فرو", "ور", "وا")
PLURAL_SUFFIXES = ("هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "هاست", "ها")
COMPARATIVE_SUFFIXES = ("ترینها", "ترین", "تری", "تر")
# After a final ه (heh): indefinite/relative ی written ای, the copula and possessive clitics.
AFTER_HEH_SUFFIXES = ("اند", "ایم", "اید", "ای", "ام", "ات", "اش")


@dataclass(frozen=True)
class ZwnjLexicon:
    """Indexes derived from hazm's lexicon.

    Attributes:
        words: every lexicon word without ZWNJ (set of str).
        joined: ZWNJ-less spelling → spelling with ZWNJ, for compounds and verb forms (dict).
        verb_forms: the ZWNJ-less spellings in ``joined`` that are verb forms (set of str).
        frequency: corpus count hazm gives a word (dict; absent or 0 for dictionary-only words),
            used to choose between two analyses (``رابط‌های`` or ``رابطه‌ای``).
    """

    words: frozenset[str]
    joined: dict[str, str]
    verb_forms: frozenset[str]
    frequency: dict[str, int]


@functools.cache
def load_lexicon() -> ZwnjLexicon:
    """Build the :class:`ZwnjLexicon` from hazm 0.10 data (cached for the process).

    Raises:
        ImportError: hazm is not installed.
    """
    import hazm

    words: set[str] = set()
    joined: dict[str, str] = {}
    freq: dict[str, int] = {}
    frequency: dict[str, int] = {}
    for word, count, _tags in hazm.words_list():
        if ZWNJ in word:
            key = word.replace(ZWNJ, "")
            if count >= freq.get(key, -1):
                joined[key] = word
                freq[key] = count
        else:
            words.add(word)
            if count:
                frequency[word] = count
    verb_forms: set[str] = set()
    for form in hazm.Lemmatizer(joined_verb_parts=False).verbs:
        if ZWNJ in form and " " not in form:
            key = form.replace(ZWNJ, "")
            joined.setdefault(key, form)
            verb_forms.add(key)
    return ZwnjLexicon(frozenset(words), joined, frozenset(verb_forms), frequency)


def restore_word(word: str, lexicon: ZwnjLexicon | None = None) -> str:
    """Return ``word`` (one run of Arabic-script letters, no ZWNJ) with its ZWNJs restored.

    Args:
        word: a Persian word as found in text.
        lexicon: the indexes to use; default :func:`load_lexicon`.

    Returns:
        ``word`` with zero or more U+200C inserted; nothing else changes.
    """
    lex = lexicon or load_lexicon()
    if word in lex.verb_forms:
        return lex.joined[word]
    if word in lex.words:
        return word
    hit = lex.joined.get(word)
    if hit is not None:
        return hit
    for prefix in VERB_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix):]
            if rest in lex.verb_forms and (rest.startswith("می") or rest.startswith("نمی")):
                return prefix + lex.joined[rest]
    split = _split_suffix(word, lex, depth=0)
    return split if split is not None else word


def _resolve_stem(stem: str, lex: ZwnjLexicon, depth: int) -> str | None:
    if stem in lex.words:
        return stem
    hit = lex.joined.get(stem)
    if hit is not None:
        return hit
    if depth < 1:
        return _split_suffix(stem, lex, depth + 1)
    return None


def _split_suffix(word: str, lex: ZwnjLexicon, depth: int) -> str | None:
    # X + ه + ای: read as «Xه‌ای» rather than «X‌های» when Xه is the more frequent word.
    if word.endswith("های") and len(word) > 4:
        heh_stem, bare_stem = word[:-2], word[:-3]
        if lex.frequency.get(heh_stem, 0) > lex.frequency.get(bare_stem, 0):
            resolved = _resolve_stem(heh_stem, lex, depth)
            if resolved is not None:
                return resolved + ZWNJ + "ای"
    for suffixes, needs_heh in ((PLURAL_SUFFIXES, False), (COMPARATIVE_SUFFIXES, False), (AFTER_HEH_SUFFIXES, True)):
        for suffix in suffixes:
            if not word.endswith(suffix) or len(word) - len(suffix) < 2:
                continue
            stem = word[: -len(suffix)]
            if needs_heh and stem[-1] != "ه":
                continue
            if stem[-1] in NON_JOINING:
                continue
            resolved = _resolve_stem(stem, lex, depth)
            if resolved is not None:
                return resolved + ZWNJ + suffix
    return None


def restore_zwnj(text: str, lexicon: ZwnjLexicon | None = None) -> str:
    """Return ``text`` with ZWNJ restored in every glued Persian word (see the module docstring).

    Linear in ``len(text)``: one regex scan over words, a bounded number of dict lookups each.
    """
    return "".join(piece for piece, _ in iter_restored(text, lexicon))


def iter_restored(text: str, lexicon: ZwnjLexicon | None = None):
    """Yield ``(output_piece, edit)`` pairs covering ``text`` in order.

    ``edit`` is ``None`` for unchanged pieces, else a dict ``{"start", "end", "before", "after"}``
    with character offsets into ``text``.
    """
    lex = lexicon or load_lexicon()
    pos = 0
    n = len(text)
    for m in _WORD_RE.finditer(text):
        s, e = m.span()
        # A word touching a ZWNJ was typed with care: leave it (and the other part) alone.
        if (s > 0 and text[s - 1] == ZWNJ) or (e < n and text[e] == ZWNJ):
            continue
        word = m.group()
        new = restore_word(word, lex)
        if new != word:
            if s > pos:
                yield text[pos:s], None
            yield new, {"start": s, "end": e, "before": word, "after": new}
            pos = e
    if pos < n:
        yield text[pos:], None
