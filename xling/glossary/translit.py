"""A script-independent comparison key for names: Latin, Cyrillic and Arabic script to one form.

Used to find *near-misses* of termbase terms in a translation (``Bilosov`` for ``Belousov``,
``Кастюков`` for ``Костюков``, ``بلوسوف`` for ``بيلوسوف``): both strings are turned into a
lower-case Latin key with :func:`translit_key`, and compared with a normalized Levenshtein
similarity (`rapidfuzz`; Levenshtein 1966). :func:`skeleton` drops the vowels as well, which is
how Arabic script writes names anyway and where most transcription variants differ.

Rules (a simple, reversible-enough romanization, not a standard one):

- Cyrillic: a letter-for-letter table close to BGN/PCGN (``ж`` → ``zh``, ``х`` → ``kh``,
  ``щ`` → ``shch``, ``ё`` → ``e``; ``ъ ь`` dropped).
- Arabic and Persian letters: consonants after a simplified ALA-LC table; ``ا ى`` → ``a``,
  ``و`` → ``u``, ``ي ی`` → ``i``; hamza seats and ``ع`` dropped; harakat and tatweel dropped.
- Then for all scripts: accents removed (NFKD), ``y`` → ``i``, ``w`` → ``v``, ``q c`` → ``k``,
  ``dzh dj`` → ``j``, ``ph`` → ``f``, ``kh`` → ``h``, ``sh`` → ``x`` (one letter, so ``شهر``
  "month", ``x·h·r``, is not ``الشرع``, ``x·r``), doubled letters collapsed (``Асаад`` =
  ``Асад``), and a word-initial Arabic article (``al-``, ``el-``, ``ul-``, ``ash-``, ``as-``,
  ``аль-``, ``аш-`` ... or ``ال``) removed, so ``al-Sharaa`` and ``аш-Шараа`` give ``xara`` and
  ``الشرع`` gives ``xr``.
- For comparison (:func:`variant_key`, :func:`similarity`) the usual romanization variation of
  Persian and Arabic names is folded as well (:data:`_VARIANT_FOLDS`):
  ``ou`` = ``u`` (``Abou``), the diphthong ``ei``/``ey`` = ``ai`` (``Sheibani``), a final
  ``-ah``/``-eh`` for ``ه``/``ة`` = ``-a`` (``Qasrah``, ``Хамзех``); ``й`` = ``и`` = ``y`` = ``i``
  by the tables above.
"""

from __future__ import annotations

import re
import unicodedata

_CYR = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}
_ARAB = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ء": "",
    "ؤ": "u",
    "ئ": "i",
    "ى": "a",
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "z",
    "ر": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "g",
    "ف": "f",
    "ق": "k",
    "ک": "k",
    "ك": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "ۀ": "h",
    "و": "u",
    "ي": "i",
    "ی": "i",
}
_ARTICLE_RE = re.compile(r"^(?:a|e|u)[lsdnrtz]h?[-‐'’ʼ]")
_ARABIC_ARTICLE_RE = re.compile(r"(?<![\u0600-\u06ff])ال(?=[\u0600-\u06ff]{2,})")
_VOWELS = set("aeiouy")


def _romanize(text: str) -> str:
    text = _ARABIC_ARTICLE_RE.sub("", text)
    out = []
    for ch in text.lower():
        if ch in _CYR:
            out.append(_CYR[ch])
        elif ch in _ARAB:
            out.append(_ARAB[ch])
        elif "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640":
            continue
        else:
            out.append(ch)
    s = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in s if not unicodedata.combining(c))


#: the usual variation of fa/ar → Latin/Cyrillic romanization, folded after the letter tables
#: (each pattern → its replacement, applied in order to one word of the key):
_VARIANT_FOLDS = (
    (re.compile(r"ou"), "u"),  # French-style و: Abou, Joulani
    (re.compile(r"e(?=i)"), "a"),  # the diphthong ـَيـ as ai, ay, ei, ey (y is i here): Sheibani
    (re.compile(r"(?<=[a-z]{3})[ae]h$"), "a"),  # a final ه / ة as -a, -ah, -eh, -ах, -ех: Qasrah, Hamzeh
)


def _fold_variants(word: str) -> str:
    for pattern, repl in _VARIANT_FOLDS:
        word = pattern.sub(repl, word)
    return word


def translit_key(text: str) -> str:
    """A lower-case Latin comparison key for a name in any of Latin, Cyrillic or Arabic script.

    Args:
        text: a word or a multi-word name.

    Returns:
        Words joined by one space; only ``a``-``z`` letters. ``"Andrey Bilosov"`` →
        ``"andrei bilosov"``; ``"аш-Шараа"`` → ``"xara"``; ``"الشرع"`` → ``"xr"``.
    """
    words = []
    for w in _romanize(text).split():
        w = _ARTICLE_RE.sub("", w)
        w = re.sub(r"[^a-z]", "", w)
        w = w.replace("x", "ks").replace("shch", "sch").replace("sh", "x")  # one letter for /ʃ/
        w = w.replace("dzh", "j").replace("dj", "j").replace("ph", "f").replace("kh", "h")
        w = w.replace("w", "v").replace("q", "k").replace("c", "k")
        w = w.replace("y", "i")
        w = re.sub(r"(.)\1+", r"\1", w)
        if w:
            words.append(w)
    return " ".join(words)


def variant_key(text: str) -> str:
    """:func:`translit_key` with the usual romanization variants folded (:data:`_VARIANT_FOLDS`),
    word by word, then doubled letters collapsed again: the key :func:`similarity` compares.
    ``"Abou Qasrah"`` → ``"abu kasra"``; ``"аш-Шеибани"`` → ``"xaibani"``."""
    return " ".join(re.sub(r"(.)\1+", r"\1", _fold_variants(w)) for w in translit_key(text).split())


def skeleton(text: str) -> str:
    """:func:`translit_key` without vowels (and ``y``), doubled letters collapsed.

    ``v`` is written ``f`` (Russian final devoicing; Arabic writes ``ف`` for ``в``), so
    ``"Belousov"``, ``"Блусов"`` and ``"بلوسوف"`` all give ``"blsf"``. Words stay separated by
    a space.
    """
    key = translit_key(text)
    key = key.replace("v", "f")
    out = "".join(c for c in key if c not in _VOWELS)
    return re.sub(r"(.)\1+", r"\1", out)


def similarity(a: str, b: str) -> float:
    """Normalized Levenshtein similarity (0..1) of the :func:`variant_key` of ``a`` and ``b``
    (Levenshtein 1966; rapidfuzz)."""
    from rapidfuzz.distance import Levenshtein

    ka, kb = variant_key(a), variant_key(b)
    if not ka or not kb:
        return 0.0
    return Levenshtein.normalized_similarity(ka, kb)
