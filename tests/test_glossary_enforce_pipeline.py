"""Protect → xling test model (copy) → restore → repair inside `xling translate`, end to end.

The copy models return what they are sent (fa→en, en→ru via the pivot, fa→ar), so the output is
the protected source with each placeholder replaced by the house target form: this checks that
the placeholders survive the real Argos/CTranslate2 tokenization and decoding of a pivot route,
and that the .jsonl records every protection, restore and term check. Not a translation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mt_helpers import copy_model, install_packages

pytestmark = pytest.mark.slow

ARTICLE = "آندری بلوسوف وزیر دفاع روسیه با الشرع دیدار کرد.\n\nجولانی و الشیبانی وارد مسکو شدند.\n"
WANT = {
    "en": ["Andrei Belousov Defence Minister روسیه با al-Sharaa دیدار کرد.", "Al-Jolani و al-Shaibani وارد مسکو شدند."],
    "ru": ["Андрей Белоусов министр обороны روسیه با аш-Шараа دیدار کرد.", "Аль-Джулани و аш-Шейбани وارد مسکو شدند."],
    "ar": ["أندريه بيلوسوف وزير الدفاع روسیه با الشرع دیدار کرد.", "الجولاني و الشيباني وارد مسکو شدند."],
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


def test_translate_puts_house_terms_where_source_terms_were(cli, packages, monkeypatch, tmp_path):
    if "--no-glossary" not in cli(["translate", "--help"]).output:
        pytest.skip("xling translate has no glossary wiring in this tree yet")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    src = tmp_path / "doc.fa.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    r = cli(["translate", src, "--to", "en,ru,ar", "--out-dir", tmp_path / "out"])
    assert r.exit_code == 0, r.output
    for lang, want in WANT.items():
        lines = [x for x in (tmp_path / "out" / f"doc.{lang}.txt").read_text(encoding="utf-8").splitlines() if x]
        assert lines == want, lang
    records = [json.loads(x) for x in (tmp_path / "out" / "doc.jsonl").read_text(encoding="utf-8").splitlines()]
    for rec in records:
        stages = [c["stage"] for c in rec["changes"]]
        assert "protect" in stages and stages.count("restore") == 3 and "terms" in stages
        restores = [c for c in rec["changes"] if c["stage"] == "restore"]
        assert all(c["ok"] and c["changes"] for c in restores)
        terms = [c for c in rec["changes"] if c["stage"] == "terms"][0]
        assert set(terms) - {"stage"} == {"en", "ru", "ar"}
        assert all(s in ("preferred", "admitted") for lang in ("en", "ru", "ar") for s in terms[lang].values())
        assert rec["text"].startswith(("آندری", "جولانی"))  # the unprotected source is kept


def test_no_glossary_leaves_copy_output(cli, packages, monkeypatch, tmp_path):
    if "--no-glossary" not in cli(["translate", "--help"]).output:
        pytest.skip("xling translate has no glossary wiring in this tree yet")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    src = tmp_path / "doc.fa.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    r = cli(["translate", src, "--to", "en", "--out-dir", tmp_path / "out", "--no-glossary"])
    assert r.exit_code == 0, r.output
    assert "بلوسوف" in (tmp_path / "out" / "doc.en.txt").read_text(encoding="utf-8")


def test_python_api_job_with_a_glossary_enforces_it(packages, monkeypatch):
    """From a script, Job(glossary=load_glossary()) must enforce the termbase (the Job docstring:
    "glossary: a termbase for protect/repair"), not silently translate without it because
    Job.protect / Job.repair were left unset (only use_glossary() set them)."""
    from xling.glossary.store import load_glossary
    from xling.pipeline import Job, translate_document

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    doc = translate_document(ARTICLE, Job(from_code="fa", targets=["en"], glossary=load_glossary()))
    assert [s.targets["en"] for s in doc.segments] == WANT["en"]
    doc = translate_document(ARTICLE, Job(from_code="fa", targets=["en"]))
    assert doc.segments[0].targets["en"].startswith("آندری بلوسوف")  # no glossary: copied as is
    from xling.glossary.store import default_glossary_path

    doc = translate_document(ARTICLE, Job(from_code="fa", targets=["en"], glossary=str(default_glossary_path())))
    assert [s.targets["en"] for s in doc.segments] == WANT["en"]  # a YAML path works too


def test_19_translate_refuses_a_glossary_that_validate_rejects(cli, packages, monkeypatch, tmp_path, gpath):
    """Issue 11 defect 19: a dangling cross-reference stops translate before any model loads,
    naming 'xling glossary validate'; nothing is written."""
    from xling.glossary.store import load_glossary
    from xling.glossary.validate import glossary_errors

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    bad = tmp_path / "bad.yaml"
    bad.write_text(gpath.read_text(encoding="utf-8").replace("target: ahmed-al-sharaa", "target: nobody"), "utf-8")
    assert [p.code for p in glossary_errors(load_glossary(bad))] == ["dangling-reference"]
    assert glossary_errors(load_glossary(gpath)) == []
    src = tmp_path / "doc.fa.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    r = cli(["translate", src, "--to", "en", "--glossary", bad, "--out-dir", tmp_path / "out"])
    assert r.exit_code == 1
    assert "does not validate" in r.output and "xling glossary validate" in r.output and "nobody" in r.output
    assert not (tmp_path / "out").exists()
