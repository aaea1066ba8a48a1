"""Precision, recall and F1 of inserted ZWNJs against a gold text (a test and benchmark helper:
used by tests/test_text_zwnj.py and bench/zwnj.py, not part of the library).

A ZWNJ *site* is the position, counted in non-ZWNJ characters, before which a U+200C stands.
Gold and hypothesis must be the same text once U+200C is removed. Sites inside ``آنها`` /
``اینها`` (and their inflections) are ignored on both sides, because ``آن‌ها`` and ``آنها`` are
both standard spellings (so either counts as correct). Micro-averaged over sites.
"""

from __future__ import annotations

import re

from xling.errors import InputError
from xling.text.keys import ZWNJ

_OPTIONAL_RE = re.compile("(?<![\u0600-\u06ff])(?:آن|این)(?=ها)")


def zwnj_sites(text: str) -> set[int]:
    """Positions (in the ZWNJ-free text, characters) before which ``text`` holds a ZWNJ."""
    sites: set[int] = set()
    k = 0
    for ch in text:
        if ch == ZWNJ:
            sites.add(k)
        else:
            k += 1
    return sites


def optional_sites(plain: str) -> set[int]:
    """Sites where ZWNJ is optional (``آن|ها``, ``این|ها``) in the ZWNJ-free ``plain`` text."""
    return {m.end() for m in _OPTIONAL_RE.finditer(plain)}


def score_zwnj(gold: str, hypothesis: str) -> dict[str, float | int]:
    """Compare the ZWNJ sites of ``hypothesis`` with those of ``gold``.

    Returns:
        ``{"precision", "recall", "f1", "tp", "fp", "fn", "gold_sites"}``; precision (recall) is
        1.0 when the hypothesis (gold) has no site.

    Raises:
        InputError: the two texts differ once U+200C is removed.
    """
    plain = gold.replace(ZWNJ, "")
    if hypothesis.replace(ZWNJ, "") != plain:
        raise InputError("gold and hypothesis differ in more than ZWNJ; compare the same text")
    optional = optional_sites(plain)
    g = zwnj_sites(gold) - optional
    h = zwnj_sites(hypothesis) - optional
    tp = len(g & h)
    precision = tp / len(h) if h else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": len(h - g),
        "fn": len(g - h),
        "gold_sites": len(g),
    }
