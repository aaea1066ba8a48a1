"""Reference-free QA checks, one module per check (the Xbench / Okapi CheckMate kind).

Every check module holds one :class:`~xling.score.qa.base.Check` subclass and its instance
``CHECK`` (stable ``ids`` → default severity, ``needs_source``, ``applies(ctx)``,
``run(units, ctx)``). :data:`CHECK_MODULES` lists them in report order; :func:`run_all` runs
those that apply; :func:`all_check_ids` gives every id (the ``check`` enum of ``schema.json``).
"""

from __future__ import annotations

import importlib

from xling.score.qa.base import Check, Context, Issue, Unit

CHECK_MODULES = (
    "segments",
    "omission",
    "untranslated",
    "foreign_script",
    "placeholders",
    "numbers",
    "length_ratio",
    "repeated",
    "brackets",
    "bracket_source",
    "markup",
    "terms",
)


def load_checks() -> list[Check]:
    """The checks, in :data:`CHECK_MODULES` order (modules imported on first call)."""
    return [importlib.import_module(f"xling.score.qa.{name}").CHECK for name in CHECK_MODULES]


def all_check_ids() -> dict[str, str]:
    """Every stable check id with its default severity, in report order."""
    ids: dict[str, str] = {}
    for check in load_checks():
        ids.update(check.ids)
    return ids


def run_all(units: list[Unit], ctx: Context) -> tuple[list[str], list[Issue]]:
    """Run every check that applies in ``ctx`` on ``units``.

    Returns:
        ``(check_ids, issues)``: the ids of the checks that ran, in report order, and their
        issues in document order (stable: check order within a unit). A unit's position is
        its index in ``units``.
    """
    ran: list[str] = []
    issues: list[Issue] = []
    for check in load_checks():
        if check.applies(ctx):
            ran.extend(check.ids)
            issues.extend(check.run(units, ctx))
    position = {(u.hyp, u.src): n for n, u in enumerate(units)}
    issues.sort(key=lambda i: position.get((i.hyp, i.src), len(units)))
    return ran, issues
