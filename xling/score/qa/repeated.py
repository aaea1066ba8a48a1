"""QA check ``repeated-word``: the same word twice in a row ("the the", "в в", "في في"),
compared case-insensitively, as Xbench's and CheckMate's repeated-word checks. Grammatical
repeats ("had had", "that that") are allowed. Severity ``warning``."""

from __future__ import annotations

import re
from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue

ALLOWED = {"en": {"had", "that"}}
# A word is a run of letters not continued by a hyphen or a word-internal apostrophe, so the
# possessive in "Russia's S-400" and the name in "Boutros Boutros-Ghali" are not repeats.
_REPEAT = re.compile(r"(?<![\w-])(?<!\w['’])([^\W\d_]+)\s+(\1)(?![\w-]|['’]\w)", re.IGNORECASE)


class RepeatedWordCheck(Check):
    """A word written twice in a row. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"repeated-word": "warning"}

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit with repeated words (``details.words``)."""
        allowed = ALLOWED.get(ctx.tgt_lang, set())
        out = []
        for u in units:
            words = [m.group(1) for m in _REPEAT.finditer(u.hyp_text) if m.group(1).lower() not in allowed]
            if words:
                out.append(
                    issue(
                        u,
                        "repeated-word",
                        "warning",
                        "repeated word: " + ", ".join(f"{w} {w}" for w in words),
                        words=words,
                    )
                )
        return out


CHECK = RepeatedWordCheck()
