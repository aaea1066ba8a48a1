"""The CTranslate2 engine on xling copy test models: batched calls return exactly what was sent."""

from __future__ import annotations

import pytest
from mt_helpers import copy_model, install_packages

pytestmark = pytest.mark.slow

SEGMENTS = [
    "date 2025-10-15 ولادیمیر پوتین رئیس جمهور روسیه روز چهارشنبه در کرملین با احمد الشرع دیدار کرد.",
    "",
    "ما بیش از 80 سال است که روابط دیپلماتیک خود را حفظ کرده‌ایم.",
    "کلمه ⟦T0⟧ و __T1__ باید بمانند.",
    "کوتاه",
]


@pytest.fixture
def packages(tmp_path, monkeypatch):
    folder = tmp_path / "packages"
    install_packages(
        folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar", target_prefix="__ar__")
    )
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def test_copy_model_returns_each_segment(packages):
    from xling.mt.argos import ArgosEngine, load_engine

    engine = load_engine("fa", "en")
    assert isinstance(engine, ArgosEngine)
    done = []
    out = engine.translate_batch(SEGMENTS, on_progress=done.append)
    assert out == SEGMENTS  # ZWNJ, brackets and underscores survive SentencePiece decoding
    assert sum(done) == len(SEGMENTS)
    assert engine.translate_batch(SEGMENTS, beam_size=1) == SEGMENTS
    assert engine.translate_batch([]) == []
    assert engine.models() == [
        {"pair": "fa-en", "name": "translate-fa_en", "version": "1.0", "test_model": "copy", "engine": "argos"}
    ]


def test_small_token_batches_give_the_same_output(packages):
    """max_batch_tokens smaller than one segment: CTranslate2 still returns every segment, in order."""
    from xling.mt.argos import ArgosEngine
    from xling.mt.packages import find_package

    engine = ArgosEngine(find_package("fa", "en"), max_batch_tokens=4)
    assert engine.translate_batch(SEGMENTS) == SEGMENTS


def test_target_prefix_is_forced_and_removed(packages):
    from xling.mt.argos import load_engine
    from xling.mt.packages import find_package

    assert find_package("fa", "ar").target_prefix == "__ar__"
    engine = load_engine("fa", "ar")
    assert engine.translate_batch(SEGMENTS) == SEGMENTS


def test_pivot_engine_when_no_direct_package(packages):
    from xling.mt.argos import load_engine
    from xling.mt.pivot import PivotEngine

    engine = load_engine("fa", "ru")
    assert isinstance(engine, PivotEngine)
    assert [m["pair"] for m in engine.models()] == ["fa-en", "en-ru"]
    assert engine.translate_batch(SEGMENTS) == SEGMENTS


def test_missing_pair_names_both_installs(packages):
    from xling.errors import ModelMissingError
    from xling.mt.argos import load_engine

    with pytest.raises(ModelMissingError) as err:
        load_engine("ru", "ar")
    msg = str(err.value)  # the legs through the en pivot, a direct package as the alternative, and the offline way
    assert "`xling models install ru en`" in msg and "`xling models install en ar`" in msg
    assert "a direct ru→ar package" in msg and "FILE.argosmodel" in msg


def test_segments_longer_than_1024_tokens_are_not_truncated(packages, example_article):
    """CTranslate2 cuts sources at 1024 tokens unless told otherwise; the whole article as one
    segment (~1,600 tokens) must come back whole from the copy model."""
    from xling.mt.argos import load_engine

    engine = load_engine("fa", "en")
    whole = " ".join(line.strip() for line in example_article.read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(engine.tokenizer.encode(whole)) > 1024
    assert engine.translate_batch([whole], beam_size=1) == [whole]


def test_bpe_package_goes_through_moses_and_bpe(tmp_path, monkeypatch):
    """A Moses + BPE package (bpe.model, as older Argos packages have) is tokenized, translated
    and detokenized by the engine: the xling copy test model gives the sentence back."""
    from xling.mt.argos import ArgosEngine, load_engine
    from xling.testing.models import build_test_model

    archive = build_test_model("copy", "en", "de", tmp_path / "bpe.argosmodel", tokenizer="bpe")
    folder = tmp_path / "packages"
    install_packages(folder, archive)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    engine = load_engine("en", "de")
    assert isinstance(engine, ArgosEngine) and engine.package.tokenizer == "bpe"
    sentences = ["The meeting, held on 15 October, is ongoing (in Moscow).", "Another one: 3.5 percent!"]
    assert any(t.endswith("@@") for t in engine.tokenizer.encode(sentences[0]))  # really split into BPE subwords
    assert engine.translate_batch(sentences) == sentences
