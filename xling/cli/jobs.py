"""The translation settings of ``xling translate`` and ``xling batch translate``, built once from
their shared options (one reading of --to, --engine/--routes, --pivot and --glossary)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from xling.pipeline import TranslateConfig


def split_langs(value: str) -> list[str]:
    """``"en, ru,en"`` → ``["en", "ru"]`` (lower case, order kept, duplicates dropped).

    Raises:
        UsageError: no code given.
    """
    from xling.errors import UsageError

    langs = [c.strip().lower() for c in value.split(",") if c.strip()]  # Argos codes are lower case
    if not langs:
        raise UsageError(f"--to {value!r}: give target language codes, e.g. --to en,ru,ar")
    return list(dict.fromkeys(langs))


def translate_config(
    *,
    from_code: str,
    to: str,
    beam_size: int | None,
    engine: str | None,
    routes: str | None,
    pivot: str | None,
    max_batch_tokens: int,
    join_lines: bool,
    glossary: str | Path | None,
    no_glossary: bool,
) -> TranslateConfig:
    """A :class:`~xling.pipeline.TranslateConfig` from the translate options.

    Raises:
        UsageError: an unknown engine kind, --engine with --routes, --glossary with --no-glossary,
            no target code. InputError: a bad routes config (file and line named).
    """
    from xling.errors import UsageError
    from xling.mt.routes import ENGINE_KINDS, find_routes_config
    from xling.pipeline import HOUSE_GLOSSARY, TranslateConfig

    if engine is not None and engine not in ENGINE_KINDS:
        raise UsageError(f"--engine {engine!r}: choose one of {', '.join(ENGINE_KINDS)}")
    if engine is not None and routes is not None:
        raise UsageError("give --engine KIND (every leg) or --routes FILE (per target), not both")
    if no_glossary and glossary:
        raise UsageError("give --glossary PATH or --no-glossary, not both")
    routes_config = None if engine else find_routes_config(routes)
    return TranslateConfig(
        from_code=from_code.strip().lower(),
        targets=tuple(split_langs(to)),
        beam_size=beam_size,
        engine=engine,
        routes=str(routes_config.path) if routes_config else None,
        pivot=(pivot or (routes_config.pivot if routes_config else None) or "en").strip().lower(),
        max_batch_tokens=max_batch_tokens,
        join_lines=join_lines,
        glossary=None if no_glossary else (str(glossary) if glossary else HOUSE_GLOSSARY),
    )
