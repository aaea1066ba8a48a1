"""xling.paths: the XDG folders (a relative value is ignored, as the XDG Base Directory
Specification requires) and the one count wording, and their users."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest


@pytest.mark.parametrize("value", ["relative-dir", "./x", ""])
def test_a_relative_or_empty_xdg_value_is_ignored(monkeypatch, tmp_path, value):
    """XDG_DATA_HOME=relative-dir used to put the house glossary copy (and the TM, the folder
    models, the lexicon cache) under the current folder."""
    from xling.glossary.store import user_glossary_path
    from xling.mt.folder import models_dir
    from xling.paths import cache_home, data_home
    from xling.text.zwnj import cache_dir
    from xling.tm.store import default_tm_path

    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XLING_GLOSSARY", "XLING_MODELS_DIR", "XLING_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", value)
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    share, cache = tmp_path / ".local" / "share", tmp_path / ".cache"
    assert data_home() == share and cache_home() == cache
    assert user_glossary_path() == share / "xling" / "glossaries" / "house.yaml"
    assert default_tm_path() == share / "xling" / "tm.sqlite"
    assert models_dir() == share / "xling" / "models"
    assert cache_dir() == cache / "xling"


def test_an_absolute_xdg_value_is_used(monkeypatch, tmp_path):
    from xling.paths import cache_home, data_home

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    assert data_home() == tmp_path / "d" and cache_home() == tmp_path / "c"
    assert not (tmp_path / "d").exists()  # computed, never created


def test_counted_singular_and_plural():
    from xling.paths import counted

    assert [counted(n, "segment") for n in (0, 1, 2)] == ["0 segments", "1 segment", "2 segments"]
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == "3 entries"


def test_stage_log_line_says_1_segment_and_a_nonzero_rate(caplog):
    """The progress log said "1 segments in 1.65 s (1 segments/s)" and "(0 segments/s)"."""
    from xling.pipeline import _log_stage

    with caplog.at_level(logging.INFO, logger="xling"):
        _log_stage("segment", 1, 8.66)
        _log_stage("normalize", 3, 2.0)
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "segment: 1 segment in 8.66 s (0.1 segments/s)",
        "normalize: 3 segments in 2.00 s (1.5 segments/s)",
    ]


def test_no_second_home_for_the_count_wording():
    root = Path(__file__).resolve().parent.parent / "xling"
    homes = [
        p
        for p in root.rglob("*.py")
        if "def counted(" in p.read_text(encoding="utf-8") or "def count(" in p.read_text(encoding="utf-8")
    ]
    assert [p.relative_to(root).as_posix() for p in homes] == ["paths.py"]
