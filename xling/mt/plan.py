"""The translation plan: each target's route and each leg's engine kind and model, from what is installed.

:func:`plan_translation` reads the installed Argos packages and model folders once
(:class:`Catalog`: metadata only, no model is loaded) and chooses, per target, the route and,
per leg, the engine kind and model, by ``--engine``, a routes config or automatically (see
:mod:`xling.mt.routes`). :func:`load_leg` then loads one leg's engine. A leg shared by
several routes appears once in :attr:`Plan.legs`, so it is translated once
(:func:`xling.mt.pivot.run_routes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xling.errors import ModelMissingError
from xling.mt.engine import Engine
from xling.mt.folder import FolderModel
from xling.mt.packages import InstalledPackage
from xling.mt.routes import AUTO_ORDER, RoutesConfig

Pair = tuple[str, str]


@dataclass(frozen=True)
class Leg:
    """One leg of a plan: ``from_code`` → ``to_code`` by engine ``kind`` with ``model``.

    Attributes:
        kind: an engine kind of :data:`xling.mt.routes.ENGINE_KINDS`.
        model: the Argos package (``argos``, ``argos-native``) or the model folder.
    """

    from_code: str
    to_code: str
    kind: str
    model: InstalledPackage | FolderModel

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    def describe(self) -> dict[str, Any]:
        """JSON-ready: ``pair``, ``name``, ``version``, ``test_model`` and ``engine``."""
        if isinstance(self.model, FolderModel):
            return self.model.describe(self.from_code, self.to_code)
        return dict(self.model.describe(), engine=self.kind)

    def label(self) -> str:
        """``fa→en  nllb  NAME VERSION  PATH`` plus a test-model note: one line of ``--plan``."""
        m = self.model
        version = m.version if isinstance(m, FolderModel) else m.package_version
        note = f"  [xling test model: {m.test_model}; output is not a translation]" if m.test_model else ""
        return f"{self.pair:<7} {self.kind:<12} {m.name} {version or '-'}  {m.path}{note}"


@dataclass
class Catalog:
    """The installed models (read once): Argos packages and model folders."""

    packages: list[InstalledPackage] = field(default_factory=list)
    folders: list[FolderModel] = field(default_factory=list)

    @classmethod
    def installed(cls) -> Catalog:
        """Read every installed package and model folder (invalid ones are skipped)."""
        from xling.mt.folder import installed_models
        from xling.mt.packages import installed_packages

        return cls(installed_packages(), installed_models())

    def model(self, kind: str, from_code: str, to_code: str) -> InstalledPackage | FolderModel | None:
        """The model of ``kind`` for the pair (Argos: highest version, real before test; folders: real first)."""
        if kind in ("argos", "argos-native"):
            from xling.mt.packages import best_package

            return best_package([p for p in self.packages if (p.from_code, p.to_code) == (from_code, to_code)])
        found = [m for m in self.folders if m.kind == kind and m.supports(from_code, to_code)]
        return sorted(found, key=lambda m: (m.test_model is not None, m.name))[0] if found else None

    def pairs(self, kinds: tuple[str, ...]) -> set[Pair]:
        """Every pair some model of ``kinds`` translates."""
        out = {(p.from_code, p.to_code) for p in self.packages} if {"argos", "argos-native"} & set(kinds) else set()
        for m in self.folders:
            if m.kind in kinds:
                out.update(m.pairs())
        return out

    def leg(self, kinds: tuple[str, ...], pair: Pair) -> Leg | None:
        """The leg for ``pair`` with the first of ``kinds`` that has a model for it."""
        for kind in kinds:
            model = self.model(kind, *pair)
            if model is not None:
                return Leg(pair[0], pair[1], kind, model)
        return None


@dataclass
class Plan:
    """Routes and legs of one translation job.

    Attributes:
        source: the source language.
        routes: target → language path (``["fa", "en", "ru"]``), in target order.
        legs: (from, to) → :class:`Leg`, each distinct leg once.
        config: the routes config used, if any.
    """

    source: str
    routes: dict[str, list[str]]
    legs: dict[Pair, Leg]
    config: RoutesConfig | None = None

    def route_legs(self, target: str) -> list[Leg]:
        """The legs of ``target``'s route, in order."""
        route = self.routes[target]
        return [self.legs[leg] for leg in zip(route, route[1:])]

    def describe(self) -> list[str]:
        """The lines ``xling translate --plan`` prints: one per target, then one per leg."""
        how = f"routes from {self.config.path}" if self.config else "installed models"
        lines = [f"plan: {self.source} → {', '.join(self.routes)} ({how})"]
        for target, route in self.routes.items():
            shared = [
                f"{a}→{b}"
                for a, b in zip(route, route[1:])
                if any((a, b) in zip(r, r[1:]) for t, r in self.routes.items() if t != target)
            ]
            note = f"  (shares {', '.join(shared)})" if shared and len(route) > 2 else ""
            lines.append(f"  {target}: {'→'.join(route)}{note}")
        lines.append("legs:")
        lines.extend(f"  {leg.label()}" for leg in self.legs.values())
        return lines


