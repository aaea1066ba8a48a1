"""The normalization applied to hypothesis and reference before scoring.

sacrebleu compares strings: orthographic variants that a reader does not see count as different
words (می‌گوید vs میگوید, ي vs ی, ۸۰ vs 80). xling removes them the same way on both sides and
records what it did in every report (``normalization`` in the JSON output), so a score can be
reproduced.

Steps, in order (the names are the ones recorded):

1. ``nfc``: Unicode NFC composition.
2. ``zwnj-remove``: ZERO WIDTH NON-JOINER (U+200C) removed, so joined and ZWNJ spellings agree.
3. ``unify-letters``: :func:`xling.text.orthography.unify_letters` for the target language
   (ar: ی→ي, ک→ك; fa: ي→ی, ك→ک; en and ru are left alone by it).
4. ``digits-ascii``: :func:`xling.text.digits.to_ascii_digits` (۰-۹, ٠-٩, ٫, ٬ → ASCII).

Case, punctuation, harakat and spacing are kept: the metric's own tokenizer handles them.

The letter and digit steps are the text helpers' (:mod:`xling.text`), so scoring, glossary matching and
alignment agree on what counts as the same spelling.
"""

from __future__ import annotations

import unicodedata

from xling.text.digits import to_ascii_digits
from xling.text.keys import ZWNJ
from xling.text.orthography import unify_letters

NORMALIZATION_VERSION = "1"
STEPS = ("nfc", "zwnj-remove", "unify-letters", "digits-ascii")


def normalize_for_scoring(text: str, lang: str) -> str:
    """Normalize one segment of ``lang`` text for scoring (steps in the module docstring).

    Args:
        text: a hypothesis or reference segment.
        lang: ISO 639-1 code of the text (en, ru, ar, fa).

    Returns:
        The normalized text (length may change: ZWNJ is removed).
    """
    text = unicodedata.normalize("NFC", text).replace(ZWNJ, "")
    return to_ascii_digits(unify_letters(text, lang))


def normalization_record(lang: str) -> dict:
    """The JSON-ready description of the normalization used for ``lang``.

    Returns:
        ``{"version": str, "steps": [str], "lang": str}``.
    """
    return {"version": NORMALIZATION_VERSION, "steps": list(STEPS), "lang": lang}


def normalization_signature(lang: str) -> str:
    """xling's part of a printed signature, appended to sacrebleu's after a ``|``.

    sacrebleu's signature records its own settings only; the same signature over text that xling
    normalized and over raw text would hide why the scores differ (Eastern Arabic digits: 96.94
    against 91.87). Format ``xling-norm:v<version>,<step>,...`` with ``unify-letters-<lang>``,
    e.g. ``xling-norm:v1,nfc,zwnj-remove,unify-letters-ar,digits-ascii``.
    """
    steps = [f"{s}-{lang}" if s == "unify-letters" else s for s in STEPS]
    return f"xling-norm:v{NORMALIZATION_VERSION}," + ",".join(steps)
