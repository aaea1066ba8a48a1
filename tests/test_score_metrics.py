"""Reference-based scores: sacrebleu BLEU, chrF++, TER; normalization; pairing and --align."""

from __future__ import annotations

from pathlib import Path

import pytest

from xling.errors import ScoreError
from xling.score.api import score_segments
from xling.score.metrics import bleu_tokenizer
from xling.score.normalization import normalization_record, normalize_for_scoring

DATA = Path(__file__).parent / "data" / "score"


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_reference_against_itself_is_perfect(lang):
    ref = lines(f"reference.{lang}.txt")
    pairs, m = score_segments(ref, ref, lang=lang)
    assert len(pairs) == len(ref)
    assert m["bleu"].score == 100.0
    assert m["chrf"].score == 100.0
    assert m["ter"].score == 0.0
    assert all(s == 100.0 for s in m["chrf"].segments)


@pytest.mark.parametrize("lang,tok", [("en", "13a"), ("ru", "intl"), ("ar", "intl"), ("fa", "intl")])
def test_bleu_tokenizer_is_recorded_in_signature(lang, tok):
    assert bleu_tokenizer(lang) == tok
    _, m = score_segments(["a b c d"], ["a b c d"], lang=lang)
    assert f"tok:{tok}" in m["bleu"].signature
    assert "nw:2" in m["chrf"].signature  # chrF++ = chrF with word bigrams
    assert "flores" not in m["bleu"].signature


def test_intl_splits_arabic_punctuation():
    # A hypothesis lacking only "،" and "؟": intl separates them from the words, 13a does not.
    from sacrebleu.metrics import BLEU

    ref = ["هل التقى الرئيس، أمس، الوزير في الكرملين؟"]
    hyp = ["هل التقى الرئيس أمس الوزير في الكرملين"]
    intl = BLEU(tokenize="intl").corpus_score(hyp, [ref]).score
    t13a = BLEU(tokenize="13a").corpus_score(hyp, [ref]).score
    _, m = score_segments(hyp, ref, lang="ar")
    assert m["bleu"].score == pytest.approx(intl, abs=1e-3)
    assert intl > t13a


def test_normalization_makes_orthographic_variants_equal():
    # ZWNJ, Persian/Arabic yeh and kaf, Persian and Arabic-Indic digits.
    hyp = ["وزير الخارجية ی‌ک ۸۰ عاماً ١٩٤٤"]
    ref = ["وزير الخارجية يك 80 عاماً 1944"]
    _, m = score_segments(hyp, ref, lang="ar")
    assert m["bleu"].score == 100.0 and m["chrf"].score == 100.0 and m["ter"].score == 0.0
    assert normalize_for_scoring("می‌گوید ۸۰", "fa") == normalize_for_scoring("میگوید 80", "fa")
    rec = normalization_record("ar")
    assert rec["steps"] == ["nfc", "zwnj-remove", "unify-letters", "digits-ascii"]


def test_changed_number_lowers_scores():
    ref = lines("reference.en.txt")
    hyp = [lg.replace("1944", "1945") for lg in ref]
    assert hyp != ref
    _, m = score_segments(hyp, ref, lang="en")
    assert m["bleu"].score < 100 and m["chrf"].score < 100 and m["ter"].score > 0
    changed = [i for i, h in enumerate(hyp) if "1945" in h]
    assert [i for i, s in enumerate(m["chrf"].segments) if s < 100] == changed


def split_ru_line_8() -> list[str]:
    ref = lines("reference.ru.txt")
    first, rest = ref[8].split(" — это", 1)
    return ref[:8] + [first + ".", "Это" + rest] + ref[9:]


def test_line_count_mismatch_is_paired_by_the_aligner():
    # issue 11: no error asking for --align; the aligner pairs them, and says so (pairing.note)
    pytest.importorskip("xling.align.search")
    from xling.score.pairing import pairing

    ref = lines("reference.ru.txt")
    hyp = split_ru_line_8()
    assert (len(ref), len(hyp)) == (15, 16)
    pairs, m = score_segments(hyp, ref, lang="ru", hyp_name="hyp.ru.txt", ref_name="reference.ru.txt")
    forced, m2 = score_segments(hyp, ref, lang="ru", align=True)
    assert pairs == forced and m["chrf"].score == m2["chrf"].score
    note = pairing(
        hyp, ref, align=False, hyp_lang="ru", other_lang="ru", hyp_name="hyp.ru.txt", other_name="reference.ru.txt"
    ).note
    assert note is not None and "\n" not in note and "16" in note and "15" in note and "hyp.ru.txt" in note
    assert pairing(hyp, ref, align=True, hyp_lang="ru", other_lang="ru").note is None


def test_align_scores_a_differently_segmented_hypothesis():
    pytest.importorskip("xling.align.search")
    ref = lines("reference.ru.txt")
    hyp = split_ru_line_8()
    pairs, m = score_segments(hyp, ref, lang="ru", align=True)
    merged = [p for p in pairs if len(p.hyp) == 2]
    assert [(p.hyp, p.other) for p in merged] == [((8, 9), (8,))]
    assert merged[0].hyp_text == hyp[8] + " " + hyp[9]
    assert 95 < m["chrf"].score < 100 and m["bleu"].score > 90


def test_align_uses_the_aligner_beads(monkeypatch):
    """With a stand-in aligner: beads (including 1-0 and 0-1) become scored pairs."""
    from xling.align.beads import Bead
    from xling.score import pairing

    calls = {}

    def fake_align(src, tgt, *, src_lang, tgt_lang, glossary=None):
        calls["args"] = (src, tgt, src_lang, tgt_lang)
        return [Bead((0,), (0, 1)), Bead((1,), ()), Bead((), (2,))]

    monkeypatch.setattr(pairing, "_align_sentences", fake_align)
    pairs, m = score_segments(["a b", "c d", "x"], ["a b c d", "e f"], lang="en", align=True)
    assert calls["args"] == (["a b c d", "e f"], ["a b", "c d", "x"], "en", "en")
    assert [(p.hyp, p.other, p.hyp_text, p.other_text) for p in pairs] == [
        ((0, 1), (0,), "a b c d", "a b c d"),
        ((), (1,), "", "e f"),
        ((2,), (), "x", ""),
    ]
    assert m["chrf"].segments[0] == 100.0 and m["chrf"].segments[1] == 0.0


def test_paragraph_breaks_are_not_scored():
    pairs, m = score_segments(["a b c d", "", "e f g h"], ["a b c d", "", "e f g h"], lang="en")
    # defect 13: segment ids skip the paragraph break, the lines stay file lines
    assert [p.hyp for p in pairs] == [(0,), (1,)] and [p.hyp_lines for p in pairs] == [(1,), (3,)]
    assert m["bleu"].score == 100.0 and m["chrf"].segments == [100.0, 100.0]
    with pytest.raises(ScoreError, match="no segments"):
        score_segments(["", ""], ["", ""], lang="en")
