"""QA check ``repeated-word``: the same word twice in a row ("the the", "в в", "في في"),
compared case-insensitively, as Xbench's and CheckMate's repeated-word checks. Grammatical
repeats ("had had", "that that") are allowed. Severity ``warning``."""

from __future__ import annotations

import re

from xling.score.qa.base import Context, Issue, Unit, issue

CHECK_IDS = {"repeated-word": "warning"}
NEEDS_SOURCE = False
ALLOWED = {"en": {"had", "that"}}
# A word is a run of letters not continued by a hyphen or a word-internal apostrophe, so the
# possessive in "Russia's S-400" and the name in "Boutros Boutros-Ghali" are not repeats.
_REPEAT = re.compile(r"(?<![\w-])(?<!\w['’])([^\W\d_]+)\s+(\1)(?![\w-]|['’]\w)", re.IGNORECASE)


def check(units: list[Unit], ctx: Context) -> list[Issue]:
    """One issue per unit with repeated words (``details.words``)."""
    allowed = ALLOWED.get(ctx.tgt_lang, set())
    out = []
    for u in units:
        words = [m.group(1) for m in _REPEAT.finditer(u.hyp_text) if m.group(1).lower() not in allowed]
        if words:
            out.append(
                issue(
                    u, "repeated-word", "warning", "repeated word: " + ", ".join(f"{w} {w}" for w in words), words=words
                )
            )
    return out
