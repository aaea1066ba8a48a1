"""Letter variants of the Arabic script: one canonical spelling per language, and a fold key.

:func:`unify_letters` is for output text: it changes only letters that have a canonical
variant in the language and never touches Latin, digits, punctuation, tanwin (``ـً``) or hamza
(``ؤ``, ``أ``, ``ئ``), so it preserves length in characters. With ``keep_protected=True`` it also
leaves URLs and e-mail addresses whole (:mod:`xling.text.protect`).

- ``fa``: ``ي`` (U+064A) and ``ى`` (U+0649) → ``ی`` (U+06CC); ``ك`` (U+0643) → ``ک`` (U+06A9);
  ``ە`` (U+06D5, Kurdish ae) → ``ه`` (U+0647). Persian typography after ISIRI 6219.
- ``ar``: ``ی`` (U+06CC) → ``ي``; ``ک`` (U+06A9) → ``ك``. Final ``ى`` is kept (it is Arabic).
- other languages: unchanged.

:func:`fold` builds a comparison key for matching and scoring (not for output; it changes length):
letters unified as above, then for both ``fa`` and ``ar`` ``ة`` → ``ه``, ``ۀ`` → ``ه``,
``أ إ آ ٱ`` kept for ``fa`` except ``أ إ ٱ`` → ``ا`` (``آ`` is a distinct Persian letter),
``ؤ`` → ``و``, ``ئ``/``ء`` kept; harakat (U+064B-U+065F, U+0670) and tatweel (U+0640) removed;
digits to ASCII; ZWNJ (U+200C) removed so ``می‌گوید`` and ``میگوید`` fold alike, and so do
``آن‌ها``/``آنها``; other zero-width marks (U+200B, U+200D, U+200E, U+200F, U+FEFF) removed;
runs of whitespace become one space and the key is stripped; Latin and Cyrillic are case-folded.
"""

from __future__ import annotations

import re

from xling.text.digits import to_ascii_digits

ZWNJ = "\u200c"

_FA_TABLE = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u06d5": "\u0647"})
_AR_TABLE = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})
_TABLES = {"fa": _FA_TABLE, "ar": _AR_TABLE}

#: Arabic-script diacritics (harakat, tanwin, superscript alef), as the body of a regex character
#: class; every module that strips or skips them builds its pattern from this one definition.
HARAKAT = "\u064b-\u065f\u0670"
#: Tatweel (kashida), the Arabic-script letter-stretching character.
TATWEEL = "\u0640"

_HARAKAT_RE = re.compile(f"[{HARAKAT}{TATWEEL}\u200b-\u200f\ufeff]")
_FOLD_FA = str.maketrans(
    {
        "\u0629": "\u0647",
        "\u06c0": "\u0647",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0671": "\u0627",
        "\u0624": "\u0648",
    }
)
_FOLD_AR = str.maketrans(
    {
        "\u0629": "\u0647",
        "\u06c0": "\u0647",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0671": "\u0627",
        "\u0622": "\u0627",
        "\u0624": "\u0648",
        "\u0649": "\u064a",
    }
)
_SPACE_RE = re.compile(r"\s+")


def unify_letters(text: str, lang: str, *, keep_protected: bool = False) -> str:
    """Return ``text`` with Arabic-script letter variants in ``lang``'s canonical form.

    Args:
        text: any string.
        lang: language code; ``fa`` and ``ar`` have tables, others return ``text`` unchanged.
        keep_protected: leave URLs and e-mail addresses
            (:func:`xling.text.protect.protected_spans`) byte-identical, as
            :func:`xling.text.normalize.normalize` does. ``normalize(t, "fa")`` with every U+200C
            it added removed equals ``unify_letters(t, "fa", keep_protected=True)``.

    Returns:
        A string of the same length (characters) as ``text``.
    """
    table = _TABLES.get(lang)
    if not table:
        return text
    if not keep_protected:
        return text.translate(table)
    from xling.text.protect import split_protected

    return "".join(piece if protected else piece.translate(table) for _, piece, protected in split_protected(text))


def fold(text: str, lang: str) -> str:
    """Return a comparison key for ``text`` in ``lang`` (see the module docstring for the rules).

    Two strings that differ only in ZWNJ, Arabic/Persian letter variants, harakat, tatweel,
    digit set, whitespace runs or letter case have the same key. Length-changing: do not use
    its offsets on the original text.

    Args:
        text: any string.
        lang: language code; ``fa`` and ``ar`` fold their letter variants, every language
            gets the ZWNJ, harakat, digit, space and case folds.

    Returns:
        The key (str): ASCII digits, single spaces, stripped, :meth:`str.casefold`-ed.
    """
    text = unify_letters(text, lang)
    if lang == "fa":
        text = text.translate(_FOLD_FA)
    elif lang == "ar":
        text = text.translate(_FOLD_AR)
    text = _HARAKAT_RE.sub("", text).replace(ZWNJ, "")
    text = to_ascii_digits(text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text.casefold()
