"""Pivot translation: reach a target through an intermediate language (English) when no direct
package is installed, and share the pivot leg between targets.

A *route* is the list of language codes a text passes through, e.g. ``["fa", "en", "ru"]``.
:func:`plan_routes` picks, for every target, the direct package when installed and otherwise
the two legs through the pivot. :func:`run_routes` runs every distinct leg once: when ru and ar
both go through en (or en is itself a target), fa→en is translated once and its output reused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xling.errors import ModelMissingError
from xling.mt.engine import Engine, ProgressCallback

Route = list[str]


def _installed_pairs() -> set[tuple[str, str]]:
    from xling.mt.packages import installed_packages

    return {(p.from_code, p.to_code) for p in installed_packages()}


def plan_route(from_code: str, to_code: str, *, pivot: str = "en", pairs: set[tuple[str, str]] | None = None) -> Route:
    """The route for one pair: ``[from, to]`` if installed, else ``[from, pivot, to]``.

    Args:
        pairs: installed (from, to) pairs; default: read the installed packages.

    Raises:
        ModelMissingError: neither route is fully installed.
    """
    return plan_routes(from_code, [to_code], pivot=pivot, pairs=pairs)[to_code]


def plan_routes(
    from_code: str, targets: list[str], *, pivot: str = "en", pairs: set[tuple[str, str]] | None = None
) -> dict[str, Route]:
    """Routes for every target language, checked before any work is done.

    Returns:
        target code → route (list of language codes, first ``from_code``, last the target).

    Raises:
        ModelMissingError: one message naming every missing pair and both ways to install them.
    """
    if pairs is None:
        pairs = _installed_pairs()
    routes: dict[str, Route] = {}
    missing: list[tuple[str, str]] = []
    direct_alternatives: list[str] = []
    for to_code in targets:
        if to_code == from_code:
            raise ModelMissingError(f"target {to_code} is the source language; drop it from --to")
        if (from_code, to_code) in pairs:
            routes[to_code] = [from_code, to_code]
        elif pivot not in (from_code, to_code) and (from_code, pivot) in pairs and (pivot, to_code) in pairs:
            routes[to_code] = [from_code, pivot, to_code]
        else:
            # Advise the missing legs through the pivot: Argos publishes mostly xx↔en packages, so
            # fa→ru and fa→ar rarely exist, and fa→en is needed anyway when en is a target. A direct
            # package is named as the alternative.
            if pivot not in (from_code, to_code):
                need = [leg for leg in [(from_code, pivot), (pivot, to_code)] if leg not in pairs]
                direct_alternatives.append(f"{from_code}→{to_code}")
            else:
                need = [(from_code, to_code)]
            missing.extend(leg for leg in need if leg not in missing)
    if missing:
        names = ", ".join(f"{a}→{b}" for a, b in missing)
        how = "; ".join(f"`xling models install {a} {b}`" for a, b in missing)
        if direct_alternatives:
            how += f" (or a direct {', '.join(direct_alternatives)} package where one exists)"
        err = ModelMissingError(
            f"no model installed for {names} (needed for {from_code}→{','.join(targets)}, directly or through {pivot}); "
            f"install online with {how}, or offline with `xling models install FILE.argosmodel`"
        )
        err.missing = missing  # type: ignore[attr-defined]
        raise err
    return routes


def legs_of(routes: dict[str, Route]) -> list[tuple[str, str]]:
    """Distinct legs of ``routes`` in an order where each leg's source is ready before it runs."""
    legs: list[tuple[str, str]] = []
    for route in routes.values():
        for leg in zip(route, route[1:]):
            if leg not in legs:
                legs.append(leg)
    return sorted(legs, key=lambda leg: min(r.index(leg[0]) for r in routes.values() if leg[0] in r))


def run_routes(
    texts: list[str],
    routes: dict[str, Route],
    engines: dict[tuple[str, str], Engine],
    *,
    beam_size: int | None = None,
    progress: Callable[[tuple[str, str]], ProgressCallback | None] | None = None,
) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Translate ``texts`` along every route, running each distinct leg exactly once.

    Args:
        texts: source segments.
        routes: from :func:`plan_routes`.
        engines: one loaded engine per leg (``(from, to)`` → engine).
        progress: given a leg, returns a progress callback for it (or None).

    Returns:
        (target code → output segments, the legs in the order they ran).
    """
    by_lang: dict[str, list[str]] = {}
    if routes:
        by_lang[next(iter(routes.values()))[0]] = texts
    ran: list[tuple[str, str]] = []
    for leg in legs_of(routes):
        cb = progress(leg) if progress else None
        by_lang[leg[1]] = engines[leg].translate_batch(by_lang[leg[0]], beam_size=beam_size, on_progress=cb)
        ran.append(leg)
    return {target: by_lang[target] for target in routes}, ran


class PivotEngine:
    """A chain of engines (e.g. fa→en then en→ru) behind the :class:`~xling.mt.engine.Engine` interface."""

    def __init__(self, legs: list[Engine]) -> None:
        if not legs:
            raise ValueError("a pivot needs at least one engine")
        self.legs = legs
        self.from_code = legs[0].from_code
        self.to_code = legs[-1].to_code

    def models(self) -> list[dict[str, Any]]:
        """The models of every leg, in order."""
        return [m for leg in self.legs for m in leg.models()]

    def translate_batch(
        self, texts: list[str], *, beam_size: int | None = None, on_progress: ProgressCallback | None = None
    ) -> list[str]:
        """Run each leg over all ``texts`` in turn; progress is reported for the last leg."""
        for leg in self.legs[:-1]:
            texts = leg.translate_batch(texts, beam_size=beam_size)
        return self.legs[-1].translate_batch(texts, beam_size=beam_size, on_progress=on_progress)
