"""QA check ``untranslated``: a hypothesis segment left in the source language.

Flagged (severity ``error``) when

- the target is en or ru and more than :data:`MAX_ARABIC_SHARE` (50%) of its letters are in
  Arabic script (Persian left as is); or
- the target is ar and Persian-only letters (پ چ ژ گ ک ی, see :mod:`xling.score.qa.scripts`) are
  at least :data:`MIN_PERSIAN_SHARE` (5%) of its letters and at least two: Persian text is full of
  ی and ک, Arabic text has none; or
- the hypothesis equals the source after scoring normalization, case folding and removal of
  spaces and punctuation, and the source has a letter in its own script (so a line such as
  ``date 2025-10-15``, identical in every language, is not flagged).
"""

from __future__ import annotations

from xling.score.normalization import normalize_for_scoring
from xling.score.qa.base import Context, Issue, Unit, issue
from xling.score.qa.scripts import LANG_SCRIPT, PERSIAN_ONLY, letters, script_of, script_share

CHECK_IDS = {"untranslated": "error"}
NEEDS_SOURCE = False
MAX_ARABIC_SHARE = 0.5
MIN_PERSIAN_SHARE = 0.05


def _key(text: str, lang: str) -> str:
    return "".join(c for c in normalize_for_scoring(text, lang).casefold() if c.isalnum())


def is_untranslated(hyp: str, src: str | None, tgt_lang: str, src_lang: str | None) -> str | None:
    """The reason ``hyp`` looks untranslated (a short phrase), or ``None``."""
    if not hyp.strip():
        return None
    if tgt_lang in ("en", "ru"):
        share = script_share(hyp, "arabic")
        if share > MAX_ARABIC_SHARE:
            return f"{share:.0%} of its letters are Arabic script"
    elif tgt_lang == "ar":
        ls = letters(hyp)
        persian = sum(1 for c in ls if c in PERSIAN_ONLY)
        if ls and persian >= 2 and persian / len(ls) >= MIN_PERSIAN_SHARE:
            return f"{persian / len(ls):.0%} of its letters are Persian-only (پ چ ژ گ ک ی)"
    if src is not None and src_lang:
        own = LANG_SCRIPT.get(src_lang)
        if any(script_of(c) == own for c in src) and _key(hyp, src_lang) == _key(src, src_lang):
            return "it is identical to the source"
    return None


def check(units: list[Unit], ctx: Context) -> list[Issue]:
    """One issue per unit whose hypothesis is still in the source language (``details.reason``)."""
    out = []
    for u in units:
        reason = is_untranslated(u.hyp_text, u.src_text, ctx.tgt_lang, ctx.src_lang)
        if reason:
            out.append(issue(u, "untranslated", "error", f"segment looks untranslated: {reason}", reason=reason))
    return out
