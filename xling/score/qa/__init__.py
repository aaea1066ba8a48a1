"""Reference-free QA checks, one module per check (the Xbench / Okapi CheckMate kind).

Every check module has ``CHECK_IDS`` (stable id → default severity), ``NEEDS_SOURCE`` and
``check(units, ctx) -> list[Issue]``. :data:`CHECK_MODULES` lists them in report order;
:func:`all_check_ids` gives every id (the ``check`` enum of ``schema.json``).
"""

from __future__ import annotations

import importlib

CHECK_MODULES = (
    "segments",
    "untranslated",
    "foreign_script",
    "placeholders",
    "numbers",
    "length_ratio",
    "repeated",
    "brackets",
    "terms",
)


def load_checks():
    """The check modules, in :data:`CHECK_MODULES` order."""
    return [importlib.import_module(f"xling.score.qa.{name}") for name in CHECK_MODULES]


def all_check_ids() -> dict[str, str]:
    """Every stable check id with its default severity, in report order."""
    ids: dict[str, str] = {}
    for mod in load_checks():
        ids.update(mod.CHECK_IDS)
    return ids
