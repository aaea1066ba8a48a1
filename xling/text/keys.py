"""Special code points, character classes, script detection and comparison keys: one home.

Every module of xling that names a zero-width character, an Arabic-script letter range or a
script, or that folds text into a key for comparison, takes it from here (in the manner of
spaCy's ``lang/char_classes.py``). Keys change length: they are for comparing and looking up,
never for output text (:func:`xling.text.orthography.unify_letters` is the output-side step).

Code points and classes (Unicode Standard ch. 9 and 23; Persian orthography after ISIRI 6219):

- :data:`ZWNJ` U+200C, :data:`ZWJ` U+200D, :data:`ZWSP` U+200B, :data:`LRM` U+200E,
  :data:`RLM` U+200F, :data:`BOM` U+FEFF, :data:`NBSP` U+00A0, :data:`NNBSP` U+202F;
- :data:`TATWEEL` U+0640 and :data:`HARAKAT` (U+064B-U+065F, U+0670), as bodies of a regex
  character class;
- :data:`ARABIC_RANGES` (the Arabic blocks), :data:`ARABIC_WORD_CHARS` (Arabic-script letters,
  harakat and tanwin: no digits, punctuation or ZWNJ), :data:`NON_JOINING` (letters after which a
  ZWNJ is invisible), :data:`PERSIAN_ONLY` (letters Persian uses and Arabic does not),
  :data:`DIGITS` (ASCII, Persian and Arabic-Indic digits).

Keys:

- :func:`fold` (``text``, ``lang``): the general comparison key (ZWNJ, letter variants, harakat,
  digits, spaces and case folded);
- :func:`match_key` / :func:`match_stream`: the glossary source matcher's key (:func:`fold` plus
  ``آ`` → ``ا``, ``ئ``/``ى`` → ``ی``, every space and zero-width mark removed), the second one with
  an index back to the original characters;
- :func:`source_term_key` / :func:`target_term_key`: when two termbase terms are the same term;
- :func:`latin_key`, :func:`arabic_skeleton`, :func:`anchor_text_key`: the aligner's cognate and
  concept folds (lower case without accents, ß → ss; Arabic-script letters to a common skeleton);
- :func:`number_word_key`: the lookup key of a number word in the QA number parser.

:func:`script_of` names the script of one character (``arabic``, ``cyrillic``, ``latin``,
``other``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from xling.text.digits import to_ascii_digits

# --- special code points ------------------------------------------------------------------------
ZWNJ = "\u200c"  #: ZERO WIDTH NON-JOINER
ZWJ = "\u200d"  #: ZERO WIDTH JOINER
ZWSP = "\u200b"  #: ZERO WIDTH SPACE
LRM = "\u200e"  #: LEFT-TO-RIGHT MARK
RLM = "\u200f"  #: RIGHT-TO-LEFT MARK
BOM = "\ufeff"  #: ZERO WIDTH NO-BREAK SPACE (byte order mark)
NBSP = "\u00a0"  #: NO-BREAK SPACE
NNBSP = "\u202f"  #: NARROW NO-BREAK SPACE
TATWEEL = "\u0640"  #: Arabic tatweel (kashida), the letter-stretching character
#: Arabic-script diacritics (harakat, tanwin, superscript alef), as the body of a regex class.
HARAKAT = "\u064b-\u065f\u0670"
#: Zero-width marks other than ZWNJ that carry no letter (ZWSP, ZWJ, LRM, RLM, BOM).
ZERO_WIDTH_MARKS = ZWSP + ZWJ + LRM + RLM + BOM
#: Bidirectional formatting characters (Unicode UAX #9): LRM, RLM, ARABIC LETTER MARK, the
#: embeddings and overrides U+202A-E, the isolates U+2066-9 (a str).
BIDI_CONTROLS = (
    LRM + RLM + "\u061c" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
)

# --- character classes (bodies of regex character classes unless said otherwise) ------------------
#: The Arabic script blocks: Arabic, Supplement, Extended-A, Presentation Forms A and B.
ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: Arabic-script letters, harakat and tanwin (no digits, no punctuation, no ZWNJ): one word's letters.
ARABIC_WORD_CHARS = "\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff"
CYRILLIC_RANGE = "\u0400-\u04ff"
#: ASCII, Persian (U+06F0-9) and Arabic-Indic (U+0660-9) digits.
DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"
#: Letters that do not join the following letter: a ZWNJ after them is invisible (a set).
NON_JOINING = frozenset("اآأإٱدذرزژوؤۀةء")
#: Letters Persian uses and Modern Standard Arabic does not: پ چ ژ گ, Persian kaf ک and yeh ی (a str).
PERSIAN_ONLY = "\u067e\u0686\u0698\u06af\u06a9\u06cc"

_ARABIC_LETTER_RE = re.compile(f"[{ARABIC_RANGES}]")


def script_of(ch: str) -> str:
    """The script of one character: ``"arabic"``, ``"cyrillic"``, ``"latin"`` or ``"other"``.

    Arabic: any code point of :data:`ARABIC_RANGES`; Cyrillic: U+0400-U+04FF; Latin: a letter
    (``str.isalpha``) below U+0250 (Basic Latin to Latin Extended-B). Unicode block ranges
    (The Unicode Standard, ch. 7-9).
    """
    if _ARABIC_LETTER_RE.match(ch):
        return "arabic"
    o = ord(ch)
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if ch.isalpha() and o < 0x0250:
        return "latin"
    return "other"


def main_script(text: str, *, min_letters: int = 10, share: float = 0.6) -> str | None:
    """The script most letters of ``text`` are written in (:func:`script_of`: ``"arabic"``,
    ``"cyrillic"``, ``"latin"``), or ``None`` when ``text`` has fewer than ``min_letters`` such
    letters or none of the three scripts holds at least ``share`` (0-1) of them. Linear in the
    length of ``text`` (characters)."""
    counts = {"arabic": 0, "cyrillic": 0, "latin": 0}
    for ch in text:
        if ch.isalpha():
            sc = script_of(ch)
            if sc in counts:
                counts[sc] += 1
    total = sum(counts.values())
    best = max(counts, key=lambda k: counts[k])
    if total < min_letters or counts[best] < share * total:
        return None
    return best


# --- letter variants (used by unify_letters for output and by fold for keys) ----------------------
#: Per language, the canonical letter of each Arabic-script variant (``str.translate`` tables).
#: fa: ي ى → ی, ك → ک, ە (Kurdish ae) → ه; ar: ی → ي, ک → ك.
LETTER_TABLES = {
    "fa": str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u06d5": "\u0647"}),
    "ar": str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"}),
}
_FOLD_COMMON = {"\u0629": "\u0647", "\u06c0": "\u0647", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"}
_FOLD_TABLES = {
    "fa": str.maketrans({**_FOLD_COMMON, "\u0624": "\u0648"}),
    "ar": str.maketrans({**_FOLD_COMMON, "\u0622": "\u0627", "\u0624": "\u0648", "\u0649": "\u064a"}),
}
_FOLD_DROP_RE = re.compile(f"[{HARAKAT}{TATWEEL}\u200b-\u200f{BOM}]")
_SPACE_RE = re.compile(r"\s+")


def fold(text: str, lang: str) -> str:
    """Return the general comparison key of ``text`` in ``lang``.

    Letters unified (:data:`LETTER_TABLES`), then for ``fa`` and ``ar`` ``ة``/``ۀ`` → ``ه``,
    ``أ إ ٱ`` → ``ا`` (``آ`` too for ``ar``; it is a distinct Persian letter), ``ؤ`` → ``و``
    (``ar`` also ``ى`` → ``ي``); harakat, tatweel, ZWNJ and the other zero-width marks (U+200B-
    U+200F, U+FEFF) removed, so ``می‌گوید`` and ``میگوید`` fold alike; digits to ASCII; runs of
    whitespace to one space, stripped; :meth:`str.casefold`.

    Args:
        text: any string.
        lang: language code; ``fa`` and ``ar`` fold their letter variants, every language gets
            the zero-width, harakat, digit, space and case folds.

    Returns:
        The key (str). Length-changing: its offsets are not valid on ``text``.
    """
    table = LETTER_TABLES.get(lang)
    if table:
        text = text.translate(table).translate(_FOLD_TABLES[lang])
    text = _FOLD_DROP_RE.sub("", text)
    text = to_ascii_digits(text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text.casefold()


# --- the glossary source matcher's key -----------------------------------------------------------
_MATCH_DROP = {ZWNJ, ZWJ, ZWSP, LRM, RLM, BOM, NBSP}
_MATCH_EXTRA = {"\u0622": "\u0627", "\u0626": "\u06cc", "\u0649": "\u06cc"}  # آ→ا ئ→ی ى→ی
_MATCH_CHAR: dict[str, str] = {}


def match_char(c: str) -> str:
    """The matcher's fold of one character (``""`` for a space or zero-width mark); memoised."""
    f = _MATCH_CHAR.get(c)
    if f is None:
        if c.isspace() or c in _MATCH_DROP:
            f = ""
        else:
            f = "".join(_MATCH_EXTRA.get(x, x) for x in fold(c, "fa"))
        _MATCH_CHAR[c] = f
    return f


