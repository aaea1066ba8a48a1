"""QA check ``untranslated``: a hypothesis segment left in the source language.

Flagged (severity ``error``) when

- the target is en or ru and at least :data:`MAX_ARABIC_SHARE` (half) of its letters are in
  Arabic script (Persian left as is), or it has at least two Persian function words (a Persian
  sentence into which English or Russian names were put, e.g. by glossary enforcement around an
  engine that left the rest untranslated), or it holds a run of at least
  :data:`MIN_FRAGMENT_WORDS` (4) Arabic-script words (a clause left untranslated inside a
  translated line; one or two words, such as a name, get a ``foreign-script`` warning); or
- the target is ar and it has Persian function words (:data:`PERSIAN_FUNCTION_WORDS`, such as
  است، را، که، از، می، برای, which Arabic does not use): at least two, or one when Persian-only
  letters (پ چ ژ گ ک ی, see :mod:`xling.score.qa.scripts`) are also at least
  :data:`MIN_PERSIAN_SHARE` (5%) of its letters and at least two. Letters alone do not make a
  segment untranslated: Arabic typed on a Persian keyboard (ی for ي, ک for ك) or with one name
  copied in Persian spelling is Arabic, and gets a ``foreign-script`` warning instead; or
- the hypothesis equals the source after scoring normalization, case folding and removal of
  spaces and punctuation, and the source has a word of its own script: two or more letters,
  not all capitals. So a line such as ``date 2025-10-15``, a line of Persian or Arabic-Indic
  digits (``۱۴۰۴``, ``۲۵٪``: digits are not letters), and codes kept as they are (``F1``,
  ``G20``, ``I``, ``NATO``) are not flagged.
"""

from __future__ import annotations

import re
from typing import ClassVar

from xling.lang import get as get_language
from xling.lang import script_of_language
from xling.score.normalization import normalize_for_scoring
from xling.score.qa.base import Check, Context, Issue, Unit, issue
from xling.score.qa.scripts import ARABIC_RUN, PERSIAN_ONLY, letters, script_of, script_share
from xling.text.keys import ZWNJ

MAX_ARABIC_SHARE = 0.5
MIN_PERSIAN_SHARE = 0.05
MIN_FRAGMENT_WORDS = 4
#: Persian words that are not Arabic words (:attr:`xling.lang.LanguageData.distinctive_function_words`).
PERSIAN_FUNCTION_WORDS = get_language("fa").distinctive_function_words
_WORD = re.compile(r"[^\W\d_]+")


def persian_function_words(text: str) -> int:
    """How many words of ``text`` are :data:`PERSIAN_FUNCTION_WORDS`."""
    fold = text.replace("ي", "ی").replace("ك", "ک").replace(ZWNJ, " ")
    return sum(1 for w in _WORD.findall(fold) if w in PERSIAN_FUNCTION_WORDS)


def _has_word(text: str, script: str | None) -> bool:
    """True when ``text`` has a word in ``script``: two or more letters, not all capitals (not a code)."""
    return any(len(w) >= 2 and not w.isupper() and script_of(w[0]) == script for w in _WORD.findall(text))


def _longest_arabic_run(text: str) -> str:
    """The Arabic-script run of ``text`` with the most words (``""`` for none)."""
    return max((m.group() for m in ARABIC_RUN.finditer(text)), key=lambda r: len(r.split()), default="")


def _key(text: str, lang: str) -> str:
    return "".join(c for c in normalize_for_scoring(text, lang).casefold() if c.isalnum())


def is_untranslated(hyp: str, src: str | None, tgt_lang: str, src_lang: str | None) -> str | None:
    """The reason ``hyp`` looks untranslated (a short phrase), or ``None``."""
    if not hyp.strip():
        return None
    if tgt_lang in ("en", "ru"):
        share = script_share(hyp, "arabic")
        if share >= MAX_ARABIC_SHARE:
            return f"{share:.0%} of its letters are Arabic script"
        words = persian_function_words(hyp)
        if words >= 2:
            return f"it has {words} Persian function words (است، را، که، از ...)"
        run = _longest_arabic_run(hyp)
        if len(run.split()) >= MIN_FRAGMENT_WORDS:
            return f"a fragment of {len(run.split())} Arabic-script words is left: {run}"
    elif tgt_lang == "ar":
        ls = letters(hyp)
        persian = sum(1 for c in ls if c in PERSIAN_ONLY)
        words = persian_function_words(hyp)
        if words >= 2:
            return f"it has {words} Persian function words (است، را، که، از ...)"
        if words and ls and persian >= 2 and persian / len(ls) >= MIN_PERSIAN_SHARE:
            return f"{persian / len(ls):.0%} of its letters are Persian-only (پ چ ژ گ ک ی)"
    if src is not None and src_lang:
        own = script_of_language(src_lang)
        if _has_word(src, own) and _key(hyp, src_lang) == _key(src, src_lang):
            return "it is identical to the source"
    return None


class UntranslatedCheck(Check):
    """Hypothesis segments still in the source language. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"untranslated": "error"}

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit whose hypothesis is still in the source language (``details.reason``)."""
        out = []
        for u in units:
            reason = is_untranslated(u.hyp_text, u.src_text, ctx.tgt_lang, ctx.src_lang)
            if reason:
                out.append(issue(u, "untranslated", "error", f"segment looks untranslated: {reason}", reason=reason))
        return out


CHECK = UntranslatedCheck()
