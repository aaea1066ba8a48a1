"""QA check ``unpaired-bracket``: brackets and quotes that do not pair up.

Pairs: () [] {} «» and, by language, “” (en, ar) or „“ (ru, where “ closes); the straight quote
" must occur an even number of times. When the source is given and is itself unbalanced (a
quotation that runs across segments), the hypothesis is not flagged. Severity ``warning``.
"""

from __future__ import annotations

from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue

_BASE = {"(": ")", "[": "]", "{": "}", "«": "»"}
_BY_LANG = {"ru": {"„": "“"}, "en": {"“": "”"}, "ar": {"“": "”"}, "fa": {"“": "”"}}


def unpaired(text: str, lang: str) -> list[str]:
    """The unpaired brackets/quotes of ``text`` (list of single characters; ``"`` for odd parity)."""
    pairs = {**_BASE, **_BY_LANG.get(lang, {"“": "”"})}
    closers = {v: k for k, v in pairs.items()}
    stack: list[str] = []
    bad: list[str] = []
    for ch in text:
        if ch in pairs:
            stack.append(ch)
        elif ch in closers:
            if stack and stack[-1] == closers[ch]:
                stack.pop()
            elif closers[ch] in stack:  # close an outer pair, the inner ones are unpaired
                while stack[-1] != closers[ch]:
                    bad.append(stack.pop())
                stack.pop()
            else:
                bad.append(ch)
    bad.extend(stack)
    if text.count('"') % 2:
        bad.append('"')
    return bad


class BracketCheck(Check):
    """Brackets and quotes that do not pair up. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"unpaired-bracket": "warning"}

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit with unpaired brackets or quotes (``details.chars``)."""
        out = []
        for u in units:
            bad = unpaired(u.hyp_text, ctx.tgt_lang)
            if not bad:
                continue
            if u.src_text is not None and unpaired(u.src_text, ctx.src_lang or "fa"):
                continue
            out.append(
                issue(u, "unpaired-bracket", "warning", "unpaired bracket or quote: " + " ".join(bad), chars=bad)
            )
        return out


CHECK = BracketCheck()