def match_table(chars: Iterable[str]) -> dict[str, str]:
    """``{c: match_char(c)}`` for each of ``chars``."""
    return {c: match_char(c) for c in chars}


def match_key(text: str) -> str:
    """The glossary source matcher's key of ``text``: :func:`fold` (fa) per character, plus
    ``آ`` → ``ا``, ``ئ``/``ى`` → ``ی``, with every space, ZWNJ, ZWJ, bidi mark and NBSP removed,
    so ``ابو محمد`` / ``ابومحمد`` and ``رئیس‌جمهور`` / ``رئیس جمهور`` share one key."""
    return "".join([match_char(c) for c in text])


def match_stream(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` as :func:`match_key` does, with an index back to the original.

    Returns:
        ``(stream, index)`` where ``stream[j]`` comes from ``text[index[j]]`` (characters);
        spaces and zero-width marks are left out of the stream.
    """
    table = match_table(set(text))
    if all(len(v) <= 1 for v in table.values()):
        import numpy as np

        stream = text.translate({ord(k): (v or None) for k, v in table.items()})
        dropped = [ord(k) for k, v in table.items() if not v]
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        index = np.flatnonzero(~np.isin(codes, dropped)).tolist()
        return stream, index
    out: list[str] = []
    index = []
    for i, c in enumerate(text):
        for x in table[c]:
            out.append(x)
            index.append(i)
    return "".join(out), index


def source_term_key(text: str) -> str:
    """Key of a source-language (Persian) termbase term: NFC, then :func:`match_key`; two terms
    with one key are the ones the source matcher cannot tell apart."""
    return match_key(unicodedata.normalize("NFC", text))


def target_term_key(text: str) -> str:
    """Key of a target-language termbase term: NFC and :meth:`str.casefold`."""
    return unicodedata.normalize("NFC", text).casefold()


# --- the aligner's cognate folds -----------------------------------------------------------------
#: Arabic-script letters folded to a skeleton shared by Persian and Arabic spellings (ی ى ئ → ي,
#: ک گ → ك, پ → ب, چ → ج, ژ → ز, ة ۀ → ه, hamza seats → ا / و; ZWNJ, ZWJ and tatweel removed).
ARABIC_SKELETON = str.maketrans(
    {
        "ی": "ي",
        "ى": "ي",
        "ئ": "ي",
        "ک": "ك",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        ZWNJ: None,
        ZWJ: None,
        TATWEEL: None,
    }
)
_HARAKAT_RE = re.compile(f"[{HARAKAT}]")


def latin_key(word: str) -> str:
    """Lower case, ß → ss, accents removed (NFKD without combining marks): ``Nordostwand`` →
    ``nordostwand``, ``été`` → ``ete``."""
    w = word.lower().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def arabic_skeleton(text: str) -> str:
    """Harakat removed and letters folded by :data:`ARABIC_SKELETON` (Persian and Arabic agree)."""
    return _HARAKAT_RE.sub("", text).translate(ARABIC_SKELETON)


def anchor_text_key(text: str) -> str:
    """:func:`arabic_skeleton`, then :func:`latin_key`, whitespace runs to one space."""
    return " ".join(latin_key(arabic_skeleton(text)).split())


# --- number words --------------------------------------------------------------------------------
_NUMBER_WORD_TABLE = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ё": "е", ZWNJ: ""}
)
_HARAKAT_TATWEEL_RE = re.compile(f"[{HARAKAT}{TATWEEL}]")


def number_word_key(word: str) -> str:
    """Lookup key of a number word: lower case, ё → е, Arabic-script letters unified (alef seats,
    ی/ي, ک/ك), harakat, tatweel and ZWNJ removed."""
    return _HARAKAT_TATWEEL_RE.sub("", word.lower()).translate(_NUMBER_WORD_TABLE)
