"""Per-language data for the QA checks (number words), one module per language as spaCy's
``lang/<code>``: each defines ``number_words() -> dict[str, int]`` (additive values),
``multipliers() -> dict[str, int]`` (hundred, thousand, million...), ``CONNECTORS`` (words
allowed inside a number, such as "and" or و), ``CLITICS`` (prefixes split off a word
before lookup, such as Arabic و) and optionally ``AMBIGUOUS`` (number words that, alone, are
more often something else and so are not required to match)."""

from __future__ import annotations

import importlib

LANGS = ("en", "fa", "ru", "ar")


def load(lang: str):
    """The data module for ``lang`` (en, fa, ru, ar), or ``None`` for other languages."""
    if lang not in LANGS:
        return None
    return importlib.import_module(f"xling.score.qa.lang.{lang}")
