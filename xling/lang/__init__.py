"""Per-language data: one module per language code, one typed record (:class:`LanguageData`).

Owns: the *data* every algorithm of xling reads for a language, in the manner of spaCy's
``lang/<code>/`` folders: abbreviations and initials (segmentation), number words (QA),
function words, clitics and proclitics, Russian case endings and preposition cases (glossary
enforcement), Persian affixes and cue words (ZWNJ restoration), the script and the article
(alignment anchors). Modules: :mod:`xling.lang.fa`, :mod:`~xling.lang.en`, :mod:`~xling.lang.ru`,
:mod:`~xling.lang.ar`, :mod:`~xling.lang.de`, :mod:`~xling.lang.fr`; each defines ``DATA``.

Leaves to others: every algorithm (the segmenter, ZWNJ restorer, matchers, enforcement, QA
checks and aligner live in their own packages and only read this data), and character classes
and comparison keys, which are :mod:`xling.text.keys`.

Nothing is loaded at import: :func:`get` imports a language's module on first use.
"""

from __future__ import annotations

import importlib

from xling.errors import InputError
from xling.lang.base import LanguageData, ZwnjAffixes

__all__ = ["LANGUAGES", "LanguageData", "ZwnjAffixes", "find", "get", "refuse_other_script", "script_of_language"]

#: Language codes with a data module.
LANGUAGES = ("fa", "en", "ru", "ar", "de", "fr")

#: Main script of languages xling has no data module for (aligner anchors compare their words).
_OTHER_SCRIPTS = {"ur": "arabic", "ps": "arabic", "uk": "cyrillic", "bg": "cyrillic"}


def find(lang: str) -> LanguageData | None:
    """The :class:`LanguageData` of ``lang``, or ``None`` when xling has no module for it."""
    if lang not in LANGUAGES:
        return None
    return importlib.import_module(f"xling.lang.{lang}").DATA


def get(lang: str, supported: tuple[str, ...] = LANGUAGES) -> LanguageData:
    """The :class:`LanguageData` of ``lang``, which must be one of ``supported``.

    Args:
        lang: ISO 639-1 code.
        supported: the codes the caller handles (default: every module, :data:`LANGUAGES`).

    Raises:
        InputError: ``lang`` is not in ``supported``; the message lists the supported codes.
    """
    data = find(lang) if lang in supported else None
    if data is None:
        raise InputError(f"unsupported language {lang!r}; use one of: {', '.join(supported)}")
    return data


def script_of_language(lang: str, default: str = "latin") -> str:
    """The main script of ``lang`` (``arabic``, ``latin``, ``cyrillic``); ``default`` if unknown."""
    data = find(lang)
    if data is not None:
        return data.script
    return _OTHER_SCRIPTS.get(lang, default)


#: A language of each script, for the fix an error message suggests.
_LANGUAGE_OF_SCRIPT = {"latin": "en", "cyrillic": "ru", "arabic": "fa or ar"}


def refuse_other_script(
    text: str, lang: str, *, name: str, claim: str, fix: str, allowed: tuple[str, ...] = ()
) -> None:
    """Raise :class:`InputError` when the letters of ``text`` are mostly in a script that is neither
    the script of ``lang`` nor one of ``allowed`` (script names of :func:`xling.text.keys.script_of`):
    a Russian file given as ``--lang en``, an English file given as the Persian source.

    Args:
        text: the file's text; name: the file, for the message.
        claim: what says the text is ``lang`` (``"--lang en"``, ``"the glossary's source language fa"``).
        fix: the fix the message ends with; ``{lang}`` in it is replaced by the language the
            script suggests.
        allowed: further scripts that are no error (the source language's, for untranslated text).

    Raises:
        InputError: ``NAME: its letters are mostly Cyrillic script, but --lang en means
        Latin script; FIX``.
    """
    from xling.text.keys import main_script

    found = main_script(text)
    expected = script_of_language(lang)
    if found is None or found == expected or found in allowed:
        return
    raise InputError(
        f"{name}: its letters are mostly {found.capitalize()} script, but {claim} means "
        f"{expected.capitalize()} script; {fix.format(lang=_LANGUAGE_OF_SCRIPT[found])}"
    )
