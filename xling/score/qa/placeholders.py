"""QA check ``placeholder``: a leftover placeholder ⟦...⟧, a stray ⟦ or ⟧, or a private-use
character (U+E000-U+F8FF, planes 15-16), all of which glossary protection
(:mod:`xling.glossary.enforce`) may use and must not survive into the output. Severity ``error``."""

from __future__ import annotations

import re
from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue

_PATTERN = re.compile("⟦[^⟦⟧]{0,40}⟧|[⟦⟧]|[\ue000-\uf8ff\U000f0000-\U0010ffff]")


class PlaceholderCheck(Check):
    """Leftover glossary placeholders and private-use characters. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"placeholder": "error"}

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit with leftovers (``details.found``: the strings, private-use as ``U+XXXX``)."""
        out = []
        for u in units:
            found = []
            for m in _PATTERN.finditer(u.hyp_text):
                s = m.group()
                found.append(s if s[0] in "⟦⟧" else f"U+{ord(s):04X}")
            if found:
                out.append(issue(u, "placeholder", "error", "leftover placeholder: " + " ".join(found), found=found))
        return out


CHECK = PlaceholderCheck()
