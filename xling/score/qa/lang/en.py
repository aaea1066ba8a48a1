"""English number words (cardinals; ordinals are not numbers here)."""

from functools import cache

CONNECTORS = frozenset({"and"})
CLITICS: tuple[str, ...] = ()

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


@cache
def number_words() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_UNITS)}
    words.update(_TENS)
    return words


@cache
def multipliers() -> dict[str, int]:
    return {"hundred": 100, "thousand": 1000, "million": 10**6, "mln": 10**6, "billion": 10**9, "bn": 10**9}
