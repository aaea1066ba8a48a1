"""Routes config (xling.toml) and the translation plan: per-target routes, per-leg engine kinds and
models, shared pivot legs, one-line errors naming file and line (pure logic, no model is loaded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xling.errors import InputError, ModelMissingError
from xling.mt.folder import FolderModel
from xling.mt.packages import InstalledPackage
from xling.mt.plan import Catalog, plan_translation
from xling.mt.routes import find_routes_config, read_routes_config


def _pkg(a: str, b: str) -> InstalledPackage:
    return InstalledPackage(Path(f"/p/{a}_{b}"), a, b, "1.0", f"translate-{a}_{b}", "sentencepiece")


def _folder(kind: str, sources: list[str], targets: list[str]) -> FolderModel:
    return FolderModel(Path(f"/m/{kind}"), kind, f"{kind}-model", "1", sources, targets, {}, Path("x"), Path("x"))


ALL = ["fa", "en", "ru", "ar"]
CATALOG = Catalog(
    packages=[_pkg("fa", "en"), _pkg("en", "ru"), _pkg("en", "ar")],
    folders=[_folder("nllb", ALL, ALL), _folder("opus-mt", ["en"], ["ar"]), _folder("m2m100", ALL, ALL)],
)


def _config(tmp_path: Path, text: str):
    path = tmp_path / "xling.toml"
    path.write_text(text, encoding="utf-8")
    return read_routes_config(path)


def _kinds(plan) -> dict[str, str]:
    return {leg.pair: leg.kind for leg in plan.legs.values()}


def test_engine_nllb_translates_every_target_directly():
    plan = plan_translation("fa", ["en", "ru", "ar"], engine="nllb", catalog=CATALOG)
    assert plan.routes == {"en": ["fa", "en"], "ru": ["fa", "ru"], "ar": ["fa", "ar"]}
    assert _kinds(plan) == {"fa→en": "nllb", "fa→ru": "nllb", "fa→ar": "nllb"}


def test_engine_argos_pivots_and_shares_the_pivot_leg():
    plan = plan_translation("fa", ["en", "ru", "ar"], engine="argos", catalog=CATALOG)
    assert plan.routes == {"en": ["fa", "en"], "ru": ["fa", "en", "ru"], "ar": ["fa", "en", "ar"]}
    assert list(plan.legs) == [("fa", "en"), ("en", "ru"), ("en", "ar")]
    assert plan.route_legs("ru")[1].describe() == {
        "pair": "en-ru",
        "name": "translate-en_ru",
        "version": "1.0",
        "test_model": None,
        "engine": "argos",
    }


def test_no_engine_prefers_a_direct_model_of_any_kind():
    only_argos = Catalog(packages=CATALOG.packages)
    assert plan_translation("fa", ["ru"], catalog=only_argos).routes == {"ru": ["fa", "en", "ru"]}
    plan = plan_translation("fa", ["en", "ru"], catalog=CATALOG)
    assert plan.routes == {"en": ["fa", "en"], "ru": ["fa", "ru"]}
    assert _kinds(plan) == {"fa→en": "argos", "fa→ru": "nllb"}


def test_config_mixing_three_kinds(tmp_path):
    config = _config(
        tmp_path,
        """
pivot = "en"

[routes.en]
engine = "nllb"

[routes.ru]
via = "en"
engine = ["nllb", "argos"]

