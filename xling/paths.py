"""Where xling keeps its own files: the XDG base folders, and English count wording.

The folders follow the XDG Base Directory Specification 0.8: ``$XDG_DATA_HOME`` (default
``~/.local/share``) and ``$XDG_CACHE_HOME`` (default ``~/.cache``); a value that is not an
absolute path is ignored, as the specification requires ("If an implementation encounters a
relative path in any of these variables it should consider the path invalid and ignore it").
Nothing here creates a folder; the callers create what they write, when they write it.
"""

from __future__ import annotations

import os
from pathlib import Path


def _xdg(variable: str, default: tuple[str, ...]) -> Path:
    value = os.environ.get(variable, "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home().joinpath(*default)


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is an absolute path, else ``~/.local/share`` (not created)."""
    return _xdg("XDG_DATA_HOME", (".local", "share"))


def cache_home() -> Path:
    """``$XDG_CACHE_HOME`` when it is an absolute path, else ``~/.cache`` (not created)."""
    return _xdg("XDG_CACHE_HOME", (".cache",))


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``"1 error"``, ``"2 errors"``, ``"0 entries"``: ``n`` and the noun in the singular or the
    plural (``plural`` defaults to ``singular + "s"``). The one place messages say how many."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
