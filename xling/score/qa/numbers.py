"""QA check ``number-mismatch``: the numbers of the source and the hypothesis differ.

Numbers are read by :func:`xling.score.qa.numerals.find_numbers` (digits in any script, number
words in fa/en/ru/ar), so ۸۰ = 80 and چهار هزار = four thousand = 4,000 = четыре тысячи =
أربعة آلاف, while 1944 ≠ 1945. Sets are compared, as Xbench's numeric mismatch does: every
*significant* number on one side (digits, or number words of 11 or more) must occur, as digits
or words, on the other side. Inline markup (``{1}``, ``%1$s``: :mod:`xling.score.qa.markup`) is
not read for numbers. Severity ``error``.
"""

from __future__ import annotations

from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue
from xling.score.qa.markup import MARKUP
from xling.score.qa.numerals import find_numbers


def _fmt(v: float) -> str:
    return str(int(v)) if v.is_integer() else str(v)


class NumberCheck(Check):
    """Numbers of the source missing from the hypothesis, or added. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"number-mismatch": "error"}
    needs_source = True

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit whose source and hypothesis numbers differ.

        ``details``: ``{"missing": [numbers in the source only], "unexpected": [in the hypothesis only]}``
        (as strings, e.g. ``"1944"``).
        """
        out = []
        for u in units:
            if u.src_text is None or not u.hyp or not u.src or not u.hyp_text.strip():
                continue
            src = find_numbers(MARKUP.sub(" ", u.src_text), ctx.src_lang or "fa")
            hyp = find_numbers(MARKUP.sub(" ", u.hyp_text), ctx.tgt_lang)
            src_all = {n.value for n in src}
            hyp_all = {n.value for n in hyp}
            missing = sorted({n.value for n in src if n.significant} - hyp_all)
            unexpected = sorted({n.value for n in hyp if n.significant} - src_all)
            if missing or unexpected:
                parts = []
                if missing:
                    parts.append("source has " + ", ".join(map(_fmt, missing)) + " but the hypothesis does not")
                if unexpected:
                    parts.append("hypothesis has " + ", ".join(map(_fmt, unexpected)) + " not in the source")
                out.append(
                    issue(
                        u,
                        "number-mismatch",
                        "error",
                        "; ".join(parts),
                        missing=[_fmt(v) for v in missing],
                        unexpected=[_fmt(v) for v in unexpected],
                    )
                )
        return out


CHECK = NumberCheck()
