"""Letter variants of the Arabic script: one canonical spelling per language, for output text.

:func:`unify_letters` is for output text: it changes only letters that have a canonical
variant in the language and never touches Latin, digits, punctuation, tanwin (``ـً``) or hamza
(``ؤ``, ``أ``, ``ئ``), so it preserves length in characters. With ``keep_protected=True`` it also
leaves URLs and e-mail addresses whole (:mod:`xling.text.protect`).

- ``fa``: ``ي`` (U+064A) and ``ى`` (U+0649) → ``ی`` (U+06CC); ``ك`` (U+0643) → ``ک`` (U+06A9);
  ``ە`` (U+06D5, Kurdish ae) → ``ه`` (U+0647). Persian typography after ISIRI 6219.
- ``ar``: ``ی`` (U+06CC) → ``ي``; ``ک`` (U+06A9) → ``ك``. Final ``ى`` is kept (it is Arabic).
- other languages: unchanged.

The comparison key :func:`xling.text.keys.fold` starts from the same tables
(:data:`xling.text.keys.LETTER_TABLES`).
"""

from __future__ import annotations

from xling.text.keys import LETTER_TABLES


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
    table = LETTER_TABLES.get(lang)
    if not table:
        return text
    if not keep_protected:
        return text.translate(table)
    from xling.text.protect import split_protected

    return "".join(piece if protected else piece.translate(table) for _, piece, protected in split_protected(text))
