"""English number words: cardinals and ordinals ("eightieth", "twenty-first" = 80, 21, as "80th", "21st")."""

from functools import cache

CONNECTORS = frozenset({"and"})
CLITICS: tuple[str, ...] = ()

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}


def _ordinal(word: str) -> str:
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


@cache
def number_words() -> dict[str, int]:
    """English cardinal and ordinal number words (``eighty``, ``eightieth``) → value (int), lower case. Keys are folded by :func:`xling.score.qa.numerals.word_key` on use."""
    words = {w: i for i, w in enumerate(_UNITS)}
    words.update(_TENS)
    # ordinals: Persian writes هشتادمین and قرن بیست و یکم where English writes 80th / eightieth
    words.update({_ordinal(w): v for w, v in words.items() if v})
    words.update(_ORDINALS)
    return words


@cache
def multipliers() -> dict[str, int]:
    """``hundred``/``thousand``/``million``/``billion`` (and ``mln``, ``bn``, ordinals) → multiplier (int)."""
    mults = {"hundred": 100, "thousand": 1000, "million": 10**6, "mln": 10**6, "billion": 10**9, "bn": 10**9}
    mults.update({w + "th": v for w, v in mults.items() if len(w) > 3})
    return mults
