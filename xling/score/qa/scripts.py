"""Writing-system helpers for the QA checks (Unicode block ranges, The Unicode Standard ch. 9)."""

from __future__ import annotations

import re

ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_LETTER = re.compile(f"[{ARABIC_RANGES}]")
ARABIC_RUN = re.compile(f"[{ARABIC_RANGES}](?:[{ARABIC_RANGES}\u200c\\s]*[{ARABIC_RANGES}])?")
CYRILLIC_RUN = re.compile("[\u0400-\u04ff](?:[\u0400-\u04ff\\s-]*[\u0400-\u04ff])?")
# Letters Persian uses and Modern Standard Arabic does not: پ چ ژ گ, Persian kaf ک and yeh ی.
PERSIAN_ONLY = "\u067e\u0686\u0698\u06af\u06a9\u06cc"
PERSIAN_ONLY_WORD = re.compile(f"\\w*[{PERSIAN_ONLY}]\\w*")


def letters(text: str) -> list[str]:
    """The letters of ``text`` (``str.isalpha`` characters)."""
    return [c for c in text if c.isalpha()]


def script_of(ch: str) -> str:
    """``arabic``, ``cyrillic``, ``latin`` or ``other`` for one character."""
    if ARABIC_LETTER.match(ch):
        return "arabic"
    o = ord(ch)
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if ch.isalpha() and o < 0x0250:
        return "latin"
    return "other"


LANG_SCRIPT = {"fa": "arabic", "ar": "arabic", "en": "latin", "ru": "cyrillic"}


def script_share(text: str, script: str) -> float:
    """Share (0-1) of the letters of ``text`` written in ``script``; 0.0 for no letters."""
    ls = letters(text)
    if not ls:
        return 0.0
    return sum(1 for c in ls if script_of(c) == script) / len(ls)
