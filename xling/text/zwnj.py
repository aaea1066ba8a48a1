"""Restore lost zero-width non-joiners (ZWNJ, U+200C) in Persian words, driven by hazm's lexicon.

Scraped Persian text often loses every ZWNJ, gluing ``می‌شود`` into ``میشود`` and ``دهه‌های``
into ``دهههای``. :func:`restore_zwnj` puts them back, one word (a run of Arabic-script letters)
at a time. The lexicon is hazm 0.10's ``words_list()`` (~194k entries: counted, tagged words and
a large dictionary-only list) and the conjugations of ``Lemmatizer(joined_verb_parts=False).verbs``.
The rules, in order:

1. Glued verb forms: every conjugation hazm writes with ZWNJ (``می‌شود``, ``نمی‌کنند``,
   ``کرده‌ایم``), indexed by its ZWNJ-less spelling; also after a verbal prefix
   (``بر``, ``در``, ``باز``, ``فرا``, ``فرو``, ``ور``, ``وا``: ``برمیگردد`` → ``برمی‌گردد``).
2. A word hazm counts or tags (``اینکه``, ``میز``, ``میراث``, ``بهترین``) is kept, and so is
   such a word plus a suffix always written joined (``ان``, ``ات``, ``ی``: ``بازیکنان``).
3. Lexicalised compounds: a word whose ZWNJ-less spelling matches a lexicon entry written with
   ZWNJ takes that spelling (``رئیسجمهور`` → ``رئیس‌جمهور``, ``گفتوگو`` → ``گفت‌وگو``).
4. Suffixes, only where the stem is a lexicon word with a fitting part of speech and ends in a
   letter that joins forward (a ZWNJ after ``ا د ذ ر ز ژ و`` is invisible and not written):
   plural ``ها``/``های``/``هایی`` (+ possessives); ``تر``/``ترین`` after a word hazm tags
   as an adjective or adverb (not after a stem whose joined comparative the lexicon has:
   ``بیشترین``; not when the glued word is a noun the lexicon uses as a compound's first part:
   ``فیلتر`` of ``فیلترگذاری``, ``لوستر`` of ``لوسترساز``); after a final ``ه``:
   ``ای``, ``ام``, ``اش``, ``ایم``, ``اید``, ``اند``; after a final ``ی``: ``ام``, ``اش``,
   ``ایم``, ``اید``, ``اند``. A dictionary-only word (``ساعتهای``, ``بهای``) is split only when
   its stem is a counted/tagged word of the right part of speech (``به`` is a preposition, so
   ``بهای`` stays).
5. ``X+ه+ای`` where both ``X`` and ``Xه`` are common words (``نامهای``: ``نام‌های`` "names" or
   ``نامه‌ای`` "a letter") is read from the word before (``یک``, ``هیچ``, ... → ``‌ای``;
   ``این``, ``همه``, ... → ``‌های``), from what follows (a punctuation mark, preposition,
   conjunction or verb → ``‌ای``), from which stem occurs alone in the same text, and last from
   a following relational adjective (``سامانه‌ای اینترنتی`` → ``‌ای``); else left alone. One
   path (:func:`read_word`, then :func:`read_in_context`) serves words and running text.
6. Unknown words made of a productive first part and a common word (``بیرویه`` →
   ``بی‌رویه``), or a word and a productive last part (``جیرهبندی`` → ``جیره‌بندی``). The
   productive parts are learnt from the lexicon: parts that begin or end at least 20 of its ZWNJ
   compounds and are written with ZWNJ in a large share of its words of that shape.

Words already touching a ZWNJ, anything that is not Arabic-script letters (Latin, digits), and
whole URLs and e-mail addresses (:func:`xling.text.protect.protected_spans`, Persian letters in
them included) are left untouched. Removing every U+200C from the output gives the input back.

7. Last, an unknown word that is exactly two common words (``دانشبنیان`` → ``دانش‌بنیان``,
   ``کمکآموزشی`` → ``کمک‌آموزشی``; verb forms excluded, exactly one split), the plural in ``گان``
   of a compound in ``ه`` (``مصرفکنندگان`` → ``مصرف‌کنندگان``), and number compounds hazm counts
   more often with ZWNJ (``پنجشنبه`` → ``پنج‌شنبه``; ``یکشنبه`` stays glued, as hazm counts it).

The lexicon indexes are built on first use (about 2.5 s; ``bench/zwnj.py`` measures it) and
cached on disk (:func:`load_lexicon`, :func:`cache_dir`). The rule is to split known affixes only
where the stem is a known word, and only after letters that join forward; the affix inventory
follows the Persian Academy's orthography (دستور خط فارسی, 2003), which writes these parts with
ZWNJ. Persian affixes and cue words are data of :mod:`xling.lang.fa`.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xling.lang import ZwnjAffixes
from xling.text.keys import ARABIC_WORD_CHARS, NON_JOINING, ZWNJ


def _fa_affixes() -> ZwnjAffixes:
    from xling.lang import get

    affixes = get("fa").zwnj
    assert affixes is not None
    return affixes


_AFFIXES = _fa_affixes()

# Arabic-script letters, harakat and tanwin (no digits, no punctuation, no ZWNJ).
_WORD_RE = re.compile(f"[{ARABIC_WORD_CHARS}]+")
# What follows a word: the next word, a punctuation mark, or "" at the end of the text.
_NEXT_RE = re.compile(f"[ \t]*([{ARABIC_WORD_CHARS}]+|[.!?\u061f\u060c\u061b:\n]|$)")

VERB_PREFIXES = _AFFIXES.verb_prefixes
PLURAL_SUFFIXES = _AFFIXES.plural_suffixes
COMPARATIVE_SUFFIXES = _AFFIXES.comparative_suffixes
AFTER_HEH_SUFFIXES = _AFFIXES.after_heh_suffixes
AFTER_YEH_SUFFIXES = _AFFIXES.after_yeh_suffixes

# Part-of-speech tags (hazm's lexicon) a stem must carry for each suffix family.
_PLURAL_TAGS = frozenset({"N", "AJ", "ADV", "NUM", "RES", "PRO"})
_COMPARATIVE_TAGS = frozenset({"AJ", "ADV"})
_AFTER_HEH_TAGS = frozenset({"N", "AJ"})
# (suffixes, letter the stem must end with or "", tags the stem must carry)
_SUFFIX_FAMILIES = (
    (PLURAL_SUFFIXES, "", _PLURAL_TAGS),
    (COMPARATIVE_SUFFIXES, "", _COMPARATIVE_TAGS),
    (AFTER_HEH_SUFFIXES, "ه", _AFTER_HEH_TAGS),
    (AFTER_YEH_SUFFIXES, "ی", _AFTER_HEH_TAGS),
)

# Productive compound parts are learnt from the lexicon (see load_lexicon): a first part
# (``بی``, ``کم``, ``نیمه``) or a last part (``گذاری``, ``بندی``, ``آمیز``) that starts or ends at
# least MIN_AFFIX_COMPOUNDS ZWNJ compounds whose other part is a word, and is written with ZWNJ
# in at least the given share of the lexicon's words of that shape.
MIN_AFFIX_COMPOUNDS = 20
MIN_PREFIX_ZWNJ_SHARE = 0.25
MIN_HEAD_ZWNJ_SHARE = 0.7
MIN_PART_CHARS = 3
# The word after a productive first part must be common (hazm count), so that a foreign name
# such as بیتکوین (bitcoin) is not read as بی + تکوین.
MIN_PREFIXED_WORD_COUNT = 200_000
MIN_COMPARATIVE_STEM_CHARS = 3
# Suffixes that make adjectives from nouns: a stem hazm does not tag, made of a lexicon word and
# one of them, still takes تر/ترین (ثروتمندترین, خطرناکتر, قدیمیترین: relational ی).
ADJECTIVE_SUFFIXES = _AFFIXES.adjective_suffixes
# Prefixes that make adjectives from nouns (پرآتش, بیرحم, ناامن, کمرنگ, خوشبو): same use.
ADJECTIVE_PREFIXES = _AFFIXES.adjective_prefixes
# Suffixes always written joined (plural ان/ات, adjectival and indefinite ی): a word that is a
# lexicon word plus one of these is a known word, not a glued compound (بازیکنان, تحلیلگران).
JOINED_SUFFIXES = _AFFIXES.joined_suffixes
# X+ه+ای where both X and Xه are common words (نامهای: نام‌های "names" or نامه‌ای "a letter";
# their hazm counts are within AMBIGUITY_RATIO of each other): read from the word before it,
# then from which stem occurs alone in the same text, else left alone.
AMBIGUITY_RATIO = 10.0
INDEFINITE_CUES = _AFFIXES.indefinite_cues
PLURAL_CUES = _AFFIXES.plural_cues


@dataclass(frozen=True, eq=False)
class ZwnjLexicon:
    """Indexes derived from hazm's lexicon.

    Attributes:
        attested: words (no ZWNJ) with a corpus count or a part-of-speech tag in hazm: never split
            (except glued verb forms).
        listed: the other, dictionary-only words (no count, no tag): kept unless a suffix
            analysis with an attested stem exists (``ساعتهای`` is listed, but glued).
        tags: word → part-of-speech tags (tuple of str) for attested words.
        frequency: word → hazm corpus count (absent for dictionary-only words).
        joined: ZWNJ-less spelling → spelling with ZWNJ, for compounds and verb forms.
        verb_forms: the ZWNJ-less spellings in ``joined`` that are verb forms.
        prefixes: productive first parts of ZWNJ compounds (frozenset of str).
        heads: productive last parts of ZWNJ compounds (frozenset of str).
        verbs: every one-word verb form, ZWNJ removed (frozenset of str), a context cue.
        compound_bases: glued words (no ZWNJ) the lexicon uses as the first part of a compound:
            the first part of a ZWNJ compound that is not a verb form, or a tagged word made of
            it and a productive last part (``فیلتر`` in ``فیلترگذاری``, ``لوستر`` in
            ``لوسترساز``). Such a word is a noun or adjective base, not a comparative, so it is
            never split before ``تر``/``ترین``.
        zwnj_preferred: glued words made of a number word and a word whose spelling with ZWNJ
            (in ``joined``) hazm counts more often than the glued one (``پنجشنبه``: 6.2 M glued,
            8.4 M as ``پنج‌شنبه``; ``یکشنبه`` stays: 4.0 M glued, 67 k with ZWNJ); they take the
            ZWNJ spelling. Other compounds keep the glued spelling hazm counts (``همزمان``).
        memo: word → its context-free :class:`WordReading`, filled as words are seen (speeds up
            running text).
    """

    attested: frozenset[str]
    listed: frozenset[str]
    tags: dict[str, tuple[str, ...]]
    frequency: dict[str, int]
    joined: dict[str, str]
    verb_forms: frozenset[str]
    prefixes: frozenset[str]
    heads: frozenset[str]
    verbs: frozenset[str] = frozenset()
    compound_bases: frozenset[str] = frozenset()
    zwnj_preferred: frozenset[str] = frozenset()
    memo: dict[str, WordReading] = field(default_factory=dict, repr=False)


CACHE_ENV = "XLING_CACHE_DIR"
CACHE_FORMAT = 5


def cache_dir() -> Path:
    """The folder of the lexicon cache: ``$XLING_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/xling``,
    else ``~/.cache/xling`` (XDG Base Directory Specification 0.8). Nothing is created here."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from xling.paths import cache_home

    return cache_home() / "xling"


