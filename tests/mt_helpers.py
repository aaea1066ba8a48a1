"""Helpers shared by the mt/translate tests: xling copy test models built once per test session,
and running the ``xling`` CLI in a subprocess with its own HOME and ``ARGOS_PACKAGES_DIR``
(argostranslate reads its settings at import, so a fresh process is the faithful way)."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_MODELS = Path(tempfile.mkdtemp(prefix="xling-test-models-"))
atexit.register(shutil.rmtree, _MODELS, True)

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def copy_model(from_code: str, to_code: str, target_prefix: str | None = None) -> Path:
    """Path of an ``xling test model: copy FROM→TO`` archive (built once per session; do not modify it)."""
    from xling.testing.models import build_test_model

    name = f"copy-{from_code}_{to_code}{'-prefix' if target_prefix else ''}.argosmodel"
    return build_test_model("copy", from_code, to_code, _MODELS / name, target_prefix=target_prefix)


def xling_env(home: Path, packages: Path, **extra: str) -> dict[str, str]:
    """Environment for a child xling: no inherited ARGOS_*/XDG_* settings, HOME and packages in ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env.update(HOME=str(home), ARGOS_PACKAGES_DIR=str(packages), PYTHONPATH=str(ROOT), **extra)
    return env


def run_xling(
    args: list[str], env: dict[str, str], *, input: bytes | None = None, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run ``python -m xling ARGS`` and return the completed process (bytes decoded as UTF-8)."""
    proc = subprocess.run(
        [sys.executable, "-m", "xling", *map(str, args)],
        env=env,
        input=input,
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
    )
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → content): to check a folder is unchanged."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def install_packages(packages: Path, *archives: Path) -> None:
    """Install ``archives`` into ``packages`` with xling's validated install (argostranslate's
    ``install_from_path``), in this process, with ``ARGOS_PACKAGES_DIR`` pointed there meanwhile."""
    from xling.mt.packages import install_file

    old = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    try:
        for archive in archives:
            install_file(archive)
    finally:
        if old is None:
            os.environ.pop("ARGOS_PACKAGES_DIR", None)
        else:
            os.environ["ARGOS_PACKAGES_DIR"] = old


@functools.cache
def folder_model(kind: str, langs: str) -> Path:
    """Path of an ``xling test model: copy KIND LANGS`` model folder (built once per session; do not modify it)."""
    from xling.testing.folder_models import build_folder_test_model

    return build_folder_test_model(kind, langs.split(","), _MODELS / f"{kind}-{langs.replace(',', '_')}")


def folder_copy(kind: str, langs: str, dest: Path) -> Path:
    """A copy of :func:`folder_model` at ``dest`` that a test may break."""
    shutil.copytree(folder_model(kind, langs), dest)
    return dest
