"""Persian number words (Arabic letters are unified before lookup, so ي/ی and ك/ک agree)."""

from functools import cache

CONNECTORS = frozenset({"و"})
CLITICS: tuple[str, ...] = ()
# Alone, سی (30) is more often a syllable of a spelled-out name: بی‌بی‌سی (BBC), سی‌ان‌ان (CNN), سی دی.
AMBIGUOUS = frozenset({"سی"})


@cache
def number_words() -> dict[str, int]:
    """Persian cardinal and ordinal number words (``هشتاد``, ``هشتادم``, ``هشتادمین``) → value (int). Keys are folded by :func:`xling.score.qa.numerals.word_key` on use."""
    units = "صفر یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده".split()
    words = {w: i for i, w in enumerate(units)}
    words.update({"شیش": 6, "هیجده": 18, "پونزده": 15})
    words.update({"بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90})
    words.update(
        {
            "یکصد": 100,
            "دویست": 200,
            "سیصد": 300,
            "چهارصد": 400,
            "پانصد": 500,
            "پونصد": 500,
            "ششصد": 600,
            "هفتصد": 700,
            "هشتصد": 800,
            "نهصد": 900,
        }
    )
    return _with_ordinals(words)


def _with_ordinals(words: dict[str, int]) -> dict[str, int]:
    """Add the ordinals -م and -مین (هشتادم, هشتادمین, بیست و یکم; سوم for سه; سی‌ام for سی)."""
    out = dict(words)
    for w, v in words.items():
        if not v:
            continue
        stem = {"سه": "سو", "سی": "سیا"}.get(w, w)
        out.setdefault(stem + "م", v)
        out.setdefault(stem + "مین", v)
    out.update({"نخست": 1, "نخستین": 1})
    return out


@cache
def multipliers() -> dict[str, int]:
    """``صد``/``هزار``/``میلیون``/``میلیارد`` and their ordinals → multiplier (int)."""
    return _with_ordinals({"صد": 100, "هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9})
