"""The Python API of the main job (xling.translate_document / translate_file, TranslateConfig,
Session) with xling copy test models: their output is a copy of the source, not a translation."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from mt_helpers import copy_model, install_packages

pytestmark = pytest.mark.slow

TEXT = "آندری بلوسوف با الشرع دیدار کرد.\n\nجولانی وارد مسکو شد.\n"


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


@pytest.fixture
def counted_term_checks(monkeypatch):
    """Count calls of xling.glossary.check.check_terms (one per target language and term check)."""
    import xling.glossary.check as check

    calls: list[str] = []
    real = check.check_terms

    def counting(sources, targets, lang, *args, **kwargs):
        calls.append(lang)
        return real(sources, targets, lang, *args, **kwargs)

    monkeypatch.setattr(check, "check_terms", counting)
    return calls


def test_config_is_frozen_and_targets_a_tuple():
    from xling.pipeline import TranslateConfig

    cfg = TranslateConfig("fa", ["en", "ru"])
    assert cfg.targets == ("en", "ru")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.beam_size = 2  # type: ignore[misc]


def test_translate_document_keyword_api(packages, monkeypatch, counted_term_checks):
    import xling

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    doc = xling.translate_document(TEXT, from_code="fa", targets=["en", "ar"], glossary="default")
    assert [s.paragraph for s in doc.segments] == [0, 1]
    assert doc.segments[0].targets["en"].startswith("Andrei Belousov")  # house form restored
    assert set(doc.term_reports) == {"en", "ar"} and doc.term_reports["en"].expected >= 2
    assert sorted(counted_term_checks) == ["ar", "en"]  # the term check ran once per target
    assert all(s.text == s.source for s in doc.segments)  # the unprotected source is kept


def test_one_session_serves_many_documents(packages, monkeypatch):
    from xling.pipeline import Session, TranslateConfig, run_document

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    session = Session.open(TranslateConfig("fa", ("ru",)))
    assert session.glossary is None and session.routes == {"ru": ["fa", "en", "ru"]}
    first = run_document("سلام.\n", session)
    engines = dict(session.engines)
    second = run_document("خداحافظ.\n", session)
    assert session.engines == engines  # loaded once
    assert [s.targets["ru"] for s in first.segments + second.segments] == ["سلام.", "خداحافظ."]
    assert first.legs_run == second.legs_run == [("fa", "en"), ("en", "ru")]


def test_translate_once_checks_terms_once(cli, packages, monkeypatch, tmp_path, counted_term_checks):
    """`xling translate` ran the term check twice (in the repair stage, then again to print the
    success rate); the printed rate now comes from the repair stage's reports."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    src = tmp_path / "doc.fa.txt"
    src.write_text(TEXT, encoding="utf-8")
    r = cli(["translate", src, "--to", "en,ru,ar", "--out-dir", tmp_path / "out"])
    assert r.exit_code == 0, r.output
    assert sorted(counted_term_checks) == ["ar", "en", "ru"]
    assert "term success rate: en 1.00" in r.output


def test_output_writer_joins_the_group(packages, monkeypatch, tmp_path):
    from xling.pipeline import TranslateConfig, translate_file

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    src = tmp_path / "doc.fa.txt"
    src.write_text(TEXT, encoding="utf-8")

    def ids(doc, stem):
        return {f"{stem}.ids.json": json.dumps([s.id for s in doc.segments])}

    result = translate_file(src, tmp_path / "out", TranslateConfig("fa", ("en",)), outputs=[ids])
    assert [p.name for p in result.paths] == ["doc.en.txt", "doc.jsonl", "doc.fa.txt", "doc.ids.json"]
    assert json.loads((tmp_path / "out" / "doc.ids.json").read_text()) == [0, 1]

    def broken(doc, stem):
        raise RuntimeError("writer failed")

    with pytest.raises(RuntimeError):
        translate_file(src, tmp_path / "out2", TranslateConfig("fa", ("en",)), outputs=[broken])
    assert not (tmp_path / "out2").exists() or not any((tmp_path / "out2").iterdir())
