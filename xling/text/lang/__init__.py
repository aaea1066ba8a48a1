"""Per-language data (spaCy style: one module per language code).

Each module ``xling.text.lang.<code>`` defines:

- ``ABBREVIATIONS``: abbreviations that end with a full stop and do not end a sentence
  (``frozenset[str]``, written with their final ``.``; matched case-sensitively and, for
  Latin/Cyrillic, also lower-cased);
- ``INITIAL_LETTERS``: letters that, alone and followed by ``.``, are a person's initial
  (``str``); an initial never ends a sentence;
- ``NUMBER_ABBREVIATIONS``: abbreviations that stay with the number that follows (``p. 5``);
- ``WEAK_ABBREVIATIONS``: abbreviations that may also end a sentence (``etc.``, ``г.``);
- optional ``CONTINUATION_WORDS``: words that never open a sentence, so a quoted sentence
  followed by one continues (``«چرا؟» و رفت``); languages with letter case rely on the
  lower-case letter instead;
- optional ``DATE_PREPOSITIONS``: prepositions that open a date phrase (``В 2025 г.``), which is
  not a sentence of its own.

:func:`get_lang_data` returns the module for a code, raising ``InputError`` for an unknown one.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from xling.errors import InputError

SUPPORTED = ("fa", "en", "ru", "ar")


def get_lang_data(lang: str) -> ModuleType:
    """Return ``xling.text.lang.<lang>`` (one of :data:`SUPPORTED`).

    Raises:
        InputError: ``lang`` is not supported; the message lists the supported codes.
    """
    if lang not in SUPPORTED:
        raise InputError(f"unsupported language {lang!r}; use one of: {', '.join(SUPPORTED)}")
    return importlib.import_module(f"xling.text.lang.{lang}")
