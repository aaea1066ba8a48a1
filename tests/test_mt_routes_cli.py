"""Issue 16 acceptance with copy test models of each kind installed: --engine nllb translates fa→ru
and fa→ar directly; a routes config mixing argos, opus-mt and nllb translates the bundled article
and names every leg's engine and model in the .jsonl; --plan prints without translating."""

from __future__ import annotations

import json

import pytest
from mt_helpers import copy_model, folder_model, install_packages, run_xling, xling_env

pytestmark = pytest.mark.slow

MIXED = """
# fa→en with nllb, en→ru with argos, en→ar with opus-mt
[routes.en]
engine = "nllb"

[routes.ru]
via = "en"
engine = ["nllb", "argos"]

[routes.ar]
via = "en"
engine = ["nllb", "opus-mt"]
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    env = xling_env(home, home / "packages", XLING_MODELS_DIR=str(home / "models"))
    install_packages(home / "packages", copy_model("fa", "en"), copy_model("en", "ru"))
    for kind, langs in (("nllb", "fa,en,ru,ar"), ("opus-mt", "en,ar")):
        proc = run_xling(["models", "install", folder_model(kind, langs)], env)
        assert proc.returncode == 0, proc.stderr
    return env


def _records(out, stem="putin-sharaa-2025-10-15"):
    return [json.loads(line) for line in (out / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_nllb_translates_fa_ru_and_fa_ar_directly(env, tmp_path, example_article):
    out = tmp_path / "out"
    proc = run_xling(
        [
            "translate",
            example_article,
            "--to",
            "ru,ar",
            "--engine",
            "nllb",
            "--out-dir",
            out,
            "--no-glossary",
        ],
        env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "xling test model: copy" in proc.stderr
    rec = _records(out)[0]
    step = next(c for c in rec["changes"] if c["stage"] == "translate")
    assert step["routes"] == {"ru": "fa→ru", "ar": "fa→ar"} and step["legs"] == ["fa→ru", "fa→ar"]
    assert step["engine"] == "nllb"
    assert [m["pair"] for m in rec["models"]["ru"]] == ["fa-ru"]  # no pivot leg
    assert rec["models"]["ar"][0]["engine"] == "nllb"
    assert rec["models"]["ar"][0]["name"] == "xling-test-copy-nllb-fa_en_ru_ar"
    for r in _records(out):
        assert r["targets"] == {"ru": r["text"], "ar": r["text"]}  # a copy model: output = input


def test_routes_config_mixing_three_kinds(env, tmp_path, example_article):
    (tmp_path / "xling.toml").write_text(MIXED, encoding="utf-8")
    plan = run_xling(["translate", example_article, "--plan", "--out-dir", tmp_path / "never"], env, cwd=tmp_path)
    assert plan.returncode == 0, plan.stderr
    assert "ru: fa→en→ru  (shares fa→en)" in plan.stdout and "routes from xling.toml" in plan.stdout
    assert "en→ar   opus-mt" in plan.stdout and "en→ru   argos" in plan.stdout and "fa→en   nllb" in plan.stdout
    assert not (tmp_path / "never").exists()

    out = tmp_path / "out"
    proc = run_xling(["translate", example_article, "--out-dir", out, "--no-glossary"], env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = _records(out)
    rec = records[0]
    step = next(c for c in rec["changes"] if c["stage"] == "translate")
    assert step["legs"] == ["fa→en", "en→ru", "en→ar"]  # fa→en once, shared by ru and ar
    assert step["engine"] == "routes"
    engines = {t: [(m["pair"], m["engine"], m["name"]) for m in ms] for t, ms in rec["models"].items()}
    assert engines == {
        "en": [("fa-en", "nllb", "xling-test-copy-nllb-fa_en_ru_ar")],
        "ru": [("fa-en", "nllb", "xling-test-copy-nllb-fa_en_ru_ar"), ("en-ru", "argos", "translate-en_ru")],
        "ar": [
            ("fa-en", "nllb", "xling-test-copy-nllb-fa_en_ru_ar"),
            ("en-ar", "opus-mt", "xling-test-copy-opus-mt-en_ar"),
        ],
    }
    assert len(records) > 10
    for r in records:
        assert r["targets"] == {"en": r["text"], "ru": r["text"], "ar": r["text"]}

    # the same outputs as the Argos copy models give on their own
    argos = tmp_path / "argos"
    proc = run_xling(
        ["translate", example_article, "--to", "en", "--engine", "argos", "--out-dir", argos, "--no-glossary"],
        env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert (argos / "putin-sharaa-2025-10-15.en.txt").read_text("utf-8") == (
        out / "putin-sharaa-2025-10-15.en.txt"
    ).read_text("utf-8")


def test_bad_routes_config_fails_before_any_model_loads(env, tmp_path, example_article):
    bad = tmp_path / "routes.toml"
    bad.write_text('[routes.ru]\nvia = "en"\nengine = ["nllb", "marian"]\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = run_xling(["translate", example_article, "--routes", bad, "--out-dir", out], env, cwd=tmp_path)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        f"xling: error: {bad}: line 3: unknown engine 'marian'; choose one of argos, argos-native, opus-mt, nllb, m2m100"
    ]
    assert not out.exists()
    proc = run_xling(["translate", example_article, "--routes", bad, "--engine", "nllb"], env, cwd=tmp_path)
    assert proc.returncode != 0 and "not both" in proc.stderr
    missing = tmp_path / "missing.toml"
    missing.write_text('[routes.ru]\nengine = "opus-mt"\n', encoding="utf-8")
    proc = run_xling(["translate", example_article, "--routes", missing, "--out-dir", out], env, cwd=tmp_path)
    assert proc.returncode == 2 and "line 1: no opus-mt model is installed for fa→ru" in proc.stderr
    assert not out.exists()
