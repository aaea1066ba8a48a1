"""Finding the numbers in a segment: digits in any script and number words (fa, en, ru, ar).

Digits: Persian (۰-۹) and Arabic-Indic (٠-٩) digits and separators are folded to ASCII first, so
۸۰ and 80 are the same number. Separators follow the language's convention
(:attr:`xling.lang.LanguageData.group_separator`): in en, fa and ar ``1,250`` is 1250 and ``12.5`` is 12.5; in ru, de and fr
the comma is the decimal separator (``0,850`` = 0.85), and in de ``1.250`` is 1250. In every
language ``12,5`` is 12.5; a token with both separators reads the last one as the decimal
separator and the other as grouping (``1.250,5`` = ``1,250.5`` = 1250.5); and the same separator
before two or more groups of three digits is grouping (``1.250.000`` = ``1,250,000``). ``4 000``
with a no-break or narrow no-break space (or, in ru and fr, a plain space) is 4000; dates such as
``2025-10-15`` or ``15.10.2025`` give their parts.

Words: a small cardinal parser in the usual additive-multiplicative way (the algorithm of
e.g. ``text2num`` and ``word2number``): additive words (units, teens, tens, hundreds) add to the
current group, multipliers ("hundred" multiplies the group; thousand, million, billion close it),
connectors (and, و) and hyphens may stand between. Digits may start a phrase (``4 thousand``,
``۴ هزار`` = 4000). Language data lives in :mod:`xling.lang`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from xling.text.digits import to_ascii_digits
from xling.text.keys import NBSP, NNBSP, ZWNJ
from xling.text.keys import number_word_key as word_key

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_GAP_OK = re.compile(f"^[\\s{NBSP}{NNBSP}{ZWNJ}-]*$")
_SPACED_GROUPS = {
    "any": re.compile(r"(?<![\d.,])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d])"),
    "space": re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])"),
}
_MIXED = re.compile(r"(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)")
_MANY_GROUPS = re.compile(r"[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})+")


@cache
def _tables(lang: str):
    from xling.lang import find

    data = find(lang)
    if data is None:
        return {}, {}, frozenset(), (), frozenset()
    words = {word_key(w): v for w, v in data.number_words.items()}
    mults = {word_key(w): v for w, v in data.multipliers.items()}
    ambiguous = frozenset(word_key(w) for w in data.ambiguous_number_words)
    return (
        words,
        mults,
        frozenset(word_key(c) for c in data.number_connectors),
        tuple(word_key(c) for c in data.number_clitics),
        ambiguous,
    )


@dataclass(frozen=True)
class Number:
    """A number found in text.

    Attributes:
        value: the value (float; integers are exact).
        text: the characters it was read from (after digit folding).
        significant: True for digits, and for word numbers of 11 or more that are not a lone
            multiplier ("thousand", هزار) nor a lone ambiguous word (the language's
            ``AMBIGUOUS``, e.g. Persian سی = 30, also in بی‌بی‌سی "BBC"). Small number words
            (one..ten, یک, один, واحد) are also articles and pronouns ("یک موفقیت" = "a
            success"; "the two sides" for طرفین): they may match a number on the other side
            but are never required to.
    """

    value: float
    text: str
    significant: bool


@cache
def _group_separator(lang: str) -> str:
    from xling.lang import find

    data = find(lang)
    return "," if data is None else data.group_separator


def parse_digits(token: str, lang: str) -> list[float]:
    """Values of one ASCII digit token such as ``1,250``, ``12.5``, ``1.250,5`` or ``15.10.2025``.

    Separators are read as in the module docstring; a token that is none of those forms
    (a date, a version, a list) gives its parts.
    """
    group = _group_separator(lang)
    mixed = _MIXED.fullmatch(token)
    if mixed and mixed.group(2) != mixed.group(3):
        return [float(mixed.group(1).replace(mixed.group(2), "") + "." + mixed.group(4))]
    if _MANY_GROUPS.fullmatch(token):
        return [float(re.sub(r"[.,]", "", token))]
    if group in ".," and re.fullmatch(rf"[1-9]\d{{0,2}}\{group}\d{{3}}", token):
        return [float(token.replace(group, ""))]
    if re.fullmatch(r"\d+[.,]\d+", token):
        return [float(token.replace(",", "."))]
    return [float(p) for p in re.split(r"[.,]", token) if p]


def _prepare(text: str, lang: str) -> str:
    text = to_ascii_digits(text)
    pattern = _SPACED_GROUPS["space" if _group_separator(lang) == " " else "any"]
    return pattern.sub(lambda m: re.sub(r"\D", "", m.group()), text)


def _lookup(word: str, lang: str) -> tuple[str, int] | None:
    """``("add", value)`` / ``("mult", value)`` / ``("conn", 0)`` for a word, else None."""
    words, mults, conns, clitics, _ = _tables(lang)
    key = word_key(word)
    for candidate in (key, *[key[len(c) :] for c in clitics if key.startswith(c) and len(key) > len(c) + 1]):
        if candidate in words:
            return ("add", words[candidate])
        if candidate in mults:
            return ("mult", mults[candidate])
    if key in conns:
        return ("conn", 0)
    return None


def _can_add(current: float, value: int, lang: str) -> bool:
    if current == 0:
        return True
    if lang == "ar" and 0 < current < 10 and value % 10 == 0 and value < 100:
        return True  # خمسة وعشرون, ثلاثة عشر
    return current % 10 ** len(str(value)) == 0 and value < current


@dataclass
class _Phrase:
    """A number phrase being read: ``total`` (closed groups) plus ``current`` (the open group)."""

    total: float = 0
    current: float = 0
    start: int = 0
    end: int = 0
    digit: bool = False
    words: int = 0
    mult_only: bool = True
    active: bool = False


class _Reader:
    """The additive-multiplicative reader of :func:`find_numbers`, one phrase at a time."""

    def __init__(self, prepared: str, lang: str) -> None:
        self.prepared = prepared
        self.lang = lang
        self.ambiguous = _tables(lang)[4]
        self.out: list[Number] = []
        self.phrase = _Phrase()

    def flush(self) -> None:
        """Close the current phrase (if any) into a :class:`Number`."""
        p = self.phrase
        if p.active:
            value = p.total + p.current
            text = self.prepared[p.start : p.end]
            lone = not p.digit and (p.mult_only or (p.words == 1 and word_key(text) in self.ambiguous))
            self.out.append(Number(float(value), text, p.digit or (value >= 11 and not lone)))
        self.phrase = _Phrase()

    def digits(self, m: re.Match[str]) -> None:
        """A digit token; its last value may be followed by a multiplier (4 thousand, 2.5 million)."""
        self.flush()
        values = parse_digits(m.group(), self.lang)
        self.out.extend(Number(v, m.group(), True) for v in values[:-1])
        last = values[-1]
        current = int(last) if last.is_integer() else last
        self.phrase = _Phrase(current=current, start=m.start(), end=m.end(), digit=True, mult_only=False, active=True)

    def _open(self, m: re.Match[str]) -> _Phrase:
        p = self.phrase
        if not p.active:
            p.start, p.active = m.start(), True
        p.words += 1
        p.end = m.end()
        return p

    def multiplier(self, m: re.Match[str], value: int) -> None:
        """hundred multiplies the open group; thousand, million, billion close it."""
        p = self._open(m)
        if value == 100:
            p.current = (p.current or 1) * 100
        else:
            p.total += (p.current or 1) * value
            p.current = 0

    def additive(self, m: re.Match[str], value: int) -> None:
        """A unit, teen, ten or hundred word: added to the open group, or starting a new phrase."""
        p = self.phrase
        if p.active and ((p.digit and p.current and not p.total) or not _can_add(p.current, value, self.lang)):
            self.flush()
        p = self._open(m)
        p.current += value
        p.mult_only = False


def find_numbers(text: str, lang: str) -> list[Number]:
    """All numbers in ``text`` (digits in any script and ``lang`` number words), in order.

    Args:
        text: one segment.
        lang: its language (number words are read for fa, en, ru, ar only).

    Returns:
        :class:`Number` objects; a phrase such as "four thousand" or "چهار هزار" is one number.
    """
    prepared = _prepare(text, lang)
    reader = _Reader(prepared, lang)
    prev_end = 0
    for m in _TOKEN.finditer(prepared):
        tok = m.group()
        gap_ok = bool(_GAP_OK.match(prepared[prev_end : m.start()]))
        prev_end = m.end()
        if not gap_ok and reader.phrase.active:
            reader.flush()
        if tok[0].isdigit():
            reader.digits(m)
            continue
        kind = _lookup(tok, lang)
        if kind is None:
            reader.flush()
        elif kind[0] == "mult":
            reader.multiplier(m, kind[1])
        elif kind[0] == "add":
            reader.additive(m, kind[1])
        # "conn" ("and", و): allowed inside a phrase, ignored outside
    reader.flush()
    return reader.out
