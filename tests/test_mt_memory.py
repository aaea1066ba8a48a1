"""Memory of multi-leg runs: each engine call gives its freed working memory back to the OS.

Peak memory itself is measured in bench/batch.py (no memory asserts here); these tests check
that the release runs after every leg, also when the run is stopped mid-leg.
"""

from __future__ import annotations

import platform

import pytest
from mt_helpers import copy_model, install_packages

pytestmark = pytest.mark.slow

SEGMENTS = ["ولادیمیر پوتین رئیس جمهور روسیه در کرملین با احمد الشرع دیدار کرد.", "", "کوتاه"]


@pytest.fixture
def packages(tmp_path, monkeypatch):
    folder = tmp_path / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture
def events(monkeypatch):
    import xling.mt.ct2

    seen: list[str] = []
    monkeypatch.setattr(xling.mt.ct2, "release_freed_memory", lambda: seen.append("release") or True)
    return seen


def test_each_leg_releases_its_memory_after_its_last_segment(packages, events):
    from xling.mt.argos import load_engine

    engine = load_engine("fa", "ru")  # pivot: fa→en (no progress of its own), then en→ru
    out = engine.translate_batch(SEGMENTS, on_progress=lambda n: events.append("segment") if n else None)
    assert out == SEGMENTS
    # the first leg's memory goes before the second leg starts; the second's after its last segment
    assert events == ["release", "segment", "segment", "segment", "release"]


def test_a_stopped_leg_releases_its_memory(packages, events):
    from xling.mt.argos import load_engine

    class Stop(Exception):
        pass

    def stop(n: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        load_engine("fa", "en").translate_batch([s for s in SEGMENTS if s], on_progress=stop)
    assert events == ["release"]


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_release_is_available_on_glibc():
    from xling.mt.ct2 import release_freed_memory

    assert release_freed_memory() is True
