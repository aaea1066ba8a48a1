"""Writing-system helpers for the QA checks (Unicode block ranges, The Unicode Standard ch. 9)."""

from __future__ import annotations

import re

from xling.text.keys import ARABIC_RANGES, CYRILLIC_RANGE, PERSIAN_ONLY, ZWNJ, script_of

__all__ = ["ARABIC_RANGES", "PERSIAN_ONLY", "script_of"]  # re-exported for the checks

ARABIC_LETTER = re.compile(f"[{ARABIC_RANGES}]")
ARABIC_RUN = re.compile(f"[{ARABIC_RANGES}](?:[{ARABIC_RANGES}{ZWNJ}\\s]*[{ARABIC_RANGES}])?")
CYRILLIC_RUN = re.compile(f"[{CYRILLIC_RANGE}](?:[{CYRILLIC_RANGE}\\s-]*[{CYRILLIC_RANGE}])?")
PERSIAN_ONLY_WORD = re.compile(f"\\w*[{PERSIAN_ONLY}]\\w*")


def letters(text: str) -> list[str]:
    """The letters of ``text`` (``str.isalpha`` characters)."""
    return [c for c in text if c.isalpha()]


def script_share(text: str, script: str) -> float:
    """Share (0-1) of the letters of ``text`` written in ``script``; 0.0 for no letters."""
    ls = letters(text)
    if not ls:
        return 0.0
    return sum(1 for c in ls if script_of(c) == script) / len(ls)