@functools.cache
def load_lexicon() -> ZwnjLexicon:
    """Return the :class:`ZwnjLexicon` (built once per process, cached on disk across processes).

    Building it imports hazm and reads its lexicon: 3-6 seconds on a 2-core machine, most of it
    ``import hazm``. The derived indexes are kept as JSON in :func:`cache_dir`
    (``zwnj-lexicon-hazm<version>-v<format>.json``, about 6 MB) and later processes load that
    file instead (well under a second). The file is written atomically; a damaged or unreadable
    one is rebuilt, and a folder that cannot be written only costs the rebuild next time.

    Raises:
        XlingError: hazm is not installed (and no cache file exists).
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        path = cache_dir() / f"zwnj-lexicon-hazm{version('hazm')}-v{CACHE_FORMAT}.json"
    except PackageNotFoundError:
        return build_lexicon()  # raises the "needs hazm" error
    try:
        return _lexicon_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache yet, or a damaged one: rebuilt below
    lexicon = build_lexicon()
    from xling.errors import InputError
    from xling.io import atomic_write_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(_lexicon_to_json(lexicon), ensure_ascii=False))
    except (OSError, InputError):
        pass  # a read-only cache folder: work without the cache
    return lexicon


def _lexicon_to_json(lex: ZwnjLexicon) -> dict:
    return {
        "attested": sorted(lex.attested),
        "listed": sorted(lex.listed),
        "tags": lex.tags,
        "frequency": lex.frequency,
        "joined": lex.joined,
        "verb_forms": sorted(lex.verb_forms),
        "prefixes": sorted(lex.prefixes),
        "heads": sorted(lex.heads),
        "verbs": sorted(lex.verbs),
        "compound_bases": sorted(lex.compound_bases),
        "zwnj_preferred": sorted(lex.zwnj_preferred),
    }


def _lexicon_from_json(data: dict) -> ZwnjLexicon:
    return ZwnjLexicon(
        frozenset(data["attested"]),
        frozenset(data["listed"]),
        {k: tuple(v) for k, v in data["tags"].items()},
        data["frequency"],
        data["joined"],
        frozenset(data["verb_forms"]),
        frozenset(data["prefixes"]),
        frozenset(data["heads"]),
        frozenset(data["verbs"]),
        frozenset(data["compound_bases"]),
        frozenset(data["zwnj_preferred"]),
    )


def build_lexicon() -> ZwnjLexicon:
    """Build a :class:`ZwnjLexicon` from hazm 0.10 data (no caching; see :func:`load_lexicon`).

    Raises:
        XlingError: hazm is not installed (the message names the fix).
    """
    try:
        import hazm
    except ImportError:
        from xling.errors import XlingError

        raise XlingError("ZWNJ restoration needs hazm: pip install hazm==0.10.0 (or pass --no-zwnj)") from None

    entries = hazm.words_list()
    attested: set[str] = set()
    listed: set[str] = set()
    tags: dict[str, tuple[str, ...]] = {}
    frequency: dict[str, int] = {}
    compounds: list[tuple[str, int]] = []
    for word, count, word_tags in entries:
        word = word.strip(ZWNJ)  # a few entries end in a stray ZWNJ (بروبچه‌, سرنام‌): not part of the word
        if ZWNJ in word:
            compounds.append((word, count))
        elif count or tuple(word_tags) != ("0",):
            attested.add(word)
            tags[word] = tuple(word_tags)
            if count:
                frequency[word] = count
        else:
            listed.add(word)
    joined: dict[str, str] = {}
    best: dict[str, int] = {}
    for word, count in compounds:
        key = word.replace(ZWNJ, "")
        if count >= best.get(key, -1):
            joined[key] = word
            best[key] = count
    preferred = _numeral_compounds(joined, best, frequency)
    verb_forms: set[str] = set()
    verbs: set[str] = set()
    for form in hazm.Lemmatizer(joined_verb_parts=False).verbs:
        if " " in form:
            continue
        key = form.replace(ZWNJ, "")
        verbs.add(key)
        if ZWNJ in form:
            joined.setdefault(key, form)
            verb_forms.add(key)
    prefixes, heads = _productive_parts(compounds, attested | listed)
    bases = _compound_bases(compounds, tags, heads, frozenset(verb_forms))
    return ZwnjLexicon(
        frozenset(attested),
        frozenset(listed),
        tags,
        frequency,
        joined,
        frozenset(verb_forms),
        prefixes,
        heads,
        frozenset(verbs),
        bases,
        preferred,
    )


def _numeral_compounds(
    joined: Mapping[str, str], counts: Mapping[str, int], frequency: Mapping[str, int]
) -> frozenset[str]:
    """Glued words whose first part is a number word (``پنجشنبه``, ``هفتگانه``) that hazm counts
    more often with ZWNJ (``joined``, ``counts``) than glued (``frequency``)."""
    from xling.lang import get

    numbers = get("fa").number_words
    return frozenset(k for k, n in counts.items() if n > frequency.get(k, n) and joined[k].split(ZWNJ, 1)[0] in numbers)


def _compound_bases(
    compounds: list[tuple[str, int]],
    tags: Mapping[str, tuple[str, ...]],
    heads: frozenset[str],
    verb_forms: frozenset[str],
) -> frozenset[str]:
    """Glued words the lexicon uses as the first part of a compound (see :class:`ZwnjLexicon`)."""
    bases = {word.split(ZWNJ, 1)[0] for word, _ in compounds if word.replace(ZWNJ, "") not in verb_forms}
    for word in tags:
        for i in range(MIN_PART_CHARS, min(len(word) - MIN_PART_CHARS, 8) + 1):
            if word[-i:] in heads:
                bases.add(word[:-i])
    bases.discard("")
    return frozenset(bases)


def _productive_parts(compounds: list[tuple[str, int]], words: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for word, _ in compounds:
        a, b = word.split(ZWNJ, 1)
        if b in words:
            first[a] += 1
        a, b = word.rsplit(ZWNJ, 1)
        if a in words:
            last[b] += 1
    first = Counter({k: v for k, v in first.items() if v >= MIN_AFFIX_COMPOUNDS})
    last = Counter({k: v for k, v in last.items() if v >= MIN_AFFIX_COMPOUNDS})
    first_glued: Counter[str] = Counter()
    last_glued: Counter[str] = Counter()
    for w in words:
        for i in range(2, min(len(w) - 1, 7)):
            if w[:i] in first and w[i:] in words:
                first_glued[w[:i]] += 1
            if w[-i:] in last and w[:-i] in words and w[-i - 1] not in NON_JOINING:
                last_glued[w[-i:]] += 1
    prefixes = {p for p, n in first.items() if n >= MIN_PREFIX_ZWNJ_SHARE * (n + first_glued[p])}
    heads = {h for h, n in last.items() if n >= MIN_HEAD_ZWNJ_SHARE * (n + last_glued[h])}
    return frozenset(prefixes), frozenset(heads)


@dataclass(frozen=True)
class WordReading:
    """The context-free result of reading one glued word.

    Attributes:
        text: the word with its ZWNJs restored (the word itself when nothing changes).
        needs_context: True for an ambiguous ``X+ه+ای`` (both «Xه‌ای» and «X‌های» are common
            words): ``text`` is then the word unchanged and :func:`read_in_context` decides.
    """

    text: str
    needs_context: bool = False


@dataclass(frozen=True)
class WordContext:
    """What surrounds a word in its text (the cues of :func:`read_in_context`).

    Attributes:
        previous: the word before (only whitespace between), or ``None``.
        following: what follows: the next word, a punctuation mark, ``""`` at the end of the
            text, or ``None`` when unknown.
        counts: how often each word occurs alone in the surrounding text.
    """

    previous: str | None = None
    following: str | None = None
    counts: Mapping[str, int] = field(default_factory=dict)


MEMO_WORDS = 1 << 18  # distinct words remembered per lexicon before the memo is cleared


def read_word(word: str, lex: ZwnjLexicon) -> WordReading:
    """The context-free :class:`WordReading` of ``word`` (memoised in ``lex.memo``)."""
    memo = lex.memo
    reading = memo.get(word)
    if reading is None:
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        reading = memo[word] = _restore_context_free(word, lex)
    return reading


def restore_word(
    word: str,
    lexicon: ZwnjLexicon | None = None,
    previous: str | None = None,
    counts: Mapping[str, int] | None = None,
    following: str | None = None,
) -> str:
    """Return ``word`` (one run of Arabic-script letters, no ZWNJ) with its ZWNJs restored.

    The one resolution path: :func:`read_word`, then :func:`read_in_context` for an ambiguous
    word. :func:`iter_restored` takes the same path with the context read from the text.

    Args:
        word: a Persian word as found in text.
        lexicon: the indexes to use; default :func:`load_lexicon`.
        previous: the word before ``word`` (only whitespace between), used to read an
            ambiguous ``...های`` (see :data:`INDEFINITE_CUES`, :data:`PLURAL_CUES`).
        counts: how often each word occurs alone in the surrounding text; an ambiguous
            ``Xهای`` takes the reading whose stem (``X`` or ``Xه``) occurs more often there.
        following: what follows ``word`` (see :class:`WordContext`); ``None``: not used.

    Returns:
        ``word`` with zero or more U+200C inserted; nothing else changes.
    """
    lex = lexicon or load_lexicon()
    reading = read_word(word, lex)
    if reading.needs_context:
        return read_in_context(word, WordContext(previous, following, counts or {}), lex)
    return reading.text


def _restore_context_free(word: str, lex: ZwnjLexicon) -> WordReading:
    if word in lex.zwnj_preferred:  # a number compound more often written with ZWNJ: پنج‌شنبه
        return WordReading(lex.joined[word])
    if word in lex.verb_forms and "V" in lex.tags.get(word, ("V",)):
        # a glued verb form, unless hazm tags the spelling as a word that is not a verb:
        # میانجی "mediator" (not می‌انجی of انجیدن), the bare prefix می
        return WordReading(lex.joined[word])
    if word in lex.attested or _inflected_attested(word, lex):
        return WordReading(word)
    hit = _lexicalised(word, lex)
    if hit is not None:
        return WordReading(hit)
    if word.endswith("های") and len(word) > 4:
        reading = _heh_or_plural(word, lex)
        if reading is not None:
            return reading
    strict = word in lex.listed
    result = _analyse(word, lex, depth=0, strict=strict)
    if result is None and not strict and word not in lex.verbs:
        result = _two_common_words(word, lex)
    return WordReading(result if result is not None else word)


def _lexicalised(word: str, lex: ZwnjLexicon) -> str | None:
    """``word`` as a lexicon compound or verb form, possibly inflected (rules 1 and 3), or ``None``."""
    hit = lex.joined.get(word)
    if hit is not None:
        return hit
    for suffix in JOINED_SUFFIXES:  # a compound plus a joined suffix: گفتوگویی → گفت‌وگویی
        if word.endswith(suffix):
            hit = lex.joined.get(word[: -len(suffix)])
            if hit is not None and word[: -len(suffix)] not in lex.verb_forms:
                return hit + suffix
    if word.endswith("گان") and len(word) > 5:  # plural of a compound in ـه: مصرف‌کننده → مصرف‌کنندگان
        base = word[:-3] + "ه"
        spelled = lex.joined.get(base) if base not in lex.verb_forms else None
        if spelled is None and base not in lex.attested and base not in lex.listed:
            spelled = _split_compound(base, lex)
        if spelled is not None and spelled.endswith("ه") and ZWNJ in spelled:
            return spelled[:-1] + "گان"
    if word.startswith("نمی"):  # negated form of a lexicon entry that has only می‌: نمیتوان
        hit = lex.joined.get(word[1:])
        if hit is not None and hit.startswith("می" + ZWNJ):
            return "ن" + hit
    for prefix in VERB_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if rest in lex.verb_forms and (rest.startswith("می") or rest.startswith("نمی")):
                return prefix + lex.joined[rest]
    return None


def _heh_or_plural(word: str, lex: ZwnjLexicon) -> WordReading | None:
    """Read X+ه+ای as «Xه‌ای» or «X‌های».

    Returns the reading, ``None`` to let the suffix rules decide (one reading clearly dominates
    or is the only one), or a reading that ``needs_context`` when both are common words.
    """
    strict = word in lex.listed
    heh_stem, bare = word[:-2], word[:-3]
    heh_freq, bare_freq = lex.frequency.get(heh_stem, 0), lex.frequency.get(bare, 0)
    if not heh_freq or not bare_freq or not (1 / AMBIGUITY_RATIO <= heh_freq / bare_freq <= AMBIGUITY_RATIO):
        if heh_freq > bare_freq * AMBIGUITY_RATIO or (heh_freq and bare not in lex.attested):
            heh = _resolve_stem(heh_stem, lex, _AFTER_HEH_TAGS, 0, strict)
            if heh is not None:
                return WordReading(heh + ZWNJ + "ای")
        return None
    if heh_stem in lex.tags and _AFTER_HEH_TAGS.isdisjoint(lex.tags[heh_stem]):
        return None
    return WordReading(word, needs_context=True)


# Closed-class words that cannot stand right after an ezafe (prepositions, conjunctions, را).
FUNCTION_WORDS = _AFFIXES.ezafe_breakers


def read_in_context(word: str, context: WordContext, lex: ZwnjLexicon) -> str:
    """Choose «Xه‌ای» or «X‌های» for an ambiguous ``word`` (see :data:`AMBIGUITY_RATIO`).

    Cues, in order: the word before (:data:`INDEFINITE_CUES`, :data:`PLURAL_CUES`); what follows
    (the next word, a punctuation mark, or ``""`` at the end). Plural ``های`` carries an ezafe and
    needs a dependent word after it, so a following punctuation mark, preposition, conjunction,
    ``را`` or verb means «Xه‌ای» (``نامه‌ای به``, ``نامه‌ای که``). Then which stem occurs alone
    more often in ``context.counts``; last, a following relational adjective (``سامانه‌ای
    اینترنتی``: an indefinite noun and its adjective) means «Xه‌ای». Unchanged when nothing tells.

    Returns:
        the chosen spelling (str), or ``word`` unchanged.
    """
    previous, following, counts = context.previous, context.following, context.counts
    heh_stem, bare = word[:-2], word[:-3]
    heh_reading = heh_stem + ZWNJ + "ای"
    plural_reading = word if bare[-1] in NON_JOINING else bare + ZWNJ + "های"
    if previous in INDEFINITE_CUES:
        return heh_reading
    if following is not None:
        if not following or not _WORD_RE.match(following):
            return heh_reading  # punctuation or end of text
        if following in FUNCTION_WORDS or (following in lex.verbs and following not in lex.tags):
            return heh_reading
    if previous in PLURAL_CUES:
        return plural_reading
    heh_seen, bare_seen = counts.get(heh_stem, 0), counts.get(bare, 0)
    if heh_seen > bare_seen:
        return heh_reading
    if bare_seen > heh_seen:
        return plural_reading
    if following and _relational_adjective(following, lex):
        return heh_reading  # an indefinite noun and its adjective: سامانه‌ای اینترنتی
    return word


def _relational_adjective(word: str, lex: ZwnjLexicon) -> bool:
    """True for an adjective in relational ``ی`` that hazm does not tag (``اینترنتی``, ``بارشی``):
    a word ending in ``ی`` that is not itself attested, made of an attested word and ``ی``."""
    return (
        word.endswith("ی")
        and word not in lex.attested
        and len(word) > MIN_PART_CHARS
        and word[:-1] in lex.attested
        and word[:-1] not in lex.verbs
    )


def _inflected_attested(word: str, lex: ZwnjLexicon) -> bool:
    if word.endswith("ترین") and word[:-2] in lex.attested:
        return True  # بیشترین, کمترین follow بیشتر, کمتر (written joined)
    for suffix in JOINED_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PART_CHARS and word[: -len(suffix)] in lex.attested:
            return True
    return False


def _analyse(word: str, lex: ZwnjLexicon, depth: int, strict: bool) -> str | None:
    result = _split_suffix(word, lex, depth, strict)
    if result is not None or strict:
        return result
    return _split_compound(word, lex)


def _stem_ok(stem: str, lex: ZwnjLexicon, wanted: frozenset[str], strict: bool) -> bool:
    tags = lex.tags.get(stem)
    if tags is not None:
        return not wanted.isdisjoint(tags)
    if strict or stem not in lex.listed:
        return False
    # تر/ترین attach to adjectives and adverbs: a dictionary-only stem is one only when it is
    # derived as one (قدیمی = قدیم + ی); otherwise it carries no such evidence (تویتر is not
    # توی + تر, کانتر not کان + تر).
    return wanted is not _COMPARATIVE_TAGS or _derived_adjective(stem, lex)


def _derived_adjective(stem: str, lex: ZwnjLexicon) -> bool:
    """True when ``stem`` is a lexicon word with an adjective-making suffix or prefix
    (:data:`ADJECTIVE_SUFFIXES`, :data:`ADJECTIVE_PREFIXES`)."""
    for suffix in ADJECTIVE_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_PART_CHARS and stem[: -len(suffix)] in lex.attested:
            return True
    for prefix in ADJECTIVE_PREFIXES:
        if (
            stem.startswith(prefix)
            and len(stem) - len(prefix) >= MIN_PART_CHARS
            and stem[len(prefix) :] in lex.attested
        ):
            return True
    return False


def _resolve_stem(stem: str, lex: ZwnjLexicon, wanted: frozenset[str], depth: int, strict: bool) -> str | None:
    if stem in lex.attested or stem in lex.listed:
        return stem if _stem_ok(stem, lex, wanted, strict) else None
    if wanted is _COMPARATIVE_TAGS and not strict and _derived_adjective(stem, lex):
        return stem  # ثروتمند = ثروت + مند: an adjective hazm does not list
    hit = lex.joined.get(stem)
    if hit is not None and stem not in lex.verb_forms:
        return hit
    if depth < 1 and not strict:
        return _analyse(stem, lex, depth + 1, strict)
    return None


def _split_suffix(word: str, lex: ZwnjLexicon, depth: int, strict: bool) -> str | None:
    for suffixes, final_letter, wanted in _SUFFIX_FAMILIES:
        for suffix in suffixes:
            if not word.endswith(suffix) or len(word) - len(suffix) < 2:
                continue
            stem = word[: -len(suffix)]
            if final_letter and stem[-1] != final_letter:
                continue
            if suffixes is COMPARATIVE_SUFFIXES and (
                len(stem) < MIN_COMPARATIVE_STEM_CHARS
                or stem + "تر" in lex.attested
                or stem + "تر" in lex.compound_bases
            ):
                # بیشترین, بهترین: the comparative is written joined; فیلتر, لوستر: a noun the
                # lexicon compounds (فیلترگذاری, لوسترساز), not فیل + تر, لوس + تر
                continue
            resolved = _resolve_stem(stem, lex, wanted, depth, strict)
            if resolved is None:
                continue
            if stem[-1] in NON_JOINING:
                # A correct analysis that needs no ZWNJ (کشورهای): nothing to insert here.
                return resolved + suffix if resolved != stem else None
            return resolved + ZWNJ + suffix
    return None


def _common(word: str, lex: ZwnjLexicon) -> bool:
    if lex.frequency.get(word, 0) >= MIN_PREFIXED_WORD_COUNT:
        return True
    for suffix in JOINED_SUFFIXES:
        if word.endswith(suffix) and lex.frequency.get(word[: -len(suffix)], 0) >= MIN_PREFIXED_WORD_COUNT:
            return True
    return False


def _split_compound(word: str, lex: ZwnjLexicon) -> str | None:
    """Unknown word = productive first part + word, or word + productive last part."""
    for i in range(2, min(len(word) - MIN_PART_CHARS, 7) + 1):
        first, rest = word[:i], word[i:]
        if first in lex.prefixes and first[-1] not in NON_JOINING and _common(rest, lex):
            return first + ZWNJ + rest
    for i in range(2, min(len(word) - MIN_PART_CHARS, 7) + 1):
        stem, head = word[:-i], word[-i:]
        if head in lex.heads and stem[-1] not in NON_JOINING and (stem in lex.attested or stem in lex.listed):
            return stem + ZWNJ + head
    return None


def _two_common_words(word: str, lex: ZwnjLexicon) -> str | None:
    """An unknown word (not a verb form) that is exactly two common words (rule 7): ``دانشبنیان`` →
    ``دانش‌بنیان``; tried last, on the whole word only.

    Both parts have at least :data:`MIN_PART_CHARS` letters and are common
    (:data:`MIN_PREFIXED_WORD_COUNT`, the second also with a joined suffix: ``کمک‌آموزشی``),
    the first ends in a letter that joins forward, and exactly one split qualifies.
    """
    found = None
    for i in range(MIN_PART_CHARS, len(word) - MIN_PART_CHARS + 1):
        first, rest = word[:i], word[i:]
        if first[-1] in NON_JOINING or lex.frequency.get(first, 0) < MIN_PREFIXED_WORD_COUNT:
            continue
        if _common(rest, lex):
            if found is not None:
                return None
            found = first + ZWNJ + rest
    return found


def restore_zwnj(text: str, lexicon: ZwnjLexicon | None = None) -> str:
    """Return ``text`` with ZWNJ restored in every glued Persian word (see the module docstring).

    Linear in ``len(text)``: one regex scan over words, a bounded number of dict lookups each.

    Args:
        text: Persian text (str), any length; URLs and e-mail addresses are left alone.
        lexicon: a :class:`ZwnjLexicon`; ``None`` loads the shared one (:func:`load_lexicon`).

    Returns:
        ``text`` with U+200C inserted (and nothing else changed): longer by the number of
        ZWNJs added (characters).

    Raises:
        XlingError: ``lexicon`` is ``None`` and hazm is not installed (and no cache exists).
    """
    return "".join(piece for piece, _ in iter_restored(text, lexicon))


def iter_restored(text: str, lexicon: ZwnjLexicon | None = None, *, skip_protected: bool = True):
    """Yield ``(output_piece, edit)`` pairs covering ``text`` in order.

    ``edit`` is ``None`` for unchanged pieces, else a dict ``{"start", "end", "before", "after"}``
    with character offsets into ``text``. With ``skip_protected=False`` URLs and e-mail
    addresses are not looked for (for a caller that has already cut them out).
    """
    lex = lexicon or load_lexicon()
    pos = 0
    n = len(text)
    previous: str | None = None
    previous_end = -1
    counts: Counter[str] | None = None
    # URLs and e-mail addresses (www.example.com/میشود) are not Persian words: skip them whole.
    from xling.text.protect import protected_spans

    protected = protected_spans(text) if skip_protected else iter(())
    guard_start, guard_end = next(protected, (n + 1, n + 1))
    for m in _WORD_RE.finditer(text):
        while m.start() >= guard_end:
            guard_start, guard_end = next(protected, (n + 1, n + 1))
        if m.start() >= guard_start:
            continue
        word = m.group()
        reading = read_word(word, lex)
        new = reading.text
        if reading.needs_context:
            if counts is None:
                counts = Counter(_WORD_RE.findall(text))
            s = m.start()
            before = previous if previous_end >= 0 and not text[previous_end:s].strip() else None
            nxt = _NEXT_RE.match(text, m.end())
            new = read_in_context(word, WordContext(before, nxt.group(1) if nxt else None, counts), lex)
        previous, previous_end = word, m.end()
        if new == word:
            continue
        s, e = m.span()
        # A word touching a ZWNJ was typed with care: leave it (and the other part) alone.
        if (s > 0 and text[s - 1] == ZWNJ) or (e < n and text[e] == ZWNJ):
            continue
        if s > pos:
            yield text[pos:s], None
        yield new, {"start": s, "end": e, "before": word, "after": new}
        pos = e
    if pos < n:
        yield text[pos:], None
