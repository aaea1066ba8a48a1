"""QA check ``foreign-script``: text in a script the target language does not use.

- en and ru: Arabic-script runs (Persian or Arabic words left in the output), severity
  ``warning``; en also flags Cyrillic runs.
- ar: words with Persian-only letters, severity ``warning``. ک (U+06A9) and ی (U+06CC) are
  Persian code points where Arabic writes ك and ي; پ چ ژ گ are not Modern Standard Arabic
  letters (some transliterations use them, so a reviewer decides; the reference translations
  write إيغور, not ایگور).

A unit already flagged ``untranslated`` is not flagged again.
"""

from __future__ import annotations

from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue
from xling.score.qa.scripts import ARABIC_RUN, CYRILLIC_RUN, PERSIAN_ONLY_WORD
from xling.score.qa.untranslated import is_untranslated


def find_foreign(text: str, tgt_lang: str) -> list[str]:
    """Foreign-script spans of ``text`` for target ``tgt_lang`` (list of str, in order)."""
    if tgt_lang in ("en", "ru"):
        spans = [m.group() for m in ARABIC_RUN.finditer(text)]
        if tgt_lang == "en":
            spans += [m.group() for m in CYRILLIC_RUN.finditer(text)]
        return spans
    if tgt_lang == "ar":
        return [m.group() for m in PERSIAN_ONLY_WORD.finditer(text)]
    return []


class ForeignScriptCheck(Check):
    """Text in a script the target language does not use. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"foreign-script": "warning"}

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per unit with foreign-script spans (``details.spans``)."""
        out = []
        for u in units:
            if is_untranslated(u.hyp_text, u.src_text, ctx.tgt_lang, ctx.src_lang):
                continue
            spans = find_foreign(u.hyp_text, ctx.tgt_lang)
            if spans:
                out.append(
                    issue(
                        u,
                        "foreign-script",
                        "warning",
                        "foreign script in the target: " + ", ".join(spans[:5]),
                        spans=spans,
                    )
                )
        return out


CHECK = ForeignScriptCheck()
