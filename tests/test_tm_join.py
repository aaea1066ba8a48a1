"""Joined segments (issue 13): a TM unit whose source is several consecutive segments of the
document (an aligned 2-1 bead) is reused for them together, and MT never sees them. Own small
fixture, xling copy test models (their output is a copy of the source, not a translation)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from mt_helpers import copy_model, install_packages

from xling.tm.stage import MAX_JOIN, plan_joins

TESTS = Path(__file__).resolve().parent
STANDARDS = TESTS / "data" / "standards"

S0, S1, S2 = "سلام دوستان.", "امروز هوا خوب است.", "فردا باران می‌بارد."
S3, S4 = "این خبر به‌روز می‌شود.", "جمله‌ای تازه آمد."
TEXT = f"{S0} {S1} {S2}\n\n{S3}\n\n{S4}\n"
#: fa source → {target: text}: S0+S1 is one unit (a 2-1 bead), S2 and S3 their own; S1+S2 too,
#: which must lose (taking it would leave S0 to MT); S4 is not in the TM.
UNITS = {
    f"{S0} {S1}": {"en": "Hello friends, the weather is fine today.", "ar": "مرحبا يا أصدقاء، الطقس جميل اليوم."},
    S2: {"en": "Tomorrow it will rain.", "ar": "غدا ستمطر."},
    f"{S1} {S2}": {"en": "WRONG JOIN", "ar": "WRONG JOIN"},
    S3: {"en": "This story is being updated.", "ar": "هذا الخبر قيد التحديث."},
}


def test_plan_joins_prefers_most_reused_then_fewest_joins():
    def cover(*spans):
        return lambda i, j: (i, j) in spans

    assert plan_joins(3, cover((0, 2), (2, 3), (1, 3))) == [(0, 2), (2, 3)]  # 3 reused beats 2
    assert plan_joins(2, cover((0, 1), (1, 2), (0, 2))) == [(0, 1), (1, 2)]  # own matches kept
    assert plan_joins(2, cover((0, 2))) == [(0, 2)]
    assert plan_joins(3, cover((1, 2))) == [(1, 2)]
    assert plan_joins(0, cover()) == []
    asked: list[tuple[int, int]] = []
    plan_joins(6, lambda i, j: asked.append((i, j)) is not None)
    assert max(j - i for i, j in asked) == MAX_JOIN  # spans are bounded


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("fa", "ar"))
    return folder


@pytest.fixture
def run(packages, monkeypatch, tmp_path):
    """Translate TEXT with a TM of UNITS: ``(out dir, TM path, texts each engine was given)``."""
    from xling.formats.roundtrip import xliff_output
    from xling.pipeline import Session, TranslateConfig, translate_file
    from xling.tm.stage import TMStages
    from xling.tm.store import TMUnit, TranslationMemory

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    tm_path, doc, out = tmp_path / "tm.sqlite", tmp_path / "news.fa.txt", tmp_path / "out"
    doc.write_text(TEXT, encoding="utf-8")
    with TranslationMemory(tm_path) as tm:
        tm.add(TMUnit(src, tgt, "fa", lang, "human") for src, ts in UNITS.items() for lang, tgt in ts.items())
    session = Session.open(TranslateConfig("fa", ("en", "ar")))
    session.load_engines()
    seen: dict[tuple[str, str], list[str]] = {}
    for leg, engine in session.engines.items():
        batch = engine.translate_batch

        def counting(texts, *a, _leg=leg, _batch=batch, **kw):
            seen.setdefault(_leg, []).extend(texts)
            return _batch(texts, *a, **kw)

        monkeypatch.setattr(engine, "translate_batch", counting)
    with TranslationMemory(tm_path, create=False) as tm:
        stages = TMStages(tm)
        translate_file(
            doc, out, session.config, session=session, stages=stages.stages(), outputs=[xliff_output(doc.name)]
        )
    assert stages.reused == [0, 1, 2, 3]
    return out, tm_path, seen


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "news.jsonl").read_text(encoding="utf-8").splitlines()]


def test_joined_segments_take_the_tm_target_and_skip_mt(run):
    out, _, seen = run
    assert seen == {("fa", "en"): [S4], ("fa", "ar"): [S4]}  # MT saw only the segment not in the TM
    recs = records(out)
    assert [r["source"] for r in recs] == [S0, S1, S2, S3, S4]
    head, joined = recs[0], recs[1]
    assert head["targets"] == UNITS[f"{S0} {S1}"] and head["origin"] == {"en": "tm-joined", "ar": "tm-joined"}
    assert {"stage": "tm", "exact": head["changes"][-1]["exact"], "joined": [0, 1]} == head["changes"][-1]
    assert joined["joined_into"] == 0 and joined["targets"] == {"en": "", "ar": ""}
    assert joined["origin"] == {"en": "joined", "ar": "joined"} and joined["text"] == ""
    assert recs[2]["targets"] == UNITS[S2] and recs[2]["origin"] == {"en": "tm-exact", "ar": "tm-exact"}
    assert recs[3]["targets"] == UNITS[S3]  # a one-sentence unit for a one-sentence segment
    assert recs[4]["origin"] == {"en": "mt", "ar": "mt"} and "joined_into" not in recs[4]
    en = (out / "news.en.txt").read_text(encoding="utf-8").splitlines()
    fa = (out / "news.fa.txt").read_text(encoding="utf-8").splitlines()
    assert en == [UNITS[f"{S0} {S1}"]["en"], UNITS[S2]["en"], "", UNITS[S3]["en"], "", S4]
    assert fa == [f"{S0} {S1}", S2, "", S3, "", S4]  # line N of every file is one TM unit or segment


def test_joined_segments_in_the_xliff_are_valid_and_fold_back_into_one_tm_unit(run, tmp_path):
    from xling.formats.roundtrip import import_post_edit
    from xling.formats.xliff import NS20, read_xliff
    from xling.tm.exchange import units_from_xliff
    from xling.tm.store import TranslationMemory

    out, _, _ = run
    xlf = out / "news.en.xlf"
    schema = etree.XMLSchema(etree.parse(str(STANDARDS / "xliff-2.1" / "xling-validate.xsd")))
    tree = etree.parse(str(xlf))
    assert schema.validate(tree), schema.error_log
    units = read_xliff(xlf.read_bytes()).units
    assert [u.id for u in units] == ["0", "1", "2", "3", "4"]  # unit id = segment id
    assert [u.state for u in units[:2]] == ["tm-joined", "joined"] and units[1].target == ""
    assert any(c == "xling:tm" and "0, 1" in t for c, t in units[0].notes)
    assert any(c == "xling:tm" and "joined into segment 0" in t for c, t in units[1].notes)
    qa_notes = {u.id: [t for c, t in u.notes if c == "xling:qa"] for u in units}
    assert [u for u, notes in qa_notes.items() if notes] == ["4"]  # the copy model's S4, on its own unit
    folded = list(units_from_xliff(xlf.read_bytes()))
    assert (folded[0].source, folded[0].target) == (f"{S0} {S1}", UNITS[f"{S0} {S1}"]["en"])
    assert len(folded) == 4  # the joined unit's empty target gives no unit of its own

    (target,) = tree.xpath("//x:unit[@id='0']//x:target", namespaces={"x": NS20})
    target.text = "Hello, friends: today the weather is fine."
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    with TranslationMemory(tmp_path / "pe.sqlite") as tm:
        result = import_post_edit(xlf, out, tm=tm)
        assert result.edited == [0] and result.tm_added == 1
        match = tm.exact(f"{S0} {S1}", "fa", "en")
        assert match is not None and match.target == target.text and match.origin == "post-edited"
        assert tm.exact(S0, "fa", "en") is None  # not stored under the head's source alone
    assert (out / "news.en.txt").read_text(encoding="utf-8").splitlines()[0] == target.text


def test_review_page_checks_the_head_against_the_joined_sources(run):
    """The HTML report's QA (xling.report.document, per record): no empty-segment error on the
    joined segment, no length-ratio warning on the head, whose target covers both sources, and
    the later issues stay on their own rows."""
    from xling.report.document import build_document

    out, _, _ = run
    doc = build_document(records(out), title="news")
    rows = [row for _, rows in doc.paragraphs for row in rows]
    issues = {row.id: [i["check"] for cell in row.targets for i in cell.issues] for row in rows}
    assert issues == {0: [], 1: [], 2: [], 3: [], 4: ["untranslated", "untranslated"]}  # S4: MT by a copy model


def test_score_of_the_record_checks_the_head_against_the_joined_sources(run, cli):
    out, _, _ = run
    r = cli(["score", out / "news.jsonl", "--lang", "en", "--json"])
    assert r.exit_code == 0, r.output
    issues = json.loads(r.output)["qa"]["issues"]
    assert [(i["check"], i["line"]) for i in issues] == [("untranslated", 5)]  # S4 (MT: a copy), line 5 of the .jsonl