[routes.ar]
via = "en"
engine = ["nllb", "opus-mt"]
""",
    )
    plan = plan_translation("fa", ["en", "ru", "ar"], config=config, catalog=CATALOG)
    assert plan.routes == {"en": ["fa", "en"], "ru": ["fa", "en", "ru"], "ar": ["fa", "en", "ar"]}
    assert _kinds(plan) == {"fa→en": "nllb", "en→ru": "argos", "en→ar": "opus-mt"}
    text = "\n".join(plan.describe())
    assert f"routes from {tmp_path / 'xling.toml'}" in text and "ru: fa→en→ru  (shares fa→en)" in text
    assert "en→ar   opus-mt      opus-mt-model 1  /m/opus-mt" in text
    # --engine overrides the config
    assert set(_kinds(plan_translation("fa", ["ru"], engine="m2m100", config=config, catalog=CATALOG)).values()) == {
        "m2m100"
    }


def test_unlisted_targets_reuse_a_configured_pivot_leg(tmp_path):
    config = _config(tmp_path, '[routes.en]\nengine = "nllb"\n')
    plan = plan_translation("fa", ["en", "ru"], config=config, catalog=Catalog(CATALOG.packages, CATALOG.folders[:1]))
    assert plan.routes["ru"] == ["fa", "ru"]  # direct nllb beats a pivot
    plan = plan_translation(
        "fa",
        ["en", "ru"],
        config=_config(tmp_path, 'engine = "argos"\n[routes.en]\nengine = "nllb"\n'),
        catalog=CATALOG,
    )
    assert plan.routes["ru"] == ["fa", "en", "ru"] and _kinds(plan) == {"fa→en": "nllb", "en→ru": "argos"}


@pytest.mark.parametrize(
    "text,phrase",
    [
        ('[routes.ru]\nvia = "en"\nengine = "nlb"\n', "line 3: unknown engine 'nlb'; choose one of argos"),
        ('[routes.ru]\nengine = ["nllb", "argos"]\n', "line 2: engine lists 2 kinds for a route of 1 leg(s)"),
        ('[routes.ru]\nvia = "en"\nmodel = "x"\nengine = "nllb"\n', "line 3: unknown key 'model' in [routes.ru]"),
        ('[routes.ru]\nvia = "en"\n', "line 1: [routes.ru] needs engine"),
        ("[routes.ru]\nengine = nllb\n", "line 2: not valid TOML"),
        ('pivot = "English"\n', "line 1: pivot 'English' is not a language code"),
        ('engines = "nllb"\n', "line 1: unknown key 'engines'"),
        ('\n\n[routes.RU]\nengine = "nllb"\n', "line 3: [routes.X] target 'RU' is not a language code"),
    ],
)
def test_bad_config_is_one_line_naming_file_and_line(tmp_path, text, phrase):
    with pytest.raises(InputError) as err:
        _config(tmp_path, text)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(f"{tmp_path / 'xling.toml'}: ") and phrase in msg, msg


def test_config_naming_a_missing_model_or_two_engines_for_one_leg(tmp_path):
    config = _config(tmp_path, '[routes.ru]\nengine = "opus-mt"\n')
    with pytest.raises(ModelMissingError, match=r"xling.toml: line 1: no opus-mt model is installed for fa→ru"):
        plan_translation("fa", ["ru"], config=config, catalog=CATALOG)
    config = _config(tmp_path, '[routes.en]\nengine = "nllb"\n[routes.ru]\nvia = "en"\nengine = "argos"\n')
    with pytest.raises(ModelMissingError, match="the fa→en leg is given two engines"):
        plan_translation("fa", ["en", "ru"], config=config, catalog=CATALOG)


def test_missing_folder_kind_names_folder_install():
    with pytest.raises(ModelMissingError) as err:
        plan_translation("fa", ["ru"], engine="opus-mt", catalog=CATALOG)
    assert "no opus-mt model installed for" in str(err.value) and "xling models install DIR" in str(err.value)
    assert err.value.exit_code == 2


def test_find_routes_config(tmp_path):
    assert find_routes_config(None, cwd=tmp_path) is None
    (tmp_path / "xling.toml").write_text('[routes.en]\nengine = "nllb"\n')
    assert find_routes_config(None, cwd=tmp_path).rules["en"].engines == ("nllb",)
    with pytest.raises(InputError, match="no such file"):
        find_routes_config(tmp_path / "nope.toml")
