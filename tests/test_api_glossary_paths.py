"""The Python APIs the README names take a glossary as a loaded Glossary or as a YAML path (as
score_files does); a path gave AttributeError: 'str' object has no attribute 'source_language'."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data" / "glossary_enforce.yaml"
SRC = ["آندری بلوسوف گفت.", "پوتین آمد."]
HYP = ["Andrei Blusov said.", "Putin came."]


def test_run_checks_takes_a_glossary_path():
    from xling.score.api import run_checks

    for g in (DATA, str(DATA)):
        rep = run_checks(SRC, HYP, src_lang="fa", tgt_lang="en", glossary=g)
        assert rep.term_report is not None and any(i.check == "term-deprecated" for i in rep.issues)


def test_check_terms_takes_a_glossary_path():
    from xling.glossary.check import check_terms

    rep = check_terms(SRC, HYP, "en", str(DATA))
    assert {r.entry_id: r.status for r in rep.rows}["andrei-belousov"] == "deprecated"


def test_align_sentences_takes_a_glossary_path():
    from xling.align.search import align_sentences
    from xling.glossary.store import load_glossary

    by_path = align_sentences(SRC, HYP, src_lang="fa", tgt_lang="en", glossary=str(DATA))
    by_object = align_sentences(SRC, HYP, src_lang="fa", tgt_lang="en", glossary=load_glossary(DATA))
    assert [(b.src, b.tgt) for b in by_path] == [(b.src, b.tgt) for b in by_object] == [((0,), (0,)), ((1,), (1,))]
