"""Finding the numbers in a segment: digits in any script and number words (fa, en, ru, ar).

Digits: Persian (۰-۹) and Arabic-Indic (٠-٩) digits and separators are folded to ASCII first, so
۸۰ and 80 are the same number. ``1,250`` is 1250 (a comma followed by groups of three digits),
``12.5``/``12,5``/``۱۲٫۵`` are 12.5 (in ru a comma is always the decimal separator), ``4 000``
with a no-break or narrow no-break space (or, in ru, a plain space) is 4000; dates such as
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
    "ru": re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])"),
}


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


def parse_digits(token: str, lang: str) -> list[float]:
    """Values of one ASCII digit token such as ``1,250``, ``12.5`` or ``15.10.2025``."""
    if lang != "ru" and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return [float(token.replace(",", ""))]
    if re.fullmatch(r"\d+[.,]\d+", token):
        return [float(token.replace(",", "."))]
    return [float(p) for p in re.split(r"[.,]", token) if p]


def _prepare(text: str, lang: str) -> str:
    text = to_ascii_digits(text)
    pattern = _SPACED_GROUPS["ru" if lang == "ru" else "any"]
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


def _can_add(current: int, value: int, lang: str) -> bool:
    if current == 0:
        return True
    if lang == "ar" and 0 < current < 10 and value % 10 == 0 and value < 100:
        return True  # خمسة وعشرون, ثلاثة عشر
    return current % 10 ** len(str(value)) == 0 and value < current


def find_numbers(text: str, lang: str) -> list[Number]:
    """All numbers in ``text`` (digits in any script and ``lang`` number words), in order.

    Args:
        text: one segment.
        lang: its language (number words are read for fa, en, ru, ar only).

    Returns:
        :class:`Number` objects; a phrase such as "four thousand" or "چهار هزار" is one number.
    """
    prepared = _prepare(text, lang)
    out: list[Number] = []
    ambiguous = _tables(lang)[4]
    state = {
        "total": 0,
        "current": 0,
        "start": None,
        "end": None,
        "digit": False,
        "words": 0,
        "mult_only": True,
        "active": False,
    }

    def flush():
        if state["active"]:
            value = state["total"] + state["current"]
            text_ = prepared[state["start"] : state["end"]]
            lone = not state["digit"] and (state["mult_only"] or (state["words"] == 1 and word_key(text_) in ambiguous))
            significant = state["digit"] or (value >= 11 and not lone)
            out.append(Number(float(value), text_, significant))
        state.update(total=0, current=0, start=None, end=None, digit=False, words=0, mult_only=True, active=False)

    prev_end = 0
    for m in _TOKEN.finditer(prepared):
        tok = m.group()
        gap_ok = bool(_GAP_OK.match(prepared[prev_end : m.start()]))
        prev_end = m.end()
        if not gap_ok and state["active"]:
            flush()
        if tok[0].isdigit():
            flush()
            values = parse_digits(tok, lang)
            for v in values[:-1]:
                out.append(Number(v, tok, True))
            last = values[-1]  # may be followed by a multiplier: 4 thousand, 2.5 million
            state.update(
                current=int(last) if last.is_integer() else last,
                start=m.start(),
                end=m.end(),
                digit=True,
                active=True,
                mult_only=False,
            )
            continue
        kind = _lookup(tok, lang)
        if kind is None:
            flush()
            continue
        what, value = kind
        if what == "conn":
            continue  # "and", و: allowed inside a phrase, ignored outside
        if what == "mult":
            if not state["active"]:
                state.update(start=m.start(), active=True)
            if value == 100:
                state["current"] = (state["current"] or 1) * 100
            else:
                state["total"] += (state["current"] or 1) * value
                state["current"] = 0
            state["words"] += 1
            state["end"] = m.end()
            continue
        # additive word
        if state["active"] and (
            (state["digit"] and state["current"] and not state["total"]) or not _can_add(state["current"], value, lang)
        ):
            flush()
        if not state["active"]:
            state.update(start=m.start(), active=True)
        state["current"] += value
        state["mult_only"] = False
        state["words"] += 1
        state["end"] = m.end()
    flush()
    return out
