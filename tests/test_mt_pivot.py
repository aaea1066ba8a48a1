"""Route planning and shared pivot legs (pure logic, with a recording Engine test double)."""

from __future__ import annotations

import typing

import pytest

from xling.errors import ModelMissingError
from xling.mt.pivot import PivotEngine, legs_of, plan_routes, run_routes


class TagEngine:
    """Engine test double: wraps each text as ``to(text)`` and records every call."""

    calls: typing.ClassVar[list[tuple[str, str, int]]] = []

    def __init__(self, from_code: str, to_code: str) -> None:
        self.from_code, self.to_code = from_code, to_code

    def translate_batch(self, texts, *, beam_size=None, on_progress=None):
        TagEngine.calls.append((self.from_code, self.to_code, len(texts)))
        if on_progress:
            on_progress(len(texts))
        return [f"{self.to_code}({t})" for t in texts]

    def models(self):
        return [{"pair": f"{self.from_code}-{self.to_code}", "name": "tag", "version": "0", "test_model": "tag"}]


def test_direct_routes_preferred_and_pivot_used_otherwise():
    pairs = {("fa", "en"), ("en", "ru"), ("fa", "ar"), ("en", "ar")}
    routes = plan_routes("fa", ["en", "ru", "ar"], pairs=pairs)
    assert routes == {"en": ["fa", "en"], "ru": ["fa", "en", "ru"], "ar": ["fa", "ar"]}
    legs = legs_of(routes)
    assert sorted(legs) == [("en", "ru"), ("fa", "ar"), ("fa", "en")]
    assert legs.index(("fa", "en")) < legs.index(("en", "ru"))


def test_missing_pairs_named_with_both_install_ways():
    with pytest.raises(ModelMissingError) as err:
        plan_routes("fa", ["en", "ru", "ar"], pairs={("fa", "en")})
    msg = str(err.value)
    # the fa→en leg exists, so the missing pivot legs en→ru and en→ar are named
    assert msg.startswith("no model installed for en→ru, en→ar (")
    assert "`xling models install en ru`" in msg and "`xling models install en ar`" in msg
    assert "xling models install FILE.argosmodel" in msg
    assert err.value.exit_code == 2
    assert err.value.missing == [("en", "ru"), ("en", "ar")]
    # nothing installed: the legs through the pivot are named (Argos has en↔xx packages, rarely
    # fa→ru), with a direct package as the alternative
    with pytest.raises(ModelMissingError) as err:
        plan_routes("fa", ["en", "ru", "ar"], pairs=set())
    assert err.value.missing == [("fa", "en"), ("en", "ru"), ("en", "ar")]
    assert "(or a direct fa→ru, fa→ar package where one exists)" in str(err.value)
    # pivot is the source: only the direct pair can help
    with pytest.raises(ModelMissingError) as err:
        plan_routes("en", ["ru"], pairs=set())
    assert err.value.missing == [("en", "ru")] and "a direct" not in str(err.value)


def test_pivot_leg_runs_once_and_feeds_every_target():
    TagEngine.calls = []
    routes = plan_routes("fa", ["en", "ru", "ar"], pairs={("fa", "en"), ("en", "ru"), ("en", "ar")})
    engines = {leg: TagEngine(*leg) for leg in legs_of(routes)}
    seen = []
    outputs, ran = run_routes(["a", "b"], routes, engines, progress=lambda leg: lambda n: seen.append((leg, n)))
    assert outputs == {"en": ["en(a)", "en(b)"], "ru": ["ru(en(a))", "ru(en(b))"], "ar": ["ar(en(a))", "ar(en(b))"]}
    assert [c[:2] for c in TagEngine.calls].count(("fa", "en")) == 1
    assert len(TagEngine.calls) == 3 and ran[0] == ("fa", "en")
    assert sum(n for _, n in seen) == 6


def test_pivot_engine_chains_legs():
    engine = PivotEngine([TagEngine("fa", "en"), TagEngine("en", "ru")])
    assert (engine.from_code, engine.to_code) == ("fa", "ru")
    assert engine.translate_batch(["x"]) == ["ru(en(x))"]
    assert [m["pair"] for m in engine.models()] == ["fa-en", "en-ru"]


def test_target_equal_to_source_is_refused():
    with pytest.raises(ModelMissingError):
        plan_routes("fa", ["fa"], pairs=set())
