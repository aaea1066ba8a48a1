"""QA check ``bracket-mismatch``: the hypothesis has not the brackets and quotes of its source.

``unpaired-bracket`` looks at the hypothesis alone; this check compares it with the source, as
translate-toolkit's pofilter ``brackets`` test does: ``For [sic] numbers`` → ``Vier getalle``
lost its square brackets although what is left is balanced. Brackets are counted by kind
(round ``()`` ``﴾﴿``, square ``[]``, curly ``{}``) and quotes as one kind whatever their
style (``«»`` in Persian may become ``“”``, ``"..."`` or ``„“``). Quotes are flagged only when
some are lost: a translation may add them by its language's custom (Russian quotes the name of a
newspaper, «Табнак», where the Persian source does not). Inline markup (``{1}``, see
:mod:`xling.score.qa.markup`) is left to the markup check. A unit already flagged
``unpaired-bracket`` is not flagged again. Severity ``warning``.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue
from xling.score.qa.brackets import unpaired
from xling.score.qa.markup import MARKUP

KINDS = {"(": "()", ")": "()", "﴾": "()", "﴿": "()", "[": "[]", "]": "[]", "{": "{}", "}": "{}"}
KINDS.update({q: "quotes" for q in '«»“”„‟"‹›'})


def bracket_counts(text: str) -> Counter[str]:
    """Bracket and quote characters of ``text`` per kind (``()``, ``[]``, ``{}``, ``quotes``), markup left out."""
    return Counter(KINDS[c] for c in MARKUP.sub(" ", text) if c in KINDS)


class BracketSourceCheck(Check):
    """Brackets and quotes of the source missing from the hypothesis, or added (see the module docstring)."""

    ids: ClassVar[dict[str, str]] = {"bracket-mismatch": "warning"}
    needs_source = True

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit whose counts differ (``details``: ``{"source": {kind: n}, "hypothesis": {kind: n}}``)."""
        out = []
        for u in units:
            if u.src_text is None or not u.src or not u.hyp_text.strip():
                continue
            src, hyp = bracket_counts(u.src_text), bracket_counts(u.hyp_text)
            if src == hyp or unpaired(u.hyp_text, ctx.tgt_lang):  # equal, or already flagged
                continue
            kinds = sorted(k for k in set(src) | set(hyp) if src[k] != hyp[k] and (k != "quotes" or hyp[k] < src[k]))
            if not kinds:
                continue
            message = "brackets differ from the source: " + "; ".join(
                f"{k} {src[k]} in the source, {hyp[k]} in the hypothesis" for k in kinds
            )
            out.append(issue(u, "bracket-mismatch", "warning", message, source=dict(src), hypothesis=dict(hyp)))
        return out


CHECK = BracketSourceCheck()
