"""`python -m xling.demo` with no real model and no reachable index: it says so, then runs the
pipeline with copy test models into out/test-model/, labelled as NOT a translation, exit 0."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from mt_helpers import copy_model, install_packages

pytestmark = pytest.mark.slow

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "putin-sharaa-2025-10-15.fa.txt"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_demo_without_real_models_runs_test_models_loudly(tmp_path, monkeypatch, capsys):
    from xling import demo

    packages = tmp_path / "packages"
    # an installed *test* model does not count as a real model
    install_packages(packages, copy_model("fa", "en"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{_closed_port()}/")
    before = sorted(p.name for p in packages.iterdir())

    assert demo.main([str(ARTICLE), "--out-dir", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "no real translation model is installed" in err
    assert "None can be downloaded here: cannot reach the Argos package index" in err
    assert "xling models install FILE.argosmodel" in err
    assert "NOT a translation" in err
    assert "xling test model: copy en→ru — output is a copy, not a translation" in err

    out = tmp_path / "out" / "test-model"
    names = sorted(p.name for p in out.iterdir())
    stem = "putin-sharaa-2025-10-15"
    assert names == sorted(
        [
            "NOT-A-TRANSLATION.txt",
            f"{stem}.en.txt",
            f"{stem}.ru.txt",
            f"{stem}.ar.txt",
            f"{stem}.jsonl",
            f"{stem}.fa.txt",
        ]
    )
    assert "IS NOT A TRANSLATION" in (out / "NOT-A-TRANSLATION.txt").read_text(encoding="utf-8")
    for lang in ("en", "ru", "ar"):
        lines = [line for line in (out / f"{stem}.{lang}.txt").read_text(encoding="utf-8").splitlines() if line]
        assert len(lines) == 16
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["test-model"]  # nothing presented as a translation
    assert sorted(p.name for p in packages.iterdir()) == before  # the user's packages are untouched
