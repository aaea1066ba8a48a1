"""Russian number words with their case forms (ё is folded to е before lookup).

The forms follow the standard cardinal declension (nominative, genitive, dative, instrumental,
prepositional); for example четыре, четырех, четырем, четырьмя; тысяча, тысячи, тысяч, тысячами.
"""

from functools import cache

CONNECTORS: frozenset[str] = frozenset()
CLITICS: tuple[str, ...] = ()


def _forms(value: int, *forms: str) -> dict[str, int]:
    return {f: value for f in forms}


@cache
def number_words() -> dict[str, int]:
    """Russian cardinal number words in all cases and genders (``один``, ``одного``, ``сорока``) → value (int). Keys are folded by :func:`xling.score.qa.numerals.word_key` on use."""
    w: dict[str, int] = {}
    w |= _forms(0, "ноль", "нуль", "ноля", "нуля")
    w |= _forms(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одною")
    w |= _forms(2, "два", "две", "двух", "двум", "двумя")
    w |= _forms(3, "три", "трех", "трем", "тремя")
    w |= _forms(4, "четыре", "четырех", "четырем", "четырьмя")
    # 5-20 and 30 decline like nouns in -ь: пять, пяти, пятью.
    for value, stem in [
        (5, "пят"),
        (6, "шест"),
        (7, "сем"),
        (9, "девят"),
        (10, "десят"),
        (20, "двадцат"),
        (30, "тридцат"),
    ]:
        w |= _forms(value, stem + "ь", stem + "и", stem + "ью")
    w |= _forms(8, "восемь", "восьми", "восемью", "восьмью")
    for value, stem in [
        (11, "одиннадцат"),
        (12, "двенадцат"),
        (13, "тринадцат"),
        (14, "четырнадцат"),
        (15, "пятнадцат"),
        (16, "шестнадцат"),
        (17, "семнадцат"),
        (18, "восемнадцат"),
        (19, "девятнадцат"),
    ]:
        w |= _forms(value, stem + "ь", stem + "и", stem + "ью")
    w |= _forms(40, "сорок", "сорока")
    for value, nom, obl, ins in [
        (50, "пятьдесят", "пятидесяти", "пятьюдесятью"),
        (60, "шестьдесят", "шестидесяти", "шестьюдесятью"),
        (70, "семьдесят", "семидесяти", "семьюдесятью"),
        (80, "восемьдесят", "восьмидесяти", "восемьюдесятью"),
    ]:
        w |= _forms(value, nom, obl, ins)
    w |= _forms(90, "девяносто", "девяноста")
    w |= _forms(100, "сто", "ста")
    w |= _forms(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
    w |= _forms(300, "триста", "трехсот", "тремстам", "тремястами", "трехстах")
    w |= _forms(400, "четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах")
    for value, nom, gen, dat, ins, pre in [
        (500, "пятьсот", "пятисот", "пятистам", "пятьюстами", "пятистах"),
        (600, "шестьсот", "шестисот", "шестистам", "шестьюстами", "шестистах"),
        (700, "семьсот", "семисот", "семистам", "семьюстами", "семистах"),
        (800, "восемьсот", "восьмисот", "восьмистам", "восьмьюстами", "восьмистах"),
        (900, "девятьсот", "девятисот", "девятистам", "девятьюстами", "девятистах"),
    ]:
        w |= _forms(value, nom, gen, dat, ins, pre)
    return w


@cache
def multipliers() -> dict[str, int]:
    """``тысяча``/``миллион``/``миллиард`` in all cases, and ``тыс``, ``млн``, ``млрд`` → multiplier (int)."""
    m: dict[str, int] = {}
    m |= _forms(
        1000,
        "тысяча",
        "тысячи",
        "тысяч",
        "тысяче",
        "тысячу",
        "тысячей",
        "тысячью",
        "тысячам",
        "тысячами",
        "тысячах",
        "тыс",
    )
    for value, stem in [(10**6, "миллион"), (10**9, "миллиард")]:
        m |= _forms(
            value,
            stem,
            stem + "а",
            stem + "у",
            stem + "ом",
            stem + "е",
            stem + "ы",
            stem + "ов",
            stem + "ам",
            stem + "ами",
            stem + "ах",
        )
    m |= _forms(10**6, "млн")
    m |= _forms(10**9, "млрд")
    return m