def _missing_error(
    source: str, targets: list[str], kinds: tuple[str, ...], exc: ModelMissingError
) -> ModelMissingError:
    """For a folder kind, restate plan_routes' Argos-worded error for model folders."""
    if set(kinds) & {"argos", "argos-native"}:
        return exc
    names = ", ".join(f"{a}→{b}" for a, b in getattr(exc, "missing", []))
    err = ModelMissingError(
        f"no {'/'.join(kinds)} model installed for {names} (needed for {source}→{','.join(targets)}); "
        "install a converted model folder with `xling models install DIR`, or choose another --engine"
    )
    err.missing = getattr(exc, "missing", [])  # type: ignore[attr-defined]
    return err


def _configured(source: str, config: RoutesConfig, targets: list[str], catalog: Catalog) -> dict[str, list[Leg]]:
    """The legs of every target the config has a rule for."""
    out: dict[str, list[Leg]] = {}
    for target in targets:
        rule = config.rules.get(target)
        if rule is None:
            continue
        route = [source, rule.via, target] if rule.via else [source, target]
        if len(set(route)) != len(route):
            raise ModelMissingError(
                f"{config.path}: line {rule.line}: route {'→'.join(route)} repeats a language; fix via"
            )
        legs = []
        for pair, kind in zip(zip(route, route[1:]), rule.engines):
            model = catalog.model(kind, *pair)
            if model is None:
                raise ModelMissingError(
                    f"{config.path}: line {rule.line}: no {kind} model is installed for {pair[0]}→{pair[1]}; "
                    f"install one (`xling models list` shows what is) or change [routes.{target}]"
                )
            legs.append(Leg(pair[0], pair[1], kind, model))
        out[target] = legs
    return out


def _add(legs: dict[Pair, Leg], leg: Leg, config: RoutesConfig | None) -> None:
    old = legs.get((leg.from_code, leg.to_code))
    if old is not None and old.kind != leg.kind:
        where = f"{config.path}: " if config else ""
        raise ModelMissingError(
            f"{where}the {leg.pair} leg is given two engines ({old.kind} and {leg.kind}); give one, so the pivot is translated once"
        )
    legs.setdefault((leg.from_code, leg.to_code), leg)


def plan_translation(
    source: str,
    targets: list[str],
    *,
    engine: str | None = None,
    config: RoutesConfig | None = None,
    pivot: str | None = None,
    catalog: Catalog | None = None,
) -> Plan:
    """Choose every target's route and every leg's engine and model (see :mod:`xling.mt.routes`).

    Args:
        engine: one kind for every leg (``--engine``); overrides the config.
        config: a routes config (ignored when ``engine`` is given).
        pivot: the pivot language; default the config's, else ``en``.
        catalog: the installed models; default :meth:`Catalog.installed`.

    Raises:
        ModelMissingError: a target is the source, or a leg has no model (exit status 2); one
            message naming every missing pair and how to install it.
    """
    from xling.mt.pivot import plan_routes

    catalog = catalog or Catalog.installed()
    config = None if engine else config
    pivot = pivot or (config.pivot if config else None) or "en"
    default_kinds = (engine,) if engine else ((config.engine,) if config and config.engine else AUTO_ORDER)
    fixed = _configured(source, config, targets, catalog) if config else {}
    legs: dict[Pair, Leg] = {}
    for target_legs in fixed.values():
        for leg in target_legs:
            _add(legs, leg, config)
    rest = [t for t in targets if t not in fixed]
    pairs = catalog.pairs(default_kinds) | set(legs)
    try:
        auto = plan_routes(source, rest, pivot=pivot, pairs=pairs) if rest else {}
    except ModelMissingError as exc:
        raise _missing_error(source, rest, default_kinds, exc) from None
    for route in auto.values():
        for pair in zip(route, route[1:]):
            if pair not in legs:
                found = catalog.leg(default_kinds, pair)
                assert found is not None  # plan_routes only uses pairs the catalog has
                legs[pair] = found
    routes = {t: ([source] + [leg.to_code for leg in fixed[t]]) if t in fixed else auto[t] for t in targets}
    return Plan(source=source, routes=routes, legs=legs, config=config)


def load_leg(leg: Leg, **options: Any) -> Engine:
    """Load the engine of ``leg`` (``options``: ``max_batch_tokens``, ``threads``, ... for CTranslate2 engines).

    Raises:
        ModelError: the model cannot be loaded.
    """
    if isinstance(leg.model, FolderModel):
        from xling.mt.folder_engines import load_folder_engine

        return load_folder_engine(leg.model, leg.from_code, leg.to_code, **options)
    from xling.mt.argos import ArgosEngine, ArgosNativeEngine

    if leg.kind == "argos-native":
        return ArgosNativeEngine(leg.from_code, leg.to_code, [leg.model])
    return ArgosEngine(leg.model, **options)
