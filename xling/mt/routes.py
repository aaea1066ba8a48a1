"""Routes: which engine kind and which installed model translates each leg of each target.

Three ways to choose, checked before any model loads (:func:`plan_translation`):

* ``--engine KIND``: every leg with one kind (:data:`ENGINE_KINDS`); direct when a model of that
  kind has the pair (an NLLB model translates fa→ru directly), else through the pivot.
* a routes config (``xling.toml`` in the working directory, or ``--routes FILE``), per target::

      pivot = "en"                  # optional (default en)
      engine = "argos"              # optional: the kind for targets not listed below

      [routes.en]
      engine = "nllb"               # fa→en with nllb

      [routes.ru]
      via = "en"                    # fa→en→ru; fa→en is the leg above, translated once
      engine = ["nllb", "argos"]    # one kind per leg (a single string: every leg)

      [routes.ar]
      engine = "nllb"               # fa→ar directly

* neither: per target, a direct model of any kind (searched in :data:`AUTO_ORDER`, Argos
  first), else the two legs through the pivot, each with the first kind that has it.

A leg shared by several routes has ONE engine (a config giving it two is refused), so the
pivot is translated once and reused. The config is parsed with :mod:`tomllib` (TOML 1.0);
every problem is one line naming the file, the line and the fix.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xling.errors import InputError

#: Engine kinds, as ``--engine`` and the routes config name them.
ENGINE_KINDS = ("argos", "argos-native", "opus-mt", "nllb", "m2m100")
#: The order kinds are tried in when neither ``--engine`` nor the config names one.
AUTO_ORDER = ("argos", "opus-mt", "nllb", "m2m100")
#: The routes config read from the working directory when ``--routes`` is not given.
CONFIG_NAME = "xling.toml"
_CODE_RE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class RouteRule:
    """One ``[routes.TARGET]`` table: the optional pivot language and one engine kind per leg."""

    target: str
    via: str | None
    engines: tuple[str, ...]
    line: int


@dataclass
class RoutesConfig:
    """A parsed routes config (see the module docstring).

    Attributes:
        path: the file (for messages).
        pivot: the pivot language (None: not set).
        engine: the kind for targets without a rule (None: automatic).
        rules: target code → :class:`RouteRule`.
    """

    path: Path
    pivot: str | None = None
    engine: str | None = None
    rules: dict[str, RouteRule] = field(default_factory=dict)


# ------------------------------------------------------------------------------ the config file


def _line_of(lines: list[str], table: str, key: str | None) -> int:
    """1-based line of ``key`` in ``[table]`` (or of the table header when ``key`` is None); 1 if not found."""
    current, header = "", 0
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if line.startswith("["):
            current = line.strip("[]").replace('"', "").replace("'", "").replace(" ", "")
            if current == table:
                header = n
            continue
        if key is not None and current == table and re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", line):
            return n
    if header:
        return header
    parent, _, last = table.rpartition(".")
    return _line_of(lines, parent, last) if last and table else 1


def _engine_name(value: Any, where: str) -> str:
    if value not in ENGINE_KINDS:
        raise InputError(f"{where}: unknown engine {value!r}; choose one of {', '.join(ENGINE_KINDS)}")
    return str(value)


def _code(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str) or not _CODE_RE.fullmatch(value):
        raise InputError(f"{where}: {what} {value!r} is not a language code; give one such as en")
    return value


def _rule(path: Path, lines: list[str], target: str, table: Any) -> RouteRule:
    at = f"{path}: line {_line_of(lines, f'routes.{target}', None)}"
    _code(target, at, "[routes.X] target")
    if not isinstance(table, dict):
        raise InputError(f'{at}: routes.{target} must be a table, e.g. [routes.{target}] with engine = "nllb"')
    for key in table:
        if key not in ("via", "engine"):
            line = _line_of(lines, f"routes.{target}", key)
            raise InputError(
                f"{path}: line {line}: unknown key {key!r} in [routes.{target}]; the keys are via and engine"
            )
    via = table.get("via")
    if via is not None:
        via = _code(via, f"{path}: line {_line_of(lines, f'routes.{target}', 'via')}", "via")
    if "engine" not in table:
        raise InputError(f'{at}: [routes.{target}] needs engine = "KIND" (one of {", ".join(ENGINE_KINDS)})')
    where = f"{path}: line {_line_of(lines, f'routes.{target}', 'engine')}"
    value = table["engine"]
    legs = 2 if via else 1
    if isinstance(value, list):
        if len(value) != legs:
            raise InputError(
                f"{where}: engine lists {len(value)} kinds for a route of {legs} leg(s); give {legs} or one string"
            )
        engines = tuple(_engine_name(v, where) for v in value)
    else:
        engines = (_engine_name(value, where),) * legs
    return RouteRule(target=target, via=via, engines=engines, line=_line_of(lines, f"routes.{target}", None))


def read_routes_config(path: str | os.PathLike[str]) -> RoutesConfig:
    """Parse and check the routes config ``path`` (nothing is loaded).

    Raises:
        InputError: unreadable file, TOML syntax, unknown key, engine or language code, or an
            engine list that does not match the route; one line naming the file and the line.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{p}: cannot read the routes config ({getattr(exc, 'strerror', None) or exc}); give --routes FILE"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"line {m.group(1)}" if m else "line ?"
        reason = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise InputError(
            f"{p}: {where}: not valid TOML ({reason}); fix the syntax (see the README's routes example)"
        ) from None
    lines = text.splitlines()
    config = RoutesConfig(path=p)
    for key in data:
        if key not in ("pivot", "engine", "routes"):
            raise InputError(
                f"{p}: line {_line_of(lines, '', key)}: unknown key {key!r}; the keys are pivot, engine and [routes.TARGET] tables"
            )
    if "pivot" in data:
        config.pivot = _code(data["pivot"], f"{p}: line {_line_of(lines, '', 'pivot')}", "pivot")
    if "engine" in data:
        config.engine = _engine_name(data["engine"], f"{p}: line {_line_of(lines, '', 'engine')}")
    routes = data.get("routes", {})
    if not isinstance(routes, dict):
        raise InputError(f"{p}: line {_line_of(lines, '', 'routes')}: routes must be tables, e.g. [routes.en]")
    for target, table in routes.items():
        config.rules[target] = _rule(p, lines, target, table)
    return config


def find_routes_config(
    routes: str | os.PathLike[str] | None, cwd: str | os.PathLike[str] | None = None
) -> RoutesConfig | None:
    """The config of ``--routes FILE``, else ``xling.toml`` in ``cwd`` (default: the working directory), else None.

    Raises:
        InputError: ``--routes`` names no file, or the config is invalid (see :func:`read_routes_config`).
    """
    if routes is not None:
        if not Path(routes).is_file():
            raise InputError(f"--routes {routes}: no such file; give a routes config such as xling.toml")
        return read_routes_config(routes)
    default = Path(cwd or ".") / CONFIG_NAME
    return read_routes_config(default) if default.is_file() else None
