"""Converted CTranslate2 model folders (OPUS-MT, NLLB-200, M2M-100): validation, install, engines,
on xling's copy test models of each layout (their output is a copy of the input, not a translation)."""

from __future__ import annotations

import json

import pytest
from mt_helpers import folder_copy, folder_model, run_xling, tree, xling_env

pytestmark = pytest.mark.slow

SEGMENTS = [
    "ولادیمیر پوتین، رئیس‌جمهور روسیه، روز چهارشنبه در مسکو با احمد الشرع دیدار کرد.",
    "",
    "two  spaces, ⟦T0⟧ and an emoji 😀",
    "کوتاه",
]


@pytest.mark.parametrize(
    "kind,langs,pairs",
    [
        ("nllb", "fa,en,ru,ar", [("fa", "ru"), ("fa", "ar"), ("fa", "en"), ("en", "ru"), ("ru", "fa")]),
        ("m2m100", "fa,en,ru,ar", [("fa", "ar"), ("en", "ru")]),
        ("opus-mt", "en,ar", [("en", "ar")]),
        ("opus-mt", "en,ar,ru", [("en", "ar"), ("en", "ru")]),
    ],
)
def test_copy_model_of_each_kind_returns_its_input(kind, langs, pairs):
    from xling.mt.folder import read_model_folder
    from xling.mt.folder_engines import load_folder_engine

    model = read_model_folder(folder_model(kind, langs))
    assert model.kind == kind and model.test_model == "copy"
    for a, b in pairs:
        engine = load_folder_engine(model, a, b, max_batch_tokens=8)
        done: list[int] = []
        assert engine.translate_batch(SEGMENTS, on_progress=done.append) == SEGMENTS
        assert sum(done) == len(SEGMENTS)
        assert engine.translate_batch(SEGMENTS, beam_size=1) == SEGMENTS
        assert engine.models() == [
            {"pair": f"{a}-{b}", "name": model.name, "version": "1.0", "test_model": "copy", "engine": kind}
        ]


def test_nllb_language_tokens_are_sent_and_forced():
    """The NLLB-layout copy model needs both tokens: without the source token it copies from the wrong
    position, without the forced target prefix it copies the source language token."""
    from xling.mt.folder import read_model_folder
    from xling.mt.multilingual import MultilingualEngine

    model = read_model_folder(folder_model("nllb", "fa,en,ru,ar"))
    assert model.tokens == {"fa": "pes_Arab", "en": "eng_Latn", "ru": "rus_Cyrl", "ar": "arb_Arab"}
    engine = MultilingualEngine(model, "fa", "ru")
    assert engine.source_tokens("کوتاه")[0] == "pes_Arab" and engine.target_prefix == ["rus_Cyrl"]
    engine.target_prefix = []
    assert engine.translate_batch(["کوتاه"]) != ["کوتاه"]
    engine.target_prefix = ["rus_Cyrl"]
    engine.source_prefix = []
    assert engine.translate_batch(["کوتاه بلند"]) != ["کوتاه بلند"]


def test_opus_mt_multi_target_token_goes_before_the_source():
    from xling.mt.folder import read_model_folder
    from xling.mt.opusmt import OpusMTEngine

    model = read_model_folder(folder_model("opus-mt", "en,ar,ru"))
    engine = OpusMTEngine(model, "en", "ar")
    assert engine.source_tokens("Moscow")[0] == ">>ara<<" and not engine.target_prefix
    single = OpusMTEngine(read_model_folder(folder_model("opus-mt", "en,ar")), "en", "ar")
    assert ">>ara<<" not in single.source_tokens("Moscow")
    assert not single.model.supports("ar", "en")


def _break(kind: str, tmp_path, how: str):
    folder = folder_copy(
        "nllb" if kind == "nllb" else "opus-mt", "fa,en,ru,ar" if kind == "nllb" else "en,ar", tmp_path / how
    )
    manifest = json.loads((folder / "xling-model.json").read_text("utf-8"))
    if how == "no_tokenizer":
        for name in ("sentencepiece.bpe.model", "source.spm", "target.spm"):
            (folder / name).unlink(missing_ok=True)
    elif how == "unknown_kind":
        manifest["kind"] = "marian2"
    elif how == "token_not_in_vocabulary":
        manifest["languages"].append("de")  # deu_Latn is not in the test model's vocabulary
        manifest["language_tokens"]["de"] = "deu_Latn"
    elif how == "garbage_model":
        (folder / "model.bin").write_bytes(b"\x00garbage" * 100)
    (folder / "xling-model.json").write_text(json.dumps(manifest), "utf-8")
    return folder


