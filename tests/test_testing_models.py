"""Tests of the project-built test models (xling.testing): the exact copy model and the
transformer-base benchmark model's length clock.

The copy model is checked the way users run Argos packages: installed through argostranslate's
own ``install_from_path`` into a temporary ARGOS_PACKAGES_DIR (in a child process, because
argostranslate reads its settings at import), then loaded with ctranslate2 + sentencepiece.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from xling.testing.models import build_test_model, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "putin-sharaa-2025-10-15.fa.txt"

EXTRA_SEGMENTS = [
    "می‌گوید که خبرگزاری‌ها گزارش داده‌اند.",  # ZWNJ inside words
    "در ۲۳ مهر ۱۴۰۴ (15.10.2025) حدود ۳ ساعت و ١٢٣ دقیقه، ۴٫۵٪ و 4.5%.",  # digits of three scripts
    "Vladimir Putin met Ahmed al-Sharaa in the Kremlin.",  # Latin
    "Владимир Путин встретился с Ахмедом аш-Шараа в Кремле.",  # Cyrillic
    "التقى الرئيس الروسي فلاديمير بوتين بأحمد الشرع.",  # Arabic
    "⟦T1⟧ با ⟦T12⟧ دیدار کرد؛ \ue000 و \ue01f محفوظ‌اند.",  # placeholder brackets, private use
    "two  spaces,\ttab, emoji 😀 and ǅ outside the vocabulary",  # byte fallback
]


def article_segments() -> list[str]:
    """The bundled article split on lines (blank lines dropped), unchanged otherwise."""
    return [line for line in EXAMPLE.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.fixture(scope="module")
def copy_archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("models") / "copy-fa_en.argosmodel"
    return build_test_model("copy", "fa", "en", out)


@pytest.fixture(scope="module")
def installed(copy_archive, tmp_path_factory) -> dict:
    """Install the copy archive with argostranslate's install_from_path in a child process.

    Returns the child's report: the installed package folder as argostranslate lists it, and
    the outputs of argostranslate.translate objects for ``EXTRA_SEGMENTS``.
    """
    home = tmp_path_factory.mktemp("home")
    packages = home / "packages"
    script = textwrap.dedent(
        """
        import json, sys
        from pathlib import Path
        from argostranslate import package, settings
        package.install_from_path(Path(sys.argv[1]))
        pkgs = package.get_installed_packages()
        # argostranslate's translate path runs MiniSBD sentence splitting, which downloads a
        # model on first use (no network here). Only the splitter is replaced, by one that keeps
        # the segment whole; tokenization, CTranslate2 decoding and detokenization are argos's own.
        from argostranslate import sbd, translate
        sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [text]
        segments = json.loads(sys.argv[2])
        translation = translate.get_translation_from_codes("fa", "en")
        outputs = [translation.translate(s) for s in segments]
        print(json.dumps({
            "package_data_dir": str(settings.package_data_dir),
            "packages": [
                {"path": str(p.package_path), "from": p.from_code, "to": p.to_code,
                 "tokenizer": type(p.tokenizer).__name__}
                for p in pkgs
            ],
            "argos_outputs": outputs,
        }))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env.update(
        HOME=str(home),
        ARGOS_PACKAGES_DIR=str(packages),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    # argostranslate turns "_" into spaces and drops one leading space when decoding, so
    # segments are stripped and those with "_" are left out here.
    segments = [s.strip() for s in EXTRA_SEGMENTS + article_segments()[:3] if "_" not in s]
    proc = subprocess.run(
        [sys.executable, "-c", script, str(copy_archive), json.dumps(segments)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    report["segments"] = segments
    report["packages_dir"] = packages
    return report


def test_archive_layout_and_metadata(copy_archive):
    with zipfile.ZipFile(copy_archive) as zf:
        names = zf.namelist()
        tops = {n.split("/", 1)[0] for n in names}
        assert tops == {"xling-test-copy-fa_en"}
        top = tops.pop()
        for required in ("metadata.json", "sentencepiece.model", "model/model.bin", "model/config.json"):
            assert f"{top}/{required}" in names
        metadata = json.loads(zf.read(f"{top}/metadata.json"))
        readme = zf.read(f"{top}/README.md").decode("utf-8")
        config = json.loads(zf.read(f"{top}/model/config.json"))
    assert metadata["package_name"] == "xling test model: copy fa→en"
    assert (metadata["from_code"], metadata["to_code"]) == ("fa", "en")
    assert (metadata["from_name"], metadata["to_name"]) == ("Persian", "English")
    assert metadata["package_version"] and metadata["argos_version"]
    assert "target_prefix" not in metadata
    assert metadata["xling_test_model"]["kind"] == "copy"
    assert "translation" not in json.dumps(metadata).lower()
    assert "xling test model: copy fa→en" in readme
    assert config["add_source_eos"] is True
    # A few hundred KB at most.
    assert copy_archive.stat().st_size < 1_000_000


def test_installed_by_argostranslate(installed):
    packages = installed["packages"]
    assert installed["package_data_dir"] == str(installed["packages_dir"])
    assert len(packages) == 1
    assert packages[0]["path"] == str(installed["packages_dir"] / "xling-test-copy-fa_en")
    assert (packages[0]["from"], packages[0]["to"], packages[0]["tokenizer"]) == ("fa", "en", "SentencePieceTokenizer")


def test_argostranslate_translate_objects_copy(installed):
    # Through argostranslate's PackageTranslation (beam 4, batch of 32 tokens, its decoding).
    assert installed["argos_outputs"] == installed["segments"]


@pytest.fixture(scope="module")
def copy_runtime(installed):
    import ctranslate2
    import sentencepiece as spm

    folder = installed["packages_dir"] / "xling-test-copy-fa_en"
    sp = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    # compute_type "auto" is what argostranslate uses: int8 on this kind of CPU.
    translator = ctranslate2.Translator(str(folder / "model"), compute_type="auto")
    return sp, translator


@pytest.mark.parametrize("beam_size", [1, 4])
def test_copy_returns_every_segment(copy_runtime, beam_size):
    sp, translator = copy_runtime
    segments = article_segments() + EXTRA_SEGMENTS
    assert len(article_segments()) >= 10
    tokens = [sp.encode(s, out_type=str) for s in segments]
    # In one batch, as xling's engine sends them, with argostranslate's length penalty.
    results = translator.translate_batch(
        tokens,
        beam_size=beam_size,
        length_penalty=0.2,
        max_batch_size=2048,
        batch_type="tokens",
        max_decoding_length=1024,
    )
    outputs = [sp.decode_pieces(r.hypotheses[0]) for r in results]
    for source, output in zip(segments, outputs):
        assert output == source
    assert max(len(t) for t in tokens) > 100  # article paragraphs are long segments


def test_tokenizer_keeps_zwnj_and_brackets_whole(copy_runtime):
    sp, _ = copy_runtime
    for text in ("می‌گوید", "⟦T1⟧", "\ue005", "۱۲۳"):
        pieces = sp.encode(text, out_type=str)
        assert sp.unk_id() not in sp.encode(text)
        assert not any(p.startswith("<0x") for p in pieces), pieces  # no byte fallback needed
        assert sp.decode_pieces(pieces) == text
    assert any("\u200c" in p for p in sp.encode("می‌گوید", out_type=str))


def test_copy_long_segment(copy_runtime):
    sp, translator = copy_runtime
    text = " ".join(article_segments())  # the whole article as one segment
    tokens = sp.encode(text, out_type=str)
    assert len(tokens) > 300
    assert len(tokens) > 1024  # past CTranslate2's default max_input_length, which is lifted here
    result = translator.translate_batch([tokens], beam_size=4, max_decoding_length=len(tokens) + 2, max_input_length=0)
    assert sp.decode_pieces(result[0].hypotheses[0]) == text


def test_target_prefix_variant(tmp_path):
    import ctranslate2
    import sentencepiece as spm

    archive = build_test_model("copy", "fa", "ru", tmp_path / "p.argosmodel", target_prefix="__ru__")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "x")
    folder = tmp_path / "x" / "xling-test-copy-fa_ru"
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["target_prefix"] == "__ru__"
    sp = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(folder / "model"))
    segments = EXTRA_SEGMENTS + article_segments()[:2]
    tokens = [sp.encode(s, out_type=str) for s in segments]
    results = translator.translate_batch(
        tokens, target_prefix=[["__ru__"]] * len(tokens), beam_size=4, max_decoding_length=1024
    )
    for source, r in zip(segments, results):
        hyp = r.hypotheses[0]
        assert hyp[0] == "__ru__"
        assert sp.decode_pieces(hyp[1:]) == source


def test_cli_builds_archive_and_rejects_bad_codes(tmp_path, capsys):
    out = tmp_path / "sub" / "c.argosmodel"
    assert main(["copy", "--from", "fa", "--to", "ar", "--out", str(out)]) == 0
    assert "xling test model: copy fa→ar" in capsys.readouterr().out
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("xling-test-copy-fa_ar/metadata.json"))["to_name"] == "Arabic"

    bad = tmp_path / "bad.argosmodel"
    assert main(["copy", "--from", "f a", "--to", "en", "--out", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("xling: error: --from 'f a' is not a language code")
    assert not bad.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["sub"]  # no temporary file left behind


def test_base_spec_length_clock(tmp_path):
    """The benchmark model (here at a small size) emits </s> after exactly as many tokens as the source."""
    import ctranslate2

    from xling.testing import ct2_build

    vocab = ["<unk>", "<s>", "</s>"] + [f"w{i}" for i in range(509)]
    spec = ct2_build.base_spec(vocab, layers=2, d_model=128, heads=4, ffn=256, seed=7)
    ct2_build.save_spec(spec, tmp_path / "m", quantization="int8")
    translator = ctranslate2.Translator(str(tmp_path / "m"), compute_type="auto")
    sources = [[f"w{(i * 7 + j) % 500}" for j in range(n)] for i, n in enumerate([1, 5, 17, 40, 120])]
    for beam in (1, 4):
        results = translator.translate_batch(sources, beam_size=beam, length_penalty=0.2, max_decoding_length=512)
        assert [len(r.hypotheses[0]) for r in results] == [len(s) for s in sources]


def test_module_command_form(tmp_path):
    """The exact command form the checks use: python -m xling.testing.models copy --from fa --to en --out X."""
    out = tmp_path / "fa_en.argosmodel"
    proc = subprocess.run(
        [sys.executable, "-m", "xling.testing.models", "copy", "--from", "fa", "--to", "en", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "xling test model: copy fa→en" in proc.stdout
    assert zipfile.is_zipfile(out)
