"""Shared fixtures. Tests never read ../shared: fixtures are written here or in tests/data/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "putin-sharaa-2025-10-15.fa.txt"


@pytest.fixture
def example_article() -> Path:
    """The bundled Persian article (the toolkit's first real input)."""
    return EXAMPLE


@pytest.fixture
def cli():
    """Invoke the xling CLI in-process: ``cli(args, input=None) -> click Result``."""
    from typer.testing import CliRunner

    from xling.cli.main import app

    runner = CliRunner()

    def run(args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def gpath(tmp_path) -> Path:
    """A copy of the small test glossary (tests/data/glossary/small.yaml) that a test may edit."""
    import shutil

    p = tmp_path / "g.yaml"
    shutil.copy(ROOT / "tests" / "data" / "glossary" / "small.yaml", p)
    return p


@pytest.fixture(autouse=True)
def _own_house_glossary(tmp_path_factory, monkeypatch):
    """Every test gets an empty XDG data folder, so a user's edited house glossary
    (~/.local/share/xling/glossaries/house.yaml or $XLING_GLOSSARY) never changes a result and
    no test writes under HOME."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.delenv("XLING_GLOSSARY", raising=False)