@pytest.mark.parametrize(
    "kind,how,phrase",
    [
        ("nllb", "no_tokenizer", "no tokenizer"),
        ("opus-mt", "no_tokenizer", "no tokenizer"),
        ("nllb", "unknown_kind", "unknown kind 'marian2'"),
        ("nllb", "token_not_in_vocabulary", "lacks the language token 'deu_Latn'"),
        ("nllb", "garbage_model", "cannot load the nllb model"),
    ],
)
def test_bad_folders_are_refused_and_nothing_is_copied(kind, how, phrase, tmp_path):
    folder = _break(kind, tmp_path, how)
    home = tmp_path / "home"
    env = xling_env(home, tmp_path / "packages", XLING_MODELS_DIR=str(tmp_path / "models"))
    proc = run_xling(["models", "install", folder], env)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xling: error: ") and phrase in lines[0], proc.stderr
    assert str(folder) in lines[0]
    assert tree(tmp_path / "models") == {}


def test_install_list_replace_remove(tmp_path):
    env = xling_env(tmp_path / "home", tmp_path / "packages", XLING_MODELS_DIR=str(tmp_path / "models"))
    good = folder_model("nllb", "fa,en,ru,ar")
    proc = run_xling(["models", "install", good], env)
    assert proc.returncode == 0, proc.stderr
    assert "xling test model: copy nllb fa,en,ru,ar" in proc.stdout and "not a translation" in proc.stderr
    installed = tmp_path / "models" / "xling-test-copy-nllb-fa_en_ru_ar"
    before = tree(installed)
    assert before == tree(good)
    listing = run_xling(["models", "list"], env).stdout
    assert "nllb" in listing and "fa,en,ru,ar" in listing and "xling test model: copy" in listing
    assert run_xling(["models", "install", good], env).returncode != 0  # already installed
    garbage = _break("nllb", tmp_path, "garbage_model")
    proc = run_xling(["models", "install", garbage, "--replace"], env)
    assert proc.returncode != 0 and "cannot load" in proc.stderr
    assert tree(installed) == before  # the working model stays
    assert run_xling(["models", "install", good, "--replace"], env).returncode == 0
    proc = run_xling(["models", "remove", "xling-test-copy-nllb-fa_en_ru_ar"], env)
    assert proc.returncode == 0 and not installed.exists()
    assert run_xling(["models", "remove", "xling-test-copy-nllb-fa_en_ru_ar"], env).returncode == 2


def test_test_model_builder_command(tmp_path):
    from xling.testing.models import main

    out = tmp_path / "m2m"
    assert main(["copy", "--kind", "m2m100", "--langs", "fa,en", "--out", str(out)]) == 0
    manifest = json.loads((out / "xling-model.json").read_text("utf-8"))
    assert manifest["xling_test_model"]["kind"] == "copy" and "xling test model" in (out / "README.md").read_text()
    assert main(["copy", "--kind", "m2m100", "--langs", "fa,en", "--out", str(out)]) == 0  # replaces its own
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("x")
    assert main(["copy", "--kind", "nllb", "--langs", "fa,en", "--out", str(tmp_path / "other")]) != 0
    assert (tmp_path / "other" / "keep.txt").read_text() == "x"
    assert main(["copy", "--kind", "nllb", "--from", "fa", "--to", "en", "--out", str(tmp_path / "x")]) != 0


@pytest.mark.parametrize(
    "kind,langs,pair", [("nllb", "fa,en,ru,ar", ("fa", "ru")), ("opus-mt", "en,ar,ru", ("en", "ar"))]
)
def test_long_segments_are_cut_and_every_window_keeps_the_language_token(kind, langs, pair):
    """A segment longer than the model's limit (read from model.bin) is cut into pieces, each sent
    with the kind's language token first, and joined back: the copy model gives its input back."""
    from xling.mt.folder import read_model_folder
    from xling.mt.folder_engines import load_folder_engine

    engine = load_folder_engine(read_model_folder(folder_model(kind, langs)), *pair, max_batch_tokens=256)
    assert engine.max_positions is not None
    engine.max_positions = 40  # a small limit, so the test needs no huge input
    words = "کوتاه بلند" if pair[0] == "fa" else "short long"
    text = " ".join([words] * 30)  # no punctuation: only token windows can cut it
    pieces = engine._pieces(text)
    assert len(pieces) > 1 and all(len(p) <= engine.max_input_tokens for p in pieces)
    assert all(p[: len(engine.source_prefix)] == list(engine.source_prefix) for p in pieces)
    assert engine.translate_batch([text, "کوتاه"], beam_size=1) == [text, "کوتاه"]
    assert engine.split_counts == {0: len(pieces)}
